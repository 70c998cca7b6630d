import { isCollection, isMap, isScalar, isSeq, stringify } from 'yaml';
import type { Node, Pair } from 'yaml';
import { CaseDoc, type Path } from './document';
import { propertyOrder } from './schema-info';
import { slipReaderFor } from './slips/reader';
import type { Span, TextEdit } from './types';

/**
 * Minimal text edits for quick fixes. Each inserts new lines at positions the YAML source gives,
 * or replaces one key or value; nothing is re-serialised, so the user's comments, blank lines,
 * quoting and key order stay exactly as written.
 */

/** How many spaces the file indents a key under its parent, remembered per reading. */
const UNITS = new WeakMap<CaseDoc, number>();
/** A key with nothing after its colon (its value is on the lines below), and not a list item. */
const PARENT_KEY = /^( *)[^\s#-][^#]*:[ \t]*(#.*)?$/;

/**
 * The file's own step of indentation: the most common step from a key with nothing after its
 * colon to a first child below it that is itself a key. Two spaces where the file does not show.
 * Fixes indent what they add by it, so a file indented by four stays so.
 */
export function indentUnit(doc: CaseDoc): number {
  const known = UNITS.get(doc);
  if (known !== undefined) return known;
  const seen = new Map<number, number>();
  let parent: number | undefined;
  let samples = 0;
  for (let line = 0; line < doc.lines.lineCount && samples < 20; line++) {
    const text = doc.lines.lineText(line);
    if (!text.trim() || /^\s*#/.test(text)) continue;
    const indent = text.length - text.trimStart().length;
    if (parent !== undefined && indent > parent && !/^\s*-/.test(text)) {
      seen.set(indent - parent, (seen.get(indent - parent) ?? 0) + 1);
      samples++;
    }
    const m = PARENT_KEY.exec(text);
    parent = m ? m[1].length : undefined;
  }
  let unit = 2;
  for (const [step, n] of seen) if (step >= 2 && step <= 8 && n > (seen.get(unit) ?? 0)) unit = step;
  UNITS.set(doc, unit);
  return unit;
}

/** Renders `value` as YAML lines indented by `indent` spaces (no line breaks at either end), nesting by `unit`. */
function render(value: unknown, indent: number, unit = 2): string[] {
  const text = stringify(value, { lineWidth: 0, indent: unit, indentSeq: true, version: '1.2' }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return text.split('\n').map((l) => (l ? pad + l : l));
}

/**
 * `value` on one line in flow style (`{ board: …, from: … }`), for a place inside brackets, where
 * YAML allows no indented lines.
 */
function renderFlow(value: unknown): string {
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', version: '1.2' }).replace(/\n$/, '');
}

/** Whether the key or item at `path` stands inside brackets (a flow mapping or list). */
function inFlow(doc: CaseDoc, path: Path): boolean {
  if (path.length === 0) return false;
  const parent = doc.node(path.slice(0, -1));
  return isCollection(parent) && !!parent.flow;
}

/** `key: value` lines for a new property. */
function propertyLines(key: string, value: unknown, indent: number, unit: number): string[] {
  const pad = ' '.repeat(indent);
  if (value !== null && typeof value === 'object' && (Array.isArray(value) ? value.length : Object.keys(value).length)) {
    return [`${pad}${key}:`, ...render(value, indent + unit, unit)];
  }
  return [`${pad}${key}: ${render(value, 0).join(' ')}`];
}

/** The offset at the end of the line that holds the last written character of `span`. */
function endOfLastLine(doc: CaseDoc, span: Span): number {
  let i = Math.min(span.end, doc.text.length) - 1;
  while (i > span.start && /\s/.test(doc.text[i])) i--;
  return doc.lines.lineEnd(doc.lines.lineOf(Math.max(i, span.start)));
}

/**
 * The end of the last of the lines pasted below the line ending at `at` (blank lines between them
 * allowed), as the file's checks report them: set aside as a slip, or read as a key the format does
 * not know that continues the text above it (SlipReader.continues). `at` where none is.
 */
function pastedBelow(doc: CaseDoc, at: number): number {
  const { lines } = doc;
  let end = at;
  for (let l = lines.lineOf(at) + 1; l < lines.lineCount; l++) {
    const text = lines.lineText(l);
    if (!text.trim()) continue;
    const start = lines.lineStart(l);
    const setAside = doc.setAside.some((s) => s.start <= start && start < s.end);
    // A key as the format writes keys, a list item or a note is never pasted text: most lines are told so without reading further.
    if (!setAside && (KEY_OR_ITEM.test(text) || !slipReaderFor(doc).continues(l))) break;
    end = lines.lineEnd(l);
  }
  return end;
}

const KEY_OR_ITEM = /^ *(?:- |-$|#|[a-z][A-Za-z0-9_-]*[ \t]*:(?:[ \t]|$))/;

function nodeSpan(n: Node): Span {
  return { start: n.range![0], end: n.range![1] };
}

/**
 * Inserts `lines` after the last line of `span`. Where text is pasted below it (reported as
 * continuing the value there), never between the two: the new lines would take that text, which
 * would then seem to continue their value. A key goes above the key that `span` starts with
 * (`asKey`), a list item after the pasted text.
 */
function insertAfter(doc: CaseDoc, span: Span, lines: string[], asKey = false): TextEdit {
  const end = endOfLastLine(doc, span);
  const eol = doc.lines.eol;
  const at = pastedBelow(doc, end);
  if (at !== end && asKey) {
    const line = doc.lines.lineOf(span.start);
    const start = doc.lines.lineStart(line);
    // Above the first key of a list item would split `- ` from its key.
    if (!doc.lines.lineText(line).trimStart().startsWith('-')) return { span: { start, end: start }, newText: lines.join(eol) + eol };
  }
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
    const lines = propertyLines(key, value, indent, indentUnit(doc));
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
    return insertAfter(doc, { start: k.range![0], end: v?.range?.[1] ?? k.range![1] }, lines, true);
  }
  if (map && isMap(map) && map.flow) {
    const close = map.range![1] - 1;
    const sep = map.items.length ? ', ' : '';
    return { span: { start: close, end: close }, newText: `${sep}${key}: ${renderFlow(value)}` };
  }
  if (mapPath.length === 0) {
    if (map) return undefined;
    const end = doc.text.length;
    const needsBreak = end > 0 && !/\n$/.test(doc.text);
    return { span: { start: end, end }, newText: (needsBreak ? eol : '') + propertyLines(key, value, 0, indentUnit(doc)).join(eol) + eol };
  }
  // The mapping is absent or empty: write it, with the new key inside.
  const written = doc.pair(mapPath);
  if (written && isEmptyValue(written.value as Node | null)) {
    const k = written.key as Node;
    if (inFlow(doc, mapPath)) return valueAfterColon(doc, k, written.value as Node | null, { [key]: value });
    const indent = doc.lines.positionAt(k.range![0]).character + indentUnit(doc);
    const at = endOfLastLine(doc, nodeSpan(k));
    return { span: { start: at, end: at }, newText: eol + propertyLines(key, value, indent, indentUnit(doc)).join(eol) };
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
    const lines = render([item], indent, indentUnit(doc));
    const lastItem = seq.items[seq.items.length - 1] as Node;
    return insertAfter(doc, nodeSpan(lastItem), lines);
  }
  if (seq && isSeq(seq) && seq.flow && seq.items.length > 0) {
    const close = seq.range![1] - 1;
    return { span: { start: close, end: close }, newText: `, ${renderFlow(item)}` };
  }
  // Absent, written empty (`key:`), `null` or `[]`: write the list in place.
  return setValue(doc, seqPath, [item]);
}

/** Replaces the scalar value at `path` (keeping its key and any comment after it). */
export function replaceValue(doc: CaseDoc, path: Path, text: string): TextEdit | undefined {
  const n = doc.node(path);
  if (!n?.range || !isScalar(n)) return undefined;
  if (n.range[1] > n.range[0]) return { span: { start: n.range[0], end: n.range[1] }, newText: text };
  // Nothing written after the colon: add the value there, with the space YAML needs.
  const k = doc.pair(path)?.key as Node | undefined;
  const colon = k?.range ? doc.text.indexOf(':', k.range[1]) : -1;
  return colon < 0 ? undefined : { span: { start: colon + 1, end: colon + 1 }, newText: ` ${text}` };
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

function isObjectValue(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/**
 * Writes `value` as a block below the key `k` at `path`, replacing whatever stands between the
 * colon and `valueEnd` (an empty `[]`, a scalar) and keeping anything after it on the line (a
 * comment). Inside brackets, where no block may stand, the value is written in their style instead.
 */
function blockBelowKey(doc: CaseDoc, path: Path, k: Node, valueEnd: number, value: unknown): TextEdit | undefined {
  if (inFlow(doc, path)) return replaceAfterColon(doc, k, valueEnd, value);
  const colon = doc.text.indexOf(':', k.range![1]);
  if (colon < 0 || colon > valueEnd) return undefined;
  const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(k.range![0]));
  if (valueEnd > lineEnd) return undefined;
  const keyIndent = doc.lines.positionAt(k.range![0]).character;
  const rest = doc.text.slice(valueEnd, lineEnd);
  return { span: { start: colon + 1, end: lineEnd }, newText: rest + doc.lines.eol + render(value, keyIndent + indentUnit(doc), indentUnit(doc)).join(doc.lines.eol) };
}

/** Writes `value` in flow style after the colon of the key `k`, in place of an empty value `v`. */
function valueAfterColon(doc: CaseDoc, k: Node, v: Node | null, value: unknown): TextEdit | undefined {
  const colon = doc.text.indexOf(':', k.range![1]);
  // Whatever an empty value's extent spans (spaces before a comment) stays.
  const written = v?.range && doc.text.slice(v.range[0], v.range[1]).trim() ? v.range[1] : colon + 1;
  return colon < 0 ? undefined : replaceAfterColon(doc, k, written, value);
}

/** Replaces what stands between the colon of the key `k` and `valueEnd` with ` value`, in flow style. */
function replaceAfterColon(doc: CaseDoc, k: Node, valueEnd: number, value: unknown): TextEdit | undefined {
  const colon = doc.text.indexOf(':', k.range![1]);
  if (colon < 0 || valueEnd < colon + 1) return undefined;
  return { span: { start: colon + 1, end: valueEnd }, newText: ` ${renderFlow(value)}` };
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
    if (isObjectValue(value)) return blockBelowKey(doc, path, k, doc.text.indexOf(':', k.range[1]) + 1, value);
    const colon = doc.text.indexOf(':', k.range[1]);
    if (colon < 0) return undefined;
    return { span: { start: colon + 1, end: colon + 1 }, newText: ` ${render(value, 0).join(' ')}` };
  }
  if (isScalar(v) && typeof v.value === 'string' && v.value.trim() === '' && !isObjectValue(value)) {
    return replaceValue(doc, path, render(value, 0).join(' '));
  }
  if (isCollection(v) && v.flow && v.items.length === 0 && v.range && isObjectValue(value)) {
    return blockBelowKey(doc, path, k, v.range[1], value);
  }
  return undefined;
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
  if (isObjectValue(value)) return blockBelowKey(doc, path, k, v.range[1], value);
  return { span: { start: v.range[0], end: v.range[1] }, newText: render(value, 0).join(' ') };
}
