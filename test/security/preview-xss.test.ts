// The checklist preview under attack. Hostile case text (script tags, event handlers, `javascript:`
// and `data:` URLs, SVG and MathML tricks, CSS injection, broken surrogate pairs, very long
// strings...) is put into every free-text field of real case files, run through the engine and the
// server's own conversion to the `scr/checklist` answer, and posted to the preview's real page
// (client/src/preview/html.ts with the built dist/webview.js and dist/webview.css, under its real
// Content Security Policy) in headless Chromium, as the extension would post it. No script may run,
// no request may leave the page, and every payload must be shown as plain text. Hostile timeline
// data (far dates, odd strings, huge and negative counts, hundreds of events) must not stop the
// page from drawing its header and questions and reporting what it drew.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { contentSecurityPolicy, previewHtml } from '../../client/src/preview/html';
import { newNonce } from '../../client/src/preview/nonce';
import { analyseText, parseDate, shownText as asShown } from '../../server/src/engine/index';
import { checklistResult } from '../../server/src/lsp/checklist';
import type { ChecklistResult } from '../../server/src/protocol';

const ROOT = join(__dirname, '..', '..');
const CHROMIUM = process.env.SCR_CHROMIUM || '/usr/bin/chromium';
const TODAY = parseDate('2016-03-01')!;

// ---------------------------------------------------------------------------------------------
// The corpus. Each payload, if it ever ran or loaded anything, would set window.__pwned_<n>, call
// alert("pwned-<n>") or ask for http://127.0.0.1:<port>/beacon/<n>: all three are watched.

interface Payload {
  name: string;
  text: string;
}

