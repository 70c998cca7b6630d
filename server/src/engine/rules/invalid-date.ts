import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { britishDate, dateProblem, formatIso, formatLong, type DayNumber } from '../dates';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { datePaths } from '../schema-info';
import { isPlaceholder } from '../text';

/** The date places as a tree of keys (`0` for any list item), so one walk visits them all. */
interface Places {
  date: boolean;
  next: Map<string | number, Places>;
}

let places: Places | undefined;
function datePlaces(): Places {
  if (places) return places;
  const root: Places = { date: false, next: new Map() };
  for (const path of datePaths()) {
    let at = root;
    for (const seg of path) {
      let next = at.next.get(seg);
      if (!next) at.next.set(seg, (next = { date: false, next: new Map() }));
      at = next;
    }
    at.date = true;
  }
  return (places = root);
}

/** Visits the scalars written where the format wants a date; aliases are not followed. */
function forEachDateScalar(n: Node | null | undefined, at: Places, visit: (node: Node, value: unknown) => void): void {
  if (!n || isAlias(n)) return;
  if (at.date && isScalar(n)) visit(n, n.value);
  if (isSeq(n)) {
    const item = at.next.get(0);
    if (item) for (const child of n.items as (Node | null)[]) forEachDateScalar(child, item, visit);
  } else if (isMap(n)) {
    for (const p of n.items as Pair[]) {
      const k = p.key as Node | null;
      const key = isScalar(k) ? k.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      const next = at.next.get(String(key));
      if (next) forEachDateScalar(p.value as Node | null, next, visit);
    }
  }
}

/**
 * For a date written the British way (10/05/2016, 10 May 2016, 10/05/16), the same day as
 * YYYY-MM-DD, and where the numbers could also be read month first (05/10/2016: 5 October or 10
 * May), both days, with the message saying so. Day first, as in the UK, comes first. A two-digit
 * year is read as 20xx, or 19xx where 20xx would be after `today` (read either way, where there are
 * two readings: the year is written once, so both readings are in one year), and the message then says so.
 * "Fix all" (and a save) takes the fix only where no other reading is possible: two readings, or a
 * year put back a century, are left for the reviewer to choose or confirm.
 */
function britishReading(written: string, value: unknown, span: { start: number; end: number }, problem: string, today: DayNumber): { message: string; fixes: Fix[] } {
  // Only a value on one line, written plainly or in quotes: a block of text is not a date's place.
  const read = written.includes('\n') ? undefined : britishDate(value, today);
  if (!read) return { message: problem, fixes: [] };
  const change = (day: number): Fix => {
    const iso = formatIso(day);
    return { title: `Change to ${iso} (${formatLong(day)})`, edits: [{ span, newText: iso }], preferred: read.certain, ...(read.certain ? { correction: 'date' as const } : {}) };
  };
  const back = read.lastCentury;
  const century = back ? ` The year “${back.written}” is read as ${back.read}, as ${back.instead} is still to come: check the record.` : '';
  if (read.monthFirst === undefined) return { message: `${problem}${century}`, fixes: [change(read.day)] };
  const [uk, us] = [formatLong(read.day), formatLong(read.monthFirst)];
  return {
    message: `“${String(value).trim()}” could be read two ways: ${uk} (day first, as in the UK) or ${us} (month first). ` +
      `Dates are written year-month-day (YYYY-MM-DD): check the record and write ${formatIso(read.day)} or ${formatIso(read.monthFirst)}, whichever it means.${century}`,
    fixes: [change(read.day), change(read.monthFirst)],
  };
}

export const invalidDate: Rule = {
  id: 'invalid-date',
  title: 'Dates are real calendar dates',
  description: 'A date that is not written as YYYY-MM-DD, or that does not exist.',
  severity: 'error',
  questions: [],
  fixable: true,
  group: 'format',
  check(ctx) {
    forEachDateScalar(ctx.doc.root, datePlaces(), (node, value) => {
      // A date still to be completed (“To be completed. Meeting date (YYYY-MM-DD).”) is no date yet: to-complete reports it.
      if (value === null || isPlaceholder(value)) return;
      const problem = dateProblem(value);
      if (!problem || !node.range) return;
      const span = { start: node.range[0], end: node.range[1] };
      ctx.report({ span, ...britishReading(ctx.doc.text.slice(span.start, span.end), value, span, problem, ctx.today) });
    });
  },
};
