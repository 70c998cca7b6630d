import { validateCase } from '../generated/validate-case';
import type { AjvError } from '../generated/validators';
import type { CaseDoc, Path } from '../document';
import { fix, spellingFix, type Rule, type RuleContext } from '../rule';
import { insertProperty, renameKey, replaceValue } from '../fixes';
import { AGENCY_ID, isDatePath, propertyOrder, schemaAt, shapeOf, titleAt, withoutBranchErrors, type SchemaNode } from '../schema-info';
import { isBlank, isPlaceholder, listWords, nearest, ownEntry, slugOf } from '../text';
import { agenciesToComplete, placeholderFor, requestDate } from '../placeholders';
import { agenciesNamedBy, agencyIds, agencyLabel } from '../agencies';
import { asRecord, asString } from '../values';
import { emptiedByNote } from './comment-in-text';
import { nodeAt } from '../locate';
import { slipReaderFor } from '../slips/reader';
import { formatLong, ordinalSuffix, parseDate } from '../dates';
import type { Fix, Question, Span } from '../types';

/**
 * Places where a QM2 rule reports the same gap with a better message and fix: the schema's own
 * finding there is dropped (one problem, one finding). The schema still states the requirement,
 * for other editors that read it.
 */
const COVERED_BY_RULES: RegExp[] = [
  /^criteria$/,
  /^criteria\.(abuseOrNeglect|childDied|seriousHarm|concernsAboutWorkingTogether)$/,
  /^criteria\.[A-Za-z]+\.(evidence|finding)$/,
  /^decision\.(rationale|nature|alternative)$/,
  /^agencies$/,
];

/** Keys a QM2 rule reports when they are written but left empty (not when they hold a wrong value). */
const COVERED_WHEN_EMPTY: RegExp[] = [
  ...COVERED_BY_RULES,
  /^decision\.delayReason$/,
  /^considerations(\.[A-Za-z]+)?$/,
  /^agencies\.minimumData(\.(summary|requested))?$/,
  /^meetings\.recommendation(\.outcome)?$/,
  /^(context|learning|challenge|agencyInput|meetings|neighbouringBoards)$/,
];

/**
 * Whether a QM2 rule reports what the schema found at `path`, so the schema's finding is dropped.
 * criteria-incomplete speaks only of criteria the statutory test needs: on any other criterion
 * (serious harm written for a child who died), the schema's finding on a missing finding stands.
 */
function covered(ctx: RuleContext, path: Path, patterns: readonly RegExp[]): boolean {
  if (!patterns.some((r) => r.test(shape(path)))) return false;
  // criteria-evidence speaks of the evidence of every criterion with a finding.
  if (path[0] !== 'criteria' || path.length < 2 || path[2] === 'evidence') return true;
  return ctx.test.needed.includes(path[1] as never);
}

export function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function shape(path: Path): string {
  return path.filter((s) => typeof s !== 'number').join('.');
}

/**
 * Where something is, in the words of the file's reader: "the “Decision” section (`decision`)",
 * "agency “police”", "the meeting of 3 March 2016", "the “Minimum data return” section
 * (`minimumData`) of agency “Northshire Police”", "the “Child” section (`child`, under `case`)",
 * "the second agency under `agencies`". Never a path or a count from 0.
 */
export function placeName(doc: CaseDoc, path: Path): string {
  if (path.length === 0) return 'the case file';
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const item = asRecord(doc.get(path));
    const list = shapeOf(path.slice(0, -1));
    const noun = ownEntry(ITEM_NOUNS, list) ?? `entry in ${titleAt(path.slice(0, -1)).toLowerCase()}`;
    // Words still to be completed name nothing yet.
    const text = (k: string) => { const v = asString(item?.[k])?.trim(); return v && !isPlaceholder(v) ? v : undefined; };
    const day = parseDate(item?.date);
    const named = text('name') ?? text('id') ?? text('board') ?? text('reference') ?? text('topic');
    if (named) return `${noun} “${named}”`;
    if (text('agency')) return `${noun} from ${agencyLabel(doc, text('agency'))}${day !== undefined ? ` on ${formatLong(day)}` : ''}`;
    if (day !== undefined) return `${noun} of ${formatLong(day)}`;
    return `the ${ordinal(last + 1)} ${ownEntry(ITEM_WORDS, list) ?? 'entry'} under \`${String(path[path.length - 2])}\``;
  }
  const here = `the “${titleAt(path)}” section (\`${String(last)}\``;
  // The list entry it belongs to, named; else the section it is written under.
  const item = path.reduce<number>((at, s, i) => (typeof s === 'number' ? i : at), -1);
  if (item >= 0) return `${here}) of ${placeName(doc, path.slice(0, item + 1))}`;
  return path.length > 1 ? `${here}, under \`${String(path[path.length - 2])}\`)` : `${here})`;
}

