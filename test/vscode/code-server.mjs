// A real VS Code on machines with no VS Code desktop: code-server (VS Code served to a browser)
// driven by Chromium through playwright-core. Installed by scripts/setup-real-vscode.sh into a cache
// folder outside the project. Shared by the extension-host test shim and the UI tests.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE = process.env.SCR_TOOLS_CACHE || join(homedir(), '.cache', 'scr-tools');
const NODE24 = join(CACHE, 'node24', 'bin', 'node');
const ENTRY = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.SCR_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Whether this machine runs VS Code as code-server (set up by scripts/setup-real-vscode.sh). */
export function codeServerAvailable() {
  return existsSync(NODE24) && existsSync(ENTRY) && existsSync(CHROMIUM);
}

/**
 * The environment for code-server and Chromium: their own data, settings and cache folders
 * under `dir`, so a test run writes nothing into the home folder.
 */
export function sandboxEnv(dir, extra = {}) {
  const env = { ...process.env, ...extra };
  for (const [name, sub] of [['XDG_DATA_HOME', 'data'], ['XDG_CONFIG_HOME', 'config'], ['XDG_CACHE_HOME', 'cache']]) {
    env[name] = join(dir, sub);
    mkdirSync(env[name], { recursive: true });
  }
  return env;
}

const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server in its own process group on 127.0.0.1 and waits until it answers.
 * Returns { url, port, stop }; stop() ends the whole group (helpers outlive the main process).
 */
export async function startCodeServer({ userDataDir, extensionsDir, settings = {}, vscodeOptions = [], log = () => {} }) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const config = join(userDataDir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const port = await freePort();
  const args = [
    ENTRY,
    '--config', config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...vscodeOptions.flatMap((o) => ['--vscode-option', o]),
  ];
  const child = spawn(NODE24, args, {
    detached: true, // its own process group, so stop() can end every helper it starts
    stdio: ['ignore', 'pipe', 'pipe'],
    env: sandboxEnv(join(userDataDir, 'sandbox'), { PATH: `${join(CACHE, 'node24', 'bin')}:${process.env.PATH}` }),
  });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = () => {
    process.removeListener('exit', stop);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  // However this process ends (see stopOnSignals), the server's whole group ends with it.
  process.once('exit', stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error('code-server stopped while starting (see its log above)');
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      stop();
      throw new Error('code-server did not answer within 60 s');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, pid: child.pid, stop };
}

/** Ctrl+C or a kill ends the process through its 'exit' handlers, which stop any code-server started. */
export function stopOnSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, () => process.exit(130));
}

/** Installs a packaged extension (.vsix) into an extensions folder, with code-server's own CLI. */
export function installExtension({ vsix, userDataDir, extensionsDir }) {
  mkdirSync(userDataDir, { recursive: true });
  const config = join(userDataDir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [ENTRY, '--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: sandboxEnv(join(userDataDir, 'sandbox'), { PATH: `${join(CACHE, 'node24', 'bin')}:${process.env.PATH}` }),
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`installing ${vsix} failed:\n${out}`))));
  });
}

/** Chromium, headless, keeping its own files under `dir`. */
export async function launchChromium(dir) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: sandboxEnv(dir) });
}

/** The workbench URL that opens `folder`, with extra workbench options (payload) such as a development extension. */
export function workbenchUrl(base, folder, payload = []) {
  const q = new URLSearchParams({ folder });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${base}/?${q}`;
}

/** The URI by which the browser's VS Code names a path on the code-server machine. */
export function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${path}`;
}
