import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ScrApi } from '../../../client/src/client';
import type { RenderedState } from '../../../server/src/protocol';

export const EXTENSION_ID = 'scr-tools.scr-decision-checker';
/** Waits are bounded so a broken run fails instead of hanging; they end on events, never on a timer. */
const LIMIT_MS = 20_000;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the test workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function api(): Promise<ScrApi> {
  const ext = vscode.extensions.getExtension<ScrApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  const a = await ext.activate();
  await a.ready;
  return a;
}

export async function openCase(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
}

/** Resolves when `check` holds, tested now and on each change it is told of. */
export function until<T>(what: string, event: vscode.Event<unknown>, check: () => T | undefined | false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const done = (v: T) => {
      sub.dispose();
      clearTimeout(timer);
      resolve(v);
    };
    const sub = event(() => {
      const v = check();
      if (v) done(v);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, LIMIT_MS);
    const now = check();
    if (now) done(now);
  });
}

export function diagnosticsUntil(uri: vscode.Uri, what: string, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return until(what, vscode.languages.onDidChangeDiagnostics, () => {
    const d = vscode.languages.getDiagnostics(uri);
    return check(d) ? d : undefined;
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function renderedUntil(a: ScrApi, what: string, check: (s: RenderedState) => boolean): Promise<RenderedState> {
  return until(what, a.onDidRender, () => {
    const s = a.lastRendered();
    return s && check(s) ? s : undefined;
  });
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
