import { parseArgs } from 'node:util';
import { nearest, parseDate, todayDay, type DayNumber } from '../engine/index';
import { extensionFor, extensionFormat, FORMAT_NAMES, isFormat, type FormatName } from './formats/index';

/**
 * The command line read into one typed object, every value checked: a mistake is told (as a
 * UsageError) before any file is read.
 */
export interface Options {
  format: FormatName;
  /** Each --output with its format (see planOutputs). */
  outputs: { path: string; format: FormatName }[];
  /** One day for the whole run, in every thread, even one that runs past midnight. */
  today: DayNumber;
  maxWarnings?: number;
  /** Undefined for auto. */
  jobs?: number;
  changedRef?: string;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  /** The files named for these options, as written on the command line. */
  config?: string;
  baseline?: string;
  writeBaseline?: string;
  /** The paths, folders and patterns to check. */
  targets: string[];
}

/**
 * Reads the command line: `help` or `version` when either is asked for (before anything else is
 * checked), else the options. `color` is what the output wants when no option says.
 */
export function readOptions(argv: string[], color: boolean): Options | 'help' | 'version' {
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
  if (o.help) return 'help';
  if (o.version) return 'version';
  const format = o.format as string;
  if (!isFormat(format)) throw new UsageError(`unknown format "${format}". Choose one of: ${FORMAT_NAMES.join(', ')}.`);
  const outputs = planOutputs((o.output as string[] | undefined) ?? [], (o['output-format'] as string[] | undefined) ?? []);
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
  return {
    format, outputs, today, maxWarnings, jobs, changedRef,
    color: o['no-color'] ? false : (o.color ?? color),
    quiet: !!o.quiet,
    debug: !!o.debug,
    config: o.config as string | undefined,
    baseline: o.baseline as string | undefined,
    writeBaseline: o['write-baseline'] as string | undefined,
    targets: parsed.positionals,
  };
}

export const HELP = `Usage: scr-check [options] [PATH|GLOB ...]

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

export class UsageError extends Error {
  /** Whether the options' list would help: not when the options were right but a file was not. */
  constructor(message: string, readonly showHelp = true) {
    super(message);
  }
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
