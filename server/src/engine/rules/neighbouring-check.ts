import { appendItem } from '../fixes';
import { entries, otherBoards, ownBoard, ownBoardToComplete } from '../model';
import { requestDate } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isPlaceholder, sameBoard } from '../text';
import type { Related } from '../types';

export const neighbouringCheck: Rule = {
  id: 'neighbouring-check',
  title: 'Boards where the family lived are checked',
  description: 'A board in the family’s address history, other than the case’s own, with no neighbouring-board check recorded.',
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
