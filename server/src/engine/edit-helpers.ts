import { isScalar, isSeq, stringify } from 'yaml';
import type { Node } from 'yaml';
import type { CaseDoc, Path } from './document';
import { appendItem, insertProperty } from './fixes';
import type { TextEdit } from './types';

/**
 * Two edits the QM2 rules' fixes need beyond fixes.ts: a list or value whose key is written
 * but left empty (`context:`, `context: []`, `summary:`). `appendItem` and `replaceValue` give
 * no safe edit there (or a second key of the same name), so these write the value in place.
 */

function scalarText(value: string): string {
  return stringify(value, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
}

/** Whether the value node is written as nothing, `null`, `~`, `[]` or `""`. */
function isEmptyWritten(v: Node | null | undefined): boolean {
  if (!v) return true;
  if (isScalar(v)) return v.value === null || v.value === '';
  return isSeq(v) && v.flow === true && v.items.length === 0;
}

/** Where the key's colon stands, or undefined when it cannot be found. */
function colonAfterKey(doc: CaseDoc, key: Node): number | undefined {
  const i = doc.text.indexOf(':', key.range![1]);
  return i >= 0 ? i : undefined;
}

/** Appends `item` to the list at `seqPath`; also where the key is written with an empty value or `[]`. */
export function addListItem(doc: CaseDoc, seqPath: Path, item: unknown): TextEdit | undefined {
  const pair = doc.pair(seqPath);
  const key = pair?.key as Node | undefined;
  const value = pair?.value as Node | null | undefined;
  if (!pair || !key?.range || !isEmptyWritten(value)) return appendItem(doc, seqPath, item);
  const colon = colonAfterKey(doc, key);
  if (colon === undefined) return undefined;
  const eol = doc.lines.eol;
  const pad = ' '.repeat(doc.lines.positionAt(key.range[0]).character + 2);
  const lines = stringify([item], { lineWidth: 0, indent: 2, indentSeq: true, version: '1.2' })
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? pad + l : l));
  // Replace what is written after the colon (`null`, `[]`), never the spaces before a comment.
  let end = value?.range ? Math.max(colon + 1, value.range[1]) : colon + 1;
  while (end > colon + 1 && /\s/.test(doc.text[end - 1])) end--;
  return { span: { start: colon + 1, end }, newText: eol + lines.join(eol) };
}

/** Sets the text at `path`: replaces a written value, fills a key left empty, or adds the key. */
export function setScalar(doc: CaseDoc, path: Path, value: string): TextEdit | undefined {
  const pair = doc.pair(path);
  const key = pair?.key as Node | undefined;
  if (!pair || !key?.range) {
    const last = path[path.length - 1];
    if (typeof last !== 'string') return undefined;
    return insertProperty(doc, path.slice(0, -1), last, value);
  }
  const v = pair.value as Node | null;
  if (v && !isScalar(v)) return undefined;
  if (v?.range && v.range[1] > v.range[0]) return { span: { start: v.range[0], end: v.range[1] }, newText: scalarText(value) };
  const colon = colonAfterKey(doc, key);
  if (colon === undefined) return undefined;
  return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${scalarText(value)}` };
}