/**
 * The entry or section a position falls in, in words (“agency “Northshire GP””, “the “Decision”
 * section (`decision`)”): where a report names a finding's place without a line number.
 */
export function placeAt(doc: CaseDoc, offset: number): string {
  const path = nodeAt(doc, offset)?.path ?? [];
  // The innermost part that holds keys of its own: a section, or an entry in a list.
  let end = 1;
  for (let i = 2; i <= path.length; i++) if (asRecord(doc.get(path.slice(0, i)))) end = i;
  return placeName(doc, path.slice(0, end));
}

/** "first" … "tenth", then "11th": an entry's place in its list, counted as people count. */
function ordinal(n: number): string {
  const words = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
  if (n >= 1 && n <= words.length) return words[n - 1];
  return `${n}${ordinalSuffix(n)}`;
}

/** What one entry of each list is called in messages. */
const ITEM_NOUNS: Readonly<Record<string, string>> = {
  agencies: 'agency',
  meetings: 'the meeting',
  neighbouringBoards: 'the check with',
  'family.addresses': 'the address in',
  context: 'the context',
  learning: 'the learning reference',
  challenge: 'the challenge',
  agencyInput: 'the input',
  'referral.notifications': 'the notification',
  'decision.communicated': 'the entry under `communicated`',
  'considerations.parallelProcesses': 'the parallel process',
};

/** An entry of each list, where it has nothing to name it by: "the second agency under `agencies`". */
const ITEM_WORDS: Readonly<Record<string, string>> = {
  agencies: 'agency',
  meetings: 'meeting',
  neighbouringBoards: 'check',
  'family.addresses': 'address',
  context: 'entry',
  learning: 'learning reference',
  challenge: 'challenge',
  agencyInput: 'input',
  'referral.notifications': 'notification',
  'decision.communicated': 'entry',
  'considerations.parallelProcesses': 'parallel process',
};

const TYPE_WORDS: Record<string, string> = { string: 'text', object: 'a section, with its parts on the lines below it, indented', array: 'a list', integer: 'a whole number', number: 'a number', boolean: 'true or false' };

/** What kinds of value the schema allows, in words: "text", "text or a list of texts". */
function typeWords(node: SchemaNode | undefined): string {
  const words = (node?.anyOf ?? [node]).flatMap((branch) => {
    const t = branch?.type;
    const types = (Array.isArray(t) ? t : t ? [t] : []).filter((x) => x !== 'null');
    return types.map((x) => {
      if (x === 'array' && branch?.items?.type === 'string') return 'a list of texts';
      // A section: say what goes in it, as the file shows it.
      const first = x === 'object' ? Object.keys(branch?.properties ?? {})[0] : undefined;
      if (first) return `a section, with its parts (such as \`${first}:\`) on the lines below it, indented`;
      return TYPE_WORDS[x] ?? x;
    });
  });
  return words.length ? listWords(words, 'or') : 'a different kind of value';
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a section';
  return `“${String(v)}”`;
}

/** A value with the curly quotes (“ ” ‘ ’) around it taken off; undefined when there are none. */
export function withoutCurlyQuotes(value: string): string | undefined {
  const m = /^\s*[“”‘’]+\s*(.*?)\s*[“”‘’]+\s*$/s.exec(value);
  return m ? m[1] : undefined;
}

