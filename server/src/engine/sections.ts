import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, parseDocument, Scalar as ScalarNode, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Node, Scalar } from 'yaml';
import { readFast } from './fast-read';
import { PARSE_OPTIONS } from './parse-options';
import { ownCopy } from './text';
import type { Span } from './types';

/** The most aliases a file may expand: enough for any honest file, far too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;


/**
 * One top-level section of a case file (`case:`, `agencies:` …) read on its own: its text, where
 * it starts, its YAML (positions counted from the start of the whole file) and its plain value.
 */
export interface Section {
  readonly text: string;
  start: number;
  readonly pair: Pair;
  readonly value: Record<string, unknown>;
  /** A long list (`agencies:` and its items) is read an item at a time: its items, for reuse. */
  readonly items?: Item[];
}

/** One item of a long top-level list, read on its own. */
export interface Item {
  readonly text: string;
  start: number;
  readonly node: Node;
  /** The extent of the one-item list the item was read as: the whole list's extent is made from these. */
  readonly range: [number, number, number];
  readonly value: unknown;
}

/**
 * At most this many items are read together (see readRun): enough to share out the fixed cost of
 * a reading, few enough that its working data stays small (the 100× file: 55 ms read in runs of
 * any length, 47 ms in runs of 64, 54 ms one item at a time).
 */
const RUN_ITEMS = 64;

/** Top-level lists longer than this (in characters) are read an item at a time. */
export const SPLIT_LISTS_OVER = 8192;

/** What one reading leaves for the next version to reuse. */
export interface Pieces {
  sections: Section[];
  /** Items of lists that could not be read as a whole (a slip in one item): the others are kept. */
  items: Item[];
}

/**
 * The file read section by section: the same tree and value a whole-file parse gives; or, when
 * some part could not be read on its own, no tree (the caller reads the file whole) but the parts
 * that could, for the next version.
 */
export interface SectionedRead {
  yaml?: Document.Parsed;
  value?: Record<string, unknown>;
  pieces: Pieces;
}

/** A line that starts a top-level section: a plain key at the very start of the line. */
const SECTION_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?=[ \t]|\r?$)/;
const BLANK_OR_COMMENT = /^[ \t]*(?:#.*)?\r?$/;
/** The first line of a section that is its key line. */
const SECTION_KEY_LINE = /^[A-Za-z_]/m;

/**
 * Where each top-level section starts, or undefined when the file is not a plain mapping of
 * `key:` lines at the margin (a list, a scalar, a `---` or `%` line, anything unusual): those
 * files are read whole. Comment and blank lines at the margin stay with the section above.
 */
export function sectionStarts(text: string): number[] | undefined {
  const starts: number[] = [];
  for (let at = 0; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    const first = text.charCodeAt(at);
    // Indented lines (and empty ones) belong to the section above; only the margin is looked at.
    if (first !== 0x20 && first !== 0x09 && at !== end) {
      const line = text.slice(at, end);
      if (SECTION_KEY.test(line)) starts.push(starts.length === 0 ? 0 : at);
      else if (!BLANK_OR_COMMENT.test(line)) return undefined;
    }
    at = end + 1;
  }
  return starts.length > 0 ? starts : undefined;
}

/**
 * Reads a case file one top-level section at a time, reusing the parts of `previous` (what the
 * file's last version left) whose text has not changed: an edit re-reads only the section it is
 * in, and in a long list only the item. Gives no tree whenever the result might differ from
 * reading the whole file at once (a syntax error, an alias, a key written twice): the caller then
 * reads it whole, so messages and positions are exactly those of a whole-file read. Undefined
 * when the file is not a plain mapping of sections at all.
 *
 * Reused parts are moved, not copied: their positions are shifted to the new text and they are
 * taken out of `previous`.
 */
export function readSections(text: string, previous?: Pieces, splitListsOver = SPLIT_LISTS_OVER): SectionedRead | undefined {
  const starts = sectionStarts(text);
  if (!starts) return undefined;
  const reusable = new Pool<Section>();
  const reusableItems = new Pool<Item>();
  for (const s of previous?.sections.splice(0) ?? []) {
    reusable.add(s);
    for (const item of s.items ?? []) reusableItems.add(item);
  }
  for (const item of previous?.items.splice(0) ?? []) reusableItems.add(item);
  const texts = starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
  // Unchanged sections first, so that their items are not also taken for a changed list.
  const unchanged = texts.map((t) => reusable.take(t));
  for (const section of unchanged) for (const item of section?.items ?? []) reusableItems.remove(item);
  const pieces: Pieces = { sections: [], items: [] };
  // Short sections not read before are read a run at a time (one reading, not one each); long
  // lists, and runs that cannot be read together, one section at a time below.
  const short = (i: number) => !unchanged[i] && texts[i].length <= splitListsOver;
  const readTogether: (Section | undefined)[] = [];
  for (let i = 0; i < starts.length; ) {
    let end = i;
    while (end < starts.length && short(end)) end++;
    if (end - i > 1) readSectionRun(text, starts, i, end)?.forEach((section, k) => (readTogether[i + k] = section));
    i = Math.max(end, i + 1);
  }
  let whole = true;
  const keys = new Set<string>();
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    let section = unchanged[i];
    if (section) moveSection(section, start);
    else section = readTogether[i];
    if (!section) {
      const sectionText = ownCopy(texts[i]);
      section = (sectionText.length > splitListsOver ? readList(sectionText, start, reusableItems, pieces.items) : undefined) ?? readSection(sectionText, start);
      if (!section) {
        whole = false;
        // Without a last version there is nothing to keep the rest for (the next one will).
        if (!previous) return { pieces };
        continue;
      }
    }
    const key = String((section.pair.key as { value?: unknown }).value);
    if (keys.has(key)) whole = false;
    keys.add(key);
    pieces.sections.push(section);
  }
  if (!whole) return { pieces };
  pieces.items = [];
  return { ...assemble(text, pieces.sections), pieces };
}

