import type { Analysis } from './analyse';
import { dateProblem, describeElapsed, elapsed, formatLong, parseDate, type DayNumber } from './dates';
import type { CaseDoc, Path } from './document';
import { nodeAt } from './locate';
import { agencyIds } from './agencies';
import { asRecord, asString } from './values';
import { describeTiming } from './overview';
import { QUESTIONS, STATUS_SYMBOL, STATUS_WORDS } from './qm2';
import { RULES_BY_ID } from './rules/index';
import { isDatePath, schemaAt, shapeOf, type SchemaNode } from './schema-info';
import { isPlaceholder, listWords, plural, shownText } from './text';
import { notificationClock } from './timing';
import type { Question, Span } from './types';

/** What a hover shows: short Markdown, and the text it is about. */
export interface HoverInfo {
  markdown: string;
  span: Span;
}

/**
 * The hover at `offset`: guidance on a key, the meaning of a value, a date in context, an agency,
 * the checklist. The user's text in it is shown as shownText shows it.
 */
export function hoverAt(a: Analysis, offset: number): HoverInfo | undefined {
  const h = hoverOf(a, offset);
  return h && { ...h, markdown: shownText(h.markdown) };
}

function hoverOf(a: Analysis, offset: number): HoverInfo | undefined {
  const waiver = waiverHover(a.doc, offset);
  if (waiver) return waiver;
  const hit = nodeAt(a.doc, offset);
  if (!hit) return undefined;
  const { path, span } = hit;
  const shape = shapeOf(path);
  if (hit.part === 'key') {
    if (shape === 'decision') return { markdown: decisionMarkdown(a), span };
    const md = keyMarkdown(path);
    return md ? { markdown: md, span } : undefined;
  }
  if (AGENCY_ID_PLACES.has(shape) && typeof hit.value === 'string') return { markdown: agencyMarkdown(a.doc, hit.value), span };
  if (isDatePath(path)) return { markdown: dateMarkdown(a, path, hit.value), span };
  const md = enumMarkdown(path, hit.value);
  return md ? { markdown: md, span } : undefined;
}

/** Places that hold an agency id: its declaration and its uses. */
export const AGENCY_ID_PLACES = new Set(['agencies.[].id', 'meetings.[].agencies.[]', 'agencyInput.[].agency']);

/** "QM2 question 4 (Inter-agency discussion)": the questions a key evidences, from the schema's x-qm2. */
export function questionsLine(questions: readonly number[]): string | undefined {
  const qs = questions.filter((q): q is Question => q in QUESTIONS);
  if (!qs.length) return undefined;
  return `QM2 ${qs.length === 1 ? 'question' : 'questions'} ${listWords(qs.map((q) => `${q} (${QUESTIONS[q].short})`), 'and')}`;
}

/** What a key records, which QM2 question it evidences and what good looks like: the schema's own words. */
export function keyMarkdown(path: Path): string | undefined {
  const node = schemaAt(path);
  if (!node) return undefined;
  const body = node.markdownDescription ?? node.description;
  const qs = questionsLine(node['x-qm2'] ?? []);
  return [`**${node.title ?? String(path[path.length - 1])}**${qs ? ` · ${qs}` : ''}`, body].filter(Boolean).join('\n\n');
}

/** The choices of a key with a fixed set of values, each with its meaning. */
export function choicesOf(node: SchemaNode | undefined): { value: string; meaning?: string }[] {
  const values = node?.enum ?? (node?.const !== undefined ? [node.const] : []);
  return values.filter((v) => typeof v === 'string' || typeof v === 'number').map((v, i) => ({ value: String(v), meaning: node?.markdownEnumDescriptions?.[i] }));
}

