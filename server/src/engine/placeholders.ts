import type { Path } from './document';
import { formatIso, type DayNumber } from './dates';
import { schemaAt, type SchemaNode } from './schema-info';

import { TO_COMPLETE } from './text';

export { TO_COMPLETE };

/**
 * Values a fix may write for a missing key at `path`: one for most keys, one per choice where the
 * format lists choices (the reviewer picks). Sections get their required keys, filled the same way.
 */
export function placeholderFor(path: Path, today: DayNumber): unknown[] {
  return candidates(schemaAt(path), path, today, 0);
}

function candidates(node: SchemaNode | undefined, path: Path, today: DayNumber, depth: number): unknown[] {
  if (!node || depth > 6) return [TO_COMPLETE];
  const choices = (node.enum ?? []).filter((v) => typeof v === 'string' || typeof v === 'number');
  if (choices.length) return choices;
  if (node.const !== undefined) return [node.const];
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (typeof node.pattern === 'string' && node.pattern.includes('\\d{4}')) return [formatIso(today)];
  if (types.includes('boolean')) return [true, false];
  if (types.includes('integer') || types.includes('number')) return [1];
  if (types.includes('object')) {
    const obj: Record<string, unknown> = {};
    for (const key of node.required ?? []) obj[key] = candidates(schemaAt([...path, key]), [...path, key], today, depth + 1)[0];
    return [obj];
  }
  if (types.includes('array')) return [[candidates(schemaAt([...path, 0]), [...path, 0], today, depth + 1)[0]]];
  return [TO_COMPLETE];
}
