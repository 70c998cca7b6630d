import * as jsYaml from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { Pair, Scalar, Schema, YAMLMap, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

/**
 * A fast reading of a plain part of a case file, giving the same tree (node kinds, positions,
 * scalar styles and values) and the same plain value as the `yaml` library's `parseDocument`.
 *
 * Why: `yaml` keeps every token of the text while it reads, and reading was nine tenths of the
 * time the checker took on a long file. js-yaml's event reader finds the same structure four to
 * five times faster and tells where each part stands; from its events we build `yaml`'s own node
 * objects, so the rest of the checker does not know which reader ran.
 *
 * It reads only what is common in a case file. Whatever else it meets (a syntax slip, an anchor,
 * an alias, a tag, a key written twice or not a string, a `? ` key, a directive or a second
 * document, a comment or line break where `yaml` stretches a value's extent over it) makes it give
 * up, and the caller reads the text with `yaml`, so messages and positions for anything unusual
 * are exactly `yaml`'s. The test in test/engine/fast-read.test.ts holds the
 * two readers to the same result over every fixture and example, whole and in the parts the
 * section reader cuts.
 */
export interface FastRead {
  /** The document's content: null for an empty text. */
  readonly node: Node | null;
  readonly value: unknown;
}

// Taken out once: where js-yaml is bundled as CommonJS, every use of an imported name is a read
// through an interop getter, and these are used for every node of every file.
const {
  parseEvents,
  getScalarValue,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  COLLECTION_STYLE_FLOW,
  SCALAR_STYLE_DOUBLE_QUOTED,
  SCALAR_STYLE_FOLDED_BLOCK,
  SCALAR_STYLE_LITERAL_BLOCK,
  SCALAR_STYLE_PLAIN,
  SCALAR_STYLE_SINGLE_QUOTED,
  CHOMPING_KEEP,
} = jsYaml;

/** YAML 1.2 core schema tags, as `yaml` resolves a plain scalar (null, bool, int, float). */
const SCHEMA = new Schema({ schema: 'core' });
const PLAIN_TAGS = SCHEMA.tags.filter((t) => t.default === true && t.test && 'resolve' in t);
/** Any of those tags' own patterns at once: most plain scalars are text, and this one test says so. */
const ANY_PLAIN_TAG = PLAIN_TAGS.every((t) => !t.test!.flags) ? new RegExp(PLAIN_TAGS.map((t) => `(?:${t.test!.source})`).join('|')) : /(?:)/;
const RESOLVE_OPTIONS = { intAsBigInt: false } as never;

/**
 * `yaml` marks each node with its kind (the symbol its isScalar, isMap and the like read) through
 * Object.defineProperty in the constructor, a call V8 makes slowly until the code is hot. The nodes
 * made here take the same mark from their prototype instead: same class, same fields, same answers
 * from `yaml`'s checks.
 */
function markedPrototype<T extends object>(sample: T): T {
  const proto = Object.create(Object.getPrototypeOf(sample)) as T;
  // The mark, and a collection's schema: what the constructors define as hidden properties.
  for (const key of Reflect.ownKeys(sample)) {
    const d = Object.getOwnPropertyDescriptor(sample, key)!;
    if (!d.enumerable) Object.defineProperty(proto, key, d);
  }
  return proto;
}
const SCALAR_PROTO = markedPrototype(new Scalar(null));
const MAP_PROTO = markedPrototype(new YAMLMap());
const SEQ_PROTO = markedPrototype(new YAMLSeq());
const PAIR_PROTO = markedPrototype(new Pair(null));

function newScalar(value: unknown): Scalar {
  const s = Object.create(SCALAR_PROTO) as Scalar;
  s.value = value;
  return s;
}
function newCollection<T extends YAMLMap | YAMLSeq>(proto: T): T {
  const c = Object.create(proto) as T;
  c.items = [];
  return c;
}
function newPair(key: Scalar, value: Node): Pair {
  const p = Object.create(PAIR_PROTO) as Pair;
  p.key = key;
  p.value = value;
  return p;
}

/**
 * Text that may hold a `? ` key, a directive or document marker, a tab in an indentation, a
 * carriage return that does not end a line, or a byte-order mark (the two readers treat those
 * differently): left to `yaml`.
 */
const UNUSUAL_LINE = /^(?:[ \t-]*\?[ \t\r\n]|%|(?:---|\.\.\.)(?:[ \t\r\n]|$)| *\t)/m;
function unusual(text: string): boolean {
  if (text.indexOf('\uFEFF') >= 0 || (text.indexOf('\r') >= 0 && /\r(?!\n)/.test(text))) return true;
  // The pattern tries every line; a search for the characters it needs is many times faster, and
  // most parts of a case file hold none of them.
  const mayHold = text.indexOf('?') >= 0 || text.indexOf('%') >= 0 || text.indexOf('\t') >= 0 || text.indexOf('---') >= 0 || text.indexOf('...') >= 0;
  return mayHold && UNUSUAL_LINE.test(text);
}

interface Frame {
  readonly node: YAMLMap | YAMLSeq;
  readonly value: Record<string, unknown> | unknown[];
  readonly flow: boolean;
  readonly start: number;
  /** Whether the collection stands inside brackets itself. */
  readonly parentFlow: boolean;
  /** The column it starts at. */
  readonly indent: number;
  /** In a mapping, the key read and waiting for its value. */
  key?: Scalar;
}

/** Reads `text`, or gives up (undefined) when it holds anything outside the plain subset. */
export function readFast(text: string): FastRead | undefined {
  if (unusual(text)) return undefined;
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  const stack: Frame[] = [];
  let documents = 0;
  let root: { node: Node; value: unknown } | undefined;

  /** Puts a finished node where it belongs; false to give up. */
  const place = (node: Node, value: unknown): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = { node, value };
      return true;
    }
    if (top.node instanceof YAMLSeq) {
      top.node.items.push(node);
      (top.value as unknown[]).push(value);
      return true;
    }
    if (!top.key) {
      // Only a scalar key whose value is a string, and no key JavaScript objects treat specially.
      if (!(node instanceof Scalar) || typeof value !== 'string' || value === '__proto__' || value === '<<') return false;
      const record = top.value as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(record, value)) return false;
      top.key = node;
      return true;
    }
    const key = top.key;
    top.key = undefined;
    // A key with nothing after it: `yaml` places the empty value just after the colon.
    if (node instanceof Scalar && node.range![0] < 0) {
      if (!placeEmptyAfter(text, node, key.range![1], 0x3a /* : */, top.flow)) return false;
    }
    top.node.items.push(newPair(key, node));
    (top.value as Record<string, unknown>)[key.value as string] = value;
    return true;
  };

  for (const e of events) {
    switch (e.type) {
      case EVENT_DOCUMENT:
        if (++documents > 1 || e.explicitStart || e.explicitEnd || e.directives.length > 0) return undefined;
        break;
      case EVENT_MAPPING:
      case EVENT_SEQUENCE: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const map = e.type === EVENT_MAPPING;
        const node = map ? newCollection<YAMLMap>(MAP_PROTO) : newCollection<YAMLSeq>(SEQ_PROTO);
        const flow = e.style === COLLECTION_STYLE_FLOW;
        if (flow) node.flow = true;
        stack.push({ node, value: map ? {} : [], flow, start: e.start, parentFlow: stack[stack.length - 1]?.flow ?? false, indent: columnOf(text, e.start) });
        break;
      }
      case EVENT_SCALAR: {
        if (e.anchorStart >= 0 || e.tagStart >= 0) return undefined;
        const top = stack[stack.length - 1];
        const inFlow = top?.flow ?? false;
        const inMap = top?.node instanceof YAMLMap;
        const isKey = inMap && !top.key;
        const scalar = readScalar(text, e, isKey ? 'key' : inFlow ? 'flow' : 'block', inFlow);
        if (!scalar) return undefined;
        // An empty value that is not a mapping's (a list item, a document): rare enough to leave to `yaml`.
        if (scalar.range![0] < 0 && !(inMap && top.key)) return undefined;
        if (top && !inFlow && !isKey && commentIndentedUnder(text, scalar.range![2], top.indent)) return undefined;
        if (!place(scalar, scalar.value)) return undefined;
        break;
      }
      case EVENT_ALIAS:
        return undefined;
      case EVENT_POP: {
        const frame = stack.pop();
        if (!frame) break; // the document's end
        if (frame.key) return undefined; // a key with no value event: not expected
        if (!finishCollection(text, frame)) return undefined;
        if (frame.flow && !frame.parentFlow && stack.length > 0 && commentIndentedUnder(text, frame.node.range![2], stack[stack.length - 1].indent)) return undefined;
        if (!place(frame.node as Node, frame.value)) return undefined;
        break;
      }
      default:
        return undefined;
    }
  }
  if (stack.length > 0) return undefined;
  if (!root) return { node: null, value: null };
  return root;
}