/** One document of sections read apart: their pairs in one mapping, their values in one. */
function assemble(text: string, sections: readonly { pair: Pair; value: Record<string, unknown> }[]): { yaml: Document.Parsed; value: Record<string, unknown> } {
  const root = new YAMLMap();
  root.items = sections.map((s) => s.pair);
  const firstKey = sections[0].pair.key as Node;
  const last = sections[sections.length - 1].pair;
  const lastNode = ((last.value as Node | null) ?? (last.key as Node));
  root.range = [firstKey.range![0], lastNode.range![2], lastNode.range![2]];
  const yaml = new Document(undefined, PARSE_OPTIONS) as unknown as Document.Parsed;
  yaml.contents = root as unknown as typeof yaml.contents;
  yaml.range = [0, text.length, text.length];
  const value: Record<string, unknown> = {};
  for (const s of sections) Object.assign(value, s.value);
  return { yaml, value };
}

/**
 * A file with a slip, read a section at a time as far as it can be: each section that reads on
 * its own, and of a section with a slip what `yaml` makes of that section alone. A slip then
 * cannot reach past its section (an unclosed quote no longer swallows every section after it), so
 * the checks see what is written there, and do not report it missing. `read`: the sections the
 * first attempt did read (they are used as they are). `broken`: where the sections with a slip
 * stand. Undefined when the file is not a mapping of `key:` sections at the margin, or nothing in
 * it can be read.
 */
export function recoverSections(text: string, read?: Pieces): { yaml: Document.Parsed; value: Record<string, unknown>; broken: Span[] } | undefined {
  const starts = sectionStarts(text);
  if (!starts) return undefined;
  const done = new Map((read?.sections ?? []).map((s) => [s.start, s]));
  const sections: { pair: Pair; value: Record<string, unknown> }[] = [];
  const broken: Span[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const end = starts[i + 1] ?? text.length;
    const part = text.slice(start, end);
    // A part read before is taken only as it was: lines set aside (see setAside in slips/layout.ts)
    // make a section of what was two, at the same start.
    const before = done.get(start);
    let section: { pair: Pair; value: Record<string, unknown> } | undefined = before?.text === part ? before : readSection(part, start);
    if (!section) {
      broken.push({ start, end });
      section = partialSection(part, start);
    }
    if (!section) continue;
    const key = String((section.pair.key as Scalar).value);
    // A key written twice is reported as such; the first one stands, as in a whole reading.
    if (keys.has(key)) continue;
    keys.add(key);
    sections.push(section);
  }
  return sections.length ? { ...assemble(text, sections), broken } : undefined;
}

/**
 * Puts in place of each alias (`*name`) that cannot be read the text as written, and returns where
 * each stood. An alias that no anchor (`&name`) before it defines is a slip (text that starts with
 * `*`, as for emphasis); without this, reading the value fails and takes the rest of the file with
 * it. An alias inside the part its anchor marks (`base: &b` holding `<<: *b`) would make that part
 * contain itself for ever (`loops`). `offset` is where `doc`'s text starts in `text`.
 */
