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
 */
import { isNode, isScalar, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import type { LineIndex } from './lines';
import { closingQuote, folded, quoted, textLength } from './quoting';
import { outlineOf, type Outline } from './cursor';
import { knownKeys, propertyOrder, valueKind } from './schema-info';
import { DIRECTION_CONTROL, directionControlsIn, directionControlWords, nearest } from './text';

const DIRECTION_CONTROL_ALL = new RegExp(DIRECTION_CONTROL.source, 'g');
import type { Fix, Span, TextEdit } from './types';
import { plural } from './dates';

const PARSE = { version: '1.2', prettyErrors: false, uniqueKeys: true, logLevel: 'error' } as const;

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

/** A `key: value` line: where the value starts, its text (before any note) and the note. */
interface ValueLine {
  line: number;
  key: string;
  /** The column of the key (after any `- `). */
  keyColumn: number;
  valueStart: number;
  text: string;
  note: string;
}

/** YAML's slips that a key indented out of line with the keys around it can cause. */
const INDENT_SLIPS: ReadonlySet<string> = new Set(['BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT', 'MISSING_CHAR', 'UNEXPECTED_TOKEN']);
const KEY_LINE = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:[ \t]+(?=\S)/;
/** How many fixes one file's slips get checked (each check reads a section again). */
const MAX_CHECKS = 100;
/** How many indentations are tried for a file's tab-indented lines (each reads the section again). */
const MAX_TAB_TRIES = 200;
/** How many times a file is read again with the lines that continue a value taken out (see markContinued). */
const MAX_BLANKINGS = 3;
/** The most words a speaker's name or a heading before a colon runs to (`Designated Nurse for Safeguarding:`); more reads as a sentence. */
const LABEL_WORDS = 4;
/** What a value that is not text holds, for messages. */
const KIND_WORDS = { date: 'a date', choice: 'one of a set of choices', other: 'an id, a number, or true or false' } as const;
const STUCK = 'the quick fixes do either without changing your words';

/** Why text cannot begin with each character YAML keeps for itself. */
const RESERVED: [RegExp, string, string][] = [
  [/^[@`]/, '', 'the character is kept for other uses'],
  [/^%/, '%', 'it starts an instruction to the reader of the file'],
  [/^\*/, '*', 'it marks a reference to another part of the file'],
  [/^&/, '&', 'it marks a part of the file for reference'],
  [/^-[ \t]/, 'a dash and a space', 'they start a list item, which cannot stand on the key’s line'],
  [/^\?[ \t]/, 'a question mark and a space', 'they start a key'],
  [/^[|>][ \t]*[^\s#]/, '', 'it starts a block of text, whose lines go below it'],
];

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
  /** Lines whose slips go once the tabs above them are replaced: consequences, not reported. */
  private readonly consequences = new Set<number>();
  /** Lines of pasted text reported with the first of them. */
  private readonly covered = new Set<number>();
  /** Lines of text that continue a value above them, as pasted (see pasted). */
  private readonly continued = new Set<number>();
  /** The lines YAML reports a slip on. */
  private readonly errorLines: number[];
  private checks = 0;
  private blankings = 0;

  constructor(private readonly text: string, private readonly lines: LineIndex, errors: readonly YamlSlip[]) {
    this.errorLines = errors.map((e) => lines.lineOf(Math.min(e.pos[0], text.length)));
    const tabs = [...new Set(errors.filter((e) => e.code === 'TAB_AS_INDENT').map((e) => lines.lineOf(e.pos[0])))].sort((a, b) => a - b);
    if (tabs.length) this.planTabs(tabs, errors);
  }

  /** A better message and fixes for YAML's slip on `line`; `skip` where it is another slip's doing. */
  explain(code: string, message: string, at: number, line: number): Told | 'skip' | undefined {
    if (code === 'TAB_AS_INDENT') {
      const own = this.tabFixes.get(line);
      // One fix for every tab-indented line: mending one alone leaves the file unreadable at the next.
      const all = [...this.tabFixes.values()].flatMap((x) => x.edits);
      const f: Fix | undefined = own && (all.length > 1 ? { title: `Indent with spaces in place of tabs (${all.length} lines)`, edits: all, preferred: true } : own);
      return {
        message: 'A tab is used to indent this line; a case file is indented with spaces only. Put spaces in its place, lined up with the lines around it' + (f ? ' (the quick fix does this).' : '.'),
        fixes: f ? [f] : [],
      };
    }
    if (this.consequences.has(line) || this.covered.has(line)) return 'skip';
    const v = this.valueLine(line);
    if (v && at >= v.valueStart) {
      const told = this.badValue(v);
      if (told) return told;
    }
    // Only then, at the margin, a single word or a line that reads as a near miss of a key.
    // Told on the pasted line's text, wherever on it (or past its end) YAML noticed the slip.
    const pasted = this.pasted(line) ?? this.pasted(line, false, true);
    if (pasted) return { ...pasted, span: pasted.span ?? this.lineTextSpan(line) };
    if (INDENT_SLIPS.has(code)) {
      const above = this.pastedAbove(line);
      if (above) return above;
      const off = this.misindented(line);
      if (off) return off;
    }
    if (code === 'MISSING_CHAR' && /Implicit map keys need to be followed/.test(message)) {
      return { message: 'This line is read as a key, but no colon follows it. If it is a key, add a colon after its name; if it is text, put it with the text it belongs to.', fixes: [] };
    }
    return undefined;
  }

  /**
   * A line pasted at the margin that YAML reads as a key holding a value (`Note: agreed. # a note`),
   * the slip noticed only on the line below it, which cannot be read under that key: told on the
   * pasted line.
   */
  private pastedAbove(line: number): Told | undefined {
    let a = line - 1;
    while (a >= 0 && /^\s*(#.*)?$/.test(this.lines.lineText(a))) a--;
    if (a < 0 || indentOf(this.lines.lineText(a)) >= indentOf(this.lines.lineText(line)) || !this.keyAt(a)?.value) return undefined;
    const told = this.pasted(a) ?? this.pasted(a, false, true);
    return told && { ...told, span: told.span ?? this.lineTextSpan(a) };
  }

  /** A line from its first character after the indentation to its end. */
  private lineTextSpan(line: number): Span {
    return { start: this.lines.lineStart(line) + indentOf(this.lines.lineText(line)), end: this.lines.lineEnd(line) };
  }

  /**
   * `key: >` (or `|`) with something after it on the line, the block's own lines below it,
   * indented further than the key. Putting the line in quotes would cut those lines off, so: an
   * invisible direction character after the `>` is removed (`>` then reads as written); text is
   * moved to the block's first line.
   */
  private blockHeader(v: ValueLine): Told | undefined {
    const m = /^([|>][-+0-9]*)[ \t]*(.*)$/.exec(v.text);
    if (!m || !m[2]) return undefined;
    let below = v.line + 1;
    while (below < this.lines.lineCount && !this.lines.lineText(below).trim()) below++;
    if (below >= this.lines.lineCount || indentOf(this.lines.lineText(below)) <= v.keyColumn) return undefined;
    const found = directionControlsIn(m[2], v.valueStart + v.text.length - m[2].length);
    if (found.length && !m[2].replace(DIRECTION_CONTROL_ALL, '').trim()) {
      const { what, fix } = directionControlWords(found);
      const [from, to] = [found[0].at, found[found.length - 1].at + 1];
      const ok = this.readsClean({ span: { start: from, end: to }, newText: this.text.slice(from, to).replace(DIRECTION_CONTROL_ALL, '') }, v.line, below);
      return {
        message: `The \`${m[1]}\` that starts the text of \`${v.key}\` is followed by ${what} that ${found.length === 1 ? 'changes' : 'change'} the direction text is shown in, so the lines of text below it cannot be read. Remove ${found.length === 1 ? 'it' : 'them'}` + (ok ? ' (the quick fix removes nothing else).' : '.'),
        fixes: ok ? [{ ...fix, preferred: true }] : [],
      };
    }
    // The text after `>`, moved to a line of its own at the head of the lines below it.
    const below0 = this.lines.lineStart(below);
    const indent = indentOf(this.lines.lineText(below));
    const edits: TextEdit[] = [
      { span: { start: v.valueStart + m[1].length, end: v.valueStart + v.text.length }, newText: '' },
      { span: { start: below0, end: below0 }, newText: ' '.repeat(indent) + m[2].trimEnd() + this.lines.eol },
    ];
    const ok = this.readsClean({ span: { start: edits[0].span.start, end: below0 }, newText: this.text.slice(edits[0].span.end, below0) + edits[1].newText }, v.line, below);
    return {
      message: `Text cannot follow \`${m[1]}\` on the key’s line: \`${m[1]}\` starts a block of text whose lines go below it, as the lines below \`${v.key}\` do. Move “${m[2].trim()}” to the first line below` + (ok ? ' (the quick fix does this without changing your words).' : '.'),
      fixes: ok ? [{ title: `Move the text after \`${m[1]}\` to the first line of the text below`, edits, preferred: true }] : [],
    };
  }

  /** The fixes that keep a value's text as written on `line` (in quotes, or as a block), for a slip at its start. */
  protect(line: number, at: number): Fix[] {
    const v = this.valueLine(line);
    return v && v.valueStart === at ? this.textFixes(v, !/["\\]/.test(v.text)) : [];
  }

  private badValue(v: ValueLine): Told | undefined {
    const t = v.text;
    if (t[0] === '"' || t[0] === "'") {
      const close = closingQuote(t);
      const after = close > 0 ? t.slice(close + 1).trim() : '';
      if (!after) return undefined; // an unclosed quote: said elsewhere
      return {
        message: `This text begins with a quote mark, so it is read as ending where the quote closes, and what follows (“${after}”) cannot be read. Write the whole text on the line below after \`>\`, or put it all in quotes: ${STUCK}.`,
        fixes: this.textFixes(v, false),
      };
    }
    const header = this.blockHeader(v);
    if (header) return header;
    for (const [re, shown, why] of RESERVED) {
      if (!re.test(t)) continue;
      const what = shown || t[0];
      return {
        message: `Text cannot begin with ${what} on the key’s line: ${why}. Put the whole text in quotes, or write it on the line below after \`>\`: ${STUCK}.`,
        fixes: this.textFixes(v, !/["\\]/.test(t)),
      };
    }
    const colon = /:(?=[ \t]|$)/.exec(t);
    if (colon) {
      return {
        message: `This text holds a colon followed by a space (after “${t.slice(0, colon.index).trim()}”), which a case file reads as the start of a new key, so the text cannot be read. Put the whole text in quotes, or write it on the line below after \`>\`: ${STUCK}.`,
        fixes: this.textFixes(v, !/["\\]/.test(t)),
      };
    }
    return undefined;
  }

  /**
   * For a line read as a key the format does not know there (`Paediatrician: the account is
   * not consistent.`), when it stands below a value of text at the key's indentation or less: the
   * text going on, as pasted, with the fix that makes it part of that text. Undefined otherwise.
   */
  continues(line: number): Told | undefined {
    if (!this.strayKey(line)) return undefined;
    const told = this.pasted(line, true);
    return told?.fixes.length ? told : undefined;
  }

  /**
   * Lines pasted below a value that the value does not take in: below `key: text` at the key's
   * indentation with no colon, or indented less than the key (a word processor's second line,
   * which an editor leaves at the margin), or less than the lines of a block of text. The text
   * goes on there, unless the line is a key the format knows with its colon forgotten. Text is
   * never folded into a value that is not text (a date, a choice).
   * Indented less than the value (or block) they continue, the lines may also be a single word
   * (`Bruising`) or read as a key near one of the format's (`Note: the child was seen`) where the
   * section goes on below them (see pastedWord, strayKey): no key of the format could stand there.
   * `atMargin`: read again so, for a line that is only such a line, after the rest has found nothing.
   */
  private pasted(line: number, strayAtKey = false, atMargin = false): Told | undefined {
    const lineText = (l: number) => this.lines.lineText(l);
    const split = (l: number) => this.split(l);
    const isProse = (l: number) => this.isProse(l);
    const blank = (l: number) => !lineText(l).trim();
    const indent = indentOf(lineText(line));
    // A word in lower case (`neck`) only where it ends the line of text above it, as a word processor wraps it.
    const wraps = (l: number) => {
      let p = l - 1;
      while (p >= 0 && blank(p)) p--;
      return p >= 0 && indentOf(lineText(p)) === indentOf(lineText(l)) && isProse(p);
    };
    const word = (l: number) => this.pastedWord(split(l).body, wraps(l));
    const crosses = atMargin ? (l: number) => isProse(l) || word(l) || this.strayKey(l, l, true) : isProse;
    let k = line - 1;
    while (k >= 0 && (blank(k) || (crosses(k) && indentOf(lineText(k)) === indent))) k--;
    if (k < 0) return undefined;
    // Where a line of the run would be a key: the place the line after `k` is in (the lines of the run are no keys).
    const stray = (l: number) => this.strayKey(l, k + 1);
    // Indented less than the value above, a line no key could be there goes on with the text too.
    const fitsMargin = (l: number) => isProse(l) || word(l) || this.strayKey(l, k + 1, true);
    if (atMargin ? !fitsMargin(line) : !isProse(line) && !stray(line)) return undefined;
    const v = this.valueLine(k);
    if (!atMargin && v && v.keyColumn === indent && (isProse(line) || strayAtKey)) {
      const fits = strayAtKey ? (l: number) => isProse(l) || stray(l) : isProse;
      return this.belowValue(v, k, indent, fits, blank, split);
    }
    if (v && v.keyColumn > indent && !/^["'[{&*!|>%@`]/.test(v.text)) return this.lessIndented(v, k, indent, fitsMargin, blank, split);
    // A block with no lines yet (`summary: >`), the pasted text below it not indented at all.
    if (v && /^[|>][-+0-9]*$/.test(v.text) && indent <= v.keyColumn) return this.outdentedInBlock({ key: v.key, header: k, contentColumn: v.keyColumn + 2, empty: v.text }, k, indent, fitsMargin, blank);
    const block = this.blockAbove(k);
    if (block && indent < block.contentColumn) return this.outdentedInBlock(block, k, indent, fitsMargin, blank);
    return undefined;
  }

  /** A line's text (before any note) and its note. */
  private split(l: number): { body: string; note: string } {
    const t = this.lines.lineText(l).trim();
    const len = textLength(t);
    return { body: t.slice(0, len), note: t.slice(len).trim() };
  }

  /** A line of prose: words with a space between them, no colon read as a key's, nothing YAML keeps for itself at the start. */
  private isProse(l: number): boolean {
    const t = this.lines.lineText(l);
    const { body } = this.split(l);
    return !!body && !/^[#\-?&*!|>%@`"'[{]/.test(body) && !/:(\s|$)/.test(body) && !/^[\w-]+$/.test(body) && !t.includes('\t');
  }

  /** Lines at the key's indentation below `key: text`, with no colon: text going on, or a key whose colon was forgotten. */
  private belowValue(v: ValueLine, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean, split: (l: number) => { body: string; note: string }): Told {
    const run = this.runAfter(k, indent, fits, blank);
    const place = this.outline.container(k + 1, indent, 'map');
    const kind = place ? valueKind([...place, v.key]) : undefined;
    const first = run[0];
    // The first word of the line, when it is a key the format knows in this section: the colon forgotten.
    const { body: firstBody } = split(first);
    const word = /^([A-Za-z_][\w-]*)([ \t]+)(\S.*)$/.exec(firstBody);
    const key = word && place ? propertyOrder(place).find((p) => p.toLowerCase() === word[1].toLowerCase()) : undefined;
    const fixes: Fix[] = [];
    if (word && key) {
      const at = this.lines.lineStart(first) + indent;
      const edit = { span: { start: at, end: at + word[1].length }, newText: `${key}:` };
      // Where the value starts once the colon is in: the text after the word, as written.
      const valueAt = at + key.length + 1 + word[2].length;
      if (this.readsKeyed(edit, valueAt, word[3], this.lines.lineEnd(first))) fixes.push({ title: `Add a colon: \`${key}: ${word[3]}\``, edits: [edit], preferred: true });
    }
    const foldable = kind === 'text' || kind === undefined;
    // Where the line starts with a key the format knows here, it may as well be that key as text: Fix all folds nothing.
    const fold = foldable ? this.foldFix(v, k, run, split, kind === 'text' && !this.startsWithKey(first, k + 1) && !this.speakerIn(run, k)) : undefined;
    if (fold) fixes.push(fold);
    this.markContinued(run);
    const block = `write the text as a block: \`>\` after \`${v.key}:\`, and every line of the text below it, indented further`;
    if (fixes[0]?.title.startsWith('Add a colon')) {
      return {
        message: `This line has no colon, so \`${word![1]}\` is not read as a key. If it is the key \`${key}\`, add a colon after it: \`${key}: ${word![3]}\` (the quick fix does this).` +
          (fold ? ` If the line instead continues the text of \`${v.key}\` above it, ${block} (another quick fix does this).` : ''),
        fixes,
      };
    }
    // Text with a colon in it, read as a key the format does not know here.
    const colon = /^([^:]*?):[ \t]/.exec(firstBody);
    if (colon && fold) {
      return {
        message: `This line seems to continue the text of \`${v.key}\` above it, but it holds a colon followed by a space (after “${colon[1].trim()}”), so it is read as a key, and not one the format knows there. If it continues that text, ${block} (the quick fix does this without changing your words).` + this.orSpeaker(run, k),
        fixes,
      };
    }
    if (!foldable) {
      return {
        message: `This line has no colon, so it is not read as a key, and it cannot continue \`${v.key}\` above it, which holds ${KIND_WORDS[kind!]}, not text. If it is a key, add a colon after its name; if it is text, move it to a key that takes text, such as \`notes\`.`,
        fixes,
      };
    }
    if (key) {
      // A key the format knows here, whose line does not read with a colon added (`agencies - csc`).
      const list = /^-[ \t]/.test(word![3]) ? `, and write each item of the list on a line of its own below it, after \`- \`, indented further than \`${key}\`` : ', and write its value as the format takes it';
      return {
        message: `This line has no colon, so \`${word![1]}\` is not read as a key. If it is the key \`${key}\`, add a colon after it${list}.` +
          (fold ? ` If the line instead continues the text of \`${v.key}\` above it, ${block} (a quick fix does this).` : ''),
        fixes,
      };
    }
    return {
      message: `This line has no colon, so it is neither a key nor part of the text of \`${v.key}\` above it. If it continues that text, ${block}${fold ? ' (the quick fix does this without changing your words)' : ''}. If it is a key, add a colon after its name.`,
      fixes,
    };
  }

  /** Lines indented less than `key: text` above them that are no key the format knows there: the text going on, as pasted. */
  private lessIndented(v: ValueLine, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean, split: (l: number) => { body: string; note: string }): Told {
    const run = this.runAfter(k, indent, fits, blank);
    const place = this.outline.container(k + 1, v.keyColumn, 'map');
    const kind = place ? valueKind([...place, v.key]) : undefined;
    this.markContinued(run);
    if (kind !== 'text' && kind !== undefined) {
      return {
        message: `This line is indented less than \`${v.key}\` above it, and it is not a key the format knows there. It cannot continue \`${v.key}\`, which holds ${KIND_WORDS[kind]}, not text: if it is text, move it to a key that takes text, such as \`notes\`, indented as the keys around it.`,
        fixes: [],
      };
    }
    const fold = this.foldFix(v, k, run, split, kind === 'text' && !this.startsWithKey(run[0], run[0]) && !this.nearKeyIn(run, k) && !this.speakerIn(run, k));
    return {
      message: `This line seems to continue the text of \`${v.key}\` above it, but it is indented less than \`${v.key}\`, so it is read as a new key, and not one the format knows there. If it continues that text, write the text as a block: \`>\` after \`${v.key}:\`, and every line of the text below it, indented further than \`${v.key}\`` +
        (fold ? ' (the quick fix does this without changing your words).' : '.') + this.orNearKey(run, k) + (fold ? this.orSpeaker(run, k) : ''),
      fixes: fold ? [fold] : [],
    };
  }

  /** Lines indented less than the lines of a block of text above them: the block going on, as pasted. */
  private outdentedInBlock(block: { key: string; header: number; contentColumn: number; empty?: string }, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean): Told {
    const run = this.runAfter(k, indent, fits, blank);
    const last = run[run.length - 1];
    let newText = '';
    for (let l = k + 1; l <= last; l++) newText += this.lines.eol + (blank(l) ? '' : ' '.repeat(block.contentColumn) + this.lines.lineText(l).trim());
    // From the end of the block's last line: the edit adds to the block.
    const edit = { span: { start: this.lines.lineEnd(k), end: this.lines.lineEnd(last) }, newText };
    this.markContinued(run);
    const ok = this.readsClean(edit, block.header, last);
    const preferred = !this.startsWithKey(run[0], run[0]) && !this.nearKeyIn(run, k) && !this.speakerIn(run, k);
    const speaker = ok ? this.orSpeaker(run, k) : '';
    const lines = run.length > 1 ? 'these lines' : 'this line';
    const done = ok ? ' (the quick fix does this without changing your words).' : '.';
    if (block.empty) {
      return {
        message: `This line stands below \`${block.key}: ${block.empty}\` but is not indented further than \`${block.key}\`, so it is read as a new key, not as the text of \`${block.key}\`. If it is that text, indent ${lines} further than \`${block.key}\`` + done + this.orNearKey(run, k) + speaker,
        fixes: ok ? [{ title: `Indent ${lines} as the text of \`${block.key}\``, edits: [edit], preferred }] : [],
      };
    }
    return {
      message: `This line is indented less than the text of \`${block.key}\` above it, so it is read as a new key, not as part of that text. If it continues that text, indent ${lines} as the text above` + done + this.orNearKey(run, k) + speaker,
      fixes: ok ? [{ title: `Indent ${lines} as the text of \`${block.key}\` above`, edits: [edit], preferred }] : [],
    };
  }

  /**
   * Whether `line` starts with a key the format knows where the line stands (read as in the place
   * of line `placeFrom`), with its colon or not (`agencies [csc, police]`): the line may be that key
   * as well as text pasted there, so no fix that makes it text is preferred.
   */
  private startsWithKey(line: number, placeFrom: number): boolean {
    const t = this.lines.lineText(line);
    const m = /^( *)([A-Za-z_][\w-]*)(?=[ \t:]|$)/.exec(t);
    if (!m) return false;
    const place = this.outline.container(placeFrom, m[1].length, 'map');
    return !!place && propertyOrder(place).some((p) => p.toLowerCase() === m[2].toLowerCase());
  }

  /** The lines after `k` at `indent` that `fits` accepts, blank lines between them allowed. */
  private runAfter(k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean): number[] {
    const run: number[] = [];
    for (let l = k + 1; l < this.lines.lineCount; l++) {
      if (blank(l)) continue;
      if (!fits(l) || indentOf(this.lines.lineText(l)) !== indent) break;
      run.push(l);
    }
    return run;
  }

  /** The fix that makes the value on line `k` and the lines of `run` one block of text after `>`, if it reads word for word. */
  private foldFix(v: ValueLine, k: number, run: number[], split: (l: number) => { body: string; note: string }, preferred: boolean): Fix | undefined {
    const last = run[run.length - 1];
    const body = [v.text];
    const notes = v.note ? [v.note] : [];
    for (let l = k + 1; l <= last; l++) {
      const part = split(l);
      body.push(part.body);
      if (part.note) notes.push(part.note);
    }
    const edit = { span: { start: v.valueStart, end: this.lines.lineEnd(last) }, newText: folded(body, v.keyColumn + 2, notes[0] ?? '', this.lines.eol) };
    // A block holds one note, on the line of its `>`: with more, the fix would make the others text.
    const ok = notes.length <= 1 && this.readsAs(edit, v.valueStart, body.filter((b) => b).join(' '), true);
    return ok ? { title: `Make the lines below \`${v.key}\` part of its text (a block after \`>\`)`, edits: [edit], preferred } : undefined;
  }

  /**
   * A line written as `words: text` that is no key the format knows where it stands, nor a
   * misspelling of one: text with a colon in it, pasted at the wrong indentation. `placeFrom`: the
   * line whose place the line is in, where lines above it are pasted text too.
   */
  private strayKey(l: number, placeFrom = l, nearMiss = false): boolean {
    const a = this.asKey(l, placeFrom);
    if (!a) return false;
    // A word written as the format writes keys (`nickname`) is taken as a key; text has a capital or a space (`Paediatrician`, `Skeletal survey`).
    if (/^[a-z][A-Za-z0-9_-]*$/.test(a.word)) return false;
    if (a.keys.some((k) => k.toLowerCase() === a.word.toLowerCase())) return false;
    // Near a key of the place (`Note`, `notes`), it may be that key misspelt; unless the lines
    // after it go on with the section it stands in, which a key there would have cut off.
    return !nearest(a.word, a.keys) || (nearMiss && this.cutsSection(l));
  }

  /** For a line written `words: text`: the words, and the keys of the place it would stand in (read as from line `placeFrom`). */
  private asKey(l: number, placeFrom: number): { word: string; keys: string[] } | undefined {
    const t = this.lines.lineText(l);
    const m = /^( *)([^\s:#\-?&*!|>%@`"'[{][^:#]*?):[ \t]+\S/.exec(t);
    if (!m || t.includes('\t')) return undefined;
    const place = this.outline.container(placeFrom, m[1].length, 'map');
    return place && { word: m[2].trim(), keys: propertyOrder(place) };
  }

  /**
   * A line of `run` (below line `k`) taken as text only because it cuts its section off, that
   * reads as a key near one of the format's: it may be that key misspelt, so making it text is a
   * choice, and the message names the key.
   */
  private nearKeyIn(run: readonly number[], k: number): { word: string; key: string } | undefined {
    for (const l of run) {
      if (!this.strayKey(l, k + 1, true) || this.strayKey(l, k + 1)) continue;
      const a = this.asKey(l, k + 1)!;
      return { word: a.word, key: nearest(a.word, a.keys)! };
    }
    return undefined;
  }

  /**
   * The first line of a run of pasted text written `Something: text`, where `Something` is no key
   * of the place nor near one, and is a label (a capital, a few words: `Chair: agreed to hold`,
   * `Skeletal survey: two fractures`), not a sentence with a colon in it (`A reporter rang the
   * chair: no story yet.`): it reads as a new speaker's words or a heading as much as the text
   * above going on, so the fix that makes it that text is offered, never preferred (Fix all does
   * not choose). Its `Something`.
   */
  private speakerIn(run: readonly number[], k: number): string | undefined {
    for (const l of run) {
      const word = this.strayKey(l, k + 1) ? this.asKey(l, k + 1)!.word : undefined;
      if (word && /^\p{Lu}/u.test(word) && word.split(/\s+/).length <= LABEL_WORDS) return word;
    }
    return undefined;
  }

  /** What a message adds for such a line: that it may be words of their own, and where they would go. */
  private orSpeaker(run: readonly number[], k: number): string {
    const word = this.speakerIn(run, k);
    return word ? ` The line starts “${word}:”, as a new speaker’s words or a heading would, so it may not belong to that text, and it is left as it is when all fixes are made at once. If it is a note of its own, move it under a key that takes text, such as \`notes\`.` : '';
  }

  /** What a message adds for such a line: what to do if it is the key. */
  private orNearKey(run: readonly number[], k: number): string {
    const near = this.nearKeyIn(run, k);
    return near ? ` If \`${near.word}\` is meant as the key \`${near.key}\`, write \`${near.key}:\` in line with the keys of the section it belongs to.` : '';
  }

  /**
   * Whether the next line below `l` that holds something, past other lines of pasted text level
   * with it, is indented further than `l`: it belongs to the section above `l`, which a key at `l`
   * would have cut off.
   */
  private cutsSection(l: number): boolean {
    const indent = indentOf(this.lines.lineText(l));
    for (let n = l + 1; n < this.lines.lineCount; n++) {
      const t = this.lines.lineText(n);
      if (!t.trim() || t.trimStart().startsWith('#')) continue;
      if (indentOf(t) === indent && (this.isProse(n) || this.pastedWord(this.split(n).body) || this.strayKey(n, l))) continue;
      return indentOf(t) > indent;
    }
    return false;
  }

  /**
   * A single word on a line of its own (`Bruising`, `2016`), as a word processor's line leaves it:
   * text, not a key whose colon was forgotten, where it is no key of the format, nor near one
   * (`Notes`, `Desicion`), anywhere in a case file, and is written as no key is (with a capital or
   * a digit, not `nickname`), unless it `wraps` the line of text above it (`neck`).
   */
  private pastedWord(body: string, wraps = false): boolean {
    if (!/^[\w-]+$/.test(body) || (!wraps && /^[a-z][A-Za-z0-9_-]*$/.test(body))) return false;
    const keys = [...knownKeys()];
    return !keys.some((k) => k.toLowerCase() === body.toLowerCase()) && !nearest(body, keys);
  }

  /** The block of text (`key: >` or `key: |`) that line `k` is a line of, with the column its lines start at. */
  private blockAbove(k: number): { key: string; header: number; contentColumn: number } | undefined {
    const col = indentOf(this.lines.lineText(k));
    for (let h = k - 1; h >= 0; h--) {
      const t = this.lines.lineText(h);
      if (!t.trim()) continue;
      if (indentOf(t) >= col) continue;
      const m = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:[ \t]+[|>][-+0-9]*[ \t]*(#.*)?$/.exec(t);
      if (!m || m[1].length + m[2].length >= col) return undefined;
      return { key: m[3], header: h, contentColumn: col };
    }
    return undefined;
  }

  /** Notes that `run` continues the value above it: what YAML says of the lines after it only because of it is not reported. */
  private markContinued(run: readonly number[]): void {
    if (!run.length) return;
    for (const l of run) this.continued.add(l);
    for (const l of run.slice(1)) this.covered.add(l);
    // Only where YAML says something of a later line that may be this run's doing.
    if (!this.errorLines.some((l) => l > run[0] && !this.consequences.has(l) && !this.continued.has(l))) return;
    if (++this.blankings > MAX_BLANKINGS) return;
    // A line at the margin below the run starts a section the run cannot reach: read from the
    // section that holds the run to there.
    const section = (l: number) => !this.continued.has(l) && /^[A-Za-z_][\w-]*:(?=[ \t]|\r?$)/.test(this.lines.lineText(l));
    let from = run[0];
    while (from > 0 && !section(from)) from--;
    let to = run[run.length - 1] + 1;
    while (to < this.lines.lineCount && !section(to)) to++;
    const start = this.lines.lineStart(from);
    const end = to < this.lines.lineCount ? this.lines.lineStart(to) : this.text.length;
    const doc = parseDocument(this.withoutContinued(this.text).slice(start, end), PARSE);
    const still = new Set(doc.errors.map((e) => this.lines.lineOf(Math.min(start + e.pos[0], this.text.length))));
    for (const l of this.errorLines) if (l > run[0] && l < to && !still.has(l) && !this.continued.has(l)) this.consequences.add(l);
  }

  /**
   * `source` (the file's text, or one with the same line lengths) with the lines that continue a
   * value above them set aside (see setAside): the file as it reads without them, positions unchanged.
   */
  withoutContinued(source: string): string {
    return setAside(source, this.continuedSpans());
  }

  /** Where the lines that continue a value above them stand. */
  continuedSpans(): Span[] {
    return [...this.continued].sort((a, b) => a - b).map((l) => ({ start: this.lines.lineStart(l), end: this.lines.lineEnd(l) }));
  }

  /** Quote the text, or write it as a block after `>`: each only if the section then reads the text exactly. */
  private textFixes(v: ValueLine, quoteFirst: boolean): Fix[] {
    const quote = { span: { start: v.valueStart, end: v.valueStart + v.text.length }, newText: quoted(v.text) };
    const block = { span: { start: v.valueStart, end: this.lines.lineEnd(v.line) }, newText: folded([v.text], v.keyColumn + 2, v.note, this.lines.eol) };
    const fixes: Fix[] = [];
    if (this.readsAs(quote, v.valueStart, v.text, false)) fixes.push({ title: 'Put the whole text in quotes', edits: [quote], preferred: quoteFirst });
    if (this.readsAs(block, v.valueStart, v.text, true)) fixes.push({ title: 'Write the text on the line below, after `>`', edits: [block], preferred: !quoteFirst || !fixes.length });
    return quoteFirst ? fixes : fixes.reverse();
  }

  private get outline(): Outline {
    return outlineOf(this.lines);
  }

  private valueLine(line: number): ValueLine | undefined {
    const t = this.lines.lineText(line);
    const m = KEY_LINE.exec(t);
    if (!m) return undefined;
    const rest = t.slice(m[0].length);
    const len = textLength(rest);
    return { line, key: m[3], keyColumn: m[1].length + m[2].length, valueStart: this.lines.lineStart(line) + m[0].length, text: rest.slice(0, len), note: rest.slice(len).trim() };
  }

  /**
   * Whether, with the colon added by `edit`, the section around it reads with no slip up to
   * `lineEnd` and a value starts at `at` and ends on that line: text that reads `expected`, word
   * for word, or a value of another kind as written (`[csc, police]`, a number).
   */
  private readsKeyed(edit: { span: { start: number; end: number }; newText: string }, at: number, expected: string, lineEnd: number): boolean {
    const read = this.readWith(edit, this.lines.lineOf(edit.span.start), this.lines.lineOf(edit.span.end));
    if (!read) return false;
    const { doc, start } = read;
    const end = lineEnd - start + edit.newText.length - (edit.span.end - edit.span.start);
    if (doc.errors.some((e) => e.pos[0] <= end)) return false;
    let found: Node | undefined;
    visit(doc, (_, n) => (isNode(n) && n.range?.[0] === at - start ? ((found = n), visit.BREAK) : undefined));
    // The value ends on the line (a bracket left open takes in the lines below).
    if (!found?.range || found.range[1] > end) return false;
    return !isScalar(found) || typeof found.value !== 'string' || found.value === expected;
  }

  /**
   * Whether, with `edit` made, the section around it reads with no slip up to the edit's end and
   * the value starting at `at` reads `expected` (a block's closing line break aside).
   */
  private readsAs(edit: { span: { start: number; end: number }; newText: string }, at: number, expected: string, block: boolean): boolean {
    const read = this.readWith(edit, this.lines.lineOf(edit.span.start), this.lines.lineOf(edit.span.end));
    if (!read) return false;
    const { doc, start } = read;
    let found: unknown;
    visit(doc, { Scalar: (_, n) => (isScalar(n) && n.range?.[0] === at - start ? ((found = n.value), visit.BREAK) : undefined) });
    if (typeof found !== 'string') return false;
    return block ? found.replace(/\n$/, '').replace(/\n/g, ' ') === expected.replace(/\n/g, ' ') || found === `${expected}\n` : found === expected;
  }

  /**
   * A key indented out of line with the keys around it, on the slip's line or the next: deeper than
   * a key above it that holds a value (`age` one space in from `pseudonym: Child A`), between two
   * levels (`forum` at 3 where its section's keys are at 4), or a key left level with the section
   * above it that it belongs to (`pseudonym` level with `child:`, so `age` below it cannot be read).
   * Says which key and where it should stand, with the fix that moves it there, where the section
   * then reads; the slips YAML finds further on in that section are this one's doing.
   */
  private misindented(line: number): Told | undefined {
    for (const l of [line, line + 1]) {
      const k = this.keyAt(l);
      if (!k || k.dash) continue;
      const p = this.keyAbove(l);
      if (!p) continue;
      // Each fix writes the key's whole line again, moved: what was read of it before was a misreading.
      const moved = (at: number, indent: number, column: number) => {
        const start = this.lines.lineStart(at);
        const text = this.lines.lineText(at);
        return { span: { start, end: start + text.length }, newText: ' '.repeat(column) + text.slice(indent) };
      };
      const moveTo = (column: number) => moved(l, k.indent, column);
      let told: Told | undefined;
      let edit: TextEdit | undefined;
      if (k.column > p.column && p.value && !/^[|>]/.test(p.value)) {
        const q = this.keyAbove(p.line);
        if (q && !q.dash && q.column === p.column && !q.value) {
          // `pseudonym` left level with `child:`, which opens a section: it belongs under it.
          const by = k.column - p.column;
          edit = moved(p.line, p.indent, p.indent + by);
          if (!this.belongs(p.key, p.line, k.column) || !this.belongs(k.key, p.line, k.column)) continue;
          told = { span: this.keySpan(p), message: `\`${p.key}\` stands level with \`${q.key}\` above it, so it is not read as part of \`${q.key}\`, and \`${k.key}\` below it, indented further, cannot be read. If \`${p.key}\` belongs under \`${q.key}\`, indent it by ${plural(by, 'space')}, as the quick fix does; if not, line \`${k.key}\` up with it.`, fixes: [] };
          if (this.readsClean(edit, q.line, l)) told.fixes.push({ title: `Indent \`${p.key}\` under \`${q.key}\``, edits: [edit], preferred: true });
        } else {
          edit = moveTo(p.column);
          const further = `\`${k.key}\` is indented ${plural(k.column - p.column, 'space')} further than \`${p.key}\` above it, which holds a value, so it cannot be read.`;
          // Lined up with a key of another section, it would be a key that section does not take.
          if (!this.belongs(k.key, l, p.column)) told = { span: this.keySpan(k), message: `${further} Line it up with the keys of the section it belongs to.`, fixes: [] };
          else told = { span: this.keySpan(k), message: `${further} Line \`${k.key}\` up with \`${p.key}\` (the quick fix does).`, fixes: [] };
          if (told.fixes.length === 0 && this.belongs(k.key, l, p.column) && this.readsClean(edit, p.line, l)) told.fixes.push({ title: `Line \`${k.key}\` up with \`${p.key}\``, edits: [edit], preferred: true });
        }
      } else if (k.column < p.column) {
        // The levels open above: each key line less indented than the last, up to the margin.
        const levels: { column: number; key: string }[] = [{ column: p.column, key: p.key }];
        for (let a = this.keyAbove(p.line); a && levels[levels.length - 1].column > 0; a = this.keyAbove(a.line)) {
          if (a.column < levels[levels.length - 1].column) levels.push({ column: a.column, key: a.key });
        }
        if (levels.some((v) => v.column === k.column)) continue;
        const target = [...levels].reverse().find((v) => v.column > k.column);
        if (!target) continue;
        edit = moveTo(target.column);
        const between = `\`${k.key}\` is indented ${plural(k.column, 'space')}, between the levels of the keys around it, so it cannot be read.`;
        const fits = this.belongs(k.key, l, target.column);
        told = { span: this.keySpan(k), message: fits ? `${between} Line it up with the keys of its section, such as \`${target.key}\` above it (the quick fix does).` : `${between} Line it up with the keys of the section it belongs to.`, fixes: [] };
        if (fits && this.readsClean(edit, l, l)) told.fixes.push({ title: `Line \`${k.key}\` up with \`${target.key}\``, edits: [edit], preferred: true });
      }
      if (!told) continue;
      // Told where the key stands: what else YAML says of the line it noticed this on, and, once
      // the key is lined up, of the rest of its section, is this slip's doing.
      const to = told.fixes.length ? this.near(l, l)[1] : l;
      for (const e of this.errorLines) if (e >= line && e <= to) this.consequences.add(e);
      return told;
    }
    return undefined;
  }

  /** The key on `line` (with no value, or a value), with its columns; undefined for any other line. */
  private keyAt(line: number): { line: number; key: string; indent: number; column: number; dash: boolean; value: string } | undefined {
    if (line < 0 || line >= this.lines.lineCount) return undefined;
    const m = /^( *)((?:- +)?)([A-Za-z_][\w-]*) *:(?=[ \t]|$)(.*)$/.exec(this.lines.lineText(line));
    if (!m) return undefined;
    const rest = m[4].trim();
    return { line, key: m[3], indent: m[1].length, column: m[1].length + m[2].length, dash: m[2].length > 0, value: rest.startsWith('#') ? '' : rest };
  }

  /** Whether `key`, written on `line` at `column`, is a key of the part of the file it would then stand in. */
  private belongs(key: string, line: number, column: number): boolean {
    const place = this.outline.container(line, column, 'map');
    return !!place && propertyOrder(place).includes(key);
  }

  private keySpan(k: { line: number; column: number; key: string }): Span {
    const start = this.lines.lineStart(k.line) + k.column;
    return { start, end: start + k.key.length };
  }

  /** The nearest key line above `line`, past blank and comment lines; undefined if another kind of line stands between. */
  private keyAbove(line: number): ReturnType<SlipReader['keyAt']> {
    for (let a = line - 1; a >= 0; a--) {
      const t = this.lines.lineText(a).trim();
      if (!t || t.startsWith('#')) continue;
      return this.keyAt(a);
    }
    return undefined;
  }

  /** Whether, with `edit` made, the section holding lines `a` to `b` reads with no slip up to the edit's end. */
  private readsClean(edit: { span: { start: number; end: number }; newText: string }, a: number, b: number): boolean {
    return !!this.readWith(edit, a, b);
  }

  /** The section holding lines `a` to `b` read with `edit` made, if it reads with no slip up to the edit's end. */
  private readWith(edit: { span: { start: number; end: number }; newText: string }, a: number, b: number): { doc: ReturnType<typeof parseDocument>; start: number } | undefined {
    // Each check reads a section again: in a file with hundreds of slips, the first ones get fixes, the rest their messages.
    if (++this.checks > MAX_CHECKS) return undefined;
    const [from, to] = this.near(a, b);
    const start = this.lines.lineStart(from);
    const end = this.lines.lineEnd(to);
    const section = this.text.slice(start, edit.span.start) + edit.newText + this.text.slice(edit.span.end, end);
    const doc = parseDocument(section, PARSE);
    const editEnd = edit.span.start - start + edit.newText.length;
    return doc.errors.some((e) => e.pos[0] <= editEnd) ? undefined : { doc, start };
  }

  /**
   * The lines around `a` to `b` that hold them: from the nearest line above that is indented less
   * than `a` (the key's parent) to the last line below indented more than that parent. Reading
   * these alone is enough to tell whether a value reads right, and quick in a long list.
   */
  private near(a: number, b: number): [number, number] {
    const indent = (l: number) => indentOf(this.lines.lineText(l));
    const skip = (l: number) => !this.lines.lineText(l).trim() || this.lines.lineText(l).trimStart().startsWith('#');
    let from = a;
    while (from > 0 && (skip(from) || indent(from) >= indent(a))) from--;
    if (indent(from) >= indent(a)) return this.window(a, b);
    let to = b + 1;
    while (to < this.lines.lineCount && (skip(to) || indent(to) > indent(from))) to++;
    return [from, to - 1];
  }

  /** The top-level section holding lines `a` to `b`: from the key at the left margin above to the next. */
  private window(a: number, b: number): [number, number] {
    const top = (l: number) => /^[^\s#]/.test(this.lines.lineText(l));
    let from = a;
    while (from > 0 && !top(from)) from--;
    let to = b + 1;
    while (to < this.lines.lineCount && !top(to)) to++;
    return [from, to - 1];
  }

  private planTabs(tabs: number[], errors: readonly YamlSlip[]): void {
    const work = Array.from({ length: this.lines.lineCount }, (_, i) => this.lines.lineText(i));
    const unit = indentUnit(work);
    let tries = 0;
    for (const L of tabs.slice(0, 100)) {
      const lead = /^[ \t]*/.exec(work[L])![0];
      if (!lead.includes('\t')) continue;
      const body = work[L].slice(lead.length);
      // Read from the list item or top-level key that holds the line, to the line after it: what
      // YAML says of the lines up to this one does not depend on what comes later.
      const from = enclosing(work, L);
      const to = Math.min(work.length - 1, L + 1);
      for (const n of tabCandidates(work, L, unit, lead)) {
        if (++tries > MAX_TAB_TRIES) break;
        const trial = work.slice(from, to + 1);
        trial[L - from] = ' '.repeat(n) + body;
        const text = trial.join('\n');
        const doc = parseDocument(text, PARSE);
        const before = trial.slice(0, L - from + 1).join('\n').length;
        if (doc.errors.some((e) => e.pos[0] <= before)) continue;
        work[L] = ' '.repeat(n) + body;
        const start = this.lines.lineStart(L);
        this.tabFixes.set(L, { title: `Indent with ${n} spaces in place of the tab`, edits: [{ span: { start, end: start + lead.length }, newText: ' '.repeat(n) }], preferred: true });
        break;
      }
    }
    // What YAML says of the lines after a tab, that it no longer says once the tabs are replaced, is the tabs' doing.
    const fixed = parseDocument(work.join('\n'), PARSE);
    const still = new Set<number>();
    let offset = 0;
    const starts = work.map((l) => ((offset += l.length + 1), offset - l.length - 1));
    for (const e of fixed.errors) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= e.pos[0]) lo = mid;
        else hi = mid - 1;
      }
      still.add(lo);
    }
    const firstTab = tabs[0];
    for (const e of errors) {
      const l = this.lines.lineOf(e.pos[0]);
      if (e.code !== 'TAB_AS_INDENT' && l > firstTab && !still.has(l) && !tabs.includes(l)) this.consequences.add(l);
    }
  }
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

/** The nearest line above `L` at the left margin, or a list item indented less than every line between it and `L`. */
function enclosing(work: readonly string[], L: number): number {
  let least = Infinity;
  for (let l = L - 1; l >= 0; l--) {
    const t = work[l];
    if (!t.trim() || t.trimStart().startsWith('#') || /^[ ]*\t/.test(t)) continue;
    const i = indentOf(t);
    if (i === 0 || (/^ *- /.test(t) && i < least)) return l;
    least = Math.min(least, i);
  }
  return 0;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The step the file indents by: the commonest increase from one line to the next, else 2. */
function indentUnit(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  let prev = 0;
  for (const l of lines) {
    if (!l.trim() || l.trimStart().startsWith('#') || /^[ ]*\t/.test(l)) continue;
    const i = indentOf(l);
    if (i > prev) counts.set(i - prev, (counts.get(i - prev) ?? 0) + 1);
    prev = i;
  }
  let best = 2;
  let most = 0;
  for (const [d, c] of counts) if (c > most || (c === most && d < best)) [best, most] = [d, c];
  return best;
}

/** Indentations to try for a tab-indented line: as the line above's first key's child or sibling, as the next line, or tabs counted as the file's step. */
function tabCandidates(work: readonly string[], L: number, unit: number, lead: string): number[] {
  const content = (l: number) => !!work[l].trim() && !work[l].trimStart().startsWith('#');
  const out: number[] = [];
  let p = L - 1;
  while (p >= 0 && !content(p)) p--;
  if (p >= 0) {
    const line = work[p];
    const item = /^( *)(- +)/.exec(line);
    const column = item ? item[0].length : indentOf(line);
    if (/:\s*(#.*)?$/.test(line)) out.push(column + unit);
    out.push(column, indentOf(line));
  }
  let n = L + 1;
  while (n < work.length && (!content(n) || /^[ ]*\t/.test(work[n]))) n++;
  if (n < work.length) out.push(indentOf(work[n]));
  const tabs = (lead.match(/\t/g) ?? []).length;
  const spaces = lead.length - tabs;
  out.push(tabs * unit + spaces, tabs * 2 + spaces, tabs * 4 + spaces);
  return [...new Set(out)].filter((x) => x >= 0);
}
