import type { CaseDoc } from './document';

const FACTS = new WeakMap<CaseDoc, Map<string, unknown>>();

/**
 * A fact about one reading of a file, worked out the first time it is asked for: the rules, the
 * checklist, the quick fixes and the editor's views ask for the same ones, some of them once per
 * finding. A reading never changes (an edit makes a new `CaseDoc`), so the fact stays true of it;
 * what is returned is shared, so callers must not change it.
 */
export function once<T>(doc: CaseDoc, name: string, work: () => T): T {
  let facts = FACTS.get(doc);
  if (!facts) FACTS.set(doc, (facts = new Map()));
  if (!facts.has(name)) facts.set(name, work());
  return facts.get(name) as T;
}
