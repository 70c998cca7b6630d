import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

// What a run says about itself: the mark and the totals follow the exit status, and the report
// says why a run failed; what a baseline may accept; what a file named on the command line is
// checked as.

const R = readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8');

describe('the outcome a run reports is the one its exit status gives', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), R);
  });
  after(() => s.done());
  const check = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], s.dir);

  it('a folder that does not exist fails with ✗ and says why, in every format for people', () => {
    const r = check('nothere/');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^✗ 0 case files checked: 0 errors, 0 warnings, 0 notes\.\nFailed: nothere\/ does not exist\.\n$/);
    const md = check('nothere/', '-f', 'markdown');
    assert.match(md.stdout, /\*\*✗ 0 case files checked[^\n]*\*\*\n\n\*\*Failed: nothere\/ does not exist\.\*\*/);
    const gh = check('nothere/', '-f', 'github');
    assert.match(gh.stdout, /^::error title=SCR check failed::nothere\/ does not exist\.$/m);
  });

  it('a pattern that matches nothing fails with ✗, in the same words as on stderr', () => {
    const r = check('*.md');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^scr-check: no case files \(\*\.scr\.yaml\) match \*\.md\.\n$/);
    assert.match(r.stdout, /^✗ 0 case files checked[^\n]*\nFailed: no case files \(\*\.scr\.yaml\) match \*\.md\.\n$/);
  });

  it('a run within its limits keeps ! for warnings, and says nothing of failing', () => {
    const r = check('--max-warnings', '3');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\n! 1 case file checked: 0 errors, 3 warnings, 0 notes\.\n$/);
    const q = check('-q');
    assert.equal(q.code, 0);
    assert.match(q.stdout, /\n! 1 case file checked: 0 errors; 3 warnings not shown, as --quiet asks\.\n$/);
  });
});

