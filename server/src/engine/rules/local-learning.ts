import type { Rule } from '../rule';

export const localLearning: Rule = {
  id: 'local-learning',
  title: 'Local learning informs the decision',
  description: 'A decision not informed by any local learning entry.',
  severity: 'warning',
  questions: [8],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
