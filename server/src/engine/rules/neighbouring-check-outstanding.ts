import type { Rule } from '../rule';

export const neighbouringCheckOutstanding: Rule = {
  id: 'neighbouring-check-outstanding',
  title: 'Neighbouring boards have answered',
  description: 'A neighbouring-board check asked for but not answered when the decision was made.',
  severity: 'info',
  questions: [3],
  fixable: false,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
