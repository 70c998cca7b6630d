/**
 * A value on its key's line that cannot be read as written: text that begins with a quote mark
 * and goes on past it, text after `>` or `|` on the key's line, text that begins with a character
 * YAML keeps for itself, text with a colon and a space in it. The fixes put the text in quotes, or
 * write it as a block after `>`, changing none of the words.
 */
import { closingQuote, folded, quoted } from '../quoting';
import { DIRECTION_CONTROL, directionControlsIn, directionControlWords } from '../text';
import type { Fix, TextEdit } from '../types';
import { indentOf, type ValueLine } from './layout';
import type { Told } from './reader';
import { readsAs, readsClean, type TrialFile } from './trial';

const DIRECTION_CONTROL_ALL = new RegExp(DIRECTION_CONTROL.source, 'g');
const STUCK = 'the quick fixes do either without changing your words';

/** Why text cannot begin with each character YAML keeps for itself. */
const RESERVED: [RegExp, string, string][] = [
  [/^[@`]/, '', 'the character is kept for other uses'],
  [/^%/, '%', 'it starts an instruction to the reader of the file'],
  [/^\*/, '*', 'it marks a reference to another part of the file'],
  [/^&/, '&', 'it marks a part of the file for reference'],
  [/^-[ \t]/, 'a dash and a space', 'they start a list item, which cannot stand on the key’s line'],
  [/^\?[ \t]/, 'a question mark and a space', 'they start a key'],
  [/^[|>][ \t]*[^\s#]/, '', 'it starts a block of text, whose lines go below it'],
];

export function badValue(f: TrialFile, v: ValueLine): Told | undefined {
  const t = v.text;
  if (t[0] === '"' || t[0] === "'") {
    const close = closingQuote(t);
    const after = close > 0 ? t.slice(close + 1).trim() : '';
    if (!after) return undefined; // an unclosed quote: said elsewhere
    return {
      message: `This text begins with a quote mark, so it is read as ending where the quote closes, and what follows (“${after}”) cannot be read. Write the whole text on the line below after \`>\`, or put it all in quotes: ${STUCK}.`,
      fixes: textFixes(f, v, false),
    };
  }
  const header = blockHeader(f, v);
  if (header) return header;
  for (const [re, shown, why] of RESERVED) {
    if (!re.test(t)) continue;
    const what = shown || t[0];
    return {
      message: `Text cannot begin with ${what} on the key’s line: ${why}. Put the whole text in quotes, or write it on the line below after \`>\`: ${STUCK}.`,
      fixes: textFixes(f, v, !/["\\]/.test(t)),
    };
  }
  const colon = /:(?=[ \t]|$)/.exec(t);
  if (colon) {
    return {
      message: `This text holds a colon followed by a space (after “${t.slice(0, colon.index).trim()}”), which a case file reads as the start of a new key, so the text cannot be read. Put the whole text in quotes, or write it on the line below after \`>\`: ${STUCK}.`,
      fixes: textFixes(f, v, !/["\\]/.test(t)),
    };
  }
  return undefined;
}

/**
 * `key: >` (or `|`) with something after it on the line, the block's own lines below it,
 * indented further than the key. Putting the line in quotes would cut those lines off, so: an
 * invisible direction character after the `>` is removed (`>` then reads as written); text is
 * moved to the block's first line.
 */
function blockHeader(f: TrialFile, v: ValueLine): Told | undefined {
  const m = /^([|>][-+0-9]*)[ \t]*(.*)$/.exec(v.text);
  if (!m || !m[2]) return undefined;
  let below = v.line + 1;
  while (below < f.lines.lineCount && !f.lines.lineText(below).trim()) below++;
  if (below >= f.lines.lineCount || indentOf(f.lines.lineText(below)) <= v.keyColumn) return undefined;
  const found = directionControlsIn(m[2], v.valueStart + v.text.length - m[2].length);
  if (found.length && !m[2].replace(DIRECTION_CONTROL_ALL, '').trim()) {
    const { what, fix } = directionControlWords(found);
    const [from, to] = [found[0].at, found[found.length - 1].at + 1];
    const ok = readsClean(f, { span: { start: from, end: to }, newText: f.text.slice(from, to).replace(DIRECTION_CONTROL_ALL, '') }, v.line, below);
    return {
      message: `The \`${m[1]}\` that starts the text of \`${v.key}\` is followed by ${what} that ${found.length === 1 ? 'changes' : 'change'} the direction text is shown in, so the lines of text below it cannot be read. Remove ${found.length === 1 ? 'it' : 'them'}` + (ok ? ' (the quick fix removes nothing else).' : '.'),
      fixes: ok ? [{ ...fix, preferred: true }] : [],
    };
  }
  // The text after `>`, moved to a line of its own at the head of the lines below it.
  const below0 = f.lines.lineStart(below);
  const indent = indentOf(f.lines.lineText(below));
  const edits: TextEdit[] = [
    { span: { start: v.valueStart + m[1].length, end: v.valueStart + v.text.length }, newText: '' },
    { span: { start: below0, end: below0 }, newText: ' '.repeat(indent) + m[2].trimEnd() + f.lines.eol },
  ];
  const ok = readsClean(f, { span: { start: edits[0].span.start, end: below0 }, newText: f.text.slice(edits[0].span.end, below0) + edits[1].newText }, v.line, below);
  return {
    message: `Text cannot follow \`${m[1]}\` on the key’s line: \`${m[1]}\` starts a block of text whose lines go below it, as the lines below \`${v.key}\` do. Move “${m[2].trim()}” to the first line below` + (ok ? ' (the quick fix does this without changing your words).' : '.'),
    fixes: ok ? [{ title: `Move the text after \`${m[1]}\` to the first line of the text below`, edits, preferred: true }] : [],
  };
}

/** Quote the text, or write it as a block after `>`: each only if the section then reads the text exactly. */
export function textFixes(f: TrialFile, v: ValueLine, quoteFirst: boolean): Fix[] {
  const quote = { span: { start: v.valueStart, end: v.valueStart + v.text.length }, newText: quoted(v.text) };
  const block = { span: { start: v.valueStart, end: f.lines.lineEnd(v.line) }, newText: folded([v.text], v.keyColumn + 2, v.note, f.lines.eol) };
  const fixes: Fix[] = [];
  if (readsAs(f, quote, v.valueStart, v.text, false)) fixes.push({ title: 'Put the whole text in quotes', edits: [quote], preferred: quoteFirst });
  if (readsAs(f, block, v.valueStart, v.text, true)) fixes.push({ title: 'Write the text on the line below, after `>`', edits: [block], preferred: !quoteFirst || !fixes.length });
  return quoteFirst ? fixes : fixes.reverse();
}
