import type { Rule } from '../rule';

export const leadBoard: Rule = {
  id: 'lead-board',
  title: 'The board where the child lives leads',
  description: 'The family’s current address lies in another board’s area than the case’s board.',
  severity: 'info',
  questions: [3],
  fixable: false,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
