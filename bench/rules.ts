/**
 * The analysis of one keystroke, rule by rule: on the 100× file, a letter is typed at the end of a
 * line of free text (as bench/keystroke.ts types), the new version is read from the last one, and
 * each rule's `check` is timed on its own, in the order `analyseText` runs them. `first` is the
 * rule's time in that order, facts it is the first to ask for (once.ts) included; `own` is its
 * time run again on the same reading, once every shared fact is worked out (the rule's own work).
 * `timing`, `statutoryTest` and the waivers are timed as analyse.ts calls them.
 *
 *   node --import tsx bench/rules.ts [--scale=100] [--strokes=40] [--warmup=10]
 *
 * Not part of the full bench.
 */
import { CaseDoc, parseDate } from '../server/src/engine/index';
import { RULES } from '../server/src/engine/rules/index';
import { DEFAULT_SETTINGS } from '../server/src/engine/settings';
import { decisionTiming } from '../server/src/engine/timing';
import { statutoryTest } from '../server/src/engine/criteria';
import { findWaivers } from '../server/src/engine/waivers';
import type { RuleContext } from '../server/src/engine/rule';
import { TODAY } from './engine';
import { caseFile, typingPlaces } from './generate';
import { median } from './stats';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const scale = arg('scale', 100);
const strokes = arg('strokes', 40);
const warmup = arg('warmup', 10);

const today = parseDate(TODAY)!;
const settings = DEFAULT_SETTINGS;
let text = caseFile({ scale, seed: 7 });
const lines = text.split('\n');
const places = typingPlaces(text, 4);
let last = new CaseDoc(text);

const first = new Map<string, number[]>();
const own = new Map<string, number[]>();
const add = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
for (let k = 0; k < warmup + strokes; k++) {
  lines[places[k % places.length]] += 'abcdefghij'[k % 10];
  text = lines.join('\n');
  const doc = new CaseDoc(text, last);
  last = doc;
  const times: [string, number][] = [];
  let t = performance.now();
  const timing = decisionTiming(doc, settings, today);
  times.push(['(timing)', performance.now() - t]);
  t = performance.now();
  const test = statutoryTest(doc);
  times.push(['(statutoryTest)', performance.now() - t]);
  let n = 0;
  const ctx: RuleContext = { doc, settings, today, path: 'bench.scr.yaml', dossier: [], timing, test, report: () => void n++ };
  for (const rule of RULES) {
    t = performance.now();
    rule.check(ctx);
    times.push([rule.id, performance.now() - t]);
  }
  t = performance.now();
  findWaivers(doc);
  times.push(['(waivers)', performance.now() - t]);
  const again: [string, number][] = [];
  for (const rule of RULES) {
    t = performance.now();
    rule.check(ctx);
    again.push([rule.id, performance.now() - t]);
  }
  if (k < warmup) continue;
  for (const [id, ms] of times) add(first, id, ms);
  for (const [id, ms] of again) add(own, id, ms);
}
const rows = [...first].map(([id, xs]) => ({ id, first: median(xs), own: own.has(id) ? median(own.get(id)!) : NaN }));
const total = rows.reduce((s, r) => s + r.first, 0);
console.log(`${scale}× file, ${lines.length} lines, ${strokes} keystrokes after ${warmup}: median ms per keystroke (sum of medians ${total.toFixed(2)} ms)`);
console.log('| rule | first | own |\n|---|---:|---:|');
for (const r of rows.sort((a, b) => b.first - a.first)) console.log(`| ${r.id} | ${r.first.toFixed(2)} | ${Number.isNaN(r.own) ? '' : r.own.toFixed(2)} |`);
