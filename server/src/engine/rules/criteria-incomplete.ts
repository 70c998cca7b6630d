import type { CaseDoc } from '../document';
import { combine, insertProperty, replaceScalar } from '../fixes';
import { schemaAt } from '../schema-info';
import { CRITERION_QUESTION, type CriterionKey, findingOf, incidentDenies } from '../criteria';
import { asRecord } from '../values';
import { placeholderFor, TO_COMPLETE } from '../placeholders';
import type { Rule } from '../rule';
import { isPlaceholder, listWords } from '../text';
import type { Fix, TextEdit } from '../types';

/** Adds a finding for `key` to the criteria, however the criterion stands now. */
function addFinding(doc: CaseDoc, key: CriterionKey, finding: unknown): TextEdit | undefined {
  const path = ['criteria', key];
  const value = doc.get(path);
  if (!doc.has(path)) return insertProperty(doc, ['criteria'], key, { finding, evidence: TO_COMPLETE });
  if (value === null || asRecord(value)) return insertProperty(doc, path, 'finding', finding);
  return replaceScalar(doc, path, { finding, evidence: TO_COMPLETE });
}

/**
 * The criteria a finding makes needed in turn that have no finding yet: the child did not die, so
 * serious harm is needed; harm is yes or unclear, so concerns about working together are. While
 * harm is still to be chosen, an incident recorded as serious harm settles that it counts (`no`
 * would deny the incident), so concerns are needed too. A fix adds them with their finding still to
 * be chosen (`toChoose`), never a finding the board has not made.
 */
function followOn(doc: CaseDoc, key: CriterionKey, finding: string): CriterionKey[] {
  const criteria = asRecord(doc.get(['criteria'])) ?? {};
  const f = (k: CriterionKey) => findingOf(criteria[k]);
  const out: CriterionKey[] = [];
  const harm = key === 'seriousHarm' ? finding : f('seriousHarm');
  if (key === 'childDied' && finding === 'no' && harm === undefined) out.push('seriousHarm');
  const harmRoute = key === 'seriousHarm' || (key === 'childDied' && finding === 'no');
  const harmOpen = harm === undefined || isPlaceholder(harm);
  const harmCounts = harm === 'yes' || harm === 'unclear' || (harmOpen && doc.get(['case', 'incident', 'outcome']) === 'seriously-harmed');
  if (harmRoute && harmCounts && f('concernsAboutWorkingTogether') === undefined) out.push('concernsAboutWorkingTogether');
  return out;
}

/** A finding left for the board to choose, with the choices named, as a new section's would be. */
function toChoose(key: CriterionKey): string {
  const finding = asRecord(placeholderFor(['criteria', key], '')[0])?.finding;
  return typeof finding === 'string' ? finding : TO_COMPLETE;
}

/** Why a criterion is needed before the board's finding says so: the incident's recorded outcome. */
const INCIDENT_HARM = 'The incident is recorded as serious harm to the child (`case.incident.outcome: seriously-harmed`)';

function why(key: CriterionKey, doc: CaseDoc): string {
  switch (key) {
    case 'abuseOrNeglect':
    case 'childDied':
      return `The statutory test always needs a finding on ${CRITERION_QUESTION[key]}`;
    case 'seriousHarm':
      // Needed because the child did not die: as the board found, or, before it has, as the incident records.
      return findingOf(doc.get(['criteria', 'childDied'])) === 'no'
        ? `The child did not die, so the statutory test needs a finding on ${CRITERION_QUESTION[key]}`
        : `${INCIDENT_HARM}, not a death, so the statutory test needs a finding on ${CRITERION_QUESTION[key]}`;
    case 'concernsAboutWorkingTogether': {
      const harm = findingOf(doc.get(['criteria', 'seriousHarm']));
      return harm === 'yes' || harm === 'unclear'
        ? `The finding on serious harm is \`${harm}\`, so the statutory test needs a finding on ${CRITERION_QUESTION[key]}`
        : `${INCIDENT_HARM}, so the statutory test needs a finding on ${CRITERION_QUESTION[key]}`;
    }
  }
}

const AFTERWORD: Partial<Record<CriterionKey, string>> = {
  seriousHarm: ' A child’s recovery does not mean serious harm did not occur.',
  concernsAboutWorkingTogether: ' A review must follow unless there is definitive evidence of no concerns about how agencies worked together.',
};

export const criteriaIncomplete: Rule = {
  id: 'criteria-incomplete',
  title: 'Every criterion the test needs is recorded',
  description: 'A statutory criterion the test needs that is not recorded.',
  severity: 'error',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    for (const key of ctx.test.missing) {
      const path = ['criteria', key];
      const written = doc.has(path);
      const value = doc.get(path);
      // The format's own choices for this finding (its YAML 1.1 true/false aliases left out).
      const choices = (schemaAt([...path, 'finding'])?.enum ?? []).filter((v): v is string => typeof v === 'string');
      const state = !written ? ', and none is recorded.'
        : value === null || asRecord(value) ? `; \`${key}\` is written but has no \`finding\`.`
        : `; \`${key}\` is written as a single value, not as a finding with its evidence.`;
      // A choice that would deny the incident's recorded outcome (`childDied: no` for a death) is not offered.
      const fixes: Fix[] = choices.filter((choice) => !incidentDenies(doc, key, choice)).flatMap((choice) => {
        const more = followOn(doc, key, choice);
        const edit = combine(doc, [(d) => addFinding(d, key, choice), ...more.map((k) => (d: CaseDoc) => addFinding(d, k, toChoose(k)))]);
        const title = `Add \`${key}: ${choice}\`${more.length ? `, with ${listWords(more.map((k) => `\`${k}\``), 'and')} to complete` : ''}`;
        return edit ? [{ title, edits: [edit], preferred: false }] : [];
      });
      ctx.report({
        span: written ? doc.keySpan(path) : doc.anchor(['criteria'], ['decision'], ['agencyInput'], ['agencies']),
        message:
          `${why(key, doc)}${state} ${written && (value === null || asRecord(value)) ? 'Add its `finding`' : `Add \`${key}\` with its finding`} ` +
          `(${listWords(choices.map((c) => `\`${c}\``))}) and the evidence for it.` +
          (AFTERWORD[key] ?? ''),
        fixes,
        subject: key,
      });
    }
  },
};
