import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { newNonce } from '../../client/src/preview/nonce';

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
