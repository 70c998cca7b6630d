import type { Rule } from '../rule';

export const unexplainedDelay: Rule = {
  id: 'unexplained-delay',
  title: 'Any delay is explained',
  description: 'A decision made later than the decision limit after the referral with no reason recorded, or no decision and the limit passed.',
  severity: 'warning',
  questions: [5],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
