import { existsSync, promises as fs, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { analyseConfig, CONFIG_FILE, CaseDoc, plural, todayDay, folderOf, nameKey, nearest, parseDate, sharingReference, type DossierCase, type Finding, LineIndex } from '../engine/index';
import { applyBaseline, BaselineProblem, canBeBaselined, isBaselineText, parseBaseline, renamedFiles, writeBaseline, type Baseline, type Renames } from './baseline';
import { isDynamicPattern } from 'tinyglobby';
import { dossierNames, expandTargets, isCaseFile, readText, readTextNow, realPath, repositoryRoot, shownPath, toSlash } from './files';
import { fingerprints } from './fingerprint';
import { checkCase, findingExtras, needsOf, type CaseTask } from './check';
import { checkInThreads, checkInTurn, diskAnalyser, threadsFor } from './pool';
import { extensionFor, extensionFormat, FORMAT_NAMES, FORMATS, isFormat, type FormatName } from './formats/index';
import { changedSince, GitProblem } from './git';
import { linkBaseFromEnv } from './links';
import { counts, decideOutcome, type FileReport, type RenderContext, type RunReport } from './report';

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

const HELP = `Usage: scr-check [options] [PATH|GLOB ...]

Checks Serious Case Review decision records (*.scr.yaml) against SCR Quality Marker 2.
With no PATH, checks every case file under the current folder (skipping node_modules and .git).

Options:
  -f, --format NAME        how to show the report: stylish (default), json, sarif, github,
                           markdown or junit
  -o, --output FILE        also write the report to FILE; may be given more than once
      --output-format NAME the format of the matching --output (the first for the first, and
                           so on); otherwise the file's extension says it (.sarif, .json, .md,
                           .xml for junit), else json. A format that disagrees with the
                           file's extension is refused (sarif may go in a .json file)
      --changed-since REF  report only case files changed since the git branch, tag or commit
                           REF, and the files their checks involve (such as a shared reference)
      --baseline FILE      leave out the findings recorded in FILE: report only new ones
      --write-baseline FILE
                           record today's findings in FILE, to use with --baseline
  -c, --config FILE        use this settings file for every case (instead of the nearest
                           scr.config.yaml)
      --today YYYY-MM-DD   check as if today were this day (for reproducible results)
      --max-warnings N     fail when there are more than N warnings
  -j, --jobs N             check up to N files at once, each in a thread of its own; 1 checks
                           them one by one. The default, auto, uses one thread per processor
                           where there are enough files to gain from it
  -q, --quiet              show errors only, in the stylish and github formats (json, sarif,
                           junit, markdown and --output files hold every finding)
      --color              colours in the stylish format, even when the output is not a
                           terminal or NO_COLOR is set (a CI log that shows them; without
                           NO_COLOR, FORCE_COLOR set to anything but 0 does the same)
      --no-color           plain output (wins over --color)
      --debug              show internal details: how the files were checked, and what
                           went wrong inside the checker if something did
  -h, --help               show this help
  -v, --version            show the version

Exit status: 0 no errors (and warnings within --max-warnings); 1 errors, too many warnings, or a
path that could not be read or holds no case file; 2 the command was used wrongly or something
went wrong inside it.
`;

class UsageError extends Error {
  /** Whether the options' list would help: not when the options were right but a file was not. */
  constructor(message: string, readonly showHelp = true) {
    super(message);
  }
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

async function runInner(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        output: { type: 'string', short: 'o', multiple: true },
        'output-format': { type: 'string', multiple: true },
        'changed-since': { type: 'string' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        config: { type: 'string', short: 'c' },
        today: { type: 'string' },
        'max-warnings': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError(plainArgsError((e as Error).message));
  }
  const o = parsed.values;
  if (o.help) {
    io.stdout(HELP);
    return 0;
  }
  if (o.version) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const format = o.format as string;
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}". Choose one of: ${FORMAT_NAMES.join(', ')}.`);
  const outputs = planOutputs((o.output as string[] | undefined) ?? [], (o['output-format'] as string[] | undefined) ?? []);
  // One day for the whole run, in every thread, even one that runs past midnight.
  let today = todayDay();
  if (o.today !== undefined) {
    const day = parseDate(o.today);
    if (day === undefined) throw new UsageError(`--today needs a real date written as YYYY-MM-DD, not "${o.today}".`);
    today = day;
  }
  let maxWarnings: number | undefined;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings'] as string)) throw new UsageError(`--max-warnings needs a whole number, not "${o['max-warnings']}".`);
    maxWarnings = Number(o['max-warnings']);
  }
  let jobs: number | undefined;
  if (o.jobs !== undefined && o.jobs !== 'auto') {
    if (!/^\d+$/.test(o.jobs as string) || Number(o.jobs) < 1) throw new UsageError(`--jobs needs a whole number of at least 1, or auto, not "${o.jobs}".`);
    jobs = Number(o.jobs);
  }
  const changedRef = o['changed-since'] as string | undefined;
  if (changedRef !== undefined && !changedRef.trim()) throw new UsageError('--changed-since needs a branch, tag or commit.');
  const color = o['no-color'] ? false : (o.color ?? io.color);
  const resolve = (p: string) => toSlash(nodePath.resolve(io.cwd, p));

  // Read a baseline before anything is checked, so a mistake in its name is told at once.
  let baseline: Baseline | undefined;
  const baselineFile = o.baseline ? resolve(o.baseline as string) : undefined;
  if (baselineFile) baseline = await loadBaseline(baselineFile, o.baseline as string, 'use');
  const writeBaselineFile = o['write-baseline'] ? resolve(o['write-baseline'] as string) : undefined;
  const oldBaseline = writeBaselineFile ? await loadBaseline(writeBaselineFile, o['write-baseline'] as string, 'replace') : undefined;

  const shown = (abs: string) => shownPath(io.cwd, abs);
  const expanded = await expandTargets(parsed.positionals, io.cwd);
  // A file named on the command line is checked as what its name says: a settings file as
  // settings; a file that is neither a case file nor a settings file is refused, not read as a
  // case file and reported line by line (a README would give forty errors).
  const settingsNamed = expanded.files.filter((f) => nodePath.posix.basename(f) === CONFIG_FILE);
  const notCaseFiles = expanded.files.filter((f) => !isCaseFile(f) && !settingsNamed.includes(f));
  const files = expanded.files.filter((f) => isCaseFile(f));
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
  if (o.quiet && !QUIET_SHORTENS.has(format)) {
    io.stderr(`scr-check: --quiet shortens only the stylish and github formats, which are read on the screen; the ${format} report holds every finding.\n`);
  }

  // A report must never take the place of a case file, a settings file or a baseline: each would
  // be lost, and a case file holds a record nothing else keeps.
  const configPath = o.config ? resolve(o.config as string) : undefined;
  guardOutputs(
    [...outputs.map((x) => ({ path: x.path, option: '--output', what: 'the report' })), ...(o['write-baseline'] ? [{ path: o['write-baseline'] as string, option: '--write-baseline', what: 'the baseline' }] : [])],
    resolve,
    // Every file named, even one refused below: a report must not take its place either.
    { cases: expanded.files, config: configPath, baseline: baselineFile, writeBaseline: writeBaselineFile },
  );

  const texts = new Map<string, string>();
  let reports: FileReport[] = named.map((p) => unreadable(resolve(p.target), p.target, p.message));
  for (const f of files) {
    const r = readTextNow(f, shown(f));
    if ('text' in r) texts.set(f, r.text);
    else reports.push(unreadable(f, shown(f), r.problem));
  }
  if (configPath) {
    const r = await readText(configPath, o.config as string);
    if (!('text' in r)) throw new UsageError(r.problem);
  }
  const analyser = diskAnalyser({ today, configPath, known: texts });
  const needs = needsOf([format, ...outputs.map((x) => x.format)], !!baselineFile || !!writeBaselineFile);
  const configsSeen = new Set<string>();
  const configReport = (c: { path: string; doc: CaseDoc; findings: Finding[] }): FileReport => ({
    path: shown(c.path), absolutePath: c.path, lines: c.doc.lines, findings: c.findings, waived: [], kind: 'config',
    ...findingExtras(c.findings, c.doc.lines, c.doc, needs),
  });
  for (const f of settingsNamed) {
    configsSeen.add(f);
    const r = readTextNow(f, shown(f));
    if (!('text' in r)) {
      reports.push(unreadable(f, shown(f), r.problem));
      continue;
    }
    const c = analyseConfig(r.text, f);
    if (c.findings.length) reports.push(configReport(c));
    else io.stderr(`scr-check: the settings in ${shown(f)} have no mistakes.\n`);
  }
  // Named by a path that reads the same from wherever the command runs (see dossierNames): two
  // cases each in its own folder are both `case.scr.yaml`.
  const dossierName = dossierNames(files);
  const tasks: CaseTask[] = [...texts].map(([path, text]) => ({ path, text, name: dossierName(path) }));
  // Each file is read into its tree and checked on its own straight away, so that the tree can go
  // before the next file is read; many files are shared out among threads (see pool.ts). The one
  // rule that looks across the dossier (a case reference used twice) can only find something in
  // files that share a reference: those are checked again below, against the whole dossier.
  const threads = io.workerScript ? threadsFor(tasks.length, jobs) : 1;
  const checked = threads > 1
    ? await checkInThreads(tasks, threads, io.workerScript!, { today, configPath, needs })
    : await checkInTurn(tasks, analyser, needs);
  if (o.debug) io.stderr(`scr-check: ${plural(tasks.length, 'case file')} checked ${threads > 1 ? `in ${threads} worker threads` : 'in the main thread'}.\n`);
  const dossier: DossierCase[] = checked.flatMap((c) => (c.dossier ? [c.dossier] : []));
  const again = new Set(sharingReference(dossier));
  const cases: FileReport[] = [];
  for (const [k, t] of tasks.entries()) {
    const { path, dossier: entry, ...c } = again.has(t.path) ? await checkCase(analyser, t, needs, dossier) : checked[k];
    cases.push({ ...c, path: shown(path), absolutePath: path, lines: new LineIndex(t.text), kind: 'case', ...(entry ? { reference: entry.reference } : {}) });
    // The settings file that governs the case, reported once where it has mistakes.
    const { config } = await analyser.settingsFor(t.path);
    if (config && config.findings.length && !configsSeen.has(config.path)) {
      configsSeen.add(config.path);
      reports.push(configReport(config));
    }
  }
  reports.push(...cases);
  reports.sort((a, b) => a.path.localeCompare(b.path));

  // Every file checked, for related places in files that are not reported themselves.
  const byPath = new Map(reports.map((r) => [r.absolutePath, r]));
  // Case files renamed or moved since the baseline was written, among all the files read (before
  // --changed-since narrows the report, so that a copy of a case anywhere still counts).
  const renames = baseline && baselineFile ? renamedFiles(reports, baseline, baselineFile) : undefined;
  if (renames && baselineFile) for (const note of renameNotes(renames, baselineFile, byPath, shown)) io.stderr(`scr-check: ${note}\n`);
  // Changed case files that lie outside the paths checked (a run from a sub-folder), to say so.
  let changedElsewhere: string[] = [];
  if (changedRef !== undefined) ({ reports, elsewhere: changedElsewhere } = await onlyChanged(reports, changedRef, gitFolders(parsed.positionals, io.cwd), dossier, configPath));

  let written: number | undefined;
  if (writeBaselineFile) {
    const b = writeBaseline(reports, writeBaselineFile, oldBaseline);
    await writeOut(io, writeBaselineFile, o['write-baseline'] as string, b.text);
    written = b.count;
  }
  const baselined = baseline && baselineFile ? applyBaseline(reports, baseline, baselineFile, renames) : 0;
  // --quiet hides warnings but does not excuse them: --max-warnings still counts them (as ESLint does).
  // It is about the screen only: a file written with --output (SARIF for code scanning, JSON for a
  // script, the job summary), or a format for one on stdout, is read by something else, and holds
  // every finding.
  const quiet = !!o.quiet && QUIET_SHORTENS.has(format);
  const before = counts(reports);
  const shownFiles = quiet ? reports.map((r) => ({ ...r, findings: r.findings.filter((x) => x.severity === 'error') })) : reports;
  const { errors, warnings } = counts(shownFiles);
  // Writing a baseline accepts every finding it can record; a file that could not be read, a slip
  // in a case file's YAML and mistakes in a settings file are never recorded (see baseline.ts), so
  // they still fail the run.
  const unacceptable = reports.reduce((n, r) => n + r.findings.filter((x) => x.severity === 'error' && !canBeBaselined(r, x)).length, 0);
  const outcome = decideOutcome({
    errors: writeBaselineFile ? unacceptable : errors,
    warnings: before.warnings,
    maxWarnings,
    pathProblems: problems.map((p) => p.message),
    writingBaseline: !!writeBaselineFile,
  });
  const fullReport: RunReport = {
    files: reports, errors: before.errors, warnings: before.warnings, baselined, outcome,
    ...(changedRef !== undefined ? { changedSince: changedRef } : {}),
  };
  const report: RunReport = !quiet ? fullReport : {
    ...fullReport, files: shownFiles, errors, warnings,
    hidden: { warnings: before.warnings - warnings, notes: before.notes - counts(shownFiles).notes },
  };

  if (changedRef !== undefined && !reports.length && files.length) {
    const more = changedElsewhere.length
      ? ` among those checked; ${changedElsewhere.length === 1 ? `1 changed case file is` : `${changedElsewhere.length} changed case files are`} outside them (${changedElsewhere.slice(0, 3).map(shown).join(', ')}${changedElsewhere.length > 3 ? ', …' : ''})`
      : '';
    io.stderr(`scr-check: no case files changed since ${changedRef}${more}.\n`);
  }
  const ctx: RenderContext = { color, version: io.version, linkBase: linkBaseFromEnv(io.env ?? {}), byPath, repoRoot: repositoryRoot(io.cwd), linkFrom: toSlash(nodePath.resolve(io.cwd)) };
  // A report written to a file links to the case files from that file's folder.
  const render = (r: RunReport, name: FormatName, colour: boolean, linkFrom = ctx.linkFrom) => FORMATS[name](r, { ...ctx, color: colour, linkFrom });
  io.stdout(render(report, format, color));
  for (const out of outputs) await writeOut(io, resolve(out.path), out.path, render(fullReport, out.format, false, toSlash(nodePath.dirname(resolve(out.path)))));
  if (writeBaselineFile) io.stderr(`scr-check: recorded ${written} finding${written === 1 ? '' : 's'} in the baseline ${o['write-baseline']}.\n`);

  // The formats for people state the outcome; beside one for a program, it is said on stderr.
  // (Errors are in the data itself, and a path that could not be checked was told above.)
  const tooMany = outcome.reasons.find((x) => x.kind === 'warnings');
  if (tooMany && !STATES_OUTCOME.has(format)) io.stderr(`scr-check: ${tooMany.text}.\n`);
  return outcome.failed ? 1 : 0;
}

