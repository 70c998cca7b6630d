import { isMap, isSeq, type Node } from 'yaml';
import type { CaseDoc, Path } from './document';
import { formatLong, parseDate, type DayNumber } from './dates';
import { once } from './once';
import { schemaAt } from './schema-info';
import { isBlank, isPlaceholder, nameKey, ownEntry, TO_COMPLETE_START } from './text';
import type { Question, Span } from './types';

/** Tolerant readers: a case file being typed is often half-written, so nothing here throws. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Whether the record's own words stand at a value: something written, and not words left to replace
 * (“To be completed. …”), which to-complete reports and nothing counts as the record.
 */
export function isWritten(v: unknown): boolean {
  return !isBlank(v) && !isPlaceholder(v);
}

/** Whether anything in a value (text, or a list or section at any depth) is the record's own words. */
export function hasWritten(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasWritten);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasWritten);
  return isWritten(v);
}

/** Whether anything in a value (text, or a list or section at any depth) is still to be completed. */
export function hasToComplete(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasToComplete);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasToComplete);
  return isPlaceholder(v);
}

/**
 * Text as written, for a label or a sentence: undefined when blank or still to be completed. Not
 * trimmed: the page shows the record's words exactly (JavaScript's trim would also drop marks such
 * as a byte-order mark, hiding what the file holds).
 */
export function writtenText(v: unknown): string | undefined {
  return isWritten(v) ? asString(v) : undefined;
}

/** A list entry with its place in the file. */
export interface Entry<T = Record<string, unknown>> {
  index: number;
  path: Path;
  data: T;
}

/** The entries of the list at `path` that are mappings; worked out once per file (the rules ask often). */
export function entries(doc: CaseDoc, path: Path): readonly Entry[] {
  return once(doc, `entries\u0000${path.join('\u0000')}`, () => {
    // A plain loop: flatMap, with an array made for each item, took three times as long over the
    // thousands of entries of a long file, on every keystroke.
    const list = asArray(doc.get(path));
    const out: Entry[] = [];
    for (let index = 0; index < list.length; index++) {
      const data = asRecord(list[index]);
      if (data) out.push({ index, path: [...path, index], data });
    }
    return Object.freeze(out);
  });
}

/**
 * Whether something is written at `path` that is not the kind of value the format wants there
 * (`addresses: Northshire`, `learning: [NSCB-2014-02]` where a list of sections belongs): the format
 * check reports it, so a rule looking for entries there says nothing more (one problem, one finding).
 */
export function wrongKind(doc: CaseDoc, path: Path): boolean {
  const v = doc.get(path);
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) return false;
  const want = schemaAt(path)?.type;
  if (want === 'object') return asRecord(v) === undefined;
  if (want !== 'array') return false;
  if (!Array.isArray(v)) return true;
  const item = schemaAt([...path, 0])?.type;
  return item === 'object' ? v.some((x) => asRecord(x) === undefined) : item === 'string' ? v.some((x) => typeof x !== 'string') : false;
}

/**
 * Whether something dated `v` (a meeting, an agency's input, a challenge) stands on or before
 * `day` (the decision), so that it can have informed it; any date will do when there is no day.
 * A date written so that it cannot be read (2016-02-30) is given the benefit of the doubt:
 * invalid-date reports it, and no rule should say on its account that it came too late. (The
 * checklist does not count it either way: see unreadableDate.)
 */
export function onOrBefore(v: unknown, day: DayNumber | undefined): boolean {
  const d = parseDate(v);
  if (d === undefined) return v !== undefined && v !== null && !isBlank(v);
  return day === undefined || d <= day;
}

/**
 * Whether something dated `v` (a request, an answer) is shown to come after `day` (the decision):
 * its date can be read and is not on or before it. What onOrBefore does not count, less the dates
 * that cannot be read (given the benefit of the doubt there too); never, when there is no day.
 */
export function datedAfter(v: unknown, day: DayNumber | undefined): boolean {
  return day !== undefined && parseDate(v) !== undefined && !onOrBefore(v, day);
}

/**
 * Whether a date is written but cannot be read (`2016-13-45`, `next week`): not blank, not words
 * still to be completed (to-complete reports those), and not a day YYYY-MM-DD names. invalid-date
 * reports it; the checklist counts what is dated so only once the date can be read.
 */
export function unreadableDate(v: unknown): boolean {
  return isWritten(v) && parseDate(v) === undefined;
}

