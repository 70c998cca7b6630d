import { isMap, isScalar, isSeq, stringify } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { CaseDoc, Path } from './document';
import { propertyOrder } from './schema-info';
import type { Span, TextEdit } from './types';

/**
 * Minimal text edits for quick fixes. Each inserts new lines at positions the YAML source gives,
 * or replaces one key or value; nothing is re-serialised, so the user's comments, blank lines,
 * quoting and key order stay exactly as written.
 */

/** Renders `value` as YAML lines indented by `indent` spaces (no line breaks at either end). */
function render(value: unknown, indent: number): string[] {
  const text = stringify(value, { lineWidth: 0, indent: 2, indentSeq: true, version: '1.2' }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return text.split('\n').map((l) => (l ? pad + l : l));
}

/** `key: value` lines for a new property. */
function propertyLines(key: string, value: unknown, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length : Object.keys(value).length)) {
    return [`${pad}${key}:`, ...render(value, indent + 2)];
  }
  return [`${pad}${key}: ${render(value, 0).join(' ')}`];
}

/** The offset at the end of the line that holds the last written character of `span`. */
function endOfLastLine(doc: CaseDoc, span: Span): number {
  let i = Math.min(span.end, doc.text.length) - 1;
  while (i > span.start && /\s/.test(doc.text[i])) i--;
  return doc.lines.lineEnd(doc.lines.lineOf(Math.max(i, span.start)));
}

function nodeSpan(n: Node): Span {
  return { start: n.range![0], end: n.range![1] };
}

function insertAfter(doc: CaseDoc, span: Span, lines: string[]): TextEdit {
  const at = endOfLastLine(doc, span);
  const eol = doc.lines.eol;
  return { span: { start: at, end: at }, newText: eol + lines.join(eol) };
}

/**
 * Adds `key: value` to the mapping at `mapPath`, creating the mapping (and its parents) when they
 * are not written. Keys go after the last written key that `order` puts before them.
 */
export function insertProperty(doc: CaseDoc, mapPath: Path, key: string, value: unknown): TextEdit | undefined {
  const eol = doc.lines.eol;
  const order = propertyOrder(mapPath);
  const map = doc.node(mapPath);
  if (map && isMap(map) && map.items.length > 0 && !map.flow) {
    const pairs = map.items as Pair[];
    const firstKey = pairs[0].key as Node;
    const indent = doc.lines.positionAt(firstKey.range![0]).character;
    const lines = propertyLines(key, value, indent);
    const rank = (k: unknown) => order.indexOf(String(isScalar(k) ? k.value : k));
    const mine = order.indexOf(key);
    let after: Pair | undefined;
    if (mine >= 0) {
      for (const p of pairs) {
        const r = rank(p.key);
        if (r >= 0 && r < mine) after = p;
      }
      if (!after) {
        const before = pairs.find((p) => rank(p.key) > mine);
        if (before) {
          const start = doc.lines.lineStart(doc.lines.lineOf((before.key as Node).range![0]));
          // Inserting before the first key of a list item would split `- ` from its key.
          if (doc.lines.lineText(doc.lines.lineOf(start)).trimStart().startsWith('-') === false) {
            return { span: { start, end: start }, newText: lines.join(eol) + eol };
          }
        }
      }
    }
    const last = after ?? pairs[pairs.length - 1];
    const k = last.key as Node;
    const v = last.value as Node | null;
    return insertAfter(doc, { start: k.range![0], end: v?.range?.[1] ?? k.range![1] }, lines);
  }
  if (map && isMap(map) && map.flow) {
    if (value !== null && typeof value === 'object') return undefined;
    const close = map.range![1] - 1;
    const sep = map.items.length ? ', ' : '';
    return { span: { start: close, end: close }, newText: `${sep}${key}: ${render(value, 0).join(' ')}` };
  }
  if (mapPath.length === 0) {
    if (map) return undefined;
    const end = doc.text.length;
    const needsBreak = end > 0 && !/\n$/.test(doc.text);
    return { span: { start: end, end }, newText: (needsBreak ? eol : '') + propertyLines(key, value, 0).join(eol) + eol };
  }
  // The mapping is absent or empty: write it, with the new key inside.
  const written = doc.pair(mapPath);
  if (written && isEmptyValue(written.value as Node | null)) {
    const k = written.key as Node;
    const indent = doc.lines.positionAt(k.range![0]).character + 2;
    const at = endOfLastLine(doc, nodeSpan(k));
    return { span: { start: at, end: at }, newText: eol + propertyLines(key, value, indent).join(eol) };
  }
  if (written) return undefined; // a scalar or list stands where a mapping should: no safe edit
  const parentPath = mapPath.slice(0, -1);
  const last = mapPath[mapPath.length - 1];
  if (typeof last === 'number') return undefined;
  return insertProperty(doc, parentPath, String(last), { [key]: value });
}

function isEmptyValue(v: Node | null): boolean {
  if (!v) return true;
  return isScalar(v) && (v.value === null || v.value === '') && !(v as { source?: string }).source;
}

/** Appends `item` to the list at `seqPath`, creating the list when it is not written. */
export function appendItem(doc: CaseDoc, seqPath: Path, item: unknown): TextEdit | undefined {
  const seq = doc.node(seqPath);
  if (seq && isSeq(seq) && seq.items.length > 0 && !seq.flow) {
    const indent = doc.lines.positionAt(seq.range![0]).character;
    const lines = render([item], indent);
    const lastItem = seq.items[seq.items.length - 1] as Node;
    return insertAfter(doc, nodeSpan(lastItem), lines);
  }
  if (seq && isSeq(seq) && seq.flow) {
    if (item !== null && typeof item === 'object') return undefined;
    const close = seq.range![1] - 1;
    return { span: { start: close, end: close }, newText: `${seq.items.length ? ', ' : ''}${render(item, 0).join(' ')}` };
  }
  const last = seqPath[seqPath.length - 1];
  if (typeof last === 'number') return undefined;
  const written = doc.pair(seqPath);
  if (written && !isEmptyValue(written.value as Node | null)) return undefined;
  return insertProperty(doc, seqPath.slice(0, -1), String(last), [item]);
}

/** Replaces the scalar value at `path` (keeping its key and any comment after it). */
export function replaceValue(doc: CaseDoc, path: Path, text: string): TextEdit | undefined {
  const n = doc.node(path);
  if (!n?.range || !isScalar(n)) return undefined;
  return { span: { start: n.range[0], end: n.range[1] }, newText: text };
}

export function replaceSpan(span: Span, text: string): TextEdit {
  return { span, newText: text };
}

/** Renames the key at `path`. */
export function renameKey(doc: CaseDoc, path: Path, newKey: string): TextEdit | undefined {
  const k = doc.pair(path)?.key as Node | undefined;
  if (!k?.range) return undefined;
  return { span: { start: k.range[0], end: k.range[1] }, newText: newKey };
}

/** Applies edits to a text (for tests, the command line's --fix, and previews of a fix). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.end > limit) continue; // overlapping edits: keep the later-positioned one only
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
    limit = e.span.start;
  }
  return out;
}