function corpus(port: number): Payload[] {
  const list: [string, (run: string, url: string, n: number) => string][] = [
    ['script tag', (run) => `<script>${run}</script>`],
    ['script with src', (_, url) => `<script src="${url}"></script>`],
    ['script, upper case and spaced', (run) => `<SCRIPT >${run}</SCRIPT >`],
    ['script split by a nested tag', (run) => `<scr<script>ipt>${run}</scr</script>ipt>`],
    ['img onerror', (run) => `<img src=x onerror="${run}">`],
    ['img loading a beacon', (_, url) => `<img src="${url}">`],
    ['img srcset', (_, url) => `<img srcset="${url} 1x">`],
    ['svg onload', (run) => `<svg onload="${run}"></svg>`],
    ['script inside svg', (run) => `<svg><script>${run}</script></svg>`],
    ['svg animate onbegin', (run) => `<svg><animate onbegin="${run}" attributeName="x" dur="1s"></animate></svg>`],
    ['svg use of a data URL', (run) => `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='${run}'/></svg>#x"></use></svg>`],
    ['svg foreignObject', (run) => `<svg><foreignObject><iframe srcdoc="<script>parent.${run}</script>"></iframe></foreignObject></svg>`],
    ['MathML mglyph and style (mutation XSS)', (run) => `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`],
    ['MathML mglyph with a comment in style', (run) => `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${run}&gt;">`],
    ['MathML href', (run) => `<math><maction actiontype="toggle" href="javascript:${run}">x</maction></math>`],
    ['a href javascript:', (run) => `<a href="javascript:${run}">open</a>`],
    ['a href javascript: with entities', (run) => `<a href="jav&#x09;ascript&colon;${run}">open</a>`],
    ['a href data: URL', (run) => `<a href="data:text/html,<script>opener.${run}</script>">open</a>`],
    ['iframe srcdoc', (run) => `<iframe srcdoc="<script>parent.${run}</script>"></iframe>`],
    ['iframe src beacon', (_, url) => `<iframe src="${url}"></iframe>`],
    ['object data', (_, url) => `<object data="${url}"></object>`],
    ['embed src', (_, url) => `<embed src="${url}">`],
    ['closing style, new style with a background URL', (_, url) => `</style><style>body{background:url(${url.replace('http:', '')})}</style>`],
    ['style @import', (_, url) => `<style>@import url("${url}");</style>`],
    ['style attribute with a URL', (_, url) => `<div style="background-image:url('${url}')">x</div>`],
    ['link stylesheet', (_, url) => `<link rel="stylesheet" href="${url}">`],
    ['link prefetch', (_, url) => `<link rel="prefetch" href="${url}">`],
    ['attribute breakout into script', (run) => `"><script>${run}</script>`],
    ['single-quote attribute breakout', (run) => `'><img src=x onerror=${run}>`],
    ['closing a textarea, title and script', (run) => `</textarea></title></script><script>${run}</script>`],
    ['template literal', (run) => `\${${run}}`],
    ['template engine expression', (run) => `{{constructor.constructor('${run}')()}}`],
    ['body onload', (run) => `<body onload="${run}">`],
    ['details ontoggle', (run) => `<details open ontoggle="${run}"><summary>x</summary></details>`],
    ['input autofocus onfocus', (run) => `<input autofocus onfocus="${run}">`],
    ['video source onerror', (run) => `<video><source onerror="${run}"></video>`],
    ['audio onerror', (run) => `<audio src=x onerror="${run}"></audio>`],
    ['marquee onstart', (run) => `<marquee onstart="${run}">x</marquee>`],
    ['meta refresh', (_, url) => `<meta http-equiv="refresh" content="0;url=${url}">`],
    ['base href', (_, url) => `<base href="${url}/">`],
    ['form action', (_, url) => `<form action="${url}"><button>send</button></form>`],
    ['noscript parser differential', (run) => `<noscript><p title="</noscript><img src=x onerror=${run}>">`],
    ['comment confusion', (run) => `<!--<img src="--><img src=x onerror=${run}//">`],
    ['CDATA', (run) => `<![CDATA[<script>${run}</script>]]>`],
    ['xmp', (run) => `<xmp><script>${run}</script></xmp>`],
    ['template element', (run) => `<template><img src=x onerror="${run}"></template>`],
    ['entities that look like tags', (run) => `&lt;script&gt;${run}&lt;/script&gt; &amp; &#60;b&#62;`],
    ['URL-encoded', (run) => `%3Cscript%3E${encodeURIComponent(run)}%3C%2Fscript%3E`],
    ['bare javascript: URL', (run) => `javascript:${run}`],
    ['bare data: URL', (run) => `data:text/html;base64,${Buffer.from(`<script>${run}</script>`).toString('base64')}`],
    ['Markdown link and image', (run, url) => `[open](javascript:${run}) ![x](${url}) **bold** | pipe |`],
    ['backticks around markup', (run) => `\`<img src=x onerror="${run}">\` and \`\` and \``],
    ['fetch call in a handler', (_, url) => `<img src=x onerror="fetch('${url}')">`],
    ['alert', (_, __, n) => `<script>alert("pwned-${n}")</script><img src=x onerror=alert("pwned-${n}")>`],
    ['NUL characters', (run) => `\u0000<script>${run}</script>\u0000<img\u0000src=x onerror=${run}>`],
    ['lone high surrogate', (run) => `\uD83D<img src=x onerror="${run}">\uD83D`],
    ['lone low surrogate', (run) => `\uDE00<svg onload="${run}">\uDC00`],
    ['surrogates in the wrong order', (run) => `\uDE00\uD83D<script>${run}</script>\uDFFF\uD800`],
    ['right-to-left override', (run) => `\u202Etxt.exe\u202C <script>${run}</script> \u2066\u2067\u2068\u2069\u200F`],
    ['zero-width and byte-order marks', (run) => `\uFEFF<scr\u200Bipt>${run}</scr\u200Dipt>\u200B<img\u2060src=x onerror=${run}>`],
    ['full-width angle brackets', (run) => `\uFF1Cscript\uFF1E${run}\uFF1C/script\uFF1E`],
    ['newlines, tabs and carriage returns', (run) => `line one\nline two\r\n\t<script>\n${run}\n</script>\r\n`],
    ['leading and trailing spaces', (run) => `   <img src=x onerror=${run}>   `],
    ['100 KB string', (run) => `${'A safeguarding note. '.repeat(5000)}<img src=x onerror="${run}">`],
    ['every ASCII control character', (run) => `${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}\u007F<b onmouseover=${run}>x</b>`],
    ['emoji and combining marks', (run) => `Child 👩‍👧 Z̷̢a̴l̷g̸o <i onclick="${run}">x</i>`],
  ];
  return list.map(([name, make], n) => ({ name, text: make(`window.__pwned_${n}=1`, `http://127.0.0.1:${port}/beacon/${n}`, n) }));
}

