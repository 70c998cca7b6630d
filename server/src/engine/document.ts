import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, visit } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { LineIndex } from './lines';
import { PARSE_OPTIONS } from './parse-options';
import { MAX_ALIAS_COUNT, readSections, recoverSections, replaceMissingAliases, sectionStarts, type Pieces } from './sections';
import { SlipReader } from './slips/reader';
import type { Fix, Span } from './types';

export { MAX_ALIAS_COUNT };

export type Path = readonly (string | number)[];

/** A syntax problem found while reading the text, before any rule runs. */
export interface SyntaxProblem {
  span: Span;
  message: string;
  /** Fixes that mend the slip without changing a word (see slips/reader.ts). */
  fixes?: Fix[];
}

/**
 * A parsed case file: the YAML document with its source positions, the plain value, and the
 * look-ups every rule needs (a value at a path, where it stands, where its key stands).
 */
/**
 * The text as YAML is to read it, the same length so every position holds. A carriage return
 * alone ends a line for the editor and for LineIndex, but not for the YAML reader, which took the
 * rest of the file into the comment or value before it: each is made a line feed. The format is
 * YAML 1.2; a `%YAML 1.1` line would make every date a timestamp: it is read as 1.2.
 */
export function textForYaml(text: string): string {
  let source = text.includes('\r') && LONE_CR.test(text) ? text.replace(LONE_CR_ALL, '\n') : text;
  if (source.includes('%YAML')) source = source.replace(YAML_11, '$11.2');
  return source;
}
const YAML_11 = /^(%YAML[ \t]+)1\.1(?=[ \t]|$)/gm;
const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/** The top-level sections of `text` that hold one of `spans`, less those in `known` already. */
function sectionsHolding(text: string, spans: readonly Span[], known: readonly Span[]): Span[] {
  const starts = spans.length ? sectionStarts(text) : undefined;
  if (!starts) return [];
  const out: Span[] = [];
  for (let i = 0; i < starts.length; i++) {
    const section = { start: starts[i], end: starts[i + 1] ?? text.length };
    const holds = spans.some((s) => s.start >= section.start && s.start < section.end);
    if (holds && !known.some((k) => k.start === section.start)) out.push(section);
  }
  return out;
}

export class CaseDoc {
  readonly lines: LineIndex;
  readonly yaml: Document.Parsed | undefined;
  readonly value: unknown;
  readonly syntax: SyntaxProblem[] = [];
  /**
   * The sections that hold a slip, read only as far as `yaml` could read them alone: what seems
   * missing or wrong there may be the slip's doing (see recoverSections).
   */
  readonly broken: readonly Span[] = [];
  /**
   * Lines read as notes (see setAside in slips/layout.ts): text pasted below a value that the value
   * does not take in (see pasted in slips/pasted.ts), which would otherwise turn the keys after it
   * into others.
   */
  readonly setAside: readonly Span[] = [];
  /** Whether a slip made the file be read section by section (recoverSections), not as a whole. */
  readonly recovered: boolean = false;

  /** The parts of the file read on their own, for the next version to reuse (see sections.ts). */
  private pieces: Pieces | undefined;
  /** Whether the tree was put together from parts (which are never read with an alias in them). */
  private readonly byParts: boolean = false;

