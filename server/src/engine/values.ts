import { parseDate, type DayNumber } from './dates';
import { isBlank, isPlaceholder } from './text';

/** Tolerant readers: a case file being typed is often half-written, so nothing here throws. */
export function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/**
 * Whether the record's own words stand at a value: something written, and not words left to replace
 * (“To be completed. …”), which to-complete reports and nothing counts as the record.
 */
export function isWritten(v: unknown): boolean {
  return !isBlank(v) && !isPlaceholder(v);
}

/** Whether anything in a value (text, or a list or section at any depth) is the record's own words. */
export function hasWritten(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasWritten);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasWritten);
  return isWritten(v);
}

/** Whether anything in a value (text, or a list or section at any depth) is still to be completed. */
export function hasToComplete(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasToComplete);
  if (v !== null && typeof v === 'object') return Object.values(v).some(hasToComplete);
  return isPlaceholder(v);
}

/**
 * Text as written, for a label or a sentence: undefined when blank or still to be completed. Not
 * trimmed: the page shows the record's words exactly (JavaScript's trim would also drop marks such
 * as a byte-order mark, hiding what the file holds).
 */
export function writtenText(v: unknown): string | undefined {
  return isWritten(v) ? asString(v) : undefined;
}

/**
 * Whether something dated `v` (a meeting, an agency's input, a challenge) stands on or before
 * `day` (the decision), so that it can have informed it; any date will do when there is no day.
 * A date written so that it cannot be read (2016-02-30) is given the benefit of the doubt:
 * invalid-date reports it, and no rule should say on its account that it came too late. (The
 * checklist does not count it either way: see unreadableDate.)
 */
export function onOrBefore(v: unknown, day: DayNumber | undefined): boolean {
  const d = parseDate(v);
  if (d === undefined) return v !== undefined && v !== null && !isBlank(v);
  return day === undefined || d <= day;
}

/**
 * Whether something dated `v` (a request, an answer) is shown to come after `day` (the decision):
 * its date can be read and is not on or before it. What onOrBefore does not count, less the dates
 * that cannot be read (given the benefit of the doubt there too); never, when there is no day.
 */
export function datedAfter(v: unknown, day: DayNumber | undefined): boolean {
  return day !== undefined && parseDate(v) !== undefined && !onOrBefore(v, day);
}

/**
 * Whether a date is written but cannot be read (`2016-13-45`, `next week`): not blank, not words
 * still to be completed (to-complete reports those), and not a day YYYY-MM-DD names. invalid-date
 * reports it; the checklist counts what is dated so only once the date can be read.
 */
export function unreadableDate(v: unknown): boolean {
  return isWritten(v) && parseDate(v) === undefined;
}
