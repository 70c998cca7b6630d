import type { Rule } from '../rule';

export const neighbouringCheck: Rule = {
  id: 'neighbouring-check',
  title: 'Boards where the family lived are checked',
  description: 'A board in the family’s address history, other than the case’s own, with no neighbouring-board check recorded.',
  severity: 'warning',
  questions: [3],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
