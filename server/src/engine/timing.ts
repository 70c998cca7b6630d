import type { CaseDoc } from './document';
import { deadline, describeLimit, elapsed, parseDate, type DayNumber, type Elapsed, type Limit } from './dates';
import { decisionDay, isDecided } from './model';
import type { Settings } from './settings';

/** How the decision stands against its time limit: the one place lateness is worked out. */
export interface DecisionTiming {
  referral?: DayNumber;
  decision?: DayNumber;
  limit: Limit;
  limitText: string;
  /** The last day within the limit. */
  deadline?: DayNumber;
  /** From referral to the decision, or to today while undecided. */
  elapsed?: Elapsed;
  decided: boolean;
  /** Decided after the deadline, or undecided and the deadline passed. */
  late: boolean;
  /** Calendar days past the deadline (decision or today). */
  daysOver: number;
}

export function decisionTiming(doc: CaseDoc, settings: Settings, today: DayNumber): DecisionTiming {
  const referral = parseDate(doc.get(['referral', 'date']));
  const decision = decisionDay(doc);
  const decided = isDecided(doc) || decision !== undefined;
  const limit = settings.decisionLimit;
  const base: DecisionTiming = { referral, decision, limit, limitText: describeLimit(limit), decided, late: false, daysOver: 0 };
  if (referral === undefined) return base;
  const due = deadline(referral, limit);
  const end = decided ? decision : today;
  if (end === undefined) return { ...base, deadline: due };
  const over = end - due;
  return { ...base, deadline: due, elapsed: elapsed(referral, end), late: over > 0, daysOver: Math.max(0, over) };
}

/** Whether a step from `from` to `to` kept within `limit`. */
export function withinLimit(from: DayNumber, to: DayNumber, limit: Limit): boolean {
  return to <= deadline(from, limit);
}

/**
 * When the clock for notifying Ofsted starts: the day the local authority learnt of the incident
 * (`knownOn`) where that is a date, else the day of the incident. The one place this is decided;
 * notification-timeliness, date-order and the hover on a notification's date ask it.
 */
export function notificationClock(doc: CaseDoc): { path: string[]; day: DayNumber; knownOn: boolean } | undefined {
  const knownOn = parseDate(doc.get(['case', 'incident', 'knownOn']));
  if (knownOn !== undefined) return { path: ['case', 'incident', 'knownOn'], day: knownOn, knownOn: true };
  const date = parseDate(doc.get(['case', 'incident', 'date']));
  return date === undefined ? undefined : { path: ['case', 'incident', 'date'], day: date, knownOn: false };
}
