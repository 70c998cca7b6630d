import { indentUnit } from './fixes';
import { formatIso, type DayNumber } from './dates';
import type { CaseDoc, Path } from './document';
import { flowPlace, outlineOf, type FlowPlace, type Outline } from './cursor';
import { agencyMarkdown, AGENCY_ID_PLACES, choicesOf, keyMarkdown } from './hover';
import { agencyIds } from './agencies';
import { otherBoards } from './boards';
import { entries } from './entries';
import { asArray, asRecord, asString, isWritten } from './values';
import { isDatePath, propertyOrder, schemaAt, shapeOf, type SchemaNode } from './schema-info';
import { quoteIfNeeded, sameBoard, shownText } from './text';
import type { Span } from './types';
import { skeleton } from './skeleton';

export interface CompletionEntry {
  label: string;
  kind: 'key' | 'value' | 'agency' | 'board' | 'date' | 'skeleton';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces `span`. */
  text: string;
  /** The same with tab stops (`$1`, `${1|a,b|}`, `$0`) for editors that take snippets. */
  snippet?: string;
  span: Span;
  sortText?: string;
}

const KEY_WORD = /^(\s*)(-\s+)?([A-Za-z_$][\w$-]*)?$/;
const VALUE = /^(\s*)(-\s+)?("[^"]*"|'[^']*'|[A-Za-z_$][\w$-]*)[ \t]*:([ \t]*)(.*)$/;

/**
 * What may be written at `offset`: keys not yet present, values with their meanings, ids, boards,
 * dates, list entries. What each shows of the user's text (a board's or an agency's name) is shown
 * as shownText shows it; what it writes is as written.
 */
export function completionsAt(doc: CaseDoc, offset: number, today: DayNumber): CompletionEntry[] {
  return entriesAt(doc, offset, today).map((e) => ({
    ...e,
    label: shownText(e.label),
    ...(e.detail !== undefined ? { detail: shownText(e.detail) } : {}),
    ...(e.documentation !== undefined ? { documentation: shownText(e.documentation) } : {}),
  }));
}

