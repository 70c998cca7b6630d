import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { baseName, CASE_LANGUAGE, caseUriFrom } from './caseFiles';
import type { Checklists } from './checklists';
import type { DossierProblems, DossierSummary } from './dossier';
import { renderHtml, renderMarkdown } from './export/render';
import { localIsoDate, problemsInWords } from './words';
import { OPEN_CHECKLIST_COMMAND } from '../../server/src/protocol';
import { plural } from '../../server/src/engine/text';
import type { PreviewManager } from './preview/preview';


export interface CommandDeps {
  client: BaseLanguageClient;
  ready: Promise<void>;
  output: vscode.OutputChannel;
  preview: PreviewManager;
  checklists: Checklists;
  dossier: DossierProblems;
}

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('scr');
const NEW_CASE_SNIPPET = 'New case file';

export function registerCommands(context: vscode.ExtensionContext, deps: CommandDeps): void {
  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          return await run(...args);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          deps.output.appendLine(`${id}: ${message}`);
          void vscode.window.showErrorMessage(`SCR: ${message}`, 'Show Output').then((a) => a && deps.output.show());
          return undefined;
        }
      }),
    );

  register('scr.newCaseFile', () => newCaseFile(context));
  register(OPEN_CHECKLIST_COMMAND, (arg) => deps.preview.open(caseUriFrom(arg) ?? previewOrNothing(deps)));
  register('scr.fixAll', (arg) => fixAll(arg));
  register('scr.checkDossier', () => checkDossier(deps));
  register('scr.exportChecklist', (arg, options) => exportChecklist(deps, arg, options as ExportOptions | undefined));
  register('scr.showOutput', () => deps.output.show());
  register('scr.toggleChecklistLock', () => deps.preview.toggleLock());
}

function previewOrNothing(deps: CommandDeps): vscode.Uri | undefined {
  const shown = deps.preview.shown;
  return shown ? vscode.Uri.parse(shown) : undefined;
}

/** An untitled case file from the "New case file" snippet, ready to fill in with Tab. */
async function newCaseFile(context: vscode.ExtensionContext): Promise<vscode.Uri> {
  const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'scr-case.code-snippets');
  const snippets = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, { body: string[] }>;
  const doc = await vscode.workspace.openTextDocument({ language: CASE_LANGUAGE, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(snippets[NEW_CASE_SNIPPET].body.join('\n')));
  return doc.uri;
}

/** Applies the server's "fix all" action (source.fixAll.scr) to a case file. */
async function fixAll(arg: unknown): Promise<boolean> {
  const uri = caseUriFrom(arg);
  if (!uri) {
    void vscode.window.showInformationMessage('Open an SCR case file first, then run "SCR: Fix All QM2 Problems".');
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, all, FIX_ALL_KIND.value, 1)) ?? [];
  const action = actions.find((a) => a.kind && FIX_ALL_KIND.contains(a.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage('Nothing in this case file can be fixed automatically.');
    return false;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error('The fixes could not be applied: the file may have changed. Try again.');
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  void vscode.window.showInformationMessage('Fixes applied. Fill in each place marked "To be completed." and check the dates.');
  return true;
}

async function checkDossier(deps: CommandDeps): Promise<DossierSummary> {
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking every case file in the workspace…' },
    () => deps.dossier.check(),
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  // With no folder open there is no dossier: only the open case files were checked, and the user should know.
  const scope = vscode.workspace.workspaceFolders?.length ? '' : ' No folder is open, so only the case files open in the editor were checked: open the dossier’s folder to check every case file in it.';
  void vscode.window.showInformationMessage(`Checked ${plural(summary.files, 'case file')}. ${problemsInWords(summary)}${scope} See the Problems panel.`);
  return summary;
}

export interface ExportOptions {
  format?: 'html' | 'markdown';
  /** Where to write, skipping the save dialog. */
  target?: vscode.Uri | string;
}

/** Saves the checklist as an HTML page or Markdown for the board's record. */
async function exportChecklist(deps: CommandDeps, arg: unknown, options: ExportOptions = {}): Promise<vscode.Uri | undefined> {
  const uri = caseUriFrom(arg) ?? previewOrNothing(deps);
  if (!uri) {
    void vscode.window.showInformationMessage('Open an SCR case file first, then run "SCR: Export Checklist".');
    return undefined;
  }
  const result = await deps.checklists.fetch(uri.toString());
  if (!result) throw new Error(`${baseName(uri)} could not be read as a case file, so there is no checklist to export. Check that the file still exists and that its name ends in .scr.yaml.`);
  let format = options.format;
  if (!format) {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'HTML page', description: 'to print or attach to the board’s record', format: 'html' as const },
        { label: 'Markdown', description: 'plain text with headings and tables', format: 'markdown' as const },
      ],
      { title: 'Export the QM2 checklist as' },
    );
    if (!pick) return undefined;
    format = pick.format;
  }
  const ext = format === 'html' ? 'html' : 'md';
  const stem = (result.reference ?? baseName(uri).replace(/\.scr\.yaml$/, '')).replace(/[^\w.-]+/g, '-');
  let target = typeof options.target === 'string' ? vscode.Uri.parse(options.target) : options.target;
  if (!target) {
    const folder = uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(uri, '..');
    target = await vscode.window.showSaveDialog({
      title: 'Save the QM2 checklist',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `${stem}-qm2-checklist.${ext}`) : undefined,
      filters: format === 'html' ? { 'HTML page': ['html'] } : { Markdown: ['md'] },
    });
    if (!target) return undefined;
  }
  const ctx = { file: baseName(uri), exportedOn: localIsoDate() };
  const text = format === 'html' ? renderHtml(result, ctx) : renderMarkdown(result, ctx);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (!options.target) {
    void vscode.window.showInformationMessage(`Checklist saved as ${baseName(target)}.`, 'Open').then((a) => {
      if (a && target) void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return target;
}
