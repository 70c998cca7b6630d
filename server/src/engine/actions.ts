import type { Analysis } from './analyse';
import { metCount } from './checklist';
import { plural } from './text';
import { CaseDoc } from './document';
import { applyEdits } from './fixes';
import { extents } from './locate';
import { RULES_BY_ID } from './rules/index';
import { coveredFrom, isCovered } from './waivers';
import type { Finding, Fix, TextEdit } from './types';

export interface FixAllOptions {
  /**
   * Only the corrections (Fix.correction): a misspelt key, value or agency id, a date that can be
   * read only one way. What an editor may make when the file is saved, where nothing must be added.
   */
  correctionsOnly?: boolean;
  /** How many syntax problems a text has: injectable for tests. */
  syntaxProblems?: (text: string) => number;
  /**
   * Checks a text as the file is checked (its settings, its day, its dossier). Given, "Fix all"
   * checks its own result again and goes on while that finds more to fix (a section whose key
   * was misspelt may, once the key is corrected, be found to lack an entry), as a user pressing it
   * again would, up to FIX_ALL_ROUNDS times; the result is then one edit over the part that changed.
   */
  again?: (text: string) => { doc: CaseDoc; findings: readonly Finding[] };
}

/** How many times at most "Fix all" checks its own result and fixes again. */
export const FIX_ALL_ROUNDS = 5;

/**
 * "Fix all": the preferred fix of every finding that is not waived, leaving out any fix that
 * overlaps one already taken or that would make the file harder to read (a new syntax problem,
 * such as the same key added twice). The corrections come first, wherever they are in the file: a
 * section written under a misspelt key is renamed, never added again beside it.
 */
export function fixAll(doc: CaseDoc, findings: readonly Finding[], options: FixAllOptions = {}): { edits: TextEdit[]; fixes: Fix[] } {
  const first = fixOnce(doc, findings, options);
  if (!options.again || !first.edits.length) return first;
  const fixes = [...first.fixes];
  let text = applyEdits(doc.text, first.edits);
  let rounds = 1;
  for (; rounds < FIX_ALL_ROUNDS; rounds++) {
    const a = options.again(text);
    const next = fixOnce(a.doc, a.findings, options);
    const after = next.edits.length ? applyEdits(text, next.edits) : text;
    if (after === text) break;
    fixes.push(...next.fixes);
    text = after;
  }
  return rounds === 1 ? first : { edits: [changedPart(doc.text, text)], fixes };
}

/**
 * One edit that turns `before` into `after`: what lies between their common start and common end.
 * It never splits a line end (`\r\n`) or a character written as two code units.
 */
export function changedPart(before: string, after: string): TextEdit {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  const splits = (text: string, at: number) => at > 0 && at < text.length && (/[\uD800-\uDBFF]/.test(text[at - 1]) || (text[at - 1] === '\r' && text[at] === '\n'));
  while (start > 0 && (splits(before, start) || splits(after, start))) start--;
  while (end > 0 && (splits(before, before.length - end) || splits(after, after.length - end))) end--;
  return { span: { start, end: before.length - end }, newText: after.slice(start, after.length - end) };
}

/** One round of "Fix all" on a text as it stands. */
function fixOnce(doc: CaseDoc, findings: readonly Finding[], options: FixAllOptions): { edits: TextEdit[]; fixes: Fix[] } {
  const syntaxProblems = options.syntaxProblems ?? ((text: string) => new CaseDoc(text).syntax.length);
  const open = findings.filter((f) => !f.waived);
  const preferred = (f: Finding) => f.fixes.find((x) => x.preferred);
  const corrections = open.filter((f) => preferred(f)?.correction);
  const ordered = options.correctionsOnly ? corrections : [...corrections, ...open.filter((f) => !preferred(f)?.correction)];
  const base = doc.syntax.length;
  // Usually no fix spoils the file: one reading of the result shows it. Only when one does is
  // each fix tried in turn, reading the file once per fix (half a minute for a file with 300 agencies).
  const all = takeFixes(ordered, () => true);
  if (!all.edits.length || syntaxProblems(applyEdits(doc.text, all.edits)) <= base) return all;
  return takeFixes(ordered, (edits) => syntaxProblems(applyEdits(doc.text, merged(edits))) <= base);
}

/** The preferred fixes, in the order given, that overlap none taken before them and that `keeps` accepts, with the edits so far. */
function takeFixes(findings: readonly Finding[], keeps: (edits: TextEdit[]) => boolean): { edits: TextEdit[]; fixes: Fix[] } {
  const taken: TextEdit[] = [];
  const fixes: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred);
    if (!fix || !fix.edits.length || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (!keeps([...taken, ...fix.edits])) continue;
    taken.push(...fix.edits);
    fixes.push(fix);
  }
  return { edits: merged(taken), fixes };
}