function entriesAt(doc: CaseDoc, offset: number, today: DayNumber): CompletionEntry[] {
  const { lines } = doc;
  const { line, character } = lines.positionAt(offset);
  const text = lines.lineText(line);
  const prefix = text.slice(0, character);
  const after = text.slice(character);
  if (/(^|\s)#/.test(prefix)) return [];
  const outline = outlineOf(lines);
  const lineStart = lines.lineStart(line);
  const flow = flowPlace(outline, offset);
  if (flow !== undefined) return flow ? flowEntries(doc, flow, today) : [];

  const v = VALUE.exec(prefix);
  if (v) {
    const indent = v[1].length;
    const keyCol = indent + (v[2]?.length ?? 0);
    const holder = v[2] ? itemPath(outline, line, indent) : outline.container(line, keyCol, 'map');
    if (!holder) return [];
    const path = [...holder, v[3].replace(/^["']|["']$/g, '')];
    const typed = v[5];
    const tail = /^[^\s,\]#]*/.exec(after)![0];
    if (/\s/.test(typed.trim())) return [];
    const span = { start: offset - typed.length, end: offset + tail.length };
    // A value needs a space after the colon, and before a comment (`scr# note` would be the value).
    const spaceBefore = v[4] ? '' : ' ';
    const spaceAfter = after.startsWith('#', tail.length) ? ' ' : '';
    return valueEntries(doc, path, today, [], span, false).map((e) => (spaceBefore || spaceAfter ? { ...e, text: spaceBefore + e.text + spaceAfter, snippet: e.snippet && spaceBefore + e.snippet + spaceAfter } : e));
  }

  const k = KEY_WORD.exec(prefix);
  if (!k) return [];
  const indent = k[1].length;
  const word = k[3] ?? '';
  const renaming = /^[\w$-]*[ \t]*:/.test(after);
  const span = { start: offset - word.length, end: offset + /^[\w$-]*/.exec(after)![0].length };
  const eol = lines.eol;
  if (k[2]) {
    // After a dash: the first key of a new entry, or an item of a list of values.
    const item = itemPath(outline, line, indent);
    if (!item) return [];
    const col = indent + k[2].length;
    if (kindOf(schemaAt(item)) !== 'object') {
      // The list's other entries (an id already listed is not offered again).
      const index = item[item.length - 1];
      const others = asArray(doc.get(item.slice(0, -1))).filter((x, i): x is string => i !== index && typeof x === 'string');
      return valueEntries(doc, item, today, others, span, false);
    }
    const skel = renaming ? [] : skeletons(doc, item.slice(0, -1), indent, today, { start: lineStart + indent, end: span.end }, eol);
    return [...keyEntries(item, outline.siblingKeys(line, col, false), col, span, renaming, eol, indentUnit(doc)), ...skel];
  }
  const mapPath = outline.container(line, indent, 'map');
  const above = nearestAbove(outline, line);
  const out: CompletionEntry[] = [];
  const entrySpan = { start: lineStart + indent, end: span.end };
  if (above?.dash === indent) {
    const list = outline.container(line, indent, 'seq');
    if (list && !renaming) out.push(...skeletons(doc, list, indent, today, entrySpan, eol));
  }
  if (!mapPath) return out;
  if (kindOf(schemaAt(mapPath)) === 'array') return renaming ? out : [...out, ...skeletons(doc, mapPath, indent, today, entrySpan, eol)];
  const siblings = outline.siblingKeys(line, indent);
  const written = asRecord(doc.get(mapPath));
  // The section's keys stand at another indentation: a key typed here would not join them.
  if (!siblings.length && !renaming && written && Object.keys(written).length) return out;
  return [...out, ...keyEntries(mapPath, siblings, indent, span, renaming, eol, indentUnit(doc))];
}

/**
 * What may be written inside brackets: the same keys, values and ids as in block style, written
 * as brackets take them (a key's section as `{}`, a board name with a comma in quotes). A list of
 * entries in brackets gets the new entry's template, as in block style, on one line in braces.
 */
function flowEntries(doc: CaseDoc, flow: FlowPlace, today: DayNumber): CompletionEntry[] {
  if (!flow.path) return [];
  const path = [...flow.path, ...flow.inner];
  if (flow.at === 'key') {
    if (kindOf(schemaAt(path)) !== 'object') return [];
    return keyEntries(path, flow.present, 0, flow.span, flow.renaming, doc.lines.eol, indentUnit(doc), true);
  }
  // A new entry of a list of sections: the same template as in block style, on one line in braces.
  if (flow.at === 'item' && kindOf(schemaAt(path)) === 'object') return skeletons(doc, path.slice(0, -1), 0, today, flow.span, doc.lines.eol, true);
  // A value needs a space after its colon (`type:police` is one word), and before a note.
  const before = flow.at === 'value' && doc.text[flow.span.start - 1] === ':' ? ' ' : '';
  const after = doc.text[flow.span.end] === '#' ? ' ' : '';
  return valueEntries(doc, path, today, flow.present, flow.span, true).map((e) => (before || after ? { ...e, text: before + e.text + after, snippet: e.snippet && before + e.snippet + after } : e));
}

function itemPath(outline: Outline, line: number, dash: number): Path | undefined {
  const list = outline.container(line, dash, 'seq');
  return list && [...list, outline.itemIndex(line, dash)];
}

function nearestAbove(outline: Outline, line: number) {
  for (let i = line - 1; i >= 0; i--) if (!outline.shape(i).blank) return outline.shape(i);
  return undefined;
}

export function kindOf(node: SchemaNode | undefined): 'object' | 'array' | 'scalar' | undefined {
  if (!node) return undefined;
  const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : [];
  if (types.includes('object') || node.properties) return 'object';
  if (types.includes('array') || node.items) return 'array';
  return 'scalar';
}

function keyEntries(mapPath: Path, present: string[], col: number, span: Span, renaming: boolean, eol: string, unit: number, inFlow = false): CompletionEntry[] {
  const order = propertyOrder(mapPath);
  return order.filter((key) => !present.includes(key)).map((key, i) => {
    const path = [...mapPath, key];
    const node = schemaAt(path);
    const kind = kindOf(node);
    const title = schemaAt(path)?.title;
    const inner = ' '.repeat(col + unit);
    let text = `${key}: `;
    let snippet = `${key}: $0`;
    if (renaming) text = snippet = key;
    // Inside brackets a section or list goes on the key's line, in brackets of its own.
    else if (kind === 'object' && inFlow) [text, snippet] = [`${key}: {}`, `${key}: { $1 }`];
    else if (kind === 'array' && inFlow) [text, snippet] = [`${key}: []`, `${key}: [$1]`];
    else if (kind === 'object') text = snippet = `${key}:${eol}${inner}`;
    else if (kind === 'array' && kindOf(schemaAt([...path, 0])) === 'object') text = snippet = `${key}:${eol}${inner}- `;
    else if (kind === 'array') [text, snippet] = [`${key}: []`, `${key}: [$1]`];
    else {
      const choices = choicesOf(node);
      if (choices.length > 1) snippet = `${key}: \${1|${choices.map((c) => c.value.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`;
      else if (node?.type === 'boolean') snippet = `${key}: \${1|true,false|}`;
    }
    return { label: key, kind: 'key' as const, detail: title, documentation: keyMarkdown(path), text, snippet, span, sortText: String(i).padStart(3, '0') };
  });
}

function skeletons(doc: CaseDoc, listPath: Path, col: number, today: DayNumber, span: Span, eol: string, inFlow = false): CompletionEntry[] {
  const item = schemaAt([...listPath, 0]);
  if (kindOf(item) !== 'object') return [];
  const s = skeleton(doc, listPath, col, today, eol, inFlow);
  if (!s) return [];
  const title = (item?.title ?? 'entry').toLowerCase();
  return [{ label: `New ${title}`, kind: 'skeleton', detail: `A ${title} entry with the keys it needs`, documentation: keyMarkdown([...listPath, 0]), text: s.text, snippet: s.snippet, span, sortText: ' ' }];
}

function valueEntries(doc: CaseDoc, path: Path, today: DayNumber, present: string[], span: Span, inFlow: boolean): CompletionEntry[] {
  const shape = shapeOf(path);
  if (AGENCY_ID_PLACES.has(shape) && shape !== 'agencies.[].id') {
    return [...agencyIds(doc).entries()].filter(([id]) => !present.includes(id)).map(([id, e]) => ({
      label: id, kind: 'agency' as const, detail: asString(e.data.name), documentation: agencyMarkdown(doc, id), text: id, span,
    }));
  }
  if (shape === 'neighbouringBoards.[].board') {
    const checks = entries(doc, ['neighbouringBoards']);
    return otherBoards(doc).map((b, i) => {
      const checked = checks.some((c) => sameBoard(c.data.board, b.board));
      return { label: b.board, kind: 'board' as const, detail: checked ? 'From the address history (already checked)' : 'From the address history', text: quoteIfNeeded(b.board, inFlow), span, sortText: `${checked ? 1 : 0}${i}` };
    });
  }
  if (shape === 'family.addresses.[].board') {
    return boardsWritten(doc, path).map((b, i) => ({ label: b.board, kind: 'board' as const, detail: b.own ? 'Your board (`board` under `case`)' : 'From the address history', text: quoteIfNeeded(b.board, inFlow), span, sortText: String(i).padStart(3, '0') }));
  }
  if (isDatePath(path)) return [{ label: formatIso(today), kind: 'date', detail: 'Today', text: formatIso(today), span }];
  const node = schemaAt(path);
  const choices = choicesOf(node);
  if (choices.length) return choices.map((c, i) => ({ label: c.value, kind: 'value' as const, detail: node?.title, documentation: c.meaning, text: c.value, span, sortText: String(i).padStart(3, '0') }));
  if (node?.type === 'boolean') return ['true', 'false'].map((b) => ({ label: b, kind: 'value' as const, detail: node.title, text: b, span }));
  return [];
}


/**
 * The boards already written in the file, each once, for the board of an address at `path`: the
 * case's own board first, then those of the other addresses. Words still to be completed are no
 * board, and the address's own board is what is being written.
 */
function boardsWritten(doc: CaseDoc, path: Path): { board: string; own: boolean }[] {
  const out: { board: string; own: boolean }[] = [];
  const add = (v: unknown, own: boolean) => {
    const b = asString(v)?.trim();
    if (b && isWritten(b) && !out.some((o) => sameBoard(o.board, b))) out.push({ board: b, own });
  };
  add(doc.get(['case', 'board']), true);
  const here = path[path.length - 2];
  for (const e of entries(doc, ['family', 'addresses'])) if (e.path[e.path.length - 1] !== here) add(e.data.board, false);
  return out;
}
