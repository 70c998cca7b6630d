import { isAlias, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { CaseDoc, Path } from './document';
import { once } from './once';
import type { Span } from './types';

/** What stands at an offset of a parsed file: a key, or a scalar value, with its path. */
export interface Hit {
  path: Path;
  part: 'key' | 'value';
  /** The key's or value's text (inside any quotes). */
  span: Span;
  value: unknown;
}

/** The key or scalar value at `offset` (a cursor just after a word still counts as on it). */
export function nodeAt(doc: CaseDoc, offset: number): Hit | undefined {
  const stack: { node: Node | null | undefined; path: Path }[] = [{ node: doc.root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node || isAlias(node) || !node.range || offset < node.range[0] || offset > node.range[2]) continue;
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        if (!isPair(p)) continue;
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const childPath = [...path, String(key)];
        if (k?.range && offset >= k.range[0] && offset <= k.range[1]) return { path: childPath, part: 'key', span: innerSpan(k as Scalar), value: key };
        stack.push({ node: p.value as Node | null, path: childPath });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item as Node | null, path: [...path, i] }));
    } else if (isScalar(node) && path.length > 0 && offset <= node.range[1]) {
      return { path, part: 'value', span: innerSpan(node), value: node.value };
    }
  }
  return undefined;
}

/** A scalar's text without its quotes. */
export function innerSpan(n: Scalar): Span {
  const [s, e] = n.range!;
  const quoted = n.type === Scalar.QUOTE_DOUBLE || n.type === Scalar.QUOTE_SINGLE;
  return quoted && e - s >= 2 ? { start: s + 1, end: e - 1 } : { start: s, end: e };
}

/** The value's span at `path` inside any quotes, when it is a written scalar. */
export function valueSpan(doc: CaseDoc, path: Path): Span | undefined {
  const n = doc.node(path);
  return n && isScalar(n) && n.range ? innerSpan(n) : undefined;
}

/** Every written key and list item, with its whole extent, outermost first: for symbols, folding and selection. */
export interface Extent {
  path: Path;
  /** Key (or item) start to value end. */
  span: Span;
  /** The key itself; for a list item, its first line. */
  keySpan: Span;
}

export function extents(doc: CaseDoc): readonly Extent[] {
  return once(doc, 'extents', () => allExtents(doc));
}

function allExtents(doc: CaseDoc): Extent[] {
  const out: Extent[] = [];
  const visit = (node: Node | null | undefined, path: Path, depth: number) => {
    if (!node || depth > 64 || isAlias(node)) return;
    if (isMap(node)) {
      for (const p of node.items as Pair[]) {
        if (!isPair(p)) continue;
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        if ((typeof key !== 'string' && typeof key !== 'number') || !k?.range) continue;
        const v = p.value as Node | null;
        const childPath = [...path, String(key)];
        out.push({ path: childPath, span: { start: k.range[0], end: v?.range?.[1] ?? k.range[1] }, keySpan: { start: k.range[0], end: k.range[1] } });
        visit(v, childPath, depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!n?.range) return;
        const dash = doc.text.lastIndexOf('-', n.range[0]);
        const sameLine = dash >= 0 && doc.lines.lineOf(dash) === doc.lines.lineOf(n.range[0]) && !node.flow;
        const start = sameLine ? dash : n.range[0];
        out.push({ path: [...path, i], span: { start, end: n.range[1] }, keySpan: doc.firstLineOf({ start, end: n.range[1] }) });
        visit(n, [...path, i], depth + 1);
      });
    }
  };
  visit(doc.root, [], 0);
  return out;
}
