/**
 * The engine's own plain types. Nothing here knows about VS Code or the Language Server
 * Protocol: the glue layers (server/src/lsp, server/src/cli) convert them.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A half-open span of character offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** A 0-based line and character (UTF-16 code units), as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The one obvious fix, offered first and used by "fix all". */
  preferred?: boolean;
  /**
   * Set on a fix that only corrects how something already written is spelt or written, adding
   * nothing and choosing nothing: a misspelt key (`spelling`), value or agency id, or a date
   * written another way that can be read only one way (`date`), a choice written in curly quotes
   * as a word processor makes them (`quotes`), `yes` or `no` written for `true` or `false`
   * (`yes-no`), or ids written with commas where a list belongs, put in square brackets (`list`).
   * "Fix all" makes these first, and they are the only fixes made when the file is saved.
   */
  correction?: 'spelling' | 'date' | 'quotes' | 'yes-no' | 'list';
}

export interface Related {
  /** The file the place is in; absent means the same file. */
  path?: string;
  span: Span;
  message: string;
}

/** QM2 question numbers 1–9. */
export type Question = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  questions: Question[];
  fixes: Fix[];
  related: Related[];
  /**
   * What the finding is about, where one place can hold several findings of one rule (the agency
   * type missing, the criterion with no finding): it tells them apart in fingerprints, so that a
   * baseline accepting one does not hide another.
   */
  subject?: string;
  /** Set when a `# scr-waive` comment suppresses this finding; its reason. */
  waived?: { reason: string; span: Span };
}

export type ChecklistStatus = 'met' | 'partly-met' | 'not-met' | 'not-applicable';

export interface ChecklistItem {
  question: Question;
  status: ChecklistStatus;
  /** One plain sentence saying why the status is what it is. */
  summary: string;
  /** Where the evidence that supports the status stands in the file. */
  evidence: { span: Span; label: string }[];
  /** The findings that hold the question back (not waived ones). */
  findings: Finding[];
  /** The findings on this question that a `# scr-waive` comment accepts, each with its reason. */
  waived: Finding[];
}
