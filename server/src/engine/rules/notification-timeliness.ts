import type { Rule } from '../rule';

export const notificationTimeliness: Rule = {
  id: 'notification-timeliness',
  title: 'Ofsted was notified in time',
  description: 'An Ofsted notification later than the notification limit, or none recorded for a death or serious harm.',
  severity: 'info',
  questions: [5],
  fixable: false,
  group: 'qm2',
  check() {
    // TODO: not yet written.
  },
};
