import * as nodePath from 'node:path';
import type { Finding } from '../engine/index';
import { fingerprintOf, type FileReport } from './report';
import { toSlash } from './files';
import { yamlPathAt } from './fingerprint';

/**
 * A baseline: the findings a team has accepted for now, so that a check reports only new ones.
 * Each entry is keyed by the file (relative to the baseline's own folder, so the check can run
 * from anywhere), the rule and the finding's fingerprint. `at`, the key the finding stands under,
 * is there for people only. Nothing in an entry changes from day to day, so writing the baseline
 * again changes only the entries of findings that came or went.
 */
export interface Baseline {
  version: 1;
  findings: BaselineEntry[];
}

export interface BaselineEntry {
  path: string;
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
    for (const x of f.findings) if (canBeBaselined(f, x)) out.push({ path, rule: x.rule, fingerprint: fingerprintOf(f, x), at: f.doc ? yamlPathAt(f.doc, x.span.start) : '' });
  }
  return out;
}

/**
 * The text of a baseline holding these files' findings. Entries for files not checked this time
 * (say, with --changed-since) are kept from the old baseline, so a partial run loses nothing.
 */
export function writeBaseline(files: readonly FileReport[], baselineFile: string, old: Baseline | undefined): { text: string; count: number } {
  const dir = nodePath.dirname(baselineFile);
  const checked = new Set(files.map((f) => keyPath(dir, f.absolutePath)));
  const kept = (old?.findings ?? []).filter((e) => !checked.has(e.path));
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
      findings.push({ path: x.path, rule: x.rule, fingerprint: x.fingerprint, ...(typeof x.at === 'string' ? { at: x.at } : {}) });
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

/** Leaves out of each file the findings the baseline holds; returns how many were left out. */
export function applyBaseline(files: FileReport[], baseline: Baseline, baselineFile: string): number {
  const dir = nodePath.dirname(baselineFile);
  const known = new Set(baseline.findings.map((e) => key(e.path, e.rule, e.fingerprint)));
  let dropped = 0;
  for (const f of files) {
    // An older baseline may hold findings it cannot accept: they are reported all the same.
    if (!canBeBaselined(f)) continue;
    const path = keyPath(dir, f.absolutePath);
    const before = f.findings.length;
    f.findings = f.findings.filter((x) => !canBeBaselined(f, x) || !known.has(key(path, x.rule, fingerprintOf(f, x))));
    dropped += before - f.findings.length;
  }
  return dropped;
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
