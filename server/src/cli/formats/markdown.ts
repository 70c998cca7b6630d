import { canBeHeldBack, findingsHeading, metCount, SEVERITY_WORDS, shownText, WAIVED_HEADING, waiverInWords, QUESTIONS, STATUS_SYMBOL, STATUS_WORDS, type ChecklistItem, type Finding } from '../../engine/index';
import { lineLink, ruleDocUrl } from '../links';
import { shownPath } from '../files';
import { failureLine, oneLine, outcomeMark, plural, regionOf, repoPathOf, summaryLine, type FileReport, type RenderContext, type RunReport } from '../report';

/**
 * A report for people who will not open the YAML: for each case file, the QM2 checklist as a
 * table (question, status, what holds it back) and the findings, each linked to its line. For
 * a GitHub job summary ($GITHUB_STEP_SUMMARY) or a comment on a pull or merge request.
 */
export function formatMarkdown(report: RunReport, ctx: RenderContext): string {
  const out: string[] = [];
  out.push('# SCR Quality Marker 2 check', '');
  out.push(`**${outcomeMark(report)} ${summaryLine(report, code)}**`);
  // Why the run failed, beside the mark: in a job summary, the exit status is not seen.
  const failure = failureLine(report);
  if (failure) out.push('', `**${md(failure)}**`);
  if (report.baselined) out.push('', `${plural(report.baselined, 'finding')} already recorded in the baseline ${report.baselined === 1 ? 'is' : 'are'} not shown.`);
  if (!report.files.length) out.push('', 'No case files to report on.');
  for (const f of report.files) out.push('', ...fileSection(f, ctx));
  return out.join('\n') + '\n';
}

function fileSection(f: FileReport, ctx: RenderContext): string[] {
  const out: string[] = [];
  // On the code host a file is named from the top of the repository, wherever the command ran.
  const fromRoot = ctx.linkBase ? repoPathOf(f.absolutePath, ctx) : undefined;
  // Else a relative link, from the folder the report is read in (where it is written).
  const local = ctx.linkFrom && !ctx.linkBase ? shownPath(ctx.linkFrom, f.absolutePath) : f.path;
  const link = (line?: number) => (fromRoot !== undefined ? lineLink(fromRoot, line, ctx.linkBase) : lineLink(local, line, ctx.repoRoot ? undefined : ctx.linkBase));
  const fileLink = `[${code(f.path)}](${link()})`;
  if (f.kind === 'config') {
    out.push(`## Settings file ${code(f.path)}`, '', `The settings in ${fileLink} have mistakes. Until they are put right, the defaults apply.`);
  } else if (f.kind === 'unreadable') {
    out.push(`## ${code(f.path)}`, '', `${fileLink} could not be checked.`);
  } else {
    const o = f.heading;
    const title = [o?.reference, o?.child].filter((s): s is string => !!s && !!s.trim()).map((s) => md(oneLine(s.trim()))).join(' · ');
    out.push(`## ${title || code(f.path)}`, '');
    out.push(`File: ${fileLink}${o?.board ? ` · Board: ${md(oneLine(o.board))}` : ''}`);
  }
  if (f.checklist) out.push('', ...checklistTable(f, f.checklist, link));

  const line = (x: Finding) => regionOf(f.lines, x.span).line;
  out.push('');
  if (!f.findings.length) out.push(f.kind === 'case' ? 'No findings.' : '');
  else {
    out.push(`### ${plural(f.findings.length, 'finding')}`, '');
    for (const x of f.findings) {
      const qs = x.questions.length ? ` · QM2 question${x.questions.length > 1 ? 's' : ''} ${x.questions.join(', ')}` : '';
      out.push(`- **${SEVERITY_WORDS[x.severity]}**, [line ${line(x)}](${link(line(x))}): ${md(oneLine(x.message))}`);
      out.push(`  <br>${code(x.rule)}${qs} · [about this check](${ruleDocUrl(x.rule)})`);
    }
  }
  if (f.waived.length) {
    out.push('', `<details><summary>${plural(f.waived.length, 'finding')} waived on purpose</summary>`, '');
    for (const x of f.waived) {
      out.push(`- [Line ${line(x)}](${link(line(x))}), ${code(x.rule)}: ${md(oneLine(x.message))}`);
      out.push(`  <br>Reason given: ${x.waived?.reason ? md(oneLine(x.waived.reason)) : '*none*'}`);
    }
    out.push('', '</details>');
  }
  while (out[out.length - 1] === '') out.pop();
  return out;
}

function checklistTable(f: FileReport, items: ChecklistItem[], link: (line?: number) => string): string[] {
  const { met, applicable } = metCount(items);
  const out = [`**QM2: ${met} of ${plural(applicable, 'question')} met${applicable < items.length ? ` (${items.length - applicable} not applicable)` : ''}.**`, ''];
  out.push('| QM2 question | Status | What holds it back |', '|---|---|---|');
  for (const c of items) {
    const status = `${STATUS_SYMBOL[c.status]} ${capital(STATUS_WORDS[c.status])}`;
    const why: string[] = [];
    if (c.status !== 'met') why.push(md(oneLine(c.summary), true));
    // Beside a question that is met or does not apply, a finding is only noted, and says so.
    const noted = canBeHeldBack(c.status) ? '' : `${findingsHeading(c.status)}: `;
    for (const x of c.findings) {
      const l = regionOf(f.lines, x.span).line;
      why.push(`${noted}[Line ${l}](${link(l)}): ${md(firstSentence(oneLine(x.message)), true)}`);
    }
    for (const x of c.waived) {
      const l = regionOf(f.lines, x.span).line;
      why.push(`${WAIVED_HEADING}: [Line ${l}](${link(l)}): ${md(firstSentence(oneLine(x.message)), true)} ${md(oneLine(waiverInWords(x.waived?.reason)), true)}`);
    }
    out.push(`| ${c.question}. ${md(QUESTIONS[c.question].short, true)} | ${status} | ${why.join('<br>') || '—'} |`);
  }
  return out;
}

/** The first sentence of a message: enough to say what holds a question back. */
function firstSentence(s: string): string {
  const m = /^(.+?[.!?])\s/.exec(s);
  return m ? m[1] : s;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Text as a code span, whatever backticks it holds. */
export function code(s: string): string {
  const text = shownText(oneLine(s));
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Plain text made safe in Markdown: characters that would format, link, make HTML or mention
 * someone are escaped, while `code spans` in a message stay code. In a table cell `|` is escaped.
 * Characters that change the direction text is shown in are written out (shownText).
 * GitHub and GitLab make a link of `#12`, `GH-12` or `!12` (an issue or merge request) even when
 * escaped, and note the report on that issue: an invisible word joiner keeps them plain text, as
 * it keeps `@name` from mentioning anyone.
 */
export function md(text: string, inTable = false): string {
  return shownText(text)
    .split(/(`[^`\n]+`)/)
    .map((part, i) => {
      if (i % 2 === 1) return inTable ? part.replace(/\|/g, '\\|') : part;
      return part
        .replace(/[\\`*_[\]<>#|~&]/g, '\\$&')
        .replace(/@/g, '@\u2060')
        .replace(/([#!$&%~]|\bGH-)(?=\d)/gi, '$1\u2060')
        .replace(/^(\s*)([-+]|\d+[.)])(\s)/, '$1\\$2$3');
    })
    .join('');
}
