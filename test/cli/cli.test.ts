import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, symlinkSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ROOT, scratch, scrCheck } from '../helpers/cli';

const BASE = readFileSync(join(ROOT, 'test', 'fixtures', 'base.scr.yaml'), 'utf8');

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'the command line is built (npm run build) before its tests run');
});

describe('scr-check on the example dossier', () => {
  it('exits 0 and shows each file’s QM2 line and the warnings', () => {
    const r = scrCheck(['examples/', '--today', '2017-01-09']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /examples\/typical-gaps\.scr\.yaml/);
    assert.match(r.stdout, /QM2 \d\/\d met/);
    assert.match(r.stdout, /\d+ case files? checked: 0 errors, [1-9]\d* warnings?/);
  });

  it('as `npm start` runs it: checked as on a day in the examples’ time, so the delays read as they did then', () => {
    const start: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
    const args = start.split('bin/scr-check.js ')[1].split(' ');
    const r = scrCheck(args);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /the decision is overdue by 19 days\./);
    assert.match(r.stdout, /4 case files checked: 0 errors, 10 warnings, 4 notes\./);
  });

  it('writes the JSON shape exactly', () => {
    const r = scrCheck(['examples/', '--format', 'json', '--today', '2017-01-09']);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files', 'failed', 'reasons']);
    assert.equal(json.failed, false);
    assert.deepEqual(json.reasons, []);
    assert.equal(json.files.length, 4);
    const gaps = json.files.find((f: { path: string }) => f.path === 'examples/typical-gaps.scr.yaml');
    assert.ok(gaps, 'paths are relative to where the command runs');
    assert.ok(gaps.diagnostics.length > 0);
    for (const d of gaps.diagnostics) {
      assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'questions']);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
      assert.ok(d.line >= 1 && d.column >= 1 && d.endLine >= d.line);
    }
    assert.equal(gaps.checklist.length, 9);
    for (const c of gaps.checklist) {
      assert.deepEqual(Object.keys(c), ['question', 'status', 'evidence', 'findings']);
      assert.ok(['met', 'partly-met', 'not-met', 'not-applicable'].includes(c.status));
      for (const e of c.evidence) assert.deepEqual(Object.keys(e), ['line', 'column']);
      for (const f of c.findings) assert.equal(typeof f, 'string');
    }
  });
});

