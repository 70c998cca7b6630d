import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { isCaseDocument } from './caseFiles';
import { CHECK_DOSSIER_REQUEST, DIAGNOSTIC_SOURCE as SOURCE, type CheckDossierParams, type CheckDossierResult } from '../../server/src/protocol';

export interface DossierSummary {
  files: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
}

/**
 * "SCR: Check Whole Dossier": every case file of the workspace checked by the server, the files
 * that are not open shown in the Problems panel. An open file's problems come from the language
 * server as usual, so its entry here is dropped as soon as it is opened. Where the server keeps
 * the whole workspace's diagnostics up to date itself (LSP workspace diagnostics), they are
 * already in the Problems panel, and this only counts them.
 */
export class DossierProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('scr-dossier');
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (isCaseDocument(d)) this.collection.delete(d.uri);
      }),
    );
  }

  async check(): Promise<DossierSummary> {
    await this.ready;
    const open = vscode.workspace.textDocuments.filter(isCaseDocument).map((d) => d.uri.toString());
    const params: CheckDossierParams = { exclude: open };
    const result = await this.client.sendRequest<CheckDossierResult>(CHECK_DOSSIER_REQUEST, params);
    const summary: DossierSummary = { files: 0, error: 0, warning: 0, info: 0, hint: 0 };
    const entries: [vscode.Uri, vscode.Diagnostic[]][] = [];
    const serverShowsAll = this.workspaceDiagnostics();
    for (const file of result.files) {
      // Left out as asked, unless the server spells the file's address differently: counted below.
      if (open.includes(vscode.Uri.parse(file.uri).toString())) continue;
      summary.files++;
      const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(file.diagnostics);
      for (const d of diagnostics) summary[severityKey(d.severity)]++;
      if (!serverShowsAll) entries.push([vscode.Uri.parse(file.uri), diagnostics]);
    }
    // Open files of the dossier count too, with the problems the editor already shows for them
    // from this checker (not those of other extensions).
    for (const uri of open) {
      const u = vscode.Uri.parse(uri);
      // In a workspace, a file from outside its folders is not of the dossier; with no folder open, every open case file counts.
      if (vscode.workspace.workspaceFolders?.length && !vscode.workspace.getWorkspaceFolder(u)) continue;
      summary.files++;
      for (const d of vscode.languages.getDiagnostics(u)) if (d.source === SOURCE) summary[severityKey(d.severity)]++;
    }
    this.collection.clear();
    this.collection.set(entries);
    return summary;
  }

  private workspaceDiagnostics(): boolean {
    const provider = this.client.initializeResult?.capabilities.diagnosticProvider;
    return !!provider && typeof provider === 'object' && 'workspaceDiagnostics' in provider && provider.workspaceDiagnostics === true;
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}

function severityKey(s: vscode.DiagnosticSeverity): keyof Omit<DossierSummary, 'files'> {
  switch (s) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'info';
    default:
      return 'hint';
  }
}
