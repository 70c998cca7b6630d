import { overview, QUESTIONS, STATUS_WORDS, type Finding, type LineIndex, type Span } from '../engine/index';
import { CHECKLIST_REQUEST, type ChecklistParams, type ChecklistResult, type FindingDto } from '../protocol';
import { isCaseUri, type Checked } from './analyses';
import { guard, type Context } from './context';
import { toRange } from './convert';

/** `scr/checklist`: the QM2 checklist and everything the preview shows, from the engine's overview. */
export function registerChecklist(ctx: Context): void {
  ctx.connection.onRequest(CHECKLIST_REQUEST, guard(ctx, 'The checklist', null as ChecklistResult | null, async (p: ChecklistParams) => {
    const uri = p?.uri;
    if (typeof uri !== 'string') return null;
    // A case file not open (a preview restored after the window reloaded, its file's tab in the
    // background) is answered from the saved file; it follows the text once it is opened.
    const c = isCaseUri(uri) ? await ctx.analyses.file(uri, () => ctx.host.readFile(uri)) : await ctx.analyses.current(uri);
    return c?.analysis ? checklistResult(c) : null;
  }));
}

export function checklistResult(c: Checked): ChecklistResult {
  const o = overview(c.analysis!);
  const range = (s: Span) => toRange(c.lines, s);
  const opt = (s: Span | undefined) => (s ? range(s) : undefined);
  return {
    uri: c.uri,
    version: c.version ?? undefined,
    reference: o.reference,
    child: o.child,
    board: o.board,
    summary: o.summary,
    met: o.met,
    applicable: o.applicable,
    counts: o.counts,
    items: o.checklist.map((i) => ({
      question: i.question,
      title: QUESTIONS[i.question].short,
      asks: QUESTIONS[i.question].asks,
      status: i.status,
      statusWords: STATUS_WORDS[i.status],
      summary: i.summary,
      evidence: i.evidence.map((e) => ({ label: e.label, range: range(e.span) })),
      findings: i.findings.map((f) => findingDto(f, c.lines)),
      waived: i.waived.map((f) => findingDto(f, c.lines)),
    })),
    test: { ...o.test, criteria: o.test.criteria.map(({ span, ...rest }) => ({ ...rest, range: opt(span) })) },
    timing: o.timing,
    timeline: o.timeline.map(({ span, ...rest }) => ({ ...rest, range: opt(span) })),
    considerations: o.considerations.map(({ span, ...rest }) => ({ ...rest, range: opt(span) })),
  };
}

function findingDto(f: Finding, lines: LineIndex): FindingDto {
  return { rule: f.rule, severity: f.severity, message: f.message, range: toRange(lines, f.span), questions: f.questions, ...(f.waived ? { waiver: f.waived.reason } : {}) };
}
