import {
  CodeActionKind, CodeLensRefreshRequest, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType,
  TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE, parseDate, type DayNumber } from '../engine/index';
import { FIX_ALL_KIND, registerActions } from './actions';
import { Analyses, isConfigUri } from './analyses';
import { registerChecklist } from './checklist';
import { readCaps, type Context } from './context';
import { DEBOUNCE_MS, Diagnostics } from './diagnostics';
import type { ServerHost } from './host';
import { registerLanguage } from './language';
import { registerNavigation } from './navigation';
import { EditorSettings } from './settings';

declare const SCR_VERSION: string | undefined;

/** What an editor may pass in `initializationOptions`. */
interface InitOptions {
  /** Check as if today were this day (YYYY-MM-DD): for reproducible results. */
  today?: string;
  /** The `scr.*` settings, for editors that do not answer `workspace/configuration`. */
  settings?: unknown;
  /** The same, as editors that send their whole settings object (Helix's `config`) write it. */
  scr?: unknown;
}

/** The language server over any connection: Node (stdio, IPC, socket) or a browser worker. */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  let ctx: Context | undefined;
  let diagnostics: Diagnostics | undefined;
  let settings: EditorSettings | undefined;
  let settingsRead: Promise<void> = Promise.resolve();
  let today: DayNumber | undefined;
  const log = (message: string) => connection.console.error(message);

  connection.onInitialize((params): InitializeResult => {
    const caps = readCaps(params.capabilities);
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const init = (params.initializationOptions ?? {}) as InitOptions;
    today = parseDate(init.today);
    const editor = new EditorSettings(connection, caps.configuration, init.settings ?? init.scr);
    settings = editor;
    const analyses = new Analyses(documents, host, {
      folders: () => folders,
      editorSettings: () => editor.value,
      today: () => today,
      ready: () => settingsRead,
      log,
      onDossierChange: () => diagnostics?.recheckAll(),
    });
    ctx = { connection, documents, analyses, host, caps, log };
    diagnostics = new Diagnostics(ctx);
    registerLanguage(ctx);
    registerActions(ctx);
    registerNavigation(ctx);
    registerChecklist(ctx);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '[', ','] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: { label: 'SCR case file' },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        ...(caps.pullDiagnostics ? { diagnosticProvider: { identifier: 'scr', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'scr-language-server', version: typeof SCR_VERSION === 'string' ? SCR_VERSION : 'development' },
    };
  });

  /** Settings or a settings file changed: check every case file again, once, however many notices came. */
  let recheck: ReturnType<typeof setTimeout> | undefined;
  const recheckAll = (delay = 0) => {
    clearTimeout(recheck);
    recheck = setTimeout(() => {
      if (!ctx) return;
      ctx.analyses.invalidate();
      diagnostics?.recheckAll();
      if (ctx.caps.codeLensRefresh) connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, delay);
  };

  /**
   * Findings that depend on today (an overdue decision) change at midnight: every file is checked
   * again then, unless the editor fixed the day (initializationOptions.today).
   */
  let dayWatch: ReturnType<typeof setTimeout> | undefined;
  const watchTheDay = () => {
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    dayWatch = setTimeout(() => {
      if (today === undefined) recheckAll();
      watchTheDay();
    }, next.getTime() - now.getTime());
    // Waiting for midnight is no reason to keep the process alive.
    (dayWatch as { unref?: () => void }).unref?.();
  };

  connection.onInitialized(() => {
    if (!ctx) return;
    watchTheDay();
    const { caps } = ctx;
    // An editor may refuse a registration: the server then goes on without that notification.
    const refused = (what: string) => (e: unknown) => log(`The editor did not take the registration for ${what}: ${(e as Error)?.message ?? String(e)}`);
    if (caps.configurationDynamic) connection.client.register(DidChangeConfigurationNotification.type, { section: 'scr' }).catch(refused('settings changes'));
    if (caps.watchedFilesDynamic) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE}` }, { globPattern: '**/*.scr.yaml' }] }).catch(refused('file changes'));
    }
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = [...folders.filter((f) => !e.removed.some((r) => r.uri === f)), ...e.added.map((a) => a.uri)];
        ctx?.analyses.dossier.reset();
        recheckAll();
      });
    }
    settingsRead = settings!.refresh();
  });

  connection.onDidChangeConfiguration(async (p) => {
    settingsRead = settings?.refresh(p.settings) ?? Promise.resolve();
    await settingsRead;
    recheckAll();
  });

  connection.onDidChangeWatchedFiles(async (p) => {
    if (!ctx) return;
    let changed = false;
    for (const c of p.changes) {
      const deleted = c.type === FileChangeType.Deleted;
      if (isConfigUri(c.uri)) {
        changed = true;
        continue;
      }
      if (await ctx.analyses.dossier.changed(c.uri, deleted)) changed = true;
      diagnostics?.fileChanged(c.uri, deleted);
    }
    if (changed) recheckAll();
  });

  // A settings file open in the editor counts as it stands, before it is saved.
  documents.onDidChangeContent((e) => isConfigUri(e.document.uri) && recheckAll(DEBOUNCE_MS));
  // A case file closed without saving counts as saved again: its unsaved case reference leaves the dossier.
  documents.onDidClose((e) => {
    if (isConfigUri(e.document.uri)) return recheckAll();
    void ctx?.analyses.dossier.closed(e.document.uri).then((changed) => changed && recheckAll(), (err) => log(`Reading ${e.document.uri} again failed: ${String(err)}`));
  });

  connection.onShutdown(() => {
    if (ctx) ctx.shutDown = true;
    clearTimeout(recheck);
    clearTimeout(dayWatch);
  });
  documents.listen(connection);
  connection.listen();
}
