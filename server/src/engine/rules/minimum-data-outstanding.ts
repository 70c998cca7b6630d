import { formatLong, parseDate } from '../dates';
import { agencyName } from '../agencies';
import { decisionDay, isDecided } from '../decision';
import { entries } from '../entries';
import { asRecord, datedAfter } from '../values';
import type { Rule } from '../rule';
import { isBlank } from '../text';
import { countedAs, withinLimit } from '../timing';
import type { Related } from '../types';

export const minimumDataOutstanding: Rule = {
  id: 'minimum-data-outstanding',
  title: 'Minimum data returns are in',
  description: 'A return asked for but not received, when the decision is already made or the decision limit has passed since the request.',
  severity: 'warning',
  questions: [2],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const decided = isDecided(doc);
    const decision = decisionDay(doc);
    const decisionRelated: Related[] = decision !== undefined ? [{ span: doc.spanOf(['decision', 'date']), message: `The decision, made on ${formatLong(decision)}.` }] : [];
    for (const a of entries(doc, ['agencies'])) {
      const md = asRecord(a.data.minimumData);
      const requested = parseDate(md?.requested);
      if (!md || requested === undefined) continue;
      // Asked only after the decision: minimum-data-requested reports that no request was made by then.
      if (datedAfter(md.requested, decision)) continue;
      const received = parseDate(md.received);
      // Worked out only for a finding: most returns are in, and a long file lists many agencies.
      const name = () => agencyName(a.data);
      const path = () => [...a.path, 'minimumData'];
      const request = (): Related => ({ span: doc.spanOf([...path(), 'requested']), message: `The request, sent on ${formatLong(requested)}.` });
      if (received !== undefined) {
        // In, but only after the chair had decided: the decision was made without it.
        if (decided && decision !== undefined && received > decision) {
          ctx.report({
            span: doc.spanOf([...path(), 'received']),
            message:
              `The minimum data return from ${name()} arrived on ${formatLong(received)}, after the decision on ${formatLong(decision)}, so the chair decided without it. ` +
              'Say in the decision’s `rationale` why the decision could not wait, and whether the return changes anything; then waive this finding with that reason.',
            related: [request(), ...decisionRelated],
          });
        }
        continue;
      }
      if (!isBlank(md.received)) continue; // not a date: invalid-date reports it
      const span = () => doc.keySpan([...path(), 'received']);
      if (decided) {
        ctx.report({
          span: span(),
          message:
            `The minimum data return from ${name()}, asked for on ${formatLong(requested)}, is not recorded as received, and the decision has been made` +
            (decision !== undefined ? ` (${formatLong(decision)})` : '') +
            '. If the return arrived, add the date under `received` and a summary of it; if not, say in the decision’s `rationale` why the chair decided without it, and waive this finding with that reason.',
          related: [request(), ...decisionRelated],
        });
      } else if (!withinLimit(requested, ctx.today, ctx.settings.decisionLimit)) {
        // Counted the way the limit is counted, so the two can be compared.
        const ago = countedAs(ctx.settings.decisionLimit, requested, ctx.today);
        ctx.report({
          span: span(),
          message:
            `The minimum data return from ${name()} was asked for on ${formatLong(requested)}, ${ago} ago, ` +
            `longer than the decision limit of ${ctx.timing.limitText}, and is still not recorded as received. ` +
            'Chase the agency, and add the date under `received` when the return arrives.',
          related: [request()],
        });
      }
    }
  },
};
