/**
 * A small Language Server Protocol client over stdio, for timing servers the way an editor drives
 * them: it frames messages, answers the server's own requests (settings, registrations) and
 * records when each `textDocument/publishDiagnostics` arrives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface Published {
  uri: string;
  version?: number;
  count: number;
  /** performance.now() when the notification was read. */
  at: number;
}

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Answers to `workspace/configuration`, by section. */
  settings: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Sent as `workspace/didChangeConfiguration` after `initialized` (for servers that read it from there). */
  notifySettings?: unknown;
  languageId: string;
}

type Waiter = { match: (p: Published) => boolean; resolve: (p: Published) => void };

export class LspClient {
  readonly child: ChildProcess;
  readonly spawnedAt = performance.now();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private waiters: Waiter[] = [];
  readonly published: Published[] = [];
  stderr = '';
  private exited = false;

  constructor(readonly spec: ServerSpec, cwd: string) {
    this.child = spawn(spec.command, spec.args, { cwd, env: { ...process.env, ...spec.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      const err = new Error(`${spec.name} exited (${code ?? signal}). ${this.stderr.slice(-2000)}`);
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: *(\d+)/i.exec(header);
      if (!m) throw new Error(`Bad header from ${this.spec.name}: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body));
    }
  }

  private onMessage(msg: { id?: number | string; method?: string; params?: any; result?: unknown; error?: { message: string } }): void {
    if (msg.method === 'textDocument/publishDiagnostics') {
      const p: Published = { uri: msg.params.uri, version: msg.params.version, count: msg.params.diagnostics.length, at: performance.now() };
      this.published.push(p);
      if (this.published.length > 5000) this.published.splice(0, 2500);
      const still: Waiter[] = [];
      for (const w of this.waiters) (w.match(p) ? w.resolve(p) : still.push(w));
      this.waiters = still;
      return;
    }
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration') {
        result = (msg.params.items as { section?: string }[]).map((i) => (i.section ? this.spec.settings[i.section] ?? null : null));
      }
      this.write({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) return; // another notification (log messages and the like)
    const p = this.pending.get(msg.id as number);
    if (!p) return;
    this.pending.delete(msg.id as number);
    if (msg.error) p.reject(new Error(`${this.spec.name}: ${msg.error.message}`));
    else p.resolve(msg.result);
  }

  private write(msg: unknown): void {
    if (this.exited) throw new Error(`${this.spec.name} is not running. ${this.stderr.slice(-2000)}`);
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first diagnostics (from now on) that match, or rejects after `timeoutMs`. */
  waitFor(match: (p: Published) => boolean, timeoutMs = 120_000): Promise<Published> {
    return new Promise<Published>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`${this.spec.name}: no diagnostics within ${timeoutMs} ms. ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const done = (p: Published) => {
        clearTimeout(timer);
        resolve(p);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  async initialize(rootUri: string | null): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      initializationOptions: this.spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: false },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
        },
      },
    });
    this.notify('initialized', {});
    if (this.spec.notifySettings !== undefined) this.notify('workspace/didChangeConfiguration', { settings: this.spec.notifySettings });
  }

  /** Opens a document and resolves when its first diagnostics arrive. */
  async open(uri: string, text: string, version = 1): Promise<Published> {
    const got = this.waitFor((p) => p.uri === uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version, text } });
    return got;
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident memory (VmRSS) and its peak (VmHWM), in bytes, from /proc; undefined elsewhere. */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kb('VmRSS'), peak: kb('VmHWM') };
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 3000))]);
      this.notify('exit', null);
    } catch {
      // already gone
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
