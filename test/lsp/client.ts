import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection, PortMessageReader, PortMessageWriter, StreamMessageReader, StreamMessageWriter, type Diagnostic, type ProtocolConnection,
  type PublishDiagnosticsParams, type TextDocumentEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';

export const ROOT = join(__dirname, '..', '..');
export const SERVER = join(ROOT, 'dist', 'server.js');
export const WORKER = join(ROOT, 'dist', 'server-worker.js');
export const DOSSIER = join(ROOT, 'test', 'fixtures', 'dossier');
export const TODAY = '2016-06-01';

export const uriOf = (path: string) => pathToFileURL(path).href;

export interface StartOptions {
  /** Offer pull diagnostics (textDocument/diagnostic and workspace/diagnostic). */
  pull?: boolean;
  /** Workspace folder paths. */
  folders?: string[];
  /** What the client answers to workspace/configuration for `scr`. */
  settings?: Record<string, unknown>;
  snippetEdits?: boolean;
  /** Start through the `scr-language-server` command (bin/) rather than the bundle. */
  bin?: boolean;
  /** Run the browser bundle (dist/server-worker.js) in a worker thread standing in for a web worker. */
  worker?: boolean;
  /** The day the server is told it is (initializationOptions.today); null: its own clock's. */
  today?: string | null;
  /** Stop the server's clock at this local time until `startClock` (test/helpers/clock.cjs). */
  clock?: string;
}

/** A worker thread dressed as a browser's dedicated worker: `self`, `onmessage`, `postMessage`. */
const WEB_WORKER_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const self = (globalThis.self = { onmessage: null, addEventListener() {}, postMessage: (m) => parentPort.postMessage(m) });
parentPort.on('message', (data) => self.onmessage && self.onmessage({ data }));
require(workerData.bundle);
`;

/**
 * A minimal editor for protocol tests: spawns the bundled server over stdio, answers its
 * requests, records what it publishes, and waits on notifications (never on sleeps).
 */
export class TestClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly publishCount = new Map<string, number>();
  /** Every publication, in order (tests look for flicker in it). */
  readonly history: PublishDiagnosticsParams[] = [];
  readonly registrations: string[] = [];
  readonly stderr: string[] = [];
  refreshes = 0;
  capabilities: Record<string, unknown> = {};
  settings: Record<string, unknown>;
  exited: Promise<number | null>;
  private readonly docs = new Map<string, TextDocument>();
  private waiters: (() => void)[] = [];

  private constructor(readonly proc: ChildProcess | Worker, readonly conn: ProtocolConnection, options: StartOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => proc.on('exit', (code: number | null) => resolve(code)));
    proc.stderr?.on('data', (d) => this.stderr.push(String(d)));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      this.history.push(p);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.notify();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void this.stderr.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => this.settings));
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    conn.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    conn.onRequest('workspace/codeLens/refresh', () => null);
  }

  static async start(options: StartOptions = {}): Promise<TestClient> {
    let proc: ChildProcess | Worker;
    let conn: ProtocolConnection;
    if (options.worker) {
      proc = new Worker(WEB_WORKER_SHIM, { eval: true, workerData: { bundle: WORKER }, stderr: true });
      conn = createProtocolConnection(new PortMessageReader(proc), new PortMessageWriter(proc));
    } else {
      const entry = options.bin ? join(ROOT, 'bin', 'scr-language-server.js') : SERVER;
      const clock = options.clock ? ['--require', join(ROOT, 'test', 'helpers', 'clock.cjs')] : [];
      proc = spawn(process.execPath, [...clock, entry, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...(options.clock ? { SCR_TEST_CLOCK: options.clock } : {}) } });
      conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    }
    const client = new TestClient(proc, conn, options);
    conn.listen();
    const folders = options.folders ?? [];
    const init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f })),
      initializationOptions: options.today === null ? {} : { today: options.today ?? TODAY },
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true, snippetEditSupport: !!options.snippetEdits },
          ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
        },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
          rename: { prepareSupport: true },
          ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
      },
    });
    client.capabilities = (init as { capabilities: Record<string, unknown> }).capabilities;
    conn.sendNotification('initialized', {});
    return client;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notification(method: string, params: unknown): void {
    void this.conn.sendNotification(method, params);
  }

  open(uri: string, text: string, languageId = 'scr-case'): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    this.notification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** An incremental change: replace `find` (its first occurrence) with `replace`. */
  edit(uri: string, find: string, replace: string): number {
    const doc = this.docs.get(uri)!;
    const start = doc.getText().indexOf(find);
    if (start < 0) throw new Error(`${find} is not in ${uri}`);
    const range = { start: doc.positionAt(start), end: doc.positionAt(start + find.length) };
    return this.change(uri, [{ range, text: replace }]);
  }

  change(uri: string, changes: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): number {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    this.notification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
    return next.version;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  doc(uri: string): TextDocument {
    return this.docs.get(uri)!;
  }

  /** Applies a workspace edit to the open documents (as an editor would) and sends the change. */
  apply(edit: WorkspaceEdit): void {
    const perUri = new Map<string, { range: TextDocumentEdit['edits'][number]['range']; newText: string }[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
    for (const dc of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
      perUri.set(dc.textDocument.uri, dc.edits.map((e) => ('snippet' in e ? { range: e.range, newText: fromSnippet(e.snippet.value) } : e)));
    }
    for (const [uri, edits] of perUri) {
      const doc = this.docs.get(uri)!;
      const text = TextDocument.applyEdits(doc, edits);
      this.change(uri, [{ range: { start: doc.positionAt(0), end: doc.positionAt(doc.getText().length) }, text }]);
    }
  }

  /** Resolves when `test` holds after some notification or server request (or at once). */
  async until<T>(test: () => T | undefined | false, what: string, ms = 15000): Promise<T> {
    const now = test();
    if (now) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`Timed out waiting for ${what}. Server said: ${this.stderr.join('').slice(-2000)}`));
      }, ms);
      const check = () => {
        const v = test();
        if (!v) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(v);
      };
      this.waiters.push(check);
    });
  }

  /** The next diagnostics published for `uri` at `version` (or later) that satisfy `test`. */
  diagnostics(uri: string, version?: number, test: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.published.get(uri);
      return p && (version === undefined || (p.version ?? 0) >= version) && test(p.diagnostics) ? p.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  /** The first diagnostics published for `uri` after this call (call it before causing them). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    const n = this.publishCount.get(uri) ?? 0;
    return this.until(() => (this.publishCount.get(uri) ?? 0) > n && this.published.get(uri)!.diagnostics, `new diagnostics for ${uri}`);
  }

  /** Sets going the server's clock, which stands at `clock` until now. */
  startClock(): void {
    assert.ok(!(this.proc instanceof Worker), 'a worker has no clock of its own to set going');
    this.proc.kill('SIGUSR2');
  }

  /** Shuts the server down and waits for its process to end. */
  async stop(): Promise<number | null> {
    if (!('exitCode' in this.proc) || this.proc.exitCode === null) {
      await this.request('shutdown', null).catch(() => undefined);
      this.notification('exit', null);
    }
    // A web worker is ended by the page that started it, not by itself.
    if (this.proc instanceof Worker) await this.proc.terminate();
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }
}

/** A snippet's text as an editor that takes it would insert it, tab stops removed. */
export function fromSnippet(s: string): string {
  return s.replace(/\$\{\d+(?::([^}]*))?\}|\$\d+/g, (_, d) => d ?? '').replace(/\\([$}\\])/g, '$1');
}