/**
 * The edits by position, insertions at one place joined into one edit (so every editor applies
 * them in the same order): the more indented first, so that a new list item stays in its list and
 * a new section starts after it.
 */
function merged(edits: TextEdit[]): TextEdit[] {
  const indent = (e: TextEdit) => /^(?:\r?\n)*( *)/.exec(e.newText)![1].length;
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || indent(b) - indent(a));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    const inserts = prev && prev.span.end === prev.span.start && e.span.end === e.span.start && prev.span.start === e.span.start;
    if (inserts) out[out.length - 1] = { span: prev.span, newText: prev.newText + e.newText };
    else out.push(e);
  }
  return out;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start < b.span.end && b.span.start < a.span.end) return true;
  // Two insertions at one place: the same text twice is one fix offered by two findings.
  return a.span.start === b.span.start && a.span.end === a.span.start && b.span.end === b.span.start && a.newText === b.newText;
}

/**
 * Rules whose findings are never offered a waiver: those about waivers themselves, and those that
 * say the record is wrong rather than incomplete, so that the only good answer is to correct it: a
 * file that cannot be read (`yaml-syntax`), a key or value the format does not know (`schema`), a
 * date that does not exist (`invalid-date`), an agency id no agency has (`unknown-agency`), and
 * one id or case reference given twice (`duplicate-id`). A waiver written by hand still works.
 * `date-order` is offered: some of what it reports does happen (a return sent after a phone call,
 * before the formal request), and the record should then say so.
 */
const NOT_WAIVABLE: ReadonlySet<string> = new Set(['waiver-reason', 'waiver-unused', 'yaml-syntax', 'schema', 'invalid-date', 'unknown-agency', 'duplicate-id']);

/**
 * The comment that waives `finding`: `# scr-waive <id>: ` on its own line above the key or list
 * item the finding starts in (never inside a block of text), indented like it. `reasonAt` is
 * where in `edit.newText` the reason goes; `title` says what it waives: a waiver covers every
 * finding of its rule in that key or item, so where there are several, the title says how many,
 * and names the rule by its title (the comment needs its id; the reader needs words).
 */
export function waiverEdit(doc: CaseDoc, finding: Finding, findings: readonly Finding[]): { edit: TextEdit; reasonAt: number; title: string } | undefined {
  if (NOT_WAIVABLE.has(finding.rule) || finding.waived) return undefined;
  // A finding that comes from a misspelling (see slipsExplained) goes once it is corrected: nothing to accept.
  if (finding.fixes.length && finding.fixes.every((x) => x.correction)) return undefined;
  const { lines } = doc;
  const at = finding.span.start;
  let line = lines.lineOf(at);
  if (/^\s*#/.test(lines.lineText(line))) return undefined;
  // The nearest key or item that starts on or above the finding's line and contains it.
  let best = -1;
  for (const e of extents(doc)) {
    if (e.span.start > at || at > e.span.end) continue;
    const start = lines.lineOf(e.span.start);
    if (start <= line && start > best) best = start;
  }
  if (best >= 0) line = best;
  const text = lines.lineText(line);
  const indent = text.slice(0, text.length - text.trimStart().length);
  const head = `${indent}# scr-waive ${finding.rule}: `;
  const start = lines.lineStart(line);
  // What the waiver will cover once written, as applyWaivers will judge it.
  const covers = coveredFrom(doc, line);
  const covered = findings.filter((f) => f.rule === finding.rule && !f.waived && isCovered(covers, f)).length;
  // Named by its rule's title: several findings on one line each offer a waiver, and the menu must tell them apart.
  const rule = RULES_BY_ID.get(finding.rule)?.title;
  const of = rule ? ` of the rule “${rule}”` : '';
  const title = covered <= 1 ? `Waive this finding${of}…` : `Waive these ${covered} findings${of} here…`;
  return { edit: { span: { start, end: start }, newText: head + lines.eol }, reasonAt: head.length, title };
}

/** "QM2 7 of 9 met · 2 warnings": the line shown at the top of the file. */
export function lensTitle(a: Analysis): string {
  const { met, applicable } = metCount(a.checklist);
  const open = a.findings.filter((f) => !f.waived);
  const errors = open.filter((f) => f.severity === 'error').length;
  const warnings = open.filter((f) => f.severity === 'warning').length;
  const parts = [`QM2 ${met} of ${applicable} met`];
  if (errors) parts.push(plural(errors, 'error'));
  if (warnings) parts.push(plural(warnings, 'warning'));
  if (!errors && !warnings) parts.push('no errors or warnings');
  return parts.join(' · ');
}
