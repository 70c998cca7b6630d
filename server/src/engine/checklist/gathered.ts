/**
 * Questions 1 to 3 of the QM2 checklist: what was gathered for the decision (agency contact and
 * context, minimum data from key agencies, checks with neighbouring boards).
 */
import { formatLong, parseDate } from '../dates';
import { plural } from '../text';
import { agencyName, agencyTypeWords, missingKeyTypes } from '../agencies';
import { otherBoards, ownBoardToComplete } from '../boards';
import { type Entry, readableEntries } from '../entries';
import { asArray, asRecord, isWritten, unreadableDate, writtenText } from '../values';
import { listWords, sameBoard } from '../text';
import type { ChecklistItem, ChecklistStatus } from '../types';
import type { ChecklistContext, Unread } from './context';

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

/** How an agency is named in a label: its name once written, else its id. */
function agencyTitle(data: Record<string, unknown>): string {
  return writtenText(data.name) ?? writtenText(data.id) ?? 'Agency';
}

/**
 * Q1: agency contact and context. Only what is written counts: a summary or a piece of context
 * still reading “To be completed.” is none yet (to-complete reports it, and it holds the question back).
 */
export function enoughInformation(ctx: ChecklistContext): ChecklistItem {
  const { doc, agencies, decisionRecorded, item, ev, unreadIn } = ctx;
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
  return item(1, status,
    `${agencyContactWords(agencies, summarised.length, noneHadContact)}; ${context.length ? `${plural(context.length, 'piece')} of contextual information` : 'no contextual information'}` +
      (pending ? ` (${pending === 1 ? `one ${context.length ? 'more' : 'entry'} is` : `${pending} ${context.length ? 'more' : 'entries'} are`} still to be completed).` : '.') + establish,
    [...summarised.map((a) => ev([...a.path, 'minimumData', 'summary'], `${agencyTitle(a.data)}: contact summarised`)),
     ...context.map((c) => ev(c.path, `Context: ${writtenText(c.data.topic) ?? 'entry'}`))],
    undefined, [...unreadIn(['agencies']), ...unreadIn(['context'])]);
}

/**
 * Q2: minimum data from key agencies, judged at the decision once one is dated: a request made
 * only after it is no request then, as a return received after it is no return (a reading of the
 * specification's table, which README explains).
 */
export function minimumData(ctx: ChecklistContext): ChecklistItem {
  const { doc, input, agencies, open, decided, decisionUnreadable, item, ev, inTime, afterDecision, dateUnread, decisionUnread, unreadIn } = ctx;
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
  return item(2, status,
    (agencies.length ? `${requested.length} of ${plural(agencies.length, 'agency', 'agencies')} asked for minimum data` : 'No agencies are recorded, so none has been asked for minimum data') +
      (askedLate ? ` before the decision (${askedLate === 1 ? 'one more' : `${askedLate} more`} only after it)` : '') +
      (decisionUnreadable ? `; ${received.length} returned` : `; ${returned.length} returned${decided !== undefined ? ' before the decision' : ''}`) +
      (missingTypes.length ? `; no ${listWords(missingTypes.map(agencyTypeWords))} agency recorded.` : '.') +
      // Returns still awaited within their time: no finding speaks yet, so the summary says what to do.
      // (Not where a return is overdue: minimum-data-outstanding then says to chase it.)
      (status === 'partly-met' && !missingTypes.length && requested.length === agencies.length && decided === undefined && !unread.length && !open.some((f) => f.rule === 'minimum-data-outstanding') ? ' Add the date under `received` as each return arrives.' : ''),
    requested.map((a) => ev([...a.path, 'minimumData', 'requested'], `${agencyTitle(a.data)}: data requested`)),
    undefined, unread);
}

/**
 * Q3: neighbouring boards. An address whose board is still to be completed shows nothing about
 * where the family lived: it is no evidence that they stayed in the board's own area.
 */
export function neighbouringBoards(ctx: ChecklistContext): ChecklistItem {
  const { doc, decided, decisionUnreadable, decisionRecorded, item, ev, inTime, afterDecision, dateUnread, decisionUnread, unreadIn } = ctx;
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
  return item(3, status, summary, checks.map((c) => ev(c.path, `Check with ${writtenText(c.data.board)}`)), undefined, unread);
}
