import type { Fix } from './types';

/** The text a fix writes where the reviewer still has something to fill in. */
export const TO_COMPLETE = 'To be completed.';
/** How every text left for the reviewer to replace begins: a fix's, and a new file's prompts ("To be completed. Name of your LSCB."). */
export const TO_COMPLETE_START = 'To be completed';

/**
 * What a fix writes where a date belongs that only the reviewer knows (when a meeting was held, when
 * an agency gave its view): words to replace, not a date, so that nothing counts on a guess.
 * `what` names the date: "the date of the meeting".
 */
export function dateToComplete(what: string): string {
  return `${TO_COMPLETE} ${what.charAt(0).toUpperCase()}${what.slice(1)} (YYYY-MM-DD).`;
}

/** Whether a value is text left to fill in (by a fix or a new file's template), not yet replaced. */
export function isPlaceholder(v: unknown): boolean {
  return typeof v === 'string' && v.trimStart().startsWith(TO_COMPLETE_START);
}

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

/** The candidate nearest to `word`, when it is near enough to be a likely slip. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(w.length, best.length) / 3));
  return bestD <= allowed ? best : undefined;
}

/** "a, b or c". */
export function listWords(words: readonly string[], conj = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conj} ${words[words.length - 1]}`;
}

/** “3 days”, “1 day”, “3,662 days”: a count with its word, as every message words it. */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${grouped(n)} ${n === 1 ? word : pluralWord}`;
}

/** A whole number with commas between thousands (“3,662”), as British house styles write numbers from 1,000. */
export function grouped(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : String(n);
}

/** Board names (and case references) compare without regard to case or surrounding spaces. */
export function sameBoard(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && nameKey(a) === nameKey(b);
}

/** What two spellings of the same board name or case reference have in common: sameBoard compares these. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * The same text, in a string of its own. A slice of a long text may be kept by referring to the
 * whole; something kept for a long time (across a file's versions, in a cache) must not keep
 * every version's whole text alive. Joining forces a fresh copy, and its slice refers only to it.
 */
export function ownCopy(part: string): string {
  return ` ${part}`.slice(1);
}

/**
 * An invisible character that changes the direction text is shown in: an embedding or override
 * (U+202A to U+202E), an isolate (U+2066 to U+2069), or a mark (U+200E, U+200F, U+061C). Written
 * in a case file, one can make text be shown otherwise than it is written, or hide part of it
 * (the "Trojan Source" problem).
 */
export const DIRECTION_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const DIRECTION_CONTROLS = new RegExp(DIRECTION_CONTROL.source, 'g');

/** Each invisible character in `text` that changes the text direction, at its offset (`text` standing at `start`). */
export function directionControlsIn(text: string, start = 0): { at: number; c: string }[] {
  return DIRECTION_CONTROL.test(text) ? [...text.matchAll(DIRECTION_CONTROLS)].map((m) => ({ at: start + m.index!, c: m[0] })) : [];
}

/**
 * What such characters are, in words for a message (`an invisible character (shown as <U+202E>)`:
 * named as the checker writes each out wherever it shows the line, so that the reader can find it in
 * the preview or a hover; Unicode's own names for them mean nothing to most), and the fix that
 * removes them and nothing else: for text-direction, and for a slip one of them causes.
 */
export function directionControlWords(found: readonly { at: number; c: string }[]): { what: string; fix: Fix } {
  const one = found.length === 1;
  const kinds = [...new Set(found.map((f) => shownText(f.c)))];
  return {
    what: `${one ? 'an invisible character' : `${found.length} invisible characters`} (shown as ${listWords(kinds, 'and')})`,
    fix: {
      title: one ? 'Remove the invisible character that changes the text direction' : `Remove the ${found.length} invisible characters that change the text direction`,
      edits: found.map((f) => ({ span: { start: f.at, end: f.at + f.c.length }, newText: '' })),
    },
  };
}

/** A character as Unicode names it: `U+202E`. */
export function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text from a case file made safe to show, wherever it is shown (a message, a hover, the preview,
 * a report): each invisible character that changes the direction text is shown in is written out
 * (`<U+202E>`), so that it can neither reorder nor hide what is around it. Every view of the
 * user's text goes through this; nothing else is changed.
 */
export function shownText(text: string): string {
  return DIRECTION_CONTROL.test(text) ? text.replace(DIRECTION_CONTROLS, (c) => `<${codePoint(c)}>`) : text;
}

/** Text as a plain YAML value: in double quotes where YAML would read it otherwise (`a: b`, `#x`, `[`). */
export function quoteIfNeeded(text: string, inFlow = false): string {
  return /^[\s\-?:,[\]{}#&*!|>'"%@`]|:\s|:$|\s#|\s$/.test(text) || (inFlow && /[,[\]{}]/.test(text)) ? JSON.stringify(text) : text;
}

/**
 * Text written the way the format writes an id: lower-case letters and digits joined by hyphens.
 * An invisible character that changes the text direction is left out, not made a hyphen: in
 * `pol<U+202E>ice` it splits no words, so the id meant is `police`.
 */
export function slugOf(text: string): string {
  return text.replace(DIRECTION_CONTROLS, '').trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * `table[key]` for a key that comes from the case file: only the table's own entries, never what
 * every object inherits (`constructor`, `valueOf`), which a file may well name.
 */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
