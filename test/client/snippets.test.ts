// The snippets write case files in the format: expanded with their default values, the new-file
// snippet and each part, placed where it belongs, parse and pass the schema. And a default that
// the user passes over is never taken as the record: each is words to replace, reported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { analyseText, type Analysis } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { isPlaceholder, listWords } from '../../server/src/engine/text';
import { schemaAt } from '../../server/src/engine/schema-info';

const snippets = JSON.parse(readFileSync(new URL('../../snippets/scr-case.code-snippets', import.meta.url), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
const TODAY = '2016-05-20';

/** Where a tab stop's text was put, in the expanded text. */
interface Stop {
  n: string;
  start: number;
  end: number;
}

/** The choices of `${1|a,b\,c|}` as VS Code reads them: a backslash escapes a comma, pipe or backslash. */
function choicesOf(inner: string): string[] {
  return inner.split(/(?<!\\),/).map((c) => c.replace(/\\([,|\\])/g, '$1'));
}

const CHOICE = /\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g;
const DEFAULT = /\$\{(\d+):([^}]*)\}/g;

/**
 * A snippet as VS Code would insert it if the user pressed Tab through every field, with where
 * each field's text went (every place of a field written more than once).
 */
function expandWithStops(body: string[]): { text: string; stops: Stop[] } {
  const source = body.join('\n').replace(/\$CURRENT_YEAR/g, TODAY.slice(0, 4)).replace(/\$CURRENT_MONTH/g, TODAY.slice(5, 7)).replace(/\$CURRENT_DATE/g, TODAY.slice(8, 10));
  const values = new Map<string, string>();
  for (const m of source.matchAll(CHOICE)) if (!values.has(m[1]!)) values.set(m[1]!, choicesOf(m[2]!)[0]!);
  for (const m of source.matchAll(DEFAULT)) if (!values.has(m[1]!)) values.set(m[1]!, m[2]!);
  const stops: Stop[] = [];
  let text = '';
  const any = /\$\{(\d+)\|(?:[^|\\]|\\.)*\|\}|\$\{(\d+):[^}]*\}|\$\{(\d+)\}|\$(\d+)/g;
  let last = 0;
  for (const m of source.matchAll(any)) {
    text += source.slice(last, m.index);
    const n = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
    const v = values.get(n) ?? '';
    if (v) stops.push({ n, start: text.length, end: text.length + v.length });
    text += v;
    last = m.index! + m[0].length;
  }
  return { text: text + source.slice(last), stops };
}

function expand(body: string[]): string {
  return expandWithStops(body).text;
}

function analyse(text: string): Analysis {
  return analyseText(text, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
}

function structuralErrors(text: string): string[] {
  return analyse(text).findings.filter((f) => ['yaml-syntax', 'schema', 'invalid-date', 'date-order', 'unknown-agency', 'duplicate-id'].includes(f.rule)).map((f) => `${f.rule}: ${f.message}`);
}

const base = expand(snippets['New case file']!.body);

const PARTS: [string, string][] = [
  ['Agency with its minimum data return', 'agencies'],
  ['Meeting with its recommendation', 'meetings'],
  ['Neighbouring board check', 'neighbouringBoards'],
  ['Agency input to the chair', 'agencyInput'],
  ['Independent challenge', 'challenge'],
];
const DECISIONS = ['Decision: hold an SCR', 'Decision: no SCR'];

/** `text` with a part snippet added under `key`: to the list where there is one, else a new list before the criteria. */
function withPart(text: string, name: string, key: string): string {
  const item = expand(snippets[name]!.body).replace(/\n*$/, '');
  const indented = item.split('\n').map((l) => `  ${l}`).join('\n');
  return text.includes(`\n${key}:\n`) ? text.replace(`\n${key}:\n`, `\n${key}:\n${indented}\n`) : text.replace('\ncriteria:\n', `\n${key}:\n${indented}\n\ncriteria:\n`);
}

test('the new case file snippet is a valid case file, its tab stops in the order of the decision', () => {
  assert.deepEqual(structuralErrors(base), []);
  const stops = [...snippets['New case file']!.body.join('\n').matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
  assert.deepEqual(stops, [...stops].sort((x, y) => x - y), 'each new tab stop comes after the one before it in the file');
});

for (const [name, key] of PARTS) {
  test(`the "${name}" snippet fits under ${key}`, () => {
    assert.deepEqual(structuralErrors(withPart(base, name, key)), []);
  });
}

for (const name of DECISIONS) {
  test(`the "${name}" snippet is a valid decision, passed on to the National Panel and Ofsted`, () => {
    const text = `${base.replace(/\n*$/, '')}\n\n${expand(snippets[name]!.body)}`;
    assert.deepEqual(structuralErrors(text), []);
    const a = analyse(text);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'decision-communicated').map((f) => f.message), []);
    // The date is the reviewer's to write: nothing is dated today for them.
    assert.ok(isPlaceholder(a.doc.get(['decision', 'date'])), String(a.doc.get(['decision', 'date'])));
    assert.ok(isPlaceholder(a.doc.get(['decision', 'criteriaMet'])), 'whether the criteria are met is the chair’s to say');
  });
}

