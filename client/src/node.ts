// The desktop entry point: the language server runs as a Node process, spoken to over IPC.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { startClient, stopClient, type ScrApi } from './client';

export function activate(context: vscode.ExtensionContext): ScrApi {
  const module = context.asAbsolutePath('dist/server.js');
  const server: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  return startClient(context, (id, name, options) => new LanguageClient(id, name, server, options), 'Node process');
}

export function deactivate(): Promise<void> {
  return stopClient();
}
