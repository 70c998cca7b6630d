import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';

/**
 * Every node of a YAML tree with its path, kind, positions and, for a scalar, its style, value,
 * source text and number format: two trees read alike exactly when their shapes are equal.
 */
export function shape(n: Node | Pair | null | undefined, path = '', out: string[] = []): string[] {
  if (!n) {
    out.push(`${path} null`);
    return out;
  }
  if (isPair(n)) {
    shape(n.key as Node, `${path}.key`, out);
    shape(n.value as Node, `${path}.value`, out);
    return out;
  }
  const s = n as { source?: string; format?: string };
  const kind = isScalar(n)
    ? `scalar ${n.type} ${typeof n.value} ${JSON.stringify(n.value)} ${JSON.stringify(s.source)} ${s.format ?? ''}`
    : isMap(n) ? `map${n.flow ? ' flow' : ''}` : isSeq(n) ? `seq${n.flow ? ' flow' : ''}` : isAlias(n) ? 'alias' : 'other';
  out.push(`${path} ${kind} ${JSON.stringify(n.range)}`);
  if (isMap(n) || isSeq(n)) (n.items as (Node | Pair)[]).forEach((item, i) => shape(item, `${path}[${i}]`, out));
  return out;
}
