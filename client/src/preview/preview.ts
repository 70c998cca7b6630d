import * as vscode from 'vscode';
import { baseName, isCaseDocument } from '../caseFiles';
import type { Checklists } from '../checklists';
import { isFromPreview, type ChecklistResult, type RenderedState, type Rng, type ToPreview } from '../../../server/src/protocol';
import { previewHtml } from './html';
import { newNonce } from './nonce';

export const PREVIEW_VIEW_TYPE = 'scr.checklist';

/** What the panel keeps across a window reload (the page keeps its own copy of the last data). */
interface PanelState {
  uri?: string;
  locked?: boolean;
}

/**
 * The QM2 checklist preview: one panel beside the editor that follows the active case file
 * (unless locked to one), redraws as the file changes, and takes the user to any item's place in
 * the file. All it shows comes from the server's `scr/checklist` answer.
 */
export class PreviewManager implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: string | undefined;
  private locked = false;
  /** What the page says when the file it showed has gone (and no other case file is in the editor). */
  private goneMessage: string | undefined;
  private rendered: RenderedState | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedState>();
  readonly onDidRender = this.renderedEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private panelSubscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly checklists: Checklists,
  ) {
    this.subscriptions.push(
      this.renderedEmitter,
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: PanelState | undefined) => {
          this.locked = !!state?.locked;
          const active = vscode.window.activeTextEditor?.document;
          this.adopt(panel, state?.uri ?? (isCaseDocument(active) ? active.uri.toString() : undefined));
        },
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (this.panel && !this.locked && isCaseDocument(e?.document)) this.retarget(e.document.uri.toString());
      }),
      checklists.onDidUpdate((r) => {
        if (this.panel && r.uri === this.target) this.post({ type: 'update', data: r, locked: this.locked });
      }),
      // The file shown is renamed or moved: the preview goes with it (locked or not).
      vscode.workspace.onDidRenameFiles((e) => {
        const shown = this.target;
        if (!this.panel || !shown) return;
        for (const f of e.files) {
          const now = movedTo(shown, f.oldUri.toString(), f.newUri.toString());
          if (now) return this.retarget(now);
        }
      }),
      // The file shown is deleted, alone or with its folder.
      vscode.workspace.onDidDeleteFiles((e) => {
        const shown = this.target;
        if (!this.panel || !shown) return;
        if (e.files.some((f) => movedTo(shown, f.toString(), '') !== undefined)) this.lost(shown, 'has been deleted.');
      }),
      // The server has no checklist for a file that does not exist. Without this, a preview whose
      // file was deleted while VS Code was closed, or by another program, would say "Checking…"
      // for ever.
      checklists.onDidFindNothing((uri) => {
        if (this.panel && uri === this.target) void this.lostIfMissing(uri);
      }),
    );
  }

  get lastRendered(): RenderedState | undefined {
    return this.rendered;
  }

  /** The checklist file the open preview shows. */
  wants(uri: string): boolean {
    return !!this.panel && uri === this.target;
  }

  get shown(): string | undefined {
    return this.panel ? this.target : undefined;
  }

  /** Opens the preview beside the editor (or brings it forward) on this case file. */
  open(uri: vscode.Uri | undefined): void {
    const target = uri?.toString() ?? this.target;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'QM2 Checklist', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
      this.adopt(panel, target);
      return;
    }
    if (target) this.retarget(target);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
    };
  }

  private adopt(panel: vscode.WebviewPanel, target: string | undefined): void {
    this.panelSubscriptions.forEach((d) => d.dispose());
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'icons', 'scr-case.svg');
    panel.webview.options = this.webviewOptions();
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: newNonce(),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
    });
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m)),
      panel.onDidDispose(() => {
        this.panelSubscriptions.forEach((d) => d.dispose());
        this.panelSubscriptions = [];
        this.panel = undefined;
        // A preview opened later starts afresh, following the editor (a reload restores its own lock).
        this.locked = false;
      }),
    ];
    this.target = target;
    this.updateTitle(target ? this.checklists.get(target) : undefined);
    // The page asks for the checklist once it has loaded ('ready').
  }

  private retarget(uri: string): void {
    this.goneMessage = undefined;
    if (uri === this.target) return;
    this.target = uri;
    this.pushCurrent();
    this.checklists.refresh(uri);
  }

  /** Sends what is known now; a fresh answer from the server follows. */
  private pushCurrent(): void {
    if (!this.target) {
      this.post({ type: 'empty', reason: this.goneMessage ?? 'Open an SCR case file (a file whose name ends in .scr.yaml) to see its QM2 checklist here.', locked: this.locked });
      return;
    }
    const known = this.checklists.get(this.target);
    if (known) this.post({ type: 'update', data: known, locked: this.locked });
    else this.post({ type: 'empty', reason: `Checking ${baseName(vscode.Uri.parse(this.target))} against QM2…`, locked: this.locked });
  }

  private post(message: ToPreview): void {
    if (!this.panel) return;
    if (message.type === 'update') this.updateTitle(message.data);
    void this.panel.webview.postMessage(message);
  }

  private updateTitle(r: ChecklistResult | undefined): void {
    if (!this.panel) return;
    const name = r?.reference ?? (this.target ? baseName(vscode.Uri.parse(this.target)) : undefined);
    this.panel.title = `${this.locked ? '[Locked] ' : ''}QM2 Checklist${name ? `: ${name}` : ''}`;
  }

  private receive(m: unknown): void {
    if (!isFromPreview(m, this.target)) return;
    switch (m.type) {
      case 'ready':
        this.pushCurrent();
        // The page loads again each time a hidden preview is shown. Ask the server afresh, so that
        // "Checking…" ends with an answer, and a file deleted meanwhile is found to be gone.
        if (this.target) this.checklists.refresh(this.target);
        break;
      case 'toggleLock':
        this.toggleLock();
        break;
      case 'reveal':
        reveal(vscode.Uri.parse(m.uri), m.range).catch(() => {
          void vscode.window.showWarningMessage(`${baseName(vscode.Uri.parse(m.uri))} could not be opened. It may have been moved or deleted.`);
        });
        break;
      case 'rendered':
        this.rendered = m.state;
        this.renderedEmitter.fire(m.state);
        break;
    }
  }

  /**
   * Locks the preview to the file it shows, or unlocks it to follow the editor again (from the
   * page's button or the command). Returns whether it is now locked; undefined with no preview open.
   */
  toggleLock(): boolean | undefined {
    if (!this.panel) {
      void vscode.window.showInformationMessage('Open the QM2 checklist first, then lock it to its case file.');
      return undefined;
    }
    if (!this.locked && !this.target) {
      // Nothing is shown (its file has gone): a lock would keep the preview on nothing.
      void vscode.window.showInformationMessage('Open a case file first: the lock keeps the checklist on the case file it shows.');
      return false;
    }
    this.locked = !this.locked;
    const doc = vscode.window.activeTextEditor?.document ?? vscode.window.visibleTextEditors.find((e) => isCaseDocument(e.document))?.document;
    if (!this.locked && isCaseDocument(doc) && doc.uri.toString() !== this.target) this.retarget(doc.uri.toString());
    else this.pushCurrent();
    this.updateTitle(this.target ? this.checklists.get(this.target) : undefined);
    return this.locked;
  }

  /**
   * The file shown has gone. A lock to a file that is gone means nothing, so it ends: the preview
   * moves at once to the case file in the editor, if there is one, and otherwise says what
   * happened until another case file is opened.
   */
  private lost(uri: string, what: string): void {
    this.locked = false;
    const next = caseFileInEditor(uri);
    if (next) {
      this.retarget(next);
    } else {
      this.target = undefined;
      this.goneMessage = `${baseName(vscode.Uri.parse(uri))} ${what} Open another case file to see its QM2 checklist here.`;
      this.pushCurrent();
    }
    this.updateTitle(this.target ? this.checklists.get(this.target) : undefined);
  }

  /** The server had nothing for the file shown: if the file is not there, it has gone. */
  private async lostIfMissing(uri: string): Promise<void> {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
      return; // it is there, but could not be checked: the output says why, and the next change asks again
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) return;
    }
    if (this.panel && uri === this.target) this.lost(uri, 'cannot be found. It may have been moved or deleted.');
  }

  dispose(): void {
    this.panel?.dispose();
    this.panelSubscriptions.forEach((d) => d.dispose());
    this.subscriptions.forEach((d) => d.dispose());
  }
}

/**
 * Where the file `shown` is after the file or folder `from` moved to `to`; undefined when the move
 * is not of it. A deletion is a move to ''.
 */
function movedTo(shown: string, from: string, to: string): string | undefined {
  if (shown === from) return to;
  const folder = from.replace(/\/$/, '') + '/';
  return shown.startsWith(folder) ? (to && to.replace(/\/$/, '') + '/' + shown.slice(folder.length)) : undefined;
}

/** The case file the user is working on, if any (the active editor's, else one on screen), other than `gone`. */
function caseFileInEditor(gone: string): string | undefined {
  const docs = [vscode.window.activeTextEditor?.document, ...vscode.window.visibleTextEditors.map((e) => e.document)];
  return docs.find((d) => isCaseDocument(d) && d.uri.toString() !== gone)?.uri.toString();
}

/** Shows the case file with the range selected, in the editor group where it already is if any. */
async function reveal(uri: vscode.Uri, r: Rng): Promise<void> {
  const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, {
    viewColumn: open?.viewColumn ?? vscode.ViewColumn.One,
    selection: range,
    preserveFocus: false,
  });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
