import type { CaseDoc } from './document';
import { schemaAt } from './schema-info';
import { ownEntry } from './text';
import { asRecord, asString, isWritten } from './values';

/** A criterion finding, with YAML 1.1's booleans read as yes/no. */
export function findingOf(v: unknown): string | undefined {
  const f = asRecord(v)?.finding;
  if (f === true) return 'yes';
  if (f === false) return 'no';
  return typeof f === 'string' ? f : undefined;
}

export const CRITERIA = ['abuseOrNeglect', 'childDied', 'seriousHarm', 'concernsAboutWorkingTogether'] as const;
export type CriterionKey = (typeof CRITERIA)[number];

export const CRITERION_LABEL: Record<CriterionKey, string> = {
  abuseOrNeglect: 'abuse or neglect known or suspected',
  childDied: 'the child has died',
  seriousHarm: 'the child has been seriously harmed',
  concernsAboutWorkingTogether: 'cause for concern about how agencies worked together',
};

/** What each criterion's finding answers, as words that follow "the finding on". */
export const CRITERION_QUESTION: Record<CriterionKey, string> = {
  abuseOrNeglect: 'whether abuse or neglect is known or suspected',
  childDied: 'whether the child has died',
  seriousHarm: 'whether the child has been seriously harmed',
  concernsAboutWorkingTogether: 'whether there is cause for concern about how agencies worked together',
};

/**
 * Settings where the guidance calls for a review of any death, whatever the other findings:
 * custody, a secure setting, detention under the Mental Health Act 1983, and (for a child aged
 * 16–17) deprivation of liberty under the Mental Capacity Act 2005.
 */
export const MANDATORY_SETTINGS = ['custody', 'secure-setting', 'mental-health-detention', 'deprivation-of-liberty'];

const MANDATORY_SETTING_WORDS: Record<string, string> = {
  custody: 'in custody',
  'secure-setting': 'in a secure setting',
  'mental-health-detention': 'while detained under the Mental Health Act 1983',
  'deprivation-of-liberty': 'aged 16–17 while deprived of liberty under the Mental Capacity Act 2005',
};

/** Where the child died, as words that follow "The child died": for a setting that calls for an SCR of any death. */
export function mandatorySettingWords(setting: unknown): string {
  return ownEntry(MANDATORY_SETTING_WORDS, asString(setting) ?? '') ?? 'in a setting where a review is always needed';
}

export interface StatutoryTest {
  /**
   * The criteria the test needs, given the findings so far and, where a finding is not yet
   * written, the incident's recorded outcome (`seriously-harmed`: the child did not die).
   */
  needed: CriterionKey[];
  /** Needed criteria that are not recorded (or have no finding). */
  missing: CriterionKey[];
  /**
   * Needed criteria whose finding is written but is not one of the format's choices (`Yes`,
   * `suspectd`): the schema reports each; the test cannot be worked out until they are put right.
   */
  unreadable: CriterionKey[];
  /** Whether the findings meet the test; undefined while a needed finding is missing. */
  met: boolean | undefined;
  /** A death in custody, a secure setting, under mental health detention or deprived of liberty (MANDATORY_SETTINGS). */
  mandatorySetting: boolean;
  /** Whether the case calls for an SCR: the test met, or a mandatory setting. */
  requiresScr: boolean | undefined;
}

/**
 * The statutory test (LSCB Regulations 2006, reg. 5(2); WT2015 ch. 4): abuse or neglect known or
 * suspected, and either the child died, or was seriously harmed with cause for concern about
 * how agencies worked together. "Unclear" counts towards the test.
 */
