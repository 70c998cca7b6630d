import { formatLong, parseDate } from '../dates';
import { agencyIds } from '../agencies';
import { isDecided } from '../decision';
import { entries, wrongKind } from '../entries';
import { asString, onOrBefore } from '../values';
import { dateToComplete, TO_COMPLETE } from '../placeholders';
import type { Rule } from '../rule';
import type { Fix } from '../types';
import { appendItem } from '../fixes';

export const memberAgencyInput: Rule = {
  id: 'member-agency-input',
  title: 'Member agencies gave input',
  description: 'No input from member agencies dated on or before the decision.',
  severity: 'warning',
  questions: [9],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc) || wrongKind(doc, ['agencyInput'])) return;
    const decided = ctx.timing.decision;
    const input = entries(doc, ['agencyInput']);
    if (input.some((i) => onOrBefore(i.data.date, decided))) return;

    const by = decided !== undefined ? ` on ${formatLong(decided)}` : '';
    const message = input.length === 0
      ? `No input from member agencies to the chair is recorded. Record under \`agencyInput\` each agency’s view given before the decision${by}: which agency (its id), when, and what it said.`
      : input.some((i) => parseDate(i.data.date) !== undefined)
        ? `Input from member agencies is recorded only after the decision${by}, so it cannot have informed it. Record any input the agencies gave before the decision, ` +
          'and check the dates of the entries already there.'
        : `Input from member agencies is recorded without the dates it was given, so the record does not show it came before the decision${by}. Add the \`date\` of each agency’s input.`;
    // When the agency gave its view is for the reviewer to write in: a guessed date would count towards question 9.
    const date = dateToComplete('the date the agency gave its view');
    const fixes: Fix[] = [...agencyIds(doc).entries()].flatMap(([id, a]) => {
      const edit = appendItem(doc, ['agencyInput'], { agency: id, date, summary: TO_COMPLETE });
      const name = asString(a.data.name);
      return edit ? [{ title: `Add input from ${name ? `${name.trim()} (\`${id}\`)` : `\`${id}\``}`, edits: [edit], preferred: false }] : [];
    });
    ctx.report({ span: doc.anchor(['agencyInput'], ['decision']), message, fixes });
  },
};
