import { closeSync, constants as fsConstants, existsSync, fstatSync, lstatSync, readlinkSync, openSync, promises as fs, readFileSync, realpathSync, type Stats } from 'node:fs';
import * as nodePath from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE, plural } from '../engine/index';

export const CASE_GLOB = '**/*.scr.yaml';
const IGNORE = ['**/node_modules/**', '**/.git/**'];
/**
 * Files a folder scan passes over that look meant to be read: a case file or settings file ending
 * in `.yml`, the spelling GitHub's own workflow files use. They are named to the user, not read.
 */
const MISNAMED_GLOBS = ['**/*.scr.yml', '**/scr.config.yml'];

/** What one command-line target turned into: files, or a problem to tell the user about. */
export interface Expanded {
  files: string[];
  problems: { target: string; message: string }[];
  /** `*.scr.yml` and `scr.config.yml` files found in the folders scanned, which are not read. */
  misnamed: string[];
}

/**
 * Turns paths, folders and glob patterns into case files (absolute, '/'-separated, sorted, once
 * each). A file reached twice, by whatever paths (a folder and a link to it, two names for one
 * file), is checked once, under the first name it was reached by.
 */
export async function expandTargets(targets: string[], cwd: string): Promise<Expanded> {
  const files = new Set<string>();
  /** Where each file kept really lies (links followed). */
  const real = new Set<string>();
  const add = (f: string) => {
    const r = realPath(f);
    if (real.has(r)) return;
    real.add(r);
    files.add(toSlash(f));
  };
  const misnamed = new Set<string>();
  const problems: Expanded['problems'] = [];
  for (const target of targets.length ? targets : ['.']) {
    if (isDynamicPattern(target)) {
      // A pattern picks out case files: `*.yaml` must not check the settings file, nor `*` a picture.
      const found = (await glob(target, { cwd, absolute: true, ignore: IGNORE, followSymbolicLinks: false, dot: false })).filter(isCaseFile);
      if (!found.length) problems.push({ target, message: `no case files (*.scr.yaml) match ${target}.` });
      for (const f of found) add(f);
      continue;
    }
    const abs = nodePath.resolve(cwd, target);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (e) {
      problems.push({ target, message: brokenLink(abs, target) ?? describeFsError(e, target) });
      continue;
    }
    if (stat.isDirectory()) {
      // Links are followed (the globbing library stops at loops); a file reached twice is checked once.
      const found = await glob([CASE_GLOB, ...MISNAMED_GLOBS], { cwd: abs, absolute: true, ignore: IGNORE, followSymbolicLinks: true });
      let cases = 0;
      // In order, so that which of two ways to one file is kept does not depend on the disk.
      for (const f of found.sort()) {
        if (!isCaseFile(f)) {
          misnamed.add(toSlash(f));
          continue;
        }
        cases++;
        add(f);
      }
      // A folder with no case files is as likely a slip (the wrong folder, files named .yml) as a
      // pattern that matches none, and fails the same way.
      if (!cases) problems.push({ target, message: `no case files (*.scr.yaml) found in ${target === '.' || target === './' ? 'this folder' : target} or the folders below it.` });
    } else {
      add(abs);
    }
  }
  return { files: [...files].sort(), problems, misnamed: [...misnamed].sort() };
}

/** "x.scr.yaml is a link to y.scr.yaml, which does not exist.", when the path is such a link. */
export function brokenLink(abs: string, shown: string): string | undefined {
  try {
    if (!lstatSync(abs).isSymbolicLink()) return undefined;
    return `${shown} is a link to ${readlinkSync(abs)}, which does not exist.`;
  } catch {
    return undefined;
  }
}

/**
 * The top folder of the git repository that holds `dir` (the nearest folder with a `.git` in it),
 * or undefined outside one. Found without running git, which need not be installed.
 */
