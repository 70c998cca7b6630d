import { appendItem } from '../fixes';
import { entries, wrongKind } from '../entries';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';

export const contextGathered: Rule = {
  id: 'context-gathered',
  title: 'Contextual information is gathered',
  description: 'No contextual information recorded beyond agency contact.',
  severity: 'warning',
  questions: [1],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (entries(doc, ['context']).length > 0 || wrongKind(doc, ['context'])) return;
    const written = doc.has(['context']);
    ctx.report({
      // Absent: point at the agencies, the information that context goes beyond.
      span: doc.anchor(['context'], ['agencies'], ['referral'], ['case']),
      message:
        (written ? 'The `context` section has no entries' : 'No contextual information is recorded') +
        ' beyond what agencies said about their own contact. Add to `context` what else informed the decision, ' +
        'such as earlier reviews in the area, local audits or patterns, each with its topic, source and a short summary.',
      fixes: fix('Add a `context` entry', appendItem(doc, ['context'], { topic: TO_COMPLETE, source: TO_COMPLETE, summary: TO_COMPLETE })),
    });
  },
};