/**
 * What to say of the `*.scr.yml` and `scr.config.yml` files a folder scan passed over: that they
 * were not read, and why. A note only: the run is what it would be without them.
 */
function misnamedNotes(paths: readonly string[], shown: (abs: string) => string): string[] {
  const list = (xs: string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')} and ${xs.length - 5} more` : xs.join(', '));
  const cases = paths.filter((p) => p.endsWith('.scr.yml')).map(shown);
  const settings = paths.filter((p) => nodePath.posix.basename(p) === 'scr.config.yml').map(shown);
  const notes: string[] = [];
  if (cases.length) {
    notes.push(`${cases.length === 1 ? `${cases[0]} was` : `${cases.length} files were`} not checked${cases.length === 1 ? '' : ` (${list(cases)})`}: only files whose names end in .scr.yaml are read as case files, not .scr.yml. Rename ${cases.length === 1 ? 'it' : 'them'} to have ${cases.length === 1 ? 'it' : 'them'} checked.`);
  }
  if (settings.length) {
    notes.push(`${settings.length === 1 ? `${settings[0]} was` : `${settings.length} files were`} not read${settings.length === 1 ? '' : ` (${list(settings)})`}: settings are read only from a file named ${CONFIG_FILE}, not scr.config.yml. Rename ${settings.length === 1 ? 'it' : 'them'} for ${settings.length === 1 ? 'its' : 'their'} settings to apply.`);
  }
  return notes;
}

/** What to say of the case files taken as renamed since the baseline was written, and of those that could not be told apart. */
function renameNotes(renames: Renames, baselineFile: string, byPath: Map<string, FileReport>, shown: (abs: string) => string): string[] {
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

/** What each option that takes a value wants, for the message when it is given none. */
const VALUE_OF: Record<string, string> = {
  '--format': `the name of a format (${FORMAT_NAMES.join(', ')})`,
  '--output': 'the file to write the report to',
  '--output-format': `the name of a format (${FORMAT_NAMES.join(', ')})`,
  '--changed-since': 'a git branch, tag or commit',
  '--baseline': 'the baseline file',
  '--write-baseline': 'the file to record the baseline in',
  '--config': 'the settings file',
  '--today': 'a date written as YYYY-MM-DD',
  '--max-warnings': 'a whole number',
};

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

const OPTION_NAMES = [...Object.keys(VALUE_OF), '--quiet', '--color', '--no-color', '--debug', '--help', '--version'];

/** Node's messages about the options, said plainly (they speak of "arguments" and "positionals"). */
function plainArgsError(message: string): string {
  const option = /^Option '(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (option && /argument missing/.test(message)) return `${option} needs a value after it: ${VALUE_OF[option] ?? 'see --help'}.`;
  if (option && /ambiguous/.test(message)) {
    return `${option} is followed by something that looks like another option. If it is the value you meant, join them with "=", as in ${option}=VALUE.`;
  }
  if (option && /does not take an argument/.test(message)) return `${option} takes no value: write it on its own.`;
  const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
  if (unknown) {
    const guess = nearest(unknown, OPTION_NAMES);
    return `there is no option ${unknown}.${guess ? ` Did you mean ${guess}?` : ''}`;
  }
  return message.replace(/(\.)?\s*To specify.*$/s, '$1');
}

/** Pairs each --output with its format: the --output-format in the same place, its extension, or json. */
function planOutputs(paths: string[], formats: string[]): { path: string; format: FormatName }[] {
  if (formats.length > paths.length) {
    throw new UsageError(paths.length ? `--output-format is given ${formats.length} times but --output only ${paths.length}: give one format for each file.` : '--output-format needs --output FILE: the file to write in that format.');
  }
  return paths.map((path, i) => {
    const name = formats[i];
    if (name !== undefined && !isFormat(name)) throw new UsageError(`unknown output format "${name}". Choose one of: ${FORMAT_NAMES.join(', ')}.`);
    // A format that is not the one the file's name says is refused, as other --output slips are:
    // it is nearly always a format paired with the wrong file (they pair in order, however far
    // apart), and the tool that reads the file (code scanning, a test report) would fail on it
    // later, far from the cause. SARIF is JSON, so it may go in a .json file.
    const ext = extensionFormat(path);
    if (name !== undefined && ext && ext.format !== name && !(ext.format === 'json' && name === 'sarif')) {
      const right = extensionFor(name);
      throw new UsageError(
        `--output ${path} would be written in the ${name} format, but a name ending in ${ext.extension} says the ${ext.format} format. ` +
          `Each --output-format goes with the --output in the same place (the first with the first, and so on): to set the format of a later file, give one for each file before it too` +
          `${right ? `, or name the file for its format (${right} for ${name})` : `, or give the file a name not ending in ${ext.extension}`}.`,
        false,
      );
    }
    return { path, format: (name as FormatName | undefined) ?? ext?.format ?? 'json' };
  });
}

/**
 * Refuses an --output that would write over something the run reads or writes: a case file (by
 * name, or one being checked), a settings file, a baseline (named in the run, or known by what it
 * holds), or another --output.
 */
function guardOutputs(
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

async function writeOut(io: Io, abs: string, shown: string, text: string): Promise<void> {
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

/** Reads a baseline to use (it must exist) or to replace (it may not exist yet, but must be one). */
async function loadBaseline(abs: string, shown: string, purpose: 'use' | 'replace'): Promise<Baseline | undefined> {
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

/**
 * Keeps the files changed since `ref`, and those whose findings involve them: a case sharing a
 * changed file's reference (or pointing at it), and every case under a changed settings file.
 */
/**
 * Where to look for the git repository of each path given: the folder itself, a file's folder, a
 * pattern's folder before its first wildcard, or for a path that does not exist the nearest folder
 * above it that does. With no path, the current folder.
 */
function gitFolders(targets: string[], cwd: string): { dir: string; shown: string }[] {
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

async function onlyChanged(reports: FileReport[], ref: string, folders: { dir: string; shown: string }[], dossier: DossierCase[], configPath: string | undefined): Promise<{ reports: FileReport[]; elsewhere: string[] }> {
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
  return { reports: kept, elsewhere };
}

function unreadable(abs: string, shown: string, problem: string): FileReport {
  const finding: Finding = { rule: 'yaml-syntax', severity: 'error', message: problem, span: { start: 0, end: 0 }, questions: [], fixes: [], related: [] };
  const lines = new LineIndex('');
  return { path: shown, absolutePath: abs, lines, findings: [finding], waived: [], fingerprints: fingerprints([finding], lines), kind: 'unreadable' };
}
