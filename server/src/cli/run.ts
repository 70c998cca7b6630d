import * as nodePath from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { analyseConfig, CONFIG_FILE, CaseDoc, plural, sharingReference, type Analyser, type DossierCase, type Finding, LineIndex } from '../engine/index';
import { applyBaseline, BaselineProblem, canBeBaselined, loadBaseline, renamedFiles, renameNotes, writeBaseline, type Baseline } from './baseline';
import { dossierNames, expandTargets, isCaseFile, misnamedNotes, readText, readTextNow, repositoryRoot, shownPath, toSlash, type Expanded } from './files';
import { checkCase, findingExtras, needsOf, unreadable, type CaseTask, type Needs } from './check';
import { checkInThreads, checkInTurn, diskAnalyser, threadsFor } from './pool';
import { FORMATS, type FormatName } from './formats/index';
import { gitFolders, onlyChanged } from './changed';
import { GitProblem } from './git';
import { linkBaseFromEnv } from './links';
import { HELP, readOptions, UsageError, type Options } from './options';
import { guardOutputs, writeOut } from './outputs';
import { caseFileCount, counts, decideOutcome, type FileReport, type Outcome, type RenderContext, type RunReport } from './report';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  writeFile: (path: string, text: string) => Promise<void>;
  color: boolean;
  version: string;
  /** The environment, for links to the code host in CI (GITHUB_*, CI_PROJECT_URL...). */
  env?: Record<string, string | undefined>;
  /**
   * The command line's own script, which serves as a worker thread when started as one (see
   * pool.ts): without it, every file is checked in the main thread.
   */
  workerScript?: string;
}

/** The formats whose text states whether the run failed, and why. */
const STATES_OUTCOME = new Set<FormatName>(['stylish', 'markdown', 'github']);

/**
 * The formats --quiet shortens: those read on the screen (the console, and the GitHub Actions log
 * with its annotations, which hold nothing from one run to the next). The others are data for a
 * program (JSON, SARIF for code scanning, JUnit) or a document for a later reader (Markdown for a
 * job summary or the board), usually sent to a file with `>`: they hold every finding, as a file
 * written with --output does. Code scanning and test reports would take a warning left out as fixed.
 */
const QUIET_SHORTENS = new Set<FormatName>(['stylish', 'github']);

/** The whole command: arguments in, report out, exit status returned. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await runInner(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof GitProblem || e instanceof BaselineProblem) {
      io.stderr(`scr-check: ${e.message}\n${e instanceof UsageError && e.showHelp ? 'Run scr-check --help for the options.\n' : ''}`);
      return 2;
    }
    io.stderr(`scr-check: something went wrong inside the checker: ${(e as Error)?.message ?? String(e)}\n`);
    if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    else io.stderr('Run again with --debug for details, and report the problem.\n');
    return 2;
  }
}

/**
 * The run, step by step: the options read; the files found; each file read and checked; the
 * report narrowed (--changed-since, a baseline, --quiet) and its outcome decided; the report sent.
 */
