/**
 * How a fix writes text that YAML would otherwise misread, without changing a character of it:
 * in quotes, or as a block after `>`. Used by the fixes for a `#` inside text (comment-in-text)
 * and for text that could not be read (yaml-syntax).
 */

/**
 * `text` in quotes, read back exactly as written: double quotes where the text holds no `"` or
 * `\`, else single quotes where it holds no `'`, else double quotes with `\"` and `\\`. Line
 * breaks inside it (a value over several lines) stay as they are: quoted text folds them as plain
 * text does.
 */
export function quoted(text: string): string {
  if (!/["\\]/.test(text)) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Text as a block after `>`: the `>` (and any note, `> # note`) on the key's line, and each line
 * of the text below it, `indent` spaces in. Blank lines stay blank.
 */
export function folded(lines: readonly string[], indent: number, note: string, eol = '\n'): string {
  return `>${note ? ` ${note}` : ''}${lines.map((l) => `${eol}${l.trim() ? ' '.repeat(indent) + l.trim() : ''}`).join('')}`;
}

/**
 * Where the text of a value written on one line ends: before a note (a space, `#` and then a
 * space, another `#` or nothing) and trailing spaces. A `#` followed directly by a letter or digit
 * (`meeting #2`) is taken as text, as the writer meant it; inside opening quotes, so is any `#`.
 */
export function textLength(value: string): number {
  let from = 0;
  if (value[0] === '"' || value[0] === "'") {
    const close = closingQuote(value);
    if (close > 0) from = close + 1;
  }
  const note = /[ \t]#(?![\p{L}\p{N}])/gu;
  note.lastIndex = from;
  const m = note.exec(value);
  return (m ? value.slice(0, m.index) : value).trimEnd().length;
}

/** Where the quote that opens `value` closes, or -1. */
export function closingQuote(value: string): number {
  const q = value[0];
  for (let i = 1; i < value.length; i++) {
    const c = value[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && value[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}