/**
 * An entry of a list of sections that cannot be read: written as something other than a section
 * (the format check reports it), or holding a slip in how it is written (yaml-syntax reports it),
 * so that what was read of it may not be what it says. `ordinal`: its place among the entries as
 * written, from 1; 0 where the slip leaves the whole list unread. `span`: all of its text.
 */
export interface UnreadEntry {
  ordinal: number;
  span: Span;
}

/** The entries of the list at `path` that cannot be read (see UnreadEntry), in the order written. */
export function unreadEntries(doc: CaseDoc, path: Path): readonly UnreadEntry[] {
  return once(doc, `unread\u0000${path.join('\u0000')}`, () => Object.freeze(findUnread(doc, path)));
}

/**
 * The entries of the list at `path` that can be read: sections (as `entries` gives them), less any
 * that a slip runs through. What the checklist counts.
 */
export function readableEntries(doc: CaseDoc, path: Path): readonly Entry[] {
  return once(doc, `readable\u0000${path.join('\u0000')}`, () => {
    const unread = unreadEntries(doc, path);
    if (!unread.length) return entries(doc, path);
    return Object.freeze(entries(doc, path).filter((e) => {
      const at = doc.node(e.path)?.range?.[0];
      return at === undefined || !unread.some((u) => at >= u.span.start && at < u.span.end);
    }));
  });
}

/**
 * The slips in the top-level section `top` (where each starts), with the section's text: none
 * unless the section is read with a slip (see CaseDoc.broken), which it is only as far as it goes.
 */
function slipsInSection(doc: CaseDoc, top: string): { section: Span; slips: number[] } | undefined {
  if (!doc.broken.length || !doc.has([top])) return undefined;
  const keyAt = doc.keySpan([top]).start;
  const section = doc.broken.find((b) => keyAt >= b.start && keyAt < b.end);
  if (!section) return undefined;
  const slips = doc.syntax.map((s) => s.span.start).filter((at) => at >= section.start && at < section.end);
  return slips.length ? { section, slips } : undefined;
}

/**
 * A part of a section that is not a list (`criteria`, `decision`) holding a slip, so that what was
 * read of it may not be what it says. `key`: the part (a key of the section) the slip stands in
 * (`within`), or the key a line of its own names (`seriousHarm; true`); `after`: for a line that
 * names no key the format has there, the key it follows (absent before the first); `questions`: what the part bears on
 * (as for a place still to be completed); `span`: the part's text, slip included.
 */
export interface SlipInPart {
  top: string;
  within: boolean;
  key?: string;
  after?: string;
  questions: Question[];
  span: Span;
}

/**
 * The slips in the sections of the file that are not lists, each with the part it stands in and
 * the QM2 questions that part bears on. A slip in a list (in an entry, or in a list inside a
 * section, such as the family's addresses) is told entry by entry instead (unreadEntries).
 */
export function slipsInParts(doc: CaseDoc): readonly SlipInPart[] {
  return once(doc, 'slipsInParts', () => {
    const out: SlipInPart[] = [];
    const root = asRecord(doc.get([])) ?? {};
    const { lines } = doc;
    for (const top of Object.keys(root)) {
      if (schemaAt([top])?.type !== 'object') continue;
      const held = slipsInSection(doc, top);
      if (!held) continue;
      const map = doc.node([top]);
      const pairs = isMap(map) ? map.items.flatMap((p) => {
        const k = p.key as Node | null;
        return k?.range && typeof (k as { value?: unknown }).value === 'string' ? [{ key: (k as { value: string }).value, at: k.range[0] }] : [];
      }) : [];
      const keyCol = pairs.length ? pairs[0]!.at - lines.lineStart(lines.lineOf(pairs[0]!.at)) : undefined;
      for (const at of held.slips) {
        const k = pairs.reduce<number>((best, p, i) => (p.at <= at ? i : best), -1);
        const line = lines.lineOf(at);
        const text = lines.lineText(line);
        const lead = text.length - text.trimStart().length;
        // Deeper than the section's keys: within the part above. Otherwise a line of its own, which
        // may be a key written wrongly (`seriousHarm; true`): the key it names, where the format has one.
        const within = k >= 0 && keyCol !== undefined && (lead > keyCol || lines.lineOf(pairs[k]!.at) === line);
        const named = within ? undefined : /^[A-Za-z]+/.exec(text.trimStart())?.[0];
        const key = within ? pairs[k]!.key : named && schemaAt([top, named]) && !pairs.some((p) => p.key === named) ? named : undefined;
        // A list inside the section is told entry by entry.
        if (key !== undefined && schemaAt([top, key])?.type === 'array') continue;
        const after = key === undefined && k >= 0 ? pairs[k]!.key : undefined;
        const start = within ? pairs[k]!.at : lines.lineStart(line);
        const next = pairs.find((p) => p.at > at)?.at ?? held.section.end;
        out.push({ top, within, ...(key !== undefined ? { key } : {}), ...(after !== undefined ? { after } : {}),
          questions: placeQuestions(key !== undefined ? [top, key] : after !== undefined ? [top, after] : [top]),
          span: { start, end: Math.max(next, start + 1) } });
      }
    }
    return Object.freeze(out);
  });
}

