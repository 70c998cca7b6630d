// The preview's real page (client/src/preview/html.ts with dist/webview.js and .css) in Chromium,
// outside VS Code: its Content Security Policy holds, case text that looks like markup stays text,
// and its controls send the right messages by mouse and by keyboard. Then its accessibility: axe-core
// in each kind of VS Code theme, and by hand what axe cannot see (announcements, focus, keyboard
// use of the links within the page, the chart's text alternative, reflow, forced colours), and
// axe on the HTML export.
import assert from 'node:assert/strict';
import * as esbuild from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './code-server.mjs';
import { servePreviewPage } from './preview-page.mjs';
import { axeViolations } from './axe.mjs';
import { applyTheme, THEMES } from './themes.mjs';

export async function runWebviewPageTests({ root }) {
  const kit = join(root, 'out', 'test', 'vscode', 'page-kit.mjs');
  await esbuild.build({ stdin: { contents: "export { previewHtml } from './client/src/preview/html';\nexport { newNonce } from './client/src/preview/nonce';\nexport { checklistWithNotedFinding, hostileChecklist } from './test/client/sample';\nexport { renderHtml } from './client/src/export/render';", resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile: kit, logLevel: 'warning' });
  const { previewHtml, newNonce, hostileChecklist, checklistWithNotedFinding, renderHtml } = await import(pathToFileURL(kit).href);

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
    assert.deepEqual(await page.locator('.questions h3').allTextContents(), ['Evidence', 'Holding it back', 'Waived in the file', 'Also noted (not counted against this question)']);
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
    assert.equal(await page.locator('p.placeholder').textContent(), 'a.scr.yaml has been deleted. <b>x</b>');
    await page.waitForFunction(() => document.getElementById('announce').textContent === 'a.scr.yaml has been deleted. <b>x</b>');
    assert.deepEqual(await page.evaluate(() => window.__posted.findLast((m) => m.type === 'rendered').state), { uri: '', summary: '', statuses: [], locked: false, message: 'a.scr.yaml has been deleted. <b>x</b>' });
    console.log('  ✔ the preview page: policy enforced, case text escaped, mouse and keyboard send the right messages, a message page reported');

    await accessibilityTests({ browser, server, root, hostileChecklist, checklistWithNotedFinding, renderHtml });
  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
}

/** A fresh preview page with VS Code's side stubbed, as VS Code's webview host behaves. */
async function openPreview(browser, server, viewport = { width: 700, height: 1600 }) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    window.__posted = [];
    let state;
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => (state = s) });
    // VS Code's webview host (webview/browser/pre/index.html, handleInnerClick) catches every click
    // on a link within the page, scrolls to its target and cancels it: the focus does not move.
    window.addEventListener('click', (event) => {
      for (const node of event.composedPath()) {
        if (node.tagName?.toLowerCase() === 'a' && node.href) {
          if (node.hash && node.getAttribute('href') === node.hash) document.getElementById(node.hash.slice(1))?.scrollIntoView();
          event.preventDefault();
          return;
        }
      }
    });
  });
  await page.goto(`http://127.0.0.1:${server.port}/`);
  await page.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  return page;
}

async function update(page, data) {
  const before = await page.evaluate(() => window.__posted.filter((m) => m.type === 'rendered').length);
  await page.evaluate((d) => window.postMessage({ type: 'update', data: d, locked: false }, '*'), data);
  await page.waitForFunction((n) => window.__posted.filter((m) => m.type === 'rendered').length > n, before);
}

const activeKey = (page) => page.evaluate(() => document.activeElement?.dataset?.key ?? document.activeElement?.id ?? document.activeElement?.localName);

