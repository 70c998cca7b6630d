import type { Rule } from '../rule';

export const decisionRationale: Rule = {
  id: 'decision-rationale',
  title: 'The decision gives its reasons',
  description: 'A decision with no rationale, or a decision not to hold an SCR with no alternative learning route.',
  severity: 'error',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
