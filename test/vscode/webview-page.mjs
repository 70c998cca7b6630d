// The preview's real page (client/src/preview/html.ts with dist/webview.js and .css) in Chromium,
// outside VS Code: its Content Security Policy holds, case text that looks like markup stays text,
// and its controls send the right messages by mouse and by keyboard.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './code-server.mjs';
import { servePreviewPage } from './preview-page.mjs';

export async function runWebviewPageTests({ root }) {
  const kit = join(root, 'out', 'test', 'vscode', 'page-kit.mjs');
  await esbuild.build({ stdin: { contents: "export { previewHtml } from './client/src/preview/html';\nexport { newNonce } from './client/src/preview/nonce';\nexport { checklistWithNotedFinding, hostileChecklist } from './test/client/sample';", resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile: kit, logLevel: 'warning' });
  const { previewHtml, newNonce, hostileChecklist, checklistWithNotedFinding } = await import(pathToFileURL(kit).href);

  const server = await servePreviewPage({ root, previewHtml, newNonce });
  const browser = await launchChromium(join(root, 'out', 'test', 'vscode', 'browser'));
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 1600 } });
    // VS Code's side of the webview, as a stub that records what the page sends.
    await page.addInitScript(() => {
      window.__posted = [];
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      let state;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => (state = s) });
    });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    const data = hostileChecklist();
    await page.evaluate((d) => window.postMessage({ type: 'update', data: d, locked: false }, '*'), data);
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));

    const rendered = await page.evaluate(() => window.__posted.find((m) => m.type === 'rendered').state);
    assert.equal(rendered.summary, data.summary);
    assert.deepEqual(rendered.statuses, ['Met', 'Not met']);
    assert.equal(await page.locator('img').count(), 0, 'case text made no element');
    assert.match(await page.locator('h1').textContent(), /<img src=x onerror="alert\(1\)">/);
    assert.equal(await page.locator('svg.timeline g.ev').count(), 3);

    // Mouse: a finding shows its place in the file.
    await page.locator('.findings button.link').first().click();
    const reveal = await page.evaluate(() => window.__posted.filter((m) => m.type === 'reveal').at(-1));
    assert.deepEqual(reveal, { type: 'reveal', uri: data.uri, range: data.items[1].findings[0].range });

    // Keyboard: the lock and a timeline event, each reached with Tab and used with Enter or Space.
    await page.mouse.click(2, 2); // the start of the page: Tab goes on from here
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id || document.activeElement?.outerHTML.slice(0, 120)), 'lock');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'toggleLock'));
    await page.locator('svg.timeline g.ev.kind-decision').focus();
    await page.keyboard.press(' ');
    const last = await page.evaluate(() => window.__posted.at(-1));
    assert.deepEqual(last.range, data.timeline[2].range);

    // A finding beside a question that does not apply is noted with it; one beside a question not met holds it back.
    await page.evaluate((d) => window.postMessage({ type: 'update', data: d, locked: false }, '*'), checklistWithNotedFinding());
    await page.waitForFunction(() => window.__posted.filter((m) => m.type === 'rendered').length >= 2);
    assert.deepEqual(await page.locator('.questions h4').allTextContents(), ['Evidence', 'Holding it back', 'Waived in the file', 'Also noted']);
    assert.match(await page.locator('ul.waived li').textContent(), /^No police agency <img src=x onerror="alert\(1\)">.* Reason given: Police records held by the successor force <img/);

    // The policy is enforced: a script without the nonce is refused, and nothing else was.
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__ran = true';
      document.body.append(s);
    });
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.equal(await page.evaluate(() => window.__ran), undefined);
    await page.screenshot({ path: join(root, 'test', 'artifacts', 'webview-page.png'), fullPage: true });

    // A message instead of a checklist (a file deleted) is shown as words and reported.
    await page.evaluate(() => window.postMessage({ type: 'empty', reason: 'a.scr.yaml has been deleted. <b>x</b>', locked: false }, '*'));
    await page.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered' && m.state.message));
    assert.equal(await page.locator('p.placeholder[role="status"]').textContent(), 'a.scr.yaml has been deleted. <b>x</b>');
    assert.deepEqual(await page.evaluate(() => window.__posted.findLast((m) => m.type === 'rendered').state), { uri: '', summary: '', statuses: [], locked: false, message: 'a.scr.yaml has been deleted. <b>x</b>' });
    console.log('  ✔ the preview page: policy enforced, case text escaped, mouse and keyboard send the right messages, a message page reported');
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
}
