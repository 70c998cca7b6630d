import { formatLong, parseDate } from '../dates';
import { decisionDay, isDecided } from '../decision';
import { entries } from '../entries';
import { asString, datedAfter } from '../values';
import type { Rule } from '../rule';
import { isBlank, isPlaceholder } from '../text';
import type { Related } from '../types';

export const neighbouringCheckOutstanding: Rule = {
  id: 'neighbouring-check-outstanding',
  title: 'Neighbouring boards have answered',
  description: 'A neighbouring-board check asked for but not answered when the decision was made: no answer recorded, or one received only after the decision.',
  severity: 'info',
  questions: [3],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    // Judged at the decision, once it is dated: an answer received after it was still awaited when the chair decided.
    const decision = decisionDay(doc);
    for (const c of entries(doc, ['neighbouringBoards'])) {
      // A board still to be completed is not yet a name to put in a sentence.
      const board = (isPlaceholder(c.data.board) ? undefined : asString(c.data.board)?.trim()) || 'The other board';
      const requested = parseDate(c.data.requested);
      const related: Related[] = decision !== undefined ? [{ span: doc.spanOf(['decision', 'date']), message: `The decision, made on ${formatLong(decision)}.` }] : [];
      // Asked only after the decision: neighbouring-check reports that the board was not checked with then.
      if (datedAfter(c.data.requested, decision)) continue;
      if (datedAfter(c.data.received, decision)) {
        ctx.report({
          span: doc.spanOf([...c.path, 'received']),
          message:
            `${board} was asked` + (requested !== undefined ? ` on ${formatLong(requested)}` : '') +
            ` whether its agencies knew the family, but its answer was received on ${formatLong(parseDate(c.data.received)!)}, after the decision on ${formatLong(decision!)}, so the chair decided without it. ` +
            'Say in the decision’s `rationale` why the decision could not wait for the answer, and whether the answer changes anything; then waive this finding with that reason.',
          related: [...(requested !== undefined ? [{ span: doc.spanOf([...c.path, 'requested']), message: `The request, sent on ${formatLong(requested)}.` }] : []), ...related],
        });
        continue;
      }
      if (!isDecided(doc)) continue; // while undecided, an open check is simply work in progress
      if (!isBlank(c.data.received)) continue;
      // A request whose date is still to be completed is not yet shown to have been made: to-complete reports it.
      if (isPlaceholder(c.data.requested)) continue;
      ctx.report({
        span: doc.keySpan([...c.path, 'received']),
        message:
          `${board} was asked` + (requested !== undefined ? ` on ${formatLong(requested)}` : '') +
          ' whether its agencies knew the family, but no answer is recorded, and the decision has been made. ' +
          'If the answer came, add the date under `received` and what it said under `outcome`; if not, say in the decision’s `rationale` why the chair went ahead without it, and waive this finding with that reason.',
        related,
      });
    }
  },
};