function columnOf(text: string, at: number): number {
  return at - text.lastIndexOf('\n', at - 1) - 1;
}

/**
 * Whether the next line that holds anything after `at` is a comment indented past `indent`: `yaml`
 * makes such a comment part of the value above it, in ways left to `yaml` itself.
 */
function commentIndentedUnder(text: string, at: number, indent: number): boolean {
  let i = at;
  if (text.charCodeAt(i - 1) !== 0x0a) return false; // the value's line goes on (a comment on it is taken in)
  while (i < text.length) {
    let j = i;
    while (isSpace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (c === 0x23) return j - i > indent;
    if (c !== 0x0a && c !== 0x0d) return false;
    const nl = text.indexOf('\n', j);
    if (nl < 0) return false;
    i = nl + 1;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * The end of a node's trailing extent: a key has none; in brackets, the spaces after it; else the
 * rest of its line. -1 where brackets run on over a line break or a comment: `yaml` takes some of
 * that in, and such text is left to it.
 */
function trailing(text: string, end: number, at: Place, inFlow: boolean): number {
  if (at === 'block') return afterLineEnd(text, end);
  let i = end;
  while (isSpace(text.charCodeAt(i))) i++;
  if (inFlow) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x23) return -1;
  }
  return at === 'key' ? end : i;
}

/** After `at`: spaces, a comment, then the line break; where that ends. */
function afterLineEnd(text: string, at: number): number {
  let i = at;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x23 /* # */) {
    const nl = text.indexOf('\n', i);
    return nl < 0 ? text.length : nl + 1;
  }
  if (text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a) return i + 2;
  if (text.charCodeAt(i) === 0x0a) return i + 1;
  return i;
}

