/**
 * What a line pasted below a value reads as, told from its text and the keys the format takes
 * where it stands: prose, a single word a word processor's line leaves, `words: text` that is no
 * key of the format (a stray key), or a label such as a speaker's name. pasted.ts decides from
 * these whether the line goes on with the text above it.
 */
import type { LineIndex } from '../lines';
import { outlineOf } from '../cursor';
import { knownKeys, propertyOrder } from '../schema-info';
import { nearest } from '../text';
import { indentOf, textAndNote } from './layout';

/** The most words a speaker's name or a heading before a colon runs to (`Designated Nurse for Safeguarding:`); more reads as a sentence. */
const LABEL_WORDS = 4;

/** A line of prose: words with a space between them, no colon read as a key's, nothing YAML keeps for itself at the start. */
export function isProseLine(lines: LineIndex, l: number): boolean {
  const t = lines.lineText(l);
  const { body } = textAndNote(lines, l);
  return !!body && !/^[#\-?&*!|>%@`"'[{]/.test(body) && !/:(\s|$)/.test(body) && !/^[\w-]+$/.test(body) && !t.includes('\t');
}

/**
 * Whether `line` starts with a key the format knows where the line stands (read as in the place
 * of line `placeFrom`), with its colon or not (`agencies [csc, police]`): the line may be that key
 * as well as text pasted there, so no fix that makes it text is preferred.
 */
export function startsWithKey(lines: LineIndex, line: number, placeFrom: number): boolean {
  const t = lines.lineText(line);
  const m = /^( *)([A-Za-z_][\w-]*)(?=[ \t:]|$)/.exec(t);
  if (!m) return false;
  const place = outlineOf(lines).container(placeFrom, m[1].length, 'map');
  return !!place && propertyOrder(place).some((p) => p.toLowerCase() === m[2].toLowerCase());
}

/**
 * A line written as `words: text` that is no key the format knows where it stands, nor a
 * misspelling of one: text with a colon in it, pasted at the wrong indentation. `placeFrom`: the
 * line whose place the line is in, where lines above it are pasted text too.
 */
export function strayKey(lines: LineIndex, l: number, placeFrom = l, nearMiss = false): boolean {
  const a = asKey(lines, l, placeFrom);
  if (!a) return false;
  // A word written as the format writes keys (`nickname`) is taken as a key; text has a capital or a space (`Paediatrician`, `Skeletal survey`).
  if (/^[a-z][A-Za-z0-9_-]*$/.test(a.word)) return false;
  if (a.keys.some((k) => k.toLowerCase() === a.word.toLowerCase())) return false;
  // Near a key of the place (`Note`, `notes`), it may be that key misspelt; unless the lines
  // after it go on with the section it stands in, which a key there would have cut off.
  return !nearest(a.word, a.keys) || (nearMiss && cutsSection(lines, l));
}

/** For a line written `words: text`: the words, and the keys of the place it would stand in (read as from line `placeFrom`). */
function asKey(lines: LineIndex, l: number, placeFrom: number): { word: string; keys: string[] } | undefined {
  const t = lines.lineText(l);
  const m = /^( *)([^\s:#\-?&*!|>%@`"'[{][^:#]*?):[ \t]+\S/.exec(t);
  if (!m || t.includes('\t')) return undefined;
  const place = outlineOf(lines).container(placeFrom, m[1].length, 'map');
  return place && { word: m[2].trim(), keys: propertyOrder(place) };
}

/**
 * A line of `run` (below line `k`) taken as text only because it cuts its section off, that
 * reads as a key near one of the format's: it may be that key misspelt, so making it text is a
 * choice, and the message names the key.
 */
export function nearKeyIn(lines: LineIndex, run: readonly number[], k: number): { word: string; key: string } | undefined {
  for (const l of run) {
    if (!strayKey(lines, l, k + 1, true) || strayKey(lines, l, k + 1)) continue;
    const a = asKey(lines, l, k + 1)!;
    return { word: a.word, key: nearest(a.word, a.keys)! };
  }
  return undefined;
}

/**
 * The first line of a run of pasted text written `Something: text`, where `Something` is no key
 * of the place nor near one, and is a label (a capital, a few words: `Chair: agreed to hold`,
 * `Skeletal survey: two fractures`), not a sentence with a colon in it (`A reporter rang the
 * chair: no story yet.`): it reads as a new speaker's words or a heading as much as the text
 * above going on, so the fix that makes it that text is offered, never preferred (Fix all does
 * not choose). Its `Something`.
 */
export function speakerIn(lines: LineIndex, run: readonly number[], k: number): string | undefined {
  for (const l of run) {
    const word = strayKey(lines, l, k + 1) ? asKey(lines, l, k + 1)!.word : undefined;
    if (word && /^\p{Lu}/u.test(word) && word.split(/\s+/).length <= LABEL_WORDS) return word;
  }
  return undefined;
}

/** What a message adds for such a line: that it may be words of their own, and where they would go. */
export function orSpeaker(lines: LineIndex, run: readonly number[], k: number): string {
  const word = speakerIn(lines, run, k);
  return word ? ` The line starts “${word}:”, as a new speaker’s words or a heading would, so it may not belong to that text, and it is left as it is when all fixes are made at once. If it is a note of its own, move it under a key that takes text, such as \`notes\`.` : '';
}

/** What a message adds for such a line: what to do if it is the key. */
export function orNearKey(lines: LineIndex, run: readonly number[], k: number): string {
  const near = nearKeyIn(lines, run, k);
  return near ? ` If \`${near.word}\` is meant as the key \`${near.key}\`, write \`${near.key}:\` in line with the keys of the section it belongs to.` : '';
}

/**
 * Whether the next line below `l` that holds something, past other lines of pasted text level
 * with it, is indented further than `l`: it belongs to the section above `l`, which a key at `l`
 * would have cut off.
 */
function cutsSection(lines: LineIndex, l: number): boolean {
  const indent = indentOf(lines.lineText(l));
  for (let n = l + 1; n < lines.lineCount; n++) {
    const t = lines.lineText(n);
    if (!t.trim() || t.trimStart().startsWith('#')) continue;
    if (indentOf(t) === indent && (isProseLine(lines, n) || pastedWord(textAndNote(lines, n).body) || strayKey(lines, n, l))) continue;
    return indentOf(t) > indent;
  }
  return false;
}

/**
 * A single word on a line of its own (`Bruising`, `2016`), as a word processor's line leaves it:
 * text, not a key whose colon was forgotten, where it is no key of the format, nor near one
 * (`Notes`, `Desicion`), anywhere in a case file, and is written as no key is (with a capital or
 * a digit, not `nickname`), unless it `wraps` the line of text above it (`neck`).
 */
export function pastedWord(body: string, wraps = false): boolean {
  if (!/^[\w-]+$/.test(body) || (!wraps && /^[a-z][A-Za-z0-9_-]*$/.test(body))) return false;
  const keys = [...knownKeys()];
  return !keys.some((k) => k.toLowerCase() === body.toLowerCase()) && !nearest(body, keys);
}
