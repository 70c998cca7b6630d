import { formatLong, parseDate } from '../dates';
import { valueAt, type Path } from '../document';
import { recipientWords } from '../agencies';
import { entries, type Entry } from '../entries';
import { notificationClock } from '../timing';
import type { Rule, RuleContext } from '../rule';

/**
 * A date compared by `order`: its value, and where it stands (`keys` within `base`), made a path
 * only for a finding. An entry's dates are read from the entry (`within`), not looked up from the
 * top of the file again: a long file has thousands of entries, compared on every keystroke.
 */
interface Dated {
  value: unknown;
  base: Path;
  keys: readonly string[];
}

const NO_KEYS: readonly string[] = [];

/** The date at `path`. */
function at(ctx: RuleContext, path: Path): Dated {
  return { value: ctx.doc.get(path), base: path, keys: NO_KEYS };
}

/** The date at `keys` within an entry. */
function within(entry: Entry, keys: readonly string[]): Dated {
  return { value: valueAt(entry.data, keys), base: entry.path, keys };
}

/** The keys of the dates compared within an entry. */
const K_DATE = ['date'] as const;
const K_FROM = ['from'] as const;
const K_MINIMUMDATA_RECEIVED = ['minimumData', 'received'] as const;
const K_MINIMUMDATA_REQUESTED = ['minimumData', 'requested'] as const;
const K_RECEIVED = ['received'] as const;
const K_REQUESTED = ['requested'] as const;
const K_TO = ['to'] as const;

const pathOf = (d: Dated): Path => (d.keys.length ? [...d.base, ...d.keys] : d.base);

/** Reports when `later` stands before `earlier`: on `later`, or on `earlier` when that is the date at fault. */
function order(ctx: RuleContext, earlier: Dated, later: Dated, message: (a: string, b: string) => string, where: 'later' | 'earlier' = 'later'): void {
  const a = parseDate(earlier.value);
  const b = parseDate(later.value);
  if (a === undefined || b === undefined || b >= a) return;
  const [here, there, thereDay] = where === 'later' ? [later, earlier, a] : [earlier, later, b];
  ctx.report({
    span: ctx.doc.spanOf(pathOf(here)),
    message: message(formatLong(a), formatLong(b)),
    related: [{ span: ctx.doc.spanOf(pathOf(there)), message: `The date it is compared with (${formatLong(thereDay)}).` }],
  });
}

/** The dates the time limits are counted from and to, with what each is called in a message. */
const CLOCK_DATES: [path: Path, what: string][] = [
  [['case', 'incident', 'date'], 'The incident'],
  [['case', 'incident', 'knownOn'], 'The day the local authority learnt of the incident'],
  [['referral', 'date'], 'The referral'],
  [['decision', 'date'], 'The decision'],
];

export const dateOrder: Rule = {
  id: 'date-order',
  title: 'Dates follow one another as they must',
  description: 'A date that cannot be right given another: a referral before the incident, a decision before the referral, a return received before it was asked for, a decision passed on before it was made, an incident, referral or decision dated after today, and the like.',
  severity: 'error',
  questions: [],
  fixable: false,
  group: 'format',
  check(ctx) {
    const { doc } = ctx;
    // A record holds what has happened: one of these dated after today is a slip (2061 for 2016),
    // and would leave a decision's delay uncounted (a referral not yet made is never overdue).
    for (const [path, what] of CLOCK_DATES) {
      const day = parseDate(doc.get(path));
      if (day === undefined || day <= ctx.today) continue;
      ctx.report({
        span: doc.spanOf(path),
        message: `${what} is dated ${formatLong(day)}, after today (${formatLong(ctx.today)}). A record holds only what has already happened: check the date.`,
      });
    }
    const incident = at(ctx, ['case', 'incident', 'date']);
    const referral = at(ctx, ['referral', 'date']);
    const decision = at(ctx, ['decision', 'date']);
    order(ctx, incident, at(ctx, ['case', 'incident', 'knownOn']), (a, b) => `The local authority cannot have learnt of the incident (${b}) before it happened (${a}). Check both dates.`);
    order(ctx, incident, referral, (a, b) => `The referral (${b}) is dated before the incident it is about (${a}). Check both dates.`);
    order(ctx, referral, decision, (a, b) => `The decision (${b}) is dated before the case was referred (${a}). Check both dates.`);
    for (const ag of entries(doc, ['agencies'])) {
      order(ctx, within(ag, K_MINIMUMDATA_REQUESTED), within(ag, K_MINIMUMDATA_RECEIVED), (a, b) => `This return is recorded as received (${b}) before it was asked for (${a}). Check both dates.`);
    }
    for (const ad of entries(doc, ['family', 'addresses'])) {
      order(ctx, within(ad, K_FROM), within(ad, K_TO), (a, b) => `This address ends (${b}) before it starts (${a}). Check both dates.`);
    }
    for (const nb of entries(doc, ['neighbouringBoards'])) {
      order(ctx, within(nb, K_REQUESTED), within(nb, K_RECEIVED), (a, b) => `This answer is recorded as received (${b}) before the check was asked for (${a}). Check both dates.`);
    }
    for (const m of entries(doc, ['meetings'])) {
      order(ctx, within(m, K_DATE), decision, (a, b) => `This meeting (${a}) is dated after the decision it fed into (${b}). A meeting after the decision cannot have informed it: check the dates.`, 'earlier');
    }
    const clock = notificationClock(doc);
    if (clock) {
      const when = clock.knownOn ? 'the local authority learnt of the incident' : 'the incident happened';
      const from = at(ctx, clock.path);
      for (const n of entries(doc, ['referral', 'notifications'])) {
        order(ctx, from, within(n, K_DATE), (a, b) => `This notification (${b}) is dated before ${when} (${a}). Check both dates.`);
      }
    }
    for (const i of entries(doc, ['agencyInput'])) {
      order(ctx, within(i, K_DATE), decision, (a, b) => `This input (${a}) is dated after the decision it was for (${b}). Input after the decision cannot have informed it: check the dates.`, 'earlier');
    }
    // After the decision: telling others of it, and changing the review it set up. Dated before it,
    // one of the dates is wrong (a notice to the Panel a month early would pass as on time).
    for (const c of entries(doc, ['decision', 'communicated'])) {
      order(ctx, decision, within(c, K_DATE), (a, b) => `This entry records ${recipientWords(c.data.to)} as told of the decision on ${b}, before it was made (${a}). Check both dates.`);
    }
    for (const r of entries(doc, ['decision', 'revisions'])) {
      order(ctx, decision, within(r, K_DATE), (a, b) => `This change to the review (${b}) is dated before the decision that set the review up (${a}). Check both dates.`);
    }
  },
};