/**
 * A choice or an id written in curly quotes (`“suspected”`): said plainly, with a correction that
 * takes them off.
 */
function reportCurlyQuotes(ctx: RuleContext, path: Path, unquoted: string, kind: 'choice' | 'id'): void {
  const { doc } = ctx;
  const edit = replaceValue(doc, path, unquoted);
  const what = kind === 'id' ? 'an id' : 'one of the choices';
  ctx.report({
    span: doc.spanOf(path),
    message:
      `${cap(titleAt(path))} is written in curly quotes, as a word processor makes them (“${unquoted}” with its quote marks). ` +
      `In a case file those quote marks are part of the value, so it is not read as \`${unquoted}\`, ${what}. ` +
      `Remove the curly quotes (the quick fix does): ${kind === 'id' ? 'an id' : 'a choice'} needs no quotes.`,
    fixes: edit ? [{ title: `Remove the curly quotes: \`${unquoted}\``, edits: [edit], preferred: true, correction: 'quotes' }] : [],
  });
}

/** The value at `path` in words, a single value quoted as written (`0x1F`, not the 31 YAML makes of it). */
function describeWritten(doc: CaseDoc, path: Path): string {
  const v = doc.get(path);
  // Text is quoted as it reads (without its quote marks); a number or a date, as it was written.
  if (v === null || v === undefined || typeof v === 'object' || typeof v === 'string') return describeValue(v);
  const span = doc.spanOf(path);
  const written = doc.text.slice(span.start, span.end).trim();
  return written && !written.includes('\n') ? `“${written}”` : describeValue(v);
}

/**
 * The QM2 questions a key evidences (the schema's `x-qm2`): a finding on its value, or on its
 * absence, holds them back, as the checklist lists it (a `criteriaMet` that is not true or false
 * stands under question 7). A key the format does not know evidences none.
 */
function questionsOf(path: Path): Question[] {
  return (schemaAt(path)?.['x-qm2'] ?? []).filter((q): q is Question => Number.isInteger(q) && q >= 1 && q <= 9);
}

