import { Lexer } from 'yaml';
import type { Path } from './document';
import type { LineIndex } from './lines';

/**
 * Where a cursor stands in a file being typed, read from the indentation of the lines above it
 * rather than from the parse: a half-written line rarely parses, but its indentation says which
 * section it belongs to.
 */

/** The structure of one line: a list dash, a key, what follows the colon. */
interface Shape {
  blank: boolean;
  dash?: number;
  key?: string;
  keyCol?: number;
  /** After the colon, without a trailing comment. */
  rest?: string;
  /** Where the content after the dash (or the indent) starts. */
  contentCol: number;
}

const KEY = /^("([^"]*)"|'([^']*)'|[A-Za-z_$][\w$-]*)[ \t]*:(?=\s|$)/;

export function lineShape(text: string): Shape {
  const indent = text.length - text.trimStart().length;
  let col = indent;
  let dash: number | undefined;
  if (/^-(\s|$)/.test(text.slice(col))) {
    dash = col;
    col++;
    while (text[col] === ' ') col++;
  }
  const content = text.slice(col);
  if (!content.trim() && dash === undefined) return { blank: true, contentCol: col };
  if (content.startsWith('#')) return dash === undefined ? { blank: true, contentCol: col } : { blank: false, dash, contentCol: col };
  const m = KEY.exec(content);
  if (!m) return { blank: false, dash, contentCol: col };
  const rest = content.slice(m[0].length).replace(/(^|\s)#.*$/, '').trim();
  return { blank: false, dash, key: m[2] ?? m[3] ?? m[1], keyCol: col, rest, contentCol: col };
}

function minCol(s: Shape): number {
  return s.dash ?? s.keyCol ?? s.contentCol;
}

/** A value that opens nothing below it: a block scalar indicator or inline text means the lines below belong to it. */
export function opensChildren(rest: string | undefined): boolean {
  return rest === undefined || rest === '' || /^[&!][^\s]*$/.test(rest);
}

const OUTLINES = new WeakMap<LineIndex, Outline>();

/**
 * The outline of a text's lines, worked out once per text: completion asks at every keystroke,
 * and the slip reader for every line it explains.
 */
export function outlineOf(lines: LineIndex): Outline {
  let o = OUTLINES.get(lines);
  if (!o) OUTLINES.set(lines, (o = new Outline(lines)));
  return o;
}

export class Outline {
  private readonly shapes: Shape[] = [];

  constructor(readonly lines: LineIndex) {
    for (let i = 0; i < lines.lineCount; i++) this.shapes.push(lineShape(lines.lineText(i)));
  }

  shape(line: number): Shape {
    return this.shapes[line];
  }

  /** The index of the list item whose dash stands on `line`, counting its siblings above. */
  itemIndex(line: number, dash: number): number {
    let n = 0;
    for (let i = line - 1; i >= 0; i--) {
      const s = this.shapes[i];
      if (s.blank) continue;
      if (s.dash === dash) n++;
      else if (minCol(s) < dash || (s.keyCol === dash && s.dash === undefined)) break;
    }
    return n;
  }

  /**
   * The path of the mapping that holds a key at `col` on `line` (mode `map`), or of the list whose
   * dashes stand at `col` (mode `seq`). Undefined inside a block of text or where the layout is
   * not one the format uses.
   */
  container(line: number, col: number, mode: 'map' | 'seq'): Path | undefined {
    // A key at the margin is a section's, whatever stands above it (text pasted there too).
    if (mode === 'map' && col === 0) return [];
    const path: (string | number)[] = [];
    let target = col;
    for (let i = line - 1; i >= 0; i--) {
      const s = this.shapes[i];
      if (s.blank) continue;
      if (mode === 'map') {
        if (s.keyCol === target || (s.dash !== undefined && s.contentCol === target)) {
          if (s.dash === undefined || s.dash >= target) continue; // a sibling key
          path.unshift(this.itemIndex(i, s.dash)); // the first key of the item we are in
          target = s.dash;
          mode = 'seq';
          continue;
        }
        if (minCol(s) > target || s.dash === target) continue; // deeper, or a sibling's list written flush with it
        if (s.keyCol === undefined || s.keyCol > target || !opensChildren(s.rest)) return undefined;
      } else {
        if (s.dash === target || minCol(s) > target) continue;
        if (s.keyCol === undefined || s.keyCol > target || !opensChildren(s.rest)) return undefined;
      }
      // A parent key; when it opens a list item, the item is a parent too.
      path.unshift(s.key!);
      if (s.dash !== undefined) {
        path.unshift(this.itemIndex(i, s.dash));
        target = s.dash;
        mode = 'seq';
      } else {
        target = s.keyCol!;
        mode = 'map';
      }
    }
    return mode === 'map' ? path : undefined;
  }

  /** The keys written at `col` in the same mapping as `line` (above it too, unless `line` starts a list item). */
  siblingKeys(line: number, col: number, above = true): string[] {
    const keys: string[] = [];
    for (let i = above ? line - 1 : -1; i >= 0; i--) {
      const s = this.shapes[i];
      if (s.blank) continue;
      if (s.keyCol === col && s.key) keys.push(s.key);
      if (s.dash !== undefined && s.dash < col) break; // the item's first line
      if (minCol(s) < col) break;
    }
    for (let i = line + 1; i < this.shapes.length; i++) {
      const s = this.shapes[i];
      if (s.blank) continue;
      if (minCol(s) < col) break;
      if (s.keyCol === col && s.dash === undefined && s.key) keys.push(s.key);
    }
    return keys;
  }
}

/**
 * Where a cursor stands inside a collection written in brackets (`agencies: [csc, |]`,
 * `- { agency: |, date: 2016-02-03 }`), over one line or several.
 */
export interface FlowPlace {
  /** The path of the value the outermost bracket opens; undefined where the lines above do not say. */
  path: Path | undefined;
  /** Within that value: a key of a mapping, the value of a key, an item of a list. */
  at: 'key' | 'value' | 'item';
  /** The path of the mapping (`key`), of the key's value (`value`) or of the item (`item`). */
  inner: (string | number)[];
  /** The word being written, replaced by what is chosen (empty where the cursor is between words). */
  span: { start: number; end: number };
  /** The keys written in the same mapping, or the items written in the same list, but the one being written. */
  present: string[];
  /** A key being written before a colon already there: only the key's name is replaced. */
  renaming: boolean;
}

/** A bracket that opens a line's value: after `key:`, after a list dash, or both. */
const OPENS_FLOW = /^([ \t]*)(-[ \t]+)?(?:("[^"]*"|'[^']*'|[A-Za-z_$][\w$-]*)[ \t]*:[ \t]+)?[[{]/;
/** How far below the cursor a list in brackets is read for the entries written after it. */
const FLOW_LINES_AFTER = 200;

interface Frame {
  kind: 'seq' | 'map';
  /** The path from the outermost bracket; undefined inside a key written as a collection. */
  path: (string | number)[] | undefined;
  /** Seq: the item being read. */
  index: number;
  /** Map: the key of the entry being read, and whether its colon has been read. */
  key?: string;
  colon: boolean;
  /** Whether a value (map) or an item (seq) is written at the current place. */
  written: boolean;
  keys: string[];
  items: Map<number, string>;
}

/**
 * Whether `offset` stands inside a collection written in brackets, and where in it. Undefined when
 * it does not. The bracket is found from the indentation of the lines above (as for block style)
 * and what is between it and the cursor read as YAML reads it (quotes, notes and nested brackets).
 */
export function flowPlace(outline: Outline, offset: number): FlowPlace | null | undefined {
  const { lines } = outline;
  const cursorLine = lines.lineOf(offset);
  const lineText = lines.lineText(cursorLine);
  const content = lineText.trimStart();
  let limit = content ? lineText.length - content.length : offset - lines.lineStart(cursorLine);
  let found: FlowPlace | null | undefined;
  // The cursor's line, then each line above indented less than the last: a bracket left open on
  // one of them holds the cursor. A line with no bracket ends the search: a bracket above it would
  // have to close before it.
  const all = lines.text;
  for (let l = cursorLine; l >= 0; l--) {
    // Read in place: in a long list, the lines passed over are thousands.
    const start = lines.lineStart(l);
    const end = lines.lineEnd(l);
    let i = start;
    while (i < end && (all.charCodeAt(i) === 32 || all.charCodeAt(i) === 9)) i++;
    const indent = i - start;
    if (l !== cursorLine) {
      if (i === end || all.charCodeAt(i) === 35 || indent >= limit) continue;
      limit = indent;
    }
    const text = lines.lineText(l);
    const m = OPENS_FLOW.exec(text);
    if (!m) {
      if (l !== cursorLine) break;
      continue;
    }
    const open = lines.lineStart(l) + m[0].length - 1;
    if (open >= offset) continue;
    const place = readFlow(lines.text, open, offset, flowEnd(lines, cursorLine, indent));
    if (place) found = { ...place, path: flowHolder(outline, l, m) };
    else if (place === null) found = null;
    if (!indent) break;
  }
  return found;
}

/** Where the brackets of a line indented `indent` may go on to: the lines below the cursor's indented further (or closing them). */
function flowEnd(lines: LineIndex, cursorLine: number, indent: number): number {
  let last = cursorLine;
  for (let l = cursorLine + 1; l < lines.lineCount && l <= cursorLine + FLOW_LINES_AFTER; l++) {
    const t = lines.lineText(l);
    const content = t.trimStart();
    if (content && t.length - content.length <= indent && !/^[\]}]/.test(content)) break;
    last = l;
  }
  return lines.lineEnd(last);
}

