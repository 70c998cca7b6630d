import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair, Scalar } from 'yaml';
import type { CaseDoc } from '../document';
import { findIdentifiers, mayHoldIdentifier, type IdentifierKind, type IdentifierMatch } from '../privacy';
import { fix, type Rule } from '../rule';
import { ownCopy } from '../text';
import type { Span, TextEdit } from '../types';

const REDACTED = '[redacted]';

const WHAT: Record<IdentifierKind, string> = {
  'nhs-number': 'This looks like an NHS number (ten digits with a valid check digit).',
  'ni-number': 'This looks like a National Insurance number.',
  postcode: 'This looks like a full postcode. Record where the family lived only by the board area.',
  email: 'This looks like an email address.',
  phone: 'This looks like a phone number.',
  'birth-date': 'This looks like a date of birth. Give the child’s age instead (for example `age: 4 years`).',
};

/** Something of the same shape that identifies no one, for the advice on when to waive a finding. */
const NOT_PERSONAL: Record<IdentifierKind, string> = {
  'nhs-number': 'a reference number of a document or a system',
  'ni-number': 'a reference of some other kind',
  postcode: 'the postcode of an office or a hospital',
  email: 'a team’s or an office’s shared address',
  phone: 'an office’s switchboard number',
  'birth-date': 'a date that is not anyone’s birthday',
};

/**
 * Lists and mappings in which nothing was found. A node never changes once read (a part reused
 * for the file's next version only moves), so on the next keystroke the walk passes them by.
 * Only the parts a next version can reuse are noted: each section's value and each item of a
 * top-level list (MARKED_DEPTH). Noting every list and mapping of a 25,000-line file made a fresh
 * check of it about 4 ms slower, for nothing: inside a reused part the walk has already stopped.
 */
const CLEAN = new WeakSet<object>();
const MARKED_DEPTH = 2;

/**
 * Visits every scalar of the document (keys included) that holds something that looks like an
 * identifier, with what was found and whether it stands inside a flow collection (`[...]`, `{...}`).
 */
function forEachIdentifier(doc: CaseDoc, visit: (node: Scalar, value: string, found: readonly IdentifierMatch[], inFlow: boolean) => void): void {
  const walk = (n: Node | null | undefined, inFlow: boolean, depth: number): boolean => {
    if (!n) return false;
    if (isScalar(n)) {
      const value = textOf(n);
      if (!value || !n.range) return false;
      const found = identifiersIn(value);
      if (found.length === 0) return false;
      visit(n, value, found, inFlow);
      return true;
    }
    if (!(isMap(n) || isSeq(n)) || (depth <= MARKED_DEPTH && CLEAN.has(n))) return false;
    const flow = inFlow || n.flow === true;
    let any = false;
    for (const item of n.items as unknown[]) {
      if (isPair(item)) {
        if (walk((item as Pair).key as Node | null, flow, depth + 1)) any = true;
        if (walk((item as Pair).value as Node | null, flow, depth + 1)) any = true;
      } else if (walk(item as Node | null, flow, depth + 1)) any = true;
    }
    if (!any && depth <= MARKED_DEPTH && depth > 0) CLEAN.add(n);
    return any;
  };
  walk(doc.root, false, 0);
}

/** The text the scalar holds before YAML reads it as a number or the like (`07700 900123` stays as written). */
function textOf(node: Scalar): string | undefined {
  const source = (node as { source?: unknown }).source;
  if (typeof source === 'string') return source;
  return typeof node.value === 'string' ? node.value : typeof node.value === 'number' ? String(node.value) : undefined;
}

/**
 * What `findIdentifiers` finds in a text, remembered: a keystroke changes one value, and the
 * thousands of others in a long file need not be searched again. Bounded, and cleared when full.
 * Each text is remembered in a copy of its own (see ownCopy).
 */
const FOUND = new Map<string, readonly IdentifierMatch[]>();
const FOUND_LIMIT = 10_000;
const NONE: readonly IdentifierMatch[] = Object.freeze([]);
function identifiersIn(text: string): readonly IdentifierMatch[] {
  if (!mayHoldIdentifier(text)) return NONE;
  let found = FOUND.get(text);
  if (!found) {
    if (FOUND.size >= FOUND_LIMIT) FOUND.clear();
    found = findIdentifiers(text);
    FOUND.set(ownCopy(text), found);
  }
  return found;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the matched text stands in the scalar's source. It is the same text, or the same text
 * with its spaces folded across lines; the n-th occurrence in the value is the n-th in the source.
 */
function locate(source: string, value: string, m: IdentifierMatch): Span | undefined {
  let nth = 0;
  for (let i = value.indexOf(m.text); i >= 0 && i < m.start; i = value.indexOf(m.text, i + 1)) nth++;
  const pattern = new RegExp(m.text.split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  let found: RegExpExecArray | null = null;
  for (let k = 0; k <= nth; k++) {
    found = pattern.exec(source);
    if (!found) return undefined;
  }
  return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

/** The edit that puts `[redacted]` in place of the match, keeping the scalar the same kind of value. */
function redaction(doc: CaseDoc, node: Scalar, inFlow: boolean, at: Span): TextEdit | undefined {
  const [start, end] = node.range!;
  const plain = node.type === 'PLAIN';
  // `[` opens a list at the start of a plain scalar, and ends one inside `[...]`: quote those.
  if (plain && (at.start === start || inFlow)) {
    const source = doc.text.slice(start, end);
    if (/[\r\n]/.test(source)) return undefined;
    const value = source.slice(0, at.start - start) + REDACTED + source.slice(at.end - start);
    return { span: { start, end }, newText: JSON.stringify(value) };
  }
  return { span: at, newText: REDACTED };
}

export const personalData: Rule = {
  id: 'personal-data',
  title: 'No personal identifiers',
  description: 'Text that looks like a personal identifier: an NHS number, a National Insurance number, a full postcode, an email address, a phone number or a birth date.',
  severity: 'warning',
  questions: [],
  fixable: true,
  group: 'privacy',
  readsText: true,
  check(ctx) {
    const { doc } = ctx;
    forEachIdentifier(doc, (node, value, found, inFlow) => {
      const [start, end] = node.range!;
      const source = doc.text.slice(start, end);
      for (const m of found) {
        const inSource = locate(source, value, m);
        const at = inSource ? { start: start + inSource.start, end: start + inSource.end } : undefined;
        ctx.report({
          span: at ?? doc.firstLineOf({ start, end }),
          message:
            `${WHAT[m.kind]} A case file should identify no one: remove it, or replace it with ${REDACTED}. ` +
            `If it is not a personal identifier (for example ${NOT_PERSONAL[m.kind]}), waive this finding and say why.`,
          fixes: fix(`Replace with ${REDACTED}`, at ? redaction(doc, node, inFlow, at) : undefined),
        });
      }
    });
  },
};
