/**
 * Lines pasted below a value that the value does not take in, as a word processor or an editor
 * leaves them: at the key's indentation, less indented than the key, or less than the lines of a
 * block of text. Told as the text going on, with the fix that makes them part of it (a block after
 * `>`, or the block's lines indented as the rest), or the colon a key's line forgot. What each
 * line reads as is told in pasted-lines.ts.
 */
import { outlineOf } from '../cursor';
import type { LineIndex } from '../lines';
import { folded } from '../quoting';
import { propertyOrder, valueKind } from '../schema-info';
import type { Fix } from '../types';
import { markContinued } from './continued';
import { blockAbove, indentOf, keyAt, lineTextSpan, textAndNote, valueLine, type ValueLine } from './layout';
import { isProseLine, nearKeyIn, orNearKey, orSpeaker, pastedWord, speakerIn, startsWithKey, strayKey } from './pasted-lines';
import type { Reading, Told } from './reader';
import { readsAs, readsClean, readsKeyed } from './trial';

/** What a value that is not text holds, for messages. */
const KIND_WORDS = { date: 'a date', choice: 'one of a set of choices', other: 'an id, a number, or true or false' } as const;

/**
 * A line pasted at the margin that YAML reads as a key holding a value (`Note: agreed. # a note`),
 * the slip noticed only on the line below it, which cannot be read under that key: told on the
 * pasted line.
 */
