import {
  CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem, type Hover, type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { completionsAt, hoverAt, type CompletionEntry } from '../engine/index';
import { isConfigUri, isOurs } from './analyses';
import { guard, type Context } from './context';
import { toOffset, toRange } from './convert';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  agency: CompletionItemKind.Reference,
  board: CompletionItemKind.Value,
  date: CompletionItemKind.Value,
  skeleton: CompletionItemKind.Snippet,
};

/** Plain text for clients that cannot show Markdown. */
function plain(md: string): string {
  return md.replace(/\*\*|\*|`/g, '');
}

/** Hover: guidance on keys, meanings of values, dates in context, agencies, the checklist on `decision`. */
export function registerLanguage(ctx: Context): void {
  const { connection, caps } = ctx;

  connection.onHover(guard(ctx, 'Hover', null, async (p: TextDocumentPositionParams): Promise<Hover | null> => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    const offset = c?.analysis && toOffset(c.lines, p.position);
    if (!c?.analysis || offset === undefined) return null;
    const h = hoverAt(c.analysis, offset);
    if (!h) return null;
    return {
      contents: caps.markdownHover ? { kind: MarkupKind.Markdown, value: h.markdown } : { kind: MarkupKind.PlainText, value: plain(h.markdown) },
      range: toRange(c.lines, h.span),
    };
  }));

  connection.onCompletion(guard(ctx, 'Completion', [] as CompletionItem[], (p: TextDocumentPositionParams): CompletionItem[] => {
    const doc = ctx.documents.get(p.textDocument.uri);
    if (!doc || !isOurs(doc) || isConfigUri(doc.uri)) return [];
    const text = doc.getText();
    const caseDoc = ctx.analyses.parsed(doc.uri, text);
    const offset = toOffset(caseDoc.lines, p.position);
    if (offset === undefined) return [];
    return completionsAt(caseDoc, offset, ctx.analyses.today()).map((e) => {
      const snippet = caps.snippetCompletions && e.snippet !== undefined;
      const typed = text.slice(e.span.start, offset);
      return {
        label: e.label,
        kind: KIND[e.kind],
        detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        sortText: e.sortText,
        // Entries that replace more than the word typed (a list entry from its dash) still match what was typed.
        filterText: typed && !e.label.startsWith(typed) ? typed + e.label : undefined,
        textEdit: { range: toRange(caseDoc.lines, e.span), newText: snippet ? e.snippet! : e.text },
        insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        insertTextMode: InsertTextMode.asIs,
      };
    });
  }));
}
