import type { CaseDoc } from './document';
import { deadline, describeLimit, elapsed, formatLong, parseDate, workingDaysBetween, type DayNumber, type Elapsed, type Limit } from './dates';
import { decisionDay, isDecided } from './decision';
import type { Settings } from './settings';
import { plural } from './text';

/** How the decision stands against its time limit: the one place lateness is worked out. */
export interface DecisionTiming {
  referral?: DayNumber;
  decision?: DayNumber;
  limit: Limit;
  limitText: string;
  /** The last day within the limit. */
  deadline?: DayNumber;
  /** Where the clock stops: the decision, or today while undecided. */
  end?: DayNumber;
  /** From referral to the decision, or to today while undecided; none where that day is before the referral. */
  elapsed?: Elapsed;
  decided: boolean;
  /** Decided after the limit, or undecided and the limit passed (`withinLimit`). */
  late: boolean;
  /** Calendar days past the deadline (decision or today). */
  daysOver: number;
  /** How far past the limit, in words, counted as the limit is (`countedAs`): “19 days”, “3 working days”. */
  lateBy?: string;
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
  // A decision dated before the referral (date-order reports it), or a referral dated after today:
  // no time has run, and none can be counted.
  if (end < referral) return { ...base, deadline: due, end };
  const late = !withinLimit(referral, end, limit);
  return { ...base, deadline: due, end, elapsed: elapsed(referral, end), late, daysOver: late ? end - due : 0, lateBy: late ? countedAs(limit, due, end) : undefined };
}

/**
 * Whether a step from `from` to `to` kept within `limit`. A limit in working days is kept while no
 * more than that many working days have passed, so a step taken at the weekend or on a bank holiday
 * straight after the last working day is within it: no working day was lost. A limit in calendar
 * days, weeks or months ends on its last day, whatever day of the week that is.
 */
export function withinLimit(from: DayNumber, to: DayNumber, limit: Limit): boolean {
  if (limit.unit === 'working-days') return workingDaysBetween(from, to) <= limit.amount;
  return to <= deadline(from, limit);
}

/**
 * The time from one day to a later one, counted the way `limit` is, so the two can be compared: in
 * working days for a limit in working days (“3 working days”), else in days (“19 days”). Every
 * finding and view that says how late something is, or how long it has waited against a limit,
 * words it here.
 */
export function countedAs(limit: Limit, from: DayNumber, to: DayNumber): string {
  return limit.unit === 'working-days' ? plural(workingDaysBetween(from, to), 'working day') : plural(to - from, 'day');
}

/** “that was by 5 March 2016” once the day is past, “that is by 5 March 2016” until then: a limit's last day, for a message. */
export function dueBy(due: DayNumber, today: DayNumber): string {
  return `that ${today > due ? 'was' : 'is'} by ${formatLong(due)}`;
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
