import { BANK_HOLIDAY_DATES } from './holidays';
import { plural } from './text';

/** A calendar date as a whole number of days since 1970-01-01 (no time, no time zone). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function dayFromParts(y: number, m: number, d: number): DayNumber {
  if (y >= 100) return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  // Date.UTC reads years 0 to 99 as 1900 to 1999; a year mistyped as 0016 must stay year 16.
  const dt = new Date(0);
  dt.setUTCFullYear(y, m - 1, d);
  return Math.round(dt.getTime() / MS_PER_DAY);
}

function parts(day: DayNumber): { y: number; m: number; d: number; weekday: number } {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), weekday: dt.getUTCDay() };
}

/** What parseDate made of each text it read: bounded, and cleared when full. */
const PARSED = new Map<string, DayNumber | null>();
const PARSED_LIMIT = 10_000;

/** Reads `YYYY-MM-DD` that names a day that exists; anything else is undefined. */
export function parseDate(value: unknown): DayNumber | undefined {
  if (typeof value !== 'string') return undefined;
  // A long file holds thousands of dates, most of them the same few, read by many rules.
  const known = PARSED.get(value);
  if (known !== undefined) return known ?? undefined;
  const day = readDate(value);
  if (PARSED.size >= PARSED_LIMIT) PARSED.clear();
  PARSED.set(value, day ?? null);
  return day;
}

function readDate(value: string): DayNumber | undefined {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return dayFromParts(y, mo, d);
}

/** Day, month and year with slashes, dots or hyphens between: 10/05/2016, 10.5.2016, 10-05-2016, 10/05/16. */
const NUMERIC_DAY_FIRST = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/;
/** Day, then the month in words, then the year: 10 May 2016, 10th May 2016, 1st Sept. 2016, 10 May 16. */
const WORDED_DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|\d{2})$/i;

/** A date written the British way, as britishDate reads it. */
export interface BritishDate {
  day: DayNumber;
  /**
   * Whether `day` is the only reading: false where the numbers could also be read month first
   * (`monthFirst`), or where a two-digit year was read as 19xx (`lastCentury`).
   */
  certain: boolean;
  /** The other reading, month first (05/10/2016: 10 May), where that is a day too. */
  monthFirst?: DayNumber;
  /**
   * Set where a two-digit year was read as 19xx in `day` or `monthFirst`, as 20xx would make that
   * reading a day in a year after next: the two digits, the year read and the year passed over
   * (`98`, 1998, 2098).
   */
  lastCentury?: { written: string; read: number; instead: number };
}

/**
 * A date written the British way, day first (`10/05/2016`, `10.05.2016`, `10 May 2016`,
 * `10th May 2016`), as the day it names; undefined where the text is not such a date or names a
 * day that does not exist. A two-digit year (`10/05/16`) is read as 20xx, or as 19xx where 20xx
 * would make the day later than `today` and its year later than next year (`14/02/98`); without
 * `today` it is not read at all. Where the numbers could also be read month first (05/10/2016),
 * only the British reading makes it 10 May;
 * `monthFirst` is then the other reading (5 October), its year read on its own the same way.
 */
export function britishDate(value: unknown, today?: DayNumber): BritishDate | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let d: number;
  let mo: number;
  let year: string;
  let twoWays = false;
  const numeric = NUMERIC_DAY_FIRST.exec(text);
  const worded = numeric ? null : WORDED_DAY_FIRST.exec(text);
  if (numeric) {
    [d, mo, year] = [Number(numeric[1]), Number(numeric[3]), numeric[4]];
    // Two readings only where both numbers are 12 or less, so read the other way round it is a day too.
    twoWays = d !== mo && d <= 12;
  } else if (worded) {
    const name = worded[2].toLowerCase();
    const suffix = /^\d+(st|nd|rd|th)/i.exec(text)?.[1]?.toLowerCase();
    [d, year] = [Number(worded[1]), worded[3]];
    // The month in full, or its first three letters (Sept for September).
    mo = MONTHS.findIndex((m) => m.toLowerCase() === name || (name.length >= 3 && name.length < m.length && m.toLowerCase().startsWith(name))) + 1;
    // A suffix that does not fit the number (10st) is a slip that leaves the day in doubt.
    if (suffix && suffix !== ordinalSuffix(d)) return undefined;
  } else return undefined;
  const first = dayOfYear(year, mo, d, today);
  if (!first) return undefined;
  const other = twoWays ? dayOfYear(year, d, mo, today) : undefined;
  const back = first.lastCentury ?? other?.lastCentury;
  return {
    day: first.day,
    certain: !other && !back,
    ...(other ? { monthFirst: other.day } : {}),
    ...(back ? { lastCentury: back } : {}),
  };
}