/**
 * Gives an empty value (no text of its own) the place `yaml` gives it: just after the indicator
 * (`:`) that follows `from`, past any spaces. Where a comment follows an empty value, `yaml`
 * stretches the value's extent over it in ways that depend on what comes next: false, to leave
 * such text to `yaml`.
 */
function placeEmptyAfter(text: string, node: Scalar, from: number, indicator: number, inFlow: boolean): boolean {
  if (inFlow) return false;
  let i = from;
  while (isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== indicator) return false;
  i++;
  while (isSpace(text.charCodeAt(i))) i++;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x23) return false;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
  }
  node.range = [i, i, i];
  return true;
}

const STYLE: Record<number, Scalar.Type> = {
  [SCALAR_STYLE_PLAIN]: 'PLAIN',
  [SCALAR_STYLE_SINGLE_QUOTED]: 'QUOTE_SINGLE',
  [SCALAR_STYLE_DOUBLE_QUOTED]: 'QUOTE_DOUBLE',
  [SCALAR_STYLE_LITERAL_BLOCK]: 'BLOCK_LITERAL',
  [SCALAR_STYLE_FOLDED_BLOCK]: 'BLOCK_FOLDED',
};

/** Where a node stands decides what its trailing extent takes in. */
type Place = 'key' | 'flow' | 'block';

/** A scalar node as `yaml` makes it: value resolved, style, source and range. */
function readScalar(text: string, e: ScalarEvent, at: Place, inFlow: boolean): Scalar | undefined {
  const type = STYLE[e.style];
  if (!type) return undefined;
  const source = getScalarValue(text, e);
  let value: unknown = source;
  let format: string | undefined;
  if (e.style === SCALAR_STYLE_PLAIN) {
    const tag = ANY_PLAIN_TAG.test(source) ? PLAIN_TAGS.find((t) => t.test!.test(source)) : undefined;
    if (tag) {
      const resolved = (tag as { resolve: (s: string, onError: () => void, o: never) => unknown }).resolve(source, () => undefined, RESOLVE_OPTIONS);
      if (resolved instanceof Scalar) return finishScalar(text, resolved, e, type, source, tag.format, at, inFlow);
      value = resolved;
      format = tag.format;
    }
  }
  return finishScalar(text, newScalar(value), e, type, source, format, at, inFlow);
}

