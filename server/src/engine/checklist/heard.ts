/**
 * Questions 4, 6 and 9 of the QM2 checklist: who was heard before the decision (agencies meeting
 * together, independent challenge, each member agency's input).
 */
import { parseDate } from '../dates';
import { agencyLabel } from '../agencies';
import { entries, type Entry, readableEntries } from '../entries';
import { meetingGaps, meetingWords, nearestMeeting } from '../meetings';
import { asArray, asRecord, asString, hasToComplete, hasWritten, isWritten, unreadableDate, writtenText } from '../values';
import { isBlank, isPlaceholder } from '../text';
import type { ChecklistItem, ChecklistStatus } from '../types';
import type { ChecklistContext, Unread } from './context';

/**
 * What keeps the meetings from question 4, as the finding says it of the meeting nearest to what
 * is needed (“only one agency is recorded as present”); in general terms where its gaps are still
 * to be completed (to-complete tells those).
 */
function meetingShortWords(meetings: readonly Entry[]): string {
  const { problems } = meetingGaps(nearestMeeting(meetings));
  return problems.length ? `A meeting is recorded, but ${problems.join(', and ')}.` : 'A meeting is recorded, but without a recommendation to the chair or with only one agency.';
}

/** Q4: inter-agency discussion. */
export function interAgencyDiscussion(ctx: ChecklistContext): ChecklistItem {
  const { doc, decisionRecorded, item, ev, inTime, dateUnread, decisionUnread, onlyUnread, unreadIn } = ctx;
  // A meeting is recorded once anything of it is written (a meeting still all to be completed is none yet).
  const recorded = readableEntries(doc, ['meetings']).filter((m) => hasWritten(m.data));
  const meetings = recorded.filter((m) => inTime(m.data.date));
  const present = (m: Entry) => new Set(asArray(m.data.agencies).filter(isWritten)).size;
  // QM2 looks for a recommendation on whether to hold an SCR: a meeting that asked for more
  // information has not made one yet (a reading of the specification's table, which README explains).
  const outcome = (m: Entry) => asRecord(m.data.recommendation)?.outcome;
  const askedForMore = (m: Entry) => asString(outcome(m))?.trim() === 'more-information';
  const recommended = (m: Entry) => isWritten(outcome(m)) && !askedForMore(m);
  const full = meetings.filter((m) => present(m) >= 2 && recommended(m));
  const status: ChecklistStatus = full.length ? 'met' : meetings.length ? 'partly-met' : 'not-met';
  const pendingDate = recorded.some((m) => isPlaceholder(m.data.date));
  const unread: Unread[] = [
    ...unreadIn(['meetings']),
    ...recorded.filter((m) => unreadableDate(m.data.date)).map((m) => dateUnread([...m.path, 'date'], `The date of the meeting${meetingWords(m.data)}`, 'the meeting')),
    ...(recorded.length ? decisionUnread(recorded.length === 1 ? 'the meeting' : 'the meetings') : []),
  ];
  return item(4, status,
    full.length ? 'Agencies met together and recommended a course to the chair.'
      : meetings.length ? (meetings.some((m) => hasToComplete(m.data.agencies) || hasToComplete(outcome(m)))
        ? 'A meeting is recorded, but which agencies took part or what it recommended to the chair is still to be completed.'
        : meetings.some(askedForMore)
          ? (decisionRecorded
            ? 'Agencies met, but asked for more information: no recommendation on whether to hold an SCR reached the chair before the decision. Record under `meetings` any later meeting before the decision that made one; if there was none, say in the decision’s `rationale` why the chair decided without it.'
            : 'Agencies met, but asked for more information: they have not yet recommended to the chair whether to hold an SCR. When they meet again and do, record that meeting under `meetings`, with its recommendation.')
        : meetingShortWords(meetings))
      : recorded.length && pendingDate ? 'A meeting is recorded, but its date is still to be completed, so the record does not show it came before the decision.'
      // Each date that cannot be read is told on its own (below).
      : onlyUnread(recorded, (m) => m.data.date, ['meetings']) ? ''
      : decisionRecorded ? 'No meeting of agencies is recorded before the decision.'
      : 'No meeting of agencies is recorded yet.',
    meetings.map((m) => ev(m.path, `Meeting${meetingWords(m.data)}`)), undefined, unread);
}

