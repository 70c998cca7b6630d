// The preview's page as the extension builds it (client/src/preview/html.ts with dist/webview.js
// and .css), served from one local origin standing in for the webview's. Used by the page tests
// in Chromium (webview-page.mjs) and by the XSS tests (test/security/preview-xss.test.ts).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

/**
 * Starts the server on a free port. `previewHtml` and `newNonce` are the extension's own (the
 * caller loads them, from TypeScript or a bundle); `onRequest` sees each path asked for.
 */
export async function servePreviewPage({ root, previewHtml, newNonce, onRequest = () => {} }) {
  const server = createServer((req, res) => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    onRequest(req.url ?? '');
    if (req.url === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(previewHtml({ cspSource: origin, nonce: newNonce(), scriptUri: `${origin}/dist/webview.js`, styleUri: `${origin}/dist/webview.css` }));
    } else if (req.url === '/dist/webview.js' || req.url === '/dist/webview.css') {
      res.setHeader('content-type', req.url.endsWith('.js') ? 'text/javascript' : 'text/css');
      res.end(readFileSync(join(root, req.url)));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: () => server.close() };
}
