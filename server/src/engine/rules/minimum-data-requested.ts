import type { Rule } from '../rule';

export const minimumDataRequested: Rule = {
  id: 'minimum-data-requested',
  title: 'Every agency is asked for minimum data',
  description: 'An agency with no date on which it was asked for its minimum data return.',
  severity: 'warning',
  questions: [2],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
