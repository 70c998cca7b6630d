import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyseText, type Analysis, type AnalyseOptions } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { mergeSettings } from '../../server/src/engine/settings';

/** The day fixtures are checked on unless they say `# today: YYYY-MM-DD`. */
export const FIXTURE_TODAY = '2017-01-31';

export interface Fixture {
  path: string;
  name: string;
  text: string;
  /** rule id -> 1-based lines where a finding of that rule is expected to start. */
  expected: Map<string, number[]>;
  options: AnalyseOptions;
}

/**
 * Reads a fixture. Inline markers:
 *   `# expect: rule-id[, other-id]` at the end of a line: those findings start on that line;
 *   `# expect-next-line: rule-id` alone on a line: they start on the next line (for lines that
 *   cannot carry a trailing comment, such as a waiver comment itself);
 *   `# today: 2016-05-01` on any line: the day the file is checked on;
 *   `# settings: {"decisionLimit": "20 working days"}` on any line: settings, as JSON.
 */
export function readFixture(path: string): Fixture {
  const text = readFileSync(path, 'utf8');
  const expected = new Map<string, number[]>();
  let today = FIXTURE_TODAY;
  let settings: Record<string, unknown> | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    const e = /#\s*expect(-next-line)?:\s*([a-z0-9, -]+?)\s*$/.exec(line);
    const at = e?.[1] ? i + 2 : i + 1;
    if (e) for (const id of e[2].split(',').map((s) => s.trim()).filter(Boolean)) expected.set(id, [...(expected.get(id) ?? []), at]);
    const t = /#\s*today:\s*(\d{4}-\d{2}-\d{2})/.exec(line);
    if (t) today = t[1];
    const s = /#\s*settings:\s*(\{.*\})\s*$/.exec(line);
    if (s) settings = JSON.parse(s[1]);
  });
  return { path, name: basename(path), text, expected, options: { path, today: parseDate(today), settings: mergeSettings(settings) } };
}

export function analyseFixture(f: Fixture, text = f.text): Analysis {
  return analyseText(text, f.options);
}

/** 1-based start lines of the unwaived findings of one rule. */
export function linesOf(a: Analysis, rule: string): number[] {
  return a.findings.filter((x) => x.rule === rule && !x.waived).map((x) => a.doc.lines.positionAt(x.span.start).line + 1);
}

/** Every comment the user wrote, in order (for checking that fixes keep them). */
export function comments(text: string): string[] {
  return text.split(/\r?\n/).map((l) => /(^|\s)(#.*)$/.exec(l)?.[2]).filter((c): c is string => !!c);
}

/** Every case file (`*.scr.yaml`) under the given folders, at any depth. */
export function caseFilesUnder(...dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.scr.yaml')) files.push(p);
    }
  };
  dirs.forEach(walk);
  return files;
}
