import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node, Pair } from 'yaml';
import type { CaseDoc } from './document';
import { extents } from './locate';
import { once } from './once';
import type { Finding, Span } from './types';

/** `# scr-waive <rule-id>: <reason>`, alone on its line (the colon forgotten is read too, and reported). */
const WAIVER = /^(\s*)#\s*scr-waive\s+([A-Za-z0-9_-]*)(?:\s*:\s*(.*?)|\s+(.*?))?\s*$/;

export interface Waiver {
  rule: string;
  reason: string;
  /** The comment itself. */
  span: Span;
  /** The line after the comment, and the whole key or list item that starts on it. */
  covers: Span;
  /** 0-based line of the comment. */
  line: number;
  /** Where the colon belongs, when the reason was written without one: the waiver then has no reason. */
  colonMissingAt?: number;
}

/** Finds the waiver comments of a file and what each one covers. */
export function findWaivers(doc: CaseDoc): Waiver[] {
  const out: Waiver[] = [];
  const { lines } = doc;
  // Only the lines that name a waiver are looked at: the text is searched, not cut into its lines
  // (a long file has tens of thousands, and most files no waiver at all).
  for (let found = doc.text.indexOf('scr-waive'); found >= 0; ) {
    const line = lines.lineOf(found);
    found = line + 1 < lines.lineCount ? doc.text.indexOf('scr-waive', lines.lineStart(line + 1)) : -1;
    const text = lines.lineText(line);
    const m = WAIVER.exec(text);
    if (!m) continue;
    // A line of a text block (`|`, `>`, or quotes over several lines) is what the user wrote, not a comment.
    const at = lines.lineStart(line);
    if (multiLineTexts(doc).some((t) => at > t.start && at < t.end)) continue;
    // The next line that holds something other than a comment or blank.
    let target = line + 1;
    while (target < lines.lineCount && /^\s*(#.*)?$/.test(lines.lineText(target))) target++;
    const start = lines.lineStart(line) + m[1].length;
    out.push({
      rule: m[2],
      reason: (m[3] ?? '').trim(),
      span: { start, end: lines.lineEnd(line) },
      covers: coveredFrom(doc, target),
      line,
      ...(m[4] ? { colonMissingAt: lines.lineStart(line) + text.indexOf(m[2], text.indexOf('scr-waive') + 'scr-waive'.length) + m[2].length } : {}),
    });
  }
  return out;
}

/** What a waiver on the line above `line` covers: that line, and the whole key or list item that starts on it. */
export function coveredFrom(doc: CaseDoc, line: number): Span {
  return { start: doc.lines.lineStart(line), end: Math.max(doc.lines.lineEnd(line), extentsByStartLine(doc).get(line) ?? 0) };
}

/** Whether a finding falls in what a waiver covers. */
export function isCovered(covers: Span, finding: Finding): boolean {
  return finding.span.start >= covers.start && finding.span.start <= covers.end;
}

/** Where each text value that runs over several lines stands. */
function multiLineTexts(doc: CaseDoc): readonly Span[] {
  return once(doc, 'multiLineTexts', () => {
    const out: Span[] = [];
    const stack: (Node | null | undefined)[] = [doc.root];
    while (stack.length) {
      const n = stack.pop();
      if (!n) continue;
      if (isScalar(n)) {
        const r = n.range;
        if (r && doc.text.slice(r[0], r[1]).includes('\n')) out.push({ start: r[0], end: r[1] });
      } else if (isMap(n)) {
        for (const p of n.items as Pair[]) if (isPair(p)) stack.push(p.key as Node | null, p.value as Node | null);
      } else if (isSeq(n)) stack.push(...(n.items as (Node | null)[]));
    }
    return out;
  });
}

/** For each line, the end of the longest key or list item that starts on it. */
function extentsByStartLine(doc: CaseDoc): ReadonlyMap<number, number> {
  return once(doc, 'extentsByStartLine', () => {
    const ends = new Map<number, number>();
    for (const { span } of extents(doc)) {
      const line = doc.lines.lineOf(span.start);
      if ((ends.get(line) ?? -1) < span.end) ends.set(line, span.end);
    }
    return ends;
  });
}

/**
 * Marks the findings that a waiver covers and returns the waivers' own findings' raw material:
 * which waivers lack a reason and which suppressed nothing.
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[]): { unused: Waiver[]; noReason: Waiver[] } {
  const used = new Set<Waiver>();
  for (const f of findings) {
    const w = waivers.find((w) => w.rule === f.rule && isCovered(w.covers, f));
    if (!w) continue;
    f.waived = { reason: w.reason, span: w.span };
    used.add(w);
  }
  return { unused: waivers.filter((w) => !used.has(w)), noReason: waivers.filter((w) => !w.reason) };
}
