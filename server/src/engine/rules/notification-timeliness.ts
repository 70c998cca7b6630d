import { describeElapsed, describeLimit, deadline, elapsed, formatLong, parseDate } from '../dates';
import { findingOf, statutoryTest } from '../criteria';
import { entries } from '../entries';
import type { CaseDoc } from '../document';
import type { Rule } from '../rule';
import { ownEntry } from '../text';
import { dueBy, notificationClock, withinLimit } from '../timing';

const OUTCOME_WORDS: Record<string, string> = { died: 'the child died', 'seriously-harmed': 'the child was seriously harmed' };

/** Where a death calls for a notification whatever the finding on abuse or neglect, in words. */
const SETTING_WORDS: Record<string, string> = {
  custody: 'in custody',
  'secure-setting': 'in a secure setting',
  'mental-health-detention': 'while detained under the Mental Health Act 1983',
};

/**
 * Why a death or serious harm with no Ofsted notification recorded is a gap, in words that follow
 * "although the child died"; undefined when no notification is due. WT2015 (ch. 4) asks for one
 * where abuse or neglect is known or suspected; until the finding is recorded, it may be. A death
 * in custody, a secure setting or under mental health detention is asked about whatever the finding:
 * such a child is usually looked after or in a regulated setting, and board procedures (Sefton LSCB's,
 * for one) ask for those deaths to be notified even where abuse or neglect is not suspected.
 */
function whyDue(doc: CaseDoc, outcome: unknown): string | undefined {
  const abuse = findingOf(doc.get(['criteria', 'abuseOrNeglect']));
  if (abuse === 'known' || abuse === 'suspected') return ` and abuse or neglect is ${abuse}`;
  if (abuse !== 'not-suspected') {
    return '. A notification is due where abuse or neglect is known or suspected, and the record does not yet say whether it is';
  }
  if (outcome !== 'died' || !statutoryTest(doc).mandatorySetting) return undefined;
  const where = ownEntry(SETTING_WORDS, doc.get(['case', 'incident', 'setting']));
  return ` ${where}. The death of a child who is looked after, or in a regulated setting, is notified even where abuse or neglect is not suspected`;
}

export const notificationTimeliness: Rule = {
  id: 'notification-timeliness',
  title: 'Ofsted was notified in time',
  description: 'An Ofsted notification later than the notification limit, or none recorded for a death or serious harm that calls for one (abuse or neglect known, suspected or not yet recorded; or a death in custody).',
  severity: 'info',
  questions: [5],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc, settings } = ctx;
    const limit = settings.notificationLimit;
    const toOfsted = entries(doc, ['referral', 'notifications']).filter((n) => n.data.to === 'ofsted');

    if (toOfsted.length === 0) {
      const outcome = doc.get(['case', 'incident', 'outcome']);
      const happened = ownEntry(OUTCOME_WORDS, outcome);
      if (!happened) return;
      const why = whyDue(doc, outcome);
      if (why === undefined) return;
      const clock = notificationClock(doc);
      const by = clock ? ` For this incident, ${dueBy(deadline(clock.day, limit), ctx.today)}.` : '';
      ctx.report({
        span: doc.anchor(['referral', 'notifications'], ['referral']),
        message:
          `No notification to Ofsted is recorded, although ${happened}${why}. The local authority should tell Ofsted of a ` +
          `serious incident within ${describeLimit(limit)} of learning of it.${by} Add the notification under \`notifications\` ` +
          '(`to: ofsted`, with its date), or find out whether it was made.',
      });
      return;
    }

    const clock = notificationClock(doc);
    if (!clock) return;
    const known = clock.day;
    // The first notification is the one that counts; later ones are updates.
    const dated = toOfsted
      .map((n) => ({ n, day: parseDate(n.data.date) }))
      .filter((x): x is { n: (typeof toOfsted)[number]; day: number } => x.day !== undefined)
      .sort((a, b) => a.day - b.day);
    const first = dated[0];
    if (!first || withinLimit(known, first.day, limit)) return;
    const took = elapsed(known, first.day);
    const knownWords = clock.knownOn ? 'the local authority learnt of the incident' : 'the incident';
    ctx.report({
      span: doc.spanOf([...first.n.path, 'date']),
      message:
        `Ofsted was notified on ${formatLong(first.day)}, ${describeElapsed(took)} ` +
        `after ${knownWords} on ${formatLong(known)}. The limit is ${describeLimit(limit)} (${formatLong(deadline(known, limit))}). ` +
        'Check the date against the notification itself; if it is right, say on this notification why it was late (in its `notes`), and waive this finding with that reason.',
      related: [{ span: doc.spanOf(clock.path), message: `When the clock for notifying Ofsted starts (${formatLong(known)}).` }],
    });
  },
};
