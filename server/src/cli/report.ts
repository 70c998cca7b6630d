import { pathInside } from './files';
import { grouped, plural, shownText, type CaseHeading, type ChecklistItem, type Finding, type LineIndex, type Span } from '../engine/index';

/** One checked file, as every output format sees it. */
export interface FileReport {
  /** The path shown to the user (relative to where the command runs). */
  path: string;
  absolutePath: string;
  lines: LineIndex;
  /** Findings to show: waived ones removed (they stay in `waived`). */
  findings: Finding[];
  waived: Finding[];
  /**
   * What some outputs need of each finding, shown and waived alike (see Needs in check.ts): worked
   * out only for the outputs that use them, while the file's reading was at hand.
   */
  fingerprints?: Map<Finding, string>;
  yamlPaths?: Map<Finding, string>;
  places?: Map<Finding, string>;
  checklist?: ChecklistItem[];
  /** The case's reference, child and board, for the Markdown report's headings. */
  heading?: CaseHeading;
  /** A case file's `case.reference`, as the dossier reads it (dossierEntry); absent where none is written yet. */
  reference?: string;
  /** A settings file's findings are reported under its own path, with no checklist. */
  kind: 'case' | 'config' | 'unreadable';
}

/** A finding's fingerprint: the run works them out whenever an output or a baseline needs them. */
export function fingerprintOf(file: FileReport, finding: Finding): string {
  const fingerprint = file.fingerprints?.get(finding);
  if (fingerprint === undefined) throw new Error(`no fingerprint was worked out for a finding in ${file.path}`);
  return fingerprint;
}

export interface RunReport {
  files: FileReport[];
  errors: number;
  warnings: number;
  /** Findings left out because the baseline already holds them. */
  baselined: number;
  /**
   * Set when only the case files changed since a git ref (and those a change affects) were
   * reported: the ref as given, how many case files were checked in all, and how many of those
   * reported changed themselves.
   */
  changedSince?: { ref: string; checked: number; changed: number };
  /** Warnings and notes --quiet left out of the report (it still counts them towards --max-warnings). */
  hidden?: { warnings: number; notes: number };
  /** Whether the run fails, and why: decided once (see `decideOutcome`), stated by every format. */
  outcome?: Outcome;
}

/** A run's result: `failed` is what the exit status says; `reasons` say why, in words. */
export interface Outcome {
  failed: boolean;
  /** Each reason in words, and what kind it is (errors are also each reported on their own). */
  reasons: { kind: 'errors' | 'warnings' | 'path'; text: string }[];
}

/**
 * The one place that decides whether a run fails, and the words for why: every format states
 * them, and the exit status follows `failed`. `errors` are those that count (while a baseline is
 * written, only those a baseline cannot accept); `warnings` are all of them, shown or not.
 */
export function decideOutcome(x: {
  errors: number;
  warnings: number;
  maxWarnings?: number;
  /** Paths, folders or patterns given that could not be checked: their messages. */
  pathProblems: string[];
  writingBaseline: boolean;
}): Outcome {
  const reasons: Outcome['reasons'] = x.pathProblems.map((m) => ({ kind: 'path', text: m.replace(/\.$/, '') }));
  if (x.errors) {
    reasons.push({
      kind: 'errors',
      text: x.writingBaseline
        ? `${plural(x.errors, 'error')} a baseline cannot accept (in a file that could not be read, in whole or in part, or in a settings file)`
        : plural(x.errors, 'error'),
    });
  }
  if (!x.writingBaseline && x.maxWarnings !== undefined && x.warnings > x.maxWarnings) {
    reasons.push({ kind: 'warnings', text: `${plural(x.warnings, 'warning')}, more than the ${x.maxWarnings} allowed by --max-warnings` });
  }
  return { failed: reasons.length > 0, reasons };
}

/** The run's outcome: as decided, or (for a report made without one) failed when it holds errors. */
export function outcomeOf(report: RunReport): Outcome {
  if (report.outcome) return report.outcome;
  const { errors } = counts(report.files);
  return { failed: errors > 0, reasons: errors ? [{ kind: 'errors', text: plural(errors, 'error') }] : [] };
}

/** "Failed: 5 warnings, more than the 2 allowed by --max-warnings.", or undefined when the run passes. */
export function failureLine(report: RunReport, kinds?: Outcome['reasons'][number]['kind'][]): string | undefined {
  const o = outcomeOf(report);
  const reasons = o.reasons.filter((r) => !kinds || kinds.includes(r.kind));
  if (!o.failed || !reasons.length) return undefined;
  return `Failed: ${reasons.map((r) => r.text).join('; ')}.`;
}

/** ✗ when the run fails; ! when it passes with findings (shown or not); ✓ when there are none. */
export function outcomeMark(report: RunReport): '✗' | '!' | '✓' {
  if (outcomeOf(report).failed) return '✗';
  const { errors, warnings, notes } = counts(report.files);
  return errors + warnings + notes + (report.hidden?.warnings ?? 0) + (report.hidden?.notes ?? 0) ? '!' : '✓';
}

