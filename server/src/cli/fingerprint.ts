import { createHash } from 'node:crypto';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { CaseDoc, Finding, LineIndex } from '../engine/index';

/**
 * A finding's fingerprint: what stays the same while the file around it changes. The one
 * definition, used for SARIF's `partialFingerprints` and for baselines.
 *
 * It is a hash of
 * - the rule,
 * - the YAML path of the key at fault (`agencies[id=police].minimumData`): list items are named by
 *   their `id`, or their first plain value, so adding an item above does not rename the others,
 * - the text at fault: the first line of the finding's span (the whole line when the span is
 *   empty), trimmed and with runs of spaces made one,
 * - the finding's subject, where the rule gives one (the agency type missing): several findings of
 *   one rule can stand at one place, and which one is which must not depend on the others, and
 * - the occurrence: 0 for the first finding with the same key, 1 for the next, and so on.
 *
 * Line numbers are not in it, nor the message (which may say "48 days ago"), so lines moving,
 * unrelated edits and another day leave it alone; changing the text at fault changes it.
 */
export function fingerprints(findings: readonly Finding[], lines: LineIndex, doc?: CaseDoc): Map<Finding, string> {
  const out = new Map<Finding, string>();
  const seen = new Map<string, number>();
  const ordered = [...findings].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  for (const f of ordered) {
    // Without a subject the key is as it was before subjects, so that baselines already written hold.
    const key = [f.rule, doc ? yamlPathAt(doc, f.span.start) : '', textAt(lines, f.span), ...(f.subject !== undefined ? [f.subject] : [])].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    out.set(f, hash(`scr-fingerprint-1\u0000${key}\u0000${n}`));
  }
  return out;
}

function hash(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 32);
}

/** The text at fault, normalised: the span's first line, or the whole line of an empty span. */
export function textAt(lines: LineIndex, span: { start: number; end: number }): string {
  const line = lines.lineOf(span.start);
  const first = lines.text.slice(span.start, Math.min(span.end, lines.lineEnd(line)));
  const text = first.trim() ? first : lines.lineText(line);
  return text.trim().replace(/\s+/g, ' ');
}

/** The YAML path of the innermost key or list item that holds `offset`, as text. */
export function yamlPathAt(doc: CaseDoc, offset: number): string {
  const parts: string[] = [];
  let n: Node | null | undefined = doc.root;
  for (let depth = 0; n && depth < 100; depth++) {
    if (isAlias(n)) break;
    if (isMap(n)) {
      const pair = (n.items as Pair[]).find((p) => isPair(p) && within(pairRange(p), offset));
      if (!pair) break;
      parts.push(keyText(pair.key));
      const k = pair.key as Node | null;
      if (k?.range && offset <= k.range[1]) break;
      n = pair.value as Node | null;
    } else if (isSeq(n)) {
      const items = n.items as (Node | null)[];
      const i = items.findIndex((item) => item?.range && within([item.range[0], item.range[1]], offset));
      if (i < 0) break;
      parts.push(`[${itemLabel(items[i]!, i)}]`);
      n = items[i];
    } else break;
  }
  return parts.join('.').replace(/\.\[/g, '[');
}

/** Whether `offset` falls in [start, end): where one key ends, the next may begin. */
function within(range: [number, number] | undefined, offset: number): boolean {
  return !!range && offset >= range[0] && offset < range[1];
}

function pairRange(p: Pair): [number, number] | undefined {
  const k = p.key as Node | null;
  const v = p.value as Node | null;
  if (!k?.range) return undefined;
  return [k.range[0], Math.max(k.range[1], v?.range ? v.range[1] : k.range[1])];
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key ?? '');
}

function scalarText(n: unknown): string | undefined {
  if (!isScalar(n)) return undefined;
  const v = n.value;
  return v === null || v === undefined ? undefined : String(v).trim().replace(/\s+/g, ' ');
}

/** A list item's name in the path: `id=csc`, else its first plain `key=value`, else its place. */
function itemLabel(item: Node, index: number): string {
  const plain = scalarText(item);
  if (plain !== undefined) return `=${plain}`;
  if (isMap(item)) {
    const pairs = (item.items as Pair[]).filter(isPair);
    const id = pairs.find((p) => keyText(p.key) === 'id' && scalarText(p.value) !== undefined);
    const first = id ?? pairs.find((p) => scalarText(p.value) !== undefined);
    if (first) return `${keyText(first.key)}=${scalarText(first.value)}`;
  }
  return String(index);
}
