import type { Analysis } from './analyse';
import type { CaseDoc } from './document';
import { checklistSummary, metCount } from './checklist';
import { describeElapsed, formatIso, formatLong, parseDate } from './dates';
import type { DecisionTiming } from './timing';
import { agencyLabel, recipientWords } from './agencies';
import { CRITERIA, CRITERION_LABEL, findingOf } from './criteria';
import { contradictions } from './decision';
import { entries } from './entries';
import { asRecord, asString, hasToComplete, hasWritten, writtenText } from './values';
import type { ChecklistItem, Span } from './types';
import { shownText } from './text';

/** The chair's wider considerations (QM2's list), with plain labels. */
export const CONSIDERATIONS: { key: string; label: string }[] = [
  { key: 'usefulLearning', label: 'What useful learning a review would bring' },
  { key: 'previousLearning', label: 'How it relates to previous learning' },
  { key: 'resources', label: 'Resources' },
  { key: 'impactOnPractitioners', label: 'Impact on practitioners' },
  { key: 'impactOnFamily', label: 'Impact on the family' },
  { key: 'parallelProcesses', label: 'Other reviews or investigations running at the same time' },
  { key: 'politicalAndMediaInterest', label: 'Political and media interest' },
  { key: 'publicTrust', label: 'Public trust in safeguarding organisations' },
];

export interface TimelineEvent {
  kind: 'incident' | 'known' | 'notification' | 'referral' | 'request' | 'return' | 'check' | 'answer' | 'meeting' | 'input' | 'challenge' | 'decision' | 'deadline' | 'communicated';
  label: string;
  date: string;
  span?: Span;
}

export interface Overview {
  reference?: string;
  child?: string;
  board?: string;
  summary: string;
  met: number;
  applicable: number;
  counts: { error: number; warning: number; info: number; hint: number };
  checklist: ChecklistItem[];
  test: {
    /** Each criterion: its finding and evidence as written (none while still to be completed, which `toComplete` lists). */
    criteria: { key: string; label: string; finding?: string; evidence?: string; toComplete: ('finding' | 'evidence')[]; needed: boolean; span?: Span }[];
    met?: boolean;
    mandatorySetting: boolean;
    requiresScr?: boolean;
    decision?: string;
    criteriaMet?: boolean;
    /** Whether the decision agrees with the test; undefined until both are known (`criteriaMet` true or false, or an outcome against the test). */
    agrees?: boolean;
  };
  timing: {
    limit: string;
    referral?: string;
    deadline?: string;
    decision?: string;
    calendarDays?: number;
    workingDays?: number;
    /** The time taken so far, in words (`describeElapsed`). */
    taken?: string;
    late: boolean;
    daysOver: number;
    /** How far past the limit, in words (`DecisionTiming.lateBy`). */
    lateBy?: string;
    decided: boolean;
    /** The timing in plain sentences (`timingLines`): the preview shows these, the hover joins them. */
    words: string[];
  };
  timeline: TimelineEvent[];
  /**
   * The chair's considerations: weighed once written in full; `toComplete` where words left to
   * replace (“To be completed.”) stand there, which count as nothing weighed yet.
   */
  considerations: { key: string; label: string; weighed: boolean; toComplete: boolean; span?: Span }[];
}

/** What names a case in a heading: its reference, the child's pseudonym and the board. */
export type CaseHeading = Pick<Overview, 'reference' | 'child' | 'board'>;

/** A case's heading, as written: a heading does not read “To be completed. Name of your LSCB.” */
export function caseHeading(doc: CaseDoc): CaseHeading {
  return {
    reference: shown(writtenText(doc.get(['case', 'reference']))),
    child: shown(writtenText(doc.get(['case', 'child', 'pseudonym']))),
    board: shown(writtenText(doc.get(['case', 'board']))),
  };
}

/** Everything the preview and exports show about one case, from one analysis. */
export function overview(a: Analysis): Overview {
  const { doc } = a;
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of a.findings) if (!f.waived) counts[f.severity]++;
  const criteria = asRecord(doc.get(['criteria'])) ?? {};
  const decision = asString(doc.get(['decision', 'outcome']));
  const criteriaMetRaw = doc.get(['decision', 'criteriaMet']);
  const requires = a.test.requiresScr;
  const contradicted = contradictions(doc, a.test);
  // The decision agrees only where the chair's answer can be read: `criteriaMet: yes` (not true or
  // false) says nothing either way, though an outcome against the test still disagrees.
  const agrees = !decision || requires === undefined ? undefined
    : contradicted.outcome || contradicted.criteriaMet ? false
    : typeof criteriaMetRaw === 'boolean' ? true : undefined;
  const { met, applicable } = metCount(a.checklist);
  const t = a.timing;
  const considerations = asRecord(doc.get(['considerations'])) ?? {};
  return {
    ...caseHeading(doc),
    summary: checklistSummary(a.checklist),
    met,
    applicable,
    counts,
    checklist: a.checklist,
    test: {
      criteria: CRITERIA.map((key) => ({
        key,
        label: CRITERION_LABEL[key],
        finding: shown(writtenText(findingOf(criteria[key]))),
        // Blank evidence, or evidence still to be completed, is no evidence: every view then says so alike.
        evidence: shown(writtenText(asRecord(criteria[key])?.evidence)),
        toComplete: (['finding', 'evidence'] as const).filter((k) => hasToComplete(asRecord(criteria[key])?.[k])),
        needed: a.test.needed.includes(key),
        span: doc.has(['criteria', key]) ? doc.keySpan(['criteria', key]) : undefined,
      })),
      met: a.test.met,
      mandatorySetting: a.test.mandatorySetting,
      requiresScr: requires,
      decision,
      criteriaMet: typeof criteriaMetRaw === 'boolean' ? criteriaMetRaw : undefined,
      agrees,
    },
    timing: {
      limit: t.limitText,
      referral: t.referral !== undefined ? formatIso(t.referral) : undefined,
      deadline: t.deadline !== undefined ? formatIso(t.deadline) : undefined,
      decision: t.decision !== undefined ? formatIso(t.decision) : undefined,
      calendarDays: t.elapsed?.calendarDays,
      workingDays: t.elapsed?.workingDays,
      taken: t.elapsed && describeElapsed(t.elapsed),
      late: t.late,
      daysOver: t.daysOver,
      lateBy: t.lateBy,
      decided: t.decided,
      words: timingLines(t),
    },
    timeline: timeline(a),
    considerations: CONSIDERATIONS.map((c) => ({
      ...c,
      // Weighed once written, and nothing in it still to be completed (“To be completed.” is not weighed).
      weighed: hasWritten(considerations[c.key]) && !hasToComplete(considerations[c.key]),
      toComplete: hasToComplete(considerations[c.key]),
      span: doc.has(['considerations', c.key]) ? doc.keySpan(['considerations', c.key]) : undefined,
    })),
  };
}

