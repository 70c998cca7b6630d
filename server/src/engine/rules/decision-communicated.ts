import type { CaseDoc } from '../document';
import { deadline, formatLong, parseDate, type DayNumber, type Limit } from '../dates';
import { countedAs, dueBy, withinLimit } from '../timing';
import { recipientWords } from '../agencies';
import { isDecided } from '../decision';
import { entries } from '../entries';
import { fix, type Rule } from '../rule';
import { listWords } from '../text';
import { dateToComplete } from '../placeholders';
import { appendItem, combine } from '../fixes';

/** The guidance gives 14 days for telling the National Panel of a decision not to hold an SCR. */
const PANEL_DAYS_NO_SCR = 14;
const PANEL_LIMIT: Limit = { amount: PANEL_DAYS_NO_SCR, unit: 'days' };

/** The last day for telling the Panel of a decision not to hold an SCR: 14 calendar days on, the decision's day not counted. */
function panelDue(decided: DayNumber): DayNumber {
  return deadline(decided, PANEL_LIMIT);
}

const BODIES: [to: string, words: string][] = ['national-panel', 'ofsted'].map((to) => [to, recipientWords(to)]);

/**
 * Why the bodies not yet told are asked for, in words. The Panel's guidance has the chair tell the
 * Panel of every decision, and Ofsted where an SCR is started; this check asks for Ofsted after a
 * decision not to hold one too, as Ofsted asks boards to show a decision for every notified
 * incident (QM2).
 */
function whyTell(outcome: unknown, untold: string[], decided: DayNumber | undefined, today: DayNumber): string {
  const panel = untold.includes('national-panel');
  const ofsted = untold.includes('ofsted');
  // The day the 14 days end, where the decision is dated: passed already, or still to come.
  const due = decided === undefined ? undefined : panelDue(decided);
  const by = due === undefined ? '' : ` For this decision, ${dueBy(due, today)}.`;
  const toPanel = outcome === 'no-scr'
    ? `The guidance gives that the chair tells the National Panel of every decision: of a decision not to hold an SCR, within ${PANEL_DAYS_NO_SCR} days, with the serious incident notification and an explanation.${by}`
    : 'The guidance gives that the chair tells the National Panel of every decision.';
  if (outcome === 'scr') {
    if (panel && ofsted) return 'The guidance gives that where an SCR is started, the chair tells the National Panel and Ofsted.';
    return panel ? toPanel : 'The guidance gives that Ofsted is told where an SCR is started.';
  }
  const toOfsted = `Ofsted asks boards to show a decision for every incident notified to it${outcome === 'no-scr' ? ', including a decision not to hold an SCR' : ''}.`;
  return [panel ? toPanel : '', ofsted ? toOfsted : ''].filter(Boolean).join(' ');
}

export const decisionCommunicated: Rule = {
  id: 'decision-communicated',
  title: 'The decision is passed on',
  description: 'The decision not recorded as communicated to the National Panel and Ofsted, or a decision not to review told to the Panel late.',
  severity: 'info',
  questions: [],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc)) return;
    const told = entries(doc, ['decision', 'communicated']);
    const noScr = doc.get(['decision', 'outcome']) === 'no-scr';

    const untold = BODIES.filter(([to]) => !told.some((t) => t.data.to === to));
    if (untold.length) {
      const names = listWords(untold.map(([, words]) => words), 'or');
      // When each was told is for the reviewer to write in: a guessed date would hide a late notice to the Panel.
      const day = dateToComplete('the date they were told');
      ctx.report({
        span: doc.anchor(['decision', 'communicated'], ['decision']),
        message:
          `The decision is not recorded as passed to ${names}. ${whyTell(doc.get(['decision', 'outcome']), untold.map(([to]) => to), ctx.timing.decision, ctx.today)} ` +
          `Add a \`communicated\` entry for ${untold.length === 1 ? 'it, with the date it was' : 'each, with the date they were'} told.`,
        fixes: fix(
          untold.length === 1 ? `Add a \`communicated\` entry for ${untold[0][1]}` : 'Add `communicated` entries for the National Panel and Ofsted',
          combine(doc, untold.map(([to]) => (d: CaseDoc) => appendItem(d, ['decision', 'communicated'], { to, date: day }))),
        ),
      });
    }

    const decided = ctx.timing.decision;
    if (!noScr || decided === undefined) return;
    // The first notice on or after the decision is the one timed. One dated before the decision
    // cannot be right (date-order reports it): it does not count as telling the Panel in time.
    const panel = told
      .filter((t) => t.data.to === 'national-panel')
      .map((t) => ({ t, day: parseDate(t.data.date) }))
      .filter((x): x is { t: (typeof told)[number]; day: number } => x.day !== undefined && x.day >= decided)
      .sort((a, b) => a.day - b.day)[0];
    if (!panel || withinLimit(decided, panel.day, PANEL_LIMIT)) return;
    ctx.report({
      span: doc.spanOf([...panel.t.path, 'date']),
      message:
        `The National Panel was told of this decision not to hold an SCR on ${formatLong(panel.day)}, ` +
        `${countedAs(PANEL_LIMIT, decided, panel.day)} after the decision on ${formatLong(decided)}. The guidance gives ${PANEL_DAYS_NO_SCR} days: by ${formatLong(panelDue(decided))}. ` +
        'Check the date; if it is right, say on this entry why the Panel was told late (in its `notes`), and waive this finding with that reason.',
      related: [{ span: doc.spanOf(['decision', 'date']), message: `The decision (${formatLong(decided)}).` }],
    });
  },
};
