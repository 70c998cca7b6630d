/**
 * The QM2 checklist as a document for the board's record: a self-contained HTML page (no script,
 * no remote content) and Markdown. Pure functions of the server's checklist, so tests can run them
 * without an editor. Every piece of case text is escaped.
 */
import type { ChecklistResult } from '../../../server/src/protocol';
import { findingsHeading, STATUS_SYMBOL, WAIVED_HEADING, waiverInWords } from '../../../server/src/engine/qm2';
import { shownText } from '../../../server/src/engine/text';
import { longDate, SEVERITY_WORDS, testInWords, timingInWords } from '../words';

export interface ExportContext {
  /** The case file's name, as the reader will recognise it. */
  file: string;
  /** The day the checklist was exported, YYYY-MM-DD. */
  exportedOn: string;
}


export function renderMarkdown(r: ChecklistResult, ctx: ExportContext): string {
  const md = escapeMarkdown;
  const out: string[] = [];
  out.push(`# QM2 checklist: ${md(r.reference ?? ctx.file)}`, '');
  const about = [r.child && `Child: ${md(r.child)}`, r.board && `Board: ${md(r.board)}`, `File: ${md(ctx.file)}`, `Exported: ${longDate(ctx.exportedOn)}`].filter(Boolean);
  out.push(about.join('  \n'), '');
  out.push(`**${md(r.summary)}**`, '');
  out.push('## The nine questions of Quality Marker 2', '');
  out.push('| Question | Status | Summary |', '|---|---|---|');
  for (const i of r.items) out.push(`| Q${i.question}. ${cell(i.title)} | ${STATUS_SYMBOL[i.status]} ${cell(i.statusWords)} | ${cell(i.summary)} |`);
  out.push('');
  for (const i of r.items) {
    out.push(`### Q${i.question}. ${md(i.title)}: ${md(i.statusWords)}`, '', `*${md(i.asks)}*`, '', md(i.summary), '');
    if (i.evidence.length) {
      out.push('Evidence:', '');
      for (const e of i.evidence) out.push(`- ${md(e.label)} (line ${e.range.start.line + 1})`);
      out.push('');
    }
    if (i.findings.length) {
      out.push(`${findingsHeading(i.status)}:`, '');
      for (const f of i.findings) out.push(`- ${SEVERITY_WORDS[f.severity]}: ${md(f.message)} (line ${f.range.start.line + 1}, \`${f.rule}\`)`);
      out.push('');
    }
    if (i.waived.length) {
      out.push(`${WAIVED_HEADING}:`, '');
      for (const f of i.waived) out.push(`- ${md(f.message)} ${md(waiverInWords(f.waiver))} (line ${f.range.start.line + 1}, \`${f.rule}\`)`);
      out.push('');
    }
  }
  out.push('## The statutory test', '', '| Criterion | Needed | Finding | Evidence |', '|---|---|---|---|');
  for (const c of r.test.criteria) out.push(`| ${cell(c.label)} | ${c.needed ? 'yes' : 'no'} | ${cell(c.finding ?? unwritten(c, 'finding', 'not recorded'))} | ${cell(c.evidence ?? unwritten(c, 'evidence', 'none recorded'))} |`);
  out.push('', ...testInWords(r.test).map((v) => md(v.text)), '');
  out.push('## Timing', '', ...timingInWords(r.timing).map((l) => `${md(l)}  `), '');
  if (r.timeline.length) {
    out.push('| Date | Event |', '|---|---|');
    for (const e of r.timeline) out.push(`| ${longDate(e.date)} | ${cell(e.label)} |`);
    out.push('');
  }
  out.push("## The chair's considerations", '');
  for (const c of r.considerations) out.push(`- ${c.weighed ? '✓ weighed' : c.toComplete ? '✗ still to be completed' : '✗ not recorded'}: ${md(c.label)}`);
  out.push('');
  return out.join('\n');
}