describe('scr-check exit codes and options', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'good.scr.yaml'), BASE);
    writeFileSync(join(s.dir, 'late.scr.yaml'), BASE.replace('NSCB-2016-21', 'NSCB-2016-22').replace('  date: 2016-02-10\n', '  date: 2016-03-10\n').replace(/      date: 2016-02-11/g, '      date: 2016-03-11'));
  });
  after(() => s.done());

  it('exits 0 when there are no errors, and 1 past --max-warnings', () => {
    assert.equal(scrCheck([s.dir, '--today', '2016-12-01']).code, 0);
    const r = scrCheck([s.dir, '--today', '2016-12-01', '--max-warnings', '0']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /unexplained-delay/);
    // The report says why the run failed, where its reader looks: not only on stderr.
    assert.match(r.stdout, /\n✗ 2 case files checked: 0 errors, \d+ warnings?, \d+ notes?\.\nFailed: \d+ warnings?, more than the 0 allowed by --max-warnings\.\n$/);
  });

  it('--quiet shows errors only', () => {
    const r = scrCheck([s.dir, '--quiet', '--today', '2016-12-01']);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /warning {2}/);
    // Hidden, but still counted against --max-warnings.
    const q = scrCheck([s.dir, '--quiet', '--today', '2016-12-01', '--max-warnings', '0']);
    assert.equal(q.code, 1, q.stderr);
    assert.doesNotMatch(q.stdout, /unexplained-delay/);
    // The totals count what --quiet left out, rather than saying there were no warnings.
    assert.match(q.stdout, /\n✗ 2 case files checked: 0 errors; \d+ warnings?(?: and \d+ notes?)? not shown, as --quiet asks\.\nFailed: \d+ warnings?, more than the 0 allowed by --max-warnings\.\n$/);
    assert.doesNotMatch(q.stdout, /0 warnings/);
  });

  it('usage errors exit 2 with a clear message', () => {
    for (const args of [['--format', 'pdf'], ['--today', '2016-02-30'], ['--max-warnings', 'lots'], ['--no-such-option']]) {
      const r = scrCheck([s.dir, ...args]);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^scr-check: /);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  it('mistakes in the options are told plainly, with what to write instead', () => {
    const said = (...args: string[]) => scrCheck([s.dir, ...args]).stderr.split('\n')[0];
    assert.equal(said('-o'), 'scr-check: --output needs a value after it: the file to write the report to.');
    assert.equal(said('--max-warnings', '-1'), 'scr-check: --max-warnings is followed by something that looks like another option. If it is the value you meant, join them with "=", as in --max-warnings=VALUE.');
    assert.equal(said('--quiet=yes'), 'scr-check: --quiet takes no value: write it on its own.');
    assert.equal(said('--formt', 'json'), 'scr-check: there is no option --formt. Did you mean --format?');
  });

  it('--help and --version', () => {
    const h = scrCheck(['--help']);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /Usage: scr-check/);
    // Every option the command takes is in the list (--color was missing from it).
    for (const option of ['--format', '--output', '--output-format', '--changed-since', '--baseline', '--write-baseline', '--config', '--today', '--max-warnings', '--jobs', '--quiet', '--color', '--no-color', '--debug', '--help', '--version']) {
      assert.match(h.stdout, new RegExp(`^ +(-\\w, )?${option}\\b`, 'm'), option);
    }
    // --color gives colours where the output is not a terminal (and NO_COLOR is set, as in these tests); --no-color wins.
    const example = join(ROOT, 'examples', 'typical-gaps.scr.yaml');
    assert.match(scrCheck([example, '--color']).stdout, /\x1b\[/);
    assert.doesNotMatch(scrCheck([example, '--color', '--no-color']).stdout, /\x1b\[/);
    assert.doesNotMatch(scrCheck([example]).stdout, /\x1b\[/);
    const v = scrCheck(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--today makes overdue decisions reproducible', () => {
    const undecided = BASE.replace(/\ndecision:[\s\S]*$/, '\n');
    writeFileSync(join(s.dir, 'undecided.scr.yaml'), undecided.replace('NSCB-2016-21', 'NSCB-2016-23'));
    const early = JSON.parse(scrCheck([join(s.dir, 'undecided.scr.yaml'), '--format', 'json', '--today', '2016-02-01']).stdout);
    const late = JSON.parse(scrCheck([join(s.dir, 'undecided.scr.yaml'), '--format', 'json', '--today', '2016-03-01']).stdout);
    const delay = (j: { files: { diagnostics: { rule: string; message: string }[] }[] }) => j.files[0].diagnostics.filter((d) => d.rule === 'unexplained-delay');
    assert.equal(delay(early).length, 0);
    assert.equal(delay(late).length, 1);
    assert.match(delay(late)[0].message, /overdue by 16 days/); // 14 February to 1 March 2016 (a leap year)
  });

  it('--output writes a second report', () => {
    const out = join(s.dir, 'report.json');
    const r = scrCheck([join(s.dir, 'good.scr.yaml'), '--output', out]);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).files.length, 1);
  });

  it('globs select files; folders skip node_modules and .git', () => {
    mkdirSync(join(s.dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(s.dir, 'node_modules', 'x', 'hidden.scr.yaml'), 'broken: [');
    mkdirSync(join(s.dir, '.git'), { recursive: true });
    writeFileSync(join(s.dir, '.git', 'hidden.scr.yaml'), 'broken: [');
    const r = JSON.parse(scrCheck([s.dir, '--format', 'json', '--today', '2016-12-01']).stdout);
    assert.ok(r.files.every((f: { path: string }) => !f.path.includes('hidden')));
    const g = JSON.parse(scrCheck(['*/good*.scr.yaml', '--format', 'json'], join(s.dir, '..')).stdout);
    assert.ok(g.files.length >= 1);
  });

  it('a pattern checks only the case files it matches, never the settings file or other files', () => {
    const d = scratch();
    writeFileSync(join(d.dir, 'a.scr.yaml'), BASE);
    writeFileSync(join(d.dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
    writeFileSync(join(d.dir, 'README.md'), '# Our dossier\n');
    writeFileSync(join(d.dir, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]));
    for (const pattern of ['*.yaml', '*']) {
      const r = scrCheck([pattern, '--format', 'json', '--today', '2016-06-01'], d.dir);
      assert.equal(r.code, 0, `${pattern}: ${r.stdout}${r.stderr}`);
      assert.deepEqual(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path), ['a.scr.yaml'], pattern);
    }
    const none = scrCheck(['*.md'], d.dir);
    d.done();
    assert.equal(none.code, 1);
    assert.match(none.stderr, /scr-check: no case files \(\*\.scr\.yaml\) match \*\.md\./);
  });
});

describe('scr-check on bad input', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'a-good.scr.yaml'), BASE);
    writeFileSync(join(s.dir, 'b-broken.scr.yaml'), BASE.replace('NSCB-2016-21', 'NSCB-2016-24').replace('  board: Northshire LSCB\n', '  board: "Northshire LSCB\n'));
    writeFileSync(join(s.dir, 'c-binary.scr.yaml'), Buffer.from([0x73, 0x63, 0x72, 0x00, 0x01, 0xff]));
    writeFileSync(join(s.dir, 'd-latin1.scr.yaml'), Buffer.from('scr: 1\ncase:\n  board: Caf\xe9 LSCB\n', 'latin1'));
    // As Windows Notepad saves "Unicode" text: UTF-16 with its byte-order mark.
    writeFileSync(join(s.dir, 'f-utf16.scr.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('scr: 1\n', 'utf16le')]));
    symlinkSync(join(s.dir, 'loop-b.scr.yaml'), join(s.dir, 'loop-a.scr.yaml'));
    symlinkSync(join(s.dir, 'loop-a.scr.yaml'), join(s.dir, 'loop-b.scr.yaml'));
  });
  after(() => s.done());

  it('reports each unreadable file, still checks the others, exits 1 without a stack trace', () => {
    const r = scrCheck([s.dir, '--format', 'json', '--today', '2016-12-01']);
    assert.equal(r.code, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; message: string }[]; checklist: unknown[] }[];
    const by = (n: string) => files.find((f) => f.path.endsWith(n));
    assert.deepEqual(by('a-good.scr.yaml')!.diagnostics.map((d) => d.rule), [], 'the good file has no findings');
    assert.equal(by('a-good.scr.yaml')!.checklist.length, 9, 'the good file is fully checked');
    assert.match(by('b-broken.scr.yaml')!.diagnostics.map((d) => d.message).join('\n'), /never closed/);
    assert.match(by('c-binary.scr.yaml')!.diagnostics[0].message, /not a text file/);
    assert.match(by('d-latin1.scr.yaml')!.diagnostics[0].message, /UTF-8/);
    assert.match(by('f-utf16.scr.yaml')!.diagnostics[0].message, /is saved as UTF-16 text, so it cannot be checked\. Save it again as UTF-8\./);
    const unread = files.filter((f) => f.checklist.length === 0).length;
    assert.ok(unread >= 3);
    const plain = scrCheck([s.dir, '--today', '2016-12-01']);
    assert.match(plain.stdout, new RegExp(`${files.length} case files checked \\(${unread} could not be read\\): `), 'the files that could not be read are counted among those checked, and said');
  });

  it('an empty case file is told how to start, in words that also suit a CI log', () => {
    const e = scratch();
    writeFileSync(join(e.dir, 'empty.scr.yaml'), '');
    const r = scrCheck([join(e.dir, 'empty.scr.yaml'), '--format', 'json']);
    e.done();
    assert.equal(r.code, 1);
    const [message] = (JSON.parse(r.stdout).files[0].diagnostics as { message: string }[]).map((d) => d.message);
    assert.match(message, /^This case file is empty\. Start it with `scr: 1` and the `case` section/);
    assert.match(message, /in VS Code, the "SCR: New Case File" command/, 'the editor command is said to be the editor\'s');
    assert.match(message, /elsewhere, copy a case file from the checker's examples folder/, 'and a way to start outside the editor');
  });

  it('a case file named on the command line that leads nowhere is reported on that file, and counted', () => {
    const dangling = join(s.dir, 'g-dangling.scr.yaml');
    symlinkSync(join(s.dir, 'nowhere-else.scr.yaml'), dangling);
    const r = scrCheck([dangling, join(s.dir, 'a-good.scr.yaml'), '--format', 'json', '--today', '2016-12-01']);
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; message: string }[] }[];
    const gone = files.find((f) => f.path.endsWith('g-dangling.scr.yaml'));
    assert.deepEqual(gone?.diagnostics.map((d) => d.rule), ['yaml-syntax']);
    assert.match(gone!.diagnostics[0].message, /does not exist/);
    assert.match(scrCheck([dangling, join(s.dir, 'a-good.scr.yaml'), '--today', '2016-12-01']).stdout, /2 case files checked \(1 could not be read\): 1 error/);
  });

  it('a link to a device and a pipe are reported as not files, at once, and the rest is checked', { skip: process.platform === 'win32' ? 'Windows has no /dev/zero or named pipes made with mkfifo' : false }, () => {
    const odd = scratch();
    try {
      writeFileSync(join(odd.dir, 'good.scr.yaml'), BASE);
      symlinkSync('/dev/zero', join(odd.dir, 'zero.scr.yaml'));
      execFileSync('mkfifo', [join(odd.dir, 'pipe.scr.yaml')]);
      // The folder, and each named on its own: neither waits on the pipe nor reads the device for ever.
      for (const args of [[odd.dir], [join(odd.dir, 'pipe.scr.yaml'), join(odd.dir, 'zero.scr.yaml'), join(odd.dir, 'good.scr.yaml')]]) {
        const r = scrCheck([...args, '--format', 'json', '--today', '2016-12-01']);
        assert.equal(r.code, 1, r.stderr);
        const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { message: string }[]; checklist: unknown[] }[];
        const by = (n: string) => files.find((f) => f.path.endsWith(n));
        assert.equal(by('good.scr.yaml')!.checklist.length, 9);
        // A folder scan lists files only, so it may not list the pipe at all; named, it is reported.
        for (const n of ['zero.scr.yaml', 'pipe.scr.yaml']) {
          if (args.length === 1 && n === 'pipe.scr.yaml' && !by(n)) continue;
          assert.match(by(n)!.diagnostics[0].message, /is not an ordinary file \(it is a device, a pipe or a socket\), so it cannot be checked\./);
        }
      }
    } finally {
      odd.done();
    }
  });

  it('a file whose name is not UTF-8 is reported as such, not as missing', { skip: process.platform === 'linux' ? false : 'only Linux file systems take a name that is not UTF-8' }, () => {
    const odd = scratch();
    try {
      writeFileSync(join(odd.dir, 'good.scr.yaml'), BASE);
      // Written through a Buffer path: the name's bytes are not UTF-8.
      writeFileSync(Buffer.concat([Buffer.from(`${odd.dir}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('name.scr.yaml')]), BASE.replace('NSCB-2016-21', 'NSCB-2016-99'));
      const r = scrCheck([odd.dir, '--today', '2016-12-01']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /bad\uFFFD\uFFFDname\.scr\.yaml has a name that is not written in UTF-8, so it cannot be opened\. Rename it\./);
      assert.doesNotMatch(r.stdout, /does not exist/);
    } finally {
      odd.done();
    }
  });

  it('a missing path and a symlink loop get a clear message each', () => {
    const r = scrCheck([join(s.dir, 'nowhere.scr.yaml'), join(s.dir, 'loop-a.scr.yaml'), join(s.dir, 'a-good.scr.yaml')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr + r.stdout, /nowhere\.scr\.yaml does not exist/);
    assert.match(r.stderr + r.stdout, /loop/i);
    assert.match(r.stdout, /a-good\.scr\.yaml/);
  });

  it('a permission-denied file is reported and skipped', (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root, which reads any file: a permission-denied file cannot exist here');
      return;
    }
    const locked = join(s.dir, 'e-locked.scr.yaml');
    writeFileSync(locked, BASE);
    chmodSync(locked, 0o000);
    const r = scrCheck([locked]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /permission denied/);
  });

  it('a folder with no case files fails, as a pattern that matches none does', () => {
    const e = scratch();
    try {
      writeFileSync(join(e.dir, 'README.md'), '# Our dossier\n');
      const r = scrCheck([e.dir]);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, `scr-check: no case files (*.scr.yaml) found in ${e.dir} or the folders below it.\n`);
      assert.match(r.stdout, /^✗ 0 case files checked: 0 errors, 0 warnings, 0 notes\.\nFailed: no case files \(\*\.scr\.yaml\) found in /);
      // With no path, the folder the command runs in; one empty folder among others fails the run too.
      const here = scrCheck([], e.dir);
      assert.equal(here.code, 1);
      assert.match(here.stderr, /^scr-check: no case files \(\*\.scr\.yaml\) found in this folder or the folders below it\.\n$/);
      mkdirSync(join(e.dir, 'cases'));
      mkdirSync(join(e.dir, 'empty'));
      writeFileSync(join(e.dir, 'cases', 'a.scr.yaml'), BASE);
      const some = scrCheck(['cases', 'empty', '--today', '2016-12-01'], e.dir);
      assert.equal(some.code, 1);
      assert.match(some.stdout, /\nFailed: no case files \(\*\.scr\.yaml\) found in empty or the folders below it\.\n$/);
      assert.equal(scrCheck(['--today', '2016-12-01'], e.dir).code, 0, 'a folder with a case file below it passes');
    } finally {
      e.done();
    }
  });

  it('a folder scan names the *.scr.yml and scr.config.yml files it does not read, and checks as without them', () => {
    const e = scratch();
    try {
      mkdirSync(join(e.dir, '2016'));
      writeFileSync(join(e.dir, 'ok.scr.yaml'), BASE);
      writeFileSync(join(e.dir, '2016', 'gaps.scr.yml'), BASE.replace(/\nagencies:/, '\nagencies_:'));
      // Read, this would make the case file late.
      writeFileSync(join(e.dir, 'scr.config.yml'), 'decisionLimit: 1 day\n');
      const plain = scrCheck(['--today', '2016-12-01', '--format', 'json'], e.dir);
      assert.equal(plain.stderr, [
        'scr-check: 2016/gaps.scr.yml was not checked: only files whose names end in .scr.yaml are read as case files, not .scr.yml. Rename it to have it checked.',
        'scr-check: scr.config.yml was not read: settings are read only from a file named scr.config.yaml, not scr.config.yml. Rename it for its settings to apply.',
        '',
      ].join('\n'));
      const files = JSON.parse(plain.stdout).files as { path: string }[];
      assert.deepEqual(files.map((f) => f.path), ['ok.scr.yaml']);
      writeFileSync(join(e.dir, 'more.scr.yml'), BASE);
      const two = scrCheck(['.', '--today', '2016-12-01'], e.dir);
      assert.match(two.stderr, /^scr-check: 2 files were not checked \(2016\/gaps\.scr\.yml, more\.scr\.yml\): only files whose names end in \.scr\.yaml are read as case files, not \.scr\.yml\. Rename them to have them checked\.\n/);
      assert.equal(two.code, plain.code, 'a note, not a failure');
      // A pattern picks out case files only, and says nothing of the others.
      assert.equal(scrCheck(['*.scr.yaml', '--today', '2016-12-01'], e.dir).stderr, '');
      // A folder with only .scr.yml files: the files passed over are named before the failure they explain.
      const only = scrCheck(['2016', '--today', '2016-12-01'], e.dir);
      assert.equal(only.code, 1);
      assert.match(only.stderr, /^scr-check: 2016\/gaps\.scr\.yml was not checked: .*\nscr-check: no case files \(\*\.scr\.yaml\) found in 2016 or the folders below it\.\n$/);
    } finally {
      e.done();
    }
  });
});

describe('scr-check across a dossier', () => {
  it('reports a case reference used twice, in both files', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'one.scr.yaml'), BASE);
    writeFileSync(join(s.dir, 'two.scr.yaml'), BASE);
    const r = scrCheck([s.dir, '--format', 'json', '--today', '2016-12-01']);
    s.done();
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; message: string; line: number }[] }[];
    for (const f of files) {
      const dup = f.diagnostics.filter((d) => d.rule === 'duplicate-id');
      assert.equal(dup.length, 1, f.path);
      assert.equal(dup[0].line, 3);
      assert.match(dup[0].message, /NSCB-2016-21/);
    }
  });

  it('checks a file reached through a folder and a link to it once: not a duplicate of itself', () => {
    const s = scratch();
    try {
      mkdirSync(join(s.dir, '2017'));
      writeFileSync(join(s.dir, '2017', 'case.scr.yaml'), BASE);
      symlinkSync('2017', join(s.dir, 'current'));
      for (const args of [['.', 'current'], ['current', '2017/case.scr.yaml']]) {
        const r = scrCheck([...args, '--format', 'json', '--today', '2016-12-01'], s.dir);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string }[] }[];
        assert.deepEqual(files.map((f) => f.path), [args[0] === '.' ? '2017/case.scr.yaml' : 'current/case.scr.yaml']);
        assert.deepEqual(files[0].diagnostics.filter((d) => d.rule === 'duplicate-id'), []);
      }
    } finally {
      s.done();
    }
  });

  it('names the other file by one path, whatever folder the command runs in', () => {
    const s = scratch();
    try {
      for (const folder of ['NSCB-2016-11', 'NSCB-2016-12']) {
        mkdirSync(join(s.dir, 'dossier', folder), { recursive: true });
        writeFileSync(join(s.dir, 'dossier', folder, 'case.scr.yaml'), BASE);
      }
      const said = (args: string[], cwd: string) => {
        const r = scrCheck([...args, '--format', 'json', '--today', '2016-12-01'], cwd);
        const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; message: string }[] }[];
        // Each file's finding names the other file: keyed by the file's own folder, which reports name differently from each place.
        return Object.fromEntries(files.map((f) => [basename(dirname(resolve(cwd, f.path))), /another case file in this dossier \(([^)]*)\)\./.exec(f.diagnostics.find((d) => d.rule === 'duplicate-id')?.message ?? '')?.[1]]));
      };
      // Not in a git repository: from just above the folder that holds both, starting with its name.
      const both = { 'NSCB-2016-11': 'dossier/NSCB-2016-12/case.scr.yaml', 'NSCB-2016-12': 'dossier/NSCB-2016-11/case.scr.yaml' };
      assert.deepEqual(said(['dossier'], s.dir), both);
      // From inside one case's folder the reports' own paths climb out with ../, but the message
      // names the other file as before: not `case.scr.yaml`, which beside ../NSCB-2016-12/case.scr.yaml
      // would read as that file itself.
      assert.deepEqual(said(['..'], join(s.dir, 'dossier', 'NSCB-2016-11')), both);
      assert.deepEqual(said(['../..'], join(s.dir, 'dossier', 'NSCB-2016-11')), both);
      const sub = scrCheck(['..', '--today', '2016-12-01'], join(s.dir, 'dossier', 'NSCB-2016-11'));
      assert.match(sub.stdout, /^\.\.\/NSCB-2016-12\/case\.scr\.yaml\n[^\n]*another case file in this dossier \(dossier\/NSCB-2016-11\/case\.scr\.yaml\)\./m);
      // In a git repository: from its top folder, as the editor, code scanning and annotations name files.
      mkdirSync(join(s.dir, '.git'));
      for (const cwd of [s.dir, join(s.dir, 'dossier'), join(s.dir, 'dossier', 'NSCB-2016-12')]) {
        assert.deepEqual(said([join(s.dir, 'dossier')], cwd), both, cwd);
      }
    } finally {
      s.done();
    }
  });

  it('a settings file with mistakes is reported on itself and the defaults apply', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), BASE);
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: soon\nrulez: {}\n');
    const r = scrCheck([s.dir, '--format', 'json', '--today', '2016-12-01']);
    s.done();
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { message: string }[] }[];
    const cfg = files.find((f) => f.path.endsWith('scr.config.yaml'));
    assert.ok(cfg, 'the settings file is reported');
    assert.match(cfg!.diagnostics.map((d) => d.message).join('\n'), /decisionLimit/);
    assert.match(cfg!.diagnostics.map((d) => d.message).join('\n'), /Did you mean `rules`/);
    assert.equal(r.code, 1);
  });

  it('a settings file that cannot be read is reported, its folder gets the defaults, not a parent folder’s settings', () => {
    const s = scratch();
    // The parent's settings would make the decision overdue; they must not stand in for the nearest file.
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 2 days\n');
    mkdirSync(join(s.dir, 'team'));
    writeFileSync(join(s.dir, 'team', 'case.scr.yaml'), BASE);
    writeFileSync(join(s.dir, 'team', 'scr.config.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('decisionLimit: 2 days\n', 'utf16le')]));
    mkdirSync(join(s.dir, 'other'));
    writeFileSync(join(s.dir, 'other', 'case.scr.yaml'), BASE.replace('NSCB-2016-21', 'NSCB-2016-22'));
    mkdirSync(join(s.dir, 'other', 'scr.config.yaml'));
    const r = scrCheck([join(s.dir, 'team'), join(s.dir, 'other'), '--format', 'json', '--today', '2016-06-01']);
    s.done();
    const files = JSON.parse(r.stdout).files as { path: string; diagnostics: { rule: string; message: string }[] }[];
    const at = (end: string) => files.find((f) => f.path.endsWith(end))!;
    assert.match(at('team/scr.config.yaml').diagnostics[0].message, /^scr\.config\.yaml is saved as UTF-16 text.*the default settings apply/);
    assert.match(at('other/scr.config.yaml').diagnostics[0].message, /^scr\.config\.yaml is a folder, not a file\./);
    for (const c of ['team/case.scr.yaml', 'other/case.scr.yaml']) assert.deepEqual(at(c).diagnostics.map((d) => d.rule), [], `${c}: the defaults, not the parent's 2-day limit`);
    assert.equal(r.code, 1);
  });
});

describe('a reader that stops before the report ends (scr-check | head)', () => {
  it('drops the rest of the report quietly and still ends with the status its findings give', async () => {
    const s = scratch();
    try {
      const gaps = readFileSync(join(ROOT, 'examples', 'typical-gaps.scr.yaml'), 'utf8');
      // A report far longer than a pipe holds (64 KB), so that writing it meets the closed pipe.
      for (let i = 0; i < 60; i++) writeFileSync(join(s.dir, `case-${i}.scr.yaml`), gaps);
      const { spawn } = await import('node:child_process');
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'scr-check.js'), '--format', 'json', '.'], { cwd: s.dir, env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((res) => child.on('close', (c) => res(c)));
      assert.equal(stderr, '', 'nothing said of the closed pipe');
      assert.equal(code, 1, 'typical-gaps has errors');
    } finally {
      s.done();
    }
  });
});
