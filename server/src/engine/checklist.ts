import type { CaseDoc, Path } from './document';
import { formatLong, parseDate, plural, type DayNumber } from './dates';
import { agencyLabel, agencyName, agencyTypeWords, missingKeyTypes } from './agencies';
import { otherBoards, ownBoardToComplete } from './boards';
import { CRITERIA, CRITERION_QUESTION, type CriterionKey, findingOf, incidentConflicts, mandatorySettingWords, type StatutoryTest } from './criteria';
import { contradictions, isDecided, natureGaps, rationaleGaps } from './decision';
import { entries, type Entry, readableEntries } from './entries';
import { meetingGaps, meetingWords, nearestMeeting } from './meetings';
import { unfinished } from './unfinished';
import { type SlipInPart, slipsInParts, unreadEntries, type UnreadEntry } from './unread';
import { asArray, asRecord, asString, datedAfter, hasToComplete, hasWritten, isWritten, onOrBefore, unreadableDate, writtenText } from './values';
import { ALL_QUESTIONS, canBeHeldBack, STATUS_WORDS } from './qm2';
import { isBlank, isPlaceholder, listWords, sameBoard } from './text';
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
 * A place a question rests on that cannot be read: a date written so that it cannot be read (or, for
 * what is dated, the decision's own), or an entry that is not a section or holds a slip. It counts
 * for nothing, and holds the question back as a place still to be completed does: `words` says so
 * in the summary, and the findings of `rules` on `span` (the one that says what to put right) are
 * listed as holding the question back.
 */
interface Unread {
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

/**
 * What keeps the meetings from question 4, as the finding says it of the meeting nearest to what
 * is needed (“only one agency is recorded as present”); in general terms where its gaps are still
 * to be completed (to-complete tells those).
 */
function meetingShortWords(meetings: readonly Entry[]): string {
  const { problems } = meetingGaps(nearestMeeting(meetings));
  return problems.length ? `A meeting is recorded, but ${problems.join(', and ')}.` : 'A meeting is recorded, but without a recommendation to the chair or with only one agency.';
}

/** “The date of the meeting is written “next week”, which cannot be read as a date, so …”: a date that cannot be read, and what that leaves unknown. */
function unreadDateWords(what: string, v: unknown, then: string): string {
  const text = asString(v)?.trim();
  return `${what}${text !== undefined ? ` is written “${text}”, which` : ''} cannot be read as a date, so ${then}.`;
}

/**
 * The QM2 checklist: for each question a status, the evidence for it and the findings that hold
 * it back. The one function that works this out; the preview, hovers, code lens and command line
 * all show its result.
 */
/** What an agency wrote to summarise its contact with the child or family. */
function summaryOf(a: Entry): unknown {
  return asRecord(a.data.minimumData)?.summary;
}

/**
 * Question 1's words on agency contact: how many agencies have summarised it, and how many of the
 * rest said they had none (so need no summary).
 */
function agencyContactWords(agencies: readonly Entry[], summarised: number, noneHadContact: boolean): string {
  if (!agencies.length) return 'No agencies are recorded';
  if (noneHadContact && !summarised) return agencies.length === 1 ? 'The one agency recorded had no contact with the child or family' : `None of the ${agencies.length} agencies had contact with the child or family`;
  const none = agencies.filter((a) => a.data.involvement === 'not-known' && !isWritten(summaryOf(a))).length;
  const rest = agencies.length - summarised;
  const noContact = !none ? '' : none === rest ? ` (${rest === 1 ? 'the other' : rest === 2 ? 'both others' : `the other ${rest}`} had no contact to summarise)` : ` (${none} more had no contact to summarise)`;
  return `${summarised} of ${agencies.length} ${agencies.length === 1 ? 'agency' : 'agencies'} ${summarised === 1 ? 'has a summary of its' : 'have a summary of their'} contact${noContact}`;
}

export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
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
  const items: ChecklistItem[] = [];
  // How an agency is named in a label: its name once written, else its id.
  const agencyTitle = (data: Record<string, unknown>) => writtenText(data.name) ?? writtenText(data.id) ?? 'Agency';
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

  // Q1: agency contact and context. Only what is written counts: a summary or a piece of context
  // still reading “To be completed.” is none yet (to-complete reports it, and it holds the question back).
  {
    const known = agencies.filter((a) => a.data.involvement === 'known');
    const summarised = agencies.filter((a) => isWritten(summaryOf(a)));
    // Every agency that had contact has summarised it; where every agency says it had none, there is nothing to summarise.
    const noneHadContact = agencies.length > 0 && agencies.every((a) => a.data.involvement === 'not-known');
    // An agency still recorded as `unknown` has not said whether it knew the child or family: what it
    // knew is not gathered, so the contact is not all summarised (a departure from the
    // specification's table, which counts summaries only; README explains).
    const notEstablished = agencies.filter((a) => a.data.involvement === 'unknown');
    const contactOk = agencies.length > 0 && known.every((a) => isWritten(summaryOf(a))) && (summarised.length > 0 || noneHadContact) && notEstablished.length === 0;
    const one = notEstablished.length === 1;
    const whether = `Whether ${listWords(notEstablished.map((a) => agencyName(a.data)), 'and')} had contact with the child or family`;
    // “Once the board knows”, not “when it answers”: an agency may not have been asked at all
    // (minimum-data-requested says so), and the board may learn it another way.
    const establish = !notEstablished.length ? ''
      : decisionRecorded
        ? ` ${whether} is still recorded as unknown (\`involvement: unknown\`), so the record does not show that what ${one ? 'it' : 'they'} knew was gathered for the decision. Once the board knows, record \`known\`, with a summary of the contact, or \`not-known\`.`
        : ` ${whether} is not yet known (\`involvement: unknown\`), so what ${one ? 'it' : 'they'} knew has not been gathered yet. Once the board knows, record \`known\`, with a summary of the contact, or \`not-known\`.`;
    const allContext = readableEntries(doc, ['context']);
    const context = allContext.filter((c) => isWritten(c.data.summary));
    const pending = allContext.length - context.length;
    const contextOk = context.length > 0;
    const status = contactOk && contextOk ? 'met' : contactOk || contextOk ? 'partly-met' : 'not-met';
    items.push(item(1, status,
      `${agencyContactWords(agencies, summarised.length, noneHadContact)}; ${context.length ? `${plural(context.length, 'piece')} of contextual information` : 'no contextual information'}` +
        (pending ? ` (${pending === 1 ? `one ${context.length ? 'more' : 'entry'} is` : `${pending} ${context.length ? 'more' : 'entries'} are`} still to be completed).` : '.') + establish,
      [...summarised.map((a) => ev([...a.path, 'minimumData', 'summary'], `${agencyTitle(a.data)}: contact summarised`)),
       ...context.map((c) => ev(c.path, `Context: ${writtenText(c.data.topic) ?? 'entry'}`))],
      undefined, [...unreadIn(['agencies']), ...unreadIn(['context'])]));
  }

  // Q2: minimum data from key agencies, judged at the decision once one is dated: a request made
  // only after it is no request then, as a return received after it is no return (a reading of the
  // specification's table, which README explains).
  {
    const requestedOn = (a: Entry) => asRecord(a.data.minimumData)?.requested;
    const receivedOn = (a: Entry) => asRecord(a.data.minimumData)?.received;
    const asked = agencies.filter((a) => parseDate(requestedOn(a)) !== undefined);
    const requested = asked.filter((a) => !afterDecision(requestedOn(a)));
    const askedLate = asked.length - requested.length;
    const returned = requested.filter((a) => isWritten(receivedOn(a)) && inTime(receivedOn(a)));
    // Returns recorded with a date that can be read: while the decision's own date cannot be read, none is shown before it.
    const received = requested.filter((a) => isWritten(receivedOn(a)) && !unreadableDate(receivedOn(a)));
    const missingTypes = missingKeyTypes(doc, input.settings.keyAgencyTypes);
    const status: ChecklistStatus = requested.length === 0 ? 'not-met'
      : requested.length === agencies.length && returned.length === requested.length && missingTypes.length === 0 ? 'met' : 'partly-met';
    const unread: Unread[] = [
      ...unreadIn(['agencies']),
      ...agencies.filter((a) => unreadableDate(requestedOn(a))).map((a) => dateUnread([...a.path, 'minimumData', 'requested'], `The date ${agencyName(a.data)} was asked for its minimum data`, 'the request')),
      ...requested.filter((a) => unreadableDate(receivedOn(a))).map((a) => dateUnread([...a.path, 'minimumData', 'received'], `The date the return from ${agencyName(a.data)} was received`, 'the return')),
      ...(received.length ? decisionUnread(received.length === 1 ? 'the return' : 'the returns') : []),
    ];
    items.push(item(2, status,
      (agencies.length ? `${requested.length} of ${plural(agencies.length, 'agency', 'agencies')} asked for minimum data` : 'No agencies are recorded, so none has been asked for minimum data') +
        (askedLate ? ` before the decision (${askedLate === 1 ? 'one more' : `${askedLate} more`} only after it)` : '') +
        (decisionUnreadable ? `; ${received.length} returned` : `; ${returned.length} returned${decided !== undefined ? ' before the decision' : ''}`) +
        (missingTypes.length ? `; no ${listWords(missingTypes.map(agencyTypeWords))} agency recorded.` : '.') +
        // Returns still awaited within their time: no finding speaks yet, so the summary says what to do.
        // (Not where a return is overdue: minimum-data-outstanding then says to chase it.)
        (status === 'partly-met' && !missingTypes.length && requested.length === agencies.length && decided === undefined && !unread.length && !open.some((f) => f.rule === 'minimum-data-outstanding') ? ' Add the date under `received` as each return arrives.' : ''),
      requested.map((a) => ev([...a.path, 'minimumData', 'requested'], `${agencyTitle(a.data)}: data requested`)),
      undefined, unread));
  }

  // Q3: neighbouring boards. An address whose board is still to be completed shows nothing about
  // where the family lived: it is no evidence that they stayed in the board's own area.
  {
    const addresses = readableEntries(doc, ['family', 'addresses']);
    const unnamed = addresses.filter((a) => !isWritten(a.data.board));
    // An address that cannot be read, like one whose board is not written, shows nothing about where the family lived.
    const addressesUnread = unreadIn(['family', 'addresses']);
    const others = otherBoards(doc);
    const checks = readableEntries(doc, ['neighbouringBoards']).filter((c) => isWritten(c.data.board));
    const checksFor = (b: string) => checks.filter((c) => sameBoard(c.data.board, b));
    let status: ChecklistStatus;
    let summary: string;
    const unread: Unread[] = [...addressesUnread];
    // While the case's own board is still to be completed, the family's own board would read as another.
    const ownToComplete = ownBoardToComplete(doc);
    if (asArray(doc.get(['family', 'addresses'])).length === 0 && !addressesUnread.length) {
      status = 'not-met';
      summary = 'No address history is recorded, so it cannot be shown whether other boards needed checking.';
    } else if (ownToComplete) {
      status = 'not-met';
      summary = 'The board considering the case (`board` under `case`) is still to be completed, so which boards in the address history are other boards, needing a check, cannot be judged yet. Write in your board’s name.';
    } else if (others.length === 0 && !unnamed.length && addressesUnread.length) {
      status = 'not-met';
      summary = 'Not every address in the family’s history can be read, so it cannot be shown whether other boards needed checking.';
    } else if (others.length === 0 && unnamed.length) {
      status = 'not-met';
      summary = `${unnamed.length === addresses.length ? (addresses.length === 1 ? 'The board of the one address in the family’s history is' : 'The board of every address in the family’s history is') : unnamed.length === 1 ? 'The board of one address in the family’s history is' : `The boards of ${unnamed.length} addresses in the family’s history are`} not yet written, so it cannot be shown whether other boards needed checking. Write in the board for each address.`;
    } else if (others.length === 0) {
      status = 'not-applicable';
      summary = 'The family has lived only in the board’s own area.';
    } else {
      // Judged at the decision, once one is dated (a reading of the specification's table, which
      // README explains): a board first asked only after it was unchecked when the chair decided,
      // and an answer received after it was still awaited then.
      // A check whose request date cannot be read is not shown to have been made, nor an answer
      // whose date cannot be read to have come (invalid-date reports the date; the summary says it).
      const asked = (b: string) => checksFor(b).filter((c) => !afterDecision(c.data.requested) && !unreadableDate(c.data.requested));
      const answered = (b: string) => asked(b).some((c) => isWritten(c.data.received) && inTime(c.data.received));
      const never = others.filter((o) => checksFor(o.board).length === 0);
      const askedUnread = others.filter((o) => asked(o.board).length === 0 && checksFor(o.board).some((c) => unreadableDate(c.data.requested)));
      const askedAfter = others.filter((o) => checksFor(o.board).length > 0 && asked(o.board).length === 0 && !askedUnread.includes(o));
      const pending = others.filter((o) => asked(o.board).length > 0 && !answered(o.board));
      const answeredAfter = pending.filter((o) => asked(o.board).some((c) => afterDecision(c.data.received)));
      const answerUnread = pending.filter((o) => !answeredAfter.includes(o) && asked(o.board).some((c) => unreadableDate(c.data.received) || (decisionUnreadable && isWritten(c.data.received))));
      const waiting = pending.filter((o) => !answeredAfter.includes(o) && !answerUnread.includes(o));
      const names = (bs: readonly { board: string }[]) => listWords(bs.map((b) => b.board));
      const after = decided !== undefined ? `after the decision on ${formatLong(decided)}` : '';
      const otherChecks = checks.filter((c) => others.some((o) => sameBoard(c.data.board, o.board)));
      const answers = otherChecks.filter((c) => isWritten(c.data.received) && !unreadableDate(c.data.received)).length;
      unread.push(
        ...unreadIn(['neighbouringBoards']),
        ...otherChecks.filter((c) => unreadableDate(c.data.requested)).map((c) => dateUnread([...c.path, 'requested'], `The date ${writtenText(c.data.board)!.trim()} was asked whether its agencies knew the family`, 'the check')),
        ...otherChecks.filter((c) => unreadableDate(c.data.received)).map((c) => dateUnread([...c.path, 'received'], `The date ${writtenText(c.data.board)!.trim()}’s answer was received`, 'the answer')),
        ...(answers ? decisionUnread(answers === 1 ? 'the answer' : 'the answers') : []),
      );
      status = never.length || askedAfter.length || askedUnread.length ? 'not-met' : pending.length ? 'partly-met' : 'met';
      summary = never.length || askedAfter.length || askedUnread.length
        ? [...(never.length ? [`No check recorded with ${never.map((u) => u.board).join(', ')}.`] : []),
          ...(askedAfter.length ? [`${names(askedAfter)} ${askedAfter.length === 1 ? 'was' : 'were'} first asked only ${after}, so ${askedAfter.length === 1 ? 'it was' : 'they were'} not checked with when the chair decided.`] : [])].join(' ')
        : pending.length
          ? [...(answeredAfter.length ? [`${names(answeredAfter)} answered only ${after}, so the chair decided without ${answeredAfter.length === 1 ? 'its answer' : 'their answers'}.`] : []),
            ...(waiting.length ? [decisionRecorded
              // Once decided, there is nothing to chase for this decision: what is left is why it did not wait.
              ? `No answer from ${names(waiting)} is recorded, and the decision has been made without it. If it came, add its date under \`received\`; if not, say in the decision’s \`rationale\` why the chair went ahead.`
              : `Waiting for an answer from ${waiting.map((u) => u.board).join(', ')}. When it comes, add its date under \`received\`, or chase the board if it is slow.`] : [])].join(' ')
        : `Every other board in the address history was checked and answered.`;
    }
    items.push(item(3, status, summary, checks.map((c) => ev(c.path, `Check with ${writtenText(c.data.board)}`)), undefined, unread));
  }

  // Q4: inter-agency discussion.
  {
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
    items.push(item(4, status,
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
      meetings.map((m) => ev(m.path, `Meeting${meetingWords(m.data)}`)), undefined, unread));
  }

  // Q5: delay. “Not applicable” only where the record shows no delay to justify: decided within the
  // limit, or undecided and still within it. Where a date is written but cannot be read, or is still
  // to be completed, that cannot be known, so the question is not met until the date is put right
  // (a departure from the specification's table, which README explains).
  {
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
    items.push(item(5, status, summary, evidence, (f) => atDates.some((sp) => f.span.start >= sp.start && f.span.end <= sp.end)));
  }

  // Q6: independent challenge. A challenge is recorded once who gave it or what came of it is written.
  {
    const challenges = readableEntries(doc, ['challenge']);
    const recorded = challenges.filter((c) => isWritten(c.data.by) || isWritten(c.data.outcome));
    const before = recorded.filter((c) => inTime(c.data.date));
    const status: ChecklistStatus = before.length ? 'met' : recorded.length ? 'partly-met' : 'not-met';
    const unread: Unread[] = [
      ...unreadIn(['challenge']),
      ...recorded.filter((c) => unreadableDate(c.data.date)).map((c) => dateUnread([...c.path, 'date'], `The date of the challenge${writtenText(c.data.by) ? ` by ${writtenText(c.data.by)!.trim()}` : ''}`, 'the challenge')),
      ...(recorded.length ? decisionUnread(recorded.length === 1 ? 'the challenge' : 'the challenges') : []),
    ];
    items.push(item(6, status,
      before.length ? (decisionRecorded ? 'Independent challenge is recorded on or before the decision.' : 'Independent challenge is recorded.')
        : !decisionUnreadable && recorded.some((c) => parseDate(c.data.date) !== undefined) ? 'Challenge is recorded only after the decision, so it cannot have informed it. Record any challenge sought before the decision.'
        : recorded.some((c) => isPlaceholder(c.data.date)) ? 'Challenge is recorded, but its date is still to be completed, so the record does not show it came before the decision.'
        // Each date that cannot be read is told on its own (below).
        : recorded.some((c) => unreadableDate(c.data.date)) || onlyUnread(recorded, (c) => c.data.date, ['challenge']) ? ''
        : recorded.length ? 'Challenge is recorded without a date, so the record does not show it came before the decision.'
        : challenges.length ? 'No independent challenge is recorded yet: the entry under `challenge` is still to be completed.'
        : 'No independent challenge is recorded.',
      // Who challenged, once written: a quick fix's “To be completed.” is no one yet.
      recorded.map((c) => ev(c.path, `Challenge by ${writtenText(c.data.by) ?? 'someone independent'}`)), undefined, unread));
  }

  // Q7: statutory criteria.
  {
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
    items.push(item(7, status, summary, CRITERIA.filter((k) => found(k)).map((k) => ev(['criteria', k], `Finding on ${CRITERION_QUESTION[k]}`))));
  }

  // Q8: local learning and the nature of the review.
  {
    const learning = readableEntries(doc, ['learning']).filter((l) => isWritten(l.data.reference) || isWritten(l.data.relevance));
    const scr = doc.get(['decision', 'outcome']) === 'scr';
    const natureToComplete = hasToComplete(doc.get(['decision', 'nature']));
    const nature = natureGaps(doc).length === 0 && !natureToComplete;
    const parts = [learning.length > 0, ...(scr ? [nature] : [])];
    const status: ChecklistStatus = parts.every(Boolean) ? 'met' : parts.some(Boolean) ? 'partly-met' : 'not-met';
    items.push(item(8, status,
      learning.length === 0 && !decisionRecorded
        // Before a decision no finding says what to do yet, so the summary does.
        ? 'No local learning is recorded yet. Before the decision, list under `learning` the earlier reviews, audits or improvement work the chair should take into account.'
        : `${learning.length} learning reference${learning.length === 1 ? '' : 's'} recorded` + (scr ? (nature ? '; the nature of the review is set out.' : natureToComplete ? '; the nature of the review is still to be completed.' : '; the nature of the review is not set out.') : '.'),
      [...learning.map((l) => ev(l.path, `Learning: ${writtenText(l.data.reference) ?? 'reference'}`)), ...(nature && scr ? [ev(['decision', 'nature'], 'Nature of the review')] : [])],
      undefined, unreadIn(['learning'])));
  }

  // Q9: member agencies' input. An input counts once its agency and what it said are written.
  {
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
    items.push(item(9, status,
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
      input9.map((i) => ev(i.path, `Input from ${agencyLabel(doc, i.data.agency)}`)), undefined, unread));
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
