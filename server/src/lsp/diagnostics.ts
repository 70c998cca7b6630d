import {
  DocumentDiagnosticReportKind, ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { CHECK_DOSSIER_REQUEST, type CheckDossierParams, type CheckDossierResult } from '../protocol';
import { isConfigUri, isOurs, type Checked } from './analyses';
import { uriKey } from './dossier';
import { diagnosticsOf, guard, type Context } from './context';

/** How long typing must pause before a document is checked again. */
export const DEBOUNCE_MS = 200;

/**
 * Diagnostics, pulled where the client supports it and pushed otherwise. A document is checked
 * once typing pauses; a check for a version that has been replaced is dropped, and a result is
 * only ever replaced by the next one (never cleared first), so nothing flickers.
 */
export class Diagnostics {
  /** Per document: the timer of its next check, or the token of a check due at once. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout> | object>();
  private readonly lastChange = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  /** Counts wake-ups, so that a change during a workspace check is not missed. */
  private ticks = 0;
  /** Case files deleted on disk: the next workspace report empties their list once. */
  private readonly gone = new Set<string>();

  constructor(private readonly ctx: Context) {
    const { connection, documents, caps } = ctx;
    const opening = new Set<string>();
    documents.onDidOpen((e) => {
      opening.add(e.document.uri);
      if (!caps.pullDiagnostics) this.schedule(e.document.uri, 0);
    });
    documents.onDidChangeContent((e) => {
      // Opening a document also counts as a change of content: only real edits wait for a pause.
      if (!opening.delete(e.document.uri)) this.changed(e.document.uri);
    });
    documents.onDidClose((e) => {
      const uri = e.document.uri;
      clearTimeout(this.timers.get(uri) as ReturnType<typeof setTimeout>);
      this.timers.delete(uri);
      this.lastChange.delete(uri);
      ctx.analyses.forget(uri);
      if (!caps.pullDiagnostics) connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined); // the editor has gone
    });
    if (caps.pullDiagnostics) {
      connection.languages.diagnostics.on(guard(ctx, 'Checking a document', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, (p, token) => this.pull(p.textDocument.uri, p.previousResultId, token)));
      connection.languages.diagnostics.onWorkspace(guard(ctx, 'Checking the workspace', { items: [] }, async (p, token) => ({ items: await this.workspace(p.previousResultIds, token) })));
    }
    connection.onRequest(CHECK_DOSSIER_REQUEST, guard(ctx, 'Checking the dossier', { files: [] } as CheckDossierResult, (p: CheckDossierParams) => this.checkDossier(p)));
  }

  /** Settings, a settings file or the dossier changed: check everything again. */
  recheckAll(): void {
    const { caps, connection, documents } = this.ctx;
    if (caps.pullDiagnostics) {
      if (caps.diagnosticRefresh) connection.languages.diagnostics.refresh().catch(() => undefined);
    } else {
      for (const d of documents.all()) this.schedule(d.uri, 0);
    }
    this.wake();
  }

  /** A case file changed on disk: a waiting workspace request answers with its new findings. */
  fileChanged(uri: string, deleted: boolean): void {
    // A file that comes back is reported as it is, not also as gone.
    if (deleted) this.gone.add(uri);
    else this.gone.delete(uri);
    this.wake();
  }

  private wake(): void {
    this.ticks++;
    for (const wake of [...this.waiters]) wake();
  }

  private changed(uri: string): void {
    this.lastChange.set(uri, Date.now());
    if (!this.ctx.caps.pullDiagnostics) this.schedule(uri, DEBOUNCE_MS);
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri) as ReturnType<typeof setTimeout>);
    if (delay > 0) {
      this.timers.set(uri, setTimeout(() => void this.push(uri), delay));
      return;
    }
    // At once, without a timer's wait of a millisecond or more (an opened file is checked straight away).
    const token = {};
    this.timers.set(uri, token);
    queueMicrotask(() => {
      if (this.timers.get(uri) === token) void this.push(uri);
    });
  }

  private async push(uri: string): Promise<void> {
    this.timers.delete(uri);
    const doc = this.ctx.documents.get(uri);
    if (!doc) return;
    try {
      const c = await this.ctx.analyses.current(uri);
      const now = this.ctx.documents.get(uri);
      if (!c || !now || now.version !== c.version) return; // a newer version is on its way
      await this.ctx.connection.sendDiagnostics({ uri, version: c.version ?? undefined, diagnostics: diagnosticsOf(this.ctx, c) });
    } catch (e) {
      this.ctx.log(`Checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
    }
  }

  private async pull(uri: string, previous: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.ctx.documents.get(uri);
    if (!doc || !isOurs(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const wait = (this.lastChange.get(uri) ?? 0) + DEBOUNCE_MS - Date.now();
    if (wait > 0) await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, wait);
      token.onCancellationRequested(() => (clearTimeout(t), resolve()));
    });
    const c = await this.ctx.analyses.current(uri);
    if (token.isCancellationRequested || !c || this.ctx.documents.get(uri)?.version !== c.version) {
      // Replaced while waiting: the client keeps what it shows and asks again.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; check again.', { retriggerRequest: true });
    }
    if (previous === c.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: c.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: c.resultId, items: diagnosticsOf(this.ctx, c) };
  }

  private async checkFile(uri: string): Promise<Checked | undefined> {
    return this.ctx.analyses.file(uri, () => this.ctx.host.readFile(uri));
  }

  /**
   * Every case file of the workspace folders. When nothing changed since the client's last
   * results, the answer waits until something does (or the client gives up): no busy polling.
   * `previous` is keyed by uriKey: the client may spell a file's URI otherwise than Node does
   * (`%28` for `(`, `c%3A` for `C:`).
   */
  private async workspace(previousResultIds: readonly { uri: string; value: string }[], token: CancellationToken): Promise<WorkspaceDocumentDiagnosticReport[]> {
    const previous = new Map(previousResultIds.map((r) => [uriKey(r.uri), r.value]));
    const report = (c: Checked): WorkspaceDocumentDiagnosticReport => previous.get(uriKey(c.uri)) === c.resultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: c.uri, version: c.version, resultId: c.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, uri: c.uri, version: c.version, resultId: c.resultId, items: diagnosticsOf(this.ctx, c) };
    for (;;) {
      const [generation, tick] = [this.ctx.analyses.generation, this.ticks];
      const reports: WorkspaceDocumentDiagnosticReport[] = [];
      const gone = [...this.gone].filter((uri) => previous.has(uriKey(uri)));
      for (const uri of gone) reports.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
      const settingsFiles = new Map<string, Checked>();
      for (const uri of await this.ctx.analyses.dossier.list()) {
        if (token.isCancellationRequested) return [];
        const c = await this.checkFile(uri);
        if (!c) continue;
        reports.push(report(c));
        const s = await this.ctx.analyses.settingsFileOf(uri);
        if (s) settingsFiles.set(uriKey(s.uri), s);
      }
      // The settings files the cases follow, where they have mistakes (or had them at the last
      // answer); one that no case follows any more (deleted, say) has its list emptied.
      for (const [key, s] of settingsFiles) if (s.findings.length || previous.has(key)) reports.push(report(s));
      for (const r of previousResultIds) {
        if (isConfigUri(r.uri) && !settingsFiles.has(uriKey(r.uri))) reports.push({ kind: DocumentDiagnosticReportKind.Full, uri: r.uri, version: null, items: [] });
      }
      // Something changed while the files were being checked: check again, for one consistent answer.
      if (this.ctx.analyses.generation !== generation || this.ticks !== tick) continue;
      if (previous.size === 0 || reports.some((r) => r.kind === DocumentDiagnosticReportKind.Full) || token.isCancellationRequested) {
        for (const uri of gone) this.gone.delete(uri);
        return reports;
      }
      await new Promise<void>((resolve) => {
        const wake = () => (this.waiters.delete(wake), resolve());
        this.waiters.add(wake);
        token.onCancellationRequested(wake);
      });
      if (token.isCancellationRequested) return [];
    }
  }

  private async checkDossier(p: CheckDossierParams | undefined): Promise<CheckDossierResult> {
    if (p?.exclude !== undefined && !(Array.isArray(p.exclude) && p.exclude.every((u) => typeof u === 'string'))) {
      throw new ResponseError(ErrorCodes.InvalidParams, '`exclude` must be a list of file URIs.');
    }
    const exclude = new Set((p?.exclude ?? []).map(uriKey));
    const files: CheckDossierResult['files'] = [];
    for (const uri of await this.ctx.analyses.dossier.list()) {
      if (exclude.has(uriKey(uri))) continue;
      const c = await this.checkFile(uri);
      if (c) files.push({ uri, diagnostics: diagnosticsOf(this.ctx, c) });
    }
    return { files };
  }
}
