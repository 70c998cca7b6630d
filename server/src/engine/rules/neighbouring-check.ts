import { formatLong, parseDate } from '../dates';
import { appendItem } from '../fixes';
import { otherBoards, ownBoard, ownBoardToComplete } from '../boards';
import { decisionDay } from '../decision';
import { entries } from '../entries';
import { datedAfter } from '../values';
import { requestDate } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isPlaceholder, sameBoard } from '../text';
import type { Related } from '../types';

export const neighbouringCheck: Rule = {
  id: 'neighbouring-check',
  title: 'Boards where the family lived are checked',
  description: 'A board in the family’s address history, other than the case’s own, with no neighbouring-board check recorded, or first asked only after the decision.',
  severity: 'warning',
  questions: [3],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    // While the case's own board is still to be completed, which boards are other boards cannot be
    // told: to-complete reports `case.board`, and nothing is said here (the family's own board would be named).
    if (ownBoardToComplete(doc)) return;
    const checks = entries(doc, ['neighbouringBoards']);
    const own = ownBoard(doc);
    // Judged at the decision, once it is dated: a board first asked only after it was not checked
    // with when the chair decided. The check is recorded, so no new one is offered.
    const decision = decisionDay(doc);
    for (const other of otherBoards(doc)) {
      const mine = checks.filter((c) => sameBoard(c.data.board, other.board));
      if (mine.length === 0 || !mine.every((c) => datedAfter(c.data.requested, decision))) continue;
      const first = mine.reduce((a, b) => (parseDate(b.data.requested)! < parseDate(a.data.requested)! ? b : a));
      ctx.report({
        span: doc.spanOf([...first.path, 'requested']),
        message:
          `${other.board} appears in the family’s address history, but it was first asked whether its agencies knew the family on ${formatLong(parseDate(first.data.requested)!)}, ` +
          `after the decision on ${formatLong(decision!)}: the check was made only after the decision, so it did not inform it. ` +
          'If the board was asked earlier, correct the date under `requested`; if not, say in the decision’s `rationale` why the chair decided without the check, and whether its answer changes anything, then waive this finding with that reason.',
        related: [
          { span: doc.spanOf(other.path), message: `${other.board} in the family’s address history.` },
          { span: doc.spanOf(['decision', 'date']), message: `The decision, made on ${formatLong(decision!)}.` },
        ],
      });
    }
    const unchecked = otherBoards(doc).filter((other) => !checks.some((c) => sameBoard(c.data.board, other.board)));
    // A check whose board is still to be completed may be the check with any of them: while there are
    // as many such checks as boards unchecked, to-complete's finding on each is the one to act on.
    if (unchecked.length <= checks.filter((c) => isPlaceholder(c.data.board)).length) return;
    for (const other of unchecked) {
      const related: Related[] = [];
      if (doc.has(['neighbouringBoards'])) related.push({ span: doc.keySpan(['neighbouringBoards']), message: 'The checks with other boards recorded so far.' });
      if (own) related.push({ span: doc.spanOf(['case', 'board']), message: `The board considering the case: ${own}.` });
      ctx.report({
        span: doc.spanOf(other.path),
        message:
          `${other.board} appears in the family’s address history, but no neighbouring-board check is recorded. ` +
          `Ask ${other.board} whether its agencies know the family, and record the request under \`neighbouringBoards\`.`,
        related,
        fixes: fix(`Add a check with ${other.board}`, appendItem(doc, ['neighbouringBoards'], { board: other.board, requested: requestDate(ctx.timing, ctx.today) })),
      });
    }
  },
};
