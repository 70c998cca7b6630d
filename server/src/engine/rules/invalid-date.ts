import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { dateProblem } from '../dates';
import type { Rule } from '../rule';
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

export const invalidDate: Rule = {
  id: 'invalid-date',
  title: 'Dates are real calendar dates',
  description: 'A date that is not written as YYYY-MM-DD, or that does not exist.',
  severity: 'error',
  questions: [],
  fixable: false,
  group: 'format',
  check(ctx) {
    forEachDateScalar(ctx.doc.root, datePlaces(), (node, value) => {
      // A date still to be completed (“To be completed. Meeting date (YYYY-MM-DD).”) is no date yet: to-complete reports it.
      if (value === null || isPlaceholder(value)) return;
      const problem = dateProblem(value);
      if (!problem || !node.range) return;
      ctx.report({ span: { start: node.range[0], end: node.range[1] }, message: problem });
    });
  },
};
