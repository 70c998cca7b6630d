import { DiagnosticSeverity, type Diagnostic, type Position, type Range, type TextEdit } from 'vscode-languageserver';
import { listWords, shownText, type Finding, type LineIndex, type Span, type TextEdit as EngineEdit } from '../engine/index';
import { ruleDocUrl } from '../cli/links';
import { DIAGNOSTIC_SOURCE as SOURCE } from '../protocol';
import type { ServerHost } from './host';

/** The one place engine spans, positions and findings become LSP types. */

export { SOURCE };

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** The offset of a position, or undefined when the position is outside the text. */
export function toOffset(lines: LineIndex, pos: Position): number | undefined {
  if (pos.line < 0 || pos.character < 0 || pos.line >= lines.lineCount) return undefined;
  if (pos.character > lines.lineEnd(pos.line) - lines.lineStart(pos.line)) return undefined;
  return lines.offsetAt(pos);
}

/** The place in the text nearest `pos`, for a position past a line's end or the text's (or before its start). */
export function nearestOffset(lines: LineIndex, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= lines.lineCount) return lines.text.length;
  const start = lines.lineStart(pos.line);
  return start + Math.max(0, Math.min(pos.character, lines.lineEnd(pos.line) - start));
}

export function toTextEdit(lines: LineIndex, e: EngineEdit): TextEdit {
  return { range: toRange(lines, e.span), newText: e.newText };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** What a diagnostic carries for code actions and for the client: its questions and its fixes. */
export interface DiagnosticData {
  questions: number[];
  /** The document version the fixes apply to. */
  version?: number | null;
  fixes: { title: string; preferred: boolean; edits: TextEdit[] }[];
}

export function ruleHref(host: ServerHost, id: string): string {
  return host.localRuleDoc?.(id) ?? ruleDocUrl(id);
}

function questionsText(qs: readonly number[]): string {
  if (!qs.length) return '';
  return ` (QM2 question${qs.length === 1 ? '' : 's'} ${listWords(qs.map(String), 'and')})`;
}

/**
 * A finding's message as its diagnostic shows it: with the QM2 questions it bears on, unless it
 * names them. A settings file's findings too are shown as shownText shows the user's text.
 */
export function diagnosticMessage(f: Finding): string {
  const message = shownText(f.message);
  return /QM2 question/.test(message) ? message : message + questionsText(f.questions);
}

/**
 * A finding as a diagnostic: rule id as `code`, its page as `codeDescription`, the QM2 questions in
 * the message and `data`, places elsewhere as related information. `linesOf` gives the lines of
 * other files named by related places.
 */
export function toDiagnostic(f: Finding, ctx: { uri: string; lines: LineIndex; version?: number | null; host: ServerHost; linesOf: (uri: string) => LineIndex | undefined }): Diagnostic {
  const data: DiagnosticData = {
    questions: f.questions,
    version: ctx.version,
    fixes: f.fixes.map((x) => ({ title: x.title, preferred: !!x.preferred, edits: x.edits.map((e) => toTextEdit(ctx.lines, e)) })),
  };
  const d: Diagnostic = {
    range: toRange(ctx.lines, f.span),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: ruleHref(ctx.host, f.rule) },
    source: SOURCE,
    message: diagnosticMessage(f),
    data,
  };
  if (f.related.length) {
    d.relatedInformation = f.related.map((r) => {
      const uri = r.path ?? ctx.uri;
      const lines = r.path ? ctx.linesOf(r.path) : ctx.lines;
      const range = lines ? toRange(lines, r.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      return { location: { uri, range }, message: shownText(r.message) };
    });
  }
  return d;
}
