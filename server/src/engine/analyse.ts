import { CaseDoc } from './document';
import { computeChecklist } from './checklist';
import { todayDay, type DayNumber } from './dates';
import { statutoryTest, asString, type StatutoryTest } from './model';
import { RULES, RULES_BY_ID, WAIVER_REASON, WAIVER_UNUSED } from './rules/index';
import type { DossierCase, RuleContext } from './rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { isPlaceholder, nearest } from './text';
import { decisionTiming, type DecisionTiming } from './timing';
import { applyWaivers, findWaivers } from './waivers';
import type { ChecklistItem, Finding } from './types';

export interface AnalyseOptions {
  path?: string;
  settings?: Settings;
  /** Today, as a day number: injectable so results are reproducible. */
  today?: DayNumber;
  /** The other case files of the dossier. */
  dossier?: readonly DossierCase[];
  /** Called when a rule throws: the rule's findings are dropped, the others kept. */
  onRuleError?: (rule: string, error: unknown) => void;
  /** This text already parsed, so it is not parsed twice. */
  doc?: CaseDoc;
}

export interface Analysis {
  path: string;
  doc: CaseDoc;
  settings: Settings;
  today: DayNumber;
  timing: DecisionTiming;
  test: StatutoryTest;
  /** Every finding, sorted by position; waived ones carry `waived`. */
  findings: Finding[];
  checklist: ChecklistItem[];
}

/** Analyses one case file's text: every rule, the waivers, and the QM2 checklist. */
export function analyseText(text: string, options: AnalyseOptions = {}): Analysis {
  const doc = options.doc?.text === text ? options.doc : new CaseDoc(text);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const today = options.today ?? todayDay();
  const path = options.path ?? '';
  const timing = decisionTiming(doc, settings, today);
  const test = statutoryTest(doc);
  const findings: Finding[] = [];
  const parsed = doc.value !== undefined && doc.value !== null && typeof doc.value === 'object';

  for (const rule of RULES) {
    const level = settings.rules[rule.id] ?? rule.severity;
    if (level === 'off') continue;
    // Content rules need a mapping to read; the syntax rule reports why there is none.
    if (!parsed && rule.id !== 'yaml-syntax' && rule.id !== 'personal-data') continue;
    const ctx: RuleContext = {
      doc, settings, today, path, dossier: options.dossier ?? [], timing, test,
      report: (r) => findings.push({
        rule: rule.id, severity: level, message: r.message, span: r.span,
        questions: r.questions ?? rule.questions, fixes: r.fixes ?? [], related: r.related ?? [],
        ...(r.subject !== undefined ? { subject: r.subject } : {}),
      }),
    };
    const before = findings.length;
    try {
      rule.check(ctx);
    } catch (e) {
      findings.length = before;
      options.onRuleError?.(rule.id, e);
    }
  }

  // In a file that does not parse, positions past the slip are guesses: report, but offer no edits.
  if (doc.syntax.length) for (const f of findings) if (f.rule !== 'yaml-syntax') f.fixes = [];
  // In a section with a slip, the slip may have swallowed what seems missing or wrong there: only
  // the slip is reported in it (and any personal data, which is there whatever the slip).
  if (doc.broken.length) {
    const inBroken = (f: Finding) => doc.broken.some((b) => f.span.start >= b.start && f.span.start < b.end);
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i];
      if (f.rule !== 'yaml-syntax' && f.rule !== 'personal-data' && inBroken(f)) findings.splice(i, 1);
    }
  }

  // Without its colon, a comment is read as a waiver only when it names a rule: `# scr-waive is how…` is prose.
  const waivers = findWaivers(doc).filter((w) => w.colonMissingAt === undefined || RULES_BY_ID.has(w.rule));
  const { unused, noReason } = applyWaivers(findings, waivers);
  const level = (id: string) => settings.rules[id] ?? RULES_BY_ID.get(id)!.severity;
  if (level(WAIVER_REASON.id) !== 'off') {
    for (const w of noReason) {
      const at = w.colonMissingAt;
      findings.push({
        rule: WAIVER_REASON.id, severity: level(WAIVER_REASON.id) as Finding['severity'], span: w.span, questions: [], related: [],
        message: at === undefined
          ? `This waiver of \`${w.rule || '(no rule named)'}\` gives no reason. Say after the colon why this finding does not apply here, so the exception can be understood and defended later.`
          : `This waiver of \`${w.rule}\` has no colon between the rule and the reason, so its reason is not read. Write it as \`# scr-waive ${w.rule}: your reason\`.`,
        fixes: at === undefined ? [] : [{ title: 'Put the colon after the rule', edits: [{ span: { start: at, end: at }, newText: ':' }], preferred: true }],
      });
    }
  }
  if (level(WAIVER_UNUSED.id) !== 'off') {
    const ids = RULES.map((r) => r.id);
    for (const w of unused) {
      const known = RULES_BY_ID.has(w.rule);
      // A rule turned off finds nothing to waive, but its waiver is not stale: it is kept for when the rule is on.
      if (known && level(w.rule) === 'off') continue;
      const guess = known ? undefined : nearest(w.rule, ids);
      const lineSpan = { start: doc.lines.lineStart(w.line), end: Math.min(doc.text.length, doc.lines.lineStart(w.line + 1)) };
      findings.push({
        rule: WAIVER_UNUSED.id, severity: level(WAIVER_UNUSED.id) as Finding['severity'], span: w.span, questions: [], related: [],
        message: known
          ? `This waiver of \`${w.rule}\` waives nothing: no such finding is on the line below it. Remove it if the problem has been put right, or move it above the line that is reported.`
          : `This waiver names \`${w.rule}\`, which is not a rule${guess ? `. Did you mean \`${guess}\`?` : '.'}`,
        fixes: [
          ...(guess ? [{ title: `Change to \`${guess}\``, edits: [{ span: { start: w.span.start + doc.text.slice(w.span.start, w.span.end).indexOf(w.rule), end: w.span.start + doc.text.slice(w.span.start, w.span.end).indexOf(w.rule) + w.rule.length }, newText: guess }], preferred: true }] : []),
          { title: 'Remove this waiver', edits: [{ span: lineSpan, newText: '' }], preferred: !guess },
        ],
      });
    }
  }

  findings.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  const checklist = computeChecklist({ doc, settings, timing, test, findings });
  return { path, doc, settings, today, timing, test, findings, checklist };
}

/** This file's entry for the dossier index: its case reference and where it stands. */
export function dossierEntry(path: string, doc: CaseDoc): DossierCase | undefined {
  const written = doc.get(['case', 'reference']);
  // A reference still to be completed is no reference: two such files are not the same case.
  const reference = isPlaceholder(written) ? undefined : asString(written)?.trim();
  if (!reference) return undefined;
  return { path, reference, span: doc.spanOf(['case', 'reference']) };
}
