import type { CaseDoc, Path } from './document';
import { once } from './once';
import { schemaAt } from './schema-info';
import { unreadEntries } from './unread';
import { asArray, asRecord } from './values';

/** A list entry with its place in the file. */
export interface Entry<T = Record<string, unknown>> {
  index: number;
  path: Path;
  data: T;
}

/** The entries of the list at `path` that are mappings; worked out once per file (the rules ask often). */
export function entries(doc: CaseDoc, path: Path): readonly Entry[] {
  return once(doc, `entries\u0000${path.join('\u0000')}`, () => {
    // A plain loop: flatMap, with an array made for each item, took three times as long over the
    // thousands of entries of a long file, on every keystroke.
    const list = asArray(doc.get(path));
    const out: Entry[] = [];
    for (let index = 0; index < list.length; index++) {
      const data = asRecord(list[index]);
      if (data) out.push({ index, path: [...path, index], data });
    }
    return Object.freeze(out);
  });
}

/**
 * Whether something is written at `path` that is not the kind of value the format wants there
 * (`addresses: Northshire`, `learning: [NSCB-2014-02]` where a list of sections belongs): the format
 * check reports it, so a rule looking for entries there says nothing more (one problem, one finding).
 */
export function wrongKind(doc: CaseDoc, path: Path): boolean {
  const v = doc.get(path);
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim())) return false;
  const want = schemaAt(path)?.type;
  if (want === 'object') return asRecord(v) === undefined;
  if (want !== 'array') return false;
  if (!Array.isArray(v)) return true;
  const item = schemaAt([...path, 0])?.type;
  return item === 'object' ? v.some((x) => asRecord(x) === undefined) : item === 'string' ? v.some((x) => typeof x !== 'string') : false;
}

/**
 * The entries of the list at `path` that can be read: sections (as `entries` gives them), less any
 * that a slip runs through. What the checklist counts.
 */
export function readableEntries(doc: CaseDoc, path: Path): readonly Entry[] {
  return once(doc, `readable\u0000${path.join('\u0000')}`, () => {
    const unread = unreadEntries(doc, path);
    if (!unread.length) return entries(doc, path);
    return Object.freeze(entries(doc, path).filter((e) => {
      const at = doc.node(e.path)?.range?.[0];
      return at === undefined || !unread.some((u) => at >= u.span.start && at < u.span.end);
    }));
  });
}
