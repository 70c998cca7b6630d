import { appendItem, insertProperty } from '../fixes';
import { ownBoard } from '../boards';
import { wrongKind } from '../entries';
import { asArray, asRecord } from '../values';
import { dateToComplete, TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import type { TextEdit } from '../types';

export const addressHistory: Rule = {
  id: 'address-history',
  title: 'The family’s address history is recorded',
  description: 'No address history, so it cannot be shown whether other boards needed checking.',
  severity: 'info',
  questions: [3],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (asArray(doc.get(['family', 'addresses'])).length > 0 || wrongKind(doc, ['family', 'addresses'])) return;
    const board = ownBoard(doc);
    // When the family moved there is for the reviewer to write in (not today's date).
    // No `to`: an address with no end date is where the family lives now (`to: null` says so only to a programmer).
    const address = { board: board || TO_COMPLETE, from: dateToComplete('the date the family moved there') };
    const family = doc.get(['family']);
    let edit: TextEdit | undefined;
    if (doc.has(['family', 'addresses'])) edit = appendItem(doc, ['family', 'addresses'], address);
    else if (family === undefined || family === null || asRecord(family)) edit = insertProperty(doc, ['family'], 'addresses', [address]);
    ctx.report({
      span: doc.anchor(['family', 'addresses'], ['family'], ['case', 'board'], ['case']),
      message:
        'No address history is recorded for the family, so the record cannot show whether they lived in another board’s area ' +
        `and whether that board should be asked what its agencies know (QM2 question 3). Add under \`family\` each address by the board area it lies in, with dates` +
        (board ? `, starting with the current one in ${board}’s area.` : '.'),
      fixes: fix('Add an address history', edit),
    });
  },
};
