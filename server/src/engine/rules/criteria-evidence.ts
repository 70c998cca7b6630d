import type { Rule } from '../rule';

export const criteriaEvidence: Rule = {
  id: 'criteria-evidence',
  title: 'Each statutory criterion has its evidence',
  description: 'A criterion with a finding and no evidence.',
  severity: 'warning',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
