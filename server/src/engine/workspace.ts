import { analyseText, dossierEntry, type Analysis } from './analyse';
import { analyseConfig, CONFIG_FILE, unreadableConfig, type ConfigAnalysis } from './config';
import { CaseDoc } from './document';
import type { DayNumber } from './dates';
import type { DossierCase } from './rule';
import { mergeSettings, type RawSettings, type Settings } from './settings';

/**
 * The engine's only way out to files: the file system in Node, the editor's workspace in a browser
 * worker. Paths are '/'-separated (a plain path, or a URI string).
 */
export interface Host {
  /**
   * The file's text; undefined when there is no such file; or, where the host can tell, why a file
   * that is there cannot be read (a folder, not UTF-8 text, permission denied).
   */
  readFile(path: string): Promise<string | undefined | { problem: string }>;
  /** Every case file of the dossier (for dossier-wide rules and look-ups). */
  listCaseFiles?(): Promise<string[]>;
}

export interface AnalyserOptions {
  host: Host;
  /** The editor's settings: scr.config.yaml wins over them where present. */
  editorSettings?: () => RawSettings | undefined;
  /** A settings file given explicitly (the command line's --config): used for every file. */
  configPath?: string;
  today?: () => DayNumber | undefined;
  onRuleError?: (rule: string, error: unknown) => void;
}

export interface FileSettings {
  settings: Settings;
  config?: ConfigAnalysis;
}

export function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '') : path.slice(0, i);
}

/** The folders a settings file may stand in, nearest first. */
export function parentFolders(path: string): string[] {
  const out: string[] = [];
  let dir = folderOf(path);
  for (let guard = 0; guard < 64; guard++) {
    out.push(dir);
    const up = folderOf(dir);
    if (up === dir || !dir || /^[a-z][a-z0-9+.-]*:\/*$/i.test(up) || /^[a-z][a-z0-9+.-]*:\/*$/i.test(dir)) break;
    dir = up;
  }
  return out;
}

export function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? folder + name : `${folder}/${name}`;
}

/** The analyser with its host: settings files found and cached, dossiers indexed. */
export function createAnalyser(options: AnalyserOptions) {
  const configs = new Map<string, Promise<ConfigAnalysis | undefined>>();

  function readConfig(path: string): Promise<ConfigAnalysis | undefined> {
    let p = configs.get(path);
    if (!p) {
      // A settings file that is there but cannot be read still stops the search: it is the nearest,
      // and its folder's cases must hear that its settings are not applied.
      p = options.host.readFile(path).then((r) => (r === undefined ? undefined : typeof r === 'string' ? analyseConfig(r, path) : unreadableConfig(r.problem, path)));
      configs.set(path, p);
    }
    return p;
  }

  async function settingsFor(path: string): Promise<FileSettings> {
    let config: ConfigAnalysis | undefined;
    if (options.configPath) config = await readConfig(options.configPath);
    else {
      for (const dir of parentFolders(path)) {
        config = await readConfig(joinPath(dir, CONFIG_FILE));
        if (config) break;
      }
    }
    return { settings: mergeSettings(options.editorSettings?.(), config?.settings), config };
  }

  async function dossierIndex(): Promise<DossierCase[]> {
    const files = (await options.host.listCaseFiles?.()) ?? [];
    const out: DossierCase[] = [];
    for (const f of files) {
      const text = await options.host.readFile(f);
      if (typeof text !== 'string') continue;
      const e = dossierEntry(f, new CaseDoc(text));
      if (e) out.push(e);
    }
    return out;
  }

  /** `doc`: the text already parsed, when the caller has it (see AnalyseOptions.doc). */
  async function analyse(path: string, text: string, dossier?: readonly DossierCase[], doc?: CaseDoc): Promise<Analysis & { config?: ConfigAnalysis }> {
    const { settings, config } = await settingsFor(path);
    const a = analyseText(text, { path, settings, today: options.today?.(), dossier, onRuleError: options.onRuleError, doc });
    // Added to the analysis, not copied from it: its checklist is worked out when first read (see CaseAnalysis).
    return Object.assign(a, { config });
  }

  return {
    settingsFor,
    dossierIndex,
    analyse,
    /** Forget cached settings files (one, or all): call when one changes. */
    invalidate(path?: string) {
      if (path) configs.delete(path);
      else configs.clear();
    },
  };
}

export type Analyser = ReturnType<typeof createAnalyser>;
export { CONFIG_FILE };
