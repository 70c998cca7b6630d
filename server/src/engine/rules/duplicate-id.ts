import { entries } from '../entries';
import { asString } from '../values';
import type { DossierCase, Rule } from '../rule';
import { isPlaceholder, nameKey, sameBoard } from '../text';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  title: 'Ids and case references are unique',
  description: 'Two agencies with one id in a file, or two case files in the dossier with one case reference.',
  severity: 'error',
  questions: [],
  fixable: false,
  group: 'format',
  check(ctx) {
    const { doc } = ctx;
    const first = new Map<string, (string | number)[]>();
    for (const a of entries(doc, ['agencies'])) {
      const id = asString(a.data.id);
      // An id still to be completed (the agency snippet's prompt, written twice) is no id yet: to-complete reports each.
      if (!id || isPlaceholder(id)) continue;
      const path = [...a.path, 'id'];
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, path);
        continue;
      }
      ctx.report({
        span: doc.spanOf(path),
        message: `Another agency above already has the id \`${id}\`. Give each agency its own id, so that meetings and input name the right one.`,
        related: [{ span: doc.spanOf(earlier), message: `The first agency with the id \`${id}\`.` }],
      });
    }
    const written = doc.get(['case', 'reference']);
    const reference = isPlaceholder(written) ? undefined : asString(written);
    if (!reference) return;
    const others = (byReference(ctx.dossier).get(nameKey(reference)) ?? []).filter((c) => c.path !== ctx.path && sameBoard(c.reference, reference));
    if (!others.length) return;
    const nameOf = (o: DossierCase) => o.name ?? o.path.split('/').pop();
    ctx.report({
      span: doc.spanOf(['case', 'reference']),
      message: `The case reference ${reference.trim()} is also used by ${others.length === 1 ? 'another case file' : `${others.length} other case files`} in this dossier (${others.map(nameOf).join(', ')}). Each case needs its own reference.`,
      related: others.map((o) => ({ path: o.path, span: o.span, message: `The same reference in ${nameOf(o)}.` })),
    });
  },
};

/**
 * The dossier's case files by reference (by nameKey, as sameBoard compares them), in
 * dossier order; worked out once per dossier list. Looking through the whole list for each file
 * made checking a dossier take time that grew with the square of its size.
 */
const indexes = new WeakMap<readonly DossierCase[], { length: number; index: Map<string, DossierCase[]> }>();
function byReference(dossier: readonly DossierCase[]): Map<string, DossierCase[]> {
  const known = indexes.get(dossier);
  // A list that has grown or shrunk since (hosts build a new one each time, but be sure) is indexed again.
  if (known && known.length === dossier.length) return known.index;
  const index = new Map<string, DossierCase[]>();
  for (const c of dossier) {
    if (typeof c.reference !== 'string') continue;
    const key = nameKey(c.reference);
    const list = index.get(key);
    if (list) list.push(c);
    else index.set(key, [c]);
  }
  indexes.set(dossier, { length: dossier.length, index });
  return index;
}

/**
 * The files of the dossier whose case reference another of its files also uses. Only these can
 * get this rule's finding about the dossier: checked alone, any other file gets the same findings
 * as checked with the whole dossier.
 */
export function sharingReference(dossier: readonly DossierCase[]): Set<string> {
  const out = new Set<string>();
  for (const cases of byReference(dossier).values()) if (cases.length > 1) for (const c of cases) out.add(c.path);
  return out;
}
