import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { folderOf, nameKey, type DossierCase, type Finding } from '../engine/index';
import { isCaseFile, realPath, toSlash } from './files';
import { changedSince } from './git';
import type { FileReport } from './report';

/**
 * Where to look for the git repository of each path given: the folder itself, a file's folder, a
 * pattern's folder before its first wildcard, or for a path that does not exist the nearest folder
 * above it that does. With no path, the current folder.
 */
export function gitFolders(targets: string[], cwd: string): { dir: string; shown: string }[] {
  const here = { dir: nodePath.resolve(cwd), shown: nodePath.resolve(cwd) };
  if (!targets.length) return [here];
  return targets.map((target) => {
    if (target === '.' || target === './') return here;
    let fixed = target;
    if (isDynamicPattern(target)) {
      const parts = toSlash(target).split('/');
      const at = parts.findIndex((part) => isDynamicPattern(part));
      fixed = parts.slice(0, at).join('/') || (toSlash(target).startsWith('/') ? '/' : '.');
    }
    let dir = nodePath.resolve(cwd, fixed);
    for (;;) {
      let st;
      try {
        st = statSync(dir);
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) break;
      const up = nodePath.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return { dir, shown: target };
  });
}

/**
 * Keeps the files changed since `ref`, and those whose findings involve them: a case sharing a
 * changed file's reference (or pointing at it), and every case under a changed settings file.
 */
export async function onlyChanged(reports: FileReport[], ref: string, folders: { dir: string; shown: string }[], dossier: DossierCase[], configPath: string | undefined): Promise<{ reports: FileReport[]; elsewhere: string[]; changedCases: number }> {
  const { files: changed } = await changedSince(ref, folders);
  // Real paths, to compare with git's.
  const real = new Map<string, string>();
  const realOf = (p: string) => {
    let r = real.get(p);
    if (r === undefined) real.set(p, (r = realPath(p)));
    return r;
  };
  const isChanged = (p: string) => changed.has(realOf(p));
  const settingsChanged = configPath ? isChanged(configPath) : false;
  const changedFolders = [...changed].filter((p) => p.endsWith('/scr.config.yaml')).map((p) => folderOf(p) + '/');
  const changedRefs = new Set(dossier.filter((d) => isChanged(d.path)).map((d) => nameKey(d.reference)));
  const refOf = new Map(dossier.map((d) => [d.path, nameKey(d.reference)]));
  const involves = (x: Finding) => x.related.some((rel) => rel.path !== undefined && isChanged(rel.path));
  const checked = new Set(reports.map((r) => realOf(r.absolutePath)));
  const elsewhere = [...changed].filter((p) => isCaseFile(p) && !checked.has(p) && existsSync(p)).sort();
  const kept = reports.filter((r) => {
    if (isChanged(r.absolutePath)) return true;
    if (r.kind === 'config') return false;
    // A case file that cannot be read is governed by its settings as much as one that can: a full
    // run would fail on it, so a run of the changes must too.
    const p = realOf(r.absolutePath);
    if (settingsChanged || changedFolders.some((d) => p.startsWith(d))) return true;
    if (r.kind !== 'case') return false;
    if (changedRefs.has(refOf.get(r.absolutePath) ?? '\u0000')) return true;
    return r.findings.some(involves) || r.waived.some(involves);
  });
  // Of the case files kept, those that changed themselves (the others are kept as a change affects them).
  const changedCases = kept.filter((r) => r.kind !== 'config' && isChanged(r.absolutePath)).length;
  return { reports: kept, elsewhere, changedCases };
}
