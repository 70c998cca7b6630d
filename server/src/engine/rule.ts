import type { CaseDoc, Path } from './document';
import type { DayNumber } from './dates';
import type { StatutoryTest } from './criteria';
import type { Settings } from './settings';
import type { DecisionTiming } from './timing';
import type { Fix, Question, Related, Severity, Span } from './types';

/** What a rule says about itself: the one place its id, severity and questions are written. */
export interface RuleMeta {
  id: string;
  /** A short title for indexes and SARIF ("Minimum data requested from every agency"). */
  title: string;
  /** One plain sentence: what the rule looks for. */
  description: string;
  severity: Severity;
  questions: Question[];
  /** Whether the rule offers quick fixes. */
  fixable: boolean;
  /** `format`, `qm2`, `privacy` or `waivers`: how the documentation groups the rules. */
  group: 'format' | 'qm2' | 'privacy' | 'waivers';
  /**
   * Whether the rule reads the text as written, not what YAML makes of it: it runs on a file that
   * cannot be read, and in a section with a slip (where other rules keep quiet).
   */
  readsText?: boolean;
}

/** Another case file of the dossier, as far as rules about the dossier need it. */
export interface DossierCase {
  path: string;
  /**
   * How messages name the file to people: on the command line, its path from the top of the git
   * repository, or else from just above the folder holding every file checked (the same from
   * wherever the command runs); in the editor, its path within the workspace folder. Without it,
   * its base name (ambiguous when each case has a folder).
   */
  name?: string;
  reference: string;
  /** Where `case.reference` stands in that file. */
  span: Span;
}

export interface RuleContext {
  doc: CaseDoc;
  settings: Settings;
  today: DayNumber;
  /** This file's path (or URI), as the host names it. */
  path: string;
  /** The other case files of the dossier (empty when checking one file alone). */
  dossier: readonly DossierCase[];
  /** Facts worked out once per analysis and shared by the rules, checklist and views. */
  timing: DecisionTiming;
  test: StatutoryTest;
  report(finding: Report): void;
}

export interface Report {
  span: Span;
  message: string;
  fixes?: Fix[];
  related?: Related[];
  /** When a finding speaks to other questions than the rule's list (fewer; or, for `schema`, which has none, those of the key it is on). */
  questions?: Question[];
  /** See Finding.subject: set where one place can hold several findings of the rule. */
  subject?: string;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

/** A fix from one edit, skipped when no safe edit could be made. */
export function fix(title: string, edit: Fix['edits'][number] | undefined, preferred = true): Fix[] {
  return edit ? [{ title, edits: [edit], preferred }] : [];
}

/** The fix that corrects a misspelt key, value or id to `to` (see Fix.correction), skipped when no safe edit could be made. */
export function spellingFix(to: string, edit: Fix['edits'][number] | undefined, preferred = true): Fix[] {
  return edit ? [{ title: `Change to \`${to}\``, edits: [edit], preferred, ...(preferred ? { correction: 'spelling' as const } : {}) }] : [];
}

export type { Path };