/** Turns one ajv error into a plain finding (or nothing, where a rule covers it). */
function report(rule: RuleContext, err: AjvError): void {
  const path = pointerToPath(err.instancePath);
  const key = err.keyword === 'required' ? [...path, String(err.params.missingProperty)] : err.keyword === 'additionalProperties' ? undefined : path;
  const questions = key ? questionsOf(key) : [];
  const ctx: RuleContext = { ...rule, report: (r) => rule.report({ questions, ...r }) };
  const { doc } = ctx;
  // Words left to complete (“To be completed. Meeting date (YYYY-MM-DD).”) are not yet the value:
  // to-complete reports them, and the format is checked once they are replaced.
  if (err.keyword !== 'required' && err.keyword !== 'additionalProperties' && isPlaceholder(doc.get(path))) return;
  switch (err.keyword) {
    case 'required': {
      const key = String(err.params.missingProperty);
      const full = [...path, key];
      if (covered(ctx, full, COVERED_BY_RULES)) return;
      const title = titleAt(full);
      const fixes: Fix[] = [];
      // An answer already dated (a return received) puts today's request after it.
      const answered = parseDate(asRecord(doc.get(path))?.received);
      const values = agencyIdValues(doc, full) ?? placeholderFor(full, requestDate(ctx.timing, ctx.today, answered));
      for (const value of values) {
        const edit = insertProperty(doc, path, key, value);
        // Where the format offers choices (outcome, yes or no, which agency), the reviewer picks:
        // "Fix all" takes none of them.
        if (edit) fixes.push({ title: `Add \`${key}\``, edits: [edit], preferred: values.length === 1 });
      }
      ctx.report({
        span: doc.keySpan(path),
        message: `“${title}” (\`${key}\`) is missing from ${placeName(doc, path)}. Add it.`,
        fixes: dedupeTitles(fixes, key),
      });
      return;
    }
    case 'additionalProperties': {
      const key = String(err.params.additionalProperty);
      const known = propertyOrder(path).filter((k) => k !== key);
      // A key already written here is no suggestion: renaming to it would write it twice.
      const here = doc.get(path);
      const written = (k: string) => here !== null && typeof here === 'object' && Object.prototype.hasOwnProperty.call(here, k);
      const guess = nearest(key, known.filter((k) => !written(k)));
      // Text pasted below a value of text, a line with a colon in it, left where the editor put it.
      const keySpan = doc.keySpan([...path, key]);
      const pasted = guess ? undefined : slipReaderFor(doc).continues(doc.lines.lineOf(keySpan.start));
      if (pasted) {
        ctx.report({ span: keySpan, message: pasted.message, fixes: pasted.fixes });
        return;
      }
      ctx.report({
        span: doc.keySpan([...path, key]),
        message:
          `\`${key}\` is not a key the case file format knows in ${placeName(doc, path)}.` +
          (guess ? ` Did you mean \`${guess}\`?` : ` Keys allowed here: ${known.map((k) => `\`${k}\``).join(', ')}. Put your own remarks under \`notes\`.`),
        fixes: guess ? spellingFix(guess, renameKey(doc, [...path, key], guess)) : [],
      });
      return;
    }
    case 'enum': {
      const allowed = (err.params.allowedValues as unknown[]).filter((v): v is string => typeof v === 'string');
      const value = doc.get(path);
      if (isBlank(value) && covered(ctx, path, COVERED_WHEN_EMPTY)) return;
      // Curly quotes around a choice, as a word processor makes them (`“suspected”`), are part of
      // the value in a case file: said plainly, with a correction that takes them off.
      const unquoted = typeof value === 'string' ? withoutCurlyQuotes(value) : undefined;
      if (unquoted !== undefined && allowed.includes(unquoted)) return reportCurlyQuotes(ctx, path, unquoted, 'choice');
      const guess = typeof value === 'string' ? nearest(value, allowed) : undefined;
      const ordered = guess ? [guess, ...allowed.filter((a) => a !== guess)] : allowed;
      ctx.report({
        span: doc.spanOf(path),
        message:
          `${cap(titleAt(path))} is ${describeWritten(doc, path)}, which is not one of the choices: ${listWords(allowed.map((a) => `\`${a}\``))}.` +
          (guess ? ` Did you mean \`${guess}\`?` : ''),
        fixes: ordered.flatMap((a, i) => spellingFix(a, replaceValue(doc, path, a), i === 0 && guess !== undefined)),
      });
      return;
    }
    case 'const': {
      ctx.report({
        span: doc.spanOf(path),
        message: path.join('.') === 'scr'
          ? 'This case file is written for format version 1: `scr` must be `1`.'
          : `${cap(titleAt(path))} must be \`${String(err.params.allowedValue)}\`.`,
        fixes: fix('Change to `1`', path.join('.') === 'scr' ? replaceValue(doc, path, '1') : undefined),
      });
      return;
    }
    case 'type': {
      if (isDatePath(path)) return; // invalid-date says it better
      const value = doc.get(path);
      const empty = value === null || value === undefined || (typeof value === 'string' && !value.trim());
      if (empty && covered(ctx, path, COVERED_WHEN_EMPTY)) return;
      // Emptied by a note written where the text belongs (`rationale: #see minutes`): comment-in-text says why.
      if (empty && emptiedByNote(doc, path)) return;
      // A criterion the test needs written as one value (`childDied: yes`): criteria-incomplete says so.
      if (path[0] === 'criteria' && path.length === 2 && ctx.test.missing.includes(path[1] as never)) return;
      const node = schemaAt(path);
      // A number or yes-or-no word where text belongs reads as text to people, not to YAML: say how to make it text.
      const wantsText = typeWords(node).startsWith('text') && (typeof value === 'number' || typeof value === 'boolean');
      const said = `${cap(titleAt(path))} should be ${typeWords(node)}, but it is ${describeWritten(doc, path)}.`;
      // `yes` or `no` where the format wants true or false: the same answer, written another way.
      const yesNo = node?.type === 'boolean' && typeof value === 'string' ? ownEntry(YES_NO, value.trim().toLowerCase()) : undefined;
      if (yesNo !== undefined) {
        const edit = replaceValue(doc, path, String(yesNo));
        ctx.report({
          span: doc.spanOf(path),
          message: /^(true|false)$/i.test(String(value).trim())
            ? `${said} Write it as \`${yesNo}\`, without quote marks, so that it is read as true or false (the quick fix does).`
            : `${said} Write \`true\` for yes and \`false\` for no (the quick fix does).`,
          fixes: edit ? [{ title: `Change to \`${yesNo}\``, edits: [edit], preferred: true, correction: 'yes-no' }] : [],
        });
        return;
      }
      // Ids written one after another with commas (`csc, police`) where a list of ids belongs.
      const list = typeof value === 'string' ? idsAsList(path, value) : undefined;
      if (list !== undefined) {
        const edit = replaceValue(doc, path, list);
        ctx.report({
          span: doc.spanOf(path),
          message: `${said} Put the ids in square brackets, with commas between them: \`${list}\` (the quick fix does).`,
          fixes: edit ? [{ title: `Write as a list: \`${list}\``, edits: [edit], preferred: true, correction: 'list' }] : [],
        });
        return;
      }
      ctx.report({
        span: doc.spanOf(path),
        message: said + (wantsText ? ' Put it in quotes so that it is read as text.' : ''),
      });
      return;
    }
    case 'pattern': {
      if (isDatePath(path)) return; // invalid-date says it better
      const value = doc.get(path);
      const slug = typeof value === 'string' ? slugOf(value) : '';
      // An id in curly quotes (`[“csc”, police]`), as a word processor makes them.
      if (typeof value === 'string' && withoutCurlyQuotes(value) === slug && slug) return reportCurlyQuotes(ctx, path, slug, 'id');
      // An agency named where its id goes (`Westshire Health Visiting Service`): its id, not an id made from the name.
      const named = AGENCY_USES.has(shapeOf(path)) && !agencyIds(doc).has(slug) ? agenciesNamedBy(doc, value) : [];
      if (named.length) {
        const one = named.length === 1;
        ctx.report({
          span: doc.spanOf(path),
          message: `${cap(titleAt(path))} “${String(value)}” is not written as an id. An agency is named here by the id declared for it under \`agencies\`: did you mean ${listWords(named.map((id) => `\`${id}\` (${agencyLabel(doc, id)})`))}?`,
          fixes: named.flatMap((id) => {
            const edit = replaceValue(doc, path, id);
            return edit ? [{ title: `Change to \`${id}\` (${agencyLabel(doc, id)})`, edits: [edit], preferred: one, ...(one ? { correction: 'spelling' as const } : {}) }] : [];
          }),
        });
        return;
      }
      ctx.report({
        span: doc.spanOf(path),
        message: `${cap(titleAt(path))} “${String(value)}” is not written the way the format needs: use lower-case letters and digits joined by hyphens, such as \`health-visiting\`.`,
        fixes: slug && slug !== value ? fix(`Change to \`${slug}\``, replaceValue(doc, path, slug)) : [],
      });
      return;
    }
    case 'minItems':
    case 'minLength': {
      if (covered(ctx, path, COVERED_BY_RULES)) return;
      ctx.report({ span: doc.spanOf(path), message: `${cap(titleAt(path))} is empty. Fill it in, or remove it.` });
      return;
    }
    case 'anyOf': {
      // The value fits none of the kinds allowed (notes: text, or a list of texts): one finding
      // for it, in place of one for each kind it is not.
      const value = doc.get(path);
      const wants = typeWords(schemaAt(path));
      const odd = Array.isArray(value) ? value.findIndex((v) => typeof v !== 'string') : -1;
      if (odd >= 0 && wants.includes('a list of texts')) {
        ctx.report({ span: doc.spanOf([...path, odd]), message: `${cap(titleAt(path))} should be ${wants}, but entry ${odd + 1} of the list is ${describeValue((value as unknown[])[odd])}, not text. Write it as text, or put it in quotes.` });
      } else {
        ctx.report({ span: doc.spanOf(path), message: `${cap(titleAt(path))} should be ${wants}, but it is ${describeWritten(doc, path)}.` });
      }
      return;
    }
    case 'if':
    case 'oneOf':
    case 'not':
      return; // a branch's own errors say what is wrong
    default:
      ctx.report({ span: doc.spanOf(path), message: `${cap(titleAt(path))} does not fit the case file format (${err.message ?? err.keyword}).` });
  }
}