function findUnread(doc: CaseDoc, path: Path): UnreadEntry[] {
  const items = asArray(doc.get(path));
  const extent = (i: number): Span => {
    const r = doc.node([...path, i])?.range;
    return r ? { start: r[0], end: Math.max(r[1], r[0] + 1) } : doc.spanOf([...path, i]);
  };
  const notSections = items.flatMap((v, i) => (asRecord(v) ? [] : [{ ordinal: i + 1, span: extent(i) }]));
  const held = slipsInSection(doc, path[0] as string);
  if (!held) return notSections;
  const { section, slips } = held;
  const whole = [{ ordinal: 0, span: section }];
  const seq = doc.node(path);
  const first = (isSeq(seq) ? (seq.items[0] as Node | null | undefined) : undefined)?.range?.[0];
  if (first === undefined) return whole;
  // The entries as written: the lines that start with a dash lined up with the first entry's.
  const { lines } = doc;
  const firstLine = lines.lineOf(first);
  const col = lines.lineText(firstLine).lastIndexOf('-', first - lines.lineStart(firstLine));
  if (col < 0 || lines.lineText(firstLine).slice(0, col).trim()) return whole; // a list in brackets
  const starts: number[] = [];
  let end = section.end;
  for (let line = firstLine; line < lines.lineCount && lines.lineStart(line) < section.end; line++) {
    const text = lines.lineText(line);
    const lead = text.length - text.trimStart().length;
    if (lead === col && /^-(\s|$)/.test(text.slice(col))) starts.push(lines.lineStart(line) + col);
    else if (line > firstLine && lead < col && text.trim() && !text.trimStart().startsWith('#')) {
      end = lines.lineStart(line);
      break;
    }
  }
  const spanOfItem = (k: number): Span => ({ start: starts[k]!, end: starts[k + 1] ?? end });
  if (slips.some((at) => at < starts[0]!)) return whole;
  const out = new Map<number, UnreadEntry>();
  for (let k = 0; k < starts.length; k++) {
    const span = spanOfItem(k);
    if (slips.some((at) => at >= span.start && at < span.end)) out.set(k, { ordinal: k + 1, span });
  }
  // An entry read as something other than a section: named by its place as written.
  for (const n of notSections) {
    const k = starts.findIndex((_, j) => n.span.start >= spanOfItem(j).start && n.span.start < spanOfItem(j).end);
    if (k >= 0 && !out.has(k)) out.set(k, { ordinal: k + 1, span: spanOfItem(k) });
  }
  return [...out.values()].sort((a, b) => a.ordinal - b.ordinal);
}

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

/** How each agency type reads in a sentence ("no police agency"). */
const AGENCY_TYPE_WORDS: Record<string, string> = {
  'social-care': 'children’s social care',
  police: 'police',
  health: 'health',
  education: 'education',
  'early-years': 'early years',
  probation: 'probation',
  housing: 'housing',
  'youth-justice': 'youth justice',
  'adult-services': 'adult services',
  voluntary: 'voluntary sector',
  other: '“other”',
};

/** An agency type in words, as it reads in "no … agency". */
export function agencyTypeWords(type: string): string {
  return ownEntry(AGENCY_TYPE_WORDS, type) ?? `“${type}”`;
}

/**
 * The key agency types (`keyAgencyTypes`) that no recorded agency has. A type written in other
 * capitals (`Police`) counts: the format check reports the spelling, not a missing agency.
 */
export function missingKeyTypes(doc: CaseDoc, keyTypes: readonly string[]): string[] {
  const types = new Set(entries(doc, ['agencies']).map((a) => asString(a.data.type)?.trim().toLowerCase()));
  return keyTypes.filter((t) => !types.has(t));
}