function finishScalar(text: string, scalar: Scalar, e: ScalarEvent, type: Scalar.Type, source: string, format: string | undefined, at: Place, inFlow: boolean): Scalar | undefined {
  scalar.type = type;
  (scalar as { source?: string }).source = source;
  if (format) scalar.format = format;
  if (e.valueStart < 0) {
    scalar.range = [-1, -1, -1];
    return scalar;
  }
  let start = e.valueStart;
  let end = e.valueEnd;
  if (e.style === SCALAR_STYLE_SINGLE_QUOTED || e.style === SCALAR_STYLE_DOUBLE_QUOTED) {
    start--;
    end++;
  } else if (e.style === SCALAR_STYLE_LITERAL_BLOCK || e.style === SCALAR_STYLE_FOLDED_BLOCK) {
    // The header (`|`, `>-` …) stands on the line before the content.
    const headerEnd = text.charCodeAt(start - 1) === 0x0a ? start - 1 : start;
    const lineStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
    const header = /(?:^|[ \t])([|>][0-9+-]*)[ \t]*(?:#.*)?\r?$/.exec(text.slice(lineStart, headerEnd));
    // An indentation indicator (`|2`) is left to `yaml`.
    if (!header || /[0-9]/.test(header[1])) return undefined;
    start = lineStart + header.index + header[0].indexOf(header[1]);
    if (e.chomping !== CHOMPING_KEEP) {
      // Trailing blank lines are not part of it: it ends with the line break of its last line.
      let last = end;
      while (last > start) {
        const c = text.charCodeAt(last - 1);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) last--;
        else break;
      }
      // With no content at all, `yaml` gives the blank lines to it in its own way.
      if (last <= headerEnd) return undefined;
      const nl = text.indexOf('\n', last);
      end = nl < 0 ? text.length : nl + 1;
    }
    scalar.range = [start, end, end];
    return scalar;
  }
  const after = trailing(text, end, at, inFlow);
  if (after < 0) return undefined;
  scalar.range = [start, end, after];
  return scalar;
}

/** A collection's extent, as `yaml` gives it; false to give up. */
function finishCollection(text: string, frame: Frame): boolean {
  const items = frame.node.items as (Node | Pair)[];
  const lastItem = items[items.length - 1];
  const last = lastItem instanceof Pair ? ((lastItem.value as Node | null) ?? (lastItem.key as Node)) : lastItem;
  if (frame.flow) {
    // Past the last item to the closing bracket.
    const close = frame.node instanceof YAMLMap ? 0x7d : 0x5d;
    let i = last ? last.range![1] : frame.start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === close) break;
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c /* , */) i++;
      else return false; // a comment inside brackets, or anything unexpected
    }
    const end = i + 1;
    const after = trailing(text, end, frame.parentFlow ? 'flow' : 'block', frame.parentFlow);
    if (after < 0) return false;
    frame.node.range = [frame.start, end, after];
    return true;
  }
  if (!last) return false;
  const end = last.range![2];
  frame.node.range = [frame.start, end, trailingComments(text, end, frame.indent)];
  return true;
}

/**
 * The comment lines (and blank lines) that follow a block collection at `at` belong to it, as
 * `yaml` reads them, when the collection is indented and one of the comments is indented at least
 * as far as the collection; otherwise they go to the collection around it. Where they end (at the
 * next line's first character) if they belong, else `at`.
 */
function trailingComments(text: string, at: number, indent: number): number {
  if (indent === 0) return at;
  let belongs = false;
  let i = at;
  while (i < text.length) {
    let j = i;
    while (isSpace(text.charCodeAt(j))) j++;
    const c = text.charCodeAt(j);
    if (c === 0x23) {
      if (j - i >= indent) belongs = true;
    } else if (!(c === 0x0a || (c === 0x0d && text.charCodeAt(j + 1) === 0x0a) || j >= text.length)) {
      // Up to what comes next, its indentation included.
      i = j;
      break;
    }
    const nl = text.indexOf('\n', j);
    i = nl < 0 ? text.length : nl + 1;
  }
  return belongs ? i : at;
}
