import { CaseDoc } from './document';
import { computeChecklist } from './checklist';
import type { ChecklistInput } from './checklist/context';
import { todayDay, type DayNumber } from './dates';
import { statutoryTest, type StatutoryTest } from './criteria';
import { asString } from './values';
import { RULES, RULES_BY_ID, WAIVER_REASON, WAIVER_UNUSED } from './rules/index';
import type { DossierCase, RuleContext } from './rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { applyEdits } from './fixes';
import { isPlaceholder, listWords, nearest, shownText } from './text';
import { decisionTiming, type DecisionTiming } from './timing';
import { applyWaivers, findWaivers } from './waivers';
import type { ChecklistItem, Finding, Fix, TextEdit } from './types';

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2, hint: 3 };

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
  /** Worked out the first time it is read (the findings do not wait for it), then kept. */
  readonly checklist: ChecklistItem[];
}

/** Analyses one case file's text: every rule, the waivers, and the QM2 checklist. */
export function analyseText(text: string, options: AnalyseOptions = {}): Analysis {
  return analyse(text, options, true);
}

function analyse(text: string, options: AnalyseOptions, explainSlips: boolean): Analysis {
  const doc = options.doc?.text === text ? options.doc : new CaseDoc(text);
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const today = options.today ?? todayDay();
  const path = options.path ?? '';
  const timing = decisionTiming(doc, settings, today);
  const test = statutoryTest(doc);
  const findings: Finding[] = [];
  const parsed = doc.value !== undefined && doc.value !== null && typeof doc.value === 'object';

  const syntaxOff = settings.rules['yaml-syntax'] === 'off';
  for (const rule of RULES) {
    const level = settings.rules[rule.id] ?? rule.severity;
    if (level === 'off') continue;
    // Content rules need a mapping to read; the syntax rule reports why there is none. With it
    // turned off, the format's rule says what is missing instead, so that an empty file (or one
    // holding only a note) does not pass.
    if (!parsed && rule.id !== 'yaml-syntax' && !rule.readsText && !(rule.id === 'schema' && syntaxOff)) continue;
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
  // the slip is reported in it (and what the text holds whatever the slip: personal data, a hidden
  // change of direction).
  if (doc.broken.length) {
    const inBroken = (f: Finding) => doc.broken.some((b) => f.span.start >= b.start && f.span.start < b.end);
    for (let i = findings.length - 1; i >= 0; i--) {
      const f = findings[i];
      if (f.rule !== 'yaml-syntax' && !RULES_BY_ID.get(f.rule)?.readsText && inBroken(f)) findings.splice(i, 1);
    }
  }

  if (explainSlips) slipsExplained(doc, findings, options);

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
          ...(guess ? [{ title: `Change to \`${guess}\``, edits: [{ span: { start: w.span.start + doc.text.slice(w.span.start, w.span.end).indexOf(w.rule), end: w.span.start + doc.text.slice(w.span.start, w.span.end).indexOf(w.rule) + w.rule.length }, newText: guess }], preferred: true, correction: 'spelling' as const }] : []),
          { title: 'Remove this waiver', edits: [{ span: lineSpan, newText: '' }], preferred: !guess },
        ],
      });
    }
  }

  // In the order of the file; where several stand at one place (a file missing whole sections has
  // them all on its first line), the most serious first.
  findings.sort((a, b) => a.span.start - b.span.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.span.end - b.span.end || a.rule.localeCompare(b.rule));
  // The user's text quoted in what is shown (a message, a fix's title, the checklist) is shown so
  // that no character in it can reorder what is around it.
  for (const f of findings) showFinding(f);
  return new CaseAnalysis(path, doc, settings, today, timing, test, findings);
}

/**
 * An analysis whose checklist is worked out the first time it is read, not with the findings: the
 * diagnostics sent after a keystroke need the findings only, and in a long file the checklist
 * costs as much again as the rules (the preview, the hover, the code lens and the command line read
 * it). A class, not an object with a getter of its own: that getter's closure made every analysis
 * hold on to the whole of `analyse`'s scope, which cost the command line a fifth more memory and
 * time over a thousand files. Being on the prototype, `checklist` is not copied by `{ ...a }`.
 * Read after the next version of the file was read from this one (see CaseDoc's `previous`), its
 * places are those of the newer text, as any other look-up in this reading then is.
 */
class CaseAnalysis implements Analysis {
  #checklist: ChecklistItem[] | undefined;
  constructor(
    readonly path: string,
    readonly doc: CaseDoc,
    readonly settings: Settings,
    readonly today: DayNumber,
    readonly timing: DecisionTiming,
    readonly test: StatutoryTest,
    readonly findings: Finding[],
  ) {}

