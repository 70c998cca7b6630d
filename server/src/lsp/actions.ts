import {
  CodeActionKind, CodeActionTriggerKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type CodeLens, type CodeLensParams, type Diagnostic,
  type SnippetTextEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll, lensTitle, waiverEdit, type Finding } from '../engine/index';
import { OPEN_CHECKLIST_COMMAND } from '../protocol';
import type { Checked } from './analyses';
import { guard, type Context } from './context';
import { diagnosticMessage, SOURCE, toRange, toTextEdit, type DiagnosticData } from './convert';

/** The "fix all" kind: offered on request, and on save where the editor is set to fix on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.scr`;

/** Quick fixes bound to their diagnostics, "Waive this finding…", "Fix all QM2 problems"; the checklist lens. */
export function registerActions(ctx: Context): void {
  const { connection, caps } = ctx;

  const edit = (c: Checked, edits: (TextEdit | SnippetTextEdit)[]): WorkspaceEdit =>
    caps.documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri: c.uri, version: c.version }, edits)] } : { changes: { [c.uri]: edits as TextEdit[] } };

  connection.onCodeAction(guard(ctx, 'Code actions', [] as CodeAction[], async (p: CodeActionParams): Promise<CodeAction[]> => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    if (!c) return [];
    const wants = (kind: string) => !p.context.only || p.context.only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const actions: CodeAction[] = [];
    // One waiver comment covers every finding of its rule in its key or item: offered once for them all.
    const waivers = new Map<string, CodeAction>();
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of p.context.diagnostics) {
        if (d.source !== SOURCE) continue;
        const f = findingOf(c, d);
        const fixes = f ? f.fixes.map((x) => ({ title: x.title, preferred: !!x.preferred, edits: x.edits.map((e) => toTextEdit(c.lines, e)) })) : fromData(c, d);
        for (const x of fixes) actions.push({ title: x.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: x.preferred, edit: edit(c, x.edits) });
        const waive = f && c.analysis && waiverEdit(c.analysis.doc, f, c.findings);
        const same = waive && waivers.get(`${f.rule}@${waive.edit.span.start}`);
        if (same) same.diagnostics!.push(d);
        else if (waive) {
          const range = toRange(c.lines, waive.edit.span);
          const text = waive.edit.newText;
          const escape = (s: string) => s.replace(/[$}\\]/g, '\\$&');
          const e: TextEdit | SnippetTextEdit = caps.snippetEdits
            ? { range, snippet: { kind: 'snippet', value: `${escape(text.slice(0, waive.reasonAt))}$0${escape(text.slice(waive.reasonAt))}` } }
            : { range, newText: text };
          const action: CodeAction = { title: waive.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(c, [e]) };
          waivers.set(`${f.rule}@${waive.edit.span.start}`, action);
          actions.push(action);
        }
      }
    }
    // Working out fix-all reads the file again for each fix, so not for the light bulb's automatic
    // request at every cursor move: only when someone asks for actions or for fix-all itself.
    const asked = p.context.only !== undefined || p.context.triggerKind !== CodeActionTriggerKind.Automatic;
    if (asked && wants(FIX_ALL_KIND) && c.analysis) {
      const all = fixAll(c.analysis.doc, c.findings);
      if (all.edits.length) actions.push({ title: 'Fix all QM2 problems', kind: FIX_ALL_KIND, edit: edit(c, all.edits.map((e) => toTextEdit(c.lines, e))) });
    }
    return actions;
  }));

  connection.onCodeLens(guard(ctx, 'Code lens', [] as CodeLens[], async (p: CodeLensParams): Promise<CodeLens[]> => {
    const c = await ctx.analyses.current(p.textDocument.uri);
    if (!c?.analysis) return [];
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return [{ range: top, command: { title: lensTitle(c.analysis), command: OPEN_CHECKLIST_COMMAND, arguments: [c.uri] } }];
  }));
}

/**
 * The finding a diagnostic came from, in the analysis of the document as it stands. One place can
 * hold several findings of a rule (a key agency type missing for each type, one criterion after
 * another): the message tells them apart.
 */
function findingOf(c: Checked, d: Diagnostic): Finding | undefined {
  const here = c.findings.filter((f) => {
    if (f.rule !== d.code || f.waived) return false;
    const r = toRange(c.lines, f.span);
    return r.start.line === d.range.start.line && r.start.character === d.range.start.character && r.end.line === d.range.end.line && r.end.character === d.range.end.character;
  });
  return here.find((f) => diagnosticMessage(f) === d.message) ?? here[0];
}

/** The fixes a diagnostic carries, when they were made for the version the document still has. */
function fromData(c: Checked, d: Diagnostic): DiagnosticData['fixes'] {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return data && Array.isArray(data.fixes) && data.version === c.version && c.version !== null ? data.fixes : [];
}
