/**
 * What the nine questions of the QM2 checklist share: the context each is judged in, worked out
 * once per checklist (checklistContext), and the words for a place a question rests on that cannot
 * be read. The questions: gathered.ts (1 to 3, what was gathered for the decision), heard.ts (4, 6
 * and 9, who was heard before it) and decided.ts (5, 7 and 8, the decision itself); checklist.ts
 * puts them together.
 */
import type { CaseDoc, Path } from '../document';
import type { DayNumber } from '../dates';
import type { StatutoryTest } from '../criteria';
import { isDecided } from '../decision';
import { type Entry, readableEntries } from '../entries';
import { unfinished } from '../unfinished';
import { type SlipInPart, slipsInParts, unreadEntries, type UnreadEntry } from '../unread';
import { asString, datedAfter, onOrBefore, unreadableDate } from '../values';
import { canBeHeldBack } from '../qm2';
import { isPlaceholder, listWords } from '../text';
import type { DecisionTiming } from '../timing';
import type { Settings } from '../settings';
import type { ChecklistItem, ChecklistStatus, Finding, Question, Span } from '../types';

export interface ChecklistInput {
  doc: CaseDoc;
  settings: Settings;
  timing: DecisionTiming;
  test: StatutoryTest;
  findings: readonly Finding[];
}

/**
 * A place a question rests on that cannot be read: a date written so that it cannot be read (or, for
 * what is dated, the decision's own), or an entry that is not a section or holds a slip. It counts
 * for nothing, and holds the question back as a place still to be completed does: `words` says so
 * in the summary, and the findings of `rules` on `span` (the one that says what to put right) are
 * listed as holding the question back.
 */