/** The day of a British date's year, month and day, the year written in four digits or two (see britishDate). */
function dayOfYear(year: string, mo: number, d: number, today: DayNumber | undefined): { day: DayNumber; lastCentury?: BritishDate['lastCentury'] } | undefined {
  if (mo < 1 || mo > 12 || d < 1) return undefined;
  if (year.length === 4) {
    const y = Number(year);
    return y < 1000 || d > daysInMonth(y, mo) ? undefined : { day: dayFromParts(y, mo, d) };
  }
  if (today === undefined) return undefined;
  const y = 2000 + Number(year);
  if (d > daysInMonth(y, mo)) return undefined;
  const day = dayFromParts(y, mo, d);
  // A date this year or next is read in this century even when it is still to come (a meeting
  // booked, or a slip in the day or month, which date-order reports where it matters): no date in
  // a child's case is a hundred years old, so 14/01/17 written in 2016 is never 1917.
  if (day <= today || y <= parts(today).y + 1) return { day };
  // 29/02/00 read as 1900 names no day: 1900 was not a leap year.
  return d > daysInMonth(y - 100, mo) ? undefined : { day: dayFromParts(y - 100, mo, d), lastCentury: { written: year, read: y - 100, instead: y } };
}

/** The ending of an ordinal number written in figures: 1st, 2nd, 3rd, 4th, 11th, 21st. */
export function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Why a value is not a date, as a plain sentence; undefined when it is one. */
export function dateProblem(value: unknown): string | undefined {
  if (parseDate(value) !== undefined) return undefined;
  const shown = typeof value === 'string' ? `“${value}”` : 'This value';
  const m = typeof value === 'string' ? ISO_DATE.exec(value.trim()) : null;
  if (!m) return `${shown} is not a date written as year-month-day (YYYY-MM-DD), for example 2016-01-14.`;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return `${value} is not a date: months run from 01 to 12.`;
  return `${value} is not a date: ${MONTHS[mo - 1]} ${m[1]} has ${daysInMonth(Number(m[1]), mo)} days.`;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1 to 12) of year `y`, by the Gregorian calendar. */
export function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && leap ? 29 : MONTH_LENGTHS[m - 1];
}