  /**
   * Reads `text`. Given the same file's `previous` version, the parts whose text has not changed
   * (sections, and items of long lists) are taken over from it rather than read again: a keystroke
   * in a long file reads again only the part typed in. `previous` must not be asked for positions
   * after that.
   */
  constructor(readonly text: string, previous?: CaseDoc) {
    this.lines = new LineIndex(text);
    const source = textForYaml(text);
    const read = readSections(source, previous?.pieces);
    this.pieces = read?.pieces;
    if (read?.yaml) {
      this.yaml = read.yaml;
      this.value = read.value;
      this.byParts = true;
      return;
    }
    let docs: Document.Parsed[] = [];
    try {
      // No source tokens are kept on the nodes and no line counter is passed: nothing reads them
      // (LineIndex does the line arithmetic), and keeping the tokens more than doubled the memory
      // each open file holds.
      docs = parseAllDocuments(source, PARSE_OPTIONS) as Document.Parsed[];
      if (!Array.isArray(docs)) docs = []; // an empty stream
    } catch (e) {
      this.syntax.push({ span: { start: 0, end: 0 }, message: `The file could not be read as YAML: ${String(e)}` });
    }
    this.yaml = docs[0];
    for (const d of docs.slice(1)) {
      const start = d.contents?.range?.[0] ?? d.range?.[0] ?? text.length;
      this.syntax.push({
        span: this.lineSpan(start),
        message: 'This file holds more than one YAML document (a line with `---` starts another). Keep one case per file: move this part to its own file.',
      });
      break;
    }
    const linesWithErrors = new Set<number>();
    const slipErrors = this.yaml?.errors ?? [];
    const reader = slipErrors.length ? new SlipReader(text, this.lines, slipErrors) : undefined;
    for (const err of slipErrors) {
      const at = Math.min(err.pos[0], text.length);
      let span = { start: at, end: Math.min(text.length, Math.max(err.pos[1], at + 1)) };
      let message = plainYamlError(err.code, err.message);
      let fixes: Fix[] | undefined;
      const closer = /end with (?:an? )?(\]|\})/.exec(err.message)?.[1];
      if (closer) message = `A list or section written in brackets is never closed: add the closing \`${closer}\` where it ends.`;
      else if (reader && !(err.code === 'MISSING_CHAR' && /quote/i.test(err.message))) {
        // Where the cause can be told from the line (a colon in text, a tab, pasted lines), say it, with a fix.
        const told = reader.explain(err.code, err.message, at, this.lines.lineOf(at));
        if (told === 'skip') continue;
        if (told) ({ message, fixes, span = span } = told);
      }
      if (err.code === 'MISSING_CHAR' && /quote/i.test(err.message)) {
        const opened = this.unclosedQuoteBefore(err.pos[0]);
        if (opened) {
          span = opened;
          message = 'This quoted text is never closed. Add the closing quote mark where the text ends, or remove the opening one.';
        }
      }
      // A position on a blank or comment line means the slip is on the next line that holds something.
      let line = this.lines.lineOf(span.start);
      while (line + 1 < this.lines.lineCount && /^\s*(#.*)?$/.test(this.lines.lineText(line))) line++;
      if (line !== this.lines.lineOf(span.start)) span = this.lineSpan(this.lines.lineStart(line));
      // One problem, one finding: YAML often reports the same slip several ways on one line.
      if (linesWithErrors.has(line)) continue;
      linesWithErrors.add(line);
      this.syntax.push(fixes?.length ? { span, message, fixes } : { span, message });
    }
    let value: unknown = undefined;
    // An alias to nothing is a slip in one value, reported there; the rest of the file reads as written.
    const slips = this.syntax.length;
    if (this.yaml) {
      for (const { span, loops } of replaceMissingAliases(this.yaml, text)) {
        const name = text.slice(span.start + 1, span.end);
        // One problem, one finding: what YAML says of the rest of that line is this slip's doing.
        const line = this.lines.lineOf(span.start);
        for (let i = this.syntax.length - 1; i >= 0; i--) if (this.lines.lineOf(this.syntax[i].span.start) === line) this.syntax.splice(i, 1);
        // Quoting a reference to its own part would not mend it: what was meant is to be written out.
        const fixes = loops ? [] : new SlipReader(text, this.lines, []).protect(line, span.start);
        const message = loops
          ? `This refers to the part marked &${name}, and stands inside that part, so the part would hold itself for ever. Write out what you mean here instead of *${name}.`
          : name.trim()
          ? `A value that starts with * is read as a reference to a part marked &${name}, and there is none. If this is text, put it in quotes.`
          : 'Text cannot begin with * on the key’s line: it marks a reference to another part of the file. Put the whole text in quotes, or write it on the line below after `>`: the quick fixes do either without changing your words.';
        this.syntax.push({ span, message, ...(fixes.length ? { fixes } : {}) });
      }
      try {
        value = this.yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (e) {
        const msg = String((e as Error)?.message ?? e);
        // Where the repeating starts: the first reference to a marked part.
        let first: Span | undefined;
        visit(this.yaml, { Alias: (_, n) => (n.range ? ((first = { start: n.range[0], end: n.range[1] }), visit.BREAK) : undefined) });
        this.syntax.push({
          span: first ?? { start: 0, end: this.lines.lineEnd(0) },
          message: /alias/i.test(msg)
            ? `This file repeats references to marked parts (*name, to a part marked &name) so often that reading it in full would take too long (more than ${MAX_ALIAS_COUNT}). Write the repeated parts out instead.`
            : `The file could not be read: ${msg}`,
        });
        value = undefined;
      }
    }
    this.value = value;
    // With a slip, the checks read each section as far as it goes, so that one slip does not hide
    // every section after it; the messages above stay those of the whole reading. (An alias to
    // nothing is no such slip: the whole reading already has every section.)
    // Lines that continue a value above them (pasted text an editor left at the margin) are read
    // as taken out, so that they do not turn the keys after them into others; the sections that
    // hold them count as having a slip all the same.
    if (slips || value === undefined && this.syntax.length) {
      const continued = reader?.continuedSpans() ?? [];
      const readable = continued.length ? reader!.withoutContinued(source) : source;
      const recovered = recoverSections(readable, this.pieces);
      if (recovered) {
        this.yaml = recovered.yaml;
        this.value = recovered.value;
        this.broken = [...recovered.broken, ...sectionsHolding(readable, continued, recovered.broken)];
        this.setAside = continued;
        this.recovered = true;
      }
    }
  }

  get root(): Node | undefined {
    const c = this.yaml?.contents;
    return c ?? undefined;
  }

  /** The plain value at `path`, or undefined. */
  get(path: Path): unknown {
    return valueAt(this.value, path);
  }

  /** The YAML node at `path`, following aliases. */
  node(path: Path): Node | undefined {
    let n: Node | undefined = this.root;
    for (const seg of path) {
      n = this.resolve(n);
      if (!n) return undefined;
      if (isMap(n)) {
        const pair = findPair(n.items as Pair[], seg);
        n = (pair?.value as Node | null) ?? undefined;
        if (pair && !n) return undefined;
      } else if (isSeq(n) && typeof seg === 'number') {
        n = (n.items[seg] as Node | null) ?? undefined;
      } else return undefined;
    }
    return this.resolve(n);
  }

  /** The pair at `path` (its last segment a key), if the key is written. */
  pair(path: Path): Pair | undefined {
    if (path.length === 0) return undefined;
    const parent = this.node(path.slice(0, -1));
    if (!parent || !isMap(parent)) return undefined;
    return findPair(parent.items as Pair[], path[path.length - 1]);
  }

  has(path: Path): boolean {
    if (path.length === 0) return this.root !== undefined;
    const last = path[path.length - 1];
    if (typeof last === 'number') return this.node(path) !== undefined;
    return this.pair(path) !== undefined;
  }

  /** Where the value at `path` stands; if absent, where its nearest written ancestor's key stands. */
  spanOf(path: Path): Span {
    const n = this.node(path);
    if (n?.range && path.length > 0) {
      const s = { start: n.range[0], end: n.range[1] };
      if (s.end > s.start) return this.firstLineOf(s);
    }
    return this.keySpan(path);
  }

  /**
   * Where the key of `path` stands (for a list item, its first line); if the key is not
   * written, the nearest written ancestor's. The top of the file if nothing is written.
   */
  keySpan(path: Path): Span {
    for (let depth = path.length; depth > 0; depth--) {
      const p = path.slice(0, depth);
      const last = p[p.length - 1];
      if (typeof last === 'number') {
        const item = this.node(p);
        if (item?.range) return this.firstLineOf({ start: item.range[0], end: item.range[1] });
        continue;
      }
      const pair = this.pair(p);
      const key = pair?.key as Node | undefined;
      if (key?.range) return { start: key.range[0], end: key.range[1] };
    }
    return this.topSpan();
  }

  /** The first line of the file's content: where a finding stands about a part of it not written at all. */
  topSpan(): Span {
    return this.lineSpan(this.root?.range?.[0] ?? 0);
  }

  /** The first of the listed paths that is written, as a key span; for findings about absences. */
  anchor(...paths: Path[]): Span {
    for (const p of paths) if (this.has(p)) return this.keySpan(p);
    return this.keySpan(paths[paths.length - 1] ?? []);
  }

  /** The whole extent of the pair or item at `path`: key to end of value. */
  extentOf(path: Path): Span | undefined {
    const last = path[path.length - 1];
    if (typeof last === 'number') {
      const n = this.node(path);
      return n?.range ? { start: n.range[0], end: n.range[1] } : undefined;
    }
    const pair = this.pair(path);
    const k = pair?.key as Node | undefined;
    const v = pair?.value as Node | undefined;
    if (!k?.range) return undefined;
    return { start: k.range[0], end: v?.range?.[1] ?? k.range[1] };
  }

  lineSpan(offset: number): Span {
    const line = this.lines.lineOf(offset);
    const start = this.lines.lineStart(line);
    const text = this.lines.lineText(line);
    const lead = text.length - text.trimStart().length;
    return { start: start + lead, end: this.lines.lineEnd(line) };
  }

  /** Clip a span to its first line (a long block of text is underlined only where it starts). */
  firstLineOf(span: Span): Span {
    const line = this.lines.lineOf(span.start);
    return { start: span.start, end: Math.max(span.start, Math.min(span.end, this.lines.lineEnd(line))) };
  }

  /** The nearest line above `offset` whose value opens a quote that the line does not close. */
  private unclosedQuoteBefore(offset: number): Span | undefined {
    for (let line = this.lines.lineOf(Math.min(offset, this.text.length)); line >= 0; line--) {
      const text = this.lines.lineText(line);
      const m = /^(\s*(?:-\s+)?[^#'"]*?:\s+|\s*-\s+)(["'])/.exec(text);
      if (!m) continue;
      const q = m[2];
      const rest = text.slice(m[0].length);
      const closed = q === '"' ? /(^|[^\\])"/.test(rest) : /'/.test(rest.replace(/''/g, ''));
      if (closed) return undefined;
      const start = this.lines.lineStart(line) + m[1].length;
      return { start, end: this.lines.lineEnd(line) };
    }
    return undefined;
  }

  private resolve(n: Node | undefined): Node | undefined {
    if (this.byParts) return n; // a file read by parts has no aliases
    if (n && isAlias(n) && this.yaml) {
      try {
        return (n.resolve(this.yaml) as Node | undefined) ?? undefined;
      } catch {
        return undefined;
      }
    }
    return n;
  }
}

/** The plain value at `path` within `v` (a value of CaseDoc, or part of one, such as an entry's data), or undefined. */
export function valueAt(v: unknown, path: Path): unknown {
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

export function findPair(items: Pair[], key: string | number): Pair | undefined {
  for (const p of items) {
    if (!isPair(p)) continue;
    const k = p.key as Node | null;
    const kv = isScalar(k) ? k.value : k;
    if (kv === key) return p;
    if (typeof kv === 'string' && typeof key === 'string') continue; // the usual case, settled above
    if (kv !== null && kv !== undefined && String(kv) === String(key)) return p;
  }
  return undefined;
}

const PLAIN: Record<string, string> = {
  DUPLICATE_KEY: 'This key appears twice in the same section. Keep one and remove the other.',
  BAD_INDENT: 'The indentation here does not line up with the lines around it. Line it up with the other keys of its section (spaces only).',
  TAB_AS_INDENT: 'A tab is used to indent this line. Use spaces instead.',
  MISSING_CHAR: 'A character is missing here (often a closing quote or bracket).',
  MULTILINE_IMPLICIT_KEY: 'This key runs over more than one line. Check for a missing colon or a missing quote on the line above.',
  UNEXPECTED_TOKEN: 'Something unexpected stands here. Check the line for a stray character or a missing colon.',
  BLOCK_AS_IMPLICIT_KEY: 'A list or section stands where a key should be. Check the indentation and colons.',
  BAD_SCALAR_START: 'This value starts with a character that needs quoting. Put the text in quotes.',
  BAD_ALIAS: 'This reference to a marked part (*name) is not valid. If this is text, put it in quotes.',
  BAD_DIRECTIVE: 'This directive line (starting with %) is not valid.',
  BAD_DQ_ESCAPE: 'This quoted text has an escape (a backslash) that is not valid. Use single quotes, or write the backslash twice.',
  TAG_RESOLVE_FAILED: 'This tag (!name) is not one this file format understands. Remove it.',
  MISSING_ANCHOR: 'This refers (*name) to a part marked &name, and there is none. If this is text, put it in quotes.',
};

function plainYamlError(code: string, fallback: string): string {
  const firstLine = fallback.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  // The reader ran out of room: lists or sections inside one another thousands deep.
  if (/call stack/i.test(firstLine)) return 'Lists or sections are put inside one another here too many times over to be read. A case file needs only a few levels: check the brackets.';
  return PLAIN[code] ?? `The file cannot be read here (${firstLine}). Check the line for a stray character, and the indentation.`;
}
