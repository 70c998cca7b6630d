import type { Rule } from '../rule';

export const independentChallenge: Rule = {
  id: 'independent-challenge',
  title: 'Independent challenge is considered',
  description: 'No independent challenge recorded.',
  severity: 'info',
  questions: [6],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
