import { CRITERIA, CRITERION_QUESTION, findingOf } from '../criteria';
import { asRecord } from '../values';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isBlank, isPlaceholder } from '../text';
import { setValue } from '../fixes';

export const criteriaEvidence: Rule = {
  id: 'criteria-evidence',
  title: 'Each statutory criterion has its evidence',
  description: 'A criterion with a finding and no evidence.',
  severity: 'warning',
  questions: [7],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const criteria = asRecord(doc.get(['criteria']));
    if (!criteria) return;
    for (const key of CRITERIA) {
      const finding = findingOf(criteria[key]);
      if (finding === undefined || !isBlank(asRecord(criteria[key])?.evidence)) continue;
      const path = ['criteria', key, 'evidence'];
      ctx.report({
        span: doc.has(path) ? doc.spanOf(path) : doc.keySpan(['criteria', key]),
        message:
          // A finding still to be completed is not quoted as if it were one: to-complete reports it.
          `Absent statutory-criteria evidence: the finding on ${CRITERION_QUESTION[key]}${isPlaceholder(finding) ? ', still to be completed,' : ` (\`${finding}\`)`} gives no evidence. ` +
          'Add `evidence`: what the finding rests on, such as medical opinion, agency returns or the police position, so that others can check it.',
        fixes: fix('Add `evidence`', setValue(doc, path, TO_COMPLETE)),
        // A criterion the test does not need (say serious harm when the child died) does not hold QM2 question 7 back.
        ...(ctx.test.needed.includes(key) ? {} : { questions: [] }),
      });
    }
  },
};
