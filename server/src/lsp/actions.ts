import {
  CodeActionKind, CodeActionTriggerKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type CodeLens, type CodeLensParams, type Diagnostic,
  type SnippetTextEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAll, lensTitle, waiverEdit, type Finding } from '../engine/index';
import { OPEN_CHECKLIST_COMMAND } from '../protocol';
import type { Checked } from './analyses';
import { guard, type Context } from './context';
import { diagnosticMessage, SOURCE, toRange, toTextEdit, type DiagnosticData } from './convert';

/**
 * The "fix all" kind: offered on request, and on save where the editor is set to fix on save
 * (where it makes corrections only: see chosenByUser).
 */
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
    const offered = new Map<string, CodeAction>();
    if (wants(CodeActionKind.QuickFix)) {
      for (const d of p.context.diagnostics) {
        if (d.source !== SOURCE) continue;
        const f = findingOf(c, d);
        const fixes = f ? f.fixes.map((x) => ({ title: x.title, preferred: !!x.preferred, edits: x.edits.map((e) => toTextEdit(c.lines, e)) })) : fromData(c, d);
        for (const x of fixes) {
          // The same fix for two findings (a misspelt key, and the finding it causes) is offered once, for both.
          const key = `${x.title}\u0000${JSON.stringify(x.edits)}`;
          const same = offered.get(key);
          if (same) same.diagnostics!.push(d);
          else {
            const action: CodeAction = { title: x.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: x.preferred, edit: edit(c, x.edits) };
            offered.set(key, action);
            actions.push(action);
          }
        }
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
      const chosen = chosenByUser(p);
      const all = fixAll(c.analysis.doc, c.findings, { correctionsOnly: !chosen, again: c.checkOther });
      const title = chosen ? 'Fix all QM2 problems' : 'Correct misspelt keys, values and dates';
      if (all.edits.length) actions.push({ title, kind: FIX_ALL_KIND, edit: edit(c, all.edits.map((e) => toTextEdit(c.lines, e))) });
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
 * Whether the user asked for "Fix all" themselves, so that it may add what is missing (entries with
 * text to complete, the date of a request): VS Code's "Fix All" and "Source Action…", the command
 * "SCR: Fix All QM2 Problems" and other editors' code action menus say the request was invoked.
 * `editor.codeActionsOnSave` asks for `source.fixAll` automatically: a save makes corrections only
 * (a misspelt key, value or agency id; a date that can be read only one way), never adds a record.
 * An editor from before LSP 3.17 does not say: a request for every action is someone opening a
 * menu, but one for fix-all actions alone may be a save, so it too makes corrections only.
 */
function chosenByUser(p: CodeActionParams): boolean {
  if (p.context.triggerKind === CodeActionTriggerKind.Invoked) return true;
  return p.context.triggerKind === undefined && p.context.only === undefined;
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
