import { setValue } from '../fixes';
import { agencyName } from '../agencies';
import { entries, wrongKind } from '../entries';
import { asRecord } from '../values';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isBlank } from '../text';

export const agencyContact: Rule = {
  id: 'agency-contact',
  title: 'Agencies’ contact with the family is summarised',
  description: 'No agencies recorded, or an agency that knew the child or family with no summary of its contact.',
  severity: 'warning',
  questions: [1],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const agencies = entries(doc, ['agencies']);
    if (agencies.length === 0 && wrongKind(doc, ['agencies'])) return;
    if (agencies.length === 0) {
      ctx.report({
        span: doc.anchor(['agencies'], ['referral'], ['case']),
        message:
          'No agencies are recorded, so the record does not show what contact any agency had with the child or family. ' +
          'List under `agencies` each agency asked about the child or family, with a summary of what its return says.',
      });
      return;
    }
    for (const a of agencies) {
      if (a.data.involvement !== 'known') continue;
      const minimumData = a.data.minimumData;
      if (!isBlank(asRecord(minimumData)?.summary)) continue;
      const summaryPath = [...a.path, 'minimumData', 'summary'];
      // A minimumData written as text or a list cannot take a key: no safe edit.
      const edit = minimumData === undefined || minimumData === null || asRecord(minimumData) ? setValue(doc, summaryPath, TO_COMPLETE) : undefined;
      ctx.report({
        span: doc.spanOf(summaryPath),
        message:
          `${cap(agencyName(a.data))} had contact with the child or family, but there is no summary of that contact. ` +
          'Add a `summary` under its `minimumData` saying, in a few factual lines, what its return shows.',
        fixes: fix('Add a summary of the agency’s contact', edit),
      });
    }
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
