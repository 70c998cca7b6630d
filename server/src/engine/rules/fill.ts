import { isCollection, isScalar, stringify } from 'yaml';
import type { Node } from 'yaml';
import { CaseDoc, type Path } from '../document';
import { appendItem, applyEdits, insertProperty, replaceValue } from '../fixes';
import type { TextEdit } from '../types';

/**
 * Fix helpers for keys that may be absent, written with nothing after the colon (`evidence:`),
 * blank (`evidence: ""`) or an empty flow list (`challenge: []`). fixes.ts covers the first case;
 * these cover the others without writing a second copy of the key.
 */

function render(value: unknown, indent: number): string[] {
  const text = stringify(value, { lineWidth: 0, indent: 2, indentSeq: true, version: '1.2' }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return text.split('\n').map((l) => (l ? pad + l : l));
}

function isObjectValue(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/**
 * Writes `value` as a block below the key `k`, replacing whatever stands between the colon and
 * `valueEnd` (an empty `[]`, a scalar) and keeping anything after it on the line (a comment).
 */
function blockBelowKey(doc: CaseDoc, k: Node, valueEnd: number, value: unknown): TextEdit | undefined {
  const colon = doc.text.indexOf(':', k.range![1]);
  if (colon < 0 || colon > valueEnd) return undefined;
  const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(k.range![0]));
  if (valueEnd > lineEnd) return undefined;
  const keyIndent = doc.lines.positionAt(k.range![0]).character;
  const rest = doc.text.slice(valueEnd, lineEnd);
  return { span: { start: colon + 1, end: lineEnd }, newText: rest + doc.lines.eol + render(value, keyIndent + 2).join(doc.lines.eol) };
}

/** Sets the value at `path` where the key is absent, empty or blank; undefined where a value is already written. */
export function setValue(doc: CaseDoc, path: Path, value: unknown): TextEdit | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const pair = doc.pair(path);
  if (!pair) return insertProperty(doc, path.slice(0, -1), key, value);
  const k = pair.key as Node | null;
  const v = pair.value as Node | null;
  if (!k?.range) return undefined;
  const empty = !v || (isScalar(v) && v.value === null && !(v as { source?: string }).source);
  if (empty) {
    // Objects go below the key; text right after the colon, so a comment later on the line stays after it.
    if (isObjectValue(value)) return blockBelowKey(doc, k, doc.text.indexOf(':', k.range[1]) + 1, value);
    const colon = doc.text.indexOf(':', k.range[1]);
    if (colon < 0) return undefined;
    return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${render(value, 0).join(' ')}` };
  }
  if (isScalar(v) && typeof v.value === 'string' && v.value.trim() === '' && !isObjectValue(value)) {
    return replaceValue(doc, path, render(value, 0).join(' '));
  }
  if (isCollection(v) && v.flow && v.items.length === 0 && v.range && isObjectValue(value)) {
    return blockBelowKey(doc, k, v.range[1], value);
  }
  return undefined;
}

/** Appends `item` to the list at `path`, whether the list has items, is empty, or is not written. */
export function appendTo(doc: CaseDoc, path: Path, item: unknown): TextEdit | undefined {
  const list = doc.get(path);
  if (Array.isArray(list) && list.length > 0) return appendItem(doc, path, item);
  return setValue(doc, path, [item]);
}

/**
 * Several edits, each worked out on the text the one before left, as one minimal edit of the
 * original text. Each step gets the document as it stands after the steps before it.
 */
export function combine(doc: CaseDoc, steps: ((d: CaseDoc) => TextEdit | undefined)[]): TextEdit | undefined {
  let current = doc;
  for (const step of steps) {
    const edit = step(current);
    if (!edit) return undefined;
    current = new CaseDoc(applyEdits(current.text, [edit]));
  }
  const before = doc.text;
  const after = current.text;
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { span: { start, end: endB }, newText: after.slice(start, endA) };
}

/** Replaces the scalar written at `path` (say `seriousHarm: yes`) with `value`, keeping any comment after it. */
export function replaceScalar(doc: CaseDoc, path: Path, value: unknown): TextEdit | undefined {
  const pair = doc.pair(path);
  const k = pair?.key as Node | null | undefined;
  const v = pair?.value as Node | null | undefined;
  if (!k?.range || !v?.range || !isScalar(v)) return undefined;
  if (isObjectValue(value)) return blockBelowKey(doc, k, v.range[1], value);
  return { span: { start: v.range[0], end: v.range[1] }, newText: render(value, 0).join(' ') };
}
