/**
 * The keystroke path of the language server, in one process and without the editor: the 100×
 * file is read once, then a letter is typed at the end of a line of free text, as bench/run.ts
 * `keystrokes` does, and each time the work the server does for the new version is timed: reading
 * it from the last version (`new CaseDoc(text, last)`, as Analyses.parsed does), the analysis
 * (`analyseText`), and the findings made LSP diagnostics and written as JSON (as they are sent).
 *
 *   node --import tsx bench/keystroke.ts [--scale=100] [--strokes=80] [--warmup=20]
 *   node --cpu-prof --cpu-prof-dir=bench/.work/prof --import tsx bench/keystroke.ts
 *
 * prints the median and 95th percentile of each part and of the whole. Not part of the full bench.
 */
import { analyseText, CaseDoc, dossierEntry, parseDate } from '../server/src/engine/index';
import { toDiagnostic } from '../server/src/lsp/convert';
import type { ServerHost } from '../server/src/lsp/host';
import { TODAY } from './engine';
import { caseFile, typingPlaces } from './generate';
import { median, quantile } from './stats';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const scale = arg('scale', 100);
const strokes = arg('strokes', 80);
const warmup = arg('warmup', 20);

const today = parseDate(TODAY)!;
const path = 'file:///bench/keystroke.scr.yaml';
const host: ServerHost = { readFile: async () => undefined, listCaseFiles: async () => [] };
let text = caseFile({ scale, seed: 7 });
const lines = text.split('\n');
const places = typingPlaces(text, 4);
let last = new CaseDoc(text);
analyseText(text, { path, today, doc: last });

const parts = { read: [] as number[], analyse: [] as number[], send: [] as number[], total: [] as number[] };
let sent = 0;
for (let k = 0; k < warmup + strokes; k++) {
  const line = places[k % places.length];
  lines[line] += 'abcdefghij'[k % 10];
  text = lines.join('\n');
  const t0 = performance.now();
  const doc = new CaseDoc(text, last);
  const t1 = performance.now();
  const analysis = analyseText(text, { path, today, doc, dossier: [] });
  dossierEntry(path, analysis.doc);
  const t2 = performance.now();
  const diagnostics = analysis.findings.filter((f) => !f.waived).map((f) => toDiagnostic(f, { uri: path, lines: analysis.doc.lines, version: k + 2, host, linesOf: () => undefined }));
  sent += JSON.stringify({ uri: path, version: k + 2, diagnostics }).length;
  const t3 = performance.now();
  last = doc;
  if (k < warmup) continue;
  parts.read.push(t1 - t0);
  parts.analyse.push(t2 - t1);
  parts.send.push(t3 - t2);
  parts.total.push(t3 - t0);
}
const f = (xs: number[]) => `p50 ${median(xs).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
console.log(`${scale}× file, ${lines.length} lines, ${strokes} keystrokes after ${warmup} (${Math.round(sent / (warmup + strokes) / 1024)} KB of diagnostics each)`);
for (const [name, xs] of Object.entries(parts)) console.log(`  ${name.padEnd(8)} ${f(xs)}`);
