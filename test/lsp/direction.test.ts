// The editor shows no character that changes the direction text is shown in: the findings, the
// quick fixes' titles, hovers, the outline and the preview's data write each one out (<U+202E>).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import type { ChecklistResult } from '../../server/src/protocol';
import { diagnosticMessage } from '../../server/src/lsp/convert';
import { DOSSIER, TestClient, uriOf } from './client';

const RAW = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const URI = uriOf(join(DOSSIER, 'alpha.scr.yaml'));
const TEXT = readFileSync(join(DOSSIER, 'alpha.scr.yaml'), 'utf8')
  .replace('name: Testshire Police', 'name: Testshire\u202e Police')
  .replace('pseudonym: Child P', 'pseudonym: Child\u2067 P')
  .replace('finding: suspected', 'finding: suspe\u202ected');

describe('characters that change the text direction, in the editor', () => {
  const started = (async () => {
    const c = await TestClient.start({ folders: [DOSSIER] });
    c.open(URI, TEXT);
    return c;
  })();
  after(async () => (await started).stop());

  it('are written out in every finding, its related places and its quick fixes, and in a hover, the outline and the preview', async () => {
    const c = await started;
    const diagnostics = await c.diagnostics(URI, 1);
    assert.ok(diagnostics.some((d) => d.code === 'text-direction'));
    const wrong = diagnostics.find((d) => d.code === 'schema')!;
    assert.match(String(wrong.message), /suspe<U\+202E>cted/);
    const shown = (d: Diagnostic) => [String(d.message), ...(d.relatedInformation ?? []).map((r) => r.message)].join('\n');
    for (const d of diagnostics) assert.doesNotMatch(shown(d), RAW, shown(d));
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: wrong.range, context: { diagnostics: [wrong] } });
    assert.ok(actions.length);
    for (const a of actions) assert.doesNotMatch(a.title, RAW, a.title);
    const line = TEXT.split('\n').findIndex((l) => l.includes('agencies: [csc, police]'));
    const hover = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line, character: TEXT.split('\n')[line].indexOf('police') + 1 } });
    assert.match((hover?.contents as { value: string }).value, /Testshire<U\+202E> Police/);
    const symbols = JSON.stringify(await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } }));
    assert.match(symbols, /Testshire<U\+202E> Police/);
    assert.doesNotMatch(symbols, RAW);
    const list = await c.request<ChecklistResult>('scr/checklist', { uri: URI });
    assert.equal(list.child, 'Child<U+2067> P');
    assert.doesNotMatch(JSON.stringify(list), RAW);
  });

  it('are written out in a finding of the settings file too', () => {
    const f = { rule: 'schema', severity: 'error' as const, message: '`off\u202e` is not a level.', span: { start: 0, end: 1 }, questions: [], fixes: [], related: [] };
    assert.equal(diagnosticMessage(f), '`off<U+202E>` is not a level.');
  });
});
