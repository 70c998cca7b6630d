import { checklistSummary, SEVERITY_WORDS } from '../../engine/index';
import { failureLine, oneLine, outcomeMark, plural, summaryLine, visible, type RunReport } from '../report';

export interface Style {
  color: boolean;
}

const SGR = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', underline: '\x1b[4m' };

/** Grouped by file: `line:col  severity  message  rule-id`, then the file's QM2 line; totals last. */
export function formatStylish(report: RunReport, style: Style): string {
  const c = (code: keyof typeof SGR, s: string) => (style.color ? SGR[code] + s + SGR.reset : s);
  const out: string[] = [];
  for (const f of report.files) {
    if (!f.findings.length && !f.checklist) continue;
    out.push(c('underline', visible(oneLine(f.path))));
    const rows = f.findings.map((x) => {
      const p = f.lines.positionAt(x.span.start);
      // Severities as the summary counts them: an information finding is a note.
      return [`${p.line + 1}:${p.character + 1}`, SEVERITY_WORDS[x.severity].toLowerCase(), visible(oneLine(x.message)), x.rule];
    });
    const w0 = Math.max(0, ...rows.map((r) => r[0].length));
    const w1 = Math.max(0, ...rows.map((r) => r[1].length));
    for (const [pos, sev, msg, rule] of rows) {
      const colour = sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'blue';
      out.push(`  ${c('dim', pos.padEnd(w0))}  ${c(colour, sev.padEnd(w1))}  ${msg}  ${c('dim', rule)}`);
    }
    if (f.checklist) out.push(`  ${c('bold', checklistSummary(f.checklist))}${f.waived.length ? c('dim', `  (${plural(f.waived.length, 'finding')} waived)`) : ''}`);
    out.push('');
  }
  // The mark and the words follow the run's outcome, which the exit status follows too.
  const mark = outcomeMark(report);
  const summary = `${mark} ${summaryLine(report)}`;
  out.push(c('bold', mark === '✗' ? c('red', summary) : summary));
  const failure = failureLine(report);
  if (failure) out.push(c('bold', c('red', failure)));
  if (report.changedSince && report.files.length) out.push(c('dim', `Only case files changed since ${visible(oneLine(report.changedSince.ref))} (and those their checks involve) were reported.`));
  if (report.baselined) out.push(c('dim', `${plural(report.baselined, 'finding')} already in the baseline not shown.`));
  return out.join('\n') + '\n';
}
