import { indentUnit } from './fixes';
import { formatIso, type DayNumber } from './dates';
import type { CaseDoc, Path } from './document';
import { choicesOf } from './hover';
import { agencyIds } from './agencies';
import { otherBoards } from './boards';
import { entries } from './entries';
import { isDatePath, propertyOrder, requiredKeys, schemaAt, shapeOf } from './schema-info';
import { ownEntry, quoteIfNeeded, sameBoard } from './text';

/** Keys a new entry gets beyond the required ones, because QM2 looks for them from the start. */
const EXTRA: Record<string, string[]> = {
  'agencies.[]': ['minimumData'],
  'agencies.[].minimumData': ['requested'],
};

/** A key of a new entry: its value as plain text and as a snippet, or the keys of a section under it. */
type Part = { key: string; plain: string; snip: string } | { key: string; parts: Part[] };

/**
 * A new list entry with the keys it needs, as plain text and as a snippet with tab stops. In block
 * style the first line starts with `- ` at the cursor and later lines carry their full
 * indentation; inside brackets (`inFlow`) the entry is written on one line as brackets take it,
 * `{ key: value, … }`, a section under a key in braces of its own.
 */
export function skeleton(doc: CaseDoc, listPath: Path, col: number, today: DayNumber, eol: string, inFlow = false): { text: string; snippet: string } | undefined {
  let stop = 0;
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const choice = (values: string[]) => `\${${++stop}|${values.map((v) => esc(v).replace(/[,|]/g, '\\$&')).join(',')}|}`;

  const unit = indentUnit(doc);
  const build = (path: Path, depth: number): Part[] => {
    const shape = shapeOf(path);
    const keys = propertyOrder(path).filter((k) => requiredKeys(path).includes(k) || ownEntry(EXTRA, shape)?.includes(k));
    return keys.map((key) => {
      const p = [...path, key];
      const node = schemaAt(p);
      const nested = node?.type === 'object' || node?.properties;
      if (nested && depth < 3) return { key, parts: build(p, depth + 1) };
      const [plain, snip] = valueFor(p);
      return { key, plain, snip };
    });
  };

  const valueFor = (p: Path): [string, string] => {
    const shape = shapeOf(p);
    const node = schemaAt(p);
    if (shape === 'agencyInput.[].agency') {
      const ids = [...agencyIds(doc).keys()];
      return ids.length ? ['', choice(ids)] : ['', `\${${++stop}}`];
    }
    if (shape === 'meetings.[].agencies') return ['[]', `[\${${++stop}}]`];
    if (shape === 'neighbouringBoards.[].board') {
      const checks = entries(doc, ['neighbouringBoards']);
      const boards = otherBoards(doc).map((b) => b.board).filter((b) => !checks.some((c) => sameBoard(c.data.board, b))).map((b) => quoteIfNeeded(b, inFlow));
      return boards.length ? ['', choice(boards)] : ['', `\${${++stop}}`];
    }
    if (isDatePath(p)) return [formatIso(today), `\${${++stop}:${formatIso(today)}}`];
    const choices = choicesOf(node).map((c) => c.value);
    if (choices.length > 1) return ['', choice(choices)];
    if (choices.length === 1) return [choices[0], choices[0]];
    return ['', `\${${++stop}}`];
  };

  const parts = build([...listPath, 0], 0);
  if (!parts.length) return undefined;
  if (inFlow) {
    // A key with nothing yet after it is left empty, as in block style (`forum: ,` reads as no value).
    const flow = (ps: Part[], snippet: boolean): string => `{ ${ps.map((p) => `${p.key}: ${'parts' in p ? flow(p.parts, snippet) : snippet ? p.snip : p.plain}`).join(', ').trimEnd()} }`;
    return { text: flow(parts, false), snippet: flow(parts, true) };
  }
  const text: string[] = [];
  const snippet: string[] = [];
  const block = (ps: Part[], indent: number, first: boolean) => ps.forEach((p, i) => {
    const lead = first && i === 0 ? '- ' : ' '.repeat(indent);
    if ('parts' in p) {
      text.push(`${lead}${p.key}:`);
      snippet.push(`${lead}${p.key}:`);
      block(p.parts, indent + unit, false);
      return;
    }
    text.push(p.plain === '' ? `${lead}${p.key}:` : `${lead}${p.key}: ${p.plain}`);
    snippet.push(`${lead}${p.key}: ${p.snip}`);
  });
  block(parts, col + 2, true);
  return { text: text.join(eol), snippet: snippet.join(eol) };
}