export function formatIso(day: DayNumber): string {
  const { y, m, d } = parts(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "14 January 2016". */
export function formatLong(day: DayNumber): string {
  const { y, m, d } = parts(day);
  // A year before 1000 can only be a slip: shown with its four digits (0016), as it was written.
  return `${d} ${MONTHS[m - 1]} ${String(y).padStart(4, '0')}`;
}

/** Adds calendar months, keeping the day of the month where it exists and the month's last day otherwise. */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = parts(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayFromParts(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** The bank holidays as day numbers, made on first use. */
let holidayDays: ReadonlySet<DayNumber> | undefined;
/** The bank holidays that fall on a weekday, in order: the ones a count of working days leaves out. */
let weekdayHolidays: readonly DayNumber[] | undefined;

function weekdayOf(day: DayNumber): number {
  // Day 0, 1 January 1970, was a Thursday (4; Sunday is 0).
  return (((day + 4) % 7) + 7) % 7;
}

/** Monday to Friday, and not a bank holiday. */
export function isWorkingDay(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  if (weekday === 0 || weekday === 6) return false;
  holidayDays ??= new Set(BANK_HOLIDAY_DATES.map((iso) => readDate(iso)!));
  return !holidayDays.has(day);
}

/** Mondays to Fridays before `day`, counted from Monday 5 January 1970 (day 4); negative before it. */
function weekdaysBefore(day: DayNumber): number {
  const n = day - 4;
  const weeks = Math.floor(n / 7);
  return 5 * weeks + Math.min(n - 7 * weeks, 5);
}

/** How many of the weekday holidays fall on or before `day`. */
function holidaysUpTo(day: DayNumber): number {
  weekdayHolidays ??= BANK_HOLIDAY_DATES.map((iso) => readDate(iso)!).filter((d) => weekdayOf(d) !== 0 && weekdayOf(d) !== 6).sort((a, b) => a - b);
  let lo = 0;
  let hi = weekdayHolidays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (weekdayHolidays[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working days after `from`, up to and including `to` (0 when `to` is not after `from`). Worked out
 * by counting, not by stepping through each day, so a year mistyped as 0016 costs no more than a
 * month: the count is made on every keystroke.
 */
export function workingDaysBetween(from: DayNumber, to: DayNumber): number {
  if (to <= from) return 0;
  return weekdaysBefore(to + 1) - weekdaysBefore(from + 1) - (holidaysUpTo(to) - holidaysUpTo(from));
}

/** The `n`th working day after `from`. */
export function addWorkingDays(from: DayNumber, n: number): DayNumber {
  let d = from;
  for (let left = n; left > 0; ) {
    d++;
    if (isWorkingDay(d)) left--;
  }
  return d;
}

export type LimitUnit = 'days' | 'working-days' | 'weeks' | 'months';
export interface Limit {
  amount: number;
  unit: LimitUnit;
}

/**
 * A limit as the settings format writes it: exactly the schema's `duration` pattern (a test holds
 * the two, and the editor setting's, to the same text), so that a limit the settings check accepts
 * is the one applied, and one it reports leaves the default. Four digits at most: a limit of years
 * of working days would only make the count slow.
 */
export const LIMIT_PATTERN = /^\s*(\d{1,4})\s+(days?|working days?|weeks?|months?)\s*$/;

/** Reads a limit such as `1 month`, `20 working days`, `4 weeks`, `30 days`. */
export function parseLimit(text: unknown): Limit | undefined {
  if (typeof text !== 'string') return undefined;
  const m = LIMIT_PATTERN.exec(text);
  if (!m) return undefined;
  const word = m[2];
  const unit: LimitUnit = word.startsWith('working') ? 'working-days' : word.startsWith('week') ? 'weeks' : word.startsWith('month') ? 'months' : 'days';
  return { amount: Number(m[1]), unit };
}

/** “1 month”, “20 working days”: a limit as the settings write it (so “1000 days”, with no comma, which reads back). */
export function describeLimit(limit: Limit): string {
  const n = limit.amount;
  const word = { days: 'day', 'working-days': 'working day', weeks: 'week', months: 'month' }[limit.unit];
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The last day that is still within `limit` of `start`. */
export function deadline(start: DayNumber, limit: Limit): DayNumber {
  switch (limit.unit) {
    case 'days':
      return start + limit.amount;
    case 'weeks':
      return start + 7 * limit.amount;
    case 'working-days':
      return addWorkingDays(start, limit.amount);
    case 'months':
      return addMonths(start, limit.amount);
  }
}

/** How long from one day to another, counted both ways people count. */
export interface Elapsed {
  calendarDays: number;
  workingDays: number;
}

export function elapsed(from: DayNumber, to: DayNumber): Elapsed {
  return { calendarDays: to - from, workingDays: workingDaysBetween(from, to) };
}

/** “19 working days (27 calendar days)”: how long a step took, as every finding and view words it. */
export function describeElapsed(e: Elapsed): string {
  return `${plural(e.workingDays, 'working day')} (${plural(e.calendarDays, 'calendar day')})`;
}


export function todayDay(now = new Date()): DayNumber {
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
