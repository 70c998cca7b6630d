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
