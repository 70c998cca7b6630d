/**
 * A fix tried before it is offered: the lines around it read again with the fix made, to see that
 * the slip goes and that the text then reads exactly as written. Each trial reads a section
 * again, so a file's trials are counted, and stop at MAX_CHECKS.
 */
import { isNode, isScalar, parseDocument, visit } from 'yaml';
import type { Node } from 'yaml';
import type { LineIndex } from '../lines';
import { PARSE_OPTIONS } from '../parse-options';
import { indentOf } from './layout';

/** How many fixes one file's slips get checked (each check reads a section again). */
const MAX_CHECKS = 100;

/** The file a fix is tried on, and how many fixes have been tried on it. */
export interface TrialFile {
  readonly text: string;
  readonly lines: LineIndex;
  checks: number;
}

/** Whether, with `edit` made, the section holding lines `a` to `b` reads with no slip up to the edit's end. */
export function readsClean(f: TrialFile, edit: { span: { start: number; end: number }; newText: string }, a: number, b: number): boolean {
  return !!readWith(f, edit, a, b);
}

/** The section holding lines `a` to `b` read with `edit` made, if it reads with no slip up to the edit's end. */
function readWith(f: TrialFile, edit: { span: { start: number; end: number }; newText: string }, a: number, b: number): { doc: ReturnType<typeof parseDocument>; start: number } | undefined {
  // Each check reads a section again: in a file with hundreds of slips, the first ones get fixes, the rest their messages.
  if (++f.checks > MAX_CHECKS) return undefined;
  const [from, to] = near(f.lines, a, b);
  const start = f.lines.lineStart(from);
  const end = f.lines.lineEnd(to);
  const section = f.text.slice(start, edit.span.start) + edit.newText + f.text.slice(edit.span.end, end);
  const doc = parseDocument(section, PARSE_OPTIONS);
  const editEnd = edit.span.start - start + edit.newText.length;
  return doc.errors.some((e) => e.pos[0] <= editEnd) ? undefined : { doc, start };
}

/**
 * Whether, with the colon added by `edit`, the section around it reads with no slip up to
 * `lineEnd` and a value starts at `at` and ends on that line: text that reads `expected`, word
 * for word, or a value of another kind as written (`[csc, police]`, a number).
 */
export function readsKeyed(f: TrialFile, edit: { span: { start: number; end: number }; newText: string }, at: number, expected: string, lineEnd: number): boolean {
  const read = readWith(f, edit, f.lines.lineOf(edit.span.start), f.lines.lineOf(edit.span.end));
  if (!read) return false;
  const { doc, start } = read;
  const end = lineEnd - start + edit.newText.length - (edit.span.end - edit.span.start);
  if (doc.errors.some((e) => e.pos[0] <= end)) return false;
  let found: Node | undefined;
  visit(doc, (_, n) => (isNode(n) && n.range?.[0] === at - start ? ((found = n), visit.BREAK) : undefined));
  // The value ends on the line (a bracket left open takes in the lines below).
  if (!found?.range || found.range[1] > end) return false;
  return !isScalar(found) || typeof found.value !== 'string' || found.value === expected;
}

/**
 * Whether, with `edit` made, the section around it reads with no slip up to the edit's end and
 * the value starting at `at` reads `expected` (a block's closing line break aside).
 */
export function readsAs(f: TrialFile, edit: { span: { start: number; end: number }; newText: string }, at: number, expected: string, block: boolean): boolean {
  const read = readWith(f, edit, f.lines.lineOf(edit.span.start), f.lines.lineOf(edit.span.end));
  if (!read) return false;
  const { doc, start } = read;
  let found: unknown;
  visit(doc, { Scalar: (_, n) => (isScalar(n) && n.range?.[0] === at - start ? ((found = n.value), visit.BREAK) : undefined) });
  if (typeof found !== 'string') return false;
  return block ? found.replace(/\n$/, '').replace(/\n/g, ' ') === expected.replace(/\n/g, ' ') || found === `${expected}\n` : found === expected;
}

/**
 * The lines around `a` to `b` that hold them: from the nearest line above that is indented less
 * than `a` (the key's parent) to the last line below indented more than that parent. Reading
 * these alone is enough to tell whether a value reads right, and quick in a long list.
 */
export function near(lines: LineIndex, a: number, b: number): [number, number] {
  const indent = (l: number) => indentOf(lines.lineText(l));
  const skip = (l: number) => !lines.lineText(l).trim() || lines.lineText(l).trimStart().startsWith('#');
  let from = a;
  while (from > 0 && (skip(from) || indent(from) >= indent(a))) from--;
  if (indent(from) >= indent(a)) return window(lines, a, b);
  let to = b + 1;
  while (to < lines.lineCount && (skip(to) || indent(to) > indent(from))) to++;
  return [from, to - 1];
}

/** The top-level section holding lines `a` to `b`: from the key at the left margin above to the next. */
function window(lines: LineIndex, a: number, b: number): [number, number] {
  const top = (l: number) => /^[^\s#]/.test(lines.lineText(l));
  let from = a;
  while (from > 0 && !top(from)) from--;
  let to = b + 1;
  while (to < lines.lineCount && !top(to)) to++;
  return [from, to - 1];
}
