import { parseDate } from './dates';
import type { CaseDoc, Path } from './document';
import { entries, type Entry } from './entries';
import { once } from './once';
import { isBlank, isPlaceholder, nameKey } from './text';
import { asString, isWritten } from './values';

/** The board considering the case, as written; undefined when not written, or still to be completed. */
export function ownBoard(doc: CaseDoc): string | undefined {
  const own = doc.get(['case', 'board']);
  return isPlaceholder(own) ? undefined : asString(own)?.trim() || undefined;
}

/**
 * Whether the case's own board (`case.board`) is still to be completed: until it is written, which
 * boards in the address history are other boards cannot be told.
 */
export function ownBoardToComplete(doc: CaseDoc): boolean {
  return isPlaceholder(doc.get(['case', 'board']));
}

/**
 * Boards in the family's address history other than the case's own, each once, with where they
 * stand. None while the case's own board is still to be completed: which are other boards cannot
 * be told, and the family's own board would be taken for one (by completion, a new check, a rule).
 */
export function otherBoards(doc: CaseDoc): readonly { board: string; path: Path }[] {
  return once(doc, 'otherBoards', () => {
    if (ownBoardToComplete(doc)) return Object.freeze([]);
    const own = ownBoard(doc);
    const ownKey = own !== undefined ? nameKey(own) : undefined;
    const seen = new Set<string>();
    const out: { board: string; path: Path }[] = [];
    for (const e of entries(doc, ['family', 'addresses'])) {
      const b = asString(e.data.board);
      // A board still to be completed is no board yet.
      if (!b || !isWritten(b)) continue;
      const key = nameKey(b);
      if (key === ownKey || seen.has(key)) continue;
      seen.add(key);
      out.push({ board: b.trim(), path: [...e.path, 'board'] });
    }
    return Object.freeze(out);
  });
}

/**
 * The family's current address: the one with no `to` date (or `to: null`); where several are
 * open, the one that started last (the first written, when their starts tie or are unreadable).
 */
export function currentAddress(doc: CaseDoc): Entry | undefined {
  let best: Entry | undefined;
  let bestFrom = -Infinity;
  for (const e of entries(doc, ['family', 'addresses'])) {
    if (!isBlank(e.data.to)) continue;
    const from = parseDate(e.data.from) ?? -Infinity;
    if (!best || from > bestFrom) {
      best = e;
      bestFrom = from;
    }
  }
  return best;
}
