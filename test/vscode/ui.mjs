// UI tests in a real VS Code (code-server) driven by Chromium: the packaged extension (.vsix)
// installed as a user would, the example dossier opened, the Problems count, the status bar, the
// checklist preview opened from the editor title bar, items clicked, keyboard use, and a high
// contrast theme; then the same extension in the browser's web worker extension host, with its
// language server in a web worker. Screenshots go to test/artifacts/ (not committed).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installExtension, launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';

const WAIT = 30_000;

export async function runUiTests({ root }) {
  const artifacts = join(root, 'test', 'artifacts');
  const work = join(root, 'out', 'test', 'ui');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const workspace = join(work, 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });

  const vsix = join(work, 'scr-decision-checker.vsix');
  const pack = spawnSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: root, encoding: 'utf8' });
  assert.equal(pack.status, 0, `vsce package failed:\n${pack.stdout}\n${pack.stderr}`);
  const userDataDir = join(work, 'user-data');
  const extensionsDir = join(work, 'extensions');
  await installExtension({ vsix, userDataDir, extensionsDir });
  console.log('  packaged and installed the extension');

  const server = await startCodeServer({ userDataDir, extensionsDir, log: (s) => process.env.SCR_TEST_VERBOSE && process.stderr.write(s) });
  let browser;
  try {
    browser = await launchChromium(join(work, 'browser'));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const desktopPage = await context.newPage();
    await desktop(desktopPage, server, workspace, artifacts);
    // The same installed extension, now told to run in the browser's web worker extension host
    // (as on vscode.dev): a new window reads the changed user settings when it opens. The desktop
    // window is closed first, and its last write of the settings (the theme just chosen) waited
    // for, so that it cannot overwrite ours.
    await desktopPage.close();
    const settingsFile = join(userDataDir, 'User', 'settings.json');
    await settled(settingsFile);
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'remote.extensionKind': { 'scr-tools.scr-decision-checker': ['web'] } }, null, 2));
    await web(await context.newPage(), server, workspace, artifacts);
  } finally {
    await browser?.close().catch(() => {});
    server.stop();
  }
}

/** Waits until a file has not changed for a second (at most 15 s). */
async function settled(file) {
  let last = '';
  let since = Date.now();
  for (const end = Date.now() + 15_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
    const now = readFileSync(file, 'utf8');
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= 1000) return;
  }
}

let failureShots = 0;
/** One UI check; on failure, a screenshot of the window goes beside the others. */
async function check(page, artifacts, name, run) {
  const t = Date.now();
  try {
    await run();
  } catch (e) {
    await page.screenshot({ path: join(artifacts, `failure-${++failureShots}.png`) }).catch(() => {});
    throw new Error(`UI check failed: ${name}\n${e?.message ?? e}`);
  }
  console.log(`  ✔ ${name} (${Date.now() - t} ms)`);
}

async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.part.statusbar').waitFor({ timeout: WAIT });
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: WAIT });
}

/** Keyboard focus back on the workbench (out of a webview, which keeps its keys to itself). */
async function focusWorkbench(page) {
  await page.locator('.part.sidebar .composite.title').first().click();
}

/** Opens a file of the workspace in the first editor group, as a user would with Ctrl+P. */
async function quickOpen(page, name) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: WAIT });
}

async function runCommand(page, title) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(`>${title}`);
  await choose(page, title);
}