test('every choice in the snippets starts with words to complete that name the choices: passing over it chooses nothing', () => {
  // The first choice is what Tab leaves. `criteriaMet: true` or a finding of `suspected` left so
  // made the statutory test read as met on the template's say-so.
  let count = 0;
  for (const [name, s] of Object.entries(snippets)) {
    for (const m of s.body.join('\n').matchAll(CHOICE)) {
      const [first, ...rest] = choicesOf(m[2]!);
      assert.equal(first, `To be completed. Choose ${listWords(rest)}.`, `${name}: \${${m[1]}|…|}`);
      count++;
    }
  }
  assert.ok(count >= 15, `${count} choices`);
  // Tabbing through every field does not give a record that contradicts itself.
  assert.deepEqual(analyse(base).findings.filter((f) => f.rule === 'criteria-consistency' || f.rule === 'criteria-incomplete').map((f) => f.message), []);
});

test('the snippets date nothing today: every date is words to complete', () => {
  for (const [name, s] of Object.entries(snippets)) assert.doesNotMatch(s.body.join('\n'), /\$CURRENT_/, name);
  let text = base;
  for (const [name, key] of PARTS) text = withPart(text, name, key);
  for (const name of DECISIONS) {
    const a = analyse(`${text.replace(/\n*$/, '')}\n\n${expand(snippets[name]!.body)}`);
    const dates: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) dates.push(`${path}: ${v}`);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(a.doc.value, '');
    assert.deepEqual(dates, [], name);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'invalid-date').map((f) => f.message), [], name);
  }
});

/** The path of every scalar in the file with where it stands. */
function scalars(a: Analysis): { path: string; start: number; end: number }[] {
  const out: { path: string; start: number; end: number }[] = [];
  const walk = (n: Node | null | undefined, path: (string | number)[]) => {
    if (!n) return;
    if (isMap(n)) for (const p of n.items) walk(p.value as Node, [...path, String((p.key as { value?: unknown })?.value)]);
    else if (isSeq(n)) n.items.forEach((x, i) => walk(x as Node, [...path, i]));
    else if (isScalar(n) && n.range) out.push({ path: path.join('.'), start: n.range[0], end: n.range[1] });
  };
  walk(a.doc.root, []);
  return out;
}

