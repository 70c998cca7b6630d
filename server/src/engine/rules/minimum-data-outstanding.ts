import type { Rule } from '../rule';

export const minimumDataOutstanding: Rule = {
  id: 'minimum-data-outstanding',
  title: 'Minimum data returns are in',
  description: 'A return asked for but not received, when the decision is already made or the decision limit has passed since the request.',
  severity: 'warning',
  questions: [2],
  fixable: false,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
