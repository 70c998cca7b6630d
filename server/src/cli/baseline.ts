import { promises as fs, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { nameKey, type Finding } from '../engine/index';
import { fingerprintOf, type FileReport } from './report';
import { readText, toSlash } from './files';

/**
 * A baseline: the findings a team has accepted for now, so that a check reports only new ones.
 * Each entry is keyed by the file (relative to the baseline's own folder, so the check can run
 * from anywhere), the rule and the finding's fingerprint. `case`, the file's case reference, lets
 * a file renamed or moved since be known again (see renamedFiles). `at`, the key the finding
 * stands under, is there for people only. Nothing in an entry changes from day to day, so writing
 * the baseline again changes only the entries of findings that came or went.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  path: string;
  /** The file's `case.reference` when the baseline was written (baselines written before it was recorded have none). */
  case?: string;
  rule: string;
  fingerprint: string;
  at?: string;
}

export class BaselineProblem extends Error {
  /**
   * Whether --write-baseline may write over the file all the same: it is empty, or a baseline in
   * another version's format (nothing in it that a new baseline would not hold).
   */
  constructor(message: string, readonly replaceable = false) {
    super(message);
  }
}

export const BASELINE_NOTE = 'Findings accepted for now: scr-check --baseline leaves these out. Rewrite with scr-check --write-baseline.';

/**
 * Only a case file's findings can be accepted for now, and not `yaml-syntax`. A file that could
 * not be read was not checked at all, a case file with a slip in its YAML (an unclosed quote) was
 * checked only in part, and a mistake in a settings file changes what every case under it is
 * checked against: accepting any of them would let a run pass that checked less than it says.
 * (The other findings of a file with a slip may be accepted: they go once the slip is put right.)
 */
export function canBeBaselined(f: FileReport, x?: Finding): boolean {
  return f.kind === 'case' && x?.rule !== 'yaml-syntax';
}

/** The baseline's entries for these files: every finding that is not waived and can be accepted (see canBeBaselined). */
export function entriesFor(files: readonly FileReport[], baselineFile: string): BaselineEntry[] {
  const dir = nodePath.dirname(baselineFile);
  const out: BaselineEntry[] = [];
  for (const f of files) {
    if (!canBeBaselined(f)) continue;
    const path = keyPath(dir, f.absolutePath);
    const kase = f.reference !== undefined ? { case: f.reference } : {};
    for (const x of f.findings) if (canBeBaselined(f, x)) out.push({ path, ...kase, rule: x.rule, fingerprint: fingerprintOf(f, x), at: f.yamlPaths?.get(x) ?? '' });
  }
  return out;
}

/**
 * The text of a baseline holding these files' findings. Entries for files not checked this time
 * (say, with --changed-since) are kept from the old baseline, so a partial run loses nothing;
 * except those of a file that no longer exists whose case a file checked now holds: it was renamed
 * or moved, and its findings are now recorded under the new name.
 */
export function writeBaseline(files: readonly FileReport[], baselineFile: string, old: Baseline | undefined): { text: string; count: number } {
  const dir = nodePath.dirname(baselineFile);
  const checked = new Set(files.map((f) => keyPath(dir, f.absolutePath)));
  const casesChecked = new Set(files.flatMap((f) => (f.kind === 'case' && f.reference !== undefined ? [nameKey(f.reference)] : [])));
  const moved = (e: BaselineEntry) => e.case !== undefined && casesChecked.has(nameKey(e.case)) && gone(dir, e.path);
  const kept = (old?.findings ?? []).filter((e) => !checked.has(e.path) && !moved(e));
  const findings = [...kept, ...entriesFor(files, baselineFile)].sort(
    (a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint),
  );
  const body = { note: BASELINE_NOTE, version: 1, findings };
  return { text: JSON.stringify(body, null, 2) + '\n', count: findings.length };
}

