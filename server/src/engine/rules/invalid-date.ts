import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import { dateProblem } from '../dates';
import type { Path } from '../document';
import type { Rule } from '../rule';
import { datePaths } from '../schema-info';

/** Visits the scalars written at `pattern` (`0` standing for every item of a list); aliases are not followed. */
function forEachScalarAt(root: Node | undefined, pattern: Path, visit: (node: Node, value: unknown) => void): void {
  const walk = (n: Node | null | undefined, depth: number): void => {
    if (!n || isAlias(n)) return;
    if (depth === pattern.length) {
      if (isScalar(n)) visit(n, n.value);
      return;
    }
    const seg = pattern[depth];
    if (typeof seg === 'number') {
      if (isSeq(n)) for (const item of n.items as (Node | null)[]) walk(item, depth + 1);
    } else if (isMap(n)) {
      for (const p of n.items as Pair[]) {
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        if ((typeof key === 'string' || typeof key === 'number') && String(key) === seg) walk(p.value as Node | null, depth + 1);
      }
    }
  };
  walk(root, 0);
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
    for (const pattern of datePaths()) {
      forEachScalarAt(ctx.doc.root, pattern, (node, value) => {
        if (value === null) return;
        const problem = dateProblem(value);
        if (!problem || !node.range) return;
        ctx.report({ span: { start: node.range[0], end: node.range[1] }, message: problem });
      });
    }
  },
};
