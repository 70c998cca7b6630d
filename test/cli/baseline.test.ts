import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; message: string; line: number }[] }[];
}

const R = readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8');
const S = readFileSync(join(CI_DOSSIER, 'child-s.scr.yaml'), 'utf8');

describe('baselines', () => {
  let s: ReturnType<typeof scratch>;
  const check = (...args: string[]) => run(['dossier', '--today', GOLDEN_TODAY, '--format', 'json', ...args], s.dir);
  const found = (r: { stdout: string }) => (JSON.parse(r.stdout) as JsonReport).files.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.rule} ${d.line}`));

  before(() => {
    s = scratch();
    mkdirSync(join(s.dir, 'dossier'));
    writeFileSync(join(s.dir, 'dossier', 'child-r.scr.yaml'), R);
    writeFileSync(join(s.dir, 'dossier', 'child-s.scr.yaml'), S);
  });
  after(() => s.done());

  it('--write-baseline records every finding that is not waived, and exits 0', () => {
    const all = found(check());
    assert.ok(all.length > 5);
    const r = check('--write-baseline', 'qm2-baseline.json');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`recorded ${all.length} findings in the baseline qm2-baseline\\.json`));
    const b = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    assert.equal(b.version, 1);
    assert.equal(b.findings.length, all.length);
    for (const e of b.findings) {
      assert.deepEqual(Object.keys(e), ['path', 'case', 'rule', 'fingerprint', 'at']);
      assert.match(e.path, /^dossier\/child-[rs]\.scr\.yaml$/, 'paths are relative to the baseline’s folder');
      assert.ok(!('line' in e), 'no line numbers');
    }
    assert.ok(b.findings.some((e: { rule: string; at: string }) => e.rule === 'unknown-agency' && e.at === 'meetings[date=2016-05-20].agencies[=school]'), 'where each finding is, for people');
    const again = check('--today', '2016-07-15', '--write-baseline', 'again.json');
    assert.equal(again.code, 0);
    assert.equal(readFileSync(join(s.dir, 'again.json'), 'utf8'), readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'), 'written on another day, the baseline is the same');
    assert.ok(!b.findings.some((e: { rule: string }) => e.rule === 'minimum-data-requested'), 'the waived finding is not recorded');
  });

  it('with the baseline, nothing is reported and the run passes', () => {
    const r = check('--baseline', 'qm2-baseline.json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(found(r), []);
    const plain = run(['dossier', '--today', GOLDEN_TODAY, '--baseline', 'qm2-baseline.json'], s.dir);
    assert.match(plain.stdout, /findings? already in the baseline not shown/);
  });

  it('lines moved and unrelated text edited: no finding comes back', () => {
    const edited = S.replace('scr: 1\n', 'scr: 1\n# Reviewed at the subgroup.\n\n')
      .replace('    summary: Found unresponsive at home.\n', '    summary: >-\n      Found unresponsive at home\n      by a parent.\n')
      .replace('  from: Northshire Police\n', '  from: Northshire Police (public protection unit)\n')
      .replace('      summary: No previous contact.\n', '      summary: No previous contact with the family.\n');
    writeFileSync(join(s.dir, 'dossier', 'child-s.scr.yaml'), edited);
    // The whole agencies list moved below the meetings: every line under it has moved.
    const rEdited = R.replace(/\nagencies:\n[\s\S]*?\ncontext:\n/, '\ncontext:\n').replace('\nmeetings:\n', `\n${R.match(/agencies:\n[\s\S]*?\n(?=context:\n)/)![0]}meetings:\n`);
    assert.notEqual(rEdited, R);
    writeFileSync(join(s.dir, 'dossier', 'child-r.scr.yaml'), rEdited);
    const moved = check();
    const before = found(moved);
    assert.ok(before.length > 5, 'the findings are still there without the baseline');
    const r = check('--baseline', 'qm2-baseline.json');
    assert.deepEqual(found(r), [], 'nothing resurrected');
    assert.equal(r.code, 0);
    // Another day changes messages ("overdue by N days"), not fingerprints.
    assert.deepEqual(found(run(['dossier', '--today', '2016-08-01', '--format', 'json', '--baseline', 'qm2-baseline.json'], s.dir)), []);
  });

  it('a fixed finding disappears; a new one is the only one reported', () => {
    let text = readFileSync(join(s.dir, 'dossier', 'child-s.scr.yaml'), 'utf8');
    // Fix: the meeting's unknown agency.
    text = text.replace('agencies: [police, school]', 'agencies: [police]');
    writeFileSync(join(s.dir, 'dossier', 'child-s.scr.yaml'), text);
    const fixed = found(check());
    assert.ok(!fixed.some((f) => f.includes('unknown-agency')), 'the fixed finding is gone');
    assert.deepEqual(found(check('--baseline', 'qm2-baseline.json')), []);
    // New: a second unknown agency in a new meeting.
    text = text.replace('\ncriteria:\n', '\n  - date: 2016-06-01\n    forum: Strategy meeting\n    agencies: [police, nursery]\n    recommendation:\n      outcome: scr\n      rationale: Agreed.\ncriteria:\n');
    writeFileSync(join(s.dir, 'dossier', 'child-s.scr.yaml'), text);
    const r = check('--baseline', 'qm2-baseline.json');
    const news = found(r);
    assert.equal(news.length, 1, news.join('\n'));
    assert.match(news[0], /^dossier\/child-s\.scr\.yaml unknown-agency \d+$/);
    assert.equal(r.code, 1, 'a new error fails the run');
  });

  it('works from another folder: paths are relative to the baseline file', () => {
    const r = run(['.', '--today', GOLDEN_TODAY, '--format', 'json', '--baseline', '../qm2-baseline.json'], join(s.dir, 'dossier'));
    const news = (JSON.parse(r.stdout) as JsonReport).files.flatMap((f) => f.diagnostics.map((d) => d.rule));
    assert.deepEqual(news, ['unknown-agency']);
  });

  it('a missing or wrong baseline is a usage problem (exit 2); a file that is not a baseline is never overwritten', () => {
    const missing = check('--baseline', 'nowhere.json');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /nowhere\.json does not exist\. Make it first with --write-baseline/);
    writeFileSync(join(s.dir, 'notes.json'), '{"my": "notes"}');
    const wrong = check('--baseline', 'notes.json');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /not a baseline file/);
    const over = check('--write-baseline', 'notes.json');
    assert.equal(over.code, 2);
    assert.match(over.stderr, /not a baseline, so it was left alone/);
    assert.equal(readFileSync(join(s.dir, 'notes.json'), 'utf8'), '{"my": "notes"}');
    const over2 = check('--write-baseline', 'dossier/child-r.scr.yaml');
    assert.equal(over2.code, 2, 'a case file given by mistake is left alone');
  });

  it('what the messages advise works: an empty file or another version’s baseline is made again in place', () => {
    for (const [name, text] of [['empty.json', ''], ['v2.json', '{"version": 2, "findings": []}']]) {
      writeFileSync(join(s.dir, name), text);
      const use = check('--baseline', name);
      assert.equal(use.code, 2);
      assert.match(use.stderr, new RegExp(`Make (the baseline|it again) with --write-baseline ${name.replace('.', '\\.')}\\.`));
      const make = check('--write-baseline', name);
      assert.equal(make.code, 0, `${name}: ${make.stderr}`);
      assert.equal(JSON.parse(readFileSync(join(s.dir, name), 'utf8')).version, 1);
      assert.equal(check('--baseline', name).code, 0);
    }
  });

  it('writing again for some files keeps the others’ entries', () => {
    const b0 = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    const r = run(['dossier/child-s.scr.yaml', '--today', GOLDEN_TODAY, '--write-baseline', 'qm2-baseline.json'], s.dir);
    assert.equal(r.code, 0, r.stderr);
    const b1 = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    const forR = (b: { findings: { path: string }[] }) => b.findings.filter((e) => e.path.endsWith('child-r.scr.yaml'));
    assert.deepEqual(forR(b1), forR(b0));
    assert.deepEqual(found(check('--baseline', 'qm2-baseline.json')), []);
  });
});

describe('baselines tell apart findings of one rule at one place', () => {
  // Each missing key type of agency is its own finding on the `agencies:` line.
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
  const noHealth = BASE.replace('    type: health\n', '    type: other\n');
  const noHealthNorPolice = noHealth.replace('    type: police\n', '    type: other\n');
  let s: ReturnType<typeof scratch>;
  before(() => (s = scratch()));
  after(() => s.done());
  const check = (...args: string[]) => run(['case.scr.yaml', '--today', '2016-06-01', '--format', 'json', ...args], s.dir);
  const messages = (r: { stdout: string }) => (JSON.parse(r.stdout) as JsonReport).files.flatMap((f) => f.diagnostics.map((d) => `${d.rule}: ${d.message.split('.')[0]}`));

  it('a new gap beside an accepted one is reported, and the accepted one stays hidden', () => {
    writeFileSync(join(s.dir, 'case.scr.yaml'), noHealth);
    assert.deepEqual(messages(check()), ['key-agency-missing: No health agency is recorded under `agencies`']);
    assert.equal(check('--write-baseline', 'b.json').code, 0);
    writeFileSync(join(s.dir, 'case.scr.yaml'), noHealthNorPolice);
    assert.equal(messages(check()).length, 2);
    const r = check('--baseline', 'b.json');
    assert.deepEqual(messages(r), ['key-agency-missing: No police agency is recorded under `agencies`']);
    assert.equal(r.code, 0, 'warnings only');
  });
});

describe('baselines follow a case file renamed or moved', () => {
  let s: ReturnType<typeof scratch>;
  const check = (...args: string[]) => run(['dossier', '--today', GOLDEN_TODAY, '--format', 'json', ...args], s.dir);
  const found = (r: { stdout: string }) => (JSON.parse(r.stdout) as JsonReport).files.flatMap((f) => f.diagnostics.map((d) => `${f.path} ${d.rule}`));
  const put = (path: string, text: string) => {
    mkdirSync(join(s.dir, 'dossier', path, '..'), { recursive: true });
    writeFileSync(join(s.dir, 'dossier', path), text);
  };
  /** A dossier of child-r and child-s with its baseline written, as a team starts. */
  const start = () => {
    s?.done();
    s = scratch();
    put('child-r.scr.yaml', R);
    put('child-s.scr.yaml', S);
    rFindings = found(check()).filter((f) => f.startsWith('dossier/child-r.scr.yaml ')).length;
    assert.equal(check('--write-baseline', 'qm2-baseline.json').code, 0);
  };
  /** How many findings child-r has: each comes back when its file is not known again. */
  let rFindings = 0;
  after(() => s.done());

  it('records each file’s case reference with its findings', () => {
    start();
    const b = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    const r = b.findings.filter((e: { path: string }) => e.path === 'dossier/child-r.scr.yaml');
    assert.ok(r.length > 0 && r.every((e: { case: string }) => e.case === 'NSCB-2016-30'), 'every entry of child-r names its case');
    assert.deepEqual(Object.keys(r[0]), ['path', 'case', 'rule', 'fingerprint', 'at']);
  });

  it('a file moved to another name or folder keeps its accepted findings, and the run says why', () => {
    start();
    mkdirSync(join(s.dir, 'dossier', '2016'));
    renameSync(join(s.dir, 'dossier', 'child-r.scr.yaml'), join(s.dir, 'dossier', '2016', 'NSCB-2016-30.scr.yaml'));
    assert.ok(rFindings > 2);
    assert.equal(found(check()).filter((f) => f.startsWith('dossier/2016/')).length, rFindings, 'without the baseline, all still there');
    const r = check('--baseline', 'qm2-baseline.json');
    assert.deepEqual(found(r), []);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /dossier\/2016\/NSCB-2016-30\.scr\.yaml is taken to be dossier\/child-r\.scr\.yaml renamed or moved: it holds the same case \(NSCB-2016-30\)/);
    // A new finding in the moved file is still reported.
    writeFileSync(join(s.dir, 'dossier', '2016', 'NSCB-2016-30.scr.yaml'), R.replace('\nagencies:\n', '\nagencies:\n  - id: nursery\n    name: Little Steps Nursery\n    type: education\n    involvement: none\n'));
    assert.ok(found(check('--baseline', 'qm2-baseline.json')).length > 0, 'a new finding is reported');
  });

  it('writing the baseline again records them under the new name, and forgets the old one', () => {
    start();
    renameSync(join(s.dir, 'dossier', 'child-r.scr.yaml'), join(s.dir, 'dossier', 'r.scr.yaml'));
    assert.equal(check('--write-baseline', 'qm2-baseline.json').code, 0);
    const paths = new Set(JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8')).findings.map((e: { path: string }) => e.path));
    assert.deepEqual([...paths].sort(), ['dossier/child-s.scr.yaml', 'dossier/r.scr.yaml']);
    const r = check('--baseline', 'qm2-baseline.json');
    assert.deepEqual(found(r), []);
    assert.equal(r.stderr, '', 'nothing left to say');
  });

  it('only for the same case: a renamed file that now holds another reference is new', () => {
    start();
    rmSync(join(s.dir, 'dossier', 'child-r.scr.yaml'));
    put('r.scr.yaml', R.replace('reference: NSCB-2016-30', 'reference: NSCB-2016-39'));
    assert.equal(found(check('--baseline', 'qm2-baseline.json')).length, rFindings);
  });

  it('only from a file that no longer exists: a copy beside the original is new', () => {
    start();
    put('copy.scr.yaml', R);
    const news = found(check('--baseline', 'qm2-baseline.json'));
    assert.ok(news.length >= rFindings && news.every((f) => f.startsWith('dossier/c')), news.join('\n'));
    assert.ok(news.filter((f) => f.startsWith('dossier/copy.scr.yaml')).length >= rFindings);
  });

  it('one to one: two files holding the case of one gone file do not both take its findings', () => {
    start();
    rmSync(join(s.dir, 'dossier', 'child-r.scr.yaml'));
    put('r1.scr.yaml', R);
    put('r2.scr.yaml', R);
    const r = check('--baseline', 'qm2-baseline.json');
    const news = found(r);
    for (const name of ['dossier/r1.scr.yaml', 'dossier/r2.scr.yaml']) assert.ok(news.filter((f) => f.startsWith(`${name} `)).length >= rFindings, name);
    assert.match(r.stderr, /dossier\/r1\.scr\.yaml and dossier\/r2\.scr\.yaml all hold the case NSCB-2016-30, as dossier\/child-r\.scr\.yaml did, which the baseline names but no longer exists\. Which file became which cannot be told/);
  });

  it('with git mv and --changed-since: the moved file is reported with no finding back, unless a copy of the case makes it unclear', () => {
    start();
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: s.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const changed = (...more: string[]) => run(['--changed-since', 'main', '--today', GOLDEN_TODAY, '--format', 'json', '--baseline', 'qm2-baseline.json', ...more], s.dir);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'The dossier and its baseline');
    git('checkout', '-q', '-b', 'tidy');
    mkdirSync(join(s.dir, 'dossier', '2016'));
    git('mv', 'dossier/child-r.scr.yaml', 'dossier/2016/child-r.scr.yaml');
    git('commit', '-q', '-m', 'One folder a year');
    const r = changed();
    assert.deepEqual((JSON.parse(r.stdout) as JsonReport).files.map((f) => [f.path, f.diagnostics.length]), [['dossier/2016/child-r.scr.yaml', 0]]);
    assert.equal(r.code, 0, r.stderr);
    // A copy of the case, committed on main beside it: unchanged since main, but reported as it shares the moved file's reference.
    git('checkout', '-q', 'main');
    put('copy-r.scr.yaml', R);
    git('add', '.');
    git('commit', '-q', '-m', 'A copy');
    git('checkout', '-q', 'tidy');
    git('rebase', '-q', 'main');
    const both = changed();
    assert.deepEqual((JSON.parse(both.stdout) as JsonReport).files.map((f) => f.path), ['dossier/2016/child-r.scr.yaml', 'dossier/copy-r.scr.yaml']);
    assert.ok(found(both).filter((f) => f.startsWith('dossier/2016/')).length >= rFindings, 'the moved file cannot be told from the copy: its findings are reported');
    assert.match(both.stderr, /dossier\/2016\/child-r\.scr\.yaml and dossier\/copy-r\.scr\.yaml all hold the case NSCB-2016-30/);
  });

  it('nor two gone files into one', () => {
    start();
    // Two files of one case (a slip the baseline accepted), both gone, one file of it now.
    const b = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    b.findings.push(...b.findings.filter((e: { path: string }) => e.path === 'dossier/child-r.scr.yaml').map((e: object) => ({ ...e, path: 'dossier/old-r.scr.yaml' })));
    writeFileSync(join(s.dir, 'qm2-baseline.json'), JSON.stringify(b));
    rmSync(join(s.dir, 'dossier', 'child-r.scr.yaml'));
    put('r.scr.yaml', R);
    const r = check('--baseline', 'qm2-baseline.json');
    assert.equal(found(r).length, rFindings);
    assert.match(r.stderr, /dossier\/r\.scr\.yaml holds the case NSCB-2016-30, as dossier\/child-r\.scr\.yaml and dossier\/old-r\.scr\.yaml did/);
  });

  it('a baseline written before it recorded cases pairs nothing', () => {
    start();
    const b = JSON.parse(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'));
    for (const e of b.findings) delete e.case;
    writeFileSync(join(s.dir, 'qm2-baseline.json'), JSON.stringify(b));
    renameSync(join(s.dir, 'dossier', 'child-r.scr.yaml'), join(s.dir, 'dossier', 'r.scr.yaml'));
    const r = check('--baseline', 'qm2-baseline.json');
    assert.equal(found(r).length, rFindings);
    assert.equal(r.stderr.includes('renamed or moved'), false);
  });
});