export function pastedAbove(r: Reading, line: number): Told | undefined {
  let a = line - 1;
  while (a >= 0 && /^\s*(#.*)?$/.test(r.lines.lineText(a))) a--;
  if (a < 0 || indentOf(r.lines.lineText(a)) >= indentOf(r.lines.lineText(line)) || !keyAt(r.lines, a)?.value) return undefined;
  const told = pasted(r, a) ?? pasted(r, a, false, true);
  return told && { ...told, span: told.span ?? lineTextSpan(r.lines, a) };
}

/**
 * Lines pasted below a value that the value does not take in: below `key: text` at the key's
 * indentation with no colon, or indented less than the key (a word processor's second line,
 * which an editor leaves at the margin), or less than the lines of a block of text. The text
 * goes on there, unless the line is a key the format knows with its colon forgotten. Text is
 * never folded into a value that is not text (a date, a choice).
 * Indented less than the value (or block) they continue, the lines may also be a single word
 * (`Bruising`) or read as a key near one of the format's (`Note: the child was seen`) where the
 * section goes on below them (see pastedWord, strayKey in pasted-lines.ts): no key of the format
 * could stand there.
 * `atMargin`: read again so, for a line that is only such a line, after the rest has found nothing.
 */
export function pasted(r: Reading, line: number, strayAtKey = false, atMargin = false): Told | undefined {
  const lineText = (l: number) => r.lines.lineText(l);
  const split = (l: number) => textAndNote(r.lines, l);
  const isProse = (l: number) => isProseLine(r.lines, l);
  const blank = (l: number) => !lineText(l).trim();
  const indent = indentOf(lineText(line));
  // A word in lower case (`neck`) only where it ends the line of text above it, as a word processor wraps it.
  const wraps = (l: number) => {
    let p = l - 1;
    while (p >= 0 && blank(p)) p--;
    return p >= 0 && indentOf(lineText(p)) === indentOf(lineText(l)) && isProse(p);
  };
  const word = (l: number) => pastedWord(split(l).body, wraps(l));
  const crosses = atMargin ? (l: number) => isProse(l) || word(l) || strayKey(r.lines, l, l, true) : isProse;
  let k = line - 1;
  while (k >= 0 && (blank(k) || (crosses(k) && indentOf(lineText(k)) === indent))) k--;
  if (k < 0) return undefined;
  // Where a line of the run would be a key: the place the line after `k` is in (the lines of the run are no keys).
  const stray = (l: number) => strayKey(r.lines, l, k + 1);
  // Indented less than the value above, a line no key could be there goes on with the text too.
  const fitsMargin = (l: number) => isProse(l) || word(l) || strayKey(r.lines, l, k + 1, true);
  if (atMargin ? !fitsMargin(line) : !isProse(line) && !stray(line)) return undefined;
  const v = valueLine(r.lines, k);
  if (!atMargin && v && v.keyColumn === indent && (isProse(line) || strayAtKey)) {
    const fits = strayAtKey ? (l: number) => isProse(l) || stray(l) : isProse;
    return belowValue(r, v, k, indent, fits, blank, split);
  }
  if (v && v.keyColumn > indent && !/^["'[{&*!|>%@`]/.test(v.text)) return lessIndented(r, v, k, indent, fitsMargin, blank, split);
  // A block with no lines yet (`summary: >`), the pasted text below it not indented at all.
  if (v && /^[|>][-+0-9]*$/.test(v.text) && indent <= v.keyColumn) return outdentedInBlock(r, { key: v.key, header: k, contentColumn: v.keyColumn + 2, empty: v.text }, k, indent, fitsMargin, blank);
  const block = blockAbove(r.lines, k);
  if (block && indent < block.contentColumn) return outdentedInBlock(r, block, k, indent, fitsMargin, blank);
  return undefined;
}

/** Lines at the key's indentation below `key: text`, with no colon: text going on, or a key whose colon was forgotten. */
function belowValue(r: Reading, v: ValueLine, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean, split: (l: number) => { body: string; note: string }): Told {
  const run = runAfter(r.lines, k, indent, fits, blank);
  const place = outlineOf(r.lines).container(k + 1, indent, 'map');
  const kind = place ? valueKind([...place, v.key]) : undefined;
  const first = run[0];
  // The first word of the line, when it is a key the format knows in this section: the colon forgotten.
  const { body: firstBody } = split(first);
  const word = /^([A-Za-z_][\w-]*)([ \t]+)(\S.*)$/.exec(firstBody);
  const key = word && place ? propertyOrder(place).find((p) => p.toLowerCase() === word[1].toLowerCase()) : undefined;
  const fixes: Fix[] = [];
  if (word && key) {
    const at = r.lines.lineStart(first) + indent;
    const edit = { span: { start: at, end: at + word[1].length }, newText: `${key}:` };
    // Where the value starts once the colon is in: the text after the word, as written.
    const valueAt = at + key.length + 1 + word[2].length;
    if (readsKeyed(r, edit, valueAt, word[3], r.lines.lineEnd(first))) fixes.push({ title: `Add a colon: \`${key}: ${word[3]}\``, edits: [edit], preferred: true });
  }
  const foldable = kind === 'text' || kind === undefined;
  // Where the line starts with a key the format knows here, it may as well be that key as text: Fix all folds nothing.
  const fold = foldable ? foldFix(r, v, k, run, split, kind === 'text' && !startsWithKey(r.lines, first, k + 1) && !speakerIn(r.lines, run, k)) : undefined;
  if (fold) fixes.push(fold);
  markContinued(r, run);
  const block = `write the text as a block: \`>\` after \`${v.key}:\`, and every line of the text below it, indented further`;
  if (fixes[0]?.title.startsWith('Add a colon')) {
    return {
      message: `This line has no colon, so \`${word![1]}\` is not read as a key. If it is the key \`${key}\`, add a colon after it: \`${key}: ${word![3]}\` (the quick fix does this).` +
        (fold ? ` If the line instead continues the text of \`${v.key}\` above it, ${block} (another quick fix does this).` : ''),
      fixes,
    };
  }
  // Text with a colon in it, read as a key the format does not know here.
  const colon = /^([^:]*?):[ \t]/.exec(firstBody);
  if (colon && fold) {
    return {
      message: `This line seems to continue the text of \`${v.key}\` above it, but it holds a colon followed by a space (after “${colon[1].trim()}”), so it is read as a key, and not one the format knows there. If it continues that text, ${block} (the quick fix does this without changing your words).` + orSpeaker(r.lines, run, k),
      fixes,
    };
  }
  if (!foldable) {
    return {
      message: `This line has no colon, so it is not read as a key, and it cannot continue \`${v.key}\` above it, which holds ${KIND_WORDS[kind!]}, not text. If it is a key, add a colon after its name; if it is text, move it to a key that takes text, such as \`notes\`.`,
      fixes,
    };
  }
  if (key) {
    // A key the format knows here, whose line does not read with a colon added (`agencies - csc`).
    const list = /^-[ \t]/.test(word![3]) ? `, and write each item of the list on a line of its own below it, after \`- \`, indented further than \`${key}\`` : ', and write its value as the format takes it';
    return {
      message: `This line has no colon, so \`${word![1]}\` is not read as a key. If it is the key \`${key}\`, add a colon after it${list}.` +
        (fold ? ` If the line instead continues the text of \`${v.key}\` above it, ${block} (a quick fix does this).` : ''),
      fixes,
    };
  }
  return {
    message: `This line has no colon, so it is neither a key nor part of the text of \`${v.key}\` above it. If it continues that text, ${block}${fold ? ' (the quick fix does this without changing your words)' : ''}. If it is a key, add a colon after its name.`,
    fixes,
  };
}

/** Lines indented less than `key: text` above them that are no key the format knows there: the text going on, as pasted. */
function lessIndented(r: Reading, v: ValueLine, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean, split: (l: number) => { body: string; note: string }): Told {
  const run = runAfter(r.lines, k, indent, fits, blank);
  const place = outlineOf(r.lines).container(k + 1, v.keyColumn, 'map');
  const kind = place ? valueKind([...place, v.key]) : undefined;
  markContinued(r, run);
  if (kind !== 'text' && kind !== undefined) {
    return {
      message: `This line is indented less than \`${v.key}\` above it, and it is not a key the format knows there. It cannot continue \`${v.key}\`, which holds ${KIND_WORDS[kind]}, not text: if it is text, move it to a key that takes text, such as \`notes\`, indented as the keys around it.`,
      fixes: [],
    };
  }
  const fold = foldFix(r, v, k, run, split, kind === 'text' && !startsWithKey(r.lines, run[0], run[0]) && !nearKeyIn(r.lines, run, k) && !speakerIn(r.lines, run, k));
  return {
    message: `This line seems to continue the text of \`${v.key}\` above it, but it is indented less than \`${v.key}\`, so it is read as a new key, and not one the format knows there. If it continues that text, write the text as a block: \`>\` after \`${v.key}:\`, and every line of the text below it, indented further than \`${v.key}\`` +
      (fold ? ' (the quick fix does this without changing your words).' : '.') + orNearKey(r.lines, run, k) + (fold ? orSpeaker(r.lines, run, k) : ''),
    fixes: fold ? [fold] : [],
  };
}

/** Lines indented less than the lines of a block of text above them: the block going on, as pasted. */
function outdentedInBlock(r: Reading, block: { key: string; header: number; contentColumn: number; empty?: string }, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean): Told {
  const run = runAfter(r.lines, k, indent, fits, blank);
  const last = run[run.length - 1];
  let newText = '';
  for (let l = k + 1; l <= last; l++) newText += r.lines.eol + (blank(l) ? '' : ' '.repeat(block.contentColumn) + r.lines.lineText(l).trim());
  // From the end of the block's last line: the edit adds to the block.
  const edit = { span: { start: r.lines.lineEnd(k), end: r.lines.lineEnd(last) }, newText };
  markContinued(r, run);
  const ok = readsClean(r, edit, block.header, last);
  const preferred = !startsWithKey(r.lines, run[0], run[0]) && !nearKeyIn(r.lines, run, k) && !speakerIn(r.lines, run, k);
  const speaker = ok ? orSpeaker(r.lines, run, k) : '';
  const lines = run.length > 1 ? 'these lines' : 'this line';
  const done = ok ? ' (the quick fix does this without changing your words).' : '.';
  if (block.empty) {
    return {
      message: `This line stands below \`${block.key}: ${block.empty}\` but is not indented further than \`${block.key}\`, so it is read as a new key, not as the text of \`${block.key}\`. If it is that text, indent ${lines} further than \`${block.key}\`` + done + orNearKey(r.lines, run, k) + speaker,
      fixes: ok ? [{ title: `Indent ${lines} as the text of \`${block.key}\``, edits: [edit], preferred }] : [],
    };
  }
  return {
    message: `This line is indented less than the text of \`${block.key}\` above it, so it is read as a new key, not as part of that text. If it continues that text, indent ${lines} as the text above` + done + orNearKey(r.lines, run, k) + speaker,
    fixes: ok ? [{ title: `Indent ${lines} as the text of \`${block.key}\` above`, edits: [edit], preferred }] : [],
  };
}

/** The lines after `k` at `indent` that `fits` accepts, blank lines between them allowed. */
function runAfter(lines: LineIndex, k: number, indent: number, fits: (l: number) => boolean, blank: (l: number) => boolean): number[] {
  const run: number[] = [];
  for (let l = k + 1; l < lines.lineCount; l++) {
    if (blank(l)) continue;
    if (!fits(l) || indentOf(lines.lineText(l)) !== indent) break;
    run.push(l);
  }
  return run;
}

/** The fix that makes the value on line `k` and the lines of `run` one block of text after `>`, if it reads word for word. */
function foldFix(r: Reading, v: ValueLine, k: number, run: number[], split: (l: number) => { body: string; note: string }, preferred: boolean): Fix | undefined {
  const last = run[run.length - 1];
  const body = [v.text];
  const notes = v.note ? [v.note] : [];
  for (let l = k + 1; l <= last; l++) {
    const part = split(l);
    body.push(part.body);
    if (part.note) notes.push(part.note);
  }
  const edit = { span: { start: v.valueStart, end: r.lines.lineEnd(last) }, newText: folded(body, v.keyColumn + 2, notes[0] ?? '', r.lines.eol) };
  // A block holds one note, on the line of its `>`: with more, the fix would make the others text.
  const ok = notes.length <= 1 && readsAs(r, edit, v.valueStart, body.filter((b) => b).join(' '), true);
  return ok ? { title: `Make the lines below \`${v.key}\` part of its text (a block after \`>\`)`, edits: [edit], preferred } : undefined;
}
