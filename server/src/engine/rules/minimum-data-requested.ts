import { formatIso, formatLong, parseDate } from '../dates';
import { requestDate } from '../placeholders';
import { insertProperty, setValue } from '../fixes';
import { agencyName } from '../agencies';
import { decisionDay } from '../decision';
import { entries } from '../entries';
import { asRecord, datedAfter } from '../values';
import { fix, type Rule } from '../rule';
import { isBlank } from '../text';
import type { TextEdit } from '../types';

export const minimumDataRequested: Rule = {
  id: 'minimum-data-requested',
  title: 'Every agency is asked for minimum data',
  description: 'An agency with no date on which it was asked for its minimum data return, or asked only after the decision.',
  severity: 'warning',
  questions: [2],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const decision = decisionDay(doc);
    for (const a of entries(doc, ['agencies'])) {
      const minimumData = a.data.minimumData;
      const md = asRecord(minimumData);
      // Judged at the decision, once it is dated: a request made only after it was no request when the chair decided.
      if (datedAfter(md?.requested, decision)) {
        ctx.report({
          span: doc.spanOf([...a.path, 'minimumData', 'requested']),
          message:
            `${agencyName(a.data)} was asked for its minimum data return only on ${formatLong(parseDate(md!.requested)!)}, after the decision on ${formatLong(decision!)}: ` +
            'the request came after the decision, so the chair decided without asking the agency what it knew. ' +
            'If the request was sent earlier, correct the date under `requested`; if not, say in the decision’s `rationale` why the chair decided without it, and whether the return changes anything, then waive this finding with that reason.',
          related: [{ span: doc.spanOf(['decision', 'date']), message: `The decision, made on ${formatLong(decision!)}.` }],
        });
        continue;
      }
      if (!isBlank(md?.requested)) continue; // a date that is not a date is invalid-date's to report
      const requestedPath = [...a.path, 'minimumData', 'requested'];
      let edit: TextEdit | undefined;
      // Today's date, while the case is being built; after a decision or a return already
      // received, today would come after them: the date is left for the reviewer to complete.
      const requested = requestDate(ctx.timing, ctx.today, parseDate(md?.received));
      const now = requested === formatIso(ctx.today);
      if (minimumData === undefined) edit = insertProperty(doc, a.path, 'minimumData', { requested });
      else if (minimumData === null || md) edit = setValue(doc, requestedPath, requested);
      ctx.report({
        span: doc.keySpan(requestedPath),
        message:
          `Missing agency data: there is no date on which ${agencyName(a.data)} was asked for its minimum data return. ` +
          'Ask the agency whether it knew the child or family, and record the date of the request under `minimumData` as `requested`.',
        fixes: fix(now ? `Add \`requested: ${requested}\` (change it to the date the request was sent)` : 'Add `requested`, the date the request was sent, to complete', edit),
      });
    }
  },
};
