import type { Rule } from '../rule';

export const criteriaConsistency: Rule = {
  id: 'criteria-consistency',
  title: 'The decision agrees with the statutory test',
  description: 'Findings that meet the statutory test (or a death in custody) with a decision not to hold an SCR, or the chair’s conclusion on the test contradicting the findings.',
  severity: 'error',
  questions: [7],
  fixable: false,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
