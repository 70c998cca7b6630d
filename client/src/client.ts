import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { CASE_LANGUAGE, caseFileSelector } from './caseFiles';
import { Checklists } from './checklists';
import { registerCommands } from './commands';
import { DossierProblems } from './dossier';
import { answerFileRequests } from './files';
import { PreviewManager } from './preview/preview';
import { QmStatusBar } from './status';
import type { RenderedState } from '../../server/src/protocol';

/** Makes the language client for one platform: the server over IPC in Node, in a worker in a browser. */
export type ClientFactory = (id: string, name: string, options: LanguageClientOptions) => BaseLanguageClient;

/** What activate() returns: for other extensions and for this extension's own tests. */
export interface ScrApi {
  /** Settles once the language server has started (or failed to: see the output). */
  ready: Promise<void>;
  /** What the checklist preview drew last, read back from the page. */
  lastRendered(): RenderedState | undefined;
  /** Fires each time the preview has drawn an update. */
  onDidRender: vscode.Event<RenderedState>;
}

const NAME = 'SCR Decision Checker';
let running: BaseLanguageClient | undefined;

/** Everything the extension does, shared by the desktop and the web entry points. */
export function startClient(context: vscode.ExtensionContext, create: ClientFactory, serverKind: 'Node process' | 'web worker'): ScrApi {
  const output = vscode.window.createOutputChannel(NAME, { log: true });
  const watcher = vscode.workspace.createFileSystemWatcher('**/{*.scr.yaml,scr.config.yaml}');
  context.subscriptions.push(output, watcher);

  // The id 'scr' makes the client read `scr.trace.server` for its message log.
  const client = create('scr', NAME, {
    documentSelector: caseFileSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'scr', fileEvents: watcher },
    markdown: { isTrusted: false, supportHtml: false },
  });
  running = client;
  answerFileRequests(client, context);

  // The server starts in the background, so commands that do not need it (a new case file, the
  // output) work at once and a server that fails to start does not stop the extension loading.
  const ready = client.start().catch((e: unknown) => {
    output.appendLine(`The checker could not start: ${e instanceof Error ? e.message : String(e)}`);
    throw e;
  });
  ready.catch(() => undefined);

  const checklists = new Checklists(client, ready, output);
  const preview = new PreviewManager(context, checklists);
  const status = new QmStatusBar(checklists);
  const dossier = new DossierProblems(client, ready);
  checklists.setWanted((uri) => preview.wants(uri) || status.wants(uri));
  context.subscriptions.push(checklists, preview, status, dossier);
  registerCommands(context, { client, ready, output, preview, checklists, dossier });

  output.appendLine(`${NAME} ${String(context.extension.packageJSON.version)}: checking ${CASE_LANGUAGE} files with the language server in a ${serverKind}.`);
  return { ready, lastRendered: () => preview.lastRendered, onDidRender: preview.onDidRender };
}

export async function stopClient(): Promise<void> {
  const c = running;
  running = undefined;
  if (c?.isRunning()) await c.stop();
}
