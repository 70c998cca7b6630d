import type { Rule } from '../rule';

export const addressHistory: Rule = {
  id: 'address-history',
  title: 'The family’s address history is recorded',
  description: 'No address history, so it cannot be shown whether other boards needed checking.',
  severity: 'info',
  questions: [3],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
