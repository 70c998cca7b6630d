// The web entry point (vscode.dev, code-server's browser extension host): the language server runs
// in a web worker, and reads the workspace through the client (see files.ts).
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { startClient, stopClient, type ScrApi } from './client';

export function activate(context: vscode.ExtensionContext): ScrApi {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server-worker.js');
  // Message transports rather than the worker itself: inside VS Code's web worker extension host the
  // Worker constructor is VS Code's own, so the client's `instanceof Worker` test would fail.
  const transports = async (): Promise<MessageTransports> => {
    const worker = await startWorker(script);
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
  };
  return startClient(context, (id, name, options) => new LanguageClient(id, name, transports, options), 'web worker');
}

/**
 * A worker straight from the bundle's address where the browser can load it; otherwise (an
 * extension that lives on a remote host, addressed as vscode-remote://) from its text.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true));
  const text = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([new TextDecoder().decode(text)], { type: 'text/javascript' })));
}

export function deactivate(): Promise<void> {
  return stopClient();
}
