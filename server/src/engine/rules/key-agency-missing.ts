import type { Rule } from '../rule';

export const keyAgencyMissing: Rule = {
  id: 'key-agency-missing',
  title: 'Every key type of agency is asked',
  description: 'A key type of agency (by default social care, police and health) with no agency of that type recorded.',
  severity: 'warning',
  questions: [2],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
