import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI, ROOT, scratch, type CliResult } from '../helpers/cli';

/**
 * A dossier far bigger than any board keeps: 1,000 small case files, each with its own reference,
 * and a handful of broken ones among them. Every file is reported, the broken ones each with a
 * plain message, and the run ends with the exit status the README promises.
 */
const COUNT = 1000;
const BASE = readFileSync(join(ROOT, 'test', 'fixtures', 'base.scr.yaml'), 'utf8');
const withReference = (text: string, reference: string) => text.replace('reference: NSCB-2016-21', `reference: ${reference}`);

/** Broken files: what they hold, and what the report must say about them. */
const BROKEN: { name: string; bytes: string | Buffer; says: RegExp }[] = [
  { name: 'unclosed-bracket', bytes: withReference(BASE, 'NSCB-2016-9001').replace('agencies: [csc, police, health]', 'agencies: [csc, police, health'), says: /indentation|bracket|\]/i },
  { name: 'unclosed-quote', bytes: withReference(BASE, 'NSCB-2016-9002').replace('summary: Admitted with a head injury', 'summary: "Admitted with a head injury'), says: /quoted text is never closed/ },
  { name: 'tab-indent', bytes: withReference(BASE, 'NSCB-2016-9003').replace('\n    name: Northshire Police', '\n\tname: Northshire Police'), says: /tab/i },
  { name: 'empty', bytes: '', says: /empty/i },
  { name: 'prose', bytes: 'Notes from the meeting, to be typed up later.\n', says: /set of keys/ },
  { name: 'binary', bytes: Buffer.from([0x73, 0x63, 0x72, 0x3a, 0x20, 0x31, 0x0a, 0x00, 0x00, 0xff, 0x10]), says: /not a text file/ },
  { name: 'not-utf8', bytes: Buffer.from('scr: 1\ncase:\n  board: Caf\xe9 LSCB\n', 'latin1'), says: /not saved as UTF-8/ },
];

interface JsonReport {
  files: { path: string; diagnostics: { rule: string; severity: string; message: string; line: number }[]; checklist?: unknown[] }[];
}

/**
 * The built command line, as scrCheck runs it, but with room for a report of many megabytes
 * (spawnSync keeps only 1 MB of output unless told otherwise).
 */
function scrCheckBig(args: string[], cwd: string): CliResult & { ms: number } {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.error, undefined, `the command ran to its end: ${r.error}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

describe('scr-check on a dossier of 1,000 case files with some broken ones', () => {
  let s: ReturnType<typeof scratch>;
  const good: string[] = [];
  let link: string | undefined;
  let r: CliResult & { ms: number };
  let json: JsonReport;

  before(() => {
    assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'the command line is built (npm run build) before its tests run');
    s = scratch();
    // Ten folders of a hundred cases, as a board might file them by year.
    for (let i = 0; i < COUNT; i++) {
      const folder = `cases/${2010 + Math.floor(i / 100)}`;
      mkdirSync(join(s.dir, folder), { recursive: true });
      const path = `${folder}/case-${String(i).padStart(4, '0')}.scr.yaml`;
      writeFileSync(join(s.dir, path), withReference(BASE, `NSCB-${2010 + Math.floor(i / 100)}-${String(i % 100).padStart(2, '0')}`).replace('pseudonym: Child P', `pseudonym: Child ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`));
      good.push(path);
    }
    mkdirSync(join(s.dir, 'cases', 'broken'));
    for (const b of BROKEN) writeFileSync(join(s.dir, 'cases', 'broken', `${b.name}.scr.yaml`), b.bytes);
    try {
      symlinkSync('gone.scr.yaml', join(s.dir, 'cases', 'broken', 'dangling-link.scr.yaml'));
      link = 'cases/broken/dangling-link.scr.yaml';
    } catch {
      // No symbolic links here (some Windows set-ups): that case is left out.
    }
    r = scrCheckBig(['.', '--format', 'json', '--today', '2017-01-31'], s.dir);
  });
  after(() => s.done());

  it('finishes without a stack trace or an internal error, with valid JSON', (t) => {
    t.diagnostic(`${COUNT + BROKEN.length} files in ${r.ms} ms, ${(r.stdout.length / 1e6).toFixed(1)} MB of JSON`);
    assert.doesNotMatch(r.stderr, /\n\s+at \S/, 'no stack trace');
    assert.doesNotMatch(r.stderr, /went wrong inside/);
    assert.doesNotMatch(r.stdout, /\n\s+at \S+ \(/, 'no stack trace in the report');
    json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['files', 'failed', 'reasons']);
  });

  it('exits 1, as the README says for errors in any file', () => {
    assert.equal(r.code, 1, r.stderr);
  });

  it('reports every file, once', () => {
    const reported = json.files.map((f) => f.path);
    assert.equal(new Set(reported).size, reported.length, 'no file twice');
    const expected = [...good, ...BROKEN.map((b) => `cases/broken/${b.name}.scr.yaml`)];
    const missing = expected.filter((p) => !reported.includes(p));
    assert.deepEqual(missing, [], 'every case file is in the report');
    const others = reported.filter((p) => !expected.includes(p) && p !== link);
    assert.deepEqual(others, [], 'nothing but the case files');
  });

  it('finds no error in the 1,000 good files, and no shared reference anywhere', () => {
    const goodSet = new Set(good);
    const withErrors = json.files.filter((f) => goodSet.has(f.path) && f.diagnostics.some((d) => d.severity === 'error'));
    assert.deepEqual(withErrors.map((f) => `${f.path}: ${f.diagnostics.map((d) => d.message).join(' | ')}`), []);
    assert.deepEqual(json.files.filter((f) => f.diagnostics.some((d) => d.rule === 'duplicate-id')).map((f) => f.path), []);
    for (const f of json.files.filter((x) => goodSet.has(x.path))) assert.equal(f.checklist?.length, 9, `${f.path} has its QM2 checklist`);
  });

  for (const b of BROKEN) {
    it(`tells plainly what is wrong with ${b.name}.scr.yaml`, () => {
      const f = json.files.find((x) => x.path === `cases/broken/${b.name}.scr.yaml`);
      assert.ok(f, 'reported');
      const errors = f.diagnostics.filter((d) => d.severity === 'error' && d.rule === 'yaml-syntax');
      assert.ok(errors.length > 0, `an error on the file: ${JSON.stringify(f.diagnostics)}`);
      assert.ok(errors.some((d) => b.says.test(d.message)), `says ${b.says}: ${errors.map((d) => d.message).join(' | ')}`);
      for (const d of f.diagnostics) {
        assert.ok(d.line >= 1, 'at a real line');
        assert.match(d.message, /^\S.*[.)?]$/s, `a whole sentence: ${d.message}`);
        assert.doesNotMatch(d.message, /\bat \S+:\d+|Error:|undefined|\[object|TypeError|YAMLParseError|[A-Z]{3,}_[A-Z_]+/, `no programmer's words: ${d.message}`);
      }
    });
  }

  it('writes nothing on stderr but its own plain messages', () => {
    assert.doesNotMatch(r.stderr, /\(node:\d+\) Warning|--trace-warnings/, r.stderr.slice(0, 400));
  });
});
