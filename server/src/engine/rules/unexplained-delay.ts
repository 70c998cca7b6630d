import { describeElapsed, formatLong } from '../dates';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isBlank } from '../text';
import { setValue } from '../fixes';

export const unexplainedDelay: Rule = {
  id: 'unexplained-delay',
  title: 'Any delay is explained',
  description: 'A decision made later than the decision limit after the referral with no reason recorded, or no decision and the limit passed.',
  severity: 'warning',
  questions: [5],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc, timing: t } = ctx;
    if (!t.late || t.referral === undefined || t.deadline === undefined || !t.elapsed || !t.lateBy) return;
    const referralAt = { span: doc.spanOf(['referral', 'date']), message: `The referral on ${formatLong(t.referral)}, when the decision clock starts.` };
    const since = `${describeElapsed(t.elapsed)} after the referral on ${formatLong(t.referral)}`;
    const limit = `the limit of ${t.limitText} (${formatLong(t.deadline)})`;

    if (t.decided) {
      if (t.decision === undefined || !isBlank(doc.get(['decision', 'delayReason']))) return;
      ctx.report({
        span: doc.spanOf(['decision', 'date']),
        message:
          `The decision was made on ${formatLong(t.decision)}, ${since}, and ${t.lateBy} past ${limit}. ` +
          'Record why under `delayReason`: what held the decision up, and why waiting was right for this case.',
        related: [referralAt],
        fixes: fix('Add `delayReason`', setValue(doc, ['decision', 'delayReason'], TO_COMPLETE)),
      });
      return;
    }

    ctx.report({
      span: doc.has(['decision']) ? doc.keySpan(['decision']) : doc.spanOf(['referral', 'date']),
      message:
        `No decision is recorded, ${since}. ${limit.charAt(0).toUpperCase()}${limit.slice(1)} has passed: ` +
        `the decision is overdue by ${t.lateBy}. Ask the chair to decide, and when the decision is recorded, ` +
        'say under `delayReason` why it took longer.',
      related: doc.has(['decision']) ? [referralAt] : [],
    });
  },
};
