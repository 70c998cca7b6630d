import type { Rule } from '../rule';

export const decisionCommunicated: Rule = {
  id: 'decision-communicated',
  title: 'The decision is passed on',
  description: 'The decision not recorded as communicated to the National Panel and Ofsted, or a decision not to review told to the Panel late.',
  severity: 'info',
  questions: [],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
