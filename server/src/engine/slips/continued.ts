/**
 * The lines taken as going on with a value above them (pasted text: see pasted.ts), and the file
 * read without them, so that what YAML says of the lines after them only because of them is not
 * reported, and the sections after them read as the keys they are.
 */
import { parseDocument } from 'yaml';
import type { Span } from '../types';
import { setAside } from './layout';
import type { Reading } from './reader';
import { PARSE_OPTIONS } from '../parse-options';

/** How many times a file is read again with the lines that continue a value taken out (see markContinued). */
const MAX_BLANKINGS = 3;

/** Notes that `run` continues the value above it: what YAML says of the lines after it only because of it is not reported. */
export function markContinued(r: Reading, run: readonly number[]): void {
  if (!run.length) return;
  for (const l of run) r.continued.add(l);
  for (const l of run.slice(1)) r.covered.add(l);
  // Only where YAML says something of a later line that may be this run's doing.
  if (!r.errorLines.some((l) => l > run[0] && !r.consequences.has(l) && !r.continued.has(l))) return;
  if (++r.blankings > MAX_BLANKINGS) return;
  // A line at the margin below the run starts a section the run cannot reach: read from the
  // section that holds the run to there.
  const section = (l: number) => !r.continued.has(l) && /^[A-Za-z_][\w-]*:(?=[ \t]|\r?$)/.test(r.lines.lineText(l));
  let from = run[0];
  while (from > 0 && !section(from)) from--;
  let to = run[run.length - 1] + 1;
  while (to < r.lines.lineCount && !section(to)) to++;
  const start = r.lines.lineStart(from);
  const end = to < r.lines.lineCount ? r.lines.lineStart(to) : r.text.length;
  const doc = parseDocument(withoutContinued(r, r.text).slice(start, end), PARSE_OPTIONS);
  const still = new Set(doc.errors.map((e) => r.lines.lineOf(Math.min(start + e.pos[0], r.text.length))));
  for (const l of r.errorLines) if (l > run[0] && l < to && !still.has(l) && !r.continued.has(l)) r.consequences.add(l);
}

/**
 * `source` (the file's text, or one with the same line lengths) with the lines that continue a
 * value above them set aside (see setAside): the file as it reads without them, positions unchanged.
 */
export function withoutContinued(r: Reading, source: string): string {
  return setAside(source, continuedSpans(r));
}

/** Where the lines that continue a value above them stand. */
export function continuedSpans(r: Reading): Span[] {
  return [...r.continued].sort((a, b) => a - b).map((l) => ({ start: r.lines.lineStart(l), end: r.lines.lineEnd(l) }));
}
