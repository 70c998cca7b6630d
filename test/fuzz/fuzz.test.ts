import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';
import { hostileInputs, mutate, seeded } from './mutate';

const ROOT = join(__dirname, '..', '..');
const SEEDS = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort().map((f) => readFileSync(join(ROOT, f), 'utf8'));
const today = parseDate('2017-01-31');
/** How many cases `npm test` runs; `npm run fuzz` runs many more. */
const RUNS = Number(process.env.SCR_FUZZ_RUNS ?? 2000);

function check(text: string): void {
  const errors: string[] = [];
  const a = analyseText(text, { today, onRuleError: (rule, e) => errors.push(`${rule}: ${(e as Error)?.stack ?? e}`) });
  assert.deepEqual(errors, [], 'no rule threw');
  assert.equal(a.checklist.length, 9, 'a checklist is always computed');
  for (const f of a.findings) {
    assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, `${f.rule}: span inside the text`);
    assert.ok(f.message.length > 0);
    for (const fix of f.fixes) applyEdits(text, fix.edits); // a fix never throws either
  }
}

describe('the analyser survives any input', () => {
  it('has seed files to mutate', () => assert.ok(SEEDS.length >= 10));

  it(`${RUNS} mutations of the fixtures and examples`, { timeout: 600_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SEEDS.length - 1 }), fc.integer(), (i, seed) => {
        check(mutate(SEEDS[i], seeded(seed)).text);
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary text, including unusual Unicode', { timeout: 120_000 }, () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => check(s)), { numRuns: Math.min(RUNS, 1000) });
  });

  it('arbitrary YAML-looking lines', { timeout: 120_000 }, () => {
    const line = fc.tuple(fc.nat({ max: 8 }), fc.constantFrom('scr', 'case', 'agencies', 'decision', 'criteria', '-', 'date', 'finding', 'notes', '<<', '? x', '&a', '*a'), fc.constantFrom(': ', ':', ' ', ': |', ': >', ': [', ': {'), fc.string({ maxLength: 12 }))
      .map(([ind, k, sep, v]) => `${' '.repeat(ind)}${k}${sep}${v}`);
    fc.assert(fc.property(fc.array(line, { maxLength: 40 }), (lines) => check(lines.join('\n'))), { numRuns: Math.min(RUNS, 1000) });
  });

  for (const h of hostileInputs()) {
    it(`hostile input: ${h.name}`, { timeout: 60_000 }, () => check(h.text));
  }

  it('an alias bomb is stopped with a clear finding', () => {
    const bomb = hostileInputs().find((h) => h.name === 'alias bomb')!;
    const a = analyseText(bomb.text, { today });
    const f = a.findings.find((x) => x.rule === 'yaml-syntax' && /repeats references to marked parts/.test(x.message));
    assert.ok(f, a.findings.map((x) => x.message).join('\n'));
    // Where the repeating starts: the first reference, not line 1.
    assert.equal(bomb.text.slice(f.span.start, f.span.start + 1), '*');
  });
});