/** The user's text as the preview and the reports show it (see shownText). */
function shown(text: string | undefined): string | undefined {
  return text === undefined ? undefined : shownText(text);
}

function timeline(a: Analysis): TimelineEvent[] {
  const { doc } = a;
  const out: TimelineEvent[] = [];
  const add = (kind: TimelineEvent['kind'], label: string, path: (string | number)[]) => {
    const d = parseDate(doc.get(path));
    if (d !== undefined) out.push({ kind, label: shownText(label), date: formatIso(d), span: doc.spanOf(path) });
  };
  add('incident', 'Incident', ['case', 'incident', 'date']);
  add('known', 'Local authority aware', ['case', 'incident', 'knownOn']);
  entries(doc, ['referral', 'notifications']).forEach((n) => add('notification', `Notified ${recipientWords(n.data.to)}`, [...n.path, 'date']));
  add('referral', 'Referral', ['referral', 'date']);
  for (const ag of entries(doc, ['agencies'])) {
    const name = writtenText(ag.data.name) ?? writtenText(ag.data.id) ?? 'agency';
    add('request', `Data requested: ${name}`, [...ag.path, 'minimumData', 'requested']);
    add('return', `Data received: ${name}`, [...ag.path, 'minimumData', 'received']);
  }
  for (const nb of entries(doc, ['neighbouringBoards'])) {
    const b = writtenText(nb.data.board) ?? 'another board';
    add('check', `Check asked of ${b}`, [...nb.path, 'requested']);
    add('answer', `Answer from ${b}`, [...nb.path, 'received']);
  }
  entries(doc, ['meetings']).forEach((m) => add('meeting', writtenText(m.data.forum) ?? 'Meeting', [...m.path, 'date']));
  entries(doc, ['agencyInput']).forEach((i) => add('input', `Input from ${agencyLabel(doc, i.data.agency)}`, [...i.path, 'date']));
  entries(doc, ['challenge']).forEach((c) => add('challenge', writtenText(c.data.by) ? `Challenge: ${writtenText(c.data.by)}` : 'Challenge', [...c.path, 'date']));
  add('decision', 'Decision', ['decision', 'date']);
  entries(doc, ['decision', 'communicated']).forEach((c) => add('communicated', `Decision passed on to ${recipientWords(c.data.to)}`, [...c.path, 'date']));
  if (a.timing.deadline !== undefined) out.push({ kind: 'deadline', label: `Decision due (${a.timing.limitText})`, date: formatIso(a.timing.deadline) });
  return out.sort((x, y) => x.date.localeCompare(y.date));
}

/**
 * The decision's timing in plain sentences, from `decisionTiming`'s figures: what the preview and
 * its exports list, and what the hover on the referral's and the decision's dates says.
 */
export function timingLines(t: DecisionTiming): string[] {
  if (t.referral === undefined || t.deadline === undefined) return ['The referral date is not recorded as a date, so the time taken cannot be counted.'];
  const lines = [`Referred on ${formatLong(t.referral)}. Limit ${t.limitText}: decision due by ${formatLong(t.deadline)}.`];
  if (t.decided) {
    if (t.decision === undefined) lines.push('Decided, but the decision’s date is not recorded as a date, so whether it was made in time cannot be judged.');
    else if (!t.elapsed) lines.push(`Decided on ${formatLong(t.decision)}, before the referral: one of the two dates is wrong, so whether the decision was made in time cannot be judged.`);
    else lines.push(`Decided on ${formatLong(t.decision)}, ${describeElapsed(t.elapsed)} after the referral.`, t.late ? `The decision came ${t.lateBy} after the limit.` : 'The decision was made within the limit.');
  } else if (!t.elapsed) {
    lines.push(`Not decided yet. The referral is dated after today${t.end !== undefined ? ` (${formatLong(t.end)})` : ''}, so no time can be counted yet.`);
  } else {
    lines.push(`Not decided yet: ${describeElapsed(t.elapsed)} since the referral.`, t.late ? `The decision is ${t.lateBy} overdue.` : 'The limit has not passed yet.');
  }
  return lines;
}

/** The timing in one paragraph, for the hover on the referral's and the decision's dates; undefined without a referral date. */
export function describeTiming(a: Analysis): string | undefined {
  if (a.timing.referral === undefined) return undefined;
  return timingLines(a.timing).join(' ');
}
