import { checklistSummary, RULES_BY_ID, type Severity } from '../../engine/index';
import { ruleDocUrl } from '../links';
import { failureLine, outcomeMark, plural, regionOf, repoPathOf, summaryLine, visible, type RenderContext, type RunReport } from '../report';

/** How many annotations of each kind GitHub shows for one step. */
const GITHUB_SHOWN = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** GitHub's escaping of a workflow command's message: `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property value: as data, and also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands: each finding an annotation on its line of the pull request
 * (`::warning file=…,line=…::message`), then each case file's QM2 line as plain log text.
 * Waived findings are not annotated.
 */
export function formatGithub(report: RunReport, ctx: Pick<RenderContext, 'repoRoot'> = {}): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const x of f.findings) {
      const r = regionOf(f.lines, x.span);
      const meta = RULES_BY_ID.get(x.rule);
      // GitHub places an annotation by the file's path from the top of the repository.
      const props: [string, string | number][] = [['file', repoPathOf(f.absolutePath, ctx) ?? f.path], ['line', r.line], ['endLine', r.endLine]];
      if (r.endLine === r.line) props.push(['col', r.column], ['endColumn', Math.max(r.column, r.endColumn - 1)]);
      props.push(['title', `${meta?.title ?? x.rule} (${x.rule})`]);
      const about = [
        ...(x.questions.length ? [`QM2 question${x.questions.length > 1 ? 's' : ''} ${x.questions.join(', ')}.`] : []),
        `More: ${ruleDocUrl(x.rule)}`,
      ].join(' ');
      out.push(`::${COMMAND[x.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(visible(`${x.message}\n${about}`))}`);
    }
  }
  // Plain log lines never start with "::", so a path cannot be taken for a command.
  for (const f of report.files) {
    if (!f.checklist) continue;
    // Named as its annotations name it.
    out.push(`QM2 checklist for ${oneLineText(repoPathOf(f.absolutePath, ctx) ?? f.path)}: ${checklistSummary(f.checklist).replace(/^QM2 /, '')}${f.waived.length ? ` (${plural(f.waived.length, 'finding')} waived)` : ''}`);
  }
  const perKind = new Map<string, number>();
  for (const f of report.files) for (const x of f.findings) perKind.set(COMMAND[x.severity], (perKind.get(COMMAND[x.severity]) ?? 0) + 1);
  if ([...perKind.values()].some((n) => n > GITHUB_SHOWN)) {
    out.push(`GitHub shows only the first ${GITHUB_SHOWN} errors, ${GITHUB_SHOWN} warnings and ${GITHUB_SHOWN} notices of a step beside the changed lines. Every finding is listed above, in this log.`);
  }
  const base = `${outcomeMark(report)} ${summaryLine(report)}`;
  out.push(`SCR check: ${base}${report.baselined ? ` ${plural(report.baselined, 'finding')} already in the baseline not shown.` : ''}`);
  const failure = failureLine(report);
  if (failure) out.push(`SCR check ${visible(oneLineText(failure)).replace(/^Failed/, 'failed')}`);
  // A reason with no annotation of its own (too many warnings, a path that could not be checked)
  // gets one, so that the run's page says why the step failed.
  const unseen = failureLine(report, ['warnings', 'path']);
  if (unseen) out.push(`::error title=SCR check failed::${escapeData(visible(unseen.replace(/^Failed: /, '')))}`);
  return out.join('\n') + '\n';
}

function oneLineText(s: string): string {
  return visible(s.replace(/[\r\n]+/g, ' '));
}
