/**
 * What a line of a case file holds, told from its text alone: a key and its value, the header of
 * a block of text, how far the line is indented. The parts of the slip reader read lines through
 * these; nothing here reads the file as YAML.
 */
import type { LineIndex } from '../lines';
import { textLength } from '../quoting';
import type { Span } from '../types';

const KEY_LINE = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:[ \t]+(?=\S)/;

/** A `key: value` line: where the value starts, its text (before any note) and the note. */
export interface ValueLine {
  line: number;
  key: string;
  /** The column of the key (after any `- `). */
  keyColumn: number;
  valueStart: number;
  text: string;
  note: string;
}

/** A key line: its key, its indentation, the column of the key (after any `- `) and its value ('' for none). */
export interface KeyLine {
  line: number;
  key: string;
  indent: number;
  column: number;
  dash: boolean;
  value: string;
}

export function valueLine(lines: LineIndex, line: number): ValueLine | undefined {
  const t = lines.lineText(line);
  const m = KEY_LINE.exec(t);
  if (!m) return undefined;
  const rest = t.slice(m[0].length);
  const len = textLength(rest);
  return { line, key: m[3], keyColumn: m[1].length + m[2].length, valueStart: lines.lineStart(line) + m[0].length, text: rest.slice(0, len), note: rest.slice(len).trim() };
}

/** The key on `line` (with no value, or a value), with its columns; undefined for any other line. */
export function keyAt(lines: LineIndex, line: number): KeyLine | undefined {
  if (line < 0 || line >= lines.lineCount) return undefined;
  const m = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:(?=[ \t]|$)(.*)$/.exec(lines.lineText(line));
  if (!m) return undefined;
  const rest = m[4].trim();
  return { line, key: m[3], indent: m[1].length, column: m[1].length + m[2].length, dash: m[2].length > 0, value: rest.startsWith('#') ? '' : rest };
}

/** The nearest key line above `line`, past blank and comment lines; undefined if another kind of line stands between. */
export function keyAbove(lines: LineIndex, line: number): KeyLine | undefined {
  for (let a = line - 1; a >= 0; a--) {
    const t = lines.lineText(a).trim();
    if (!t || t.startsWith('#')) continue;
    return keyAt(lines, a);
  }
  return undefined;
}

/** A line's text (before any note) and its note. */
export function textAndNote(lines: LineIndex, l: number): { body: string; note: string } {
  const t = lines.lineText(l).trim();
  const len = textLength(t);
  return { body: t.slice(0, len), note: t.slice(len).trim() };
}

/** The block of text (`key: >` or `key: |`) that line `k` is a line of, with the column its lines start at. */
export function blockAbove(lines: LineIndex, k: number): { key: string; header: number; contentColumn: number } | undefined {
  const col = indentOf(lines.lineText(k));
  for (let h = k - 1; h >= 0; h--) {
    const t = lines.lineText(h);
    if (!t.trim()) continue;
    if (indentOf(t) >= col) continue;
    const m = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/.exec(t);
    if (!m || m[1].length + m[2].length >= col) return undefined;
    return { key: m[3], header: h, contentColumn: col };
  }
  return undefined;
}

/** A line from its first character after the indentation to its end. */
export function lineTextSpan(lines: LineIndex, line: number): Span {
  return { start: lines.lineStart(line) + indentOf(lines.lineText(line)), end: lines.lineEnd(line) };
}

export function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/**
 * `text` with each of `spans` (whole lines) made a note at the margin (`#` and spaces), so that
 * positions stay where they were. A line of spaces would not do: below a block of text, a line of
 * more spaces than the block's indentation is part of the text.
 */
export function setAside(text: string, spans: readonly Span[]): string {
  let out = '';
  let from = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.end <= s.start || s.start < from) continue;
    out += text.slice(from, s.start) + '#' + ' '.repeat(s.end - s.start - 1);
    from = s.end;
  }
  return out + text.slice(from);
}
