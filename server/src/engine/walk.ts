import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { CaseDoc, Path } from './document';

/** Visits every scalar value in the document with its path (aliases are not followed). */
export function forEachScalar(doc: CaseDoc, visit: (path: Path, node: Node, value: unknown) => void): void {
  const stack: { node: Node | null | undefined; path: Path }[] = [{ node: doc.root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node) continue;
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const p = node.items[i] as Pair;
        if (!isPair(p)) continue;
        const k = p.key as Node | null;
        const key = isScalar(k) ? k.value : undefined;
        if (typeof key !== 'string' && typeof key !== 'number') continue;
        stack.push({ node: p.value as Node | null, path: [...path, typeof key === 'number' ? String(key) : key] });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i] as Node | null, path: [...path, i] });
    } else if (isScalar(node)) {
      visit(path, node, node.value);
    }
  }
}
