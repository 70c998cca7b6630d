import type { Rule } from '../rule';

export const agencyContact: Rule = {
  id: 'agency-contact',
  title: 'Agencies’ contact with the family is summarised',
  description: 'No agencies recorded, or an agency that knew the child or family with no summary of its contact.',
  severity: 'warning',
  questions: [1],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