async function runInner(argv: string[], io: Io): Promise<number> {
  const opts = readOptions(argv, io.color);
  if (opts === 'help') {
    io.stdout(HELP);
    return 0;
  }
  if (opts === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const at = placesOf(opts, io.cwd);
  // Read a baseline before anything is checked, so a mistake in its name is told at once.
  const baseline = at.baselineFile ? await loadBaseline(at.baselineFile, opts.baseline!, 'use') : undefined;
  const oldBaseline = at.writeBaselineFile ? await loadBaseline(at.writeBaselineFile, opts.writeBaseline!, 'replace') : undefined;
  const found = await findFiles(opts.targets, io, at.shown);
  if (opts.quiet && !QUIET_SHORTENS.has(opts.format)) {
    io.stderr(`scr-check: --quiet shortens only the stylish and github formats, which are read on the screen; the ${opts.format} report holds every finding.\n`);
  }
  // A report must never take the place of a case file, a settings file or a baseline: each would
  // be lost, and a case file holds a record nothing else keeps.
  guardOutputs(
    [...opts.outputs.map((x) => ({ path: x.path, option: '--output', what: 'the report' })), ...(opts.writeBaseline ? [{ path: opts.writeBaseline, option: '--write-baseline', what: 'the baseline' }] : [])],
    at.resolve,
    // Every file named, even one refused: a report must not take its place either.
    { cases: found.all, config: at.config, baseline: at.baselineFile, writeBaseline: at.writeBaselineFile },
  );
  const checked = await checkFiles(found, opts, at, io);
  const narrowed = await narrowReport(checked, opts, at, baseline, oldBaseline, io);
  const decided = decideReport(narrowed, found, opts, at);
  return await sendReport(decided, narrowed, found, opts, at, io);
}

/** Where the run's files are: a path as written made absolute, an absolute one as shown, and the files options name. */
interface Places {
  resolve: (p: string) => string;
  shown: (abs: string) => string;
  config?: string;
  baselineFile?: string;
  writeBaselineFile?: string;
}

function placesOf(opts: Options, cwd: string): Places {
  const resolve = (p: string) => toSlash(nodePath.resolve(cwd, p));
  return {
    resolve,
    shown: (abs: string) => shownPath(cwd, abs),
    config: opts.config ? resolve(opts.config) : undefined,
    baselineFile: opts.baseline ? resolve(opts.baseline) : undefined,
    writeBaselineFile: opts.writeBaseline ? resolve(opts.writeBaseline) : undefined,
  };
}

/** The files the targets name or hold, sorted by what each is; what cannot be had is told on stderr. */
interface Found {
  /** Every file named or found, even those refused. */
  all: string[];
  cases: string[];
  /** Settings files named on the command line. */
  settings: string[];
  /** Case files named that cannot be had: each is reported as a file that cannot be read. */
  named: Expanded['problems'];
  /** Other targets that could not be checked (a folder or a pattern that finds nothing): they fail the run. */
  problems: Expanded['problems'];
}

async function findFiles(targets: string[], io: Io, shown: (abs: string) => string): Promise<Found> {
  const expanded = await expandTargets(targets, io.cwd);
  // A file named on the command line is checked as what its name says: a settings file as
  // settings; a file that is neither a case file nor a settings file is refused, not read as a
  // case file and reported line by line (a README would give forty errors).
  const settings = expanded.files.filter((f) => nodePath.posix.basename(f) === CONFIG_FILE);
  const notCaseFiles = expanded.files.filter((f) => !isCaseFile(f) && !settings.includes(f));
  const cases = expanded.files.filter((f) => isCaseFile(f));
  for (const f of notCaseFiles) {
    expanded.problems.push({ target: shown(f), message: `${shown(f)} is not a case file (a case file's name ends in .scr.yaml), so it was not checked.` });
  }
  // A case file named on the command line that cannot be had (a link that leads nowhere, a typing
  // slip) is reported on that file, as one that cannot be read is; other problems (a folder or a
  // pattern that finds nothing) are told on their own.
  const named = expanded.problems.filter((p) => isCaseFile(p.target) && !isDynamicPattern(p.target));
  const problems = expanded.problems.filter((p) => !named.includes(p));
  // The files passed over first: they are often why a folder holds no case file.
  for (const note of misnamedNotes(expanded.misnamed, shown)) io.stderr(`scr-check: ${note}\n`);
  for (const p of problems) io.stderr(`scr-check: ${p.message}\n`);
  return { all: expanded.files, cases, settings, named, problems };
}

/** Every file checked: each file's report (sorted by path), and the dossier of the cases. */
interface Checked {
  reports: FileReport[];
  dossier: DossierCase[];
}

async function checkFiles(found: Found, opts: Options, at: Places, io: Io): Promise<Checked> {
  const texts = new Map<string, string>();
  const reports: FileReport[] = found.named.map((p) => unreadable(at.resolve(p.target), p.target, p.message));
  for (const f of found.cases) {
    const r = readTextNow(f, at.shown(f));
    if ('text' in r) texts.set(f, r.text);
    else reports.push(unreadable(f, at.shown(f), r.problem));
  }
  if (at.config) {
    const r = await readText(at.config, opts.config);
    if (!('text' in r)) throw new UsageError(r.problem);
  }
  const analyser = diskAnalyser({ today: opts.today, configPath: at.config, known: texts });
  const needs = needsOf([opts.format, ...opts.outputs.map((x) => x.format)], !!at.baselineFile || !!at.writeBaselineFile);
  const settings = settingsReports(needs, at.shown);
  for (const f of found.settings) {
    const r = readTextNow(f, at.shown(f));
    const report = settings.named(f, r);
    if (report) reports.push(report);
    else io.stderr(`scr-check: the settings in ${at.shown(f)} have no mistakes.\n`);
  }
  const { cases, governing, dossier } = await checkCases(found.cases, texts, analyser, needs, opts, at, io, settings.governing);
  reports.push(...governing, ...cases);
  reports.sort((a, b) => a.path.localeCompare(b.path));
  return { reports, dossier };
}

/**
 * Each settings file's report, once, where it has mistakes: `named` for one named on the command
 * line (undefined when it has none), `governing` for the one that governs a case.
 */
function settingsReports(needs: Needs, shown: (abs: string) => string) {
  const seen = new Set<string>();
  const report = (c: { path: string; doc: CaseDoc; findings: Finding[] }): FileReport => ({
    path: shown(c.path), absolutePath: c.path, lines: c.doc.lines, findings: c.findings, waived: [], kind: 'config',
    ...findingExtras(c.findings, c.doc.lines, c.doc, needs),
  });
  return {
    named(path: string, read: ReturnType<typeof readTextNow>): FileReport | undefined {
      seen.add(path);
      if (!('text' in read)) return unreadable(path, shown(path), read.problem);
      const c = analyseConfig(read.text, path);
      return c.findings.length ? report(c) : undefined;
    },
    governing(c: { path: string; doc: CaseDoc; findings: Finding[] } | undefined): FileReport | undefined {
      if (!c || !c.findings.length || seen.has(c.path)) return undefined;
      seen.add(c.path);
      return report(c);
    },
  };
}

/**
 * Checks the case files read (`files` are all those found, read or not), and reports the settings
 * files that govern them where those have mistakes (`settingsReport`, once each).
 */
async function checkCases(
  files: string[], texts: Map<string, string>, analyser: Analyser, needs: Needs, opts: Options, at: Places, io: Io,
  settingsReport: (c: { path: string; doc: CaseDoc; findings: Finding[] } | undefined) => FileReport | undefined,
): Promise<{ cases: FileReport[]; governing: FileReport[]; dossier: DossierCase[] }> {
  // Named by a path that reads the same from wherever the command runs (see dossierNames): two
  // cases each in its own folder are both `case.scr.yaml`.
  const dossierName = dossierNames(files);
  const tasks: CaseTask[] = [...texts].map(([path, text]) => ({ path, text, name: dossierName(path) }));
  // Each file is read into its tree and checked on its own straight away, so that the tree can go
  // before the next file is read; many files are shared out among threads (see pool.ts). The one
  // rule that looks across the dossier (a case reference used twice) can only find something in
  // files that share a reference: those are checked again below, against the whole dossier.
  const threads = io.workerScript ? threadsFor(tasks.length, opts.jobs) : 1;
  const checked = threads > 1
    ? await checkInThreads(tasks, threads, io.workerScript!, { today: opts.today, configPath: at.config, needs })
    : await checkInTurn(tasks, analyser, needs);
  if (opts.debug) io.stderr(`scr-check: ${plural(tasks.length, 'case file')} checked ${threads > 1 ? `in ${threads} worker threads` : 'in the main thread'}.\n`);
  const dossier: DossierCase[] = checked.flatMap((c) => (c.dossier ? [c.dossier] : []));
  const again = new Set(sharingReference(dossier));
  const cases: FileReport[] = [];
  const governing: FileReport[] = [];
  for (const [k, t] of tasks.entries()) {
    const { path, dossier: entry, ...c } = again.has(t.path) ? await checkCase(analyser, t, needs, dossier) : checked[k];
    cases.push({ ...c, path: at.shown(path), absolutePath: path, lines: new LineIndex(t.text), kind: 'case', ...(entry ? { reference: entry.reference } : {}) });
    // The settings file that governs the case, reported once where it has mistakes.
    const settings = settingsReport((await analyser.settingsFor(t.path)).config);
    if (settings) governing.push(settings);
  }
  return { cases, governing, dossier };
}

/** The report narrowed to what is new or changed, and what was done on the way. */
interface Narrowed {
  /** The files to report: after --changed-since, with the findings a baseline accepts left out. */
  reports: FileReport[];
  /** Every file checked, by absolute path, for related places in files that are not reported themselves. */
  byPath: Map<string, FileReport>;
  /** Changed case files that lie outside the paths checked (a run from a sub-folder), to say so. */
  changedElsewhere: string[];
  /** With --changed-since: the ref, and how many case files were checked and changed (see RunReport). */
  changedSince?: RunReport['changedSince'];
  /** How many findings the baseline given left out. */
  baselined: number;
  /** How many findings were recorded in the baseline written, if one was. */
  written?: number;
}

async function narrowReport({ reports: all, dossier }: Checked, opts: Options, at: Places, baseline: Baseline | undefined, oldBaseline: Baseline | undefined, io: Io): Promise<Narrowed> {
  let reports = all;
  const byPath = new Map(reports.map((r) => [r.absolutePath, r]));
  // Case files renamed or moved since the baseline was written, among all the files read (before
  // --changed-since narrows the report, so that a copy of a case anywhere still counts).
  const renames = baseline && at.baselineFile ? renamedFiles(reports, baseline, at.baselineFile) : undefined;
  if (renames && at.baselineFile) for (const note of renameNotes(renames, at.baselineFile, byPath, at.shown)) io.stderr(`scr-check: ${note}\n`);
  let changedElsewhere: string[] = [];
  let changedSince: RunReport['changedSince'];
  if (opts.changedRef !== undefined) {
    const c = await onlyChanged(reports, opts.changedRef, gitFolders(opts.targets, io.cwd), dossier, at.config);
    ({ reports, elsewhere: changedElsewhere } = c);
    changedSince = { ref: opts.changedRef, checked: caseFileCount(all).cases, changed: c.changedCases };
  }

  let written: number | undefined;
  if (at.writeBaselineFile) {
    const b = writeBaseline(reports, at.writeBaselineFile, oldBaseline);
    await writeOut(io, at.writeBaselineFile, opts.writeBaseline!, b.text);
    written = b.count;
  }
  const baselined = baseline && at.baselineFile ? applyBaseline(reports, baseline, at.baselineFile, renames) : 0;
  return { reports, byPath, changedElsewhere, changedSince, baselined, written };
}

/**
 * The report to show (shortened by --quiet), the full one for --output files, and the outcome
 * every format states and the exit status follows.
 */
function decideReport({ reports, baselined, changedSince }: Narrowed, found: Found, opts: Options, at: Places): { report: RunReport; fullReport: RunReport; outcome: Outcome } {
  // --quiet hides warnings but does not excuse them: --max-warnings still counts them (as ESLint does).
  // It is about the screen only: a file written with --output (SARIF for code scanning, JSON for a
  // script, the job summary), or a format for one on stdout, is read by something else, and holds
  // every finding.
  const quiet = opts.quiet && QUIET_SHORTENS.has(opts.format);
  const before = counts(reports);
  const shownFiles = quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((x) => x.severity === 'error') })) : reports;
  const { errors, warnings } = counts(shownFiles);
  // Writing a baseline accepts every finding it can record; a file that could not be read, a slip
  // in a case file's YAML and mistakes in a settings file are never recorded (see baseline.ts), so
  // they still fail the run.
  const unacceptable = reports.reduce((n, r) => n + r.findings.filter((x) => x.severity === 'error' && !canBeBaselined(r, x)).length, 0);
  const outcome = decideOutcome({
    errors: at.writeBaselineFile ? unacceptable : errors,
    warnings: before.warnings,
    maxWarnings: opts.maxWarnings,
    pathProblems: found.problems.map((p) => p.message),
    writingBaseline: !!at.writeBaselineFile,
  });
  const fullReport: RunReport = {
    files: reports, errors: before.errors, warnings: before.warnings, baselined, outcome,
    ...(changedSince ? { changedSince } : {}),
  };
  const report: RunReport = !quiet ? fullReport : {
    ...fullReport, files: shownFiles, errors, warnings,
    hidden: { warnings: before.warnings - warnings, notes: before.notes - counts(shownFiles).notes },
  };
  return { report, fullReport, outcome };
}

