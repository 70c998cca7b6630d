import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { analyseConfig, analyseText, CaseDoc, createAnalyser, CONFIG_FILE, todayDay, type Analysis, type DayNumber, type Finding, type LineIndex, type RawSettings } from '../engine/index';
import { Dossier, uriKey } from './dossier';
import type { ServerHost } from './host';

/** One file checked: a case file (with its analysis) or a settings file (findings only). */
export interface Checked {
  uri: string;
  /** The open document's version; null for a file read from disk. */
  version: number | null;
  lines: LineIndex;
  analysis?: Analysis;
  findings: Finding[];
  /** Changes whenever the findings may: text, settings, dossier or day. */
  resultId: string;
  /** Checks another text as this file is checked (its settings, day and dossier): for "Fix all". */
  checkOther?: (text: string) => Analysis;
}

export function isConfigUri(uri: string): boolean {
  return uri === CONFIG_FILE || uri.endsWith(`/${CONFIG_FILE}`);
}

/** Whether a URI names a case file. */
export function isCaseUri(uri: string): boolean {
  return /\.scr\.ya?ml$/i.test(uri);
}

/** Whether a document is ours: a case file or settings file, or anything the client gave our language. */
export function isOurs(doc: { uri: string; languageId: string }): boolean {
  return isCaseUri(doc.uri) || isConfigUri(doc.uri) || !/^ya?ml$/i.test(doc.languageId);
}

/** A short fingerprint of a text, to tell whether a file on disk changed. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${(h >>> 0).toString(36)}.${text.length}`;
}

/**
 * Analyses, cached per document version and per "generation" (bumped whenever settings, a
 * settings file or the dossier's references change). Work for a version that has been replaced
 * is dropped before the rules run.
 */
