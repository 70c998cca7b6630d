import { formatLong, parseDate } from '../dates';
import { appendItem, insertProperty, setValue } from '../fixes';
import { agencyIds } from '../agencies';
import { decisionDay } from '../decision';
import { entries, wrongKind } from '../entries';
import { agenciesGap, hasRecommendation, meetingGaps, meetingWords, nearestMeeting } from '../meetings';
import { asRecord, onOrBefore } from '../values';
import { agenciesToComplete, dateToComplete, TO_COMPLETE } from '../placeholders';
import type { Rule } from '../rule';
import { isPlaceholder } from '../text';
import type { Fix, TextEdit } from '../types';

/**
 * The recommendations a fix can record: those on whether to hold an SCR. A request for more
 * information is not one (it would not clear the finding), so it is left for the reviewer to write.
 */
const OUTCOMES: { value: string; words: string }[] = [
  { value: 'scr', words: 'recommended an SCR' },
  { value: 'no-scr', words: 'recommended no SCR' },
];

/**
 * One fix per possible recommendation: the reviewer picks the one the meeting made. None is
 * preferred, so "Fix all" records no recommendation the meeting may not have made.
 */
function perOutcome(title: (words: string) => string, edit: (outcome: string) => TextEdit | undefined): Fix[] {
  const fixes: Fix[] = [];
  for (const o of OUTCOMES) {
    const e = edit(o.value);
    if (e) fixes.push({ title: title(o.words), edits: [e], preferred: false });
  }
  return fixes;
}

export const interAgencyDiscussion: Rule = {
  id: 'inter-agency-discussion',
  title: 'Agencies discussed the case together',
  description: 'No meeting before the decision with at least two agencies that made a recommendation to the chair.',
  severity: 'warning',
  questions: [4],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const decision = decisionDay(doc);
    const all = entries(doc, ['meetings']);
    const before = all.filter((m) => decision === undefined || onOrBefore(m.data.date, decision));
    // A meeting whose agencies are not written as a list of ids may well count: the format check says so.
    if (before.some((m) => (!agenciesGap(m) || wrongKind(doc, [...m.path, 'agencies'])) && hasRecommendation(m))) return;
    const when = decision !== undefined ? `before the decision on ${formatLong(decision)}` : 'so far';

    if (before.length === 0) {
      const ids = [...agencyIds(doc).keys()];
      // When it met and who attended are for the reviewer to write in: a guess would count towards question 4.
      const fixes = ids.length < 2 ? [] : perOutcome(
        (words) => `Add a meeting of agencies that ${words}`,
        (outcome) => appendItem(doc, ['meetings'], {
          date: dateToComplete('the date of the meeting'), forum: TO_COMPLETE, agencies: agenciesToComplete(ids),
          recommendation: { outcome, rationale: TO_COMPLETE },
        }),
      );
      const after = all.filter((m) => parseDate(m.data.date) !== undefined);
      ctx.report({
        span: doc.anchor(['meetings'], ['agencyInput'], ['decision'], ['agencies'], ['criteria'], ['case']),
        message:
          (after.length
            ? `Every meeting recorded is dated after the decision (${formatLong(decision!)}), so none of them can have informed it. `
            : `No meeting of agencies is recorded ${when}. `) +
          'QM2 question 4 looks for agencies discussing the case together and recommending to the chair whether to hold an SCR. ' +
          'Record that meeting under `meetings`: its date, the forum, the agencies present and what it recommended.',
        related: after.map((m) => ({ span: doc.spanOf([...m.path, 'date']), message: `A meeting held after the decision.` })),
        fixes,
      });
      return;
    }

    const best = nearestMeeting(before);
    const { fewAgencies, missingRec, moreInfo, problems } = meetingGaps(best);
    const name = `The meeting${meetingWords(best.data)}` +
      (isPlaceholder(best.data.date) ? ', whose date is still to be completed' : '');
    const recPath = [...best.path, 'recommendation'];
    const rec = best.data.recommendation;
    let fixes: Fix[] = [];
    // A meeting that asked for more information did so: what it recommended is not to be changed.
    if (missingRec && !fewAgencies && !moreInfo) {
      fixes = perOutcome(
        (words) => `Record that the meeting ${words}`,
        (outcome) => asRecord(rec) ? setValue(doc, [...recPath, 'outcome'], outcome)
          : rec === undefined ? insertProperty(doc, best.path, 'recommendation', { outcome, rationale: TO_COMPLETE })
          : insertProperty(doc, recPath, 'outcome', outcome),
      );
    }
    ctx.report({
      span: missingRec ? doc.spanOf([...recPath, 'outcome']) : doc.spanOf([...best.path, 'agencies']),
      message: (
        `No meeting ${when} both brought two or more agencies together and made a recommendation to the chair. ` +
        `${name}: ${problems.join(', and ')}. ` +
        (fewAgencies ? 'List under `agencies` every agency present, by its id. ' : '') +
        (moreInfo
          ? (decision !== undefined
            ? 'Record under `meetings` any later meeting before the decision at which agencies recommended an SCR or no SCR; if there was none, say in the decision’s `rationale` why the chair decided without one. '
            : 'When agencies meet again and recommend an SCR or no SCR, record that meeting under `meetings`, with its recommendation. ')
          : missingRec ? 'Add the meeting’s `recommendation`: its `outcome` (scr or no-scr; a request for more information is not yet a recommendation on whether to hold an SCR) and why. ' : '') +
        (fewAgencies ? 'If only one agency took part, a discussion with the others is still needed before the decision.' : '')).trim(),
      fixes,
    });
  },
};
