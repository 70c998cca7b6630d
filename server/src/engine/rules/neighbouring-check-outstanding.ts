import { formatLong, parseDate } from '../dates';
import { asString, decisionDay, entries, isDecided } from '../model';
import type { Rule } from '../rule';
import { isBlank, isPlaceholder } from '../text';
import type { Related } from '../types';

export const neighbouringCheckOutstanding: Rule = {
  id: 'neighbouring-check-outstanding',
  title: 'Neighbouring boards have answered',
  description: 'A neighbouring-board check asked for but not answered when the decision was made.',
  severity: 'info',
  questions: [3],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc)) return; // while undecided, an open check is simply work in progress
    const decision = decisionDay(doc);
    for (const c of entries(doc, ['neighbouringBoards'])) {
      if (!isBlank(c.data.received)) continue;
      // A request whose date is still to be completed is not yet shown to have been made: to-complete reports it.
      if (isPlaceholder(c.data.requested)) continue;
      // A board still to be completed is not yet a name to put in a sentence.
      const board = (isPlaceholder(c.data.board) ? undefined : asString(c.data.board)?.trim()) || 'The other board';
      const requested = parseDate(c.data.requested);
      const related: Related[] = decision !== undefined ? [{ span: doc.spanOf(['decision', 'date']), message: `The decision, made on ${formatLong(decision)}.` }] : [];
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
