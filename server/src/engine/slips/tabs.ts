/**
 * Tabs used to indent: for each tab-indented line, the spaces that make it read, lined up with the
 * lines around it (tried in turn, each by reading the part of the file that holds the line), and
 * one fix for them all. What YAML says of the lines after a tab only because of it is not reported.
 */
import { parseDocument } from 'yaml';
import type { Fix } from '../types';
import { indentOf } from './layout';
import type { Reading, Told, YamlSlip } from './reader';
import { PARSE_OPTIONS } from '../parse-options';

/** How many indentations are tried for a file's tab-indented lines (each reads the section again). */
const MAX_TAB_TRIES = 200;

/** What is told of a tab used to indent `line`, with the fix for every tab-indented line (see planTabs). */
export function tabTold(tabFixes: ReadonlyMap<number, Fix>, line: number): Told {
  const own = tabFixes.get(line);
  // One fix for every tab-indented line: mending one alone leaves the file unreadable at the next.
  const all = [...tabFixes.values()].flatMap((x) => x.edits);
  const f: Fix | undefined = own && (all.length > 1 ? { title: `Indent with spaces in place of tabs (${all.length} lines)`, edits: all, preferred: true } : own);
  return {
    message: 'A tab is used to indent this line; a case file is indented with spaces only. Put spaces in its place, lined up with the lines around it' + (f ? ' (the quick fix does this).' : '.'),
    fixes: f ? [f] : [],
  };
}

/** Finds the spaces for each of the tab-indented lines `tabs` (into `tabFixes`), and the slips after them that are theirs (into `r.consequences`). */
export function planTabs(r: Reading, tabFixes: Map<number, Fix>, tabs: number[], errors: readonly YamlSlip[]): void {
  const work = Array.from({ length: r.lines.lineCount }, (_, i) => r.lines.lineText(i));
  const unit = indentUnit(work);
  let tries = 0;
  for (const L of tabs.slice(0, 100)) {
    const lead = /^[ \t]*/.exec(work[L])![0];
    if (!lead.includes('\t')) continue;
    const body = work[L].slice(lead.length);
    // Read from the list item or top-level key that holds the line, to the line after it: what
    // YAML says of the lines up to this one does not depend on what comes later.
    const from = enclosing(work, L);
    const to = Math.min(work.length - 1, L + 1);
    for (const n of tabCandidates(work, L, unit, lead)) {
      if (++tries > MAX_TAB_TRIES) break;
      const trial = work.slice(from, to + 1);
      trial[L - from] = ' '.repeat(n) + body;
      const text = trial.join('\n');
      const doc = parseDocument(text, PARSE_OPTIONS);
      const before = trial.slice(0, L - from + 1).join('\n').length;
      if (doc.errors.some((e) => e.pos[0] <= before)) continue;
      work[L] = ' '.repeat(n) + body;
      const start = r.lines.lineStart(L);
      tabFixes.set(L, { title: `Indent with ${n} spaces in place of the tab`, edits: [{ span: { start, end: start + lead.length }, newText: ' '.repeat(n) }], preferred: true });
      break;
    }
  }
  // What YAML says of the lines after a tab, that it no longer says once the tabs are replaced, is the tabs' doing.
  const fixed = parseDocument(work.join('\n'), PARSE_OPTIONS);
  const still = new Set<number>();
  let offset = 0;
  const starts = work.map((l) => ((offset += l.length + 1), offset - l.length - 1));
  for (const e of fixed.errors) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= e.pos[0]) lo = mid;
      else hi = mid - 1;
    }
    still.add(lo);
  }
  const firstTab = tabs[0];
  for (const e of errors) {
    const l = r.lines.lineOf(e.pos[0]);
    if (e.code !== 'TAB_AS_INDENT' && l > firstTab && !still.has(l) && !tabs.includes(l)) r.consequences.add(l);
  }
}

/** The nearest line above `L` at the left margin, or a list item indented less than every line between it and `L`. */
function enclosing(work: readonly string[], L: number): number {
  let least = Infinity;
  for (let l = L - 1; l >= 0; l--) {
    const t = work[l];
    if (!t.trim() || t.trimStart().startsWith('#') || /^[ ]*\t/.test(t)) continue;
    const i = indentOf(t);
    if (i === 0 || (/^ *- /.test(t) && i < least)) return l;
    least = Math.min(least, i);
  }
  return 0;
}

/** The step the file indents by: the commonest increase from one line to the next, else 2. */
function indentUnit(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  let prev = 0;
  for (const l of lines) {
    if (!l.trim() || l.trimStart().startsWith('#') || /^[ ]*\t/.test(l)) continue;
    const i = indentOf(l);
    if (i > prev) counts.set(i - prev, (counts.get(i - prev) ?? 0) + 1);
    prev = i;
  }
  let best = 2;
  let most = 0;
  for (const [d, c] of counts) if (c > most || (c === most && d < best)) [best, most] = [d, c];
  return best;
}

/** Indentations to try for a tab-indented line: as the line above's first key's child or sibling, as the next line, or tabs counted as the file's step. */
function tabCandidates(work: readonly string[], L: number, unit: number, lead: string): number[] {
  const content = (l: number) => !!work[l].trim() && !work[l].trimStart().startsWith('#');
  const out: number[] = [];
  let p = L - 1;
  while (p >= 0 && !content(p)) p--;
  if (p >= 0) {
    const line = work[p];
    const item = /^( *)(- +)/.exec(line);
    const column = item ? item[0].length : indentOf(line);
    if (/:\s*(#.*)?$/.test(line)) out.push(column + unit);
    out.push(column, indentOf(line));
  }
  let n = L + 1;
  while (n < work.length && (!content(n) || /^[ ]*\t/.test(work[n]))) n++;
  if (n < work.length) out.push(indentOf(work[n]));
  const tabs = (lead.match(/\t/g) ?? []).length;
  const spaces = lead.length - tabs;
  out.push(tabs * unit + spaces, tabs * 2 + spaces, tabs * 4 + spaces);
  return [...new Set(out)].filter((x) => x >= 0);
}
