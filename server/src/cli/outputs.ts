import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE } from '../engine/index';
import { isBaselineText } from './baseline';
import { isCaseFile, readTextNow, realPath, toSlash } from './files';
import { UsageError } from './options';
import type { Io } from './run';

/**
 * Refuses an --output that would write over something the run reads or writes: a case file (by
 * name, or one being checked), a settings file, a baseline (named in the run, or known by what it
 * holds), or another --output.
 */
export function guardOutputs(
  outputs: { path: string; option: string; what: string }[],
  resolve: (p: string) => string,
  taken: { cases: string[]; config?: string; baseline?: string; writeBaseline?: string },
): void {
  // Files are compared by where they really are (through links); the cases' only when asked.
  let cases: Set<string> | undefined;
  const seen: { real: string; shown: string }[] = [];
  for (const out of outputs) {
    const abs = resolve(out.path);
    const real = realPath(abs);
    const is = (p: string | undefined) => p !== undefined && realPath(p) === real;
    // The name of the file that would be written: where a link leads, and as the file system spells
    // it (on Windows and macOS `SCR.CONFIG.YAML` is scr.config.yaml). Compared whatever its case.
    const name = nodePath.posix.basename(real).toLowerCase();
    const exists = existsSync(abs);
    const refuse = (what: string) => {
      throw new UsageError(`${out.option} ${out.path} would write ${out.what} over ${what}, which would be lost. Choose another file name for ${out.what}.`, false);
    };
    cases ??= new Set(taken.cases.map(realPath));
    if (cases.has(real) || (isCaseFile(name) && exists)) refuse('a case file');
    if (isCaseFile(name)) {
      throw new UsageError(`${out.option} ${out.path} is named as a case file is (it ends in .scr.yaml), so ${out.what} would later be checked as one. Choose another file name for ${out.what}.`, false);
    }
    if ((name === CONFIG_FILE && exists) || is(taken.config)) refuse('a settings file');
    if (name === CONFIG_FILE) {
      throw new UsageError(`${out.option} ${out.path} is named as a settings file is (${CONFIG_FILE}), so ${out.what} would later be read as the settings of the case files beside and below it. Choose another file name for ${out.what}.`, false);
    }
    // A baseline may be written again over the one given to --baseline: that is how it is renewed.
    if (out.option === '--output' && is(taken.baseline)) refuse('the baseline given to --baseline');
    if (out.option === '--output' && is(taken.writeBaseline)) refuse('the baseline being recorded with --write-baseline');
    // A baseline not named in this run (the team's committed one, given to -o by a slip) is known by
    // what it holds, as --baseline reads it.
    if (out.option === '--output' && exists) {
      const r = readTextNow(abs, out.path);
      if ('text' in r && isBaselineText(r.text)) refuse('a baseline');
    }
    const twice = seen.find((x) => x.real === real);
    if (twice) throw new UsageError(`${out.option} ${out.path} is given twice (also as ${twice.shown}): each report needs a file of its own.`, false);
    seen.push({ real, shown: out.path });
  }
}

export async function writeOut(io: Pick<Io, 'writeFile'>, abs: string, shown: string, text: string): Promise<void> {
  try {
    await io.writeFile(abs, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? ': permission denied'
      : code === 'EISDIR' ? ': it is a folder'
      : code === 'ENOENT' ? (existsSync(nodePath.dirname(abs)) ? ': a file cannot be made there' : `: the folder ${toSlash(nodePath.dirname(shown))} does not exist`)
      : code === 'ENOTDIR' || code === 'EEXIST' ? ': part of its path is a file, not a folder'
      : code ? ` (${code})` : '';
    // The options were right; the file was not: the options' list would not help.
    throw new UsageError(`could not write ${shown}${why}.`, false);
  }
}