  get checklist(): ChecklistItem[] {
    return (this.#checklist ??= shownChecklist(this));
  }
}

/** The QM2 checklist of an analysis, with the user's text in it shown as shownText shows it. */
function shownChecklist(input: ChecklistInput): ChecklistItem[] {
  const checklist = computeChecklist(input);
  for (const item of checklist) {
    item.summary = shownText(item.summary);
    for (const e of item.evidence) e.label = shownText(e.label);
  }
  return checklist;
}

/** A finding's words as they are shown (see shownText): its message, its places', its fixes' titles and its waiver's reason. */
function showFinding(f: Finding): void {
  f.message = shownText(f.message);
  for (const r of f.related) r.message = shownText(r.message);
  for (const x of f.fixes) x.title = shownText(x.title);
  if (f.waived) f.waived = { ...f.waived, reason: shownText(f.waived.reason) };
}

/**
 * A section written under a misspelt key is not read, so the rules that look for it report it
 * missing and offer to add it ("Add a check with Westshire LSCB", with today's date), while the
 * reviewer's own record sits under `neighboringBoards`. Every finding that goes once the file's
 * misspellings are corrected (a key, a value from the format's list, an agency id) is said to come
 * from them, and offers their correction in place of its own fixes: the light bulb, and so
 * "Fix all", never adds a record beside the one already written. Found by reading the corrected
 * text: whatever the key or the rule, and wherever the two stand in the file.
 */
function slipsExplained(doc: CaseDoc, findings: Finding[], options: AnalyseOptions): void {
  const slips: { fix: Fix; edit: TextEdit }[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.preferred && (x.correction === 'spelling' || x.correction === 'quotes') && x.edits.length === 1);
    if (!fix) continue;
    const edit = fix.edits[0];
    if (slips.some((s) => s.edit.span.start < edit.span.end && edit.span.start < s.edit.span.end)) continue;
    slips.push({ fix, edit });
  }
  if (!slips.length) return;
  slips.sort((a, b) => a.edit.span.start - b.edit.span.start);
  const corrected = analyse(applyEdits(doc.text, slips.map((s) => s.edit)), { ...options, doc: undefined }, false);
  if (corrected.doc.syntax.length > doc.syntax.length) return;
  // Where a place in this text stands in the corrected one.
  const moved = (at: number) => {
    let shift = 0;
    for (const { edit } of slips) {
      if (edit.span.end <= at) shift += edit.newText.length - (edit.span.end - edit.span.start);
      else if (edit.span.start <= at) return edit.span.start + shift;
    }
    return at + shift;
  };
  const dropped = new Set<Finding>();
  for (const f of findings) {
    if (f.fixes.some((x) => x.correction)) continue;
    const stays = corrected.findings.some((g) => g.rule === f.rule && g.subject === f.subject && (g.message === shownText(f.message) || g.span.start === moved(f.span.start)));
    if (stays) continue;
    // One problem, one finding: that the format lacks what the misspelt key holds (`referral` is
    // missing) is the misspelt key's own finding told again, elsewhere.
    if (f.rule === 'schema') {
      dropped.add(f);
      continue;
    }
    // The misspellings it names, else all of them.
    const named = slips.filter((s) => f.message.includes(`\`${s.edit.newText}\``));
    const causes = named.length ? named : slips;
    // A choice in curly quotes is not misspelt: it says what is wrong with it.
    const words = causes.map((s, i) => `\`${doc.text.slice(s.edit.span.start, s.edit.span.end)}\` ${s.fix.correction === 'quotes' ? 'is written in curly quotes for' : i === 0 ? 'looks like a misspelling of' : 'of'} \`${s.edit.newText}\``);
    const rule = RULES_BY_ID.get(f.rule)?.title;
    f.message = `${listWords(words, 'and')}, so what is written there is not read${rule ? `, and “${rule}” cannot be shown` : ''}. Correct ${causes.length === 1 ? 'it' : 'them'} (the quick fix does).`;
    f.fixes = causes.map((s) => s.fix);
    // A finding on a section not written at all stands at the top of the file; its cause is the
    // misspelt key, so it stands there (and a waiver for it goes above that key).
    const top = doc.topSpan();
    if (f.span.start === top.start && f.span.end === top.end) f.span = causes[0].edit.span;
    // Each misspelling is shown where it stands, unless the finding itself stands there.
    const elsewhere = causes.filter((s) => s.edit.span.start !== f.span.start || s.edit.span.end !== f.span.end);
    f.related = [...elsewhere.map((s) => ({ span: s.edit.span, message: `Written \`${doc.text.slice(s.edit.span.start, s.edit.span.end)}\`: read as \`${s.edit.newText}\` once corrected.` })), ...f.related];
  }
  if (dropped.size) findings.splice(0, findings.length, ...findings.filter((f) => !dropped.has(f)));
}

/**
 * This file's entry for the dossier index: its case reference and where it stands. `name`: how
 * messages name the file to people (see DossierCase.name).
 */
export function dossierEntry(path: string, doc: CaseDoc, name?: string): DossierCase | undefined {
  const written = doc.get(['case', 'reference']);
  // A reference still to be completed is no reference: two such files are not the same case.
  const reference = isPlaceholder(written) ? undefined : asString(written)?.trim();
  if (!reference) return undefined;
  return { path, ...(name !== undefined ? { name } : {}), reference, span: doc.spanOf(['case', 'reference']) };
}