export function replaceMissingAliases(doc: Document, text: string, offset = 0): { span: Span; loops: boolean }[] {
  if (!text.includes('*')) return []; // no alias at all: no walk of the tree
  const anchors = new Map<string, unknown>();
  const found: { span: Span; loops: boolean }[] = [];
  visit(doc, (_, node, path) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      const loops = target !== undefined && path.includes(target as never);
      if ((target !== undefined && !loops) || !node.range) return undefined;
      const [start, end] = node.range;
      found.push({ span: { start: start + offset, end: end + offset }, loops });
      const written = new ScalarNode(text.slice(start + offset, end + offset));
      written.range = [start, end, node.range[2]];
      return written;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, node);
    return undefined;
  });
  return found;
}

/** What `yaml` makes of a section with a slip, read alone; undefined if not even its key can be had. */
function partialSection(text: string, start: number): { pair: Pair; value: Record<string, unknown> } | undefined {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const root = doc.contents;
  if (!isMap(root) || root.flow || !root.items.length) return undefined;
  const pair = root.items[0] as Pair;
  const key = pair.key as Node | null;
  // The key must be the section's own (after any comment lines that open the file).
  if (!isScalar(key) || typeof key.value !== 'string' || key.value === '__proto__' || key.range?.[0] !== text.search(SECTION_KEY_LINE)) return undefined;
  let value: unknown;
  try {
    replaceMissingAliases(doc, text);
    value = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null)?.[key.value];
  } catch {
    value = undefined;
  }
  shiftNode(pair, start);
  return { pair, value: { [key.value]: value } };
}

/** Things read before, found again by their text. */
class Pool<T extends { text: string }> {
  private readonly byText = new Map<string, T[]>();
  add(t: T): void {
    const list = this.byText.get(t.text);
    if (list) list.push(t);
    else this.byText.set(t.text, [t]);
  }
  take(text: string): T | undefined {
    // A first reading has nothing to reuse: no need to hash every part's text to find that out.
    if (this.byText.size === 0) return undefined;
    const list = this.byText.get(text);
    return list?.pop();
  }
  remove(t: T): void {
    const list = this.byText.get(t.text);
    const i = list?.lastIndexOf(t) ?? -1;
    if (i >= 0) list!.splice(i, 1);
  }
}

function moveSection(section: Section, start: number): void {
  const delta = start - section.start;
  if (delta === 0) return;
  shiftNode(section.pair, delta);
  section.start = start;
  for (const item of section.items ?? []) moveItem(item, item.start + delta, false);
}

function moveItem(item: Item, start: number, nodes = true): void {
  const delta = start - item.start;
  if (delta === 0) return;
  if (nodes) shiftNode(item.node, delta);
  item.start = start;
  item.range[0] += delta;
  item.range[1] += delta;
  item.range[2] += delta;
}

