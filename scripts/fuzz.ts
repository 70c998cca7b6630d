// `npm run fuzz`: many more mutation cases than `npm test` runs (default 100,000), reporting the
// count, the slowest input and any failure. A failure is saved under test/fuzz/failures/ as the
// exact text, so `npm run fuzz -- --replay FILE` (or the fixture runner) can replay it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { analyseText } from '../server/src/engine/analyse';
import { parseDate } from '../server/src/engine/dates';
import { applyEdits } from '../server/src/engine/fixes';
import { hostileInputs, mutate, seeded } from '../test/fuzz/mutate';

const root = join(__dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 100_000;
const replay = args.includes('--replay') ? args[args.indexOf('--replay') + 1] : undefined;
const today = parseDate('2017-01-31');

function check(text: string): void {
  const a = analyseText(text, { today, onRuleError: (rule, e) => { throw new Error(`rule ${rule} threw: ${(e as Error)?.stack ?? e}`); } });
  if (a.checklist.length !== 9) throw new Error('no checklist');
  for (const f of a.findings) {
    if (f.span.start < 0 || f.span.end > text.length || f.span.start > f.span.end) throw new Error(`${f.rule}: span outside the text`);
    for (const fix of f.fixes) applyEdits(text, fix.edits);
  }
}

if (replay) {
  check(readFileSync(replay, 'utf8'));
  console.log(`${replay}: no failure`);
  process.exit(0);
}

const seeds = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: root }).sort().map((f) => readFileSync(join(root, f), 'utf8'));
const inputs = hostileInputs();
let failures = 0;
let slowest = { ms: 0, what: '' };
const started = Date.now();
for (let n = 0; n < runs + inputs.length; n++) {
  const hostile = n < inputs.length ? inputs[n] : undefined;
  const r = seeded(n);
  const base = hostile ? undefined : Math.floor(r() * seeds.length);
  const m = hostile ? { text: hostile.text, steps: [hostile.name] } : mutate(seeds[base!], r);
  const t0 = performance.now();
  try {
    check(m.text);
  } catch (e) {
    failures++;
    const dir = join(root, 'test', 'fuzz', 'failures');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `case-${n}.scr.yaml`);
    writeFileSync(file, m.text);
    console.error(`FAIL case ${n} (${m.steps.join(' + ')}): ${(e as Error).message.split('\n')[0]}\n  saved as ${file}`);
  }
  const ms = performance.now() - t0;
  if (ms > slowest.ms) slowest = { ms, what: `case ${n} (${m.steps.join(' + ')}, ${m.text.length} characters)` };
  if (n > 0 && n % 10_000 === 0) console.log(`${n} cases, ${failures} failures, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log(`Fuzzing: ${runs + inputs.length} cases (${inputs.length} hostile inputs), ${failures} failures, slowest ${slowest.ms.toFixed(0)} ms: ${slowest.what}.`);
process.exit(failures ? 1 : 0);
