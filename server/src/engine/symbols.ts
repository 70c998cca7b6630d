import { formatLong, parseDate } from './dates';
import type { CaseDoc, Path } from './document';
import { extents, nodeAt, type Extent } from './locate';
import { asRecord, asString } from './values';
import { schemaAt, type SchemaNode } from './schema-info';
import { shownText } from './text';
import type { Span } from './types';

/** One entry of the outline: a section, an agency by name, a meeting by date, the decision. */
export interface SymbolInfo {
  name: string;
  detail?: string;
  kind: 'section' | 'agency' | 'meeting' | 'decision' | 'item' | 'key';
  span: Span;
  selectionSpan: Span;
  children: SymbolInfo[];
}

const ITEM_LABELS = ['board', 'topic', 'reference', 'agency', 'to', 'by', 'type', 'date'];

/** The file's outline: each section, with its entries (lists) or keys (sections). */
export function documentSymbols(doc: CaseDoc): SymbolInfo[] {
  const all = extents(doc);
  const childrenOf = (path: Path) => all.filter((e) => e.path.length === path.length + 1 && path.every((s, i) => e.path[i] === s));
  return childrenOf([]).map((top) => {
    const key = String(top.path[0]);
    const items = childrenOf(top.path);
    const isList = items.length > 0 && typeof items[0].path[1] === 'number';
    const children = isList ? items.map((e) => itemSymbol(doc, key, e)) : items.map((e) => titled(e, 'key'));
    if (key === 'decision') {
      const outcome = asString(doc.get(['decision', 'outcome']));
      const day = parseDate(doc.get(['decision', 'date']));
      return { ...symbol('Decision', top, 'decision', [outcome, day !== undefined ? formatLong(day) : undefined].filter(Boolean).join(', ') || undefined), children };
    }
    return { ...titled(top, 'section'), children };
  });
}

/** A section or key named in words, as the format's documentation names it, with the key as written beside it. */
function titled(e: Extent, kind: SymbolInfo['kind']): SymbolInfo {
  const key = String(e.path[e.path.length - 1]);
  const title = titleOf(e.path);
  return symbol(title, e, kind, title === key ? undefined : key);
}

/** An entry of the outline, its name and detail (the user's words, often) shown as shownText shows them. */
function symbol(name: string, e: Extent, kind: SymbolInfo['kind'], detail?: string): SymbolInfo {
  return { name: shownText(name), detail: detail === undefined ? undefined : shownText(detail), kind, span: e.span, selectionSpan: e.keySpan, children: [] };
}

function itemSymbol(doc: CaseDoc, section: string, e: Extent): SymbolInfo {
  const data = asRecord(doc.get(e.path));
  const n = Number(e.path[1]) + 1;
  if (section === 'agencies' && data) {
    return symbol(asString(data.name) ?? asString(data.id) ?? `Agency ${n}`, e, 'agency', [asString(data.id), asString(data.type)].filter(Boolean).join(' · ') || undefined);
  }
  if (section === 'meetings' && data) {
    const day = parseDate(data.date);
    return symbol(day !== undefined ? formatLong(day) : `Meeting ${n}`, e, 'meeting', asString(data.forum));
  }
  const label = data ? ITEM_LABELS.map((k) => asString(data[k])).find(Boolean) : asString(doc.get(e.path));
  return symbol(label ?? `${titleOf(e.path)} ${n}`, e, 'item');
}

/** 0-based first and last lines of a block that folds. */
export interface Fold {
  startLine: number;
  endLine: number;
  comment?: boolean;
}

/** Every key or entry that runs over several lines, and every run of comment lines. */
export function foldingRanges(doc: CaseDoc): Fold[] {
  const byStart = new Map<number, Fold>();
  for (const e of extents(doc)) {
    const startLine = doc.lines.lineOf(e.span.start);
    const endLine = lastWrittenLine(doc, e.span);
    if (endLine > startLine && (byStart.get(startLine)?.endLine ?? -1) < endLine) byStart.set(startLine, { startLine, endLine });
  }
  const folds = [...byStart.values()];
  let run = -1;
  for (let line = 0; line <= doc.lines.lineCount; line++) {
    const isComment = line < doc.lines.lineCount && /^\s*#/.test(doc.lines.lineText(line));
    if (isComment && run < 0) run = line;
    if (!isComment && run >= 0) {
      if (line - 1 > run) folds.push({ startLine: run, endLine: line - 1, comment: true });
      run = -1;
    }
  }
  return folds.sort((a, b) => a.startLine - b.startLine);
}

function lastWrittenLine(doc: CaseDoc, span: Span): number {
  let i = Math.min(span.end, doc.text.length) - 1;
  while (i > span.start && /\s/.test(doc.text[i])) i--;
  return doc.lines.lineOf(Math.max(i, span.start));
}

/** From the word at `offset` outwards: the value, its key and value, each enclosing entry, the whole file. */
export function selectionSpans(doc: CaseDoc, offset: number): Span[] {
  const spans: Span[] = [];
  const hit = nodeAt(doc, offset);
  if (hit) spans.push(hit.span);
  const around = extents(doc).filter((e) => e.span.start <= offset && offset <= e.span.end).map((e) => e.span);
  spans.push(...around.sort((a, b) => a.end - a.start - (b.end - b.start)));
  spans.push({ start: 0, end: doc.text.length });
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (!prev || ((s.start !== prev.start || s.end !== prev.end) && s.start <= prev.start && s.end >= prev.end)) out.push(s);
  }
  return out;
}

function titleOf(path: Path): string {
  const node: SchemaNode | undefined = schemaAt(path);
  return node?.title ?? String(path[path.length - 1] ?? 'case file');
}
