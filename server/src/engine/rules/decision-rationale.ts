import { isDecided, rationaleGaps } from '../decision';
import { wrongKind } from '../entries';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import type { Fix } from '../types';
import { setValue } from '../fixes';

/** The format's learning routes other than an SCR, with their names in words. */
const ALTERNATIVE_WORDS: Record<string, string> = {
  'multi-agency-review': 'a multi-agency learning review',
  'single-agency-review': 'a single-agency review',
  'no-further-action': 'no further action',
  other: 'another route',
};

export const decisionRationale: Rule = {
  id: 'decision-rationale',
  title: 'The decision gives its reasons',
  description: 'A decision with no rationale, or a decision not to hold an SCR with no alternative learning route.',
  severity: 'error',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc)) return;
    const gaps = rationaleGaps(doc);

    if (gaps.includes('rationale')) {
      const path = ['decision', 'rationale'];
      ctx.report({
        span: doc.has(path) ? doc.keySpan(path) : doc.keySpan(['decision']),
        message:
          'The decision gives no rationale. Record under `rationale` why the chair decided as they did, in words that member agencies, ' +
          'government, the professionals involved and the family could follow: how the statutory criteria apply, and what the decision is meant to achieve.',
        fixes: fix('Add `rationale`', setValue(doc, path, TO_COMPLETE)),
        subject: 'rationale',
      });
    }

    // A value of the wrong kind is the schema's finding to report.
    if (gaps.includes('alternative') && !wrongKind(doc, ['decision', 'alternative'])) {
      const path = ['decision', 'alternative'];
      const types = Object.keys(ALTERNATIVE_WORDS);
      const fixes: Fix[] = types.flatMap((type) =>
        fix(`Add \`alternative\`: ${ALTERNATIVE_WORDS[type] ?? type}`, setValue(doc, path, { type, detail: TO_COMPLETE }), false));
      ctx.report({
        span: doc.has(path) ? doc.keySpan(path) : doc.keySpan(['decision']),
        message:
          'The decision is not to hold an SCR, but it does not say how learning will be drawn from the case instead. ' +
          'Add `alternative`: the route chosen (a multi-agency or single-agency review, no further action, or another) and its `detail`: who does what, and by when.',
        fixes,
        subject: 'alternative',
      });
    }
  },
};
