/**
 * What YAML's complaints about a slip mean to someone writing a case file, where the cause can be
 * told from the line: text with a colon and a space in it, text that begins with a quote mark or a
 * character YAML keeps for itself, lines pasted below a value (at the key's indentation, or less,
 * as an editor leaves a pasted second line), a key written without its colon, a tab used to
 * indent. For each, a plain message and fixes that change none of the words: the text put in
 * quotes or written as a block after `>`, pasted lines indented as a block's, the colon added, a
 * tab replaced by the spaces the lines around it use.
 * Each fix is checked by reading its section again: it is offered only if the slip goes and the
 * text then reads exactly as written.
 * Here, the reader and what its parts share; the parts: values.ts (a value on its key's line),
 * pasted.ts and pasted-lines.ts (lines pasted below a value), continued.ts (the file read without
 * them), misindented.ts (a key out of line), tabs.ts, trial.ts (a fix tried before it is offered)
 * and layout.ts (what a line holds).
 */
import type { LineIndex } from '../lines';
import type { Fix, Span } from '../types';
import { continuedSpans, withoutContinued } from './continued';
import { lineTextSpan, valueLine } from './layout';
import { misindented } from './misindented';
import { pasted, pastedAbove } from './pasted';
import { strayKey } from './pasted-lines';
import { planTabs, tabTold } from './tabs';
import type { TrialFile } from './trial';
import { badValue, textFixes } from './values';

export interface YamlSlip {
  code: string;
  message: string;
  pos: [number, number];
}

export interface Told {
  message: string;
  fixes: Fix[];
  /** Where the slip is, where that is not where YAML noticed it (a key indented out of line). */
  span?: Span;
}

/** A file's text as the reader reads it, and what it has worked out so far: what its parts share. */
export interface Reading extends TrialFile {
  /** The lines YAML reports a slip on. */
  readonly errorLines: readonly number[];
  /** Lines whose slips go once the tabs above them are replaced: consequences, not reported. */
  readonly consequences: Set<number>;
  /** Lines of pasted text reported with the first of them. */
  readonly covered: Set<number>;
  /** Lines of text that continue a value above them, as pasted (see pasted in pasted.ts). */
  readonly continued: Set<number>;
  /** How many times the file has been read again with those lines taken out (see markContinued). */
  blankings: number;
}

/** YAML's slips that a key indented out of line with the keys around it can cause. */
const INDENT_SLIPS: ReadonlySet<string> = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);

const READERS = new WeakMap<object, SlipReader>();

/**
 * One reader of a parsed file's lines, shared by everything that asks about them (the format
 * check's unknown keys, a fix placing a new key): it keeps what it has worked out of the layout.
 */
export function slipReaderFor(doc: { readonly text: string; readonly lines: LineIndex }): SlipReader {
  let r = READERS.get(doc);
  if (!r) READERS.set(doc, (r = new SlipReader(doc.text, doc.lines, [])));
  return r;
}

export class SlipReader {
  private readonly tabFixes = new Map<number, Fix>();
  private readonly r: Reading;

  constructor(text: string, lines: LineIndex, errors: readonly YamlSlip[]) {
    const errorLines = errors.map((e) => lines.lineOf(Math.min(e.pos[0], text.length)));
    this.r = { text, lines, errorLines, consequences: new Set(), covered: new Set(), continued: new Set(), checks: 0, blankings: 0 };
    const tabs = [...new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lines.lineOf(e.pos[0])))].sort((a, b) => a - b);
    if (tabs.length) planTabs(this.r, this.tabFixes, tabs, errors);
  }

  /** A better message and fixes for YAML's slip on `line`; `skip` where it is another slip's doing. */
  explain(code: string, message: string, at: number, line: number): Told | 'skip' | undefined {
    if (code === 'TAB_AS_INDENT') return tabTold(this.tabFixes, line);
    const r = this.r;
    if (r.consequences.has(line) || r.covered.has(line)) return 'skip';
    const v = valueLine(r.lines, line);
    if (v && at >= v.valueStart) {
      const told = badValue(r, v);
      if (told) return told;
    }
    // Only then, at the margin, a single word or a line that reads as a near miss of a key.
    // Told on the pasted line's text, wherever on it (or past its end) YAML noticed the slip.
    const below = pasted(r, line) ?? pasted(r, line, false, true);
    if (below) return { ...below, span: below.span ?? lineTextSpan(r.lines, line) };
    if (INDENT_SLIPS.has(code)) {
      const above = pastedAbove(r, line);
      if (above) return above;
      const off = misindented(r, line);
      if (off) return off;
    }
    if (code === 'MISSING_CHAR' && /Implicit map keys need to be followed/.test(message)) {
      return { message: 'This line is read as a key, but no colon follows it. If it is a key, add a colon after its name; if it is text, put it with the text it belongs to.', fixes: [] };
    }
    return undefined;
  }

  /** The fixes that keep a value's text as written on `line` (in quotes, or as a block), for a slip at its start. */
  protect(line: number, at: number): Fix[] {
    const v = valueLine(this.r.lines, line);
    return v && v.valueStart === at ? textFixes(this.r, v, !/["\\]/.test(v.text)) : [];
  }

  /**
   * For a line read as a key the format does not know there (`Paediatrician: the account is
   * not consistent.`), when it stands below a value of text at the key's indentation or less: the
   * text going on, as pasted, with the fix that makes it part of that text. Undefined otherwise.
   */
  continues(line: number): Told | undefined {
    if (!strayKey(this.r.lines, line)) return undefined;
    const told = pasted(this.r, line, true);
    return told?.fixes.length ? told : undefined;
  }

  /**
   * `source` (the file's text, or one with the same line lengths) with the lines that continue a
   * value above them set aside (see setAside in layout.ts): the file as it reads without them,
   * positions unchanged.
   */
  withoutContinued(source: string): string {
    return withoutContinued(this.r, source);
  }

  /** Where the lines that continue a value above them stand. */
  continuedSpans(): Span[] {
    return continuedSpans(this.r);
  }
}
