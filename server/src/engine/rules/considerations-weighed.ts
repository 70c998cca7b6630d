import type { Rule } from '../rule';

export const considerationsWeighed: Rule = {
  id: 'considerations-weighed',
  title: 'The chair’s wider considerations are recorded',
  description: 'Any of the issues the chair weighs (useful learning, resources, impact on the family and others) not recorded.',
  severity: 'info',
  questions: [],
  fixable: true,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
