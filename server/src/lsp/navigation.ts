import {
  FoldingRangeKind, ResponseError, ErrorCodes, SymbolKind, type DocumentSymbol, type FoldingRange, type Location, type Range,
  type SelectionRange, type SymbolInformation, type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  agencyDefinition, agencyReferences, documentSymbols, foldingRanges, learningTargets, prepareAgencyRename, renameAgency,
  selectionSpans, type SymbolInfo,
} from '../engine/index';
import type { Checked } from './analyses';
import { uriKey } from './dossier';
import { guard, type Context } from './context';
import { nearestOffset, toOffset, toRange, toTextEdit } from './convert';

const KIND: Record<SymbolInfo['kind'], SymbolKind> = {
  section: SymbolKind.Namespace,
  agency: SymbolKind.Object,
  meeting: SymbolKind.Event,
  decision: SymbolKind.Boolean,
  item: SymbolKind.Struct,
  key: SymbolKind.Property,
};

/** Outline, go to definition, references, rename, folding and selection ranges. */
export function registerNavigation(ctx: Context): void {
  const { connection, caps } = ctx;

  /** The check of the document and the offset of a position in it, or nothing when either is missing. */
  const at = async (uri: string, position: { line: number; character: number }): Promise<{ c: Checked & Required<Pick<Checked, 'analysis'>>; offset: number } | undefined> => {
    const c = await ctx.analyses.current(uri);
    const offset = c?.analysis ? toOffset(c.lines, position) : undefined;
    return c?.analysis && offset !== undefined ? { c: c as Checked & Required<Pick<Checked, 'analysis'>>, offset } : undefined;
  };

  connection.onDocumentSymbol(guard(ctx, 'Outline', [] as DocumentSymbol[] | SymbolInformation[], async (p) => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    if (!c?.analysis) return [];
    const symbols = documentSymbols(c.analysis.doc);
    const toSymbol = (s: SymbolInfo): DocumentSymbol => ({
      name: s.name || '(unnamed)', detail: s.detail, kind: KIND[s.kind], range: toRange(c.lines, s.span), selectionRange: toRange(c.lines, s.selectionSpan), children: s.children.map(toSymbol),
    });
    if (caps.hierarchicalSymbols) return symbols.map(toSymbol);
    const flat: SymbolInformation[] = [];
    const walk = (s: SymbolInfo, container?: string) => {
      flat.push({ name: s.name || '(unnamed)', kind: KIND[s.kind], location: { uri: c.uri, range: toRange(c.lines, s.span) }, containerName: container });
      s.children.forEach((x) => walk(x, s.name));
    };
    symbols.forEach((s) => walk(s));
    return flat;
  }));

  connection.onDefinition(guard(ctx, 'Go to definition', [] as Location[], async (p) => {
    const h = await at(p.textDocument.uri, p.position);
    if (!h) return [];
    const { c, offset } = h;
    const decl = agencyDefinition(c.analysis.doc, offset);
    if (decl) return [{ uri: c.uri, range: toRange(c.lines, decl) }];
    const learning = learningTargets(c.analysis.doc, offset, await ctx.analyses.dossier.entries());
    return (learning?.targets ?? []).filter((t) => uriKey(t.path) !== uriKey(c.uri)).map((t) => ({ uri: t.path, range: rangeIn(ctx, t.path, t.span) }));
  }));

  connection.onReferences(guard(ctx, 'Find references', [] as Location[], async (p) => {
    const h = await at(p.textDocument.uri, p.position);
    if (!h) return [];
    return agencyReferences(h.c.analysis.doc, h.offset, p.context.includeDeclaration).map((s) => ({ uri: h.c.uri, range: toRange(h.c.lines, s) }));
  }));

  connection.onPrepareRename(guard(ctx, 'Rename', null as { range: Range; placeholder: string } | null, async (p) => {
    const h = await at(p.textDocument.uri, p.position);
    const r = h && prepareAgencyRename(h.c.analysis.doc, h.offset);
    return h && r ? { range: toRange(h.c.lines, r.span), placeholder: r.placeholder } : null;
  }));

  connection.onRenameRequest(guard(ctx, 'Rename', null as WorkspaceEdit | null, async (p) => {
    const h = await at(p.textDocument.uri, p.position);
    const r = h && renameAgency(h.c.analysis.doc, h.offset, p.newName);
    if (!h || !r) return null;
    if ('error' in r) throw new ResponseError(ErrorCodes.InvalidParams, r.error);
    return { changes: { [h.c.uri]: r.edits.map((e) => toTextEdit(h.c.lines, e)) } };
  }));

  connection.onFoldingRanges(guard(ctx, 'Folding', [] as FoldingRange[], async (p) => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    if (!c?.analysis) return [];
    return foldingRanges(c.analysis.doc).map((f) => ({ startLine: f.startLine, endLine: f.endLine, kind: f.comment ? FoldingRangeKind.Comment : undefined }));
  }));

  connection.onSelectionRanges(guard(ctx, 'Selection ranges', [] as SelectionRange[], async (p) => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    if (!c?.analysis) return [];
    const doc = c.analysis.doc;
    return p.positions.map((pos) => {
      const offset = toOffset(c.lines, pos);
      const spans = offset === undefined ? [] : selectionSpans(doc, offset);
      let range: SelectionRange | undefined;
      for (const s of spans.reverse()) range = { range: toRange(c.lines, s), parent: range };
      // Always a real place: a position outside the text is answered at the nearest one.
      const near = offset ?? nearestOffset(c.lines, pos);
      return range ?? { range: toRange(c.lines, { start: near, end: near }) };
    });
  }));
}

/** A span in another file of the dossier, as a range. */
function rangeIn(ctx: Context, uri: string, span: { start: number; end: number }): Range {
  const lines = ctx.analyses.dossier.lines(uri);
  return lines ? toRange(lines, span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
