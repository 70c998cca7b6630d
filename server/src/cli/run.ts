import * as nodePath from 'node:path';
import { parseArgs } from 'node:util';
import { createAnalyser, dossierEntry, CaseDoc, parseDate, type DossierCase, type Finding, LineIndex } from '../engine/index';
import { expandTargets, readText, toSlash } from './files';
import { formatJson } from './formats/json';
import { formatStylish } from './formats/stylish';
import { counts, type FileReport, type RunReport } from './report';

export interface Io {
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  writeFile: (path: string, text: string) => Promise<void>;
  color: boolean;
  version: string;
}

export const FORMATS = ['stylish', 'json'] as const;

export const HELP = `Usage: scr-check [options] [PATH|GLOB ...]

Checks Serious Case Review decision records (*.scr.yaml) against SCR Quality Marker 2.
With no PATH, checks every case file under the current folder (skipping node_modules and .git).

Options:
  -f, --format NAME       stylish (default) or json
  -o, --output FILE       also write the report to FILE (in --output-format, default json)
      --output-format N   the format written to --output
  -c, --config FILE       use this settings file for every case (instead of the nearest scr.config.yaml)
      --today YYYY-MM-DD  check as if today were this day (for reproducible results)
      --max-warnings N    fail when there are more than N warnings
  -q, --quiet             report errors only
      --no-color          plain output
      --debug             show internal details when something goes wrong
  -h, --help              show this help
  -v, --version           show the version

Exit status: 0 no errors (and warnings within --max-warnings); 1 errors or too many warnings;
2 the command was used wrongly or something went wrong inside it.
`;

class UsageError extends Error {}

/** The whole command: arguments in, report out, exit status returned. Never throws. */
export async function run(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    return await runInner(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`scr-check: ${e.message}\nRun scr-check --help for the options.\n`);
      return 2;
    }
    io.stderr(`scr-check: something went wrong inside the checker: ${(e as Error)?.message ?? String(e)}\n`);
    if (debug) io.stderr(`${(e as Error)?.stack ?? ''}\n`);
    else io.stderr('Run again with --debug for details, and report the problem.\n');
    debug = false;
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
        output: { type: 'string', short: 'o' },
        'output-format': { type: 'string' },
        config: { type: 'string', short: 'c' },
        today: { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        debug: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/s, '.'));
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
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}". Choose one of: ${FORMATS.join(', ')}.`);
  const outputFormat = (o['output-format'] as string | undefined) ?? 'json';
  if (!(FORMATS as readonly string[]).includes(outputFormat)) throw new UsageError(`unknown output format "${outputFormat}". Choose one of: ${FORMATS.join(', ')}.`);
  let today: number | undefined;
  if (o.today !== undefined) {
    today = parseDate(o.today);
    if (today === undefined) throw new UsageError(`--today needs a real date written as YYYY-MM-DD, not "${o.today}".`);
  }
  let maxWarnings: number | undefined;
  if (o['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(o['max-warnings'] as string)) throw new UsageError(`--max-warnings needs a whole number, not "${o['max-warnings']}".`);
    maxWarnings = Number(o['max-warnings']);
  }
  const color = o['no-color'] ? false : (o.color ?? io.color);

  const shown = (abs: string) => {
    const rel = toSlash(nodePath.relative(io.cwd, abs));
    return rel && !rel.startsWith('..') ? rel : abs;
  };
  const { files, problems } = await expandTargets(parsed.positionals, io.cwd);
  for (const p of problems) io.stderr(`scr-check: ${p.message}\n`);

  const texts = new Map<string, string>();
  const reports: FileReport[] = [];
  for (const f of files) {
    const r = await readText(f, shown(f));
    if ('text' in r) texts.set(f, r.text);
    else reports.push(unreadable(f, shown(f), r.problem));
  }
  const configPath = o.config ? toSlash(nodePath.resolve(io.cwd, o.config as string)) : undefined;
  if (configPath) {
    const r = await readText(configPath, o.config as string);
    if (!('text' in r)) throw new UsageError(r.problem);
  }
  const analyser = createAnalyser({
    host: { readFile: async (p) => texts.get(p) ?? (await readText(p).then((r) => ('text' in r ? r.text : undefined))) },
    configPath,
    today: () => today,
  });
  const dossier: DossierCase[] = [];
  for (const [path, text] of texts) {
    const e = dossierEntry(path, new CaseDoc(text));
    if (e) dossier.push(e);
  }
  const configsSeen = new Set<string>();
  for (const [path, text] of texts) {
    const a = await analyser.analyse(path, text, dossier);
    if (a.config && a.config.findings.length && !configsSeen.has(a.config.path)) {
      configsSeen.add(a.config.path);
      reports.push({ path: shown(a.config.path), absolutePath: a.config.path, lines: a.config.doc.lines, findings: a.config.findings, waived: [], kind: 'config' });
    }
    reports.push({
      path: shown(path), absolutePath: path, lines: a.doc.lines, kind: 'case', analysis: a, checklist: a.checklist,
      findings: a.findings.filter((x) => !x.waived), waived: a.findings.filter((x) => x.waived),
    });
  }
  reports.sort((a, b) => a.path.localeCompare(b.path));
  if (o.quiet) for (const r of reports) r.findings = r.findings.filter((x) => x.severity === 'error');
  const report: RunReport = { files: reports, ...counts(reports) };

  if (!files.length && !problems.length) io.stderr('scr-check: no case files (*.scr.yaml) found.\n');
  const render = (name: string) => (name === 'json' ? formatJson(report) : formatStylish(report, { color: name === format ? color : false }));
  io.stdout(render(format));
  if (o.output) await io.writeFile(nodePath.resolve(io.cwd, o.output as string), render(outputFormat));

  const failed = report.errors > 0 || (maxWarnings !== undefined && report.warnings > maxWarnings) || problems.length > 0;
  if (maxWarnings !== undefined && report.warnings > maxWarnings && format === 'stylish') {
    io.stderr(`scr-check: ${report.warnings} warnings, more than the ${maxWarnings} allowed by --max-warnings.\n`);
  }
  return failed ? 1 : 0;
}

function unreadable(abs: string, shown: string, problem: string): FileReport {
  const finding: Finding = { rule: 'yaml-syntax', severity: 'error', message: problem, span: { start: 0, end: 0 }, questions: [], fixes: [], related: [] };
  return { path: shown, absolutePath: abs, lines: new LineIndex(''), findings: [finding], waived: [], kind: 'unreadable' };
}