/** Q6: independent challenge. A challenge is recorded once who gave it or what came of it is written. */
export function independentChallenge(ctx: ChecklistContext): ChecklistItem {
  const { doc, decisionRecorded, decisionUnreadable, item, ev, inTime, dateUnread, decisionUnread, onlyUnread, unreadIn } = ctx;
  const challenges = readableEntries(doc, ['challenge']);
  const recorded = challenges.filter((c) => isWritten(c.data.by) || isWritten(c.data.outcome));
  const before = recorded.filter((c) => inTime(c.data.date));
  const status: ChecklistStatus = before.length ? 'met' : recorded.length ? 'partly-met' : 'not-met';
  const unread: Unread[] = [
    ...unreadIn(['challenge']),
    ...recorded.filter((c) => unreadableDate(c.data.date)).map((c) => dateUnread([...c.path, 'date'], `The date of the challenge${writtenText(c.data.by) ? ` by ${writtenText(c.data.by)!.trim()}` : ''}`, 'the challenge')),
    ...(recorded.length ? decisionUnread(recorded.length === 1 ? 'the challenge' : 'the challenges') : []),
  ];
  return item(6, status,
    before.length ? (decisionRecorded ? 'Independent challenge is recorded on or before the decision.' : 'Independent challenge is recorded.')
      : !decisionUnreadable && recorded.some((c) => parseDate(c.data.date) !== undefined) ? 'Challenge is recorded only after the decision, so it cannot have informed it. Record any challenge sought before the decision.'
      : recorded.some((c) => isPlaceholder(c.data.date)) ? 'Challenge is recorded, but its date is still to be completed, so the record does not show it came before the decision.'
      // Each date that cannot be read is told on its own (below).
      : recorded.some((c) => unreadableDate(c.data.date)) || onlyUnread(recorded, (c) => c.data.date, ['challenge']) ? ''
      : recorded.length ? 'Challenge is recorded without a date, so the record does not show it came before the decision.'
      : challenges.length ? 'No independent challenge is recorded yet: the entry under `challenge` is still to be completed.'
      : 'No independent challenge is recorded.',
    // Who challenged, once written: a quick fix's “To be completed.” is no one yet.
    recorded.map((c) => ev(c.path, `Challenge by ${writtenText(c.data.by) ?? 'someone independent'}`)), undefined, unread);
}

/** Q9: member agencies' input. An input counts once its agency and what it said are written. */
export function memberAgencies(ctx: ChecklistContext): ChecklistItem {
  const { doc, decided, decisionRecorded, item, ev, inTime, dateUnread, decisionUnread, onlyUnread, unreadIn } = ctx;
  const recorded = readableEntries(doc, ['agencyInput']).filter((i) => isWritten(i.data.agency) && isWritten(i.data.summary));
  const input9 = recorded.filter((i) => (decided !== undefined || !isBlank(i.data.date)) && inTime(i.data.date));
  const agenciesHeard = new Set(input9.map((i) => asString(i.data.agency)).filter((a): a is string => !!a));
  const status: ChecklistStatus = agenciesHeard.size >= 2 ? 'met' : agenciesHeard.size === 1 ? 'partly-met' : 'not-met';
  const pending = entries(doc, ['agencyInput']).length > input9.length && hasToComplete(doc.get(['agencyInput']));
  const still = pending ? ' Some input under `agencyInput` is still to be completed.' : '';
  const unread: Unread[] = [
    ...unreadIn(['agencyInput']),
    ...recorded.filter((i) => unreadableDate(i.data.date)).map((i) => dateUnread([...i.path, 'date'], `The date of the input from ${agencyLabel(doc, i.data.agency)}`, 'the input')),
    ...(recorded.length ? decisionUnread('the input') : []),
  ];
  // Where something written cannot be read, the sentences on it say what to put right, in place of the advice.
  const advice = !unread.length;
  return item(9, status,
    (decisionRecorded
      ? agenciesHeard.size >= 2 ? `Input from ${agenciesHeard.size} agencies before the decision.`
        // member-agency-input speaks only where there is none: the summary says what one agency lacks.
        : agenciesHeard.size === 1 ? `Input from 1 agency before the decision.${advice ? ' QM2 looks for input from the board’s member agencies, and one is not enough: record under `agencyInput` the others’ views, or, for an agency that gave none, an entry saying so and why.' : ''}${still}`
        // Each date that cannot be read is told on its own (below).
        : onlyUnread(recorded, (i) => i.data.date, ['agencyInput']) ? still
        : `No input from member agencies is recorded before the decision.${still}`
      : agenciesHeard.size >= 2 ? `Input from ${agenciesHeard.size} agencies so far.`
      // Before a decision no finding says what to do yet, so the summary does.
      : `${agenciesHeard.size === 0 ? 'No input from member agencies is recorded yet' : 'Input from 1 agency so far'}.${advice ? ' Before the decision, record under `agencyInput` the view of each agency that gives one (at least two): which agency, when, and what it said.' : ''}${still}`).trim(),
    input9.map((i) => ev(i.path, `Input from ${agencyLabel(doc, i.data.agency)}`)), undefined, unread);
}