/**
 * What a decision's `nature` lacks of what sets the review out (its methodology and scope): both
 * when no nature is written. Read by review-nature and by the checklist's question 8.
 */
export function natureGaps(doc: CaseDoc): ('methodology' | 'scope')[] {
  const nature = asRecord(doc.get(['decision', 'nature']));
  return (['methodology', 'scope'] as const).filter((k) => !nature || isBlank(nature[k]));
}

/**
 * What the decision's reasons lack: a `rationale`; for a decision not to hold an SCR, the
 * `alternative` route to learning. The one definition, which decision-rationale reports and
 * question 7 of the checklist reads.
 */
export function rationaleGaps(doc: CaseDoc): ('rationale' | 'alternative')[] {
  const gaps: ('rationale' | 'alternative')[] = [];
  if (isBlank(doc.get(['decision', 'rationale']))) gaps.push('rationale');
  if (doc.get(['decision', 'outcome']) === 'no-scr' && !asRecord(doc.get(['decision', 'alternative']))) gaps.push('alternative');
  return gaps;
}

/**
 * Where the decision contradicts the statutory test: no SCR where the test (or a death in one of
 * the MANDATORY_SETTINGS) calls for one; a `criteriaMet` saying the
 * opposite of a known result. A fact of the record, whatever rule settings or waivers say: the one
 * definition, which criteria-consistency reports and the checklist and overview read.
 */
export function contradictions(doc: CaseDoc, test: StatutoryTest): { outcome: boolean; criteriaMet: boolean } {
  const decision = asRecord(doc.get(['decision']));
  if (!decision || !isDecided(doc)) return { outcome: false, criteriaMet: false };
  const chair = decision.criteriaMet;
  return {
    outcome: decision.outcome === 'no-scr' && test.requiresScr === true,
    criteriaMet: typeof chair === 'boolean' && test.met !== undefined && chair !== test.met,
  };
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

/** The day the decision was made, when it is recorded and a real date. */
export function decisionDay(doc: CaseDoc): DayNumber | undefined {
  return parseDate(doc.get(['decision', 'date']));
}

export function isDecided(doc: CaseDoc): boolean {
  return asRecord(doc.get(['decision'])) !== undefined && !isBlank(doc.get(['decision', 'outcome']));
}

/** The board considering the case, as written; undefined when not written, or still to be completed. */
export function ownBoard(doc: CaseDoc): string | undefined {
  const own = doc.get(['case', 'board']);
  return isPlaceholder(own) ? undefined : asString(own)?.trim() || undefined;
}

/**
 * Whether the case's own board (`case.board`) is still to be completed: until it is written, which
 * boards in the address history are other boards cannot be told.
 */
export function ownBoardToComplete(doc: CaseDoc): boolean {
  return isPlaceholder(doc.get(['case', 'board']));
}

/**
 * Boards in the family's address history other than the case's own, each once, with where they
 * stand. None while the case's own board is still to be completed: which are other boards cannot
 * be told, and the family's own board would be taken for one (by completion, a new check, a rule).
 */
export function otherBoards(doc: CaseDoc): readonly { board: string; path: Path }[] {
  return once(doc, 'otherBoards', () => {
    if (ownBoardToComplete(doc)) return Object.freeze([]);
    const own = ownBoard(doc);
    const ownKey = own !== undefined ? nameKey(own) : undefined;
    const seen = new Set<string>();
    const out: { board: string; path: Path }[] = [];
    for (const e of entries(doc, ['family', 'addresses'])) {
      const b = asString(e.data.board);
      // A board still to be completed is no board yet.
      if (!b || !isWritten(b)) continue;
      const key = nameKey(b);
      if (key === ownKey || seen.has(key)) continue;
      seen.add(key);
      out.push({ board: b.trim(), path: [...e.path, 'board'] });
    }
    return Object.freeze(out);
  });
}

/** Declared agency ids, with where each is declared (the first declaration wins). */
export function agencyIds(doc: CaseDoc): ReadonlyMap<string, Entry> {
  return once(doc, 'agencyIds', () => {
    const ids = new Map<string, Entry>();
    for (const e of entries(doc, ['agencies'])) {
      const id = asString(e.data.id);
      if (id && !ids.has(id)) ids.set(id, e);
    }
    return ids;
  });
}

/** Small words left out of an agency's initials (Children's Services and Education: `cse`). */
const NOT_IN_INITIALS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 's']);

