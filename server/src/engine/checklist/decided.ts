/**
 * Questions 5, 7 and 8 of the QM2 checklist: the decision itself (any delay in making it, the
 * statutory criteria it rests on, the local learning behind the kind of review chosen).
 */
import type { Path } from '../document';
import { formatLong } from '../dates';
import { CRITERIA, CRITERION_QUESTION, type CriterionKey, findingOf, incidentConflicts, mandatorySettingWords } from '../criteria';
import { contradictions, natureGaps, rationaleGaps } from '../decision';
import { readableEntries } from '../entries';
import { asRecord, hasToComplete, isWritten, writtenText } from '../values';
import { isPlaceholder, listWords } from '../text';
import type { ChecklistItem, ChecklistStatus, Span } from '../types';
import { type ChecklistContext, unreadDateWords } from './context';

/**
 * Q5: delay. “Not applicable” only where the record shows no delay to justify: decided within the
 * limit, or undecided and still within it. Where a date is written but cannot be read, or is still
 * to be completed, that cannot be known, so the question is not met until the date is put right
 * (a departure from the specification's table, which README explains).
 */
export function delay(ctx: ChecklistContext): ChecklistItem {
  const { doc, input, item, ev } = ctx;
  const t = input.timing;
  const written = doc.get(['decision', 'delayReason']);
  const reason = isWritten(written);
  let status: ChecklistStatus;
  let summary: string;
  const datePaths: Path[] = [];
  const unknown = (what: string, path: Path, judge: string) => {
    datePaths.push(path);
    const v = doc.get(path);
    return isPlaceholder(v) ? `${what} is still to be completed, so ${judge} cannot be judged. Write it in as YYYY-MM-DD.`
      // Worded as every other question words a date that cannot be read (unreadDateWords).
      : isWritten(v) ? unreadDateWords(what, v, `${judge} cannot be judged. Write it as YYYY-MM-DD`)
      : `${what} is not recorded, so ${judge} cannot be judged. Record it as YYYY-MM-DD.`;
  };
  if (t.deadline === undefined) {
    status = 'not-met';
    summary = unknown('The referral date', ['referral', 'date'], t.decided ? 'whether the decision was made in time' : 'whether the decision is still within its time limit');
  } else if (t.decided && t.decision === undefined) {
    status = 'not-met';
    summary = unknown('The decision’s date', ['decision', 'date'], 'whether it was made in time');
  } else if (!t.elapsed) {
    // The decision dated before the referral, or the referral after today: one date is wrong
    // (date-order says which), so no time can be counted.
    status = 'not-met';
    datePaths.push(t.decided ? ['decision', 'date'] : ['referral', 'date']);
    summary = t.decided
      ? `The decision (${formatLong(t.end!)}) is dated before the referral (${formatLong(t.referral!)}), so whether it was made in time cannot be judged. Check both dates.`
      : `The referral (${formatLong(t.referral!)}) is dated after today (${formatLong(t.end!)}), so whether the decision is still within its time limit cannot be judged. Check the date.`;
  } else if (!t.late) {
    status = 'not-applicable';
    summary = t.decided ? `Decided within the limit of ${t.limitText}.` : `Not yet decided; still within the limit of ${t.limitText}.`;
  } else if (!t.decided) {
    status = 'not-met';
    summary = `No decision yet, ${t.lateBy} past the limit of ${t.limitText}.`;
  } else {
    status = reason ? 'met' : 'not-met';
    const over = `Decided ${t.lateBy} after the limit of ${t.limitText}`;
    summary = reason ? `Decided after the limit of ${t.limitText}; the delay is explained.` : isPlaceholder(written) ? `${over}; the reason for the delay is still to be completed.` : `${over}, with no reason recorded.`;
  }
  const evidence = [] as { span: Span; label: string }[];
  if (t.referral !== undefined) evidence.push(ev(['referral', 'date'], 'Referral date'));
  if (t.decision !== undefined) evidence.push(ev(['decision', 'date'], 'Decision date'));
  if (reason) evidence.push(ev(['decision', 'delayReason'], 'Reason for the delay'));
  // A date that cannot be read is reported by the date check, which has no question of its own:
  // it is what holds question 5 back, so it is listed here.
  const atDates = datePaths.flatMap((p) => (doc.has(p) ? [doc.spanOf(p)] : []));
  return item(5, status, summary, evidence, (f) => atDates.some((sp) => f.span.start >= sp.start && f.span.end <= sp.end));
}

