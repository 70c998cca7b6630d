#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches, on
// machines where VS Code runs as code-server: takes the same arguments
// (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, a
// folder), runs the extension tests in code-server's extension host with Chromium as the window,
// prints the test output and exits with the tests' exit code.
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { launchChromium, remoteUri, startCodeServer, stopOnSignals, workbenchUrl } from './code-server.mjs';

// Log lines from VS Code itself that say nothing about the tests (no network here, and so on).
const NOISE = /open-vsx\.org|ENOTFOUND|getaddrinfo|AccountPolicyGate|marketplace|\bat (async )?\S+ \(http:\/\/127\.0\.0\.1/;
const TIMEOUT_MS = Number(process.env.SCR_TEST_TIMEOUT_MS || 150_000);

function parse(argv) {
  const o = { folders: [], dev: [] };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(a);
    if (m) {
      if (m[1] === 'extensionDevelopmentPath') o.dev.push(resolve(m[2]));
      else if (m[1] === 'extensionTestsPath') o.tests = resolve(m[2]);
      else if (m[1] === 'user-data-dir') o.userDataDir = resolve(m[2]);
      else if (m[1] === 'extensions-dir') o.extensionsDir = resolve(m[2]);
    } else if (!a.startsWith('-')) o.folders.push(resolve(a));
  }
  return o;
}

const o = parse(process.argv.slice(2));
if (!o.tests || !o.dev.length || !o.userDataDir || !o.extensionsDir) {
  console.error('code-server-shim: needs --extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir= and --extensions-dir=');
  process.exit(2);
}

stopOnSignals();
let server;
let browser;
let exitCode = 1;
const verbose = !!process.env.SCR_TEST_VERBOSE;
try {
  server = await startCodeServer({
    userDataDir: o.userDataDir,
    extensionsDir: o.extensionsDir,
    vscodeOptions: ['enable-smoke-test-driver'],
    log: (s) => verbose && process.stderr.write(s),
  });
  browser = await launchChromium(join(o.userDataDir, 'sandbox'));
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const done = new Promise((resolveDone) => {
    // The workbench reports the extension host's test output and its exit through these.
    page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && NOISE.test(text)) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    page.exposeFunction('codeAutomationExit', (code) => resolveDone(Number(code) || 0));
  });
  if (verbose) page.on('console', (m) => process.stderr.write(`[browser] ${m.text()}\n`));
  const payload = [...o.dev.map((d) => ['extensionDevelopmentPath', remoteUri(server.port, d)]), ['extensionTestsPath', remoteUri(server.port, o.tests)]];
  await page.goto(workbenchUrl(server.url, o.folders[0] ?? o.dev[0], payload));
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS)));
  const result = await Promise.race([done, timeout]);
  clearTimeout(timer);
  if (result === 'timeout') {
    console.error(`code-server-shim: the tests did not finish within ${TIMEOUT_MS / 1000} s`);
    exitCode = 1;
  } else exitCode = result;
} catch (e) {
  console.error(`code-server-shim: ${e?.stack ?? e}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
}
process.exit(exitCode);
