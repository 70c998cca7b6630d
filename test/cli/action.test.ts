import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { ROOT, scratch } from '../helpers/cli';
import { CI_DOSSIER } from './run-cli';

// The GitHub Action's check step (action.yml), run with bash as the runner runs it, on a copy of
// test/fixtures/ci-dossier: what it writes to the log, the job summary and its outputs.

interface Step { id?: string; run?: string }
const steps = (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } }).runs.steps;
const CHECK = steps.find((s) => s.id === 'check')?.run ?? '';

describe('the action’s check step', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch(CI_DOSSIER);
  });
  after(() => s.done());

  const step = (inputs: Record<string, string>, cwd = s.dir) => {
    const out = join(s.dir, '..', `${Math.random().toString(36).slice(2)}-gh`);
    const output = `${out}-output`;
    const summary = `${out}-summary.md`;
    writeFileSync(output, '');
    writeFileSync(summary, '');
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(GITHUB_|GITLAB_|CI_|RUNNER_)/.test(k) && k !== 'CI') env[k] = v;
    const r = spawnSync('bash', ['-e', '-c', CHECK], {
      cwd,
      encoding: 'utf8',
      env: {
        ...env, NO_COLOR: '1', GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary,
        SCR_PATHS: '.', SCR_CHANGED_SINCE: '', SCR_ALL_FILES: 'true', SCR_MAX_WARNINGS: '', SCR_SARIF_FILE: '', SCR_SUMMARY: 'true', SCR_BASELINE: '', SCR_CONFIG: '',
        ...inputs,
      },
    });
    return { code: r.status, log: r.stdout + r.stderr, output: readFileSync(output, 'utf8'), summary: readFileSync(summary, 'utf8') };
  };

  it('writes the SARIF file asked for and names it in its outputs', () => {
    const r = step({ SCR_SARIF_FILE: 'qm2.sarif' });
    assert.equal(r.code, 1, r.log);
    assert.match(r.output, /^sarif-file=qm2\.sarif$/m);
    assert.equal(JSON.parse(readFileSync(join(s.dir, 'qm2.sarif'), 'utf8')).version, '2.1.0');
    assert.match(r.summary, /\*\*Failed: 1 error\.\*\*/, 'the job summary says why the step failed');
  });

  it('says so, and fails, when the SARIF file cannot be written, rather than naming a file that is not there', () => {
    // A case file stands where the SARIF file's folder should be.
    const r = step({ SCR_SARIF_FILE: 'child-p.scr.yaml/qm2.sarif' });
    assert.equal(r.code, 2, r.log);
    assert.match(r.log, /scr-check: could not write child-p\.scr\.yaml\/qm2\.sarif: part of its path is a file, not a folder\./);
    assert.match(r.log, /^::error title=SCR Decision Checker::The SARIF file child-p\.scr\.yaml\/qm2\.sarif was not written/m);
    assert.match(r.output, /^sarif-file=$/m);
    assert.match(r.output, /^exit-code=2$/m);
  });

  it('takes one path per line, so a folder with a space in its name can be given', () => {
    const d = scratch();
    try {
      mkdirSync(join(d.dir, '2016 cases'));
      mkdirSync(join(d.dir, 'later'));
      cpSync(join(CI_DOSSIER, 'child-p.scr.yaml'), join(d.dir, '2016 cases', 'child p.scr.yaml'));
      cpSync(join(CI_DOSSIER, 'child-r.scr.yaml'), join(d.dir, 'later', 'child-r.scr.yaml'));
      cpSync(join(CI_DOSSIER, 'child-s.scr.yaml'), join(d.dir, 'child-s.scr.yaml'));
      // As a YAML block input (`paths: |`) arrives: each line one path, ending with a line break.
      const r = step({ SCR_PATHS: '2016 cases/\n  later/child-r.scr.yaml  \r\n\n' }, d.dir);
      assert.doesNotMatch(r.log, /scr-check: /, r.log);
      assert.match(r.log, /^SCR check: .* 2 case files checked/m, r.log);
      assert.match(r.log, /2016 cases\/child p\.scr\.yaml/);
      assert.match(r.log, /later\/child-r\.scr\.yaml/);
      assert.doesNotMatch(r.log, /child-s/, 'only the paths given are checked');
    } finally {
      d.done();
    }
  });

  it('still takes paths separated by spaces on one line', () => {
    const r = step({ SCR_PATHS: 'child-p.scr.yaml  child-r.scr.yaml' });
    assert.doesNotMatch(r.log, /scr-check: /, r.log);
    assert.match(r.log, /^SCR check: .* 2 case files checked/m, r.log);
    assert.doesNotMatch(r.log, /child-s/);
  });
});

describe('the action’s set-up step', () => {
  it('on a runner with an old Node.js, fails and advises the version docs/ci.md recommends', () => {
    const setup = steps.find((s) => s.run?.includes('process.versions.node'))?.run ?? '';
    const script = /node -e '([^']*)'/.exec(setup)?.[1];
    assert.ok(script, 'the step checks the version with node -e');
    // As on a runner with Node.js 18.
    const old = "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '18.20.0' } }); Object.defineProperty(process, 'version', { value: 'v18.20.0' });";
    const r = spawnSync(process.execPath, ['-e', `${old}\n${script}`], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    const advised = /node-version (\d+)/.exec(r.stdout)?.[1];
    const recommended = /`node-version: (\d+)`/.exec(readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8'))?.[1];
    assert.ok(recommended, 'docs/ci.md recommends a version');
    assert.equal(advised, recommended, r.stdout);
    assert.match(r.stdout, /^::error title=SCR Decision Checker::Node\.js 20 or later is needed, and this runner has v18\.20\.0\./);
    // On this Node.js, the step goes on.
    assert.equal(spawnSync(process.execPath, ['-e', script!], { encoding: 'utf8' }).status, 0);
  });
});
