import * as vscode from 'vscode';
import { isCaseDocument } from './caseFiles';
import type { Checklists } from './checklists';
import { OPEN_CHECKLIST_COMMAND, type ChecklistResult } from '../../server/src/protocol';
import { problemsInWords } from './words';

/** `QM2 7/9` in the status bar while a case file is the active editor; a click opens the checklist. */
export class QmStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('scr.qm2', vscode.StatusBarAlignment.Right, 100);
  private current: string | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly checklists: Checklists) {
    this.item.name = 'SCR QM2 checklist';
    this.item.command = OPEN_CHECKLIST_COMMAND;
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      checklists.onDidUpdate((r) => {
        if (r.uri === this.current) this.show(r);
      }),
    );
    this.follow(vscode.window.activeTextEditor);
  }

  wants(uri: string): boolean {
    return uri === this.current;
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moved to the preview, a panel or the output: keep showing the last case file, while it is on screen.
    if (!editor || editor.document.uri.scheme === 'output') {
      if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === this.current)) this.hide();
      return;
    }
    if (!isCaseDocument(editor.document)) {
      this.hide();
      return;
    }
    this.current = editor.document.uri.toString();
    const known = this.checklists.get(this.current);
    if (known) this.show(known);
    else {
      this.item.text = '$(checklist) QM2 …';
      this.item.tooltip = 'Checking this case file against QM2…';
      this.item.accessibilityInformation = { label: 'QM2 checklist: checking' };
      this.item.show();
    }
    this.checklists.refresh(this.current);
  }

  private hide(): void {
    this.current = undefined;
    this.item.hide();
  }

  private show(r: ChecklistResult): void {
    this.item.text = `$(checklist) QM2 ${r.met}/${r.applicable}`;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendText(r.summary);
    tip.appendMarkdown('\n\n');
    tip.appendText(problemsInWords(r.counts));
    tip.appendMarkdown('\n\n$(checklist) Select to open the QM2 checklist.');
    this.item.tooltip = tip;
    this.item.accessibilityInformation = {
      label: `QM2 checklist: ${r.met} of ${r.applicable} questions met. ${problemsInWords(r.counts)} Select to open the checklist.`,
    };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }
}
