import type { Rule } from '../rule';

export const contextGathered: Rule = {
  id: 'context-gathered',
  title: 'Contextual information is gathered',
  description: 'No contextual information recorded beyond agency contact.',
  severity: 'warning',
  questions: [1],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