// ---------------------------------------------------------------------------------------------
// Real case files with a payload in every free-text field (and in ids and board names, where the
// format objects: the findings' messages then quote the payload too).

const base = () => readFileSync(join(ROOT, 'test', 'fixtures', 'base.scr.yaml'), 'utf8');

function hostileCaseFile(p: string): string {
  const d = parseDocument(base());
  const set = (path: (string | number)[], v: unknown) => d.setIn(path, d.createNode(v));
  set(['notes'], p);
  set(['case', 'reference'], p);
  set(['case', 'board'], p);
  set(['case', 'notes'], [p, p]);
  set(['case', 'child', 'pseudonym'], p);
  set(['case', 'child', 'age'], p);
  set(['case', 'incident', 'summary'], p);
  set(['case', p], p); // an unknown key named by the payload
  set(['referral', 'from'], p);
  set(['referral', 'notifications', 0, 'to'], p);
  for (const i of [0, 1, 2]) {
    set(['agencies', i, 'name'], p);
    set(['agencies', i, 'minimumData', 'summary'], p);
    set(['agencies', i, 'notes'], p);
  }
  d.addIn(['agencies'], d.createNode({ id: p, name: p, type: p, involvement: p, minimumData: { requested: '2016-01-15', received: '2016-01-20', summary: p } }));
  set(['family', 'addresses', 0, 'board'], p);
  d.addIn(['family', 'addresses'], d.createNode({ board: `Westshire ${p}`, from: '2010-01-01', to: '2013-02-28' }));
  d.addIn(['family', 'addresses'], d.createNode({ board: `Eastshire ${p}`, from: '2009-01-01', to: '2009-12-31' }));
  set(['neighbouringBoards'], [{ board: `Eastshire ${p}`, requested: '2016-01-18', outcome: p }]);
  set(['context', 0, 'topic'], p);
  set(['context', 0, 'source'], p);
  set(['context', 0, 'summary'], p);
  set(['meetings', 0, 'forum'], p);
  set(['meetings', 0, 'agencies'], ['csc', 'police', p]);
  set(['meetings', 0, 'recommendation', 'rationale'], p);
  d.addIn(['meetings'], d.createNode({ date: p, forum: p, agencies: [p, p] }));
  set(['agencyInput', 0, 'summary'], p);
  set(['agencyInput', 1, 'summary'], p);
  d.addIn(['agencyInput'], d.createNode({ agency: p, date: '2016-02-04', summary: p }));
  set(['criteria', 'abuseOrNeglect', 'evidence'], p);
  set(['criteria', 'childDied', 'evidence'], p);
  for (const k of ['usefulLearning', 'previousLearning', 'resources', 'impactOnPractitioners', 'impactOnFamily', 'politicalAndMediaInterest', 'publicTrust']) set(['considerations', k], p);
  set(['considerations', 'parallelProcesses', 0, 'status'], p);
  set(['learning', 0, 'reference'], p);
  set(['learning', 0, 'relevance'], p);
  set(['challenge', 0, 'by'], p);
  set(['challenge', 0, 'outcome'], p);
  set(['decision', 'by'], p);
  set(['decision', 'rationale'], p);
  set(['decision', 'delayReason'], p);
  set(['decision', 'nature', 'scope'], p);
  set(['decision', 'revisions'], [{ date: '2016-03-01', change: p, reason: p }]);
  set(['decision', 'notes'], p);
  return String(d);
}

