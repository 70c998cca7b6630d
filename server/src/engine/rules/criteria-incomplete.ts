import type { Rule } from '../rule';

export const criteriaIncomplete: Rule = {
  id: 'criteria-incomplete',
  title: 'Every criterion the test needs is recorded',
  description: 'A statutory criterion the test needs that is not recorded.',
  severity: 'error',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
