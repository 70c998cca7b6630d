import { appendItem, replaceValue } from '../fixes';
import { agencyIds, asArray, asString, entries } from '../model';
import { requestDate, TO_COMPLETE } from '../placeholders';
import type { Rule } from '../rule';
import { AGENCY_ID, AGENCY_TYPES } from '../schema-info';
import { nearest } from '../text';
import type { Fix } from '../types';

export const unknownAgency: Rule = {
  id: 'unknown-agency',
  title: 'Agencies are named by a declared id',
  description: 'An agency id in a meeting or in agency input that no entry under `agencies` declares.',
  severity: 'error',
  questions: [],
  fixable: true,
  group: 'format',
  check(ctx) {
    const { doc } = ctx;
    // With no agencies section at all, agency-contact reports that once; naming every use would bury it.
    if (!Array.isArray(doc.get(['agencies']))) return;
    const ids = agencyIds(doc);
    const declared = [...ids.keys()];
    const uses = [
      ...entries(doc, ['meetings']).flatMap((m) => asArray(m.data.agencies).map((a, i) => ({ id: a, path: [...m.path, 'agencies', i] }))),
      ...entries(doc, ['agencyInput']).map((inp) => ({ id: inp.data.agency, path: [...inp.path, 'agency'] })),
    ];
    const reported = new Set<string>();
    for (const use of uses) {
      const id = asString(use.id);
      // An id not written as ids are (`Police`) is the format check's finding, with its fix.
      if (!id || ids.has(id) || !AGENCY_ID.test(id)) continue;
      const guess = nearest(id, declared);
      const fixes: Fix[] = [];
      const change = guess ? replaceValue(doc, use.path, guess) : undefined;
      if (change) fixes.push({ title: `Change to \`${guess}\``, edits: [change], preferred: true, correction: 'spelling' });
      if (!reported.has(id)) {
        const declare = appendItem(doc, ['agencies'], {
          id, name: TO_COMPLETE, type: typeNamedBy(id), involvement: 'unknown', minimumData: { requested: requestDate(ctx.timing, ctx.today) },
        });
        if (declare) fixes.push({ title: `Declare agency \`${id}\` under \`agencies\``, edits: [declare], preferred: !change });
      }
      reported.add(id);
      ctx.report({
        span: doc.spanOf(use.path),
        message: `No agency with the id \`${id}\` is declared under \`agencies\`.` + (guess ? ` Did you mean \`${guess}\`?` : ' Declare it there, or use one of the declared ids.'),
        fixes,
      });
    }
  },
};

/**
 * The agency type an id names, when it names one (`police`, `health`), else `other`. So the
 * agency declared here is the same one key-agency-missing's fix adds for a missing key type:
 * fixing both at once adds it once, not twice under one id.
 */
function typeNamedBy(id: string): string {
  return AGENCY_TYPES.includes(id) ? id : 'other';
}
