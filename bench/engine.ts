/**
 * Engine analysis (parse, schema, rules, checklist: `analyseText`) against the parse floor (a bare
 * `yaml.parseDocument` of the same text), per file size. Run in its own process by bench/run.ts:
 *
 *   node --import tsx bench/engine.ts '{"sizes":[1,10,100],"rounds":[30,20,12]}'
 *
 * prints one JSON line. Each round times both on the same text, one after the other (the order
 * alternating), so a ratio is always taken from two timings made within the same moment.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { parseDocument } from 'yaml';
import { analyseText, parseDate, waiverEdit } from '../server/src/engine/index';
import { caseFile } from './generate';
import { median } from './stats';

export interface EngineSize {
  scale: number;
  lines: number;
  chars: number;
  findings: number;
  /** How many times each is run per timing (small files are timed in batches). */
  batch: number;
  parseMs: number;
  analyseMs: number;
  /** Median of the per-round ratios analyse ÷ parse. */
  ratio: number;
  rounds: number;
  /**
   * The analysis with the garbage collector's pauses on the main thread taken out of each timing
   * (median): a diagnostic of how much of the time, and of the growth, is the collector's.
   */
  analyseLessGcMs: number;
  /**
   * The editor's menu of actions for every finding at once (each finding's waiver offer, which
   * looks for the key or entry the finding stands in), worked out on a fresh analysis (median).
   */
  actionsMs: number;
}

export const TODAY = '2020-06-01';

/** The garbage collector's pauses, as V8 reports them, from now until `stop` is awaited. */
function gcPauses(): { stop: () => Promise<{ start: number; ms: number }[]> } {
  const pauses: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      // The reports arrive once the event loop turns.
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      return pauses;
    },
  };
}

export async function measureEngine(sizes: number[], rounds: number[], warmupMs: number): Promise<EngineSize[]> {
  const today = parseDate(TODAY)!;
  const out: EngineSize[] = [];
  const gc = gcPauses();
  /** Each analysis timing's window, to take the pauses inside it out afterwards. */
  const windows: { start: number; end: number; batch: number }[][] = [];
  sizes.forEach((scale, i) => {
    const text = caseFile({ scale, seed: 7 });
    const analyse = () => analyseText(text, { today, path: `/bench/size-${scale}.scr.yaml` });
    const parse = () => parseDocument(text);
    // Warm up both, and find a batch size that makes one timing last at least 20 ms.
    let batch = 1;
    const start = performance.now();
    let one = Infinity;
    while (performance.now() - start < warmupMs || one === Infinity) {
      const t0 = performance.now();
      analyse();
      parse();
      one = Math.min(one, performance.now() - t0);
    }
    batch = Math.max(1, Math.ceil(20 / Math.max(one, 0.01)));
    const own: { start: number; end: number; batch: number }[] = [];
    windows.push(own);
    const time = (f: () => unknown) => {
      const t0 = performance.now();
      for (let k = 0; k < batch; k++) f();
      const t1 = performance.now();
      if (f === analyse) own.push({ start: t0, end: t1, batch });
      return (t1 - t0) / batch;
    };
    const ps: number[] = [];
    const as: number[] = [];
    const rs: number[] = [];
    for (let r = 0; r < rounds[i]; r++) {
      let p: number, a: number;
      if (r % 2 === 0) {
        p = time(parse);
        a = time(analyse);
      } else {
        a = time(analyse);
        p = time(parse);
      }
      ps.push(p);
      as.push(a);
      rs.push(a / p);
    }
    const findings = analyse().findings.length;
    const menus: number[] = [];
    for (let r = 0; r < Math.min(5, rounds[i]); r++) {
      const a = analyse();
      const t0 = performance.now();
      for (const f of a.findings) waiverEdit(a.doc, f, a.findings);
      menus.push(performance.now() - t0);
    }
    out.push({ scale, lines: text.split('\n').length, chars: text.length, findings, batch, parseMs: median(ps), analyseMs: median(as), ratio: median(rs), rounds: rounds[i], analyseLessGcMs: NaN, actionsMs: median(menus) });
  });
  const pauses = await gc.stop();
  out.forEach((size, i) => {
    const less = windows[i].map((w) => {
      const paused = pauses.filter((p) => p.start >= w.start && p.start < w.end).reduce((sum, p) => sum + p.ms, 0);
      return (w.end - w.start - paused) / w.batch;
    });
    size.analyseLessGcMs = median(less);
  });
  return out;
}

if (process.argv[1]?.endsWith('engine.ts')) {
  const opts = JSON.parse(process.argv[2] ?? '{}') as { sizes?: number[]; rounds?: number[]; warmupMs?: number };
  const sizes = opts.sizes ?? [1, 10, 100];
  void measureEngine(sizes, opts.rounds ?? sizes.map(() => 10), opts.warmupMs ?? 1000).then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
