import type { Rule } from '../rule';

export const interAgencyDiscussion: Rule = {
  id: 'inter-agency-discussion',
  title: 'Agencies discussed the case together',
  description: 'No meeting before the decision with at least two agencies that made a recommendation to the chair.',
  severity: 'warning',
  questions: [4],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