/** The words for yes and no that a person writes where the format wants `true` or `false` (and those two in quotes). */
const YES_NO: Readonly<Record<string, boolean>> = { yes: true, y: true, true: true, no: false, n: false, false: false };

/**
 * `[csc, police, health-visiting]` for `csc, police, health-visiting` written where a list of
 * agency ids belongs; undefined where the place takes no ids or the text is not single words
 * between commas. Each word is kept as written: an id that is not declared, or not written as an
 * id, is then reported on its own.
 */
function idsAsList(path: Path, value: string): string | undefined {
  if (schemaAt(path)?.type !== 'array' || schemaAt([...path, 0])?.pattern !== AGENCY_ID.source) return undefined;
  const words = value.split(',').map((w) => w.trim());
  if (!words.every((w) => /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u.test(w))) return undefined;
  return `[${words.join(', ')}]`;
}

/** Where an agency is named by its id, other than its own entry. */
const AGENCY_USES: ReadonlySet<string> = new Set(['meetings.[].agencies.[]', 'agencyInput.[].agency']);

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What a fix may write where an agency id is missing, or undefined where the place takes no id.
 * Text to fill in would not be an id, so: an agency's own id made from its name; in a meeting, words
 * to complete (who attended is a fact only the reviewer knows); for an input, one choice per
 * declared agency. Nothing where there is nothing to go on.
 */