describe('a baseline never accepts a file that could not be read (in whole or in part), nor a mistake in a settings file', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), R);
    // Saved as Latin-1: "é" is one byte that is not UTF-8.
    writeFileSync(join(s.dir, 'latin1.scr.yaml'), Buffer.from('scr: 1\ncase:\n  child: Ren\xe9e\n', 'latin1'));
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisonLimit: 20 working days\n');
  });
  after(() => s.done());
  const check = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], s.dir);

  it('--write-baseline records only case files’ findings, and the run still fails on the others', () => {
    const w = check('--write-baseline', 'bl.json');
    assert.equal(w.code, 1, w.stdout + w.stderr);
    assert.match(w.stdout, /\nFailed: 2 errors a baseline cannot accept \(in a file that could not be read, in whole or in part, or in a settings file\)\.\n/);
    const b = JSON.parse(readFileSync(join(s.dir, 'bl.json'), 'utf8')) as { findings: { path: string }[] };
    assert.ok(b.findings.length > 0);
    assert.deepEqual([...new Set(b.findings.map((e) => e.path))], ['child-r.scr.yaml']);

    const r = check('--baseline', 'bl.json');
    assert.equal(r.code, 1, 'README: 1 for a path that could not be read');
    assert.match(r.stdout, /latin1\.scr\.yaml\n {2}1:1 +error +latin1\.scr\.yaml is not saved as UTF-8/);
    assert.match(r.stdout, /scr\.config\.yaml\n {2}1:1 +error +`decisonLimit` is not a setting/);
    assert.match(r.stdout, /\n✗ 2 case files checked \(1 could not be read\): 2 errors, 0 warnings, 0 notes\.\nFailed: 2 errors\.\n/);
  });

  it('a slip in a case file’s YAML is never accepted: the run fails until it is put right, even with an older baseline that holds it', () => {
    const t = scratch();
    try {
      // An unclosed quote: the file is read only in part, and the slip causes other findings.
      const slipped = R.replace("    name: Northshire Children's Social Care\n", '    name: "Northshire Children\'s Social Care\n');
      assert.notEqual(slipped, R);
      writeFileSync(join(t.dir, 'slip.scr.yaml'), slipped);
      const at = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], t.dir);
      const rules = (JSON.parse(at('--format', 'json').stdout) as { files: { diagnostics: { rule: string }[] }[] }).files[0].diagnostics.map((d) => d.rule);
      assert.ok(rules.includes('yaml-syntax') && rules.some((r) => r !== 'yaml-syntax'), rules.join(', '));

      const w = at('--write-baseline', 'bl.json');
      assert.equal(w.code, 1, w.stdout + w.stderr);
      assert.match(w.stdout, /\nFailed: 1 error a baseline cannot accept \(in a file that could not be read, in whole or in part, or in a settings file\)\.\n/);
      const b = JSON.parse(readFileSync(join(t.dir, 'bl.json'), 'utf8')) as { findings: { path: string; rule: string; fingerprint: string }[] };
      assert.equal(b.findings.length, rules.length - 1, 'every other finding is recorded');
      assert.ok(!b.findings.some((e) => e.rule === 'yaml-syntax'));

      const r = at('--baseline', 'bl.json');
      assert.equal(r.code, 1);
      assert.match(r.stdout, /slip\.scr\.yaml\n +\d+:\d+ +error +.* +yaml-syntax\n/);
      assert.match(r.stdout, /\n✗ 1 case file checked: 1 error, 0 warnings, 0 notes\.\n/);

      // A baseline written before this was so may hold the slip: it is reported all the same.
      const sarif = JSON.parse(at('--format', 'sarif').stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
      const slip = sarif.runs[0].results.find((x) => x.ruleId === 'yaml-syntax')!;
      b.findings.push({ path: 'slip.scr.yaml', rule: 'yaml-syntax', fingerprint: Object.values(slip.partialFingerprints)[0] });
      writeFileSync(join(t.dir, 'old.json'), JSON.stringify({ version: 1, findings: b.findings }));
      const old = at('--baseline', 'old.json');
      assert.equal(old.code, 1);
      assert.match(old.stdout, /yaml-syntax\n/);
    } finally {
      t.done();
    }
  });

  it('a baseline written by an older version that holds such findings does not hide them', () => {
    const old = { version: 1, findings: [
      { path: 'latin1.scr.yaml', rule: 'yaml-syntax', fingerprint: '37f704cdf696de82d1fb91eb94613948', at: '' },
    ] };
    // Take the fingerprints the run really gives, so the entries would match if they were used.
    const sarif = JSON.parse(check('-f', 'sarif').stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; partialFingerprints: Record<string, string> }[] }[] };
    old.findings = sarif.runs[0].results
      .filter((x) => !x.locations[0].physicalLocation.artifactLocation.uri.startsWith('child-r'))
      .map((x) => ({ path: decodeURIComponent(x.locations[0].physicalLocation.artifactLocation.uri.replace(/^.*\//, '')), rule: x.ruleId, fingerprint: Object.values(x.partialFingerprints)[0], at: '' }));
    assert.equal(old.findings.length, 2);
    writeFileSync(join(s.dir, 'old.json'), JSON.stringify(old));
    const r = check('--baseline', 'old.json');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /: 2 errors, 3 warnings, 0 notes\.\nFailed: 2 errors\.\n/);
    assert.doesNotMatch(r.stdout, /already in the baseline/);
  });
});

describe('a file named on the command line is checked as what its name says', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), R);
    writeFileSync(join(s.dir, 'README.md'), '# Notes\n\nNothing here is a case file.\n');
    mkdirSync(join(s.dir, 'bad'));
    writeFileSync(join(s.dir, 'bad', 'scr.config.yaml'), 'decisonLimit: 20 working days\n');
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
    symlinkSync('old-name.scr.yaml', join(s.dir, 'link.scr.yaml'));
  });
  after(() => s.done());
  const check = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], s.dir);

  it('a settings file is checked as settings, not as a case file', () => {
    const r = check('bad/scr.config.yaml');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^bad\/scr\.config\.yaml\n {2}1:1 +error +`decisonLimit` is not a setting\. Did you mean `decisionLimit`\?/);
    assert.doesNotMatch(r.stdout, /case file format|QM2/);
    const good = check('scr.config.yaml');
    assert.equal(good.code, 0, good.stdout);
    assert.equal(good.stderr, 'scr-check: the settings in scr.config.yaml have no mistakes.\n');
  });

  it('any other file is refused in plain words, and the run fails as for a path that cannot be checked', () => {
    const r = check('README.md', 'child-r.scr.yaml');
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'scr-check: README.md is not a case file (a case file\'s name ends in .scr.yaml), so it was not checked.\n');
    assert.match(r.stdout, /^child-r\.scr\.yaml\n/, 'the case file named beside it is still checked');
    assert.doesNotMatch(r.stdout, /README\.md\n/);
  });

  it('a link that leads nowhere says it is a link, and where it leads', () => {
    const r = check('link.scr.yaml');
    assert.equal(r.code, 1);
    assert.match(r.stdout, /link\.scr\.yaml is a link to old-name\.scr\.yaml, which does not exist\./);
  });
});