/** Reads a baseline's text; a file that is not one is a problem the user must hear about. */
export function parseBaseline(text: string, shown: string): Baseline {
  if (!text.trim()) throw new BaselineProblem(`${shown} is empty, not a baseline. Make the baseline with --write-baseline ${shown}.`, true);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new BaselineProblem(`${shown} is not a baseline file (it is not JSON). Give --baseline the file --write-baseline made, or make one in a new file with --write-baseline.`);
  }
  const o = v as { version?: unknown; findings?: unknown };
  if (o && typeof o === 'object' && typeof o.version === 'number' && o.version !== 1 && Array.isArray(o.findings)) {
    throw new BaselineProblem(`${shown} is a baseline written by another version of scr-check. Make it again with --write-baseline ${shown}.`, true);
  }
  if (!o || typeof o !== 'object' || o.version !== 1 || !Array.isArray(o.findings)) {
    throw new BaselineProblem(`${shown} is not a baseline file. Give --baseline the file --write-baseline made, or make one in a new file with --write-baseline.`);
  }
  const findings: BaselineEntry[] = [];
  for (const e of o.findings as unknown[]) {
    const x = e as Partial<BaselineEntry>;
    if (x && typeof x.path === 'string' && typeof x.rule === 'string' && typeof x.fingerprint === 'string') {
      findings.push({ path: x.path, ...(typeof x.case === 'string' ? { case: x.case } : {}), rule: x.rule, fingerprint: x.fingerprint, ...(typeof x.at === 'string' ? { at: x.at } : {}) });
    }
  }
  return { version: 1, findings };
}

/**
 * Whether a file's text is a baseline, as --baseline would read it (or one of another version's
 * format): a report must never be written over one. A report is not taken for one (a quick look
 * for a numeric `version` and a `findings` key first spares reading a large report as JSON).
 */
export function isBaselineText(text: string): boolean {
  if (!/"version"\s*:\s*\d/.test(text) || !text.includes('"findings"')) return false;
  try {
    parseBaseline(text, '');
    return true;
  } catch (e) {
    // Another version's baseline: a baseline all the same.
    return e instanceof BaselineProblem && e.replaceable && text.trim() !== '';
  }
}

/**
 * Leaves out of each file the findings the baseline holds, under its own path or, for a renamed
 * file, under the path it had (`renamed`, from renamedFiles); returns how many were left out.
 */
export function applyBaseline(files: FileReport[], baseline: Baseline, baselineFile: string, renamed: Renames = { from: new Map(), unclear: [] }): number {
  const dir = nodePath.dirname(baselineFile);
  const known = new Set(baseline.findings.map((e) => key(e.path, e.rule, e.fingerprint)));
  let dropped = 0;
  for (const f of files) {
    // An older baseline may hold findings it cannot accept: they are reported all the same.
    if (!canBeBaselined(f)) continue;
    const path = keyPath(dir, f.absolutePath);
    const was = renamed.from.get(f.absolutePath);
    const accepted = (x: Finding) => known.has(key(path, x.rule, fingerprintOf(f, x))) || (was !== undefined && known.has(key(was, x.rule, fingerprintOf(f, x))));
    const before = f.findings.length;
    f.findings = f.findings.filter((x) => !canBeBaselined(f, x) || !accepted(x));
    dropped += before - f.findings.length;
  }
  return dropped;
}

/**
 * Case files renamed or moved since the baseline was written. `from`: for a file (by its absolute
 * path) the baseline does not name, the path (as the baseline writes it) of the file it was, whose
 * entries it takes. `unclear`: a file the baseline names that no longer exists, whose case more
 * than one such file holds now, or whose case one of them shares with more than one gone file:
 * none of them takes its entries.
 */
export interface Renames {
  from: Map<string, string>;
  /** `case`: the reference as the first of the files now holding it writes it. */
  unclear: { case: string; was: string[]; now: string[] }[];
}

/**
 * Pairs files the baseline does not name with files it names that no longer exist, when the two
 * hold the same case (`case.reference`, compared as duplicate-id compares it) and only one file of
 * each holds it: two copies of a case must not both take one file's findings. `files` are all the
 * case files read in this run (not only those reported, with --changed-since), so that a copy
 * elsewhere in the dossier still makes the pairing unclear. A baseline written before it recorded
 * each file's case pairs nothing.
 */
