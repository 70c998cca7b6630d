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
}

export interface ChecklistResult {
  uri: string;
  version?: number;
  reference?: string;
  child?: string;
  board?: string;
  /** "QM2 7/9 met (Q5 not met, Q6 partly met)". */
  summary: string;
  met: number;
  applicable: number;
  counts: { error: number; warning: number; info: number; hint: number };
  items: {
    question: number;
    title: string;
    asks: string;
    status: Status;
    statusWords: string;
    summary: string;
    evidence: { label: string; range: Rng }[];
    findings: FindingDto[];
  }[];
  test: {
    criteria: { key: string; label: string; finding?: string; evidence?: string; needed: boolean; range?: Rng }[];
    met?: boolean;
    mandatorySetting: boolean;
    requiresScr?: boolean;
    decision?: string;
    criteriaMet?: boolean;
    agrees?: boolean;
  };
  timing: {
    limit: string;
    referral?: string;
    deadline?: string;
    decision?: string;
    calendarDays?: number;
    workingDays?: number;
    late: boolean;
    daysOver: number;
    decided: boolean;
  };
  timeline: { kind: string; label: string; date: string; range?: Rng }[];
  considerations: { key: string; label: string; weighed: boolean; range?: Rng }[];
}

/** The command a code lens runs to open the preview; the client registers it. */
export const OPEN_CHECKLIST_COMMAND = 'scr.openChecklist';

/** Messages from the extension to the preview. */
export type ToPreview =
  | { type: 'update'; data: ChecklistResult; locked: boolean }
  | { type: 'empty'; reason: string };

/** Messages from the preview to the extension. */
export type FromPreview =
  | { type: 'ready' }
  | { type: 'reveal'; uri: string; range: Rng }
  | { type: 'toggleLock' };

/** Checks a message from the preview before the extension acts on it. */
export function isFromPreview(m: unknown): m is FromPreview {
  if (!m || typeof m !== 'object') return false;
  const t = (m as { type?: unknown }).type;
  if (t === 'ready' || t === 'toggleLock') return true;
  if (t !== 'reveal') return false;
  const r = (m as { range?: Rng; uri?: unknown }).range;
  const ok = (p: unknown) => !!p && typeof (p as Pos).line === 'number' && typeof (p as Pos).character === 'number';
  return typeof (m as { uri?: unknown }).uri === 'string' && !!r && ok(r.start) && ok(r.end);
}
