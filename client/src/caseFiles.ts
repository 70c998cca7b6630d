import * as vscode from 'vscode';

export const CASE_LANGUAGE = 'scr-case';
export const CASE_GLOB = '**/*.scr.yaml';

/**
 * What the language server is given: every case file the editor has open (on disk, untitled or
 * in a virtual workspace), and the settings files, which it checks too.
 */
export const caseFileSelector: { language: string; pattern?: string }[] = [{ language: CASE_LANGUAGE }, { language: 'yaml', pattern: '**/scr.config.yaml' }];

export function isCaseDocument(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && doc.languageId === CASE_LANGUAGE;
}

/** The case file a command acts on: the one it was given, else the active editor's. */
export function caseUriFrom(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  if (arg && typeof arg === 'object' && 'uri' in arg) return caseUriFrom((arg as { uri: unknown }).uri);
  const doc = vscode.window.activeTextEditor?.document;
  return isCaseDocument(doc) ? doc.uri : undefined;
}

/** The last part of a file's path, for titles and messages. */
export function baseName(uri: vscode.Uri): string {
  const path = uri.path;
  return path.slice(path.lastIndexOf('/') + 1) || path;
}