function agencyIdValues(doc: CaseDoc, path: Path): unknown[] | undefined {
  const shape = shapeOf(path);
  const ids = [...agencyIds(doc).keys()];
  if (shape === 'agencies.[].id') {
    const id = slugOf(asString(asRecord(doc.get(path.slice(0, -1)))?.name) ?? '');
    return AGENCY_ID.test(id) && !ids.includes(id) ? [id] : [];
  }
  // Who attended is for the reviewer to say: listing every declared agency would count as a discussion.
  if (shape === 'meetings.[].agencies') return [agenciesToComplete(ids)];
  if (shape === 'agencyInput.[].agency') return ids;
  return undefined;
}

function dedupeTitles(fixes: Fix[], key: string): Fix[] {
  if (fixes.length <= 1) return fixes;
  return fixes.map((f) => ({ ...f, title: `Add \`${key}: ${f.edits[0].newText.trim().split(/:\s*/).slice(1).join(': ')}\`` }));
}

export const schema: Rule = {
  id: 'schema',
  title: 'The case file follows the format',
  description: 'A value of the wrong kind or outside its choices, a required key that is missing, or a key the format does not know.',
  severity: 'error',
  questions: [],
  fixable: true,
  group: 'format',
  check(ctx) {
    const v = ctx.doc.value;
    // A file that holds no set of keys (empty, only a note, a single value) reaches this rule only
    // with yaml-syntax turned off (analyse.ts), which otherwise says so: the format's sections are
    // then reported missing, as for a file holding only `scr: 1`. Without a fix each: adding one
    // section would bring every other rule's findings on the rest at once; the yaml-syntax message
    // on an empty file says how to start one whole.
    if (v === undefined || v === null || typeof v !== 'object') {
      validateCase({});
      // All stand at the top of the file: each is told apart by the key it is about (its subject).
      for (const err of validateCase.errors ?? []) {
        if (err.keyword !== 'required' || err.instancePath) continue;
        const subject = String(err.params.missingProperty);
        report({ ...ctx, report: (r) => ctx.report({ ...r, fixes: [], subject }) }, err);
      }
      return;
    }
    if (validateCase(v)) return;
    const seen = new Set<string>();
    for (const err of withoutBranchErrors(validateCase.errors ?? [])) {
      const key = `${err.keyword}|${err.instancePath}|${JSON.stringify(err.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report(ctx, err);
    }
  },
};

export type { Span };