describe('--write-baseline is guarded as --output is', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), R);
    mkdirSync(join(s.dir, 'sub'));
  });
  after(() => s.done());
  const check = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], s.dir);

  it('refuses a case file’s or a settings file’s name, and writes nothing', () => {
    const before = readFileSync(join(s.dir, 'child-r.scr.yaml'), 'utf8');
    for (const [name, words] of [
      ['child-r.scr.yaml', /already exists and is not a baseline, so it was left alone/],
      ['accepted.scr.yaml', /is named as a case file is/],
      ['sub/scr.config.yaml', /is named as a settings file is/],
    ] as const) {
      const r = check('--write-baseline', name);
      assert.equal(r.code, 2, name);
      assert.match(r.stderr, new RegExp(`^scr-check: (--write-baseline )?${name.replace(/\./g, '\\.')} ${words.source}`));
      assert.doesNotMatch(r.stderr, /--help/, 'the options were right: their list would not help');
    }
    assert.equal(readFileSync(join(s.dir, 'child-r.scr.yaml'), 'utf8'), before);
    assert.ok(!existsSync(join(s.dir, 'accepted.scr.yaml')));
    assert.ok(!existsSync(join(s.dir, 'sub', 'scr.config.yaml')));
  });

  it('a report that cannot be written says why, without pointing at the options', () => {
    const r = check('-o', 'child-r.scr.yaml/qm2.json');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'scr-check: could not write child-r.scr.yaml/qm2.json: part of its path is a file, not a folder.\n');
  });
});

describe('paths from a sub-folder, and in a report written elsewhere', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    mkdirSync(join(s.dir, '.git'));
    mkdirSync(join(s.dir, 'sub'));
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), R);
  });
  after(() => s.done());
  const sub = (...args: string[]) => run(['--today', GOLDEN_TODAY, ...args], join(s.dir, 'sub'));

  it('a file above the folder the command runs in is named with ../, not by its absolute path', () => {
    assert.match(sub('..').stdout, /^\.\.\/child-r\.scr\.yaml\n/);
    assert.equal(JSON.parse(sub('..', '-f', 'json').stdout).files[0].path, '../child-r.scr.yaml');
    assert.match(sub('..', '-f', 'junit').stdout, /<testsuite name="\.\.\/child-r\.scr\.yaml"/);
    assert.match(sub('..', '-f', 'markdown').stdout, /File: \[`\.\.\/child-r\.scr\.yaml`\]\(\.\.\/child-r\.scr\.yaml\)/);
    assert.doesNotMatch(sub('..', '-f', 'markdown').stdout, /file:\/\//);
  });

  it('the github format names a case in its QM2 line as its annotations do', () => {
    const r = sub('..', '-f', 'github');
    assert.match(r.stdout, /^::warning file=child-r\.scr\.yaml,/m);
    assert.match(r.stdout, /^QM2 checklist for child-r\.scr\.yaml: /m);
  });

  it('a Markdown report written to another folder links to the case files from there', () => {
    const r = run(['--today', GOLDEN_TODAY, '-o', 'reports/qm2.md', 'child-r.scr.yaml'], s.dir);
    assert.equal(r.code, 0, r.stderr);
    const md = readFileSync(join(s.dir, 'reports', 'qm2.md'), 'utf8');
    assert.match(md, /File: \[`child-r\.scr\.yaml`\]\(\.\.\/child-r\.scr\.yaml\)/);
    assert.match(md, /\[line 21\]\(\.\.\/child-r\.scr\.yaml#L21\)/);
  });
});
