import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { CaseDoc, Path } from './document';
import { shapeStep } from './schema-info';

/**
 * Visits every scalar value in the document with its path (aliases are not followed). The path
 * is the walk's own and changes as it goes on: copy it to keep it. `shape` is its key for the
 * schema look-ups (schema-info.ts).
 */
export function forEachScalar(doc: CaseDoc, visit: (path: Path, node: Node, value: unknown, shape: string) => void): void {
  // An explicit stack, not recursion: a hostile file may nest deeper than the call stack goes.
  const path: (string | number)[] = [];
  const stack: { node: Node | null | undefined; depth: number; seg: string | number; shape: string }[] = [{ node: doc.root, depth: 0, seg: '', shape: '' }];
  while (stack.length) {
    const { node, depth, seg, shape } = stack.pop()!;
    if (!node) continue;
    path.length = Math.max(0, depth - 1);
    if (depth > 0) path.push(seg);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i] as Pair;
        if (!isPair(p)) continue;
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        const s = typeof key === 'number' ? String(key) : key;
        stack.push({ node: p.value as Node | null, depth: depth + 1, seg: s, shape: shapeStep(shape, s) });
      }
    } else if (isSeq(node)) {
      const itemShape = shapeStep(shape, 0);
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as Node | null, depth: depth + 1, seg: i, shape: itemShape });
    } else if (isScalar(node)) {
      visit(path, node, node.value, shape);
    }
  }
}