/** Whether the last line of `text` from `from` to `to` that holds anything is a comment. */
function endsInComment(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    // The last character written: on a comment line if a # starts that line's content.
    let lineStart = text.lastIndexOf('\n', i) + 1;
    if (lineStart < from) lineStart = from;
    while (text.charCodeAt(lineStart) === 0x20 || text.charCodeAt(lineStart) === 0x09) lineStart++;
    return text.charCodeAt(lineStart) === 0x23;
  }
  return false;
}
const LIST_HEADER = /^[A-Za-z_][A-Za-z0-9_-]*:[ \t]*(?:#.*)?\r?\n/;

/**
 * A section that is a block list (`key:` then `  - ` items) read an item at a time, reusing items
 * read before; undefined when the section is not such a list or anything is amiss.
 */
function readList(text: string, start: number, reusable: Pool<Item>, keep: Item[]): Section | undefined {
  if (!LIST_HEADER.test(text)) return undefined;
  // Where each item starts: lines at the items' indentation that start with a dash.
  const itemStarts: number[] = [];
  let indent = -1;
  for (let at = text.indexOf('\n') + 1; at < text.length; ) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    let lead = at;
    while (text.charCodeAt(lead) === 0x20) lead++;
    const c = text.charCodeAt(lead);
    // Lines indented past the items belong to the item above; only the others are looked at.
    if ((indent < 0 || lead - at <= indent) && lead < end && c !== 0x23 /* # */ && !(c === 0x0d && lead + 1 === end)) {
      if (c === 0x09) return undefined; // a tab where indentation counts
      if (indent < 0) indent = lead - at;
      if (lead - at < indent) return undefined;
      const next = text.charCodeAt(lead + 1);
      if (c !== 0x2d /* - */ || !(lead + 1 === end || next === 0x20 || (next === 0x0d && lead + 2 === end))) return undefined;
      itemStarts.push(at);
    }
    at = end + 1;
  }
  if (itemStarts.length < 2) return undefined;

  const head = readPart(text.slice(0, itemStarts[0]))?.node;
  if (!isMap(head) || head.items.length !== 1) return undefined;
  const headPair = head.items[0] as Pair;
  const emptyValue = headPair.value as Node | null;
  if (!isScalar(headPair.key) || (headPair.key as Scalar).value === '__proto__' || (emptyValue && !(isScalar(emptyValue) && emptyValue.value === null))) return undefined;
  const key = headPair.key as Scalar;

  // Items read before are taken back; the others are read a run at a time (one reading for a run
  // of new items, not one each), or one by one where a run cannot be read together.
  const found: (Item | undefined)[] = [];
  for (let i = 0; i < itemStarts.length; i++) {
    const from = itemStarts[i];
    const to = itemStarts[i + 1] ?? text.length;
    // Read with the rest of the list, comment lines ending an item stretch its extent in ways
    // that depend on what follows: such a list is read whole.
    if (i + 1 < itemStarts.length && endsInComment(text, from, to)) return undefined;
    const item = reusable.take(text.slice(from, to));
    if (item) moveItem(item, start + from);
    found.push(item);
  }
  const items: Item[] = [];
  let failed = false;
  for (let i = 0; i < itemStarts.length; ) {
    if (found[i]) {
      items.push(found[i]!);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < itemStarts.length && !found[end] && end - i < RUN_ITEMS) end++;
    const run = end - i > 1 ? readRun(text, start, itemStarts, i, end) : undefined;
    if (run) items.push(...run);
    else {
      for (let k = i; k < end; k++) {
        const item = readItem(ownCopy(text.slice(itemStarts[k], itemStarts[k + 1] ?? text.length)), start + itemStarts[k]);
        if (item) items.push(item);
        else failed = true;
      }
    }
    i = end;
  }
  if (failed) {
    keep.push(...items);
    return undefined;
  }
  if (start !== 0) shiftNode(key, start);
  const seq = new YAMLSeq();
  seq.items = items.map((i) => i.node);
  const first = items[0].range;
  const last = items[items.length - 1].range;
  seq.range = [first[0], last[1], last[2]];
  const pair = new Pair(key, seq);
  return { text, start, pair, value: { [String(key.value)]: items.map((i) => i.value) }, items };
}

/**
 * Items `first` to `end` (exclusive) of a list read together: each comes out as reading it on its
 * own would give it (the same node, extent and value), or undefined if the run cannot be read so.
 */
function readRun(text: string, start: number, itemStarts: number[], first: number, end: number): Item[] | undefined {
  const from = itemStarts[first];
  const to = itemStarts[end] ?? text.length;
  const fast = readFast(text.slice(from, to));
  const seq = fast?.node;
  if (!fast || !isSeq(seq) || seq.flow || seq.items.length !== end - first) return undefined;
  const nodes = seq.items as (Node | null)[];
  if (nodes.some((n) => !n || endsEmptyBeforeComments(n))) return undefined;
  const values = fast.value as unknown[];
  const items: Item[] = [];
  for (let k = first; k < end; k++) {
    const node = nodes[k - first]!;
    shiftNode(node, start + from);
    let dash = itemStarts[k];
    while (text.charCodeAt(dash) === 0x20) dash++;
    // A list of one ends where its item does; only the last can take comment lines after it.
    const valueEnd = node.range![2];
    const nodeEnd = k === end - 1 ? seq.range![2] + start + from : valueEnd;
    const itemText = ownCopy(text.slice(itemStarts[k], itemStarts[k + 1] ?? text.length));
    items.push({ text: itemText, start: start + itemStarts[k], node, range: [start + dash, valueEnd, nodeEnd], value: values[k - first] });
  }
  return items;
}

