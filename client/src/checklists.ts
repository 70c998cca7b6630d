import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CHECKLIST_REQUEST, type ChecklistParams, type ChecklistResult } from '../../server/src/protocol';

/** How often, at most, a case file being typed in is re-checked for the preview and status bar. */
const THROTTLE_MS = 300;

/**
 * Asks the server for the QM2 checklists the editor shows (the status bar's file and the
 * preview's), keeps the latest of each, and asks again, throttled, as the file changes. The
 * checklist itself is worked out by the server: this class only fetches and passes it on.
 */
export class Checklists implements vscode.Disposable {
  private readonly updated = new vscode.EventEmitter<ChecklistResult>();
  readonly onDidUpdate = this.updated.event;
  private readonly unanswered = new vscode.EventEmitter<string>();
  /**
   * Fires with a file's uri when the server had no checklist for it, or could not be asked. The
   * server has none for a file that does not exist, so the file may have been deleted.
   */
  readonly onDidFindNothing = this.unanswered.event;
  private readonly latest = new Map<string, ChecklistResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private disposed = false;
  private wanted: (uri: string) => boolean = () => false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly ready: Promise<void>,
    private readonly output: vscode.OutputChannel,
  ) {
    this.subscriptions.push(
      this.updated,
      this.unanswered,
      vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document.uri.toString())),
      // The server re-checks a file when another file of the dossier or the settings change; its
      // diagnostics then change too, and so may the checklist.
      vscode.languages.onDidChangeDiagnostics((e) => e.uris.forEach((u) => this.changed(u.toString()))),
      vscode.workspace.onDidCloseTextDocument((d) => this.latest.delete(d.uri.toString())),
    );
  }

  /** Which files anyone is showing; only those are fetched. */
  setWanted(wanted: (uri: string) => boolean): void {
    this.wanted = wanted;
  }

  get(uri: string): ChecklistResult | undefined {
    return this.latest.get(uri);
  }

  /** Fetches now (or as soon as the previous request for this file has answered). */
  refresh(uri: string): void {
    this.schedule(uri, 0);
  }

  /** The checklist as the server has it now; for commands that need it at once. */
  async fetch(uri: string): Promise<ChecklistResult | undefined> {
    await this.ready;
    const params: ChecklistParams = { uri };
    const result = await this.client.sendRequest<ChecklistResult | null>(CHECKLIST_REQUEST, params);
    if (result) {
      this.latest.set(uri, result);
      this.updated.fire(result);
    }
    return result ?? undefined;
  }

  private changed(uri: string): void {
    if (this.wanted(uri)) this.schedule(uri, THROTTLE_MS);
  }

  private schedule(uri: string, delay: number): void {
    if (this.disposed) return; // a request answered after the extension stopped
    if (this.inFlight.has(uri)) {
      this.again.add(uri);
      return;
    }
    if (this.timers.has(uri)) {
      if (delay > 0) return; // already due: that request will see this change too
      clearTimeout(this.timers.get(uri));
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  private async run(uri: string): Promise<void> {
    this.inFlight.add(uri);
    try {
      if (!(await this.fetch(uri))) this.unanswered.fire(uri);
    } catch (e) {
      this.output.appendLine(`Could not get the QM2 checklist for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
      this.unanswered.fire(uri);
    } finally {
      this.inFlight.delete(uri);
      if (this.again.delete(uri)) this.schedule(uri, THROTTLE_MS);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
