/**
 * What the language server needs from where it runs: the file system in Node, the editor's
 * workspace (through custom requests) in a browser worker.
 */
export interface ServerHost {
  /** A file's saved text by URI, or undefined when it cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /**
   * Why a file that is there cannot be read (a folder, permission denied), where the host can
   * tell; undefined when there is no such file. Asked of settings files, which must not be passed
   * over in silence (the command line reports them too).
   */
  whyUnreadable?(uri: string): Promise<string | undefined>;
  /** The URIs of every case file (`*.scr.yaml`) under these workspace folder URIs. */
  listCaseFiles(folders: readonly string[]): Promise<string[]>;
  /** A link to a rule's documentation page that ships beside the server, if there is one. */
  localRuleDoc?(id: string): string | undefined;
}