export function renderHtml(r: ChecklistResult, ctx: ExportContext): string {
  const h = escapeHtml;
  const title = `QM2 checklist: ${r.reference ?? ctx.file}`;
  const p: string[] = [];
  p.push(`<h1>${h(title)}</h1>`);
  p.push('<p class="about">', [r.child && `Child: ${h(r.child)}`, r.board && `Board: ${h(r.board)}`, `File: ${h(ctx.file)}`, `Exported: ${h(longDate(ctx.exportedOn))}`].filter(Boolean).join('<br>'), '</p>');
  p.push(`<p class="summary">${h(r.summary)}</p>`);
  p.push('<h2>The nine questions of Quality Marker 2</h2>');
  for (const i of r.items) {
    p.push(`<section class="q ${h(i.status)}"><h3><span aria-hidden="true">${STATUS_SYMBOL[i.status]}</span> Q${i.question}. ${h(i.title)}: <span class="status">${h(i.statusWords)}</span></h3>`);
    p.push(`<p class="asks">${h(i.asks)}</p><p>${h(i.summary)}</p>`);
    if (i.evidence.length) p.push('<h4>Evidence</h4><ul>', ...i.evidence.map((e) => `<li>${h(e.label)} <span class="line">(line ${e.range.start.line + 1})</span></li>`), '</ul>');
    if (i.findings.length) p.push(`<h4>${findingsHeading(i.status)}</h4><ul>`, ...i.findings.map((f) => `<li><strong>${SEVERITY_WORDS[f.severity]}:</strong> ${h(f.message)} <span class="line">(line ${f.range.start.line + 1}, ${h(f.rule)})</span></li>`), '</ul>');
    if (i.waived.length) p.push(`<h4>${WAIVED_HEADING}</h4><ul>`, ...i.waived.map((f) => `<li>${h(f.message)} <em>${h(waiverInWords(f.waiver))}</em> <span class="line">(line ${f.range.start.line + 1}, ${h(f.rule)})</span></li>`), '</ul>');
    p.push('</section>');
  }
  p.push('<h2>The statutory test</h2><table><caption>Each criterion, its finding and its evidence (Working Together 2015, chapter 4)</caption><thead><tr><th scope="col">Criterion</th><th scope="col">Needed</th><th scope="col">Finding</th><th scope="col">Evidence</th></tr></thead><tbody>');
  for (const c of r.test.criteria) p.push(`<tr><th scope="row">${h(c.label)}</th><td class="word">${c.needed ? 'yes' : 'no'}</td><td class="word">${h(c.finding ?? unwritten(c, 'finding', 'not recorded'))}</td><td>${h(c.evidence ?? unwritten(c, 'evidence', 'none recorded'))}</td></tr>`);
  p.push('</tbody></table>', ...testInWords(r.test).map((v) => `<p>${h(v.text)}</p>`));
  p.push('<h2>Timing</h2>', ...timingInWords(r.timing).map((l) => `<p>${h(l)}</p>`));
  if (r.timeline.length) {
    p.push('<table><caption>The timeline: each date in the record</caption><thead><tr><th scope="col">Date</th><th scope="col">Event</th></tr></thead><tbody>');
    for (const e of r.timeline) p.push(`<tr><td class="date">${h(longDate(e.date))}</td><td>${h(e.label)}</td></tr>`);
    p.push('</tbody></table>');
  }
  p.push("<h2>The chair's considerations</h2><ul>");
  for (const c of r.considerations) p.push(`<li><span aria-hidden="true">${c.weighed ? '✓' : '✗'}</span> ${c.weighed ? 'Weighed' : c.toComplete ? 'Still to be completed' : 'Not recorded'}: ${h(c.label)}</li>`);
  p.push('</ul>');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${h(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #1b1b1b; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #999; } h3 { font-size: 1.05rem; margin-bottom: .2rem; }
.summary { font-weight: bold; font-size: 1.1rem; } .asks { font-style: italic; margin-top: 0; } .line { color: #555; }
section.q { border-left: 4px solid #999; padding-left: .8rem; margin: 1rem 0; }
section.met { border-color: #2e7d32; } section.partly-met { border-color: #b26a00; } section.not-met { border-color: #c62828; }
table { border-collapse: collapse; width: 100%; } caption { text-align: left; padding-bottom: .3rem; } th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; } td.word { overflow-wrap: normal; } td.date { white-space: nowrap; }
@media print { body { margin: 0; } section.q { break-inside: avoid; } }
</style>
</head>
<body>
<main>
${p.join('\n')}
</main>
</body>
</html>
`;
}

/** Case text in HTML, its characters that change the direction text is shown in written out (shownText). */
export function escapeHtml(s: string): string {
  return shownText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A web address as GitHub and other renderers would make a link of it, bare. */
const BARE_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s`]+/gi;

/**
 * Case text in Markdown: no link, emphasis, heading, list or HTML can come from it. A bare web
 * address is set as code, which renderers do not turn into a link. Characters that change the
 * direction text is shown in are written out (shownText).
 */
export function escapeMarkdown(text: string): string {
  const s = shownText(text);
  let out = '';
  let at = 0;
  for (const m of s.matchAll(BARE_ADDRESS)) {
    out += escapeMarkdownText(s.slice(at, m.index)) + `\`${m[0]}\``;
    at = m.index! + m[0].length;
  }
  return out + escapeMarkdownText(s.slice(at));
}

function escapeMarkdownText(s: string): string {
  return s
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

/** A table cell: escaped, on one line. */
function cell(s: string): string {
  return escapeMarkdown(s.replace(/\s*\n\s*/g, ' ').trim());
}

/** What a criterion's table cell says where nothing is written: words still to be completed are said to be so. */
function unwritten(c: { toComplete?: readonly string[] }, part: 'finding' | 'evidence', none: string): string {
  return c.toComplete?.includes(part) ? 'still to be completed' : none;
}
