import type { Rule } from '../rule';

export const memberAgencyInput: Rule = {
  id: 'member-agency-input',
  title: 'Member agencies gave input',
  description: 'No input from member agencies dated on or before the decision.',
  severity: 'warning',
  questions: [9],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
