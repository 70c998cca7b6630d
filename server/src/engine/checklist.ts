import type { CaseDoc, Path } from './document';
import { parseDate, type DayNumber } from './dates';
import { agencyLabel, agencyTypeWords, asArray, asRecord, asString, contradictions, CRITERIA, CRITERION_QUESTION, entries, findingOf, isDecided, meetingWords, missingKeyTypes, natureGaps, onOrBefore, otherBoards, rationaleGaps, unfinished } from './model';
import { ALL_QUESTIONS, canBeHeldBack, STATUS_WORDS } from './qm2';
import { isBlank, isPlaceholder, listWords, sameBoard } from './text';
import type { StatutoryTest } from './model';
import type { DecisionTiming } from './timing';
import type { Settings } from './settings';
import type { ChecklistItem, ChecklistStatus, Finding, Question, Span } from './types';

export interface ChecklistInput {
  doc: CaseDoc;
  settings: Settings;
  timing: DecisionTiming;
  test: StatutoryTest;
  findings: readonly Finding[];
}

/**
 * The QM2 checklist: for each question a status, the evidence for it and the findings that hold
 * it back. The one function that works this out; the preview, hovers, code lens and command line
 * all show its result.
 */
export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
  const { doc } = input;
  const open = input.findings.filter((f) => !f.waived);
  const decided = input.timing.decision;
  const beforeDecision = (v: unknown) => onOrBefore(v, decided);
  const ev = (path: Path, label: string) => ({ span: doc.keySpan(path), label });

  const toComplete = unfinished(doc);
  const item = (q: Question, found: ChecklistStatus, said: string, evidence: { span: Span; label: string }[]): ChecklistItem => {
    // What a question rests on must be the record's own words, not the words a fix left to replace.
    const unfilled = found === 'met' && toComplete.some((u) => u.questions.includes(q));
    const status: ChecklistStatus = unfilled ? 'partly-met' : found;
    return {
      question: q,
      status,
      summary: unfilled ? `${said} But some of what it rests on is still to be completed.` : said,
      evidence,
      findings: open.filter((f) => f.questions.includes(q) && (canBeHeldBack(status) || f.severity !== 'hint')),
      waived: input.findings.filter((f) => f.waived && f.questions.includes(q)),
    };
  };

  const agencies = entries(doc, ['agencies']);
  const items: ChecklistItem[] = [];

  // Q1: agency contact and context.
  {
    const known = agencies.filter((a) => a.data.involvement === 'known');
    const summarised = agencies.filter((a) => !isBlank(asRecord(a.data.minimumData)?.summary));
    // Every agency that had contact has summarised it; where every agency says it had none, there is nothing to summarise.
    const noneHadContact = agencies.length > 0 && agencies.every((a) => a.data.involvement === 'not-known');
    const contactOk = agencies.length > 0 && known.every((a) => !isBlank(asRecord(a.data.minimumData)?.summary)) && (summarised.length > 0 || noneHadContact);
    const context = entries(doc, ['context']);
    const contextOk = context.length > 0;
    const status = contactOk && contextOk ? 'met' : contactOk || contextOk ? 'partly-met' : 'not-met';
    items.push(item(1, status,
      `${noneHadContact && !summarised.length ? (agencies.length === 1 ? 'The one agency recorded had no contact with the child or family' : `None of the ${agencies.length} agencies had contact with the child or family`) : `${summarised.length} of ${agencies.length} agencies have a summary of their contact`}; ${context.length} piece${context.length === 1 ? '' : 's'} of contextual information.`,
      [...summarised.map((a) => ev([...a.path, 'minimumData', 'summary'], `${asString(a.data.name) ?? asString(a.data.id) ?? 'Agency'}: contact summarised`)),
       ...context.map((c) => ev(c.path, `Context: ${asString(c.data.topic) ?? 'entry'}`))]));
  }

  // Q2: minimum data from key agencies.
  {
    const requested = agencies.filter((a) => parseDate(asRecord(a.data.minimumData)?.requested) !== undefined);
    const inTime = requested.filter((a) => beforeDecision(asRecord(a.data.minimumData)?.received));
    const missingTypes = missingKeyTypes(doc, input.settings.keyAgencyTypes);
    const status: ChecklistStatus = requested.length === 0 ? 'not-met'
      : requested.length === agencies.length && inTime.length === requested.length && missingTypes.length === 0 ? 'met' : 'partly-met';
    items.push(item(2, status,
      `${requested.length} of ${agencies.length} agencies asked for minimum data; ${inTime.length} returned${decided !== undefined ? ' before the decision' : ''}` +
        (missingTypes.length ? `; no ${listWords(missingTypes.map(agencyTypeWords))} agency recorded.` : '.'),
      requested.map((a) => ev([...a.path, 'minimumData', 'requested'], `${asString(a.data.name) ?? asString(a.data.id) ?? 'Agency'}: data requested`))));
  }

  // Q3: neighbouring boards.
  {
    const addresses = asArray(doc.get(['family', 'addresses']));
    const others = otherBoards(doc);
    const checks = entries(doc, ['neighbouringBoards']);
    const checkFor = (b: string) => checks.find((c) => sameBoard(c.data.board, b));
    let status: ChecklistStatus;
    let summary: string;
    if (addresses.length === 0) {
      status = 'not-met';
      summary = 'No address history is recorded, so it cannot be shown whether other boards needed checking.';
    } else if (others.length === 0) {
      status = 'not-applicable';
      summary = 'The family has lived only in the board’s own area.';
    } else {
      const unchecked = others.filter((o) => !checkFor(o.board));
      const outstanding = others.filter((o) => checkFor(o.board) && isBlank(checkFor(o.board)!.data.received));
      status = unchecked.length ? 'not-met' : outstanding.length ? 'partly-met' : 'met';
      summary = unchecked.length ? `No check recorded with ${unchecked.map((u) => u.board).join(', ')}.`
        : outstanding.length ? `Waiting for an answer from ${outstanding.map((u) => u.board).join(', ')}.`
        : `Every other board in the address history was checked and answered.`;
    }
    items.push(item(3, status, summary, checks.map((c) => ev(c.path, `Check with ${asString(c.data.board) ?? 'board'}`))));
  }

  // Q4: inter-agency discussion.
  {
    const meetings = entries(doc, ['meetings']).filter((m) => decided === undefined || beforeDecision(m.data.date));
    const full = meetings.filter((m) => new Set(asArray(m.data.agencies)).size >= 2 && asRecord(m.data.recommendation) !== undefined && !isBlank(asRecord(m.data.recommendation)?.outcome));
    const status: ChecklistStatus = full.length ? 'met' : meetings.length ? 'partly-met' : 'not-met';
    items.push(item(4, status,
      full.length ? 'Agencies met together and recommended a course to the chair.'
        : meetings.length ? 'A meeting is recorded, but without a recommendation to the chair or with only one agency.'
        : 'No meeting of agencies is recorded before the decision.',
      meetings.map((m) => ev(m.path, `Meeting${meetingWords(m.data)}`))));
  }

  // Q5: delay.
  {
    const t = input.timing;
    const written = doc.get(['decision', 'delayReason']);
    const reason = !isBlank(written) && !isPlaceholder(written);
    let status: ChecklistStatus;
    let summary: string;
    if (!t.late) {
      status = 'not-applicable';
      const toWrite = (path: Path) => isPlaceholder(doc.get(path));
      summary = t.deadline === undefined
        ? `The referral date is ${toWrite(['referral', 'date']) ? 'still to be completed' : 'not recorded'}, so timeliness cannot be judged.`
        : t.decided && t.decision === undefined
          ? `The decision’s date is ${toWrite(['decision', 'date']) ? 'still to be completed' : 'not recorded in a form that can be read'}, so timeliness cannot be judged.`
        : t.decided ? `Decided within the limit of ${t.limitText}.` : `Not yet decided; still within the limit of ${t.limitText}.`;
    } else if (!t.decided) {
      status = 'not-met';
      summary = `No decision yet, ${t.daysOver} day${t.daysOver === 1 ? '' : 's'} past the limit of ${t.limitText}.`;
    } else {
      status = reason ? 'met' : 'not-met';
      const over = `Decided ${t.daysOver} day${t.daysOver === 1 ? '' : 's'} after the limit of ${t.limitText}`;
      summary = reason ? `Decided after the limit of ${t.limitText}; the delay is explained.` : isPlaceholder(written) ? `${over}; the reason for the delay is still to be completed.` : `${over}, with no reason recorded.`;
    }
    const evidence = [] as { span: Span; label: string }[];
    if (doc.has(['referral', 'date'])) evidence.push(ev(['referral', 'date'], 'Referral date'));
    if (doc.has(['decision', 'date'])) evidence.push(ev(['decision', 'date'], 'Decision date'));
    if (reason) evidence.push(ev(['decision', 'delayReason'], 'Reason for the delay'));
    items.push(item(5, status, summary, evidence));
  }

  // Q6: independent challenge.
  {
    const challenges = entries(doc, ['challenge']);
    const before = challenges.filter((c) => decided === undefined || beforeDecision(c.data.date));
    const dated = challenges.filter((c) => !isBlank(c.data.date));
    const status: ChecklistStatus = before.length ? 'met' : challenges.length ? 'partly-met' : 'not-met';
    items.push(item(6, status,
      before.length ? 'Independent challenge was sought before the decision.'
        : dated.length ? 'Challenge is recorded only after the decision.'
        : challenges.length ? 'Challenge is recorded without a date, so the record does not show it came before the decision.'
        : 'No independent challenge is recorded.',
      // Who challenged, once written: a quick fix's “To be completed.” is no one yet.
      challenges.map((c) => ev(c.path, `Challenge by ${(isPlaceholder(c.data.by) ? undefined : asString(c.data.by)?.trim()) || 'someone independent'}`))));
  }

  // Q7: statutory criteria.
  {
    const test = input.test;
    const criteria = asRecord(doc.get(['criteria'])) ?? {};
    const withoutEvidence = test.needed.filter((k) => findingOf(criteria[k]) !== undefined && isBlank(asRecord(criteria[k])?.evidence));
    // From the record, not from the finding: turning the rule off or waiving it leaves the contradiction.
    const c = contradictions(doc, test);
    const contradicted = c.outcome || c.criteriaMet;
    const reasons = rationaleGaps(doc);
    const criteriaMet = doc.get(['decision', 'criteriaMet']);
    let status: ChecklistStatus;
    let summary: string;
    if (test.missing.length) {
      status = 'not-met';
      summary = `The record has no finding on ${listWords(test.missing.map((k) => CRITERION_QUESTION[k]))}, which the statutory test needs.`;
    } else if (test.unreadable.length) {
      status = 'not-met';
      summary = `The finding on ${listWords(test.unreadable.map((k) => CRITERION_QUESTION[k]))} is not one of the format’s choices, so the statutory test cannot be worked out until it is put right.`;
    } else if (contradicted) {
      status = 'not-met';
      summary = 'The decision does not agree with the findings on the statutory criteria.';
    } else if (!withoutEvidence.length && !reasons.length && typeof criteriaMet === 'boolean') {
      status = 'met';
      summary = `Every criterion the test needs has a finding and evidence; the test is ${test.requiresScr ? 'met' : 'not met'} and the decision agrees.`;
    } else {
      status = 'partly-met';
      summary = withoutEvidence.length ? `Findings are recorded, but ${withoutEvidence.length === 1 ? 'one lacks' : `${withoutEvidence.length} lack`} evidence.`
        : reasons.length === 1 && reasons[0] === 'alternative' ? 'Findings are recorded, but the decision not to hold an SCR does not say how learning will be drawn from the case instead.'
        : 'Findings are recorded, but the decision and its rationale are not complete.';
    }
    items.push(item(7, status, summary, CRITERIA.filter((k) => criteria[k] !== undefined).map((k) => ev(['criteria', k], `Finding on ${CRITERION_QUESTION[k]}`))));
  }

  // Q8: local learning and the nature of the review.
  {
    const learning = entries(doc, ['learning']);
    const scr = doc.get(['decision', 'outcome']) === 'scr';
    const nature = natureGaps(doc).length === 0;
    const parts = [learning.length > 0, ...(scr ? [nature] : [])];
    const status: ChecklistStatus = parts.every(Boolean) ? 'met' : parts.some(Boolean) ? 'partly-met' : 'not-met';
    items.push(item(8, status,
      learning.length === 0 && !isDecided(doc)
        // Before a decision no finding says what to do yet, so the summary does.
        ? 'No local learning is recorded yet. Before the decision, list under `learning` the earlier reviews, audits or improvement work the chair should take into account.'
        : `${learning.length} learning reference${learning.length === 1 ? '' : 's'} recorded` + (scr ? (nature ? '; the nature of the review is set out.' : '; the nature of the review is not set out.') : '.'),
      [...learning.map((l) => ev(l.path, `Learning: ${asString(l.data.reference) ?? ''}`)), ...(nature ? [ev(['decision', 'nature'], 'Nature of the review')] : [])]));
  }

  // Q9: member agencies' input.
  {
    const input9 = entries(doc, ['agencyInput']).filter((i) => beforeDecision(i.data.date));
    const agenciesHeard = new Set(input9.map((i) => asString(i.data.agency)).filter((a): a is string => !!a));
    const status: ChecklistStatus = agenciesHeard.size >= 2 ? 'met' : agenciesHeard.size === 1 ? 'partly-met' : 'not-met';
    items.push(item(9, status,
      isDecided(doc) ? `Input from ${agenciesHeard.size} agenc${agenciesHeard.size === 1 ? 'y' : 'ies'} before the decision.`
        : agenciesHeard.size >= 2 ? `Input from ${agenciesHeard.size} agencies so far.`
        // Before a decision no finding says what to do yet, so the summary does.
        : `${agenciesHeard.size === 0 ? 'No input from member agencies is recorded yet' : 'Input from 1 agency so far'}. Before the decision, record under \`agencyInput\` the view of each agency that gives one (at least two): which agency, when, and what it said.`,
      input9.map((i) => ev(i.path, `Input from ${agencyLabel(doc, i.data.agency)}`))));
  }

  return items;
}

/** "QM2 7/9 met (Q5 not met, Q6 partly met)": the one-line summary every view shows. */
export function checklistSummary(items: readonly ChecklistItem[]): string {
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  const met = applicable.filter((i) => i.status === 'met').length;
  const gaps = items.filter((i) => i.status === 'not-met' || i.status === 'partly-met').map((i) => `Q${i.question} ${STATUS_WORDS[i.status]}`);
  const na = items.filter((i) => i.status === 'not-applicable').map((i) => `Q${i.question}`);
  const tail = [...gaps, ...(na.length ? [`${na.join(', ')} not applicable`] : [])];
  return `QM2 ${met}/${applicable.length} met${tail.length ? ` (${tail.join(', ')})` : ''}`;
}

export function metCount(items: readonly ChecklistItem[]): { met: number; applicable: number } {
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  return { met: applicable.filter((i) => i.status === 'met').length, applicable: applicable.length };
}

export { ALL_QUESTIONS };
export type { DayNumber };
