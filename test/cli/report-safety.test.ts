import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isBaselineText } from '../../server/src/cli/baseline';
import { md } from '../../server/src/cli/formats/markdown';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

const R = readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8');

describe('--output never writes over what the run reads or writes', () => {
  it('refuses a case file, a settings file, a baseline or the same file twice, and writes nothing', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), R);
    writeFileSync(join(s.dir, 'notes.yaml'), R);
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
    const cases: [string[], RegExp][] = [
      [['case.scr.yaml', '-o', 'case.scr.yaml'], /over a case file/],
      [['case.scr.yaml', '-o', './sub/../case.scr.yaml', '--output-format', 'markdown'], /over a case file/],
      [['case.scr.yaml', '-o', 'other.scr.yaml'], /is named as a case file is/],
      [['notes.yaml', '-o', 'notes.yaml'], /over a case file/],
      [['case.scr.yaml', '-o', 'scr.config.yaml'], /over a settings file/],
      [['case.scr.yaml', '--config', 'scr.config.yaml', '-o', 'scr.config.yaml'], /over a settings file/],
      [['case.scr.yaml', '--write-baseline', 'b.json', '-o', 'b.json'], /over the baseline being recorded/],
      [['case.scr.yaml', '-o', 'r.md', '-o', 'r.md'], /given twice/],
    ];
    for (const [args, message] of cases) {
      const r = run(['--today', GOLDEN_TODAY, ...args], s.dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
      assert.match(r.stderr, /Choose another file name|each report needs a file of its own/);
    }
    assert.equal(readFileSync(join(s.dir, 'case.scr.yaml'), 'utf8'), R, 'the case file is untouched');
    assert.equal(readFileSync(join(s.dir, 'notes.yaml'), 'utf8'), R);
    assert.equal(readFileSync(join(s.dir, 'scr.config.yaml'), 'utf8'), 'decisionLimit: 1 month\n');
    // A baseline used and the report written to the same file: the baseline would be lost.
    assert.equal(run(['case.scr.yaml', '--today', GOLDEN_TODAY, '--write-baseline', 'b.json'], s.dir).code, 0);
    const baseline = readFileSync(join(s.dir, 'b.json'), 'utf8');
    const r = run(['case.scr.yaml', '--today', GOLDEN_TODAY, '--baseline', 'b.json', '-o', 'b.json'], s.dir);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /over the baseline given to --baseline/);
    assert.equal(readFileSync(join(s.dir, 'b.json'), 'utf8'), baseline);
    s.done();
  });

  it('refuses a baseline the run does not name, known by what it holds; a report is written over an old report', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), R);
    assert.equal(run(['case.scr.yaml', '--today', GOLDEN_TODAY, '--write-baseline', 'qm2-baseline.json'], s.dir).code, 0);
    const baseline = readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8');
    // Another version's baseline, and one written by hand with its keys in another order.
    writeFileSync(join(s.dir, 'v2.json'), '{"version": 2, "findings": []}');
    writeFileSync(join(s.dir, 'by-hand.out'), '{"findings": [], "version": 1}');
    for (const [name, format] of [['qm2-baseline.json', []], ['v2.json', []], ['by-hand.out', ['--output-format', 'sarif']]] as const) {
      const before = readFileSync(join(s.dir, name), 'utf8');
      const r = run(['case.scr.yaml', '--today', GOLDEN_TODAY, '-q', '-o', name, ...format], s.dir);
      assert.equal(r.code, 2, `${name}: ${r.stderr}`);
      assert.equal(r.stderr, `scr-check: --output ${name} would write the report over a baseline, which would be lost. Choose another file name for the report.\n`);
      assert.equal(readFileSync(join(s.dir, name), 'utf8'), before, `${name} is untouched`);
    }
    assert.equal(readFileSync(join(s.dir, 'qm2-baseline.json'), 'utf8'), baseline);
    // A report, an empty file or other JSON is not a baseline: it is written over, as before.
    writeFileSync(join(s.dir, 'empty.json'), '');
    writeFileSync(join(s.dir, 'notes.json'), '{"version": "1", "findings": "none"}');
    for (const name of ['report.json', 'report.sarif', 'empty.json', 'notes.json']) {
      for (let i = 0; i < 2; i++) {
        const r = run(['case.scr.yaml', '--today', GOLDEN_TODAY, '-q', '-o', name], s.dir);
        assert.equal(r.code, 0, `${name}, run ${i + 1}: ${r.stderr}`);
      }
      assert.ok(!isBaselineText(readFileSync(join(s.dir, name), 'utf8')), name);
    }
    s.done();
  });
});

describe('--output: what the file written would be', () => {
  it('a link is refused for the file it leads to, whatever its own name', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), R);
    writeFileSync(join(s.dir, 'other.scr.yaml'), R);
    writeFileSync(join(s.dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
    symlinkSync('scr.config.yaml', join(s.dir, 'report.json'));
    symlinkSync('other.scr.yaml', join(s.dir, 'report.md'));
    for (const [args, message] of [
      [['case.scr.yaml', '-o', 'report.json'], /report\.json would write the report over a settings file/],
      [['case.scr.yaml', '-o', 'report.md'], /report\.md would write the report over a case file/],
    ] as [string[], RegExp][]) {
      const r = run(['--today', GOLDEN_TODAY, ...args], s.dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
    }
    assert.equal(readFileSync(join(s.dir, 'scr.config.yaml'), 'utf8'), 'decisionLimit: 1 month\n');
    assert.equal(readFileSync(join(s.dir, 'other.scr.yaml'), 'utf8'), R);
    s.done();
  });

  it('a settings file that does not exist yet is refused for what it is, not said to be written over', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), R);
    for (const name of ['scr.config.yaml', 'sub/SCR.CONFIG.YAML']) {
      const r = run(['case.scr.yaml', '--today', GOLDEN_TODAY, '-o', name], s.dir);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /is named as a settings file is \(scr\.config\.yaml\), so the report would later be read as the settings/);
      assert.doesNotMatch(r.stderr, /over a settings file|would be lost/);
    }
    assert.ok(!existsSync(join(s.dir, 'scr.config.yaml')));
    s.done();
  });
});

