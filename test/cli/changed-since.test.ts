import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LineIndex, type Finding } from '../../server/src/engine/index';
import { code } from '../../server/src/cli/formats/markdown';
import { summaryLine, type FileReport, type RunReport } from '../../server/src/cli/report';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

const P = readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8');
const R = readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8');
const S = readFileSync(join(CI_DOSSIER, 'child-s.scr.yaml'), 'utf8');

/** Reported file paths, from the JSON format. */
function reported(stdout: string): string[] {
  return (JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path);
}

describe('--changed-since in a real git repository', () => {
  let s: ReturnType<typeof scratch>;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: s.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const write = (name: string, text: string) => {
    mkdirSync(join(s.dir, name, '..'), { recursive: true });
    writeFileSync(join(s.dir, name), text);
  };
  const check = (ref: string, ...more: string[]) => run(['--changed-since', ref, '--format', 'json', '--today', GOLDEN_TODAY, ...more], s.dir);
  /** The summary line of a format that states one: stylish (the default), github or markdown. */
  const summary = (ref: string, format = 'stylish') => {
    const out = run(['--changed-since', ref, '--format', format, '--today', GOLDEN_TODAY], s.dir).stdout;
    return out.split('\n').find((l) => /case files? checked/.test(l));
  };

  before(() => {
    s = scratch();
    git('init', '-q', '-b', 'main');
    write('dossier/child-p.scr.yaml', P);
    write('dossier/child-r.scr.yaml', R);
    write('dossier/child-s.scr.yaml', S);
    write('README.md', 'Our dossier.\n');
    git('add', '.');
    git('commit', '-q', '-m', 'The dossier');
    git('tag', 'start');
    git('checkout', '-q', '-b', 'review');
  });
  after(() => s.done());

  it('nothing changed: nothing reported, exit 0, and a message saying so', () => {
    const r = check('main');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reported(r.stdout), []);
    assert.match(r.stderr, /no case files changed since main/);
  });

  it('nothing changed: a format that states it says it once, with no note on what was reported and nothing on stderr', () => {
    const r = run(['--changed-since', 'main', '--today', GOLDEN_TODAY, '--no-color'], s.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '✓ 3 case files checked; none changed since main, so there is nothing to report.\n');
    assert.equal(r.stderr, '');
  });

  it('nothing changed: the summary says every file was checked and none changed, in every format that states it', () => {
    assert.equal(summary('main'), '✓ 3 case files checked; none changed since main, so there is nothing to report.');
    assert.equal(summary('main', 'github'), 'SCR check: ✓ 3 case files checked; none changed since main, so there is nothing to report.');
    assert.equal(summary('main', 'markdown'), '**✓ 3 case files checked; none changed since `main`, so there is nothing to report.**');
  });

  it('reports only the case file a commit changed', () => {
    write('dossier/child-p.scr.yaml', P.replace('Admitted with a head injury; died two days later.', 'Admitted with a head injury; died two days later in hospital.'));
    write('README.md', 'Our dossier, reviewed.\n');
    git('commit', '-q', '-am', 'Edit Child P');
    const r = check('main');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reported(r.stdout), ['dossier/child-p.scr.yaml']);
    assert.deepEqual(reported(check('start').stdout), ['dossier/child-p.scr.yaml'], 'a tag works as well as a branch');
    assert.equal(summary('main'), '✓ 3 case files checked; 1 changed since main is reported: 0 errors, 0 warnings, 0 notes.');
    assert.match(summary('main', 'markdown') ?? '', /^\*\*✓ 3 case files checked; 1 changed since `main` is reported: /);
  });

  it('counts from where the branches meet, so later work on main is not included', () => {
    git('checkout', '-q', 'main');
    write('dossier/child-r.scr.yaml', R.replace('Child R', 'Child R2'));
    git('commit', '-q', '-am', 'Main moves on');
    git('checkout', '-q', 'review');
    assert.deepEqual(reported(check('main').stdout), ['dossier/child-p.scr.yaml']);
  });

  it('includes uncommitted edits and new files git does not track yet', () => {
    write('dossier/child-s.scr.yaml', S.replace('Found unresponsive at home.', 'Found unresponsive at home early in the morning.'));
    write('dossier/new/child-t.scr.yaml', P.replace('NSCB-2016-21', 'NSCB-2016-40').replace('Child P', 'Child T'));
    const r = check('main');
    assert.deepEqual(reported(r.stdout), ['dossier/child-p.scr.yaml', 'dossier/child-s.scr.yaml', 'dossier/new/child-t.scr.yaml']);
    assert.equal(r.code, 1, 'child-s has an error');
    git('add', '.');
    git('commit', '-q', '-m', 'More');
  });

  it('a shared case reference brings in the unchanged file that holds it too', () => {
    write('dossier/new/child-t.scr.yaml', P.replace('NSCB-2016-21', 'NSCB-2016-30').replace('Child P', 'Child T'));
    git('commit', '-q', '-am', 'Give Child T the reference of Child R by mistake');
    const r = check('HEAD~1');
    assert.deepEqual(reported(r.stdout), ['dossier/child-r.scr.yaml', 'dossier/new/child-t.scr.yaml']);
    const rules = (JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string }[] }[] }).files.map((f) => f.diagnostics.some((d) => d.rule === 'duplicate-id'));
    assert.deepEqual(rules, [true, true]);
    assert.match(summary('HEAD~1') ?? '', /^✗ 4 case files checked; 2 reported \(1 changed since HEAD~1, 1 affected by a changed file\): 2 errors, /);
    assert.equal(r.code, 1);
  });

  it('a changed settings file brings in every case file it governs', () => {
    write('dossier/new/scr.config.yaml', 'decisionLimit: 2 months\n');
    git('add', '.');
    git('commit', '-q', '-m', 'Settings for the new folder');
    assert.deepEqual(reported(check('HEAD~1').stdout), ['dossier/new/child-t.scr.yaml']);
    assert.match(summary('HEAD~1', 'github') ?? '', /^SCR check: . 4 case files checked; 1 reported \(none changed since HEAD~1, 1 affected by a changed file\): /);
  });

  it('deleted files are simply not reported', () => {
    git('rm', '-q', 'dossier/child-s.scr.yaml');
    git('commit', '-q', '-m', 'Remove Child S');
    const r = check('HEAD~1');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reported(r.stdout), []);
  });

  it('a renamed file counts as a new one', () => {
    git('mv', 'dossier/child-r.scr.yaml', 'dossier/child-r-2016.scr.yaml');
    git('commit', '-q', '-m', 'Rename Child R');
    assert.deepEqual(reported(check('HEAD~1').stdout), ['dossier/child-r-2016.scr.yaml', 'dossier/new/child-t.scr.yaml'], 'and the case sharing its reference');
  });

  it('works from a subfolder, with paths shown from there', () => {
    write('dossier/child-p.scr.yaml', P.replace('Child P', 'Child P1'));
    const r = run(['--changed-since', 'HEAD', '--format', 'json', '--today', GOLDEN_TODAY], join(s.dir, 'dossier'));
    assert.deepEqual(reported(r.stdout), ['child-p.scr.yaml']);
    git('checkout', '-q', '--', 'dossier/child-p.scr.yaml');
  });

  it('from a subfolder with no changes, says that changed case files lie outside it', () => {
    write('dossier/child-p.scr.yaml', P.replace('Child P', 'Child P1'));
    const r = run(['--changed-since', 'HEAD', '--format', 'json', '--today', GOLDEN_TODAY], join(s.dir, 'dossier', 'new'));
    git('checkout', '-q', '--', 'dossier/child-p.scr.yaml');
    assert.deepEqual(reported(r.stdout), []);
    assert.equal(r.stderr, 'scr-check: no case files changed since HEAD among those checked; 1 changed case file is outside them (../child-p.scr.yaml).\n');
  });

  it('an unknown ref is a clear usage problem (exit 2)', () => {
    for (const ref of ['no-such-branch', 'origin/main', '--output=x']) {
      const r = check(ref);
      assert.equal(r.code, 2, `${ref}: ${r.stderr}`);
      assert.match(r.stderr, /^scr-check: .*changed-since/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
    assert.match(check('no-such-branch').stderr, /"no-such-branch" is not a branch, tag or commit this repository knows/);
  });

  it('outside a git repository: a clear message and exit 2', () => {
    const plain = scratch();
    writeFileSync(join(plain.dir, 'case.scr.yaml'), P);
    const r = run(['--changed-since', 'main'], plain.dir, { GIT_CEILING_DIRECTORIES: join(plain.dir, '..') });
    plain.done();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--changed-since needs a git repository, and .* is not inside one\./);
  });

  it('a shallow copy without the base commit is told to fetch the full history', () => {
    const clone = scratch();
    rmSync(clone.dir, { recursive: true });
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${s.dir}`, clone.dir], { stdio: 'ignore' });
    const r = run(['--changed-since', 'HEAD~3'], clone.dir);
    clone.done();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /fetch-depth: 0/);
  });
});

describe('--changed-since finds the repository of the paths given, not of the folder it runs in', () => {
  let s: ReturnType<typeof scratch>;
  // The scratch folder is no repository; git must not look above it.
  const env = () => ({ GIT_CEILING_DIRECTORIES: join(s.dir, '..') });
  const repo = (name: string, files: Record<string, string>, change: string) => {
    const dir = join(s.dir, name);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    mkdirSync(dir, { recursive: true });
    git('init', '-q', '-b', 'main');
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    git('add', '.');
    git('commit', '-q', '-m', 'The dossier');
    writeFileSync(join(dir, change), files[change].replace('died two days later.', 'died two days later in hospital.'));
  };
  before(() => {
    s = scratch();
    repo('north', { 'child-p.scr.yaml': P, 'child-r.scr.yaml': R }, 'child-p.scr.yaml');
    repo('south', { 'child-s.scr.yaml': S, 'child-p.scr.yaml': P.replace('NSCB-2016-', 'SSCB-2016-') }, 'child-p.scr.yaml');
    mkdirSync(join(s.dir, 'loose'));
    writeFileSync(join(s.dir, 'loose', 'child-r.scr.yaml'), R);
  });
  after(() => s.done());
  const check = (...paths: string[]) => run(['--changed-since', 'main', '--format', 'json', '--today', GOLDEN_TODAY, ...paths], s.dir, env());

  it('run from outside a repository, with a path inside one', () => {
    const r = check('north');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reported(r.stdout), ['north/child-p.scr.yaml']);
    // A file, a pattern and a path that does not exist are each looked for from their own folder.
    assert.deepEqual(reported(check('north/child-p.scr.yaml').stdout), ['north/child-p.scr.yaml']);
    assert.deepEqual(reported(check('north/*.scr.yaml').stdout), ['north/child-p.scr.yaml']);
  });

  it('paths in two repositories: each compared with its own repository', () => {
    const r = check('north', 'south');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(reported(r.stdout), ['north/child-p.scr.yaml', 'south/child-p.scr.yaml']);
  });

  it('a path outside any repository is named', () => {
    const r = check('north', 'loose');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'scr-check: --changed-since needs a git repository, and loose is not inside one.\n');
  });
});

describe('--changed-since under a changed settings file', () => {
  it('reports a case file it governs that cannot be read, as a full run would', () => {
    const s = scratch();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: s.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      git('init', '-q', '-b', 'main');
      writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
      writeFileSync(join(s.dir, 'child-p.scr.yaml'), P);
      // Not UTF-8: a full run reports it as a file that cannot be read.
      writeFileSync(join(s.dir, 'latin1.scr.yaml'), Buffer.from('scr: 1\ncase:\n  reference: X\n  child:\n    pseudonym: Child \xe9\n', 'latin1'));
      git('add', '.');
      git('commit', '-q', '-m', 'The dossier');
      writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 2 months\n');
      const full = run(['--format', 'json', '--today', GOLDEN_TODAY], s.dir);
      const changed = run(['--changed-since', 'HEAD', '--format', 'json', '--today', GOLDEN_TODAY], s.dir);
      assert.deepEqual(reported(full.stdout), ['child-p.scr.yaml', 'latin1.scr.yaml']);
      assert.deepEqual(reported(changed.stdout), reported(full.stdout));
      assert.equal(changed.code, 1, 'the unreadable file fails the run, as it fails a full run');
    } finally {
      s.done();
    }
  });
});

describe('the --changed-since summary line', () => {
  const file = (path: string, kind: FileReport['kind'], severity?: Finding['severity']): FileReport => ({
    path, absolutePath: `/d/${path}`, lines: new LineIndex(''), kind, waived: [],
    findings: severity ? [{ rule: 'schema', severity, message: 'x', span: { start: 0, end: 0 }, questions: [], fixes: [], related: [] }] : [],
  });
  const line = (files: FileReport[], changedSince: RunReport['changedSince'], more: Partial<RunReport> = {}) => summaryLine({ files, errors: 0, warnings: 0, baselined: 0, changedSince, ...more });

  it('counts a changed file that could not be read among those reported, and says so', () => {
    assert.equal(line([file('a.scr.yaml', 'unreadable', 'error'), file('b.scr.yaml', 'case')], { ref: 'main', checked: 5, changed: 2 }), '5 case files checked; 2 changed since main are reported (1 could not be read): 1 error, 0 warnings, 0 notes.');
    assert.equal(line([file('a.scr.yaml', 'unreadable', 'error'), file('b.scr.yaml', 'case')], { ref: 'main', checked: 5, changed: 1 }), '5 case files checked; 2 reported (1 changed since main, 1 affected by a changed file; 1 could not be read): 1 error, 0 warnings, 0 notes.');
  });

  it('gives the totals of a settings file reported when no case file changed, and what --quiet left out', () => {
    assert.equal(line([file('scr.config.yaml', 'config', 'error')], { ref: 'main', checked: 1, changed: 0 }), '1 case file checked; none changed since main: 1 error, 0 warnings, 0 notes.');
    assert.equal(line([file('a.scr.yaml', 'case')], { ref: 'main', checked: 2, changed: 1 }, { hidden: { warnings: 2, notes: 0 } }), '2 case files checked; 1 changed since main is reported: 0 errors; 2 warnings not shown, as --quiet asks.');
  });

  it('writes the ref as the format shows it, on one line', () => {
    assert.equal(line([], { ref: 'a\nb', checked: 1, changed: 0 }), '1 case file checked; none changed since a b, so there is nothing to report.');
    assert.equal(summaryLine({ files: [], errors: 0, warnings: 0, baselined: 0, changedSince: { ref: 'main', checked: 1, changed: 0 } }, code), '1 case file checked; none changed since `main`, so there is nothing to report.');
  });
});