export function counts(files: FileReport[]): { errors: number; warnings: number; notes: number } {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  for (const f of files) for (const x of f.findings) {
    if (x.severity === 'error') errors++;
    else if (x.severity === 'warning') warnings++;
    else notes++;
  }
  return { errors, warnings, notes };
}

/** What a format may need beyond the report itself. */
export interface RenderContext {
  /** Colours on the terminal (stylish only). */
  color: boolean;
  /** The checker's version, for SARIF's tool description. */
  version: string;
  /** Where a file's lines can be linked to, e.g. `https://github.com/org/repo/blob/SHA/`; else relative links. */
  linkBase?: string;
  /** Every report by absolute path: for related places in other files. */
  byPath: Map<string, FileReport>;
  /**
   * The top folder of the git repository the command runs in, if any: code hosts (GitHub code
   * scanning, links to lines) name a file by its path from there, wherever the command ran.
   */
  repoRoot?: string;
  /** The folder a report's relative links start from: the report file's, or where the command runs. */
  linkFrom?: string;
}

/** A file's path from the top of the repository (forward slashes), when it lies inside it. */
export function repoPathOf(absolutePath: string, ctx: { repoRoot?: string }): string | undefined {
  return ctx.repoRoot ? pathInside(ctx.repoRoot, absolutePath) : undefined;
}

/** 1-based region of a span, a span that ends at the start of a line ending on the line before. */
export function regionOf(lines: LineIndex, span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const r = lines.humanRange(span);
  if (r.endLine > r.line && r.endColumn === 1) {
    const endLine0 = r.endLine - 2;
    return { ...r, endLine: r.endLine - 1, endColumn: lines.lineEnd(endLine0) - lines.lineStart(endLine0) + 1 };
  }
  return r;
}

/** A finding's words in one line, for formats that cannot show line breaks. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Text from a case file made safe to print: control characters (other than tab and line breaks),
 * which a terminal or a CI log would act on (colours, moving the cursor, links, clearing the
 * screen), are shown as U+FFFD (the replacement character) instead, and characters that change
 * the direction text is shown in are written out, as everywhere (shownText).
 */
export function visible(text: string): string {
  return shownText(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD');
}

export { plural };

/** "2 errors, 5 warnings, 1 note": the totals every format states. */
export function totals(report: RunReport): string {
  const { errors, warnings, notes } = counts(report.files);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
}

/** How many case files the reports hold: those checked, and those that could not be read. */
export function caseFileCount(files: readonly FileReport[]): { cases: number; unread: number } {
  const unread = files.filter((f) => f.kind === 'unreadable').length;
  return { cases: files.filter((f) => f.kind === 'case').length + unread, unread };
}

/**
 * "8 case files checked (2 could not be read): 2 errors, 5 warnings, 1 note.": the line every
 * format that states the totals ends or starts with. With --changed-since, it says how many were
 * checked and which of them are reported ("4 case files checked; 1 changed since main is
 * reported: …"), the totals being those of the files reported. `showRef` writes the ref as the
 * format shows code.
 */
export function summaryLine(report: RunReport, showRef: (ref: string) => string = (ref) => visible(oneLine(ref))): string {
  const { cases, unread } = caseFileCount(report.files);
  // Nothing changed, so nothing is reported: totals of nothing would read as those of every file.
  if (report.changedSince && !report.files.length) return `${changedHead(report.changedSince, 0, 0, showRef)}, so there is nothing to report.`;
  const head = report.changedSince ? changedHead(report.changedSince, cases, unread, showRef) : `${plural(cases, 'case file')} checked${unread ? ` (${grouped(unread)} could not be read)` : ''}`;
  const hidden = report.hidden;
  if (hidden && (hidden.warnings || hidden.notes)) {
    // --quiet: the errors are shown; what it left out is counted, not passed over as none.
    const left = [hidden.warnings ? plural(hidden.warnings, 'warning') : '', hidden.notes ? plural(hidden.notes, 'note') : ''].filter(Boolean).join(' and ');
    return `${head}: ${plural(counts(report.files).errors, 'error')}; ${left} not shown, as --quiet asks.`;
  }
  return `${head}: ${totals(report)}.`;
}

/**
 * "4 case files checked; none changed since main", "…; 2 changed since main are reported", or,
 * where a change affects case files that did not change themselves (a shared reference, their
 * settings), "…; 3 reported (1 changed since main, 2 affected by a changed file)". `reported` and
 * `unread` count the case files reported.
 */
function changedHead(scope: NonNullable<RunReport['changedSince']>, reported: number, unread: number, showRef: (ref: string) => string): string {
  const checked = `${plural(scope.checked, 'case file')} checked`;
  const since = `changed since ${showRef(scope.ref)}`;
  const unreadNote = unread ? `${grouped(unread)} could not be read` : '';
  if (!reported) return `${checked}; none ${since}`;
  if (scope.changed === reported) return `${checked}; ${grouped(reported)} ${since} ${reported === 1 ? 'is' : 'are'} reported${unreadNote ? ` (${unreadNote})` : ''}`;
  const affected = `${grouped(reported - scope.changed)} affected by a changed file`;
  return `${checked}; ${grouped(reported)} reported (${scope.changed ? grouped(scope.changed) : 'none'} ${since}, ${affected}${unreadNote ? `; ${unreadNote}` : ''})`;
}