test('expanded with every default, the new file, each part and each decision are reported wherever a default was left, and no QM2 question is met', () => {
  // The body of each snippet, in the place it goes, with where each field's default stands.
  const files: { label: string; text: string; stops: Stop[] }[] = [];
  const whole = expandWithStops(snippets['New case file']!.body);
  files.push({ label: 'new file', ...whole });
  for (const [name, key] of PARTS) {
    const part = expandWithStops(snippets[name]!.body);
    const indented = part.text.replace(/\n*$/, '').split('\n').map((l) => `  ${l}`).join('\n');
    // As withPart puts it: at the top of the list where there is one, else in a new list before the criteria.
    const list = whole.text.indexOf(`\n${key}:\n`);
    const at = list >= 0 ? list + key.length + 3 : whole.text.indexOf('\ncriteria:\n');
    const head = list >= 0 ? whole.text.slice(0, at) : `${whole.text.slice(0, at)}\n${key}:\n`;
    const tail = whole.text.slice(at);
    const added = head.length + indented.length + 1 - at;
    // Each line gains two spaces: a stop on the part's line k (from 1) moves by 2 * k.
    const shift = (o: number) => head.length + o + 2 * part.text.slice(0, o).split('\n').length;
    const text = `${head}${indented}\n${tail}`;
    assert.equal(text, withPart(whole.text, name, key));
    files.push({
      label: name,
      text,
      stops: [
        ...whole.stops.map((s) => (s.start < at ? s : { ...s, start: s.start + added, end: s.end + added })),
        ...part.stops.map((s) => ({ ...s, start: shift(s.start), end: shift(s.end) })),
      ],
    });
  }
  for (const name of DECISIONS) {
    const d = expandWithStops(snippets[name]!.body);
    const head = `${whole.text.replace(/\n*$/, '')}\n\n`;
    files.push({ label: name, text: head + d.text, stops: [...whole.stops, ...d.stops.map((s) => ({ ...s, start: s.start + head.length, end: s.end + head.length }))] });
  }
  for (const f of files) {
    const a = analyse(f.text);
    const values = scalars(a);
    const reported = new Set(a.findings.filter((x) => x.rule === 'to-complete').map((x) => x.subject));
    let checked = 0;
    for (const s of f.stops) {
      const line = f.text.slice(f.text.lastIndexOf('\n', s.start) + 1, s.start);
      if (line.trimStart().startsWith('#')) continue; // a comment's words are no value
      const v = values.find((x) => x.start <= s.start && s.end <= x.end);
      assert.ok(v, `${f.label}: field ${s.n} («${f.text.slice(s.start, s.end)}») is a value`);
      assert.ok(reported.has(v.path), `${f.label}: field ${s.n} at ${v.path} («${f.text.slice(s.start, s.end)}») is reported by to-complete`);
      // And by to-complete alone: no other rule reports the same gap again (one problem, one finding).
      const again = a.findings.filter((x) => x.rule !== 'to-complete' && x.span.start < v.end && v.start < x.span.end).map((x) => `${x.rule}: ${x.message}`);
      assert.deepEqual(again, [], `${f.label}: field ${s.n} at ${v.path} is reported once`);
      checked++;
    }
    assert.ok(checked >= (f.label === 'new file' ? 20 : 3), `${f.label}: ${checked} defaults checked`);
    const met = a.checklist.filter((c) => c.status === 'met').map((c) => `Q${c.question}: ${c.summary}`);
    assert.deepEqual(met, [], `${f.label}: no question is met on the template’s defaults`);
    // Only to-complete quotes the prompts: no other finding puts them in a sentence as if written.
    const quoting = a.findings.filter((x) => x.rule !== 'to-complete' && /To be completed\. [A-Z]/.test(x.message)).map((x) => `${x.rule}: ${x.message}`);
    assert.deepEqual(quoting, [], f.label);
  }
  // And all together: every part, then either decision.
  let all = whole.text;
  for (const [name, key] of PARTS) all = withPart(all, name, key);
  for (const name of DECISIONS) {
    const a = analyse(`${all.replace(/\n*$/, '')}\n\n${expand(snippets[name]!.body)}`);
    assert.deepEqual(a.checklist.filter((c) => c.status === 'met').map((c) => `Q${c.question}: ${c.summary}`), [], name);
    // Each place still to be completed is reported by to-complete alone, with the decision made too
    // (a check with another board whose request is to be completed is not said to be unanswered).
    const text = a.doc.text;
    const places = scalars(a).filter((v) => isPlaceholder(text.slice(v.start, v.end).replace(/^[>|]-?\s*/, '')));
    assert.ok(places.length >= 30, `${name}: ${places.length} places`);
    for (const v of places) {
      const again = a.findings.filter((x) => x.rule !== 'to-complete' && x.span.start < v.end && v.start < x.span.end).map((x) => `${x.rule}: ${x.message}`);
      assert.deepEqual(again, [], `${name}: ${v.path} is reported once`);
    }
    assert.deepEqual(a.findings.filter((x) => x.rule !== 'to-complete' && /To be completed\. [A-Z]/.test(x.message)).map((x) => `${x.rule}: ${x.message}`), [], name);
  }
});

test('the agency snippet added twice with its id left to complete gives no duplicate id; once written, the id can be named', () => {
  const twice = withPart(withPart(base, PARTS[0]![0], 'agencies'), PARTS[0]![0], 'agencies');
  assert.deepEqual(structuralErrors(twice), []);
  const a = analyse(twice);
  assert.equal(a.findings.filter((f) => f.rule === 'to-complete' && /^agencies\.\d+\.id$/.test(f.subject ?? '')).length, 2);
  // Written in, the id is one that a meeting and an input name as any other.
  const written = twice.replace('- id: To be completed. A short id for the agency, such as health-visiting.', '- id: school')
    .replace('\ncriteria:\n', '\nmeetings:\n  - date: 2016-05-18\n    forum: Strategy meeting\n    agencies: [csc, school]\n\nagencyInput:\n  - agency: school\n    date: 2016-05-19\n    summary: Supports a review.\n\ncriteria:\n');
  assert.deepEqual(structuralErrors(written), []);
  assert.equal(analyse(written).findings.filter((f) => f.rule === 'to-complete' && /^agencies\.\d+\.id$/.test(f.subject ?? '')).length, 1);
});