export function repositoryRoot(dir: string): string | undefined {
  let d = nodePath.resolve(dir);
  for (let i = 0; i < 200; i++) {
    if (existsSync(nodePath.join(d, '.git'))) return toSlash(d);
    const up = nodePath.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
  return undefined;
}

/** A path's way from `folder` (with forward slashes), when it lies inside that folder; else undefined. */
export function pathInside(folder: string, path: string): string | undefined {
  const rel = toSlash(nodePath.relative(folder, path));
  return rel && rel !== '..' && !rel.startsWith('../') && !nodePath.isAbsolute(rel) ? rel : undefined;
}

/**
 * A file's path as reports show it: from the folder the command runs in, climbing out of it with
 * `../` when the file lies beside or above it (`scr-check ..` from a sub-folder); absolute only
 * when the two share no folder but the root (or, on Windows, are on different drives).
 */
export function shownPath(cwd: string, abs: string): string {
  const inside = pathInside(cwd, abs);
  if (inside !== undefined) return inside;
  const rel = toSlash(nodePath.relative(cwd, abs));
  if (!rel || nodePath.isAbsolute(rel)) return abs;
  const up = /^(?:\.\.\/)*/.exec(rel)![0].length / 3;
  const depth = toSlash(nodePath.resolve(cwd)).split('/').filter(Boolean).length;
  return up < depth ? rel : abs;
}

/**
 * How a message names a case file of the dossier to people (duplicate-id: "also used by another
 * case file in this dossier (dossier/2015/x.scr.yaml)"), given every case file checked. The same
 * wherever the command runs, so that it cannot be read as a path from the file being reported on
 * (`scr-check ..` from `dossier/2016` would otherwise name `../2015/x.scr.yaml` in one file's
 * findings and `y.scr.yaml`, meaning `dossier/2016/y.scr.yaml`, in the other's):
 * - inside a git repository, its path from the repository's top folder: as the editor's explorer
 *   shows it when the repository is the workspace, and as code scanning and the GitHub
 *   annotations name files;
 * - elsewhere, its path from just above the folder that holds every case file checked, so the path
 *   starts with that folder's name (as the editor names files when it has several folders open);
 * - the whole path where that folder is the top of the disk.
 */
export function dossierNames(files: readonly string[]): (abs: string) => string {
  const common = commonFolder(files);
  if (common === undefined) return (abs) => abs;
  const repo = repositoryRoot(common);
  const from = repo ?? nodePath.dirname(common);
  if (!repo && from === common) return (abs) => abs;
  return (abs) => pathInside(from, abs) ?? abs;
}

/** The deepest folder that holds all these files (absolute, '/'-separated), or undefined for none. */
function commonFolder(files: readonly string[]): string | undefined {
  let parts: string[] | undefined;
  for (const f of files) {
    const dir = toSlash(nodePath.dirname(f)).split('/');
    if (!parts) parts = dir;
    else {
      let i = 0;
      while (i < parts.length && i < dir.length && parts[i] === dir[i]) i++;
      parts = parts.slice(0, i);
    }
  }
  if (!parts?.length) return undefined;
  // `/x` splits into ['', 'x']: only '' in common is the top of the disk.
  return parts.length === 1 && parts[0] === '' ? '/' : parts.join('/');
}

/** Whether a file is named as a case file is: `*.scr.yaml`. */
export function isCaseFile(path: string): boolean {
  return path.endsWith('.scr.yaml');
}

/**
 * Where a path really leads (links followed, in forward slashes). Where the path itself cannot be
 * followed, where its folder really lies, with its name: a file not made yet, or one whose name
 * is not UTF-8 (the program has it only with a stand-in character, so it cannot be opened by that
 * name, though its folder can), which must still be known as one file by whichever folder link it
 * was reached through. Else the path itself. At once: a thousand in 6 ms, against 43 ms one after
 * another through the thread pool.
 */
export function realPath(path: string): string {
  try {
    return toSlash(realpathSync.native(path));
  } catch {
    const dir = nodePath.dirname(path);
    if (dir === path) return path;
    try {
      return toSlash(nodePath.join(realpathSync.native(dir), nodePath.basename(path)));
    } catch {
      return path;
    }
  }
}

export function toSlash(p: string): string {
  return p.split(nodePath.sep).join('/');
}

export function describeFsError(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    // A name not written in UTF-8 reaches the program with a stand-in character and cannot be opened by it.
    case 'ENOENT': return what.includes('\uFFFD') ? `${what} has a name that is not written in UTF-8, so it cannot be opened. Rename it.` : `${what} does not exist.`;
    case 'EACCES':
    case 'EPERM': return `${what} cannot be read: permission denied.`;
    case 'ELOOP': return `${what} cannot be read: its links loop back on themselves.`;
    case 'EISDIR': return `${what} is a folder, not a file.`;
    default: return `${what} cannot be read (${code ?? String((e as Error)?.message ?? e)}).`;
  }
}