export interface Unread {
  span: Span;
  words: string;
  rules: readonly string[];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** “The second entry under `agencyInput` cannot be read, …”: the entries of one list that cannot be read, in words. */
function unreadEntryWords(path: Path, unread: readonly UnreadEntry[]): string {
  const where = path.length === 1 ? `\`${path[0]}\`` : `\`${path[path.length - 1]}\` in \`${path[path.length - 2]}\``;
  if (unread.some((u) => u.ordinal === 0)) return `What is written under ${where} cannot be read, so none of it is counted until it is put right.`;
  const n = unread.map((u) => u.ordinal);
  const words = n.every((k) => k <= ORDINALS.length);
  const which = words ? `The ${listWords(n.map((k) => ORDINALS[k - 1]!), 'and')} ${n.length === 1 ? 'entry' : 'entries'}` : `${n.length === 1 ? 'Entry' : 'Entries'} ${listWords(n.map(String), 'and')}`;
  return n.length === 1
    ? `${which} under ${where} cannot be read, so what it records is not counted until it is put right.`
    : `${which} under ${where} cannot be read, so what they record is not counted until they are put right.`;
}

const SLIP_RULES = ['yaml-syntax'];

/** “Part of `childDied` in `criteria` cannot be read, …”: a slip in a section that is not a list, in words. */
function slipWords(s: SlipInPart): string {
  const part = s.within ? `Part of \`${s.key}\` in \`${s.top}\``
    : s.key !== undefined ? `The line for \`${s.key}\` in \`${s.top}\``
    : s.after !== undefined ? `A line in \`${s.top}\` after \`${s.after}\``
    : `A line at the start of \`${s.top}\``;
  return `${part} cannot be read, so this question is not counted as met until it is put right.`;
}

/** “The date of the meeting is written “next week”, which cannot be read as a date, so …”: a date that cannot be read, and what that leaves unknown. */
export function unreadDateWords(what: string, v: unknown, then: string): string {
  const text = asString(v)?.trim();
  return `${what}${text !== undefined ? ` is written “${text}”, which` : ''} cannot be read as a date, so ${then}.`;
}

/** What every question is judged with, worked out once per checklist: what the record holds, and how a question's item is made. */
export interface ChecklistContext {
  readonly doc: CaseDoc;
  readonly input: ChecklistInput;
  /** The findings not waived. */
  readonly open: readonly Finding[];
  /** The day of the decision, once it is dated so that it can be read. */
  readonly decided: DayNumber | undefined;
  readonly agencies: readonly Entry[];
  readonly decisionUnreadable: boolean;
  readonly decisionRecorded: boolean;
  ev(path: Path, label: string): { span: Span; label: string };
  item(q: Question, found: ChecklistStatus, said: string, evidence: { span: Span; label: string }[], alsoHolds?: (f: Finding) => boolean, listed?: readonly Unread[]): ChecklistItem;
  inTime(v: unknown): boolean;
  afterDecision(v: unknown): boolean;
  dateUnread(path: Path, what: string, noun: string): Unread;
  decisionUnread(noun: string): Unread[];
  onlyUnread(recorded: readonly Entry[], dateOf: (e: Entry) => unknown, path: Path): boolean;
  unreadIn(path: Path): Unread[];
}

export function checklistContext(input: ChecklistInput): ChecklistContext {
  const { doc } = input;
  const open = input.findings.filter((f) => !f.waived);
  const decided = input.timing.decision;
  const beforeDecision = (v: unknown) => onOrBefore(v, decided);
  const ev = (path: Path, label: string) => ({ span: doc.keySpan(path), label });

  const toComplete = unfinished(doc);
  const slipped = slipsInParts(doc);
  const item = (q: Question, found: ChecklistStatus, said: string, evidence: { span: Span; label: string }[], alsoHolds?: (f: Finding) => boolean, listed: readonly Unread[] = []): ChecklistItem => {
    // What a question rests on must be the record's own words, not the words a fix left to replace,
    // and words that can be read: a place that cannot be read holds it back in the same way, whether
    // an entry of a list (`listed`) or a part of a section that is not one (`criteria`, `decision`).
    const unread = [...listed, ...slipped.filter((s) => s.questions.includes(q)).map((s) => ({ span: s.span, rules: SLIP_RULES, words: slipWords(s) }))];
    const unfilled = found === 'met' && toComplete.some((u) => u.questions.includes(q));
    const status: ChecklistStatus = unfilled || (found === 'met' && unread.length > 0) ? 'partly-met' : found;
    const told = [said, ...new Set(unread.map((u) => u.words))].filter(Boolean).join(' ');
    const at = (f: Finding) => unread.some((u) => u.rules.includes(f.rule) && f.span.start >= u.span.start && f.span.end <= u.span.end);
    return {
      question: q,
      status,
      summary: unfilled ? `${told} But some of what it rests on is still to be completed.` : told,
      evidence,
      findings: open.filter((f) => (f.questions.includes(q) || (canBeHeldBack(status) && (alsoHolds?.(f) === true || at(f)))) && (canBeHeldBack(status) || f.severity !== 'hint')),
      waived: input.findings.filter((f) => f.waived && f.questions.includes(q)),
    };
  };

  const agencies = readableEntries(doc, ['agencies']);
  // The decision's date written so that it cannot be read: nothing dated can be shown to come before it.
  const decisionDate = doc.get(['decision', 'date']);
  const decisionUnreadable = unreadableDate(decisionDate);
  // Whether something dated `v` counts before the decision. A date still to be completed does not
  // show it (to-complete reports the place), nor does a date that cannot be read, or a decision
  // dated so (invalid-date reports those); before any decision, whatever is recorded so far counts,
  // less what is dated so that it cannot be read.
  const inTime = (v: unknown) => !unreadableDate(v) && !decisionUnreadable && (decided === undefined || (!isPlaceholder(v) && beforeDecision(v)));
  // Whether something is dated after the decision: a request made then was not made at the decision.
  const afterDecision = (v: unknown) => datedAfter(v, decided);
  const decisionRecorded = isDecided(doc);
  const INVALID_DATE = ['invalid-date'];
  // An entry dated so that it cannot be read: not counted, and the summary says which date, and why.
  const dateUnread = (path: Path, what: string, noun: string): Unread => ({
    span: doc.spanOf(path),
    rules: INVALID_DATE,
    words: unreadDateWords(what, doc.get(path), decisionRecorded || decided !== undefined || decisionUnreadable
      ? `whether ${noun} came before the decision cannot be judged. Write it as YYYY-MM-DD`
      : `${noun} is not counted until the date is written as YYYY-MM-DD`),
  });
  // The decision dated so that it cannot be read, where something dated is recorded: `noun` came before it or not.
  const decisionUnread = (noun: string): Unread[] => decisionUnreadable
    ? [{ span: doc.spanOf(['decision', 'date']), rules: INVALID_DATE, words: unreadDateWords('The decision’s date', decisionDate, `whether ${noun} came before it cannot be judged. Write it as YYYY-MM-DD`) }]
    : [];
  // Whether all there is of a list is what cannot be read (entries, their dates, or the decision's
  // date): the sentences on those say it all, and a summary of what is counted would only contradict them.
  const onlyUnread = (recorded: readonly Entry[], dateOf: (e: Entry) => unknown, path: Path) => recorded.length
    ? decisionUnreadable || recorded.every((e) => unreadableDate(dateOf(e)))
    : unreadEntries(doc, path).length > 0;
  // The entries of a list that cannot be read: counted for nothing, and said.
  const unreadIn = (path: Path): Unread[] => {
    const u = unreadEntries(doc, path);
    return u.map((e) => ({ span: e.span, rules: ['schema', 'yaml-syntax'], words: unreadEntryWords(path, u) }));
  };
  return { doc, input, open, decided, agencies, decisionUnreadable, decisionRecorded, ev, item, inTime, afterDecision, dateUnread, decisionUnread, onlyUnread, unreadIn };
}
