import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Log, Result } from 'sarif';
import { ALL_RULES } from '../../server/src/engine/index';
import { FINGERPRINT_KEY } from '../../server/src/cli/formats/sarif';
import { scratch } from '../helpers/cli';
import { CI_DOSSIER, GOLDEN_TODAY, run } from './run-cli';

/**
 * The SARIF 2.1.0 JSON Schema, read offline from the npm package @microsoft/jest-sarif (a
 * development dependency), which ships it as lib/schemas/sarif-2.1.0-rtm.5.json: the schema of the
 * 2.1.0 standard that GitHub code scanning takes. It is a draft-04 schema, so it is checked with the
 * Ajv 6 that the same package depends on.
 */
function sarifValidator(): (data: unknown) => { ok: boolean; errors: string } {
  const pkgJson = require.resolve('@microsoft/jest-sarif/package.json');
  const local = createRequire(pkgJson);
  const Ajv = local('ajv');
  const schema = JSON.parse(readFileSync(join(dirname(pkgJson), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, validateSchema: false, format: 'full' });
  ajv.addMetaSchema(local('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(schema);
  return (data) => {
    const ok = validate(data) as boolean;
    return { ok, errors: JSON.stringify(validate.errors, null, 2) };
  };
}

const validate = sarifValidator();

function sarifOf(args: string[], cwd: string): Log {
  const r = run(['--format', 'sarif', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as Log;
}

describe('--format sarif', () => {
  const log = sarifOf(['--today', GOLDEN_TODAY], CI_DOSSIER);
  const run0 = log.runs[0];

  it('is valid against the SARIF 2.1.0 JSON Schema', () => {
    const v = validate(log);
    assert.ok(v.ok, v.errors);
  });

  it('the schema check does catch a broken log (so the test above means something)', () => {
    const broken = JSON.parse(JSON.stringify(log));
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].tool.driver.rules[0].helpUri = 'not a uri';
    delete broken.runs[0].tool.driver.name;
    const v = validate(broken);
    assert.equal(v.ok, false);
    for (const bit of ['startLine', 'helpUri', 'name']) assert.match(v.errors, new RegExp(bit));
  });

  it('describes every rule: id, short and full description, help page, default level, QM2 tags', () => {
    const rules = run0.tool.driver.rules!;
    assert.deepEqual(rules.map((r) => r.id), ALL_RULES.map((r) => r.id));
    for (const [i, r] of rules.entries()) {
      const meta = ALL_RULES[i];
      assert.ok(r.shortDescription?.text, r.id);
      assert.ok(r.fullDescription?.text, r.id);
      assert.match(r.helpUri!, new RegExp(`^https://.+/docs/rules/${meta.id}\\.md$`));
      assert.equal(r.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.severity]);
      const tags = r.properties!.tags as string[];
      for (const q of meta.questions) assert.ok(tags.includes(`qm2-question-${q}`), `${r.id} is tagged with QM2 question ${q}`);
    }
  });

  it('results have 1-based regions, rule indexes and fingerprints', () => {
    const results = run0.results!;
    assert.ok(results.length > 5);
    for (const res of results) {
      const region = res.locations![0].physicalLocation!.region!;
      assert.ok(region.startLine! >= 1 && region.startColumn! >= 1, JSON.stringify(region));
      assert.equal(run0.tool.driver.rules![res.ruleIndex!].id, res.ruleId);
      assert.match(res.partialFingerprints![FINGERPRINT_KEY], /^[0-9a-f]{32}$/);
      assert.ok(!res.locations![0].physicalLocation!.artifactLocation!.uri!.startsWith('/'), 'paths are relative');
    }
    const delay = results.find((x) => x.ruleId === 'unexplained-delay' && x.locations![0].physicalLocation!.artifactLocation!.uri === 'child-r.scr.yaml')!;
    const lines = readFileSync(join(CI_DOSSIER, 'child-r.scr.yaml'), 'utf8').split('\n');
    const region = delay.locations![0].physicalLocation!.region!;
    const line = lines[region.startLine! - 1];
    assert.equal(line.slice(region.startColumn! - 1, region.endColumn! - 1), '2016-04-28', 'the region is the decision date, counted from 1');
  });

  it('a waived finding is a suppressed result with its reason', () => {
    const waived = run0.results!.filter((x) => x.suppressions?.length);
    assert.equal(waived.length, 1);
    assert.equal(waived[0].ruleId, 'minimum-data-requested');
    assert.deepEqual(waived[0].suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'the practice closed in 2015 and its records went to the health trust, asked below' }]);
  });

  it('fingerprints stay the same when lines above move and unrelated text changes', () => {
    const s = scratch();
    const text = readFileSync(join(CI_DOSSIER, 'child-s.scr.yaml'), 'utf8');
    writeFileSync(join(s.dir, 'case.scr.yaml'), text);
    const before = sarifOf(['--today', GOLDEN_TODAY], s.dir).runs[0].results!;
    const moved = text
      .replace('scr: 1\n', 'scr: 1\n# A comment added at the top,\n# and another line.\n\n')
      .replace('Found unresponsive at home.', 'Found unresponsive at home by a parent in the morning.')
      .replace('    forum: SCR subgroup\n', '    forum: SCR subgroup meeting\n    # note: rescheduled once\n');
    writeFileSync(join(s.dir, 'case.scr.yaml'), moved);
    const after = sarifOf(['--today', GOLDEN_TODAY], s.dir).runs[0].results!;
    s.done();
    const key = (r: Result) => `${r.ruleId} ${r.partialFingerprints![FINGERPRINT_KEY]}`;
    assert.deepEqual(after.map(key).sort(), before.map(key).sort());
    const line = (r: Result) => r.locations![0].physicalLocation!.region!.startLine!;
    assert.ok(after.every((r, i) => line(r) > line(before[i]) || line(r) < 4), 'the lines did move');
  });

  it('a finding about another file points there too (related locations)', () => {
    const s = scratch();
    const base = readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8');
    writeFileSync(join(s.dir, 'a.scr.yaml'), base);
    writeFileSync(join(s.dir, 'b.scr.yaml'), base);
    const log2 = sarifOf(['--today', GOLDEN_TODAY], s.dir);
    s.done();
    assert.ok(validate(log2).ok);
    const dup = log2.runs[0].results!.find((x) => x.ruleId === 'duplicate-id' && x.locations![0].physicalLocation!.artifactLocation!.uri === 'a.scr.yaml')!;
    assert.equal(dup.relatedLocations![0].physicalLocation!.artifactLocation!.uri, 'b.scr.yaml');
    assert.equal(dup.relatedLocations![0].physicalLocation!.region!.startLine, 3);
  });

  it('names files from the top of the repository, with a base id, wherever the check runs', () => {
    const s = scratch();
    mkdirSync(join(s.dir, '.git'));
    mkdirSync(join(s.dir, 'dossier', 'old'), { recursive: true });
    mkdirSync(join(s.dir, 'tools'));
    const base = readFileSync(join(CI_DOSSIER, 'child-p.scr.yaml'), 'utf8');
    writeFileSync(join(s.dir, 'dossier', 'a #1.scr.yaml'), base);
    writeFileSync(join(s.dir, 'dossier', 'old', 'b.scr.yaml'), base);
    // Run in the dossier's folder (as with a working-directory), and from a folder beside it.
    const logs = [sarifOf(['--today', GOLDEN_TODAY], join(s.dir, 'dossier')), sarifOf(['--today', GOLDEN_TODAY, '../dossier'], join(s.dir, 'tools'))];
    s.done();
    for (const l of logs) {
      const v = validate(l);
      assert.ok(v.ok, v.errors);
      const places = l.runs[0].results!.flatMap((x) => [...x.locations!, ...(x.relatedLocations ?? [])]).map((x) => x.physicalLocation?.artifactLocation).filter((x) => x !== undefined);
      assert.ok(places.length >= 4, JSON.stringify(places));
      assert.deepEqual([...new Set(places.map((x) => `${x!.uriBaseId} ${x!.uri}`))].sort(), ['%SRCROOT% dossier/a%20%231.scr.yaml', '%SRCROOT% dossier/old/b.scr.yaml']);
      assert.doesNotMatch(JSON.stringify(l), /file:|scr-test-/, 'nothing names the machine\'s own folders');
    }
  });

  it('unusual file names become valid relative URIs', () => {
    const s = scratch();
    writeFileSync(join(s.dir, 'case 1, draft: 50% (old).scr.yaml'), readFileSync(join(CI_DOSSIER, 'child-s.scr.yaml'), 'utf8'));
    const log3 = sarifOf(['--today', GOLDEN_TODAY], s.dir);
    s.done();
    const v = validate(log3);
    assert.ok(v.ok, v.errors);
    assert.equal(log3.runs[0].results![0].locations![0].physicalLocation!.artifactLocation!.uri, 'case%201%2C%20draft%3A%2050%25%20%28old%29.scr.yaml');
  });
});
