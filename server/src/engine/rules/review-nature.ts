import type { Rule } from '../rule';

export const reviewNature: Rule = {
  id: 'review-nature',
  title: 'The kind of review is set out',
  description: 'A decision to hold an SCR with no nature (methodology, scope).',
  severity: 'warning',
  questions: [8],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
