import { outcomeOf, type RunReport } from '../report';

/** The `--format json` shape: a contract for scripts, kept exactly. */
export function formatJson(report: RunReport): string {
  const files = report.files.map((f) => ({
    path: f.path,
    diagnostics: f.findings.map((x) => {
      const r = f.lines.humanRange(x.span);
      return { rule: x.rule, severity: x.severity, message: x.message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, questions: x.questions };
    }),
    checklist: (f.checklist ?? []).map((c) => ({
      question: c.question,
      status: c.status,
      evidence: c.evidence.map((e) => {
        const p = f.lines.positionAt(e.span.start);
        return { line: p.line + 1, column: p.character + 1 };
      }),
      findings: c.findings.map((x) => x.message),
    })),
    // The findings a `# scr-waive` comment accepts, each with its reason (empty when none is
    // given) and where the waiver is: added last, so `diagnostics` still holds only the open ones.
    waived: f.waived.map((x) => {
      const r = f.lines.humanRange(x.span);
      const w = f.lines.positionAt(x.waived?.span.start ?? x.span.start);
      return {
        rule: x.rule, severity: x.severity, message: x.message, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, questions: x.questions,
        reason: x.waived?.reason ?? '', waiver: { line: w.line + 1, column: w.character + 1 },
      };
    }),
  }));
  // Whether the run failed and why (the exit status says the same): added after `files`, so a
  // script that reads `files` finds it unchanged.
  const { failed, reasons } = outcomeOf(report);
  return JSON.stringify({ files, failed, reasons: reasons.map((r) => r.text) }, null, 2) + '\n';
}
