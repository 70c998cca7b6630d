import { CaseDoc, dossierEntry, LineIndex, type DossierCase } from '../engine/index';
import type { ServerHost } from './host';

/**
 * One spelling for one file's URI. Editors and Node encode URIs differently (`c%3A` or `C:`,
 * `%28` or `(`), so files are matched by their decoded form, with the drive letter in lower case.
 */
export function uriKey(uri: string): string {
  let s = uri;
  try {
    s = decodeURIComponent(uri);
  } catch {
    // Not validly encoded: compare it as written.
  }
  return s.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
}

interface Known {
  /** The URI as the editor spells it when the file is open, else as the host found it. */
  uri: string;
  entry?: DossierCase;
  lines: LineIndex;
}

/**
 * The case files of the workspace folders and each one's case reference: read once, then kept up
 * to date from the open documents and from file-change notifications, so a keystroke never
 * re-reads the dossier.
 */
export class Dossier {
  private files = new Map<string, Known>();
  private loading: Promise<void> | undefined;

  constructor(
    private readonly host: ServerHost,
    private readonly folders: () => readonly string[],
    private readonly openText: (uri: string) => string | undefined,
    private readonly log: (message: string) => void,
  ) {}

  /** Every case file of the workspace folders. */
  async list(): Promise<string[]> {
    await this.load();
    return [...this.files.values()].map((f) => f.uri).sort();
  }

  async entries(): Promise<DossierCase[]> {
    await this.load();
    return [...this.files.values()].flatMap((f) => (f.entry ? [f.entry] : []));
  }

  /** The lines of a file of the dossier, for places in it that a finding names. */
  lines(uri: string): LineIndex | undefined {
    const open = this.openText(uri);
    const known = this.files.get(uriKey(uri))?.lines;
    // An open file's check has noted its lines already, unless its text has moved on since.
    return open === undefined || known?.text === open ? known : new LineIndex(open);
  }

  /**
   * Records a file's current text; true when other files' findings may change too: its case
   * reference changed, or moved while another file shares it (their findings point at it).
   */
  note(uri: string, doc: CaseDoc): boolean {
    const before = this.files.get(uriKey(uri));
    const entry = dossierEntry(uri, doc, this.nameOf(uri));
    const known = before !== undefined || this.inFolders(uri);
    if (!known) return false;
    this.files.set(uriKey(uri), { uri, entry, lines: doc.lines });
    if (before?.entry?.reference !== entry?.reference) return true;
    const moved = !!entry && (before?.entry?.span.start !== entry.span.start || before?.entry?.span.end !== entry.span.end);
    return moved && this.shared(uri, entry.reference);
  }

  /** An open document was closed: the dossier goes back to the file as saved, or forgets it if it was never saved. */
  async closed(uri: string): Promise<boolean> {
    const before = this.files.get(uriKey(uri));
    if (!before) return false;
    const text = await this.host.readFile(uri);
    if (this.openText(uri) !== undefined) return false; // opened again meanwhile: its own check records it
    if (text === undefined) {
      this.files.delete(uriKey(uri));
      return before.entry !== undefined;
    }
    return this.note(uri, new CaseDoc(text));
  }

  /** A file changed, appeared or went on disk. True when the dossier's references changed. */
  async changed(uri: string, deleted: boolean): Promise<boolean> {
    const before = this.files.get(uriKey(uri))?.entry?.reference;
    if (deleted) {
      this.files.delete(uriKey(uri));
      return before !== undefined;
    }
    if (!this.inFolders(uri)) return false;
    const text = this.openText(uri) ?? (await this.host.readFile(uri));
    if (text === undefined) return false;
    return this.note(uri, new CaseDoc(text)) || before === undefined;
  }

  /** Forget everything (the workspace folders changed). */
  reset(): void {
    this.files = new Map();
    this.loading = undefined;
  }

  /** Whether another file of the dossier has this case reference. */
  private shared(uri: string, reference: string): boolean {
    const key = uriKey(uri);
    const ref = reference.toLowerCase();
    return [...this.files].some(([k, f]) => k !== key && f.entry?.reference.toLowerCase() === ref);
  }

  /**
   * How messages name a file to people: its path within the workspace folder that holds it (after
   * the folder's name, when the workspace has several), as the editor's explorer shows it. Two
   * cases each in a folder of their own are both `case.scr.yaml`: the base name would not tell.
   */
  private nameOf(uri: string): string | undefined {
    const key = uriKey(uri);
    const folders = this.folders().map(uriKey);
    for (const f of folders) {
      const dir = f.endsWith('/') ? f : `${f}/`;
      if (!key.startsWith(dir)) continue;
      const inside = key.slice(dir.length);
      return folders.length > 1 ? `${dir.slice(0, -1).split('/').pop()}/${inside}` : inside;
    }
    return undefined;
  }

  private inFolders(uri: string): boolean {
    const key = uriKey(uri);
    return /\.scr\.ya?ml$/i.test(key) && this.folders().map(uriKey).some((f) => key.startsWith(f.endsWith('/') ? f : `${f}/`));
  }

  private load(): Promise<void> {
    this.loading ??= (async () => {
      // The folders may change while this runs (reset): then its files are not the dossier's.
      const files = this.files;
      let uris: string[] = [];
      try {
        uris = await this.host.listCaseFiles(this.folders());
      } catch (e) {
        this.log(`The case files of the workspace could not be listed: ${String(e)}`);
      }
      await Promise.all(uris.map(async (uri) => {
        const key = uriKey(uri);
        if (files.has(key)) return;
        const text = this.openText(uri) ?? (await this.host.readFile(uri).catch(() => undefined));
        if (text === undefined) return;
        const doc = new CaseDoc(text);
        if (!files.has(key)) files.set(key, { uri, entry: dossierEntry(uri, doc, this.nameOf(uri)), lines: doc.lines });
      }));
    })();
    return this.loading;
  }
}
