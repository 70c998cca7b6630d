import type { Overview } from './engine/overview';

/**
 * The custom requests between the language server and its clients, and the messages between the
 * extension and its preview. Both sides import this one file.
 */

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

/** `scr/checklist`: a case file's QM2 checklist and everything the preview shows. */
export const CHECKLIST_REQUEST = 'scr/checklist';
export interface ChecklistParams {
  uri: string;
}

export type Status = 'met' | 'partly-met' | 'not-met' | 'not-applicable';

export interface FindingDto {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  range: Rng;
  questions: number[];
  /** The reason given in the `# scr-waive` comment, for a finding it accepts. */
  waiver?: string;
}

export interface ChecklistResult {
  uri: string;
  version?: number;
  reference?: Overview['reference'];
  child?: Overview['child'];
  board?: Overview['board'];
  /** "QM2 7/9 met (Q5 not met, Q6 partly met)". */
  summary: Overview['summary'];
  met: Overview['met'];
  applicable: Overview['applicable'];
  counts: Overview['counts'];
  items: {
    question: number;
    title: string;
    asks: string;
    status: Status;
    statusWords: string;
    summary: string;
    evidence: { label: string; range: Rng }[];
    findings: FindingDto[];
    /** Findings on the question that the file waives, each with its reason. */
    waived: FindingDto[];
  }[];
  /** The statutory test, each criterion with its place in the file. */
  test: Omit<Overview['test'], 'criteria'> & { criteria: WithRange<Overview['test']['criteria'][number]>[] };
  /** How the decision stands against its time limit, as the engine works it out. */
  timing: Overview['timing'];
  /** `kind` stays a plain string on the wire: the page must cope with any value. */
  timeline: (Omit<WithRange<Overview['timeline'][number]>, 'kind'> & { kind: string })[];
  considerations: WithRange<Overview['considerations'][number]>[];
}

/** An engine record with its character span turned into an editor range. */
export type WithRange<T> = Omit<T, 'span'> & { range?: Rng };

/** The command a code lens runs to open the preview; the client registers it. */
export const OPEN_CHECKLIST_COMMAND = 'scr.openChecklist';

/** The `source` of every diagnostic the server publishes (the client tells them from other extensions' by it). */
export const DIAGNOSTIC_SOURCE = 'scr';

/** Messages from the extension to the preview. */
export type ToPreview =
  | { type: 'update'; data: ChecklistResult; locked: boolean }
  | { type: 'empty'; reason: string; locked: boolean };

/**
 * What the preview drew, reported back after each update and each message page (the extension's
 * tests read it).
 */
export interface RenderedState {
  /** The case file drawn; '' when the page shows a message instead of a checklist. */
  uri: string;
  version?: number;
  /** The headline as the preview shows it, read back from the page. */
  summary: string;
  /** Each question's status as the preview shows it, in words. */
  statuses: string[];
  locked: boolean;
  /** The message the page shows instead of a checklist (no case file yet, checking, the file gone). */
  message?: string;
}

/** Messages from the preview to the extension. */
export type FromPreview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; range: Rng }
  | { type: 'toggleLock' }
  | { type: 'rendered'; state: RenderedState };

/**
 * Checks a message from the preview before the extension acts on it. `shown`: the case file the
 * preview shows; the page may ask to reveal a place in that file only.
 */
export function isFromPreview(m: unknown, shown: string | undefined): m is FromPreview {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'toggleLock') return true;
  if (t === 'rendered') {
    const st = (m as { state?: Partial<RenderedState> }).state;
    return !!st && typeof st.uri === 'string' && typeof st.summary === 'string' && Array.isArray(st.statuses) && typeof st.locked === 'boolean' && (st.message === undefined || typeof st.message === 'string');
  }
  if (t !== 'reveal') return false;
  const r = (m as { range?: Rng; uri?: unknown }).range;
  const place = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  const ok = (p: unknown) => !!p && place((p as Pos).line) && place((p as Pos).character);
  return typeof (m as { uri?: unknown }).uri === 'string' && (m as { uri: string }).uri === shown && !!r && ok(r.start) && ok(r.end);
}

/**
 * `scr/checkDossier` (client to server): every case file of the workspace checked, for the
 * command "SCR: Check Whole Dossier". The client shows the result in the Problems panel for the
 * files that are not open (the open ones already have their diagnostics). Each diagnostic is the
 * same LSP `Diagnostic` the server publishes for an open file (code, link, data for fixes).
 */
export const CHECK_DOSSIER_REQUEST = 'scr/checkDossier';
export interface CheckDossierParams {
  /** Leave out these files (open in the editor): their diagnostics are already shown. */
  exclude?: string[];
}
export interface CheckDossierResult {
  files: { uri: string; diagnostics: import('vscode-languageserver-types').Diagnostic[] }[];
}

/**
 * `scr/readFile` (server to client): a file's saved text, for a server that cannot read files
 * itself (in a browser worker, or in a virtual workspace). `null` when there is no such file or it
 * cannot be read. Settings files (scr.config.yaml) and other case files of the dossier are read so.
 */
export const READ_FILE_REQUEST = 'scr/readFile';
export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = string | null;

/** `scr/listCaseFiles` (server to client): the URIs of every case file in the workspace (or under these folders). */
export const LIST_CASE_FILES_REQUEST = 'scr/listCaseFiles';
export interface ListCaseFilesParams {
  /** Folder URIs; when given, only the case files under them. */
  folders?: string[];
}
export type ListCaseFilesResult = string[];
