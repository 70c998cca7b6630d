// `npm run test:vscode` (after setup and the build): the extension tests inside a real VS Code,
// then the UI tests that drive it in a browser. Exits non-zero when anything fails.
//
// Which VS Code: $SCR_VSCODE_EXECUTABLE if set (a desktop VS Code, or test/vscode/code-server-shim.mjs);
// else code-server, where scripts/setup-real-vscode.sh has installed it; else @vscode/test-electron
// downloads a desktop VS Code as usual (the UI tests need code-server and are skipped there).
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, codeServerAvailable, stopOnSignals } from './code-server.mjs';

stopOnSignals();
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'out', 'test', 'vscode');
const shim = join(root, 'test', 'vscode', 'code-server-shim.mjs');
const started = Date.now();
const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const results = [];

async function step(name, run) {
  const t = Date.now();
  console.log(`\n=== ${name}`);
  try {
    await run();
    results.push(`  ok    ${name} (${seconds(t)})`);
    return true;
  } catch (e) {
    console.error(e?.stack ?? String(e));
    results.push(`  FAIL  ${name} (${seconds(t)})`);
    return false;
  }
}

// The tests, bundled one file per spec so Mocha can load each in turn; a fresh copy of the test workspace.
rmSync(out, { recursive: true, force: true });
const suite = join(root, 'test', 'vscode', 'suite');
await esbuild.build({
  entryPoints: readdirSync(suite).filter((f) => f.endsWith('.ts')).map((f) => join(suite, f)),
  outdir: join(out, 'suite'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
const workspace = join(out, 'workspace');
cpSync(join(root, 'test', 'vscode', 'workspace'), workspace, { recursive: true });

const onCodeServer = !process.env.SCR_VSCODE_EXECUTABLE && codeServerAvailable();
let vscodeExecutablePath = process.env.SCR_VSCODE_EXECUTABLE;
if (onCodeServer) {
  chmodSync(shim, 0o755);
  vscodeExecutablePath = shim;
}

let ok = await step(`extension tests in ${onCodeServer ? 'code-server' : vscodeExecutablePath ? vscodeExecutablePath : 'a downloaded VS Code'}`, () =>
  runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(out, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    vscodeExecutablePath,
  }),
);

mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });
if (existsSync(CHROMIUM)) {
  const { runWebviewPageTests } = await import('./webview-page.mjs');
  ok = (await step('the preview page in Chromium', () => runWebviewPageTests({ root }))) && ok;
} else {
  results.push(`  skip  the preview page in Chromium: no browser at ${CHROMIUM}`);
}

if (codeServerAvailable()) {
  const { runUiTests } = await import('./ui.mjs');
  ok = (await step('UI tests in code-server and Chromium', () => runUiTests({ root }))) && ok;
} else {
  results.push('  skip  UI tests: they need code-server (scripts/setup-real-vscode.sh)');
}

console.log(`\n${results.join('\n')}\nTotal ${seconds(started)}`);
process.exit(ok ? 0 : 1);
