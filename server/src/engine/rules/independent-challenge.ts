import { entries, wrongKind } from '../entries';
import { dateToComplete, TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { appendItem } from '../fixes';

export const independentChallenge: Rule = {
  id: 'independent-challenge',
  title: 'Independent challenge is considered',
  description: 'No independent challenge recorded.',
  severity: 'info',
  questions: [6],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (entries(doc, ['challenge']).length > 0 || wrongKind(doc, ['challenge'])) return;
    const decided = ctx.timing.decided;
    ctx.report({
      span: doc.anchor(['challenge'], ['decision'], ['criteria']),
      message: decided
        ? 'No independent challenge to this decision is recorded. A view from outside the board, such as a discussion with another LSCB’s chair, ' +
          // Not said of a decision to hold an SCR, which the point does not bear on.
          `tests the board’s reasoning${doc.get(['decision', 'outcome']) === 'scr' ? '' : '; it matters most for decisions not to hold a review'}. ` +
          'Record any challenge that took place under `challenge`: its type, who gave it (by role), the date and what came of it.'
        : 'No independent challenge is recorded yet. Before the chair decides, consider asking for a view from outside the board, such as a ' +
          'discussion with another LSCB’s chair. Record it under `challenge`: its type, who gave it (by role), the date and what came of it.',
      fixes: fix('Add a `challenge` entry', appendItem(doc, ['challenge'], {
        // The date is for the reviewer to write in: a guessed one would count towards question 6. No
        // `type` (the format does not require one): who challenged is for the reviewer to say.
        by: TO_COMPLETE, date: dateToComplete('the date of the challenge'), outcome: TO_COMPLETE,
      })),
    });
  },
};