describe('text from a case file cannot act on a terminal or a CI log', () => {
  // A double-quoted YAML string can hold any control character: here one that clears the screen,
  // a colour, a carriage return that would write over the start of the line, and a bell.
  const evil = R.replace('name: Old Town GP practice', 'name: "Old Town\\e[2J\\e[31m GP\\r practice\\a\\x9b"');

  for (const format of ['stylish', 'github']) {
    it(`--format ${format} shows no control characters`, () => {
      const s = scratch();
      writeFileSync(join(s.dir, 'case.scr.yaml'), evil);
      const r = run(['--format', format, '--today', GOLDEN_TODAY, '--color'], s.dir);
      s.done();
      const line = r.stdout.split('\n').find((l) => l.includes('Old Town'))!;
      assert.ok(line, r.stdout);
      // Colour on a terminal is the checker's own (ESC [ … m around whole words), never the file's.
      const withoutOwnColour = line.replace(/\x1b\[\d+m/g, '');
      assert.doesNotMatch(withoutOwnColour, /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/, JSON.stringify(line));
      assert.match(withoutOwnColour, /Old Town\uFFFD\[2J\uFFFD\[31m GP/);
    });
  }
});

describe('text from a case file cannot be reordered on screen', () => {
  // An invisible right-to-left override in an agency's name, and an isolate in the file's name.
  const hidden = R.replace('name: Old Town GP practice', 'name: Old Town\u202e GP practice');
  const RAW = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

  for (const [format, shown] of [['stylish', 'Old Town<U+202E> GP practice'], ['github', 'Old Town<U+202E> GP practice'], ['markdown', 'Old Town\\<U+202E\\> GP practice']]) {
    it(`--format ${format} writes out each character that changes the direction text is shown in`, () => {
      const s = scratch();
      writeFileSync(join(s.dir, 'case\u2067.scr.yaml'), hidden);
      const r = run(['--format', format, '--today', GOLDEN_TODAY], s.dir);
      s.done();
      assert.ok(r.stdout.includes(shown), r.stdout);
      assert.match(r.stdout, /text-direction/);
      // GitHub places an annotation by the file's own name; everything shown has none of them.
      const seen = format === 'github' ? r.stdout.replace(/file=[^,]*,/g, '') : r.stdout;
      assert.doesNotMatch(seen, RAW, seen);
      if (format !== 'github') assert.match(seen, /case(\\)?<U\+2067(\\)?>\.scr\.yaml/);
    });
  }
});

describe('--format markdown: no references to issues or merge requests', () => {
  it('#12, GH-12, !12 and owner/repo#12 are plain text on GitHub and GitLab', () => {
    for (const [text, out] of [
      ['see #12', 'see \\#\u206012'],
      ['see GH-12 and gh-3', 'see GH-\u206012 and gh-\u20603'],
      ['merge request !7', 'merge request !\u20607'],
      ['board/dossier#4', 'board/dossier\\#\u20604'],
    ]) {
      assert.equal(md(text), out, text);
      assert.equal(md(text, true), out, `${text} in a table`);
    }
    assert.equal(md('item #a, 100% and `#12`'), 'item \\#a, 100% and `#12`', 'nothing else changes, and code stays code');
  });

  it('a reference in a case file does not link in the report', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case.scr.yaml'), R.replace('name: Old Town GP practice', 'name: "Old Town GP practice #12 GH-3"'));
    const r = run(['--format', 'markdown', '--today', GOLDEN_TODAY], s.dir);
    s.done();
    assert.match(r.stdout, /Old Town GP practice \\#\u206012 GH-\u20603/);
    assert.doesNotMatch(r.stdout, /#12|GH-3/);
  });
});

describe('paths from the top of the repository', () => {
  /** A repository with the dossier in a folder, checked from another folder inside it. */
  function repo() {
    const s = scratch();
    mkdirSync(join(s.dir, '.git'));
    mkdirSync(join(s.dir, 'dossier', '2016'), { recursive: true });
    mkdirSync(join(s.dir, 'tools'));
    writeFileSync(join(s.dir, 'dossier', '2016', 'child r.scr.yaml'), R);
    return s;
  }

  it('github annotations name the file from the top of the repository, wherever the check runs', () => {
    const s = repo();
    const inside = run(['--format', 'github', '--today', GOLDEN_TODAY], join(s.dir, 'dossier'));
    const outside = run(['--format', 'github', '--today', GOLDEN_TODAY, '../dossier'], join(s.dir, 'tools'));
    s.done();
    for (const r of [inside, outside]) {
      const files = r.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => /file=([^,]*)/.exec(l)![1]);
      assert.ok(files.length > 0, r.stdout);
      assert.deepEqual([...new Set(files)], ['dossier/2016/child r.scr.yaml']);
    }
  });

  it('markdown links on the code host point at the file from the top of the repository', () => {
    const s = repo();
    const env = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'board/dossier', GITHUB_SHA: 'abc123' };
    const r = run(['--format', 'markdown', '--today', GOLDEN_TODAY], join(s.dir, 'dossier'), env);
    s.done();
    assert.match(r.stdout, /\(https:\/\/github\.com\/board\/dossier\/blob\/abc123\/dossier\/2016\/child%20r\.scr\.yaml#L21\)/);
    assert.doesNotMatch(r.stdout, /blob\/abc123\/2016\//);
  });
});
