import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { LIST_CASE_FILES_REQUEST, READ_FILE_REQUEST, type ListCaseFilesResult, type ReadFileParams, type ReadFileResult } from '../protocol';
import { uriKey } from './dossier';
import type { ServerHost } from './host';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

/** In a browser there is no file system: other files of the dossier are read through the editor. */
const host: ServerHost = {
  async readFile(uri) {
    const text = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams).catch(() => null);
    return typeof text === 'string' ? text : undefined;
  },
  async listCaseFiles(folders) {
    const all = await connection.sendRequest<ListCaseFilesResult>(LIST_CASE_FILES_REQUEST, {}).catch(() => [] as string[]);
    const within = folders.map((f) => uriKey(f.endsWith('/') ? f : `${f}/`));
    return (Array.isArray(all) ? all : []).filter((u) => within.some((f) => uriKey(u).startsWith(f)));
  },
};

startServer(connection, host);