export function statutoryTest(doc: CaseDoc): StatutoryTest {
  const c = asRecord(doc.get(['criteria'])) ?? {};
  const written = (k: CriterionKey) => findingOf(c[k]);
  // Only the format's choices count: a finding written otherwise is known to no one.
  const f = (k: CriterionKey) => {
    const v = written(k);
    return v !== undefined && FINDING_CHOICES[k].includes(v) ? v : undefined;
  };
  // Which criteria are needed follows the board's findings; where a finding is not yet written (or
  // is still to be completed), from what the incident's outcome already says: a child recorded as
  // seriously harmed did not die, and was seriously harmed. Never in place of a written finding,
  // and never for the result (`met`), which rests on the board's findings alone.
  const outcome = doc.get(['case', 'incident', 'outcome']);
  const open = (k: CriterionKey) => !isWritten(written(k));
  const died = f('childDied') ?? (open('childDied') && outcome === 'seriously-harmed' ? 'no' : undefined);
  const harm = f('seriousHarm') ?? (open('seriousHarm') && outcome === 'seriously-harmed' ? 'yes' : undefined);
  const needed: CriterionKey[] = ['abuseOrNeglect', 'childDied'];
  if (died === 'no') needed.push('seriousHarm');
  if (died === 'no' && (harm === 'yes' || harm === 'unclear')) needed.push('concernsAboutWorkingTogether');
  const missing = needed.filter((k) => written(k) === undefined);
  const unreadable = needed.filter((k) => written(k) !== undefined && f(k) === undefined);
  const abuse = f('abuseOrNeglect');
  let met: boolean | undefined;
  if (abuse === 'not-suspected') met = false;
  else if (missing.length === 0 && unreadable.length === 0) {
    const harmRoute = ['yes', 'unclear'].includes(f('seriousHarm') ?? '') && ['yes', 'unclear'].includes(f('concernsAboutWorkingTogether') ?? '');
    met = (abuse === 'known' || abuse === 'suspected') && (f('childDied') === 'yes' || harmRoute);
  } else if (f('childDied') === 'yes' && (abuse === 'known' || abuse === 'suspected')) met = true;
  const setting = asString(doc.get(['case', 'incident', 'setting']));
  const death = f('childDied') === 'yes' || outcome === 'died';
  const mandatorySetting = death && MANDATORY_SETTINGS.includes(setting ?? '');
  const requiresScr = mandatorySetting ? true : met;
  return { needed, missing, unreadable, met, mandatorySetting, requiresScr };
}

/** A criterion's finding that says the opposite of the incident's recorded outcome. */
export interface IncidentConflict {
  /** The criterion whose finding denies the incident's outcome. */
  key: 'childDied' | 'seriousHarm';
  /** The finding as it reads: `no` to a death or serious harm recorded, `yes` to a death not recorded. */
  finding: 'yes' | 'no';
  /** The incident's outcome, as written (`case.incident.outcome`). */
  outcome: 'died' | 'seriously-harmed';
}

/**
 * Where the findings deny what the incident records: the child died (`outcome: died`) but the
 * finding on the child's death is `no`; the child was seriously harmed (`outcome: seriously-harmed`)
 * but the finding on serious harm is `no` (often because the child recovered, which does not undo
 * serious harm), or the finding on the child's death is `yes` (a child who died since is recorded
 * as `died`). A fact of the record, whether or not a decision is made yet: the one definition,
 * which criteria-consistency reports and the checklist's question 7 reads.
 */
export function incidentConflicts(doc: CaseDoc): IncidentConflict[] {
  const c = asRecord(doc.get(['criteria'])) ?? {};
  return CRITERIA.flatMap((k) => incidentDenies(doc, k, findingOf(c[k])) ?? []);
}

/** Whether a finding of `finding` on `key` would deny the incident's recorded outcome (and how). */
export function incidentDenies(doc: CaseDoc, key: CriterionKey, finding: string | undefined): IncidentConflict | undefined {
  const outcome = doc.get(['case', 'incident', 'outcome']);
  if (finding === 'no' && key === 'childDied' && outcome === 'died') return { key, finding, outcome };
  if (finding === 'no' && key === 'seriousHarm' && outcome === 'seriously-harmed') return { key, finding, outcome };
  if (finding === 'yes' && key === 'childDied' && outcome === 'seriously-harmed') return { key, finding, outcome };
  return undefined;
}

/** Each criterion's findings as the format lists them (true and false read as yes and no). */
const FINDING_CHOICES = Object.fromEntries(
  CRITERIA.map((k) => [k, (schemaAt(['criteria', k, 'finding'])?.enum ?? []).filter((v): v is string => typeof v === 'string')]),
) as Record<CriterionKey, string[]>;
