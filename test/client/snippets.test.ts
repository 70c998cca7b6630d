// The snippets write case files in the format: expanded with their default values, the new-file
// snippet and each part, placed where it belongs, parse and pass the schema.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';

const snippets = JSON.parse(readFileSync(new URL('../../snippets/scr-case.code-snippets', import.meta.url), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;
const TODAY = '2016-05-20';

/** A snippet as VS Code would insert it if the user pressed Tab through every field. */
function expand(body: string[]): string {
  const text = body.join('\n').replace(/\$CURRENT_YEAR/g, TODAY.slice(0, 4)).replace(/\$CURRENT_MONTH/g, TODAY.slice(5, 7)).replace(/\$CURRENT_DATE/g, TODAY.slice(8, 10));
  const values = new Map<string, string>();
  const first = text
    .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_, n: string, choices: string) => remember(values, n, choices.split(',')[0]!))
    .replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, def: string) => remember(values, n, def));
  return first.replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a?: string, b?: string) => values.get((a ?? b)!) ?? '');
}

function remember(values: Map<string, string>, n: string, v: string): string {
  if (!values.has(n)) values.set(n, v);
  return v;
}

function structuralErrors(text: string): string[] {
  const a = analyseText(text, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
  return a.findings.filter((f) => ['yaml-syntax', 'schema', 'invalid-date', 'date-order', 'unknown-agency'].includes(f.rule)).map((f) => `${f.rule}: ${f.message}`);
}

const base = expand(snippets['New case file']!.body);

test('the new case file snippet is a valid case file, its tab stops in the order of the decision', () => {
  assert.deepEqual(structuralErrors(base), []);
  const stops = [...snippets['New case file']!.body.join('\n').matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
  assert.deepEqual(stops, [...stops].sort((x, y) => x - y), 'each new tab stop comes after the one before it in the file');
});

const PARTS: [string, string][] = [
  ['Agency with its minimum data return', 'agencies'],
  ['Meeting with its recommendation', 'meetings'],
  ['Neighbouring board check', 'neighbouringBoards'],
  ['Agency input to the chair', 'agencyInput'],
  ['Independent challenge', 'challenge'],
];

for (const [name, key] of PARTS) {
  test(`the "${name}" snippet fits under ${key}`, () => {
    const item = expand(snippets[name]!.body).replace(/\n*$/, '');
    const indented = item.split('\n').map((l) => `  ${l}`).join('\n');
    // Add it to the list where there is one, else start the list; the criteria follow.
    const text = base.includes(`\n${key}:\n`) ? base.replace(`\n${key}:\n`, `\n${key}:\n${indented}\n`) : base.replace('\ncriteria:\n', `\n${key}:\n${indented}\n\ncriteria:\n`);
    assert.deepEqual(structuralErrors(text), []);
  });
}

for (const name of ['Decision: hold an SCR', 'Decision: no SCR']) {
  test(`the "${name}" snippet is a valid decision, passed on to the National Panel and Ofsted`, () => {
    const text = `${base.replace(/\n*$/, '')}\n\n${expand(snippets[name]!.body)}`;
    assert.deepEqual(structuralErrors(text), []);
    assert.match(text, /\ndecision:\n {2}date: 2016-05-20/);
    const a = analyseText(text, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
    assert.deepEqual(a.findings.filter((f) => f.rule === 'decision-communicated').map((f) => f.message), []);
  });
}

test('the new case file snippet’s first choices agree with one another', () => {
  // Tabbing through every field must not give a record that contradicts itself (a child who died
  // with a finding that the child did not die).
  assert.match(base, /\n {4}outcome: seriously-harmed\n/);
  assert.match(base, /\n {2}childDied:\n {4}finding: no\n/);
  const a = analyseText(base, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
  assert.deepEqual(a.findings.filter((f) => f.rule === 'criteria-consistency').map((f) => f.message), []);
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
  const a = analyseText(decided, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
  const left = a.findings.filter((f) => f.rule === 'to-complete');
  assert.ok(left.some((f) => /still reads “To be completed\. What the finding rests on\.”/.test(f.message)), left.map((f) => f.message).join('\n'));
  for (const key of ['board', 'rationale', 'scope', 'evidence']) assert.ok(left.some((f) => f.message.includes(`(\`${key}\`)`)), `${key} is reported`);
  for (const q of [7, 8]) assert.notEqual(a.checklist.find((c) => c.question === q)!.status, 'met', `question ${q}`);
  // Every prose prompt in the snippets begins as the checker looks for.
  const prompts = Object.values(snippets).flatMap((s) => [...s.body.join('\n').matchAll(/\$\{\d+:([A-Z][^}]*\s[^}]*)\}/g)].map((m) => m[1]!));
  const notPrompts = new Set(['Child A', 'SCR subgroup', 'Health provider', 'Police force', "Children's social care service"]);
  for (const p of prompts) if (!notPrompts.has(p)) assert.match(p, /^To be completed\. /, p);
});

test('the snippets write nothing a reader would have to know YAML to follow: a date not yet known is left out, not written `null`', () => {
  for (const [name, s] of Object.entries(snippets)) assert.doesNotMatch(s.body.join('\n'), /\bnull\b|:\s*~\s*$/m, name);
  // The family's address with no end date is the one they live at now.
  const a = analyseText(base, { path: 'snippet.scr.yaml', today: parseDate(TODAY) });
  const address = a.doc.get(['family', 'addresses', 0]) as Record<string, unknown>;
  assert.deepEqual(Object.keys(address), ['board', 'from']);
  // A check with another board starts with no answer: none is recorded until it comes.
  const check = expand(snippets['Neighbouring board check']!.body);
  assert.doesNotMatch(check, /^\s*received:/m);
  const text = base.replace('\ncriteria:\n', `\nneighbouringBoards:\n${check.replace(/\n*$/, '').split('\n').map((l) => `  ${l}`).join('\n')}\n\ncriteria:\n`);
  assert.deepEqual(structuralErrors(text), []);
  assert.equal((analyseText(text, { path: 'snippet.scr.yaml', today: parseDate(TODAY) }).doc.get(['neighbouringBoards', 0]) as Record<string, unknown>).received, undefined);
});
