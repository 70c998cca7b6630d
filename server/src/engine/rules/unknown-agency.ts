import { appendItem, replaceValue } from '../fixes';
import { agenciesNamedBy, agencyIds, agencyLabel } from '../agencies';
import { entries } from '../entries';
import { asArray, asString } from '../values';
import { placeholderFor, requestDate, TO_COMPLETE } from '../placeholders';
import type { Path, Rule } from '../rule';
import { AGENCY_ID, AGENCY_TYPES } from '../schema-info';
import { listWords, nearest, slugOf } from '../text';
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
    // Only an id written as ids are is a guess for a use: a declared `Police` or `pol<U+202E>ice` is the
    // format check's finding, whose fix makes it `police`. Changing the uses to match it would spread
    // the mistake (on save, too), so a use already written as that fix makes the id is left alone.
    // Both worked out only once a use names no declared id: in a long file, thousands of uses do.
    let declared: string[] | undefined;
    let correctedTo: Set<string> | undefined;
    const unknown = (written: unknown): string | undefined => {
      const id = asString(written);
      // An id not written as ids are (`Police`) is the format check's finding, with its fix.
      if (!id || ids.has(id) || !AGENCY_ID.test(id)) return undefined;
      correctedTo ??= new Set([...ids.keys()].filter((x) => !AGENCY_ID.test(x)).map(slugOf));
      return correctedTo.has(id) ? undefined : id;
    };
    // The uses, in meetings and then in agency input; a path made only for a use to report.
    const uses: { id: string; path: Path }[] = [];
    for (const m of entries(doc, ['meetings'])) {
      const present = asArray(m.data.agencies);
      for (let i = 0; i < present.length; i++) {
        const id = unknown(present[i]);
        if (id !== undefined) uses.push({ id, path: [...m.path, 'agencies', i] });
      }
    }
    for (const inp of entries(doc, ['agencyInput'])) {
      const id = unknown(inp.data.agency);
      if (id !== undefined) uses.push({ id, path: [...inp.path, 'agency'] });
    }
    const reported = new Set<string>();
    for (const use of uses) {
      const { id } = use;
      declared ??= [...ids.keys()].filter((x) => AGENCY_ID.test(x));
      // An agency the id names otherwise, by its name or by initials (`hv` for health-visiting);
      // else the declared id spelt nearest. Initials first: a short id is near many others.
      const named = agenciesNamedBy(doc, id).filter((a) => AGENCY_ID.test(a));
      const near = named.length ? undefined : nearest(id, declared);
      const guesses = near ? [near] : named;
      const fixes: Fix[] = [];
      for (const guess of guesses) {
        const change = replaceValue(doc, use.path, guess);
        const label = near ? '' : ` (${agencyLabel(doc, guess)})`;
        // Only a single guess is a correction: of several, the reviewer picks.
        const one = guesses.length === 1;
        if (change) fixes.push({ title: `Change to \`${guess}\`${label}`, edits: [change], preferred: one, ...(one ? { correction: 'spelling' as const } : {}) });
      }
      if (!reported.has(id)) {
        // What the id says (its own id; a type it names), and the rest left for the reviewer to choose.
        const blank = placeholderFor(['agencies', 0], '')[0] as Record<string, unknown>;
        const declare = appendItem(doc, ['agencies'], {
          ...blank, id, name: TO_COMPLETE, type: typeNamedBy(id) ?? blank.type, minimumData: { requested: requestDate(ctx.timing, ctx.today) },
        });
        // Declaring an agency says one took part: a choice for the reviewer, never made by Fix all.
        if (declare) fixes.push({ title: `Declare agency \`${id}\` under \`agencies\``, edits: [declare], preferred: false });
      }
      reported.add(id);
      const meant = guesses.map((g) => `\`${g}\`${near ? '' : ` (${agencyLabel(doc, g)})`}`);
      ctx.report({
        span: doc.spanOf(use.path),
        message: `No agency with the id \`${id}\` is declared under \`agencies\`.` +
          (meant.length ? ` Did you mean ${listWords(meant)}?` : ' Use one of the declared ids, or, if this agency is missing, declare it there.'),
        fixes,
      });
    }
  },
};

/**
 * The agency type an id names, when it names one (`police`, `health`); else the type is left to choose. So the
 * agency declared here is the same one key-agency-missing's fix adds for a missing key type:
 * fixing both at once adds it once, not twice under one id.
 */
function typeNamedBy(id: string): string | undefined {
  return AGENCY_TYPES.includes(id) ? id : undefined;
}
