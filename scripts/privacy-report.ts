// `npm run privacy:report` (or `npx tsx scripts/privacy-report.ts`): the `personal-data` rule's
// precision and recall on the labelled corpus of test/privacy/corpus.ts, as Markdown for the
// README. `--details` lists every miss and false alarm after the tables.
import { buildCorpus, corpusSummary, details, KIND_NAMES, markdownTable, measure, missesByForm } from '../test/privacy/corpus';

const result = measure(buildCorpus());
const out = [corpusSummary(result), '', markdownTable(result)];

const misses = missesByForm(result);
if (misses.length) {
  out.push('', 'Missed, by how the identifier was written:', '', '| Kind | Written as | Missed |', '|---|---|---:|');
  for (const m of misses) out.push(`| ${KIND_NAMES[m.kind]} | ${m.form} | ${m.missed} |`);
}
if (process.argv.includes('--details')) {
  const more = details(result);
  if (more) out.push('', '```text', more, '```');
}
console.log(out.join('\n'));
