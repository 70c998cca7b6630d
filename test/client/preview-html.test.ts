import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { newNonce } from '../../client/src/preview/nonce';
import { isFromPreview } from '../../server/src/protocol';

const page = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/dist/webview.css' };

test('the preview page allows nothing by default, and scripts only by nonce', () => {
  const html = previewHtml(page);
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'none'; /);
  assert.match(csp, /script-src 'nonce-abc123'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  assert.match(html, /<script nonce="abc123" src="https:\/\/x\/dist\/webview.js"><\/script>/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, the bundle');
  assert.match(html, /<link rel="stylesheet" href="https:\/\/x\/dist\/webview.css">/);
  assert.match(html, /<html lang="en-GB">/);
});

test('values put in the page cannot break out of their attributes', () => {
  const html = previewHtml({ ...page, scriptUri: 'https://x/a.js"><script>alert(1)</script>' });
  assert.equal((html.match(/<script/g) ?? []).length, 1);
  assert.match(contentSecurityPolicy('a', 'n'), /style-src a/);
});

test('nonces are fresh, long and safe in an attribute', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const n = newNonce();
    assert.match(n, /^[A-Za-z0-9_-]{24}$/);
    seen.add(n);
  }
  assert.equal(seen.size, 200);
});

test('the extension takes from the page only messages of the shapes it knows, places included', () => {
  const at = (line: unknown, character: unknown) => ({ type: 'reveal', uri: 'file:///a.scr.yaml', range: { start: { line, character }, end: { line: 1, character: 0 } } });
  const shown = 'file:///a.scr.yaml';
  assert.ok(isFromPreview(at(0, 4), shown));
  for (const [line, character] of [[-1, 0], [0, -3], [1.5, 0], [Number.NaN, 0], ['2', 0], [0, Infinity]]) {
    assert.ok(!isFromPreview(at(line, character), shown), `${String(line)}:${String(character)}`);
  }
  assert.ok(!isFromPreview({ type: 'reveal', range: at(0, 0).range }, shown), 'no file');
  assert.ok(!isFromPreview({ ...at(0, 4), uri: 'file:///etc/passwd' }, shown), 'only the file the preview shows');
  assert.ok(!isFromPreview(at(0, 4), undefined), 'nothing shown, nothing to reveal');
  assert.ok(!isFromPreview({ type: 'run', command: 'x' }, shown));
  assert.ok(isFromPreview({ type: 'ready' }, shown));
  const shows = { uri: '', summary: '', statuses: [], locked: false };
  assert.ok(isFromPreview({ type: 'rendered', state: { ...shows, message: 'a.scr.yaml has been deleted.' } }, shown), 'a page with a message');
  assert.ok(!isFromPreview({ type: 'rendered', state: { ...shows, message: 3 } }, shown), 'a message is words');
});

test('the page has one lasting, polite live region, outside the part the script redraws', () => {
  const html = previewHtml(page);
  assert.match(html, /<div id="app">.*<\/div>\n<div id="announce" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"><\/div>/);
  assert.match(html, /<title>QM2 checklist<\/title>/);
});
