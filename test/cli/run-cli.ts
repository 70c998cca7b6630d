import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { strict as assert } from 'node:assert';
import { CLI, ROOT, type CliResult } from '../helpers/cli';

/**
 * test/fixtures/ci-dossier, copied to a folder of its own that is the top of a (bare-bones) git
 * repository: outputs name files from the top of their repository, so that the tests' outputs do
 * not depend on where this project is checked out.
 */
export const CI_DOSSIER = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'scr-ci-dossier-'));
  cpSync(join(ROOT, 'test', 'fixtures', 'ci-dossier'), dir, { recursive: true });
  mkdirSync(join(dir, '.git'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
})();
export const GOLDEN = join(ROOT, 'test', 'cli', 'golden');
/** The day the golden outputs are made on. */
export const GOLDEN_TODAY = '2016-06-30';
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/**
 * Runs the built command line in a real process with an environment that does not depend on
 * where the tests run: no colour, and none of the CI variables that change links (a test that
 * wants them passes them in `env`).
 */
export function run(args: string[], cwd: string, env: Record<string, string> = {}, input?: string): CliResult {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(GITHUB_|GITLAB_|CI_|RUNNER_)/.test(k) || k === 'CI') continue;
    base[k] = v;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...base, NO_COLOR: '1', ...env }, timeout: 60_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Compares text with a golden file; UPDATE_GOLDEN=1 writes the file instead. */
export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file test/cli/golden/${name} exists (make it with UPDATE_GOLDEN=1)`);
  const expected = readFileSync(file, 'utf8');
  assert.equal(actual, expected, `output differs from test/cli/golden/${name}; if the change is intended, run the tests again with UPDATE_GOLDEN=1 and review the diff`);
}
