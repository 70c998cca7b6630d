import { indentUnit } from './fixes';
import { formatIso, type DayNumber } from './dates';
import type { CaseDoc, Path } from './document';
import { choicesOf } from './hover';
import { agencyIds, entries, otherBoards } from './model';
import { isDatePath, propertyOrder, requiredKeys, schemaAt, shapeOf } from './schema-info';
import { ownEntry, quoteIfNeeded, sameBoard } from './text';

/** Keys a new entry gets beyond the required ones, because QM2 looks for them from the start. */
const EXTRA: Record<string, string[]> = {
  'agencies.[]': ['minimumData'],
  'agencies.[].minimumData': ['requested'],
};

/**
 * A new list entry with the keys it needs, as plain text and as a snippet with tab stops. The
 * first line starts with `- ` at the cursor; later lines carry their full indentation.
 */
export function skeleton(doc: CaseDoc, listPath: Path, col: number, today: DayNumber, eol: string): { text: string; snippet: string } | undefined {
  let stop = 0;
  const text: string[] = [];
  const snippet: string[] = [];
  const esc = (s: string) => s.replace(/[$}\\]/g, '\\$&');
  const choice = (values: string[]) => `\${${++stop}|${values.map((v) => esc(v).replace(/[,|]/g, '\\$&')).join(',')}|}`;

  const unit = indentUnit(doc);
  const add = (path: Path, indent: number, first: boolean, depth: number) => {
    const shape = shapeOf(path);
    const keys = propertyOrder(path).filter((k) => requiredKeys(path).includes(k) || ownEntry(EXTRA, shape)?.includes(k));
    keys.forEach((key, i) => {
      const lead = first && i === 0 ? '- ' : ' '.repeat(indent);
      const p = [...path, key];
      const node = schemaAt(p);
      const nested = node?.type === 'object' || node?.properties;
      if (nested && depth < 3) {
        text.push(`${lead}${key}:`);
        snippet.push(`${lead}${key}:`);
        add(p, indent + unit, false, depth + 1);
        return;
      }
      const [plain, snip] = valueFor(p);
      text.push(plain === '' ? `${lead}${key}:` : `${lead}${key}: ${plain}`);
      snippet.push(`${lead}${key}: ${snip}`);
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
      const boards = otherBoards(doc).map((b) => b.board).filter((b) => !checks.some((c) => sameBoard(c.data.board, b))).map((b) => quoteIfNeeded(b));
      return boards.length ? ['', choice(boards)] : ['', `\${${++stop}}`];
    }
    if (isDatePath(p)) return [formatIso(today), `\${${++stop}:${formatIso(today)}}`];
    const choices = choicesOf(node).map((c) => c.value);
    if (choices.length > 1) return ['', choice(choices)];
    if (choices.length === 1) return [choices[0], choices[0]];
    return ['', `\${${++stop}}`];
  };

  add([...listPath, 0], col + 2, true, 0);
  if (!text.length) return undefined;
  return { text: text.join(eol), snippet: snippet.join(eol) };
}
