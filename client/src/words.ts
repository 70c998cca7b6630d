/**
 * The checklist's facts in plain words, shared by the preview, the status bar and the exports so
 * they all say the same thing. Pure: no `vscode`, no DOM.
 */
import type { ChecklistResult } from '../../server/src/protocol';
import { listWords, plural } from '../../server/src/engine/text';

/** How each severity is named before a finding's message. */
export { SEVERITY_WORDS } from '../../server/src/engine/qm2';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "2016-06-13" → "13 June 2016"; anything else unchanged. The engine's formatLong says the same,
 * but this runs in the preview's page too, which should not carry the engine's calendar (its bank
 * holidays) for the sake of a date's words.
 */
export function longDate(iso: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return iso ?? '';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Today's date where the user is (not in UTC, which is yesterday's between midnight and 1 am in summer), as YYYY-MM-DD. */
export function localIsoDate(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** "2 errors, 5 warnings and 3 notes." */
export function problemsInWords(c: ChecklistResult['counts']): string {
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.info) parts.push(plural(c.info, 'note'));
  if (c.hint) parts.push(plural(c.hint, 'hint'));
  return parts.length ? `${listWords(parts, 'and')}.` : 'No problems found.';
}

/** One line of the statutory test's verdict: a plain yes or no, a problem, or still open. */
export interface Verdict {
  text: string;
  tone: 'yes' | 'no' | 'bad' | 'open';
}

/** The verdict of the statutory test, in words. */
export function testInWords(t: ChecklistResult['test']): Verdict[] {
  const lines: Verdict[] = [];
  if (t.met === undefined) lines.push({ text: 'The statutory test cannot be worked out yet: a finding it needs is missing.', tone: 'open' });
  else lines.push(t.met ? { text: 'The statutory test is met.', tone: 'yes' } : { text: 'The statutory test is not met.', tone: 'no' });
  if (t.mandatorySetting) lines.push({ text: 'The child died in custody, in a secure setting, while detained under mental health law or, aged 16–17, while deprived of liberty under the Mental Capacity Act 2005: an SCR should be held whatever the other findings.', tone: 'open' });
  if (!t.decision) lines.push({ text: 'No decision is recorded yet.', tone: 'open' });
  else {
    const what = t.decision === 'scr' ? 'to hold an SCR' : t.decision === 'no-scr' ? 'not to hold an SCR' : t.decision;
    const chair = t.criteriaMet === undefined ? '' : t.criteriaMet ? ' The chair recorded that the criteria are met.' : ' The chair recorded that the criteria are not met.';
    lines.push({ text: `The decision is ${what}.${chair}`, tone: 'open' });
    if (t.agrees !== undefined) lines.push(t.agrees ? { text: 'The decision agrees with the statutory test.', tone: 'yes' } : { text: 'The decision does not agree with the statutory test.', tone: 'bad' });
    // `criteriaMet: yes`, or still to be completed: the chair's answer cannot be compared with the test.
    else if (t.met !== undefined && t.criteriaMet === undefined) lines.push({ text: 'Whether the decision agrees with the statutory test cannot be said yet: the record does not say, as true or false, whether the chair found the criteria met.', tone: 'open' });
  }
  return lines;
}

/**
 * The decision's timing, in words: the server's sentences (the engine's `timingLines`, which the
 * hover on the referral's and decision's dates says too), so the preview and the exports word the
 * delay as the findings do.
 */
export function timingInWords(t: ChecklistResult['timing']): string[] {
  return Array.isArray(t.words) ? t.words.filter((l): l is string => typeof l === 'string') : [];
}