/** A file's text, or why it cannot be had (`missing` when there is no such file). */
export type ReadResult = { text: string } | { problem: string; missing?: true };

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Opened without waiting: a pipe would otherwise hold the open until something wrote to it. On an
 * ordinary file the flag changes nothing.
 */
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** Far more than any case file holds; far less than a device that never ends. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Why what a path names cannot be read as a case file, before reading it; undefined if it can. */
function notAFile(stat: Stats, shown: string): string | undefined {
  if (stat.isDirectory()) return `${shown} is a folder, not a file.`;
  if (!stat.isFile()) return `${shown} is not an ordinary file (it is a device, a pipe or a socket), so it cannot be checked.`;
  if (stat.size > MAX_BYTES) return `${shown} is too large to be a case file (${Math.round(stat.size / 1024 / 1024)} MB), so it was not checked.`;
  return undefined;
}

/** Reads a file as UTF-8 text; binary or badly encoded files are a problem, not a failure. */
export async function readText(path: string, shown = path): Promise<ReadResult> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (e) {
    return notRead(e, shown);
  }
  try {
    const problem = notAFile(await handle.stat(), shown);
    return problem ? { problem } : asText(await handle.readFile(), shown);
  } catch (e) {
    return notRead(e, shown);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * readText, at once: for reading a whole dossier, where nothing else waits meanwhile (a thousand
 * files in 10 ms, against 42 ms reading 16 at a time through the thread pool).
 */
export function readTextNow(path: string, shown = path): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    return notRead(e, shown);
  }
  try {
    const problem = notAFile(fstatSync(fd), shown);
    return problem ? { problem } : asText(readFileSync(fd), shown);
  } catch (e) {
    return notRead(e, shown);
  } finally {
    closeSync(fd);
  }
}

function notRead(e: unknown, shown: string): ReadResult {
  const code = (e as NodeJS.ErrnoException)?.code;
  return { problem: describeFsError(e, shown), ...(code === 'ENOENT' || code === 'ENOTDIR' ? { missing: true as const } : {}) };
}

function asText(bytes: Buffer, shown: string): ReadResult {
  // A byte-order mark of UTF-16 (as Windows Notepad's "Unicode" writes): text, in another encoding.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: `${shown} is saved as UTF-16 text, so it cannot be checked. Save it again as UTF-8.` };
  }
  if (bytes.includes(0)) return { problem: `${shown} is not a text file (it holds binary data), so it cannot be checked.` };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    return { problem: `${shown} is not saved as UTF-8 text, so it cannot be checked. Save it again as UTF-8.` };
  }
}

/**
 * What to say of the `*.scr.yml` and `scr.config.yml` files a folder scan passed over: that they
 * were not read, and why. A note only: the run is what it would be without them.
 */
export function misnamedNotes(paths: readonly string[], shown: (abs: string) => string): string[] {
  const list = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', '));
  const cases = paths.filter((p) => p.endsWith('.scr.yml')).map(shown);
  const settings = paths.filter((p) => nodePath.posix.basename(p) === 'scr.config.yml').map(shown);
  const notes: string[] = [];
  if (cases.length) {
    notes.push(`${cases.length === 1 ? `${cases[0]} was` : `${plural(cases.length, 'file')} were`} not checked${cases.length === 1 ? '' : ` (${list(cases)})`}: only files whose names end in .scr.yaml are read as case files, not .scr.yml. Rename ${cases.length === 1 ? 'it' : 'them'} to have ${cases.length === 1 ? 'it' : 'them'} checked.`);
  }
  if (settings.length) {
    notes.push(`${settings.length === 1 ? `${settings[0]} was` : `${plural(settings.length, 'file')} were`} not read${settings.length === 1 ? '' : ` (${list(settings)})`}: settings are read only from a file named ${CONFIG_FILE}, not scr.config.yml. Rename ${settings.length === 1 ? 'it' : 'them'} for ${settings.length === 1 ? 'its' : 'their'} settings to apply.`);
  }
  return notes;
}
