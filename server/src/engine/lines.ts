import type { Position, Span } from './types';

/** Converts between character offsets and 0-based line/character positions of one text. */
export class LineIndex {
  /**
   * Where each line starts. A typed array: a long file gets a new index at every keystroke, and
   * this is one block outside the garbage-collected heap rather than an array of numbers.
   */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // The usual case: indexOf runs far faster than a loop over the characters.
      let count = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
      this.starts = new Uint32Array(count);
      let line = 1;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[line++] = i + 1;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.starts = Uint32Array.from(starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The offset just before the line's break (or the end of the text). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let end = this.starts[line + 1] - 1;
    if (end > 0 && this.text.charCodeAt(end) === 10 && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between a CR and its LF belongs to the end of the line, not past it.
    return { line: lo, character: Math.min(o, this.lineEnd(lo)) - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    return Math.min(this.lineStart(pos.line) + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  lineOf(offset: number): number {
    return this.positionAt(offset).line;
  }

  /** 1-based line and column, for people and for the command line's formats. */
  humanRange(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
    const s = this.positionAt(span.start);
    const e = this.positionAt(span.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }

  /** The leading spaces of the line that holds `offset`. */
  indentOf(offset: number): number {
    const text = this.lineText(this.lineOf(offset));
    return text.length - text.trimStart().length;
  }

  /** The line break the text uses (CRLF files stay CRLF). */
  get eol(): string {
    const i = this.text.indexOf('\n');
    return i > 0 && this.text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  }
}
