import { currentAddress, ownBoard } from '../boards';
import { asString } from '../values';
import type { Rule } from '../rule';
import { isBlank, isPlaceholder, sameBoard } from '../text';

export const leadBoard: Rule = {
  id: 'lead-board',
  title: 'The board where the child lives leads',
  description: 'The family’s current address lies in another board’s area than the case’s board.',
  severity: 'info',
  questions: [3],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const own = ownBoard(doc);
    const current = currentAddress(doc);
    const there = isPlaceholder(current?.data.board) ? undefined : asString(current?.data.board)?.trim();
    if (!own || !current || !there || isBlank(there) || sameBoard(there, own)) return;
    ctx.report({
      span: doc.spanOf([...current.path, 'board']),
      message:
        `The family’s current address is in ${there}’s area, not ${own}’s. The guidance gives that the board for the area where the child normally lives leads the decision, and other boards take part. ` +
        `Check the address history; if the child now normally lives there, agree with ${there} which board leads, record what you agreed in the decision’s \`rationale\`, and waive this finding with that agreement as the reason.`,
      related: [{ span: doc.spanOf(['case', 'board']), message: `The board considering the case: ${own}.` }],
    });
  },
};
