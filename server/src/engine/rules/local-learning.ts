import { isDecided } from '../decision';
import { entries, wrongKind } from '../entries';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { appendItem } from '../fixes';

export const localLearning: Rule = {
  id: 'local-learning',
  title: 'Local learning informs the decision',
  description: 'A decision not informed by any local learning entry.',
  severity: 'warning',
  questions: [8],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc) || entries(doc, ['learning']).length > 0 || wrongKind(doc, ['learning'])) return;
    ctx.report({
      span: doc.anchor(['learning'], ['decision']),
      message:
        'The decision does not record any local learning that informed it. Under `learning`, list the earlier reviews, audits ' +
        'or improvement work the chair took into account (a case reference or the name of the activity), and why each is relevant to this case. ' +
        'If the board’s learning register holds nothing relevant, say so in a waiver of this finding.',
      fixes: fix('Add a `learning` entry', appendItem(doc, ['learning'], { reference: TO_COMPLETE, relevance: TO_COMPLETE })),
    });
  },
};
