import type { Path } from './document';
import { formatIso, type DayNumber } from './dates';
import { schemaAt, type SchemaNode } from './schema-info';
import type { DecisionTiming } from './timing';

import { dateToComplete, listWords, TO_COMPLETE } from './text';

export { dateToComplete, TO_COMPLETE };

/**
 * What a fix writes as the date of a request (for minimum data, for a neighbouring board's check).
 * While the case is being built, the reviewer is asking now: today's date. Once a decision is
 * recorded (dated before today, or not readable), or where the answer is dated before today, a
 * request made today is not what the record lacks: the date is left to complete.
 */
export function requestDate(timing: DecisionTiming, today: DayNumber, answered?: DayNumber): string {
  const decidedBefore = timing.decided && (timing.decision === undefined || timing.decision < today);
  const answeredBefore = answered !== undefined && answered < today;
  return decidedBefore || answeredBefore ? dateToComplete('the date the request was sent') : formatIso(today);
}

/**
 * Values a fix may write for a missing key at `path`: one for most keys, one per choice where the
 * format lists choices (the reviewer picks). Sections get their required keys, filled the same way.
 * A date is words to complete (“To be completed. Meeting date (YYYY-MM-DD).”), except the date of
 * a request, which is `requested` (requestDate's answer).
 */
export function placeholderFor(path: Path, requested: string): unknown[] {
  return candidates(schemaAt(path), path, requested, 0);
}

function candidates(node: SchemaNode | undefined, path: Path, requested: string, depth: number): unknown[] {
  if (!node || depth > 6) return [TO_COMPLETE];
  const choices = (node.enum ?? []).filter((v) => typeof v === 'string' || typeof v === 'number');
  // Inside a section the fix writes whole, a choice would be made for the reviewer (an incident's
  // outcome written as `died`): the choices are named, to complete.
  if (choices.length) return depth > 0 ? [`${TO_COMPLETE} Choose ${listWords(choices.map(String))}.`] : choices;
  if (node.const !== undefined) return [node.const];
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (typeof node.pattern === 'string' && node.pattern.includes('\\d{4}')) {
    // Asking (for minimum data, a neighbouring board's check) is something the reviewer does now,
    // while the case is being built; any other date is a fact only the reviewer knows, left for them to write in.
    return [path[path.length - 1] === 'requested' ? requested : dateToComplete(node.title ?? 'the date')];
  }
  if (types.includes('boolean')) return depth > 0 ? [`${TO_COMPLETE} Choose true or false.`] : [true, false];
  if (types.includes('integer') || types.includes('number')) return [1];
  if (types.includes('object')) {
    const obj: Record<string, unknown> = {};
    for (const key of node.required ?? []) obj[key] = candidates(schemaAt([...path, key]), [...path, key], requested, depth + 1)[0];
    return [obj];
  }
  if (types.includes('array')) return [[candidates(schemaAt([...path, 0]), [...path, 0], requested, depth + 1)[0]]];
  return [TO_COMPLETE];
}

/**
 * What a fix writes for the agencies present at a meeting: words to complete, with the file's own
 * ids as the example of how to write them. Attendance is a fact only the reviewer knows; a list of
 * agencies would count as a discussion that may never have happened.
 */
export function agenciesToComplete(ids: readonly string[]): string {
  const example = ids.length >= 2 ? ids.slice(0, 2) : ['csc', 'police'];
  return `${TO_COMPLETE} The ids of the agencies present, as a list such as [${example.join(', ')}].`;
}
