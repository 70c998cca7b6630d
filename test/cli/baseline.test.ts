import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
      assert.deepEqual(Object.keys(e), ['path', 'rule', 'fingerprint', 'at']);
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
