import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { britishDate, dateProblem, formatIso, formatLong, type DayNumber } from '../dates';
import type { CaseDoc } from '../document';
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

/**
 * Visits the scalars written where the format wants a date, in the order written; aliases are not
 * followed. In a file with no slip, the plain value is searched for the dates that are not dates
 * (a look-up of each date place in each section, where walking the tree meant going through every
 * key of every entry, on every keystroke), and only those are found in the tree; the value holds
 * the same scalars as the tree, save those reached through an alias (not in the tree's walk, and
 * skipped) and keys written twice (a slip, so the tree is walked).
 */
export function forEachDateScalar(doc: CaseDoc, visit: (node: Node, value: unknown) => void): void {
  if (doc.syntax.length || doc.value === null || typeof doc.value !== 'object') return forEachDateScalarInTree(doc, visit);
  const found: { path: (string | number)[]; value: unknown }[] = [];
  walkDateValues(doc.value, datePlaces(), [], (path, value) => {
    if (notADate(value)) found.push({ path: [...path], value });
  });
  const nodes: Node[] = [];
  for (const { path } of found) {
    const n = nodeWithoutAliases(doc.root, path);
    if (n && isScalar(n)) nodes.push(n);
  }
  nodes.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  for (const n of nodes) visit(n, (n as { value?: unknown }).value);
}

/** forEachDateScalar by walking the tree: every key of every section and entry on the way to the date places. */
export function forEachDateScalarInTree(doc: CaseDoc, visit: (node: Node, value: unknown) => void): void {
  walkDateScalars(doc.root, datePlaces(), visit);
}

/**
 * Whether a value written at a date's place is reported: not blank, not a date, and not still to
 * be completed (“To be completed. Meeting date (YYYY-MM-DD).” is no date yet: to-complete reports it).
 */
export function notADate(value: unknown): boolean {
  return value !== null && !isPlaceholder(value) && dateProblem(value) !== undefined;
}

/** The plain values at the date places (anything but a section or a list: what a scalar is read as). */
function walkDateValues(v: unknown, at: Places, path: (string | number)[], visit: (path: readonly (string | number)[], value: unknown) => void): void {
  if (at.date && (v === null || typeof v !== 'object')) visit(path, v);
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    const item = at.next.get(0);
    if (!item) return;
    for (let i = 0; i < v.length; i++) {
      path.push(i);
      walkDateValues(v[i], item, path, visit);
      path.pop();
    }
    return;
  }
  for (const [key, next] of at.next) {
    if (typeof key !== 'string' || !Object.prototype.hasOwnProperty.call(v, key)) continue;
    path.push(key);
    walkDateValues((v as Record<string, unknown>)[key], next, path, visit);
    path.pop();
  }
}

/** The node at `path` as the tree's walk reaches it: through sections with the key written as text or a number, and list items; never through an alias. */
function nodeWithoutAliases(root: Node | null | undefined, path: readonly (string | number)[]): Node | undefined {
  let n: Node | null | undefined = root;
  for (const seg of path) {
    if (!n || isAlias(n)) return undefined;
    if (isSeq(n) && typeof seg === 'number') n = n.items[seg] as Node | null;
    else if (isMap(n) && typeof seg === 'string') {
      const pair = (n.items as Pair[]).find((p) => {
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        return (typeof key === 'string' || typeof key === 'number') && String(key) === seg;
      });
      n = pair?.value as Node | null | undefined;
    } else return undefined;
  }
  return n && !isAlias(n) ? n : undefined;
}

/** Visits the scalars written where the format wants a date; aliases are not followed. */
function walkDateScalars(n: Node | null | undefined, at: Places, visit: (node: Node, value: unknown) => void): void {
  if (!n || isAlias(n)) return;
  if (at.date && isScalar(n)) visit(n, n.value);
  if (isSeq(n)) {
    const item = at.next.get(0);
    if (item) for (const child of n.items as (Node | null)[]) walkDateScalars(child, item, visit);
  } else if (isMap(n)) {
    for (const p of n.items as Pair[]) {
      const k = p.key as Node | null;
      const key = isScalar(k) ? k.value : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      const next = at.next.get(String(key));
      if (next) walkDateScalars(p.value as Node | null, next, visit);
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
    forEachDateScalar(ctx.doc, (node, value) => {
      if (!notADate(value) || !node.range) return;
      const problem = dateProblem(value)!;
      const span = { start: node.range[0], end: node.range[1] };
      ctx.report({ span, ...britishReading(ctx.doc.text.slice(span.start, span.end), value, span, problem, ctx.today) });
    });
  },
};
