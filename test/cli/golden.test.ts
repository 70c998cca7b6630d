import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { ROOT } from '../helpers/cli';
import { assertGolden, CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

// Every format on the same small dossier (one clean case, one with a waived finding, one with an
// error), run from inside the dossier with a fixed day, so the output is the same everywhere.
// After an intended change: UPDATE_GOLDEN=1 node --import tsx --test test/cli/golden.test.ts

before(() => {
  assert.ok(existsSync(join(ROOT, 'dist', 'cli.js')), 'the command line is built (npm run build) before its tests run');
});

const FORMATS: [string, string][] = [
  ['stylish', 'stylish.txt'],
  ['json', 'report.json'],
  ['sarif', 'report.sarif'],
  ['github', 'github.txt'],
  ['markdown', 'summary.md'],
  ['junit', 'junit.xml'],
];

/** The checker's version is not part of what a golden file pins down. */
function withoutVersion(format: string, text: string): string {
  if (format !== 'sarif') return text;
  const log = JSON.parse(text);
  const driver = log.runs[0].tool.driver;
  driver.version = '<version>';
  if (driver.semanticVersion) driver.semanticVersion = '<version>';
  return JSON.stringify(log, null, 2) + '\n';
}

describe('golden output of each format on test/fixtures/ci-dossier', () => {
  for (const [format, file] of FORMATS) {
    it(`--format ${format}`, () => {
      const r = run(['--format', format, '--today', GOLDEN_TODAY], CI_DOSSIER);
      assert.equal(r.code, 1, `one case has an error, so the run fails: ${r.stderr}`);
      assert.equal(r.stderr, '');
      assertGolden(file, withoutVersion(format, r.stdout));
    });
  }

  it('--output writes the same text as --format', () => {
    const s = run(['--format', 'markdown', '--today', GOLDEN_TODAY], CI_DOSSIER);
    // Written in the folder the command runs in, so that its relative links are the same.
    const tmp = join(CI_DOSSIER, `scr-golden-${process.pid}.md`);
    const r = run(['--format', 'github', '--output', tmp, '--today', GOLDEN_TODAY], CI_DOSSIER);
    assert.equal(r.code, 1);
    assert.equal(readFileSync(tmp, 'utf8'), s.stdout, 'the format follows from the .md extension');
    rmSync(tmp);
  });
});
