import { strict as assert } from 'node:assert';
import type { ChildProcess } from 'node:child_process';
import { describe, it } from 'node:test';
import type { CompletionItem, Hover } from 'vscode-languageserver-protocol';
import { TestClient } from './client';

const BROKEN = [
  'scr: 1\ncase:\n  reference: "unterminated\n  board: [a, b\n',
  '\t- : : :\n  - ]]]\n{{{\n',
  'agencies: *nowhere\nmeetings: &a [*a]\n',
  `${'- '.repeat(300)}x\n`,
  `${'a:\n '.repeat(200)}b: 1\n`,
  'scr: 1\n---\nscr: 2\n',
  '\u0000\u0001\uFFFD binary-ish \u0007\n',
  '',
];

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the server process', () => {
  it('keeps answering whatever the documents hold', async () => {
    const c = await TestClient.start();
    for (const [i, text] of BROKEN.entries()) {
      const uri = `untitled:broken-${i}.scr.yaml`;
      c.open(uri, text);
      await c.diagnostics(uri, 1);
      for (const line of [0, 1, 2]) {
        const position = { line, character: 1 };
        await c.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
        await c.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
        await c.request('textDocument/documentSymbol', { textDocument: { uri } });
        await c.request('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
        await c.request('textDocument/foldingRange', { textDocument: { uri } });
        await c.request('textDocument/codeLens', { textDocument: { uri } });
      }
    }
    // Malformed requests get empty answers, and the error goes to the log.
    assert.equal(await c.request('textDocument/hover', {}), null);
    assert.deepEqual(await c.request('textDocument/completion', { textDocument: { uri: 5 } }), []);
    assert.deepEqual(await c.request('textDocument/codeAction', { textDocument: { uri: 'untitled:broken-0.scr.yaml' } }), []);
    await c.until(() => c.stderr.join('').includes('Hover failed'), 'the error in the log');
    // Plain YAML files that are not case files are left alone.
    c.open('untitled:other.yaml', 'a: 1\n', 'yaml');
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri: 'untitled:other.yaml' }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: { uri: 'untitled:other.yaml' } }), []);
    const syntax = await c.diagnostics('untitled:broken-0.scr.yaml');
    assert.ok(syntax.some((d) => d.code === 'yaml-syntax'), 'a broken file gets the findings that can be made');
    // And still checks a good file afterwards.
    c.open('untitled:good.scr.yaml', 'scr: 1\nagencies:\n  - id: csc\nmeetings:\n  - agencies: [cs]\n');
    const good = await c.diagnostics('untitled:good.scr.yaml', 1);
    assert.ok(good.some((d) => d.code === 'unknown-agency'));
    assert.equal(await c.stop(), 0);
  });

  it('ends on shutdown and exit, leaving no process behind (started as scr-language-server --stdio)', async () => {
    const c = await TestClient.start({ bin: true });
    c.open('untitled:one.scr.yaml', 'scr: 1\n');
    await c.diagnostics('untitled:one.scr.yaml', 1);
    const pid = (c.proc as ChildProcess).pid!;
    assert.ok(alive(pid));
    await c.request('shutdown', null);
    // After shutdown, requests are refused (the protocol's InvalidRequest), not answered.
    await assert.rejects(c.request('textDocument/hover', { textDocument: { uri: 'untitled:one.scr.yaml' }, position: { line: 0, character: 0 } }), /shutting down/);
    assert.equal(await c.stop(), 0);
    assert.equal(alive(pid), false);
  });
});