function checklistOf(text: string, uri: string, version: number): ChecklistResult {
  const analysis = analyseText(text, { path: uri, today: TODAY });
  return checklistResult({ uri, version, lines: analysis.doc.lines, analysis, findings: analysis.findings, resultId: String(version) });
}

/** Every string the page shows as text, as it shows it (richText drops the backticks it turns into code). */
function shownText(r: ChecklistResult): string[] {
  const rich = (s: string) => s.replace(/`/g, '');
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s) out.push(s);
  };
  add(r.reference);
  add(r.child);
  add(r.board);
  add(r.summary);
  for (const i of r.items) {
    add(i.title);
    add(i.asks);
    add(rich(i.summary));
    for (const e of i.evidence) add(e.label);
    for (const f of i.findings) add(rich(f.message));
  }
  for (const c of r.test.criteria) {
    add(c.label);
    add(c.finding);
    if (c.evidence?.trim()) add(c.evidence);
  }
  for (const e of r.timeline) add(e.label);
  for (const c of r.considerations) add(c.label);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The page's side: VS Code's webview API as a stub that records what the page sends, and probes
// for anything that ran, loaded or broke. Plain JavaScript text, so nothing the TypeScript
// compiler adds can leak into the page.

const INIT = String.raw`
(() => {
  window.__posted = [];
  window.__violations = [];
  window.__errors = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
  window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
  let state;
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => (state = s) });
  // As the extension does: one 'update' message with the server's answer.
  window.__send = (json) => window.postMessage({ type: 'update', data: JSON.parse(json), locked: false }, '*');
  window.__renders = () => window.__posted.filter((m) => m.type === 'rendered');
  window.__traces = () => Object.getOwnPropertyNames(window).filter((k) => k.startsWith('__pwned_'));
  const TAGS = new Set('html head meta link title body div p main header h1 h2 h3 button section nav a ol ul li details summary span code table caption thead tbody tr th td em script svg rect text line path g circle'.split(' '));
  const URL_ATTRS = new Set(['href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'xlink:href', 'style', 'content', 'http-equiv']);
  window.__inspect = (expectJson) => {
    const expected = JSON.parse(expectJson);
    const text = document.body.textContent;
    const missing = [];
    expected.forEach((s, i) => { if (!text.includes(s)) missing.push(i); });
    const strangers = [];
    for (const node of document.querySelectorAll('*')) {
      const tag = node.localName;
      const ns = node.namespaceURI;
      if (!TAGS.has(tag) || (ns !== 'http://www.w3.org/1999/xhtml' && ns !== 'http://www.w3.org/2000/svg')) strangers.push('<' + tag + '> in ' + ns);
      for (const a of node.attributes) {
        const name = a.name.toLowerCase();
        const own = (tag === 'a' && name === 'href' && /^#[a-z]+$/.test(a.value))
          || (tag === 'link' && name === 'href' && node.parentNode === document.head)
          || (tag === 'script' && name === 'src' && node.parentNode === document.body)
          || (tag === 'meta' && node.parentNode === document.head && (name === 'content' || name === 'http-equiv') && (node.httpEquiv === 'Content-Security-Policy' || node.name === 'viewport'));
        if (name.startsWith('on') || (URL_ATTRS.has(name) && !own)) strangers.push('<' + tag + ' ' + name + '="' + a.value.slice(0, 80) + '">');
      }
    }
    return {
      missing,
      strangers,
      scripts: document.scripts.length,
      links: document.querySelectorAll('link').length,
      metas: document.querySelectorAll('meta').length,
      styles: document.querySelectorAll('style').length,
      h1: document.querySelector('h1') ? document.querySelector('h1').textContent.slice(0, 200) : null,
      questions: document.querySelectorAll('ol.questions > li').length,
      timeline: !!document.querySelector('svg.timeline'),
      events: document.querySelectorAll('svg.timeline g.ev').length,
      location: location.href,
      title: document.title,
    };
  };
})();
`;

interface Inspection {
  missing: number[];
  strangers: string[];
  scripts: number;
  links: number;
  metas: number;
  styles: number;
  h1: string | null;
  questions: number;
  timeline: boolean;
  events: number;
  location: string;
  title: string;
}

// ---------------------------------------------------------------------------------------------

test('the checklist preview under attack', { timeout: 120_000 }, async (t) => {
  if (!existsSync(CHROMIUM)) return t.skip('Chromium is not installed: run scripts/setup-real-vscode.sh');
  for (const f of ['webview.js', 'webview.css']) assert.ok(existsSync(join(ROOT, 'dist', f)), `dist/${f} is missing: build first (node esbuild.mjs)`);

  // The page as the extension builds it, served from one origin that stands in for the webview's.
  const served: string[] = [];
  const { servePreviewPage } = await import(pathToFileURL(join(ROOT, 'test', 'vscode', 'preview-page.mjs')).href);
  const server: { port: number; close(): void } = await servePreviewPage({ root: ROOT, previewHtml, newNonce, onRequest: (url: string) => served.push(url) });
  const port = server.port;
  const origin = `http://127.0.0.1:${port}`;
  const OWN = new Set([`${origin}/`, `${origin}/dist/webview.js`, `${origin}/dist/webview.css`]);

  const { launchChromium } = await import(pathToFileURL(join(ROOT, 'test', 'vscode', 'code-server.mjs')).href);
  const browser = await launchChromium(join(ROOT, 'out', 'test', 'security', 'browser'));
  try {
    // One context for every page of the file: its requests, dialogs and errors are all recorded.
    const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
    const requests: string[] = [];
    const routed: string[] = [];
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    const failed: string[] = [];
    context.on('request', (r: { url(): string }) => requests.push(r.url()));
    context.on('requestfailed', (r: { url(): string; failure(): { errorText: string } | null }) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
    context.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      void d.dismiss().catch(() => {});
    });
    // A catch-all route: the page's own three files go through, anything else is recorded and refused.
    await context.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
      const url = route.request().url();
      if (OWN.has(url)) return route.continue();
      routed.push(url);
      return route.abort();
    });
    await context.addInitScript({ content: INIT });
    const openPage = async () => {
      const p = await context.newPage();
      p.setDefaultTimeout(10_000);
      p.on('pageerror', (e: Error) => pageErrors.push(String(e?.stack ?? e)));
      await p.goto(`${origin}/`);
      await p.waitForFunction('window.__posted.some((m) => m.type === "ready")');
      return p;
    };
    const page = await openPage();

    let version = 0;
    /** Posts a checklist as the extension would and waits until the page reports it drawn. */
    const show = async (data: ChecklistResult): Promise<Inspection> => {
      const before = (await page.evaluate('window.__renders().length')) as number;
      await page.evaluate(`window.__send(${JSON.stringify(JSON.stringify(data))})`);
      await page.waitForFunction(`window.__renders().length > ${before}`, undefined, { timeout: 8_000 });
      const last = (await page.evaluate('window.__renders().at(-1).state')) as { uri: string; version?: number; summary: string; statuses: string[] };
      assert.equal(last.version, data.version, 'the page reports the version it drew');
      assert.equal(last.statuses.length, data.items.length, 'the page reports every question');
      return (await page.evaluate(`window.__inspect(${JSON.stringify(JSON.stringify(shownText(data)))})`)) as Inspection;
    };
    const ownPage = (i: Inspection, what: string) => {
      assert.deepEqual(i.strangers, [], `${what}: no element or attribute came from case text`);
      assert.equal(i.scripts, 1, `${what}: the page's one script, nothing added`);
      assert.equal(i.links, 1, `${what}: the page's one style sheet, nothing added`);
      assert.equal(i.metas, 3, `${what}: the page's three meta elements, nothing added`);
      assert.equal(i.styles, 0, `${what}: no style element`);
      assert.equal(i.location, `${origin}/`, `${what}: the page did not navigate`);
      assert.equal(i.title, 'QM2 checklist', `${what}: the title is the page's own`);
    };

    await t.test('the page carries its strict policy: nothing by default, scripts by nonce only', async () => {
      const csp = (await page.evaluate('document.querySelector(\'meta[http-equiv="Content-Security-Policy"]\').content')) as string;
      const nonce = (await page.evaluate('document.scripts[0].nonce')) as string;
      assert.match(nonce, /^[A-Za-z0-9_-]{24}$/);
      assert.equal(csp, contentSecurityPolicy(origin, nonce));
      assert.match(csp, /^default-src 'none'; /);
      assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'`));
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*|data:|blob:/);
      assert.equal(await page.evaluate('document.scripts.length'), 1);
      assert.equal(await page.evaluate('document.scripts[0].src'), `${origin}/dist/webview.js`);
    });

    const payloads = corpus(port);
    await t.test(`a corpus of ${payloads.length} payloads in every free-text field of real case files is shown as text`, async () => {
      assert.ok(payloads.length >= 40);
      assert.equal(new Set(payloads.map((p) => p.text)).size, payloads.length, 'every payload is different');
      // Each payload names its own marker (once decoded, for the URL-encoded and base64 ones).
      const decoded = (s: string) => [s, (() => { try { return decodeURIComponent(s); } catch { return ''; } })(), s.includes('base64,') ? Buffer.from(s.split('base64,')[1]!, 'base64').toString() : ''].join('\n');
      for (const [n, p] of payloads.entries()) assert.ok([`__pwned_${n}=`, `/beacon/${n}`, `pwned-${n}`].some((m) => decoded(p.text).includes(m)), `${p.name} carries its own marker`);
      for (const [n, p] of payloads.entries()) {
        const text = hostileCaseFile(p.text);
        const data = checklistOf(text, `file:///dossier/hostile-${n}.scr.yaml`, ++version);
        // The payload reached the answer intact, in each kind of place the page shows (but for the
        // characters that change the direction text is shown in, each written out as <U+202E>).
        const payload = asShown(p.text);
        assert.equal(data.reference, payload, `${p.name}: reference`);
        assert.equal(data.child, payload, `${p.name}: pseudonym`);
        assert.equal(data.board, payload, `${p.name}: board`);
        assert.ok(data.test.criteria.some((c) => c.evidence === payload), `${p.name}: criteria evidence`);
        assert.ok(data.items[0]!.evidence.some((e) => e.label.includes(payload)), `${p.name}: an evidence label`);
        // Board names in the address history are trimmed before a finding quotes them.
        assert.ok(data.items.some((i) => i.findings.some((f) => f.message.includes(payload.trim()))), `${p.name}: a finding's message`);
        assert.ok(data.items.some((i) => i.summary.includes(payload.trim())), `${p.name}: a question's summary`);
        assert.ok(data.timeline.some((e) => e.label.includes(payload)), `${p.name}: a timeline label`);
        const seen = await show(data);
        ownPage(seen, p.name);
        const shown = shownText(data);
        assert.deepEqual(seen.missing.map((i) => shown[i]!.slice(0, 120)), [], `${p.name}: every text the answer carries is on the page, verbatim`);
        assert.equal(seen.h1, `QM2 checklist: ${payload}`.slice(0, 200), `${p.name}: the heading shows the reference as text`);
        assert.equal(seen.questions, 9);
      }
      // Handlers fire late (a failed image load, a focus): give them time, then look for any trace.
      await page.waitForTimeout(400);
      assert.deepEqual(await page.evaluate('window.__traces()'), [], 'no payload ran');
      assert.deepEqual(dialogs, [], 'no payload opened a dialog');
      assert.deepEqual(await page.evaluate('window.__violations'), [], 'nothing was even attempted against the policy');
      assert.deepEqual(pageErrors, [], 'no error on the page');
      assert.deepEqual(await page.evaluate('window.__errors'), [], 'no error on the page');
    });

    await t.test('hostile timeline data: far dates, odd strings, huge and negative counts, 500 events', async () => {
      const good = checklistOf(base(), 'file:///dossier/timeline.scr.yaml', 0);
      const kinds = ['incident', 'known', 'notification', 'referral', 'request', 'return', 'check', 'answer', 'meeting', 'input', 'challenge', 'decision', 'deadline', 'communicated', 'bogus-kind', ''];
      const odd = ['', ' ', 'not a date', '2016-13-45', '2016-02-30', '2016-00-00', '0000-00-00', '9999-99-99', '2016-1-1', '16-01-14', '+275760-09-13', '-271821-04-20', '275760-09-14', 'NaN', 'Infinity', 'undefined', '2016-01-14T00:00:00Z', ' 2016-01-14', '2016-01-14 ', '２０１６-０１-１４', '\uD800', '<img src=x onerror=window.__pwned_t=1>', 'x'.repeat(10_000)];
      const cases: [string, Partial<ChecklistResult['timing']>, ChecklistResult['timeline']][] = [
        ['the first and the last day a date can be written', { referral: '0001-01-01', deadline: '9999-12-31', decision: '9999-12-31', calendarDays: 3_652_058, workingDays: 2_608_613, decided: true, late: false, daysOver: 0 },
          [{ kind: 'incident', label: 'Long ago', date: '0001-01-01' }, { kind: 'referral', label: 'Referral', date: '0001-01-01' }, { kind: 'decision', label: 'Far ahead', date: '9999-12-31' }, { kind: 'deadline', label: 'Due', date: '9999-12-31' }]],
        ['a decision long overdue', { referral: '0001-01-01', deadline: '0001-02-01', decided: false, late: true, daysOver: 3_652_000, calendarDays: 3_652_031 },
          [{ kind: 'referral', label: 'Referral', date: '0001-01-01' }]],
        ['five hundred events', {},
          Array.from({ length: 500 }, (_, i) => ({ kind: kinds[i % kinds.length]!, label: `Event ${i} <b>${i}</b>`, date: `2016-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, range: { start: { line: i, character: 0 }, end: { line: i, character: 4 } } }))],
        ['five hundred events on one day', {}, Array.from({ length: 500 }, (_, i) => ({ kind: kinds[i % 12]!, label: `Same day ${i}`, date: '2016-02-01' }))],
        ['odd strings wherever a date goes', { referral: 'not a date', deadline: '2016-99-99', decision: '<img src=x onerror=window.__pwned_t=1>' },
          odd.map((date, i) => ({ kind: kinds[i % kinds.length]!, label: `Odd ${i}`, date }))],
        ['odd strings in the timing alone', { referral: '', deadline: 'NaN', decision: '-000001-01-01', late: true, decided: false, daysOver: 12 }, good.timeline],
        ['huge counts', { calendarDays: Number.MAX_VALUE, workingDays: Number.MAX_SAFE_INTEGER, daysOver: 1e15, late: true, decided: false }, good.timeline],
        ['huge counts, decided', { calendarDays: 1e12, workingDays: 1e12, daysOver: 1e12, late: true, decided: true }, good.timeline],
        ['negative counts', { calendarDays: -40, workingDays: -30, daysOver: -10, late: true, decided: true, decision: '2015-12-01' }, good.timeline],
        ['fractions and no counts at all', { calendarDays: 0.5, workingDays: undefined, daysOver: 1.5, late: true, decided: false }, good.timeline],
        ['a limit in hostile words', { limit: '<script>window.__pwned_t=1</script> 1 month' }, good.timeline],
        ['no dates at all', { referral: undefined, deadline: undefined, decision: undefined, calendarDays: undefined, workingDays: undefined }, []],
        ['events and limit far apart', { referral: '2016-01-14', deadline: '9999-12-31' }, [...good.timeline, { kind: 'meeting', label: 'Far', date: '0001-01-01' }]],
      ];
      for (const [what, timing, timeline] of cases) {
        const data: ChecklistResult = { ...good, version: ++version, timing: { ...good.timing, ...timing }, timeline };
        const started = Date.now();
        let seen: Inspection;
        try {
          seen = await show(data);
        } catch (e) {
          throw new Error(`${what}: the page did not report what it drew (${(e as Error).message.split('\n')[0]}); errors: ${pageErrors.join(' | ')}`);
        }
        assert.ok(Date.now() - started < 5_000, `${what}: drawn in good time (${Date.now() - started} ms)`);
        ownPage(seen, what);
        assert.equal(seen.h1, `QM2 checklist: ${good.reference}`, `${what}: the header is drawn`);
        assert.equal(seen.questions, 9, `${what}: the questions are drawn`);
        assert.ok(seen.timeline, `${what}: the timeline is drawn`);
        assert.deepEqual(seen.missing.map((i) => shownText(data)[i]!.slice(0, 120)), [], `${what}: every label is on the page`);
        assert.deepEqual(pageErrors, [], `${what}: no error on the page`);
      }
      assert.deepEqual(await page.evaluate('window.__traces()'), []);
      assert.deepEqual(await page.evaluate('window.__violations'), []);
      assert.deepEqual(await page.evaluate('window.__errors'), []);
    });

    await t.test('no request left the page: only its own page, script and style were fetched', async () => {
      assert.deepEqual([...new Set(requests)].sort(), [...OWN].sort());
      assert.deepEqual(routed, []);
      assert.deepEqual([...new Set(served)].sort(), ['/', '/dist/webview.css', '/dist/webview.js']);
      assert.deepEqual(failed, []);
    });

    await t.test('the watchers work: a script without the nonce and an image from outside are refused and seen', async () => {
      const page = await openPage();
      await page.evaluate(`(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__pwned_probe = 1';
        document.body.append(s);
        const i = document.createElement('img');
        i.src = '${origin}/beacon/probe';
        document.body.append(i);
      })()`);
      await page.waitForFunction('window.__violations.length >= 2');
      const v = (await page.evaluate('window.__violations')) as string[];
      assert.ok(v.some((x) => x.startsWith('script-src-elem ')), v.join('\n'));
      assert.ok(v.some((x) => x.startsWith('img-src ') && x.includes('/beacon/probe')), v.join('\n'));
      assert.deepEqual(await page.evaluate('window.__traces()'), [], 'the refused script did not run');
      // Chromium names the refused image as a request that failed on the policy; it never left.
      await page.waitForTimeout(100);
      assert.deepEqual(failed, [`${origin}/beacon/probe csp`]);
      assert.deepEqual(routed, [], 'the refused image never reached the network');
      assert.ok(!served.some((u) => u.includes('/beacon/')), 'the refused image was not fetched');
      // And what the policy lets through is seen: an inspection flags an element made from markup.
      await page.evaluate(`document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="window.__pwned_probe2=1">')`);
      const seen = (await page.evaluate('window.__inspect("[]")')) as Inspection;
      assert.ok(seen.strangers.some((s) => s.startsWith('<img')), seen.strangers.join('\n'));
      await page.waitForTimeout(200);
      assert.deepEqual(await page.evaluate('window.__traces()'), [], 'an inline handler is refused too');
    });

  } finally {
    await browser.close().catch(() => {});
    server.close();
  }
});
