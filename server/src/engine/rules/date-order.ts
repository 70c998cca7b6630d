import { formatLong, parseDate } from '../dates';
import type { Path } from '../document';
import { entries } from '../model';
import type { Rule, RuleContext } from '../rule';

/** Reports `later` when it stands before `earlier`. */
function order(ctx: RuleContext, earlier: Path, later: Path, message: (a: string, b: string) => string): void {
  const a = parseDate(ctx.doc.get(earlier));
  const b = parseDate(ctx.doc.get(later));
  if (a === undefined || b === undefined || b >= a) return;
  ctx.report({
    span: ctx.doc.spanOf(later),
    message: message(formatLong(a), formatLong(b)),
    related: [{ span: ctx.doc.spanOf(earlier), message: `The earlier date it is compared with (${formatLong(a)}).` }],
  });
}

export const dateOrder: Rule = {
  id: 'date-order',
  title: 'Dates follow one another as they must',
  description: 'A date that cannot be right given another: a referral before the incident, a decision before the referral, a return received before it was asked for, and the like.',
  severity: 'error',
  questions: [],
  fixable: false,
  group: 'format',
  check(ctx) {
    const { doc } = ctx;
    order(ctx, ['case', 'incident', 'date'], ['case', 'incident', 'knownOn'], (a, b) => `The local authority cannot have learnt of the incident (${b}) before it happened (${a}). Check both dates.`);
    order(ctx, ['case', 'incident', 'date'], ['referral', 'date'], (a, b) => `The referral (${b}) is dated before the incident it is about (${a}). Check both dates.`);
    order(ctx, ['referral', 'date'], ['decision', 'date'], (a, b) => `The decision (${b}) is dated before the case was referred (${a}). Check both dates.`);
    for (const ag of entries(doc, ['agencies'])) {
      order(ctx, [...ag.path, 'minimumData', 'requested'], [...ag.path, 'minimumData', 'received'], (a, b) => `This return is recorded as received (${b}) before it was asked for (${a}). Check both dates.`);
    }
    for (const ad of entries(doc, ['family', 'addresses'])) {
      order(ctx, [...ad.path, 'from'], [...ad.path, 'to'], (a, b) => `This address ends (${b}) before it starts (${a}). Check both dates.`);
    }
    for (const nb of entries(doc, ['neighbouringBoards'])) {
      order(ctx, [...nb.path, 'requested'], [...nb.path, 'received'], (a, b) => `This answer is recorded as received (${b}) before the check was asked for (${a}). Check both dates.`);
    }
    for (const m of entries(doc, ['meetings'])) {
      order(ctx, [...m.path, 'date'], ['decision', 'date'], (a, b) => `The decision (${b}) is dated before a meeting that fed into it (${a}). A meeting after the decision cannot have informed it: check the dates.`);
    }
    for (const i of entries(doc, ['agencyInput'])) {
      order(ctx, [...i.path, 'date'], ['decision', 'date'], (a, b) => `The decision (${b}) is dated before an agency's input to it (${a}). Input after the decision cannot have informed it: check the dates.`);
    }
  },
};