export class Analyses {
  generation = 0;
  private readonly openings = new Map<string, number>();
  private openingCount = 0;
  readonly dossier: Dossier;
  private readonly open = new Map<string, { version: number; generation: number; result: Promise<Checked | undefined> }>();
  private readonly disk = new Map<string, { key: string; result: Promise<Checked | undefined> }>();
  /** Each open document's text as last read, so the next version re-reads only what changed. */
  private readonly docs = new Map<string, CaseDoc>();
  /** The files whose whole reading is kept, least recently used first. */
  private readonly whole = new Map<string, CaseCheck>();
  /** Open documents checked at least once since they were opened. */
  private readonly seen = new Set<string>();
  private readonly analyser;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    host: ServerHost,
    private readonly options: {
      folders: () => readonly string[];
      editorSettings: () => RawSettings | undefined;
      today: () => DayNumber | undefined;
      /** Settles once the editor's settings have been read. */
      ready: () => Promise<void>;
      log: (message: string) => void;
      /** Called when a file's case reference changed, so other files' findings may have too. */
      onDossierChange: () => void;
    },
  ) {
    const openText = (uri: string) => this.documents.get(uri)?.getText();
    // Settings files open in the editor are read as they stand, unsaved edits included.
    const reader = {
      readFile: async (uri: string) => {
        const text = openText(uri) ?? (await host.readFile(uri));
        if (text !== undefined) return text;
        const problem = await host.whyUnreadable?.(uri);
        return problem === undefined ? undefined : { problem };
      },
    };
    this.analyser = createAnalyser({ host: reader, editorSettings: options.editorSettings, today: options.today });
    this.dossier = new Dossier(host, options.folders, openText, options.log);
  }

  today(): DayNumber {
    return this.options.today() ?? todayDay();
  }

  /** The check of an open document's current text; undefined for documents that are not ours or not open. */
  current(uri: string): Promise<Checked | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !isOurs(doc)) return Promise.resolve(undefined);
    const hit = this.open.get(uri);
    if (hit && hit.version === doc.version && hit.generation === this.generation) return hit.result;
    const result = this.check(uri, doc.getText(), doc.version).then(
      (r) => r ?? (this.documents.get(uri) ? this.current(uri) : undefined),
      (e) => {
        this.options.log(`Checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
        return undefined;
      },
    );
    this.open.set(uri, { version: doc.version, generation: this.generation, result });
    return result;
  }

  /** The check of any file of the dossier: the open document if it is open, else the saved file. */
  async file(uri: string, read: () => Promise<string | undefined>): Promise<Checked | undefined> {
    if (this.documents.get(uri)) return this.current(uri);
    const text = await read();
    if (text === undefined) return undefined;
    const key = `${this.generation}.${fingerprint(text)}`;
    const hit = this.disk.get(uri);
    if (hit?.key === key) return hit.result;
    const result = this.check(uri, text, null).catch((e) => {
      this.options.log(`Checking ${uri} failed: ${(e as Error)?.stack ?? String(e)}`);
      return undefined;
    });
    this.disk.set(uri, { key, result });
    return result;
  }

  /**
   * The settings file a case file follows (the nearest `scr.config.yaml` above it), checked: the
   * workspace report shows its mistakes though it is not open, as the command line does.
   */
  async settingsFileOf(uri: string): Promise<Checked | undefined> {
    const { config } = await this.analyser.settingsFor(uri);
    if (!config) return undefined;
    // Open in the editor: the check the editor pulls for it, with the same result id. The editor
    // sends that id back with the workspace request, and any other would make the answer differ
    // from it each time: the request would answer at once, again and again, instead of waiting.
    if (this.documents.get(config.path)) return this.current(config.path);
    return { uri: config.path, version: null, lines: config.doc.lines, findings: config.findings, resultId: `${this.generation}.${fingerprint(config.doc.text)}` };
  }

  /** Settings, a settings file or the dossier changed: every file is checked again. */
  invalidate(configUri?: string): void {
    this.generation++;
    this.analyser.invalidate(configUri);
  }

  forget(uri: string): void {
    this.open.delete(uri);
    this.docs.delete(uri);
    this.whole.delete(uri);
    this.seen.delete(uri);
    this.openings.delete(uri);
  }

  /** Which opening of the document this is (see check's result ids). */
  private openingOf(uri: string): number {
    let n = this.openings.get(uri);
    if (n === undefined) this.openings.set(uri, (n = ++this.openingCount));
    return n;
  }

  /** How many files' whole readings are kept (at most KEEP_WHOLE). */
  get wholeReadings(): number {
    return this.whole.size;
  }

  /**
   * A file's whole reading is in use: keep it, and let the least recently used beyond the first
   * few go (their findings stay; the reading is made again if it is asked for).
   */
  private keepWhole(check: CaseCheck): void {
    this.whole.delete(check.uri);
    this.whole.set(check.uri, check);
    for (const [uri, old] of this.whole) {
      if (this.whole.size <= KEEP_WHOLE) break;
      this.whole.delete(uri);
      if (this.docs.get(uri) === old.doc) this.docs.delete(uri);
      old.slim();
    }
  }

  /**
   * An open document's text read as YAML, built from its last reading: only the sections (and
   * items of long lists) that changed are read again. The last reading's positions move to the
   * new text, so a reply still being worked out for an older version may point a little off;
   * the editor asks again for the new one.
   */
  parsed(uri: string, text: string): CaseDoc {
    const last = this.docs.get(uri);
    if (last?.text === text) return last;
    const doc = new CaseDoc(text, last);
    this.docs.set(uri, doc);
    return doc;
  }

  private async check(uri: string, text: string, version: number | null): Promise<Checked | undefined> {
    const generation = this.generation;
    const today = this.today();
    // An editor numbers a document's versions afresh each time it is opened: the opening counts too,
    // so that no two texts of one file ever share a result id.
    const resultId = `${generation}.${today}.${version !== null ? `${this.openingOf(uri)}.${version}` : fingerprint(text)}`;
    if (isConfigUri(uri)) {
      const c = analyseConfig(text, uri);
      return { uri, version, lines: c.doc.lines, findings: c.findings, resultId };
    }
    await this.options.ready();
    // The file itself, however its URI is spelt, is not one of the others.
    const dossier = (await this.dossier.entries()).filter((e) => uriKey(e.path) !== uriKey(uri));
    const { settings } = await this.analyser.settingsFor(uri);
    // A newer version arrived while settings and the dossier were read: its own check will run.
    if (version !== null && this.documents.get(uri)?.version !== version) return undefined;
    const doc = version !== null ? this.parsed(uri, text) : undefined;
    const options = { path: uri, settings, today, dossier, onRuleError: (rule: string, e: unknown) => this.options.log(`The check ${rule} failed on ${uri} and was skipped: ${(e as Error)?.stack ?? String(e)}`) };
    const analysis = analyseText(text, { ...options, doc });
    if (version !== null && this.dossier.note(uri, analysis.doc)) {
      this.generation++;
      // Other files' findings may change with this file's reference; this file's own do not (it
      // was checked against the others), so its check stays current.
      const mine = this.open.get(uri);
      if (mine?.version === version) mine.generation = this.generation;
      queueMicrotask(this.options.onDossierChange);
    }
    const check = new CaseCheck(uri, version, resultId, analysis, (other = text) => analyseText(other, options), (c) => this.keepWhole(c));
    // Kept: a document being edited, or one too long to read again quickly. Opening many files
    // at once keeps their findings only; the reading is made again when one is asked about.
    const editing = version !== null && this.seen.has(uri);
    if (version !== null) this.seen.add(uri);
    if (editing || text.length > LONG_FILE) this.keepWhole(check);
    else {
      if (this.docs.get(uri) === check.doc) this.docs.delete(uri);
      check.slim();
    }
    return check;
  }
}

/** How many files keep their whole reading (the YAML tree is most of a file's memory). */
export const KEEP_WHOLE = 8;
/** A file this long (in characters, about 2,500 lines) keeps its reading from when it is opened. */
const LONG_FILE = 100_000;

/**
 * A case file checked. Its findings are always kept; its whole analysis (with the YAML tree)
 * only while it is among the files most recently used, and it is made again when asked for.
 */
class CaseCheck implements Checked {
  readonly lines: LineIndex;
  readonly findings: Finding[];
  private kept: Analysis | undefined;

  constructor(
    readonly uri: string,
    readonly version: number | null,
    readonly resultId: string,
    analysis: Analysis,
    readonly checkOther: (text?: string) => Analysis,
    private readonly used: (c: CaseCheck) => void,
  ) {
    this.kept = analysis;
    this.lines = analysis.doc.lines;
    this.findings = analysis.findings;
  }

  get analysis(): Analysis {
    if (!this.kept) this.kept = this.checkOther();
    this.used(this);
    return this.kept;
  }

  /** The reading, if it is kept. */
  get doc(): CaseDoc | undefined {
    return this.kept?.doc;
  }

  slim(): void {
    this.kept = undefined;
  }
}