/** Moves the quick pick's focus to the row that reads `text` (waiting for the list to settle), then picks it. */
async function choose(page, text) {
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: text }).first().waitFor({ timeout: WAIT });
  for (let i = 0; i < 8; i++) {
    const focused = (await page.locator('.quick-input-list .monaco-list-row.focused').first().textContent({ timeout: 2000 }).catch(() => '')) ?? '';
    if (focused.includes(text)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** "Warnings: 9, Infos: 4" → { errors: 0, warnings: 9, infos: 4 } */
async function problemCounts(page) {
  const label = (await page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
  const n = (word) => Number(new RegExp(`${word}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: n('Errors'), warnings: n('Warnings'), infos: n('Infos'), label };
}

/** Each part of the preview on its own, in a window tall enough to hold the longest part. */
async function sectionShots(page, artifacts, suffix) {
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width, height: 3000 });
  try {
    for (const part of ['questions', 'test', 'timeline', 'considerations']) {
      await preview(page).locator(`#${part}`).screenshot({ path: join(artifacts, `preview-${part}${suffix}.png`) });
    }
  } finally {
    await page.setViewportSize(size);
  }
}

function preview(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

async function desktop(page, server, workspace, artifacts) {
  await check(page, artifacts, 'the example dossier opens and a case file gets the SCR language', async () => {
    await openWorkbench(page, workbenchUrl(server.url, workspace));
    await quickOpen(page, 'typical-gaps.scr.yaml');
    await page.locator('[id="status.editor.mode"]', { hasText: 'SCR Case File' }).waitFor({ timeout: WAIT });
  });

  await check(page, artifacts, 'the Problems count and the QM2 status bar item show the findings', async () => {
    await page.locator('[id="scr-tools.scr-decision-checker.scr.qm2"]', { hasText: /QM2 \d+\/\d+/ }).waitFor({ timeout: WAIT });
    await page.waitForFunction(() => /Warnings: \d/.test(document.getElementById('status.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: WAIT });
    const counts = await problemCounts(page);
    assert.ok(counts.warnings >= 5, `at least typical-gaps' five warnings (${counts.label})`);
    await page.locator('.codelens-decoration', { hasText: /QM2 \d+ of \d+ met/ }).first().waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'editor.png') });
  });

  await check(page, artifacts, 'the editor title button opens the checklist preview beside the file', async () => {
    await page.locator('.editor-actions a.action-label[aria-label*="Open QM2 Checklist"]').first().click();
    const p = preview(page);
    await p.locator('#headline', { hasText: /QM2 \d+\/\d+ met/ }).waitFor({ timeout: WAIT });
    assert.equal(await p.locator('.questions > li').count(), 9);
    assert.match(await p.locator('h1').textContent(), /NSCB-2016-07/);
    await p.locator('svg.timeline .limit').waitFor({ state: 'attached', timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'editor-and-preview.png') });
    await sectionShots(page, artifacts, '');
  });

  await check(page, artifacts, 'selecting a finding in the preview shows its place in the case file', async () => {
    const p = preview(page);
    const finding = p.locator('.findings button.link', { hasText: 'Northshire Police' }).first();
    const line = Number(/line (\d+)/.exec((await finding.getAttribute('title')) ?? '')?.[1]);
    assert.ok(line > 1, 'the finding names its line');
    await finding.click();
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: WAIT });
  });

  await check(page, artifacts, 'a timeline event is a control: Enter shows the decision in the file', async () => {
    const p = preview(page);
    const decision = p.locator('svg.timeline g.ev.kind-decision[role="button"]').first();
    await decision.focus();
    await decision.press('Enter');
    const text = readFileSync(join(workspace, 'typical-gaps.scr.yaml'), 'utf8');
    const at = text.indexOf('  date:', text.indexOf('\ndecision:'));
    const line = text.slice(0, at).split('\n').length;
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor({ timeout: WAIT });
  });

  await check(page, artifacts, 'the lock works from the keyboard', async () => {
    const p = preview(page);
    const lock = p.locator('#lock');
    await lock.focus();
    await lock.press('Enter');
    await p.locator('#lock[aria-pressed="true"]').waitFor({ timeout: WAIT });
    await page.locator('.tab[aria-label*="[Locked] QM2 Checklist"]').first().waitFor({ timeout: WAIT });
    // Locked: opening another case file leaves the preview where it is.
    await quickOpen(page, 'complete-record.scr.yaml');
    await page.locator('[id="scr-tools.scr-decision-checker.scr.qm2"]', { hasText: 'QM2 8/8' }).waitFor({ timeout: WAIT });
    assert.match(await p.locator('h1').textContent(), /NSCB-2016-07/);
    await p.locator('#lock').click();
    await p.locator('h1', { hasText: 'NSCB-2016-03' }).waitFor({ timeout: WAIT });
  });

  await check(page, artifacts, 'the Problems panel lists the dossier', async () => {
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: WAIT });
    // The list shows only the rows that fit: narrow it to the file, as a user with a long list would.
    const filter = page.getByPlaceholder(/^Filter \(e\.g\. text/).first();
    await filter.fill('typical-gaps');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'typical-gaps.scr.yaml' }).first().waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'problems.png') });
    await filter.fill('');
    await page.keyboard.press('Control+Shift+M');
  });

  await check(page, artifacts, 'the preview comes back after a window reload, and the extension answers it', async () => {
    // "Developer: Reload Window", as a user would: the workbench saves its state before it goes
    // (a browser reload gives it no time to, and the editors then come back only by luck).
    const reloaded = page.waitForEvent('load', { timeout: WAIT });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.part.statusbar').waitFor({ timeout: WAIT });
    const p = preview(page);
    // The editors come back as the workbench last saved them; the preview follows the active one.
    await p.locator('h1', { hasText: /QM2 checklist: NSCB-2016-0[37]/ }).waitFor({ timeout: WAIT });
    // Only the extension can press the lock: proof that it took the restored panel back.
    await p.locator('#lock').click();
    await p.locator('#lock[aria-pressed="true"]').waitFor({ timeout: WAIT });
    await p.locator('#lock').click();
    await p.locator('#lock[aria-pressed="false"]').waitFor({ timeout: WAIT });
  });

  await check(page, artifacts, 'the preview follows a high contrast theme', async () => {
    const p = preview(page);
    await pickTheme(page, 'Dark High Contrast');
    await p.locator('body.vscode-high-contrast').waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'editor-and-preview-high-contrast.png') });
    await sectionShots(page, artifacts, '-high-contrast');
    await pickTheme(page, 'Light Modern');
    await p.locator('body.vscode-light').waitFor({ timeout: WAIT });
  });
}