/** Shows the report, writes the --output files, and says what the report cannot; returns the exit status. */
async function sendReport(
  { report, fullReport, outcome }: ReturnType<typeof decideReport>, { reports, byPath, changedElsewhere, written }: Narrowed,
  found: Found, opts: Options, at: Places, io: Io,
): Promise<number> {
  // The formats that state the outcome say so in their summary; stderr says it beside the others,
  // and says where changed case files lie outside the paths checked, which no summary does.
  if (opts.changedRef !== undefined && !reports.length && found.cases.length && (changedElsewhere.length || !STATES_OUTCOME.has(opts.format))) {
    const more = changedElsewhere.length
      ? ` among those checked; ${plural(changedElsewhere.length, 'changed case file')} ${changedElsewhere.length === 1 ? 'is' : 'are'} outside them (${changedElsewhere.slice(0, 3).map(at.shown).join(', ')}${changedElsewhere.length > 3 ? ', …' : ''})`
      : '';
    io.stderr(`scr-check: no case files changed since ${opts.changedRef}${more}.\n`);
  }
  const ctx: RenderContext = { color: opts.color, version: io.version, linkBase: linkBaseFromEnv(io.env ?? {}), byPath, repoRoot: repositoryRoot(io.cwd), linkFrom: toSlash(nodePath.resolve(io.cwd)) };
  // A report written to a file links to the case files from that file's folder.
  const render = (r: RunReport, name: FormatName, colour: boolean, linkFrom = ctx.linkFrom) => FORMATS[name](r, { ...ctx, color: colour, linkFrom });
  io.stdout(render(report, opts.format, opts.color));
  for (const out of opts.outputs) await writeOut(io, at.resolve(out.path), out.path, render(fullReport, out.format, false, toSlash(nodePath.dirname(at.resolve(out.path)))));
  if (at.writeBaselineFile) io.stderr(`scr-check: recorded ${plural(written ?? 0, 'finding')} in the baseline ${opts.writeBaseline}.\n`);

  // The formats for people state the outcome; beside one for a program, it is said on stderr.
  // (Errors are in the data itself, and a path that could not be checked was told above.)
  const tooMany = outcome.reasons.find((x) => x.kind === 'warnings');
  if (tooMany && !STATES_OUTCOME.has(opts.format)) io.stderr(`scr-check: ${tooMany.text}.\n`);
  return outcome.failed ? 1 : 0;
}

/**
 * Whether the stylish report is in colour when no option says: never with NO_COLOR set (a
 * person's own choice); else wherever FORCE_COLOR asks for it (GitLab and other CI systems set it
 * for their logs), as Node.js reads it: any value but `0` or `false`; else on a terminal.
 */
export function colourWanted(isTerminal: boolean, env: Record<string, string | undefined>): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return isTerminal;
}