test('every snippet has a prefix starting scr- and a description', () => {
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.prefix.length && s.prefix.every((p) => p.startsWith('scr-')), name);
    assert.ok(s.description.length > 20, name);
  }
});

test('a new file whose example words are left in is not counted as complete: each is reported, and no question rests on it', () => {
  // Tabbing past the prompts ("To be completed. What the finding rests on.") made question 7 read
  // "met", with every criterion's evidence still the template's words.
  const decided = `${base.replace(/\n*$/, '')}\n\n${expand(snippets['Decision: hold an SCR']!.body)}`;
  const a = analyse(decided);
  const left = a.findings.filter((f) => f.rule === 'to-complete');
  assert.ok(left.some((f) => /still reads “To be completed\. What the finding rests on\.”/.test(f.message)), left.map((f) => f.message).join('\n'));
  for (const key of ['board', 'rationale', 'scope', 'evidence', 'reference', 'pseudonym', 'finding', 'criteriaMet']) assert.ok(left.some((f) => f.message.includes(`(\`${key}\`)`)), `${key} is reported`);
  for (const q of [7, 8]) assert.notEqual(a.checklist.find((c) => c.question === q)!.status, 'met', `question ${q}`);
  assert.equal(a.test.met, undefined, 'the statutory test is not worked out from findings still to be chosen');
  // Every default in the snippets begins as the checker looks for.
  for (const s of Object.values(snippets)) for (const m of s.body.join('\n').matchAll(DEFAULT)) assert.match(m[2]!, /^To be completed\. /, m[2]!);
});

test('the snippets write nothing a reader would have to know YAML to follow: a date not yet known is left out, not written `null`', () => {
  for (const [name, s] of Object.entries(snippets)) assert.doesNotMatch(s.body.join('\n'), /\bnull\b|:\s*~\s*$/m, name);
  // The family's address with no end date is the one they live at now.
  const a = analyse(base);
  const address = a.doc.get(['family', 'addresses', 0]) as Record<string, unknown>;
  assert.deepEqual(Object.keys(address), ['board', 'from']);
  // A check with another board, or a minimum data return, starts with no answer: none is recorded until it comes.
  for (const [name, key] of [PARTS[2]!, PARTS[0]!]) {
    assert.doesNotMatch(expand(snippets[name]!.body), /^\s*received:/m, name);
    const text = withPart(base, name, key);
    assert.deepEqual(structuralErrors(text), []);
  }
  assert.equal((analyse(withPart(base, PARTS[2]![0], PARTS[2]![1])).doc.get(['neighbouringBoards', 0]) as Record<string, unknown>).received, undefined);
});

test('the new case file makes no choice that is a fact about the case: each is words to complete with the choices named', () => {
  // `involvement: unknown` written for every agency was a fact nobody chose, and it kept
  // agency-contact from asking for a summary of a return received.
  const a = analyse(base);
  const chosen: string[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    else if (schemaAt(path)?.enum && !isPlaceholder(v)) chosen.push(`${path.join('.')}: ${String(v)}`);
  };
  walk(a.doc.value, []);
  // What the template is made of, not facts: the agencies it lists by their type, and Ofsted notified.
  assert.deepEqual(chosen, ['referral.notifications.0.to: ofsted', 'agencies.0.type: social-care', 'agencies.1.type: police', 'agencies.2.type: health']);
  for (const i of [0, 1, 2]) assert.equal(a.doc.get(['agencies', i, 'involvement']), 'To be completed. Choose known, not-known or unknown.');
});

test('the new case file asks for the date the local authority became aware, as the format describes `knownOn`', () => {
  const node = schemaAt(['case', 'incident', 'knownOn'])!;
  assert.match(`${node.title} ${node.description}`, /local authority/);
  const prompt = String(analyse(base).doc.get(['case', 'incident', 'knownOn']));
  assert.equal(prompt, 'To be completed. Date the local authority became aware of the incident (YYYY-MM-DD).');
  assert.match(node.description!, /the local authority became aware of the incident/);
});