/** "Preferences: Color Theme", then the theme named, chosen with the arrow keys as a user would. */
async function pickTheme(page, name) {
  await runCommand(page, 'Preferences: Color Theme');
  await page.locator('.quick-input-widget input').fill(name);
  await choose(page, name);
}

/** The extension in the browser's own extension host: client-web.js, the server in a web worker. */
async function web(page, server, workspace, artifacts) {
  if (process.env.SCR_TEST_VERBOSE) page.on('console', (m) => process.stderr.write(`[web window] ${m.type()}: ${m.text()}\n`));
  await check(page, artifacts, 'web: the browser entry loads in the web worker extension host and its worker server finds the problems', async () => {
    await openWorkbench(page, workbenchUrl(server.url, workspace));
    await quickOpen(page, 'typical-gaps.scr.yaml');
    await page.locator('[id="scr-tools.scr-decision-checker.scr.qm2"]', { hasText: /QM2 \d+\/\d+/ }).waitFor({ timeout: WAIT });
    await page.waitForFunction(() => /Warnings: \d/.test(document.getElementById('status.problems')?.getAttribute('aria-label') ?? ''), null, { timeout: WAIT });
    await runCommand(page, 'SCR: Show Output');
    await page.locator('.output-view, .panel', { hasText: 'language server in a web worker' }).first().waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'web-output.png') });
  });

  await check(page, artifacts, 'web: "SCR: Check Whole Dossier" reads the other files through the editor', async () => {
    await runCommand(page, 'SCR: Check Whole Dossier');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'cross-border.scr.yaml' }).first().waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'web-dossier.png') });
  });

  await check(page, artifacts, 'web: the checklist preview works from the web worker too', async () => {
    await runCommand(page, 'SCR: Open QM2 Checklist');
    await preview(page).locator('#headline', { hasText: /QM2 \d+\/\d+ met/ }).waitFor({ timeout: WAIT });
    await page.screenshot({ path: join(artifacts, 'web-editor-and-preview.png') });
  });
}