/**
 * The declared agencies that `written` (an id no agency has, or text written where an id goes)
 * names by other means than its id: the agency's name (`Westshire Health Visiting Service`,
 * `westshire-health-visiting-service`), its name without the first word, often the place
 * (`health-visiting-service`), or initials, of its id's words (`hv` for `health-visiting`) or of
 * its name's (`whvs`, `hvs`). Their ids, in the order declared.
 */
export function agenciesNamedBy(doc: CaseDoc, written: unknown): string[] {
  const w = slug(asString(written) ?? '');
  if (!w) return [];
  const out: string[] = [];
  for (const [id, e] of agencyIds(doc)) {
    if (id === w) continue;
    const name = isPlaceholder(e.data.name) ? '' : asString(e.data.name) ?? '';
    const nameSlug = slug(name);
    const nameWords = nameSlug.split('-').filter((x) => x && !NOT_IN_INITIALS.has(x));
    const idWords = id.split('-');
    const initials = (words: string[]) => (words.length >= 2 ? words.map((x) => x[0]).join('') : '');
    const names = !!nameSlug && (w === nameSlug || (w.includes('-') && nameSlug.endsWith(`-${w}`)));
    const short = /^[a-z]{2,6}$/.test(w) && [initials(idWords), initials(nameWords), initials(nameWords.slice(1))].includes(w);
    if (names || short) out.push(id);
  }
  return out;
}

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Who a notification or a communication of the decision went to, in words. */
const RECIPIENT_WORDS: Record<string, string> = {
  ofsted: 'Ofsted',
  'national-panel': 'the National Panel',
  dfe: 'the Department for Education',
  'member-agencies': 'the member agencies',
  family: 'the family',
  practitioners: 'the practitioners',
  other: 'another body',
};

export function recipientWords(to: unknown): string {
  const id = writtenText(to) ?? '';
  return ownEntry(RECIPIENT_WORDS, id) ?? (id || 'someone');
}

/** The agency an id names, for a label: its declared name, else the id itself. */
export function agencyLabel(doc: CaseDoc, id: unknown): string {
  const key = asString(id);
  const name = agencyIds(doc).get(key ?? '')?.data.name;
  return (isPlaceholder(name) ? undefined : asString(name)?.trim()) || key || 'an agency';
}

/** A meeting in words, after "The meeting" or "Meeting": " on 7 December 2016 (SCR subgroup)"; only what is written (no forum or date still to be completed). */
export function meetingWords(data: Record<string, unknown>): string {
  const day = parseDate(data.date);
  const forum = isPlaceholder(data.forum) ? undefined : asString(data.forum)?.trim();
  return `${day !== undefined ? ` on ${formatLong(day)}` : ''}${forum ? ` (${forum})` : ''}`;
}

/** The agencies written as present: an id still to be completed is none yet. */
function agencyCount(m: Entry): number {
  return new Set(asArray(m.data.agencies).filter((a) => !isPlaceholder(a))).size;
}

/**
 * Whether who attended is still to be completed (`agencies: To be completed. …`, as a fix or the
 * meeting snippet writes it, or such words in the list): to-complete reports it and holds question 4
 * back, so this rule does not report the same gap again.
 */
function agenciesToBeCompleted(m: Entry): boolean {
  const v = m.data.agencies;
  return isPlaceholder(v) || asArray(v).some(isPlaceholder);
}

/**
 * Whether the meeting asked for more information: QM2 looks for a recommendation on whether to hold
 * an SCR, and this is not one yet.
 */
function askedForMore(m: Entry): boolean {
  return asString(asRecord(m.data.recommendation)?.outcome)?.trim() === 'more-information';
}

/**
 * A recommendation on whether to hold an SCR is recorded, or still to be completed (to-complete
 * reports that). A request for more information is none.
 */
export function hasRecommendation(m: Entry): boolean {
  const rec = m.data.recommendation;
  return isPlaceholder(rec) || (!isBlank(asRecord(rec)?.outcome) && !askedForMore(m));
}

/** Whether the meeting lacks the agencies present, not counting a list still to be completed. */
export function agenciesGap(m: Entry): boolean {
  return agencyCount(m) < 2 && !agenciesToBeCompleted(m);
}

