import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CASE_GLOB } from './caseFiles';
import {
  LIST_CASE_FILES_REQUEST,
  READ_FILE_REQUEST,
  type ListCaseFilesParams,
  type ListCaseFilesResult,
  type ReadFileParams,
  type ReadFileResult,
} from '../../server/src/protocol';

/**
 * Lets the server read the workspace through the editor: in a browser (or a virtual workspace)
 * the server has no file system of its own. Answers on every platform, so any server can ask.
 */
export function answerFileRequests(client: BaseLanguageClient, context: vscode.ExtensionContext): void {
  const decoder = new TextDecoder('utf-8');
  context.subscriptions.push(
    client.onRequest(READ_FILE_REQUEST, async (p: ReadFileParams): Promise<ReadFileResult> => {
      try {
        return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(p.uri)));
      } catch {
        return null;
      }
    }),
    client.onRequest(LIST_CASE_FILES_REQUEST, async (p: ListCaseFilesParams | undefined): Promise<ListCaseFilesResult> => {
      const files = (await vscode.workspace.findFiles(CASE_GLOB, '**/node_modules/**')).map((u) => u.toString());
      const under = (p?.folders ?? []).map((f) => (f.endsWith('/') ? f : `${f}/`));
      return files.filter((f) => !under.length || under.some((u) => f.startsWith(u))).sort();
    }),
  );
}
