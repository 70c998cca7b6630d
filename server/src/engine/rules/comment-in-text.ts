import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { CaseDoc, Path } from '../document';
import { quoted, textLength } from '../quoting';
import type { Rule, RuleContext } from '../rule';
import { schemaAt, titleAt } from '../schema-info';

/** A `#` after a space, followed directly by a letter or digit (`#2`, `#ref`): a note to YAML, but rarely to the person who wrote it. */
const STUCK_NOTE = /^[ \t]+#(?=[\p{L}\p{N}])/u;
/** Anywhere in the text: a space and a # stuck to a letter or digit. */
const ANY_STUCK_NOTE = /[ \t]#[\p{L}\p{N}]/u;
/** The same, where the value is empty: `evidence: #2 discussed`. */
const STUCK_NOTE_ONLY = /^[ \t]*:[ \t]+#(?=[\p{L}\p{N}])/u;

export const commentInText: Rule = {
  id: 'comment-in-text',
  title: 'No text is cut short by a #',
  description: 'Text in which a space and # followed by a letter or digit (“meeting #2”) starts a note the checker ignores, so that the rest of the line is not part of the value.',
  severity: 'warning',
  questions: [],
  fixable: true,
  group: 'format',
  check(ctx) {
    const { doc } = ctx;
    // Such a note is rare: the whole text is searched once, and the tree walked only when one is there.
    if (!doc.root || !hasStuckNote(doc.text)) return;
    walk(ctx, doc.root, []);
  },
};

/**
 * Whether the text has a space and a # stuck to a letter or digit anywhere: each # is looked at
 * where it stands (a long file's megabyte is searched for the one character, not matched against
 * the pattern at every place).
 */
function hasStuckNote(text: string): boolean {
  for (let at = text.indexOf('#', 1); at >= 0; at = text.indexOf('#', at + 1)) {
    // The space before it, the # and what follows (a letter outside the first plane takes two).
    if (ANY_STUCK_NOTE.test(text.slice(at - 1, at + 3))) return true;
  }
  return false;
}

function walk(ctx: RuleContext, node: Node | null | undefined, path: Path): void {
  if (!node) return;
  if (isMap(node)) {
    for (const pair of node.items as Pair[]) {
      const key = pair.key as Node | null;
      const name = isScalar(key) ? key.value : undefined;
      if (typeof name !== 'string') continue;
      const value = pair.value as Node | null;
      if (!value || (isScalar(value) && (value.value === null || value.value === ''))) checkEmpty(ctx, key as Scalar, [...path, name]);
      else walk(ctx, value, [...path, name]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(ctx, item as Node, [...path, i]));
  } else if (isScalar(node)) checkText(ctx, node, path);
}

/** Whether the format wants free text at `path` (not a choice, a date or an id). */
function wantsText(path: Path): boolean {
  const node = schemaAt(path);
  if (!node) return false;
  return (node.anyOf ?? [node]).some((b) => {
    const t = b?.type;
    return (t === 'string' || (Array.isArray(t) && t.includes('string'))) && !b.enum && !b.pattern;
  });
}

/** The name of the place in a sentence: "the evidence", "the summary of contact". */
function placeWords(path: Path): string {
  const at = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  return `the ${titleAt(at).toLowerCase()}`;
}

function checkText(ctx: RuleContext, node: Scalar, path: Path): void {
  if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range || !wantsText(path)) return;
  const note = stuckNote(ctx.doc, node.range[1], STUCK_NOTE);
  if (note) report(ctx, path, node.range[0], note.start, note.lineEnd, `so ${placeWords(path)} reads “${node.value}”`);
}

function checkEmpty(ctx: RuleContext, key: Scalar, path: Path): void {
  if (!key.range || !wantsText(path)) return;
  const note = stuckNote(ctx.doc, key.range[1], STUCK_NOTE_ONLY);
  if (note) report(ctx, path, note.start, note.start, note.lineEnd, `so ${placeWords(path)} is empty`);
}

/** Where a note stuck to a letter or digit starts in the rest of the line from `from`, when `pattern` finds one there. */
function stuckNote(doc: CaseDoc, from: number, pattern: RegExp): { start: number; lineEnd: number } | undefined {
  const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(from));
  const after = doc.text.slice(from, lineEnd);
  return pattern.test(after) ? { start: from + after.indexOf('#'), lineEnd } : undefined;
}

/** The finding: the text from `textStart` through the note (up to any real note after it) put in quotes. */
function report(ctx: RuleContext, path: Path, textStart: number, noteStart: number, lineEnd: number, reads: string): void {
  const { doc } = ctx;
  const noteEnd = noteStart + textLength(doc.text.slice(noteStart, lineEnd));
  const cut = doc.text.slice(noteStart, noteEnd);
  ctx.report({
    span: { start: noteStart, end: noteEnd },
    message:
      `The text after # (“${cut}”) is not part of ${placeWords(path)}: in a case file, a # after a space starts a note that the checker ignores, ${reads}. ` +
      'To keep it, put the whole text in quotes (the quick fix does this without changing your words); if it is meant as a note, put a space after the #.',
    fixes: [{ title: 'Put the whole text in quotes', edits: [{ span: { start: textStart, end: noteEnd }, newText: quoted(doc.text.slice(textStart, noteEnd)) }], preferred: true }],
    subject: path.join('.'),
  });
}

/**
 * Whether the value at `path` is empty only because what was written after its key began with a
 * `#` and a letter or digit (`rationale: #see minutes`): this rule says why, so the format check
 * does not say again that it is empty.
 */
export function emptiedByNote(doc: CaseDoc, path: Path): boolean {
  const key = doc.pair(path)?.key as Node | undefined;
  return !!key?.range && wantsText(path) && stuckNote(doc, key.range[1], STUCK_NOTE_ONLY) !== undefined;
}