function enumMarkdown(path: Path, value: unknown): string | undefined {
  const node = schemaAt(path);
  const choices = choicesOf(node);
  if (!choices.length || value === null || value === undefined) return undefined;
  const shown = value === true ? 'yes' : value === false ? 'no' : String(value);
  const title = node?.title ?? String(path[path.length - 1]);
  if (isPlaceholder(value)) return `Not yet: still to be completed. The choices for ${title.toLowerCase()}: ${listWords(choices.map((x) => `\`${x.value}\``))}.`;
  const c = choices.find((x) => x.value === shown);
  if (c) return `**${c.value}** (${title.toLowerCase()})${c.meaning ? `\n\n${c.meaning}` : ''}`;
  return `\`${shown}\` is not one of the choices for ${title.toLowerCase()}: ${listWords(choices.map((x) => `\`${x.value}\``))}.`;
}

function dateMarkdown(a: Analysis, path: Path, value: unknown): string {
  const day = parseDate(value);
  // Left by a quick fix for the reviewer to write: no date yet, not a date written wrongly.
  if (isPlaceholder(value)) return 'Not yet: still to be completed. Write the date here as year-month-day (YYYY-MM-DD), for example 2016-01-14.';
  if (day === undefined) return value === null || value === undefined ? 'Not yet.' : dateProblem(value)!;
  const lines = [`**${formatLong(day)}**`];
  const shape = shapeOf(path);
  const at = (...p: Path) => parseDate(a.doc.get(p));
  const item = path.slice(0, -1);
  if (shape === 'referral.date' || shape === 'decision.date') {
    const t = describeTiming(a);
    if (t) lines.push(t);
  } else if (shape === 'case.incident.knownOn') lines.push(relation(at('case', 'incident', 'date'), day, 'the incident'));
  else if (shape === 'referral.notifications.[].date') {
    const clock = notificationClock(a.doc);
    lines.push(relation(clock?.day, day, clock?.knownOn ? 'the local authority knew of the incident' : 'the incident'));
  }
  else if (shape.endsWith('.received')) lines.push(relation(at(...item, 'requested'), day, 'the request'));
  else if (shape === 'decision.communicated.[].date') lines.push(relation(a.timing.decision, day, 'the decision'));
  else if (!shape.startsWith('case.') && !shape.startsWith('family.')) {
    lines.push(relation(a.timing.referral, day, 'the referral'));
    if (a.timing.decision !== undefined) lines.push(relation(a.timing.decision, day, 'the decision'));
  }
  return lines.filter(Boolean).join('\n\n');
}

/** "8 working days (10 calendar days) after the request", or how long before it. */
function relation(from: DayNumber | undefined, to: DayNumber, what: string): string {
  if (from === undefined) return '';
  if (to === from) return `The same day as ${what}.`;
  if (to < from) return `${plural(from - to, 'calendar day')} before ${what}.`;
  const e = elapsed(from, to);
  return `${describeElapsed(e)} after ${what}.`;
}

/** An agency's name, type and data-return status, wherever its id is used. */
export function agencyMarkdown(doc: CaseDoc, id: string): string {
  const entry = agencyIds(doc).get(id);
  if (!entry) return `No agency with the id \`${id}\` is declared under \`agencies\`.`;
  const d = entry.data;
  const type = asString(d.type);
  const typeMeaning = choicesOf(schemaAt(['agencies', 0, 'type'])).find((c) => c.value === type)?.meaning;
  const md = asRecord(d.minimumData);
  const requested = parseDate(md?.requested);
  const received = parseDate(md?.received);
  const data = requested === undefined ? 'not yet requested.'
    : received === undefined ? `requested ${formatLong(requested)}; not yet received.`
    : `requested ${formatLong(requested)}, received ${formatLong(received)}.`;
  return [
    `**${asString(d.name) ?? id}** (\`${id}\`)`,
    type ? `Type: ${type}${typeMeaning ? ` (${typeMeaning.replace(/\.$/, '')})` : ''}.` : 'Type: not recorded.',
    `Involvement: ${asString(d.involvement) ?? 'not recorded'}. Minimum data: ${data}`,
  ].join('\n\n');
}

/** The QM2 checklist, question by question: the same result the preview and the command line show. */
function decisionMarkdown(a: Analysis): string {
  const rows = a.checklist.map((i) => `- ${STATUS_SYMBOL[i.status]} **Q${i.question} ${QUESTIONS[i.question].short}**: ${STATUS_WORDS[i.status]}. ${i.summary}`);
  const outcome = asString(a.doc.get(['decision', 'outcome']));
  return [`**Decision**${outcome ? `: \`${outcome}\`` : ''}`, `**QM2 checklist** (${checklistLine(a)})`, rows.join('\n')].join('\n\n');
}

function checklistLine(a: Analysis): string {
  const applicable = a.checklist.filter((i) => i.status !== 'not-applicable');
  return `${applicable.filter((i) => i.status === 'met').length} of ${applicable.length} met`;
}

const WAIVER_ID = /#\s*scr-waive\s+([A-Za-z0-9_-]+)/;

function waiverHover(doc: CaseDoc, offset: number): HoverInfo | undefined {
  const line = doc.lines.lineOf(offset);
  const text = doc.lines.lineText(line);
  const m = WAIVER_ID.exec(text);
  if (!m) return undefined;
  const start = doc.lines.lineStart(line) + m.index + m[0].length - m[1].length;
  if (offset < start || offset > start + m[1].length) return undefined;
  const rule = RULES_BY_ID.get(m[1]);
  const span = { start, end: start + m[1].length };
  if (!rule) return { markdown: `\`${m[1]}\` is not a rule, so this waiver waives nothing.`, span };
  const qs = questionsLine(rule.questions);
  return { markdown: [`**${rule.title}** (\`${rule.id}\`)${qs ? ` · ${qs}` : ''}`, rule.description, 'Waived here: its finding on the line below is not reported.'].join('\n\n'), span };
}