export function renamedFiles(files: readonly FileReport[], baseline: Baseline, baselineFile: string): Renames {
  const dir = nodePath.dirname(baselineFile);
  const named = new Set(baseline.findings.map((e) => e.path));
  const was = new Map<string, Set<string>>();
  const isGone = new Map<string, boolean>();
  for (const e of baseline.findings) {
    if (e.case === undefined) continue;
    let g = isGone.get(e.path);
    if (g === undefined) isGone.set(e.path, (g = gone(dir, e.path)));
    if (!g) continue;
    const k = nameKey(e.case);
    const paths = was.get(k) ?? new Set<string>();
    was.set(k, paths.add(e.path));
  }
  const now = new Map<string, FileReport[]>();
  if (was.size) {
    for (const f of files) {
      if (f.kind !== 'case' || f.reference === undefined || named.has(keyPath(dir, f.absolutePath))) continue;
      const k = nameKey(f.reference);
      if (was.has(k)) now.set(k, [...(now.get(k) ?? []), f]);
    }
  }
  const out: Renames = { from: new Map(), unclear: [] };
  for (const [k, fs] of now) {
    const olds = [...was.get(k)!].sort();
    if (fs.length === 1 && olds.length === 1) out.from.set(fs[0].absolutePath, olds[0]);
    else out.unclear.push({ case: fs[0].reference!, was: olds, now: fs.map((f) => f.absolutePath).sort() });
  }
  return out;
}

/** Whether a path of the baseline no longer leads to anything (not one that cannot be looked at). */
function gone(dir: string, path: string): boolean {
  try {
    statSync(nodePath.resolve(dir, path));
    return false;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
}

function keyPath(dir: string, abs: string): string {
  return toSlash(nodePath.relative(dir, abs));
}

function key(path: string, rule: string, fingerprint: string): string {
  return `${path}\u0000${rule}\u0000${fingerprint}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a baseline to use (it must exist) or to replace (it may not exist yet, but must be one). */
export async function loadBaseline(abs: string, shown: string, purpose: 'use' | 'replace'): Promise<Baseline | undefined> {
  let exists = true;
  try {
    await fs.stat(abs);
  } catch {
    exists = false;
  }
  if (!exists) {
    if (purpose === 'replace') return undefined;
    throw new BaselineProblem(`the baseline ${shown} does not exist. Make it first with --write-baseline ${shown}.`);
  }
  const r = await readText(abs, shown);
  if (!('text' in r)) throw new BaselineProblem(r.problem);
  try {
    return parseBaseline(r.text, shown);
  } catch (e) {
    if (purpose === 'replace' && e instanceof BaselineProblem) {
      if (e.replaceable) return undefined;
      throw new BaselineProblem(`${shown} already exists and is not a baseline, so it was left alone. Choose a new file for --write-baseline, or delete this one first.`);
    }
    throw e;
  }
}

/** What to say of the case files taken as renamed since the baseline was written, and of those that could not be told apart. */
export function renameNotes(renames: Renames, baselineFile: string, byPath: Map<string, FileReport>, shown: (abs: string) => string): string[] {
  const dir = nodePath.dirname(baselineFile);
  const old = (p: string) => shown(toSlash(nodePath.resolve(dir, p)));
  const list = (xs: string[]) => (xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  const notes: string[] = [];
  for (const [abs, was] of renames.from) {
    notes.push(
      `${shown(abs)} is taken to be ${old(was)} renamed or moved: it holds the same case (${byPath.get(abs)?.reference ?? ''}), and the baseline names ${old(was)}, which no longer exists. ` +
        `The findings accepted there stay accepted; write the baseline again to record them under the new name.`,
    );
  }
  for (const u of renames.unclear) {
    notes.push(
      `${list(u.now.map(shown))} ${u.now.length === 1 ? 'holds' : 'all hold'} the case ${u.case}, as ${list(u.was.map(old))} did, which the baseline names but ${u.was.length === 1 ? 'no longer exists' : 'no longer exist'}. ` +
        `Which file became which cannot be told, so the findings accepted for ${u.was.length === 1 ? 'it' : 'them'} are reported as new. ` +
        (u.now.length > 1 ? 'Give each case file its own reference, then write the baseline again.' : 'Write the baseline again to accept them under the new name.'),
    );
  }
  return notes;
}
