import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LineIndex, type Finding } from '../../server/src/engine/index';
import { formatJunit } from '../../server/src/cli/formats/junit';
import { code, md } from '../../server/src/cli/formats/markdown';
import type { FileReport } from '../../server/src/cli/report';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

/** A small well-formedness check of XML: tags balance, attributes are quoted, entities are known. */
function assertWellFormedXml(xml: string): void {
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const body = xml.slice(xml.indexOf('?>') + 2);
  assert.doesNotMatch(body, /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/, 'no control characters XML cannot hold');
  assert.doesNotMatch(body.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, ''), /&/, 'every & starts a known entity');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([<>])/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(body))) {
    assert.ok(!m[5], `a stray ${m[5]} at ${m.index}: ${body.slice(m.index - 40, m.index + 40)}`);
    if (m[4]) continue;
    if (m[1]) assert.equal(stack.pop(), m[2], `</${m[2]}> closes what was opened`);
    else stack.push(m[2]);
  }
  assert.deepEqual(stack, [], 'every tag is closed');
}

describe('--output', () => {
  let s: ReturnType<typeof scratch>;
  before(() => {
    s = scratch();
    writeFileSync(join(s.dir, 'child-r.scr.yaml'), readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8'));
  });
  after(() => s.done());
  const check = (...args: string[]) => run(['child-r.scr.yaml', '--today', GOLDEN_TODAY, ...args], s.dir);

  it('the format follows from the extension: .sarif, .json, .md, .xml; else json', () => {
    const r = check('--format', 'github', '-o', 'out/a.sarif', '-o', 'out/b.json', '-o', 'out/c.md', '-o', 'out/d.xml', '-o', 'out/e.txt');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^::warning file=child-r\.scr\.yaml/, 'the console still gets --format');
    const read = (n: string) => readFileSync(join(s.dir, 'out', n), 'utf8');
    assert.equal(JSON.parse(read('a.sarif')).version, '2.1.0');
    assert.deepEqual(Object.keys(JSON.parse(read('b.json'))), ['files', 'failed', 'reasons']);
    assert.match(read('c.md'), /^# SCR Quality Marker 2 check/);
    assert.match(read('d.xml'), /^<\?xml .*\n<testsuites /);
    assert.deepEqual(Object.keys(JSON.parse(read('e.txt'))), ['files', 'failed', 'reasons'], 'json when the extension says nothing');
    // Fingerprints are worked out only for the outputs that use them: a SARIF file beside another
    // format on the console has them as `--format sarif` does.
    type Sarif = { runs: { results: { partialFingerprints?: unknown }[] }[] };
    const fingerprintsOf = (s: Sarif) => s.runs[0].results.map((x) => x.partialFingerprints);
    const direct = fingerprintsOf(JSON.parse(check('--format', 'sarif').stdout) as Sarif);
    assert.ok(direct.length > 0 && direct.every((x) => x !== undefined));
    assert.deepEqual(fingerprintsOf(JSON.parse(read('a.sarif')) as Sarif), direct);
  });

  it('--output-format pairs with --output in order, and wins over the extension', () => {
    const r = check('-o', 'x.out', '--output-format', 'markdown', '-o', 'y.out', '--output-format', 'junit', '-o', 'z.sarif');
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(s.dir, 'x.out'), 'utf8'), /^# SCR Quality Marker 2 check/);
    assert.match(readFileSync(join(s.dir, 'y.out'), 'utf8'), /^<\?xml/);
    assert.equal(JSON.parse(readFileSync(join(s.dir, 'z.sarif'), 'utf8')).version, '2.1.0');
    check('-o', 'w.txt', '--output-format', 'stylish');
    assert.match(readFileSync(join(s.dir, 'w.txt'), 'utf8'), /1 case file checked/);
    assert.doesNotMatch(readFileSync(join(s.dir, 'w.txt'), 'utf8'), /\x1b\[/, 'no colour codes in a file');
    // SARIF is JSON: it may go in a .json file.
    assert.equal(check('-o', 'v.json', '--output-format', 'sarif').code, 0);
    assert.equal(JSON.parse(readFileSync(join(s.dir, 'v.json'), 'utf8')).version, '2.1.0');
  });

  it('a format that is not the one the file’s extension says is refused (exit 2), naming both, and nothing is written', () => {
    // A format meant for the last file pairs with the first: JUnit would have gone into qm2.sarif.
    const r = check('-o', 'qm2.sarif', '-o', 'qm2.md', '-o', 'junit-report.txt', '--output-format', 'junit');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^scr-check: --output qm2\.sarif would be written in the junit format, but a name ending in \.sarif says the sarif format\. /);
    assert.match(r.stderr, /the first with the first.*\(\.xml for junit\)\.\n$/);
    for (const f of ['qm2.sarif', 'qm2.md', 'junit-report.txt']) assert.ok(!existsSync(join(s.dir, f)), f);
    for (const [file, format, said] of [['w.json', 'stylish', /a name not ending in \.json/], ['x.xml', 'markdown', /\(\.md for markdown\)/], ['y.md', 'json', /\(\.json for json\)/]] as const) {
      const m = check('-o', file, '--output-format', format);
      assert.equal(m.code, 2, `${file} ${format}`);
      assert.match(m.stderr, said);
      assert.ok(!existsSync(join(s.dir, file)), file);
    }
  });

  it('mistakes are usage problems (exit 2) and write nothing', () => {
    for (const args of [['--output-format', 'sarif'], ['-o', 'a.json', '--output-format', 'json', '--output-format', 'sarif'], ['-o', 'p.json', '--output-format', 'pdf']]) {
      const r = check(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^scr-check: /);
    }
    assert.ok(!existsSync(join(s.dir, 'p.json')));
    const r = check('-o', join(s.dir, 'child-r.scr.yaml', 'inside.json'));
    assert.equal(r.code, 2);
    assert.match(r.stderr, /could not write/);
  });

  it('--max-warnings fails the run whatever the format, and says why: in the report, or on stderr beside data for a program', () => {
    for (const format of ['json', 'sarif', 'junit']) {
      const r = check('--format', format, '--max-warnings', '0');
      assert.equal(r.code, 1, format);
      assert.match(r.stderr, /^scr-check: 3 warnings, more than the 0 allowed by --max-warnings\.\n$/, format);
    }
    const json = JSON.parse(check('--format', 'json', '--max-warnings', '0').stdout);
    assert.equal(json.failed, true);
    assert.deepEqual(json.reasons, ['3 warnings, more than the 0 allowed by --max-warnings']);
    const md = check('--format', 'markdown', '--max-warnings', '0');
    assert.equal(md.code, 1);
    assert.match(md.stdout, /^# SCR Quality Marker 2 check\n\n\*\*✗ 1 case file checked: 0 errors, 3 warnings, 0 notes\.\*\*\n\n\*\*Failed: 3 warnings, more than the 0 allowed by --max-warnings\.\*\*\n/);
    const gh = check('--format', 'github', '--max-warnings', '0');
    assert.equal(gh.code, 1);
    assert.match(gh.stdout, /\nSCR check: ✗ 1 case file checked: 0 errors, 3 warnings, 0 notes\.\nSCR check failed: 3 warnings, more than the 0 allowed by --max-warnings\.\n::error title=SCR check failed::3 warnings, more than the 0 allowed by --max-warnings\.\n$/);
    assert.equal(md.stderr + gh.stderr, '', 'a report that says why needs nothing on stderr');
  });

  it('--quiet shortens the formats read on the screen: stylish and github', () => {
    const levels = (r: { stdout: string }) => [...new Set([...r.stdout.matchAll(/^::(\w+) file=/gm)].map((m) => m[1]))];
    const full = run(['--today', GOLDEN_TODAY, '--format', 'github'], CI_DOSSIER);
    assert.ok(levels(full).includes('warning'), levels(full).join(', '));
    const r = run(['--quiet', '--today', GOLDEN_TODAY, '--format', 'github'], CI_DOSSIER);
    assert.deepEqual(levels(r), ['error'], 'only the errors are annotated');
    assert.match(r.stdout, /warnings? and \d+ notes? not shown, as --quiet asks/);
    assert.equal(r.stderr, '');
  });

  it('--quiet leaves every finding in the formats for a program or a later reader, on stdout as in a file', () => {
    // `scr-check -q -f sarif > qm2.sarif` is the shell's way to write a file: code scanning would
    // take the warnings left out as fixed, and a JUnit report the failures as passed.
    for (const format of ['json', 'sarif', 'junit', 'markdown']) {
      const full = run(['--today', GOLDEN_TODAY, '--format', format], CI_DOSSIER);
      const r = run(['--quiet', '--today', GOLDEN_TODAY, '--format', format], CI_DOSSIER);
      assert.equal(r.code, full.code, format);
      assert.equal(r.stdout, full.stdout, `${format}: as without --quiet`);
      assert.match(full.stdout, /warning/, `${format}: there are warnings to keep`);
      assert.equal(r.stderr, `scr-check: --quiet shortens only the stylish and github formats, which are read on the screen; the ${format} report holds every finding.\n`);
    }
    const sarif = JSON.parse(run(['--quiet', '--today', GOLDEN_TODAY, '--format', 'sarif'], CI_DOSSIER).stdout);
    const levels = sarif.runs[0].results.map((x: { level: string }) => x.level);
    assert.ok(levels.includes('warning') && levels.includes('note'), 'the SARIF keeps warnings and notes');
  });

  it('--quiet is for the screen: the files written with --output hold every finding', () => {
    const full = run(['--today', GOLDEN_TODAY, '--format', 'json'], CI_DOSSIER);
    const r = run(['--quiet', '--today', GOLDEN_TODAY, '-o', join(s.dir, 'q.sarif'), '-o', join(s.dir, 'q.json'), '-o', join(s.dir, 'q.md')], CI_DOSSIER);
    assert.equal(r.code, full.code);
    assert.doesNotMatch(r.stdout, / warning /, 'the screen shows errors only');
    assert.match(r.stdout, /warnings? and \d+ notes? not shown/);
    const levels = JSON.parse(readFileSync(join(s.dir, 'q.sarif'), 'utf8')).runs[0].results.map((x: { level: string }) => x.level);
    assert.ok(levels.includes('warning') && levels.includes('note'), 'the SARIF file keeps warnings and notes');
    const json = readFileSync(join(s.dir, 'q.json'), 'utf8');
    const rootPath = (j: string) => j.replaceAll(CI_DOSSIER, '');
    assert.equal(rootPath(json), rootPath(full.stdout), 'the JSON file is as without --quiet');
    const md = readFileSync(join(s.dir, 'q.md'), 'utf8');
    assert.match(md, /warning/);
    assert.doesNotMatch(md, /not shown/);
  });
});

describe('--format json', () => {
  it('lists each file\'s waived findings with their reason and the waiver\'s place, apart from its diagnostics', () => {
    const r = run(['child-r.scr.yaml', '--today', GOLDEN_TODAY, '--format', 'json'], CI_DOSSIER);
    const [file] = JSON.parse(r.stdout).files as { diagnostics: { rule: string }[]; waived: { rule: string; line: number; reason: string; waiver: { line: number } }[] }[];
    assert.equal(file.waived.length, 1);
    const [w] = file.waived;
    assert.equal(w.rule, 'minimum-data-requested');
    assert.match(w.reason, /^the practice closed in 2015/);
    assert.equal(w.waiver.line, w.line - 1, 'the comment stands on the line above');
    assert.ok(!file.diagnostics.some((d) => d.rule === 'minimum-data-requested'), 'a waived finding is not among the diagnostics');
  });
});

describe('--format markdown', () => {
  it('links lines to the code host when the CI says where (GitHub, GitLab)', () => {
    const gh = run(['--format', 'markdown', '--today', GOLDEN_TODAY], CI_DOSSIER, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'board/dossier', GITHUB_SHA: 'abc123' });
    assert.match(gh.stdout, /\[line 30\]\(https:\/\/github\.com\/board\/dossier\/blob\/abc123\/child-s\.scr\.yaml#L30\)/);
    const gl = run(['--format', 'markdown', '--today', GOLDEN_TODAY], CI_DOSSIER, { CI_PROJECT_URL: 'https://gitlab.example/board/dossier', CI_COMMIT_SHA: 'def456' });
    assert.match(gl.stdout, /\(https:\/\/gitlab\.example\/board\/dossier\/-\/blob\/def456\/child-s\.scr\.yaml#L30\)/);
  });

  it('escapes text that would format, link or make HTML, but keeps code as code', () => {
    assert.equal(md('a *b* _c_ [d](e) <script> # f | g'), 'a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\> \\# f \\| g');
    assert.equal(md('use `a|b` here', true), 'use `a\\|b` here');
    assert.equal(md('use `<b>` here'), 'use `<b>` here');
    assert.equal(md('- not a list'), '\\- not a list');
    assert.equal(md('ask @someone'), 'ask @\u2060someone', 'no one is mentioned by a report');
    assert.equal(code('a`b'), '``a`b``');
  });

  it('has a checklist table for each case and a section for a settings file with mistakes', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8'));
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: soon\n');
    const r = run(['--format', 'markdown', '--today', GOLDEN_TODAY], s.dir);
    s.done();
    assert.match(r.stdout, /^## NSCB-2016-21 · Child P$/m);
    assert.match(r.stdout, /^\| QM2 question \| Status \| What holds it back \|$/m);
    assert.equal(r.stdout.match(/^\| \d\. /gm)!.length, 9);
    assert.match(r.stdout, /^## Settings file `scr\.config\.yaml`$/m);
    assert.match(r.stdout, /the defaults apply/);
  });

  it('notes a finding beside a question that does not apply, rather than saying it holds the question back', () => {
    const s = scratch();
    // Decided in time (question 5 does not apply), but Ofsted was told late.
    const late = readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8').replace('    - to: ofsted\n      date: 2016-01-15', '    - to: ofsted\n      date: 2016-01-29');
    writeFileSync(join(s.dir, 'case.scr.yaml'), late);
    const r = run(['--format', 'markdown', '--today', GOLDEN_TODAY], s.dir);
    s.done();
    const row = r.stdout.split('\n').find((l) => l.startsWith('| 5. '))!;
    assert.match(row, /\| – Not applicable \| Decided within the limit of 1 month\.<br>Also noted \(not counted against this question\): \[Line 16\]\([^)]*\): Ofsted was notified on 29 January 2016/);
  });

  it('lists beside a question the findings the file waives on it, with the reason given', () => {
    const s = scratch();
    const gp = '  # scr-waive minimum-data-requested: the practice closed; its records went to community health\n  - id: gp\n    name: Riverside Surgery\n    type: health\n    involvement: known\n    minimumData:\n      summary: Registered; no concerns noted.\n';
    const text = readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8').replace('  - id: health\n', `${gp}  - id: health\n`);
    writeFileSync(join(s.dir, 'case.scr.yaml'), text);
    const r = run(['--format', 'markdown', '--today', GOLDEN_TODAY], s.dir);
    s.done();
    const row = r.stdout.split('\n').find((l) => l.startsWith('| 2. '))!;
    assert.match(row, /\| ◐ Partly met \| 3 of 4 agencies asked for minimum data; 3 returned before the decision\.<br>Waived in the file: \[Line 43\]\([^)]*\): Missing agency data: there is no date on which Riverside Surgery was asked for its minimum data return\. Reason given: the practice closed; its records went to community health \|$/);
  });
});

describe('--format junit', () => {
  it('is well-formed XML with failures for errors and warnings, skipped for waived findings', () => {
    const r = run(['--format', 'junit', '--today', GOLDEN_TODAY], CI_DOSSIER);
    assertWellFormedXml(r.stdout);
    const top = /<testsuites name="scr-check" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)">/.exec(r.stdout)!;
    assert.ok(top);
    assert.equal(Number(top[2]), (r.stdout.match(/<failure /g) ?? []).length);
    assert.equal(Number(top[3]), 1);
    assert.match(r.stdout, /<skipped message="Waived: the practice closed in 2015/);
    assert.equal((r.stdout.match(/<testsuite /g) ?? []).length, 3);
  });

  it('escapes messages, including quotes, line breaks and characters XML cannot hold', () => {
    const text = 'a: 1\n';
    const f: Finding = { rule: 'schema', severity: 'error', message: 'Bad <value> & "quotes" \'here\'\nline two\u0001\u0007', span: { start: 0, end: 1 }, questions: [], fixes: [], related: [] };
    const file: FileReport = { path: 'odd "name" & <x>.scr.yaml', absolutePath: '/x', lines: new LineIndex(text), findings: [f], waived: [], fingerprints: new Map([[f, 'x']]), kind: 'case' };
    const xml = formatJunit({ files: [file], errors: 1, warnings: 0, baselined: 0 });
    assertWellFormedXml(xml);
    assert.match(xml, /message="Bad &lt;value&gt; &amp; &quot;quotes&quot; &apos;here&apos;&#10;line two"/);
    assert.match(xml, /name="odd &quot;name&quot; &amp; &lt;x&gt;\.scr\.yaml"/);
  });
});

describe('colour without an option', () => {
  it('never with NO_COLOR; else wherever FORCE_COLOR is set to anything but 0; else on a terminal', async () => {
    const { colourWanted } = await import('../../server/src/cli/run');
    assert.equal(colourWanted(true, {}), true);
    assert.equal(colourWanted(false, {}), false);
    assert.equal(colourWanted(true, { NO_COLOR: '1' }), false);
    assert.equal(colourWanted(false, { FORCE_COLOR: '1' }), true);
    assert.equal(colourWanted(false, { FORCE_COLOR: '' }), true);
    assert.equal(colourWanted(true, { FORCE_COLOR: '0' }), false);
    assert.equal(colourWanted(true, { FORCE_COLOR: 'false' }), false);
    assert.equal(colourWanted(false, { FORCE_COLOR: '3', NO_COLOR: '1' }), false);
  });
});
