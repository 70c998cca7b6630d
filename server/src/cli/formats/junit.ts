import { checklistSummary, RULES_BY_ID, type Finding } from '../../engine/index';
import { ruleDocUrl } from '../links';
import { regionOf, type FileReport, type RunReport } from '../report';

/**
 * JUnit XML, for CI systems that show test reports (GitLab, Azure DevOps, Jenkins): one test suite
 * per file; each error or warning a failed test case, each note a passed one with its message,
 * each waived finding a skipped one with the reason; and per case file a passed "QM2 checklist"
 * test case carrying its QM2 line.
 */
export function formatJunit(report: RunReport): string {
  const suites = report.files.map(suite);
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const s of suites) {
    tests += s.tests;
    failures += s.failures;
    skipped += s.skipped;
  }
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="scr-check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`];
  for (const s of suites) out.push(...s.lines);
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function suite(f: FileReport): { tests: number; failures: number; skipped: number; lines: string[] } {
  const cases: string[] = [];
  let failures = 0;
  // Names stay the same when lines move, so CI systems that compare runs see the same test; the
  // place is named in words, as the messages name it.
  const used = new Map<string, number>();
  const name = (x: Finding) => {
    const base = `${x.rule}: ${f.places?.get(x) ?? 'the case file'}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n > 1 ? `${base} (${n})` : base;
  };
  const details = (x: Finding) => {
    const r = regionOf(f.lines, x.span);
    const qs = x.questions.length ? `\nQM2 question${x.questions.length > 1 ? 's' : ''}: ${x.questions.join(', ')}` : '';
    return `${f.path}:${r.line}:${r.column}\n${x.message}\nRule: ${x.rule} (${RULES_BY_ID.get(x.rule)?.title ?? x.rule})${qs}\nMore: ${ruleDocUrl(x.rule)}`;
  };
  const all = [...f.findings, ...f.waived].sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  for (const x of all) {
    const open = `    <testcase classname="${attr(f.path)}" name="${attr(name(x))}" file="${attr(f.path)}" line="${regionOf(f.lines, x.span).line}">`;
    if (x.waived) {
      cases.push(open, `      <skipped message="${attr(`Waived: ${x.waived.reason || '(no reason given)'}`)}"/>`, `      <system-out>${text(details(x))}</system-out>`, '    </testcase>');
    } else if (x.severity === 'error' || x.severity === 'warning') {
      failures++;
      cases.push(open, `      <failure message="${attr(x.message)}" type="${x.severity}">${text(details(x))}</failure>`, '    </testcase>');
    } else {
      cases.push(open, `      <system-out>${text(`${x.severity === 'info' ? 'Note' : 'Hint'}: ${details(x)}`)}</system-out>`, '    </testcase>');
    }
  }
  if (f.checklist) {
    cases.push(`    <testcase classname="${attr(f.path)}" name="QM2 checklist" file="${attr(f.path)}">`, `      <system-out>${text(checklistSummary(f.checklist))}</system-out>`, '    </testcase>');
  }
  const tests = all.length + (f.checklist ? 1 : 0);
  const skipped = f.waived.length;
  const lines = [`  <testsuite name="${attr(f.path)}" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`, ...cases, '  </testsuite>'];
  return { tests, failures, skipped, lines };
}

/** Characters XML 1.0 cannot hold at all (most control characters, lone surrogates) are dropped. */
function clean(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
