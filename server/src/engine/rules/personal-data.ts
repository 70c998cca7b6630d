import type { Rule } from '../rule';

export const personalData: Rule = {
  id: 'personal-data',
  title: 'No personal identifiers',
  description: 'Text that looks like a personal identifier: an NHS number, a National Insurance number, a full postcode, an email address, a phone number or a birth date.',
  severity: 'warning',
  questions: [],
  fixable: true,
  group: 'privacy',
  check() {
    // TODO: not yet written.
  },
};
