import { ErrorCodes, ResponseError, type ClientCapabilities, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses, Checked } from './analyses';
import { toDiagnostic } from './convert';
import type { ServerHost } from './host';

/** What the client can do, read once from `initialize`. */
export interface ClientCaps {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  configuration: boolean;
  configurationDynamic: boolean;
  watchedFilesDynamic: boolean;
  workspaceFolders: boolean;
  documentChanges: boolean;
  snippetEdits: boolean;
  snippetCompletions: boolean;
  hierarchicalSymbols: boolean;
  markdownHover: boolean;
}

export function readCaps(c: ClientCapabilities): ClientCaps {
  const ws = c.workspace;
  const td = c.textDocument;
  return {
    pullDiagnostics: !!td?.diagnostic,
    diagnosticRefresh: !!ws?.diagnostics?.refreshSupport,
    codeLensRefresh: !!ws?.codeLens?.refreshSupport,
    configuration: !!ws?.configuration,
    configurationDynamic: !!ws?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesDynamic: !!ws?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!ws?.workspaceFolders,
    documentChanges: !!ws?.workspaceEdit?.documentChanges,
    snippetEdits: !!ws?.workspaceEdit?.snippetEditSupport,
    snippetCompletions: !!td?.completion?.completionItem?.snippetSupport,
    hierarchicalSymbols: !!td?.documentSymbol?.hierarchicalDocumentSymbolSupport,
    markdownHover: td?.hover?.contentFormat?.includes('markdown') ?? false,
  };
}

/** Everything a feature needs: the connection, the open documents, the analyses, the client's abilities. */
export interface Context {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: Analyses;
  host: ServerHost;
  caps: ClientCaps;
  log(message: string): void;
  /** Set by `shutdown`: requests after it are refused, as the protocol asks. */
  shutDown?: boolean;
}

export function diagnosticsOf(ctx: Context, c: Checked): Diagnostic[] {
  const linesOf = (uri: string) => ctx.analyses.dossier.lines(uri);
  return c.findings.filter((f) => !f.waived).map((f) => toDiagnostic(f, { uri: c.uri, lines: c.lines, version: c.version, host: ctx.host, linesOf }));
}

/**
 * Runs a request handler so that nothing it throws reaches the connection: the error is logged
 * and the request gets an empty answer. The server keeps answering whatever a document holds.
 */
export function guard<P extends unknown[], R>(ctx: Pick<Context, 'log' | 'shutDown'>, name: string, empty: R, fn: (...args: P) => R | Promise<R>): (...args: P) => Promise<R> {
  return async (...args: P) => {
    if (ctx.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shutting down.');
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof ResponseError) throw e; // a deliberate answer, such as why a rename cannot be done
      ctx.log(`${name} failed: ${(e as Error)?.stack ?? String(e)}`);
      return empty;
    }
  };
}