/** The path of the value that a bracket on `line` opens (`m`: OPENS_FLOW's match on it). */
function flowHolder(outline: Outline, line: number, m: RegExpExecArray): Path | undefined {
  const indent = m[1].length;
  const item = m[2] ? outline.container(line, indent, 'seq') : undefined;
  const itemPath = item && [...item, outline.itemIndex(line, indent)];
  if (!m[3]) return itemPath;
  const holder = m[2] ? itemPath : outline.container(line, indent, 'map');
  return holder && [...holder, m[3].replace(/^["']|["']$/g, '')];
}

/**
 * Reads the collection whose bracket stands at `open`, as far as `end`: where `offset` is in it
 * (null where nothing can be written there, as after a word with a space), or undefined if the
 * bracket closes before it.
 */
function readFlow(text: string, open: number, offset: number, end: number): Omit<FlowPlace, 'path'> | null | undefined {
  const stack: Frame[] = [];
  let place: (Omit<FlowPlace, 'present' | 'path'> & { frame: Frame; own?: string | number }) | null | undefined;
  let pos = open;
  /** The last word read in the innermost collection since its last bracket, comma or colon. */
  let last: string | undefined;
  /** Where in the innermost collection the cursor stands, `word` the one it is in (if any). */
  const locate = (word: { start: number; end: number; value: string } | undefined, after: string): typeof place => {
    const f = stack[stack.length - 1];
    const span = word ? { start: word.start, end: word.end } : { start: offset, end: offset };
    if (!f.path) return null;
    if (f.kind === 'seq') return f.written && !word ? null : { at: 'item', inner: [...f.path, f.index], span, renaming: false, frame: f, own: f.index };
    if (f.colon) return f.written && !word ? null : { at: 'value', inner: [...f.path, f.key!], span, renaming: false, frame: f };
    // A key written, and the cursor after it: nothing goes there but its colon.
    if (last !== undefined && !word) return null;
    return { at: 'key', inner: f.path, span, renaming: !!word && /^[ \t]*:/.test(after), frame: f, own: word?.value };
  };
  let lineEnd = offset;
  while (lineEnd < end && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  for (const token of new Lexer().lex(text.slice(open, end))) {
    // Marks of the reader's own (the start of a document, of a word) take no room in the text.
    if (token === '\x02' || token === '\x1f' || token === '\u{FEFF}' || !token) continue;
    const start = pos;
    pos += token.length;
    if (token === '\x18') break; // a bracket YAML stops reading at, never closed
    const f = stack[stack.length - 1];
    const word = token[0] === '"' || token[0] === "'" || !/^[[\]{},:#&*!\s]/.test(token);
    if (place === undefined && f && (start >= offset || (word && pos >= offset))) {
      // Text over several lines is no word to complete.
      if (word && start < offset && /[\r\n]/.test(text.slice(start, offset))) return null;
      place = locate(word && start <= offset ? { start, end: Math.min(pos, lineEnd), value: unquote(token) } : undefined, text.slice(pos, pos + 40));
      if (!place) return null;
    }
    if (token === '[' || token === '{') {
      const path = !f ? [] : f.path && (f.kind === 'seq' ? [...f.path, f.index] : f.colon ? [...f.path, f.key!] : undefined);
      if (f) f.written = true;
      stack.push({ kind: token === '[' ? 'seq' : 'map', path, index: 0, colon: false, written: false, keys: [], items: new Map() });
    } else if (!f) {
      continue;
    } else if (token === ']' || token === '}' || token === ',') {
      if (f.kind === 'map' && last !== undefined && !f.colon) f.keys.push(last);
      if (token !== ',') {
        stack.pop();
        if (!stack.length) break;
      } else if (f.kind === 'seq') f.index++;
      f.colon = f.written = false;
      f.key = undefined;
    } else if (token === ':') {
      if (f.kind === 'map' && !f.colon) {
        f.key = last ?? '';
        f.keys.push(f.key);
        f.colon = true;
      }
    } else if (word) {
      if (f.kind === 'seq') f.items.set(f.index, unquote(token));
      f.written = f.kind === 'seq' || f.colon;
      last = unquote(token);
      continue;
    } else continue;
    last = undefined;
  }
  // The text ends (or YAML stops reading) with the bracket still open, and the cursor in it.
  if (place === undefined && stack.length && pos >= offset) place = locate(undefined, '');
  if (!place) return place;
  const { frame: f, own, ...rest } = place;
  const present = f.kind === 'seq' ? [...f.items].filter(([i]) => i !== own).map(([, v]) => v) : f.keys.filter((k) => k !== own);
  return { ...rest, present };
}

/** A word as YAML reads it: without its quotes (an unclosed quote too). */
function unquote(token: string): string {
  const q = token[0];
  if (q !== '"' && q !== "'") return token.trim();
  const body = token.slice(1, token.length > 1 && token.endsWith(q) ? -1 : undefined);
  return q === "'" ? body.replace(/''/g, "'") : body.replace(/\\(.)/g, '$1');
}