/** Q7: statutory criteria. */
export function statutoryCriteria(ctx: ChecklistContext): ChecklistItem {
  const { doc, input, decisionRecorded, item, ev } = ctx;
  const test = input.test;
  const criteria = asRecord(doc.get(['criteria'])) ?? {};
  const evidenceOf = (k: CriterionKey) => asRecord(criteria[k])?.evidence;
  const found = (k: CriterionKey) => { const f = findingOf(criteria[k]); return f !== undefined && !isPlaceholder(f); };
  const withoutEvidence = test.needed.filter((k) => found(k) && !isWritten(evidenceOf(k)));
  const evidenceToComplete = withoutEvidence.filter((k) => isPlaceholder(evidenceOf(k)));
  const findingToComplete = test.unreadable.filter((k) => isPlaceholder(findingOf(criteria[k])));
  const unreadable = test.unreadable.filter((k) => !findingToComplete.includes(k));
  // From the record, not from the finding: turning the rule off or waiving it leaves the contradiction.
  const c = contradictions(doc, test);
  const contradicted = c.outcome || c.criteriaMet;
  const conflicts = incidentConflicts(doc);
  const reasons = rationaleGaps(doc);
  const criteriaMet = doc.get(['decision', 'criteriaMet']);
  let status: ChecklistStatus;
  let summary: string;
  if (conflicts.length) {
    // A finding that denies what the incident records (a death, serious harm, or that the child lived): the test rests on it.
    status = 'not-met';
    summary = `The finding on ${CRITERION_QUESTION[conflicts[0]!.key]} is \`${conflicts[0]!.finding}\`, but the incident is recorded as ` +
      `${conflicts[0]!.outcome === 'died' ? 'the child’s death' : 'serious harm to the child'} (\`${conflicts[0]!.outcome}\`).`;
  } else if (test.missing.length) {
    status = 'not-met';
    summary = `The record has no finding on ${listWords(test.missing.map((k) => CRITERION_QUESTION[k]))}, which the statutory test needs.`;
  } else if (findingToComplete.length) {
    status = 'not-met';
    summary = `The ${findingToComplete.length === 1 ? 'finding' : 'findings'} on ${listWords(findingToComplete.map((k) => CRITERION_QUESTION[k]), 'and')} ${findingToComplete.length === 1 ? 'is' : 'are'} still to be completed, so the statutory test cannot be worked out yet.`;
  } else if (unreadable.length) {
    status = 'not-met';
    summary = `The finding on ${listWords(unreadable.map((k) => CRITERION_QUESTION[k]))} is not one of the format’s choices, so the statutory test cannot be worked out until it is put right.`;
  } else if (contradicted) {
    status = 'not-met';
    summary = 'The decision does not agree with the findings on the statutory criteria.';
  } else if (!withoutEvidence.length && !reasons.length && typeof criteriaMet === 'boolean') {
    status = 'met';
    // A death in a setting that calls for an SCR is a ground of its own: the test may still be not met.
    summary = `Every criterion the test needs has a finding and evidence; the test is ${test.met ? 'met' : 'not met'}` +
      (!test.met && test.mandatorySetting
        ? `; the child died ${mandatorySettingWords(doc.get(['case', 'incident', 'setting']))}, which calls for an SCR in any case, and the decision agrees.`
        : ' and the decision agrees.');
  } else {
    status = 'partly-met';
    const blank = withoutEvidence.length - evidenceToComplete.length;
    summary = withoutEvidence.length
      ? `Findings are recorded, but ${[
        ...(blank ? [blank === 1 ? 'one lacks evidence' : `${blank} lack evidence`] : []),
        ...(evidenceToComplete.length ? [`the evidence for ${evidenceToComplete.length === 1 ? 'one' : evidenceToComplete.length} is still to be completed`] : []),
      ].join(' and ')}.`
      : reasons.length === 1 && reasons[0] === 'alternative' ? 'Findings are recorded, but the decision not to hold an SCR does not say how learning will be drawn from the case instead.'
      : !decisionRecorded ? 'Findings are recorded; the question is met once the chair’s decision is recorded, with its rationale and whether the criteria are met.'
      // `criteriaMet: yes`: the chair's answer is there, but not as the true or false the test is compared with.
      : !reasons.length && (typeof criteriaMet === 'string' || typeof criteriaMet === 'number') && !isPlaceholder(criteriaMet)
        ? `Findings are recorded, but whether the chair found the criteria met is written “${String(criteriaMet).trim()}”, not \`true\` or \`false\`, so it cannot be compared with them.`
      : 'Findings are recorded, but the decision and its rationale are not complete.';
  }
  return item(7, status, summary, CRITERIA.filter((k) => found(k)).map((k) => ev(['criteria', k], `Finding on ${CRITERION_QUESTION[k]}`)));
}

/** Q8: local learning and the nature of the review. */
export function localLearning(ctx: ChecklistContext): ChecklistItem {
  const { doc, decisionRecorded, item, ev, unreadIn } = ctx;
  const learning = readableEntries(doc, ['learning']).filter((l) => isWritten(l.data.reference) || isWritten(l.data.relevance));
  const scr = doc.get(['decision', 'outcome']) === 'scr';
  const natureToComplete = hasToComplete(doc.get(['decision', 'nature']));
  const nature = natureGaps(doc).length === 0 && !natureToComplete;
  const parts = [learning.length > 0, ...(scr ? [nature] : [])];
  const status: ChecklistStatus = parts.every(Boolean) ? 'met' : parts.some(Boolean) ? 'partly-met' : 'not-met';
  return item(8, status,
    learning.length === 0 && !decisionRecorded
      // Before a decision no finding says what to do yet, so the summary does.
      ? 'No local learning is recorded yet. Before the decision, list under `learning` the earlier reviews, audits or improvement work the chair should take into account.'
      : `${learning.length} learning reference${learning.length === 1 ? '' : 's'} recorded` + (scr ? (nature ? '; the nature of the review is set out.' : natureToComplete ? '; the nature of the review is still to be completed.' : '; the nature of the review is not set out.') : '.'),
    [...learning.map((l) => ev(l.path, `Learning: ${writtenText(l.data.reference) ?? 'reference'}`)), ...(nature && scr ? [ev(['decision', 'nature'], 'Nature of the review')] : [])],
    undefined, unreadIn(['learning']));
}
