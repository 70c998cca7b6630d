/**
 * A key indented out of line with the keys around it: deeper than the key above it, between two
 * levels, or left level with the section above it that it belongs to. Told where the key stands,
 * with the fix that lines it up.
 */
import { outlineOf } from '../cursor';
import { plural } from '../text';
import type { LineIndex } from '../lines';
import { propertyOrder } from '../schema-info';
import type { Span, TextEdit } from '../types';
import { keyAbove, keyAt } from './layout';
import type { Reading, Told } from './reader';
import { near, readsClean } from './trial';

/**
 * A key indented out of line with the keys around it, on the slip's line or the next: deeper than
 * a key above it that holds a value (`age` one space in from `pseudonym: Child A`), between two
 * levels (`forum` at 3 where its section's keys are at 4), or a key left level with the section
 * above it that it belongs to (`pseudonym` level with `child:`, so `age` below it cannot be read).
 * Says which key and where it should stand, with the fix that moves it there, where the section
 * then reads; the slips YAML finds further on in that section are this one's doing.
 */
export function misindented(r: Reading, line: number): Told | undefined {
  for (const l of [line, line + 1]) {
    const k = keyAt(r.lines, l);
    if (!k || k.dash) continue;
    const p = keyAbove(r.lines, l);
    if (!p) continue;
    // Each fix writes the key's whole line again, moved: what was read of it before was a misreading.
    const moved = (at: number, indent: number, column: number) => {
      const start = r.lines.lineStart(at);
      const text = r.lines.lineText(at);
      return { span: { start, end: start + text.length }, newText: ' '.repeat(column) + text.slice(indent) };
    };
    const moveTo = (column: number) => moved(l, k.indent, column);
    let told: Told | undefined;
    let edit: TextEdit | undefined;
    if (k.column > p.column && p.value && !/^[|>]/.test(p.value)) {
      const q = keyAbove(r.lines, p.line);
      if (q && !q.dash && q.column === p.column && !q.value) {
        // `pseudonym` left level with `child:`, which opens a section: it belongs under it.
        const by = k.column - p.column;
        edit = moved(p.line, p.indent, p.indent + by);
        if (!belongs(r.lines, p.key, p.line, k.column) || !belongs(r.lines, k.key, p.line, k.column)) continue;
        told = { span: keySpan(r.lines, p), message: `\`${p.key}\` stands level with \`${q.key}\` above it, so it is not read as part of \`${q.key}\`, and \`${k.key}\` below it, indented further, cannot be read. If \`${p.key}\` belongs under \`${q.key}\`, indent it by ${plural(by, 'space')}, as the quick fix does; if not, line \`${k.key}\` up with it.`, fixes: [] };
        if (readsClean(r, edit, q.line, l)) told.fixes.push({ title: `Indent \`${p.key}\` under \`${q.key}\``, edits: [edit], preferred: true });
      } else {
        edit = moveTo(p.column);
        const further = `\`${k.key}\` is indented ${plural(k.column - p.column, 'space')} further than \`${p.key}\` above it, which holds a value, so it cannot be read.`;
        // Lined up with a key of another section, it would be a key that section does not take.
        if (!belongs(r.lines, k.key, l, p.column)) told = { span: keySpan(r.lines, k), message: `${further} Line it up with the keys of the section it belongs to.`, fixes: [] };
        else told = { span: keySpan(r.lines, k), message: `${further} Line \`${k.key}\` up with \`${p.key}\` (the quick fix does).`, fixes: [] };
        if (told.fixes.length === 0 && belongs(r.lines, k.key, l, p.column) && readsClean(r, edit, p.line, l)) told.fixes.push({ title: `Line \`${k.key}\` up with \`${p.key}\``, edits: [edit], preferred: true });
      }
    } else if (k.column < p.column) {
      // The levels open above: each key line less indented than the last, up to the margin.
      const levels: { column: number; key: string }[] = [{ column: p.column, key: p.key }];
      for (let a = keyAbove(r.lines, p.line); a && levels[levels.length - 1].column > 0; a = keyAbove(r.lines, a.line)) {
        if (a.column < levels[levels.length - 1].column) levels.push({ column: a.column, key: a.key });
      }
      if (levels.some((v) => v.column === k.column)) continue;
      const target = [...levels].reverse().find((v) => v.column > k.column);
      if (!target) continue;
      edit = moveTo(target.column);
      const between = `\`${k.key}\` is indented ${plural(k.column, 'space')}, between the levels of the keys around it, so it cannot be read.`;
      const fits = belongs(r.lines, k.key, l, target.column);
      told = { span: keySpan(r.lines, k), message: fits ? `${between} Line it up with the keys of its section, such as \`${target.key}\` above it (the quick fix does).` : `${between} Line it up with the keys of the section it belongs to.`, fixes: [] };
      if (fits && readsClean(r, edit, l, l)) told.fixes.push({ title: `Line \`${k.key}\` up with \`${target.key}\``, edits: [edit], preferred: true });
    }
    if (!told) continue;
    // Told where the key stands: what else YAML says of the line it noticed this on, and, once
    // the key is lined up, of the rest of its section, is this slip's doing.
    const to = told.fixes.length ? near(r.lines, l, l)[1] : l;
    for (const e of r.errorLines) if (e >= line && e <= to) r.consequences.add(e);
    return told;
  }
  return undefined;
}

/** Whether `key`, written on `line` at `column`, is a key of the part of the file it would then stand in. */
function belongs(lines: LineIndex, key: string, line: number, column: number): boolean {
  const place = outlineOf(lines).container(line, column, 'map');
  return !!place && propertyOrder(place).includes(key);
}

function keySpan(lines: LineIndex, k: { line: number; column: number; key: string }): Span {
  const start = lines.lineStart(k.line) + k.column;
  return { start, end: start + k.key.length };
}