async function accessibilityTests({ browser, server, root, hostileChecklist, checklistWithNotedFinding, renderHtml }) {
  const data = checklistWithNotedFinding();

  // axe-core in each kind of theme: nothing serious or critical (contrast above all).
  {
    const page = await openPreview(browser, server);
    await update(page, data);
    for (const kind of Object.keys(THEMES)) {
      await applyTheme(page, kind);
      assert.deepEqual(await axeViolations(page), [], `axe in ${kind}`);
    }
    // Headings go down one level at a time (a question's parts are under its h2, not an h4).
    const levels = await page.evaluate(() => Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => Number(h.localName[1])));
    levels.forEach((l, i) => assert.ok(i === 0 ? l === 1 : l <= levels[i - 1] + 1, `heading levels ${levels}`));
    // A question's summary shows that it opens and closes (a flex summary loses the browser's triangle).
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('details.q > summary'), '::before').content), '"▾" / ""');
    await page.close();
  }

  // Screen readers: one lasting, polite live region, which says the summary once it has settled
  // and only when it changes, not on every keystroke.
  {
    const page = await openPreview(browser, server);
    const region = page.locator('#announce');
    assert.equal(await region.getAttribute('role'), 'status');
    assert.equal(await region.getAttribute('aria-live'), 'polite');
    await page.evaluate(() => {
      window.__said = [];
      new MutationObserver(() => window.__said.push(document.getElementById('announce').textContent)).observe(document.getElementById('announce'), { childList: true, characterData: true, subtree: true });
    });
    for (const summary of ['QM2 0/2 met', 'QM2 1/2 met (Q2 not met)', 'QM2 2/2 met']) await update(page, { ...data, summary });
    assert.equal(await page.locator('#app [role="status"], #app [aria-live]').count(), 0, 'no live region redrawn with the page');
    await page.waitForTimeout(2500);
    assert.deepEqual(await page.evaluate(() => window.__said), [`${data.reference}: QM2 2/2 met`]);
    // A keystroke that changes nothing in the checklist says nothing.
    await update(page, { ...data, summary: 'QM2 2/2 met', version: 99 });
    await page.waitForTimeout(2500);
    assert.equal(await page.evaluate(() => window.__said.length), 1);
    await page.close();
  }

  // Keyboard: the links to the parts of the page take the focus there, in VS Code too.
  {
    const page = await openPreview(browser, server);
    await update(page, data);
    await page.locator('nav a', { hasText: 'Statutory test' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'test-h');
    await page.keyboard.press('Tab');
    assert.equal(await activeKey(page), 'c-abuseOrNeglect', 'Tab goes on within the statutory test');

    // The timeline as a list stays open, with the focus in it, when the file changes.
    await page.locator('details.events > summary').click();
    await page.locator('details.events button.link').first().focus();
    await update(page, { ...data, version: 100 });
    assert.equal(await page.locator('details.events').evaluate((d) => d.open), true);
    assert.equal(await activeKey(page), 'ev-0');

    // A timeline event keeps the focus when the chart is redrawn for a new width (zoom, a narrower panel).
    await page.locator('svg.timeline g.ev.kind-decision').focus();
    const key = await activeKey(page);
    await page.setViewportSize({ width: 520, height: 1600 });
    await page.waitForFunction((w) => Number(document.querySelector('svg.timeline')?.getAttribute('width')) < w, 600);
    assert.equal(await activeKey(page), key);

    // The chart's text alternative: its events, each named in full, and no loose words.
    const tree = await page.locator('svg.timeline').ariaSnapshot();
    assert.doesNotMatch(tree, /- text:/, tree);
    assert.equal((tree.match(/- '?button "/g) ?? []).length, 3, tree);

    // Reflow: at 320 CSS pixels (1280 at 400% zoom) nothing but the chart scrolls sideways.
    // Case text may hold long unbroken words, such as a web address given as evidence.
    await page.setViewportSize({ width: 320, height: 1600 });
    await update(page, { ...data, test: { ...data.test, criteria: data.test.criteria.map((c) => ({ ...c, evidence: `See https://records.example.org/${'case-notes-'.repeat(8)}` })) } });
    await page.waitForTimeout(300);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), 'the page reflows at 320 pixels');
    // …and short words (a finding’s "Warning:", a status, a criterion’s finding) stay whole.
    assert.deepEqual(await brokenWords(page, '.sev, .status, td.word'), []);
    // The timeline list's dates stay on one line.
    await page.locator('details.events').evaluate((d) => (d.open = true));
    assert.deepEqual(await wrapped(page, 'td.date'), []);

    // Forced colours (Windows contrast themes): the chart and its focus ring take system colours.
    await page.emulateMedia({ forcedColors: 'active' });
    await page.locator('svg.timeline g.ev.kind-decision').focus();
    await page.keyboard.press('Shift+Tab'); // back and forth by keyboard, so that the focus shows
    await page.keyboard.press('Tab');
    const colours = await page.evaluate(() => {
      const probe = document.createElement('span');
      document.body.append(probe);
      probe.style.color = 'CanvasText';
      const text = getComputedStyle(probe).color;
      probe.style.color = 'Highlight';
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      const ev = document.querySelector('svg.timeline g.ev.kind-decision');
      return { text, highlight, mark: getComputedStyle(ev.querySelector('.mark')).fill, ring: getComputedStyle(ev.querySelector('.ring')).stroke, label: getComputedStyle(document.querySelector('svg.timeline text')).fill };
    });
    assert.equal(colours.mark, colours.text, 'event marks in the text colour');
    assert.equal(colours.label, colours.text, 'chart words in the text colour');
    assert.equal(colours.ring, colours.highlight, 'focus ring in the highlight colour');
    await page.close();
  }

  // The HTML export: axe finds nothing serious or critical, nor any landmark missing.
  {
    const page = await browser.newPage({ viewport: { width: 700, height: 1600 } });
    await page.setContent(renderHtml(data, { file: 'a.scr.yaml', exportedOn: '2016-03-01' }));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await axeViolations(page, { impacts: ['minor', 'moderate'] }), []);
    await page.setViewportSize({ width: 320, height: 1600 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth), true, 'the export reflows at 320 pixels');
    assert.deepEqual(await brokenWords(page, 'td.word, li > strong'), []);
    assert.deepEqual(await wrapped(page, 'td.date'), []);
    await page.close();
  }
  console.log('  ✔ accessibility: axe in light, dark and both high contrast themes, announcements, focus, keyboard, text alternative, reflow, forced colours; the HTML export');
}

/** Words in the elements `selector` finds that are split across two lines (as "W / ar / ni / ng:" was). */
function brokenWords(page, selector) {
  return page.evaluate((sel) => {
    const broken = [];
    for (const el of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/** The text of each element `selector` finds that runs over more than one line. */
function wrapped(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].filter((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
  }).map((el) => el.textContent), selector);
}