/** One list item read on its own (as a list of one), positions counted from `start`. */
function readItem(text: string, start: number): Item | undefined {
  const part = readPart(text);
  if (!part) return undefined;
  const seq = part.node;
  if (!isSeq(seq) || seq.flow || seq.items.length !== 1 || !seq.range) return undefined;
  const node = seq.items[0] as Node | null;
  // One walk both moves the positions and looks for aliases (a fresh read of a long file walks
  // every node of it).
  if (!node || endsEmptyBeforeComments(node) || shiftNode(node, start)) return undefined;
  const value = (part.value() as unknown[])[0];
  const r = seq.range;
  return { text, start, node, range: [r[0] + start, r[1] + start, r[2] + start], value };
}

/**
 * Sections `first` to `end` (exclusive) read together: each comes out as reading it on its own
 * would give it (readSection), or undefined if the run cannot be read so.
 */
function readSectionRun(text: string, starts: number[], first: number, end: number): Section[] | undefined {
  const from = starts[first];
  const fast = readFast(text.slice(from, starts[end] ?? text.length));
  const root = fast?.node;
  if (!fast || !isMap(root) || root.flow || root.items.length !== end - first) return undefined;
  const pairs = root.items as Pair[];
  const value = fast.value as Record<string, unknown>;
  const sections: Section[] = [];
  for (let k = first; k < end; k++) {
    const pair = pairs[k - first];
    const key = pair.key as Scalar;
    // Each section's key is the one at its start (the fast reader has let only string keys through).
    if (k > first && key.range![0] + from !== starts[k]) return undefined;
    if (endsEmptyBeforeComments(pair)) return undefined;
    sections.push({ text: ownCopy(text.slice(starts[k], starts[k + 1] ?? text.length)), start: starts[k], pair, value: { [key.value as string]: value[key.value as string] } });
  }
  // Read from the text's start (the usual first run), the positions are already right: no walk.
  if (from !== 0) for (const section of sections) shiftNode(section.pair, from);
  return sections;
}

/** One section read on its own, positions counted from `start`; undefined if anything is amiss. */
function readSection(text: string, start: number): Section | undefined {
  const part = readPart(text);
  if (!part) return undefined;
  const root = part.node;
  if (!isMap(root) || root.flow || root.items.length !== 1 || !isScalar(root.items[0].key)) return undefined;
  const pair = root.items[0] as Pair;
  if ((pair.key as { value?: unknown }).value === '__proto__' || endsEmptyBeforeComments(pair) || shiftNode(pair, start)) return undefined;
  const value = part.value() as Record<string, unknown>;
  return { text, start, pair, value };
}

/**
 * A part of the file read on its own: its tree, and its plain value when asked; undefined if it
 * has a slip. The fast reader takes what it can (see fast-read.ts); `yaml` reads the rest.
 */
function readPart(text: string): { node: Node | null; value: () => unknown } | undefined {
  const fast = readFast(text);
  if (fast) return { node: fast.node, value: () => fast.value };
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  // A reference to nothing, or to the part it stands in, is a slip for the whole reading to report.
  if (replaceMissingAliases(doc, text).length) return undefined;
  return { node: doc.contents as Node | null, value: () => doc.toJS() };
}

/**
 * Whether the section ends in an empty value followed by comment lines: read whole, that value's
 * extent stops before the next section's key in a way a section read alone cannot know.
 */
function endsEmptyBeforeComments(from: Pair | Node): boolean {
  let last: Node | Pair | null | undefined = from;
  for (;;) {
    if (isPair(last)) last = (last.value as Node | null) ?? (last.key as Node | null);
    else if ((isMap(last) || isSeq(last)) && last.items.length > 0) last = last.items[last.items.length - 1] as Node | Pair;
    else break;
  }
  const r = (last as Node | null | undefined)?.range;
  return !!r && r[0] === r[1] && r[2] > r[1];
}

/**
 * Moves every position in a pair or node by `delta` characters (0: none), and tells whether an
 * alias or anchor stands in it (a part that has one cannot be read on its own).
 */
function shiftNode(n: Node | Pair | null | undefined, delta: number): boolean {
  if (!n) return false;
  if (isPair(n)) {
    const inKey = shiftNode(n.key as Node | null, delta);
    return shiftNode(n.value as Node | null, delta) || inKey;
  }
  // In place: each node has its own range array, and a walk that made new ones left a heap of
  // garbage behind every keystroke.
  const r = n.range;
  if (r && delta !== 0) {
    r[0] += delta;
    r[1] += delta;
    r[2] += delta;
  }
  let aliased = isAlias(n) || !!n.anchor;
  if (isMap(n) || isSeq(n)) for (const item of n.items as (Node | Pair | null)[]) if (shiftNode(item, delta)) aliased = true;
  return aliased;
}
