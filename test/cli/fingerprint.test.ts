import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import { fingerprints } from '../../server/src/cli/fingerprint';
import { analyseFixture, readFixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const FILES = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort();

describe('fingerprints', () => {
  it('each finding keeps its fingerprint whichever other findings come or go (so a baseline never swaps one for another)', () => {
    let pairs = 0;
    for (const file of FILES) {
      const a = analyseFixture(readFixture(join(ROOT, file)));
      const all = fingerprints(a.findings, a.doc.lines, a.doc);
      assert.equal(new Set(all.values()).size, all.size, `${file}: every finding has its own fingerprint`);
      for (const gone of a.findings) {
        const rest = fingerprints(a.findings.filter((x) => x !== gone), a.doc.lines, a.doc);
        for (const [f, fp] of rest) {
          pairs++;
          assert.equal(fp, all.get(f), `${file}: the ${f.rule} finding “${f.message.slice(0, 60)}…” keeps its fingerprint when the ${gone.rule} finding “${gone.message.slice(0, 60)}…” goes`);
        }
      }
    }
    assert.ok(pairs > 500, `${pairs} pairs tried`);
  });
});
