import { dateProblem } from '../dates';
import type { Rule } from '../rule';
import { isDatePath } from '../schema-info';
import { forEachScalar } from '../walk';

export const invalidDate: Rule = {
  id: 'invalid-date',
  title: 'Dates are real calendar dates',
  description: 'A date that is not written as YYYY-MM-DD, or that does not exist.',
  severity: 'error',
  questions: [],
  fixable: false,
  group: 'format',
  check(ctx) {
    forEachScalar(ctx.doc, (path, node, value, shape) => {
      if (value === null || !isDatePath(path, undefined, shape)) return;
      const problem = dateProblem(value);
      if (!problem || !node.range) return;
      ctx.report({ span: { start: node.range[0], end: node.range[1] }, message: problem });
    });
  },
};
