import { isMap, isSeq, type Node } from 'yaml';
import type { CaseDoc, Path } from './document';
import { once } from './once';
import { schemaAt } from './schema-info';
import type { Question, Span } from './types';
import { placeQuestions } from './unfinished';
import { asArray, asRecord } from './values';

/**
 * An entry of a list of sections that cannot be read: written as something other than a section
 * (the format check reports it), or holding a slip in how it is written (yaml-syntax reports it),
 * so that what was read of it may not be what it says. `ordinal`: its place among the entries as
 * written, from 1; 0 where the slip leaves the whole list unread. `span`: all of its text.
 */
export interface UnreadEntry {
  ordinal: number;
  span: Span;
}

/** The entries of the list at `path` that cannot be read (see UnreadEntry), in the order written. */
export function unreadEntries(doc: CaseDoc, path: Path): readonly UnreadEntry[] {
  return once(doc, `unread\u0000${path.join('\u0000')}`, () => Object.freeze(findUnread(doc, path)));
}

/**
 * The slips in the top-level section `top` (where each starts), with the section's text: none
 * unless the section is read with a slip (see CaseDoc.broken), which it is only as far as it goes.
 */
function slipsInSection(doc: CaseDoc, top: string): { section: Span; slips: number[] } | undefined {
  if (!doc.broken.length || !doc.has([top])) return undefined;
  const keyAt = doc.keySpan([top]).start;
  const section = doc.broken.find((b) => keyAt >= b.start && keyAt < b.end);
  if (!section) return undefined;
  const slips = doc.syntax.map((s) => s.span.start).filter((at) => at >= section.start && at < section.end);
  return slips.length ? { section, slips } : undefined;
}

/**
 * A part of a section that is not a list (`criteria`, `decision`) holding a slip, so that what was
 * read of it may not be what it says. `key`: the part (a key of the section) the slip stands in
 * (`within`), or the key a line of its own names (`seriousHarm; true`); `after`: for a line that
 * names no key the format has there, the key it follows (absent before the first); `questions`: what the part bears on
 * (as for a place still to be completed); `span`: the part's text, slip included.
 */
export interface SlipInPart {
  top: string;
  within: boolean;
  key?: string;
  after?: string;
  questions: Question[];
  span: Span;
}

/**
 * The slips in the sections of the file that are not lists, each with the part it stands in and
 * the QM2 questions that part bears on. A slip in a list (in an entry, or in a list inside a
 * section, such as the family's addresses) is told entry by entry instead (unreadEntries).
 */
export function slipsInParts(doc: CaseDoc): readonly SlipInPart[] {
  return once(doc, 'slipsInParts', () => {
    const out: SlipInPart[] = [];
    const root = asRecord(doc.get([])) ?? {};
    const { lines } = doc;
    for (const top of Object.keys(root)) {
      if (schemaAt([top])?.type !== 'object') continue;
      const held = slipsInSection(doc, top);
      if (!held) continue;
      const map = doc.node([top]);
      const pairs = isMap(map) ? map.items.flatMap((p) => {
        const k = p.key as Node | null;
        return k?.range && typeof (k as { value?: unknown }).value === 'string' ? [{ key: (k as { value: string }).value, at: k.range[0] }] : [];
      }) : [];
      const keyCol = pairs.length ? pairs[0]!.at - lines.lineStart(lines.lineOf(pairs[0]!.at)) : undefined;
      for (const at of held.slips) {
        const k = pairs.reduce<number>((best, p, i) => (p.at <= at ? i : best), -1);
        const line = lines.lineOf(at);
        const text = lines.lineText(line);
        const lead = text.length - text.trimStart().length;
        // Deeper than the section's keys: within the part above. Otherwise a line of its own, which
        // may be a key written wrongly (`seriousHarm; true`): the key it names, where the format has one.
        const within = k >= 0 && keyCol !== undefined && (lead > keyCol || lines.lineOf(pairs[k]!.at) === line);
        const named = within ? undefined : /^[A-Za-z]+/.exec(text.trimStart())?.[0];
        const key = within ? pairs[k]!.key : named && schemaAt([top, named]) && !pairs.some((p) => p.key === named) ? named : undefined;
        // A list inside the section is told entry by entry.
        if (key !== undefined && schemaAt([top, key])?.type === 'array') continue;
        const after = key === undefined && k >= 0 ? pairs[k]!.key : undefined;
        const start = within ? pairs[k]!.at : lines.lineStart(line);
        const next = pairs.find((p) => p.at > at)?.at ?? held.section.end;
        out.push({ top, within, ...(key !== undefined ? { key } : {}), ...(after !== undefined ? { after } : {}),
          questions: placeQuestions(key !== undefined ? [top, key] : after !== undefined ? [top, after] : [top]),
          span: { start, end: Math.max(next, start + 1) } });
      }
    }
    return Object.freeze(out);
  });
}

function findUnread(doc: CaseDoc, path: Path): UnreadEntry[] {
  const items = asArray(doc.get(path));
  const extent = (i: number): Span => {
    const r = doc.node([...path, i])?.range;
    return r ? { start: r[0], end: Math.max(r[1], r[0] + 1) } : doc.spanOf([...path, i]);
  };
  const notSections = items.flatMap((v, i) => (asRecord(v) ? [] : [{ ordinal: i + 1, span: extent(i) }]));
  const held = slipsInSection(doc, path[0] as string);
  if (!held) return notSections;
  const { section, slips } = held;
  const whole = [{ ordinal: 0, span: section }];
  const seq = doc.node(path);
  const first = (isSeq(seq) ? (seq.items[0] as Node | null | undefined) : undefined)?.range?.[0];
  if (first === undefined) return whole;
  // The entries as written: the lines that start with a dash lined up with the first entry's.
  const { lines } = doc;
  const firstLine = lines.lineOf(first);
  const col = lines.lineText(firstLine).lastIndexOf('-', first - lines.lineStart(firstLine));
  if (col < 0 || lines.lineText(firstLine).slice(0, col).trim()) return whole; // a list in brackets
  const starts: number[] = [];
  let end = section.end;
  for (let line = firstLine; line < lines.lineCount && lines.lineStart(line) < section.end; line++) {
    const text = lines.lineText(line);
    const lead = text.length - text.trimStart().length;
    if (lead === col && /^-(\s|$)/.test(text.slice(col))) starts.push(lines.lineStart(line) + col);
    else if (line > firstLine && lead < col && text.trim() && !text.trimStart().startsWith('#')) {
      end = lines.lineStart(line);
      break;
    }
  }
  const spanOfItem = (k: number): Span => ({ start: starts[k]!, end: starts[k + 1] ?? end });
  if (slips.some((at) => at < starts[0]!)) return whole;
  const out = new Map<number, UnreadEntry>();
  for (let k = 0; k < starts.length; k++) {
    const span = spanOfItem(k);
    if (slips.some((at) => at >= span.start && at < span.end)) out.set(k, { ordinal: k + 1, span });
  }
  // An entry read as something other than a section: named by its place as written.
  for (const n of notSections) {
    const k = starts.findIndex((_, j) => n.span.start >= spanOfItem(j).start && n.span.start < spanOfItem(j).end);
    if (k >= 0 && !out.has(k)) out.set(k, { ordinal: k + 1, span: spanOfItem(k) });
  }
  return [...out.values()].sort((a, b) => a.ordinal - b.ordinal);
}