/**
 * What a meeting lacks for QM2 question 4: two or more agencies present, and a recommendation to
 * the chair on whether to hold an SCR. `problems`: each gap in words, as the finding and the
 * checklist say them.
 */
export function meetingGaps(m: Entry): { fewAgencies: boolean; missingRec: boolean; moreInfo: boolean; problems: string[] } {
  const count = agencyCount(m);
  const fewAgencies = agenciesGap(m);
  const missingRec = !hasRecommendation(m);
  const moreInfo = askedForMore(m);
  const problems: string[] = [];
  if (fewAgencies) problems.push(count === 0 ? 'no agencies are recorded as present' : 'only one agency is recorded as present');
  if (moreInfo) problems.push('it asked for more information, which is not yet a recommendation on whether to hold an SCR');
  else if (missingRec) problems.push('no recommendation to the chair is recorded');
  return { fewAgencies, missingRec, moreInfo, problems };
}

/** Of the meetings (at least one), the one nearest to what question 4 needs: fewest gaps, then the latest. */
export function nearestMeeting(meetings: readonly Entry[]): Entry {
  const gaps = (m: Entry) => (agenciesGap(m) ? 1 : 0) + (hasRecommendation(m) ? 0 : 1);
  return meetings.reduce((a, b) => {
    const d = gaps(b) - gaps(a);
    if (d !== 0) return d < 0 ? b : a;
    return (parseDate(b.data.date) ?? -Infinity) >= (parseDate(a.data.date) ?? -Infinity) ? b : a;
  });
}

/** How an agency is named in messages: its name, else its id (a name still to be completed is no name). */
export function agencyName(data: Record<string, unknown>): string {
  const name = isPlaceholder(data.name) ? undefined : asString(data.name)?.trim();
  if (name) return name;
  const id = asString(data.id)?.trim();
  return id ? `the agency \`${id}\`` : 'this agency';
}

/**
 * The family's current address: the one with no `to` date (or `to: null`); where several are
 * open, the one that started last (the first written, when their starts tie or are unreadable).
 */
export function currentAddress(doc: CaseDoc): Entry | undefined {
  let best: Entry | undefined;
  let bestFrom = -Infinity;
  for (const e of entries(doc, ['family', 'addresses'])) {
    if (!isBlank(e.data.to)) continue;
    const from = parseDate(e.data.from) ?? -Infinity;
    if (!best || from > bestFrom) {
      best = e;
      bestFrom = from;
    }
  }
  return best;
}

/** The QM2 questions each part of the record bears on, for a place still to be completed. */
const SECTION_QUESTIONS: Readonly<Record<string, Question[]>> = {
  family: [3], neighbouringBoards: [3], context: [1], meetings: [4], challenge: [6], agencyInput: [9], learning: [8], criteria: [7],
};

function placeQuestions(path: Path): Question[] {
  const [top, key] = path;
  // Whether an agency had contact (`involvement`) says whether its contact needs a summary: question 1.
  if (top === 'agencies') return (path[2] === 'minimumData' && path[3] === 'summary') || (path.length === 3 && path[2] === 'involvement') ? [1] : [2];
  // Until the case's own board is written, which boards the family lived under are other boards cannot be told.
  if (top === 'case') return key === 'board' ? [3] : [];
  // The decision's outcome and the chair's `criteriaMet` are what question 7 compares with the findings.
  if (top === 'decision') return key === 'delayReason' ? [5] : key === 'nature' ? [8] : key === 'rationale' || key === 'alternative' || key === 'outcome' || key === 'criteriaMet' ? [7] : [];
  return ownEntry(SECTION_QUESTIONS, top) ?? [];
}

/**
 * Where the record still holds text left for the reviewer to replace (a quick fix's “To be
 * completed.”, or a new file's “To be completed. Name of your LSCB.”), with the QM2 questions each
 * place bears on and the words as written. The one definition, which the
 * to-complete rule reports and the checklist reads: a question resting on such a place is not met.
 */
export function unfinished(doc: CaseDoc): readonly { path: Path; questions: Question[]; text: string }[] {
  return once(doc, 'unfinished', () => {
    const out: { path: Path; questions: Question[]; text: string }[] = [];
    if (!doc.text.includes(TO_COMPLETE_START)) return out;
    const walk = (v: unknown, path: Path) => {
      if (isPlaceholder(v)) out.push({ path, questions: placeQuestions(path), text: (v as string).trim() });
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(doc.get([]), []);
    return Object.freeze(out);
  });
}
