import { formatLong, parseDate } from './dates';
import type { Entry } from './entries';
import { isBlank, isPlaceholder } from './text';
import { asArray, asRecord, asString } from './values';

/** A meeting in words, after "The meeting" or "Meeting": " on 7 December 2016 (SCR subgroup)"; only what is written (no forum or date still to be completed). */
export function meetingWords(data: Record<string, unknown>): string {
  const day = parseDate(data.date);
  const forum = isPlaceholder(data.forum) ? undefined : asString(data.forum)?.trim();
  return `${day !== undefined ? ` on ${formatLong(day)}` : ''}${forum ? ` (${forum})` : ''}`;
}

/** The agencies written as present: an id still to be completed is none yet. */
function agencyCount(m: Entry): number {
  return new Set(asArray(m.data.agencies).filter((a) => !isPlaceholder(a))).size;
}

/**
 * Whether who attended is still to be completed (`agencies: To be completed. …`, as a fix or the
 * meeting snippet writes it, or such words in the list): to-complete reports it and holds question 4
 * back, so this rule does not report the same gap again.
 */
function agenciesToBeCompleted(m: Entry): boolean {
  const v = m.data.agencies;
  return isPlaceholder(v) || asArray(v).some(isPlaceholder);
}

/**
 * Whether the meeting asked for more information: QM2 looks for a recommendation on whether to hold
 * an SCR, and this is not one yet.
 */
function askedForMore(m: Entry): boolean {
  return asString(asRecord(m.data.recommendation)?.outcome)?.trim() === 'more-information';
}

/**
 * A recommendation on whether to hold an SCR is recorded, or still to be completed (to-complete
 * reports that). A request for more information is none.
 */
export function hasRecommendation(m: Entry): boolean {
  const rec = m.data.recommendation;
  return isPlaceholder(rec) || (!isBlank(asRecord(rec)?.outcome) && !askedForMore(m));
}

/** Whether the meeting lacks the agencies present, not counting a list still to be completed. */
export function agenciesGap(m: Entry): boolean {
  return agencyCount(m) < 2 && !agenciesToBeCompleted(m);
}

/**
 * What a meeting lacks for QM2 question 4: two or more agencies present, and a recommendation to
 * the chair on whether to hold an SCR. `problems`: each gap in words, as the finding and the
 * checklist say them.
 */
export function meetingGaps(m: Entry): { fewAgencies: boolean; missingRec: boolean; moreInfo: boolean; problems: string[] } {
  const count = agencyCount(m);
  const fewAgencies = agenciesGap(m);
  const missingRec = !hasRecommendation(m);
  const moreInfo = askedForMore(m);
  const problems: string[] = [];
  if (fewAgencies) problems.push(count === 0 ? 'no agencies are recorded as present' : 'only one agency is recorded as present');
  if (moreInfo) problems.push('it asked for more information, which is not yet a recommendation on whether to hold an SCR');
  else if (missingRec) problems.push('no recommendation to the chair is recorded');
  return { fewAgencies, missingRec, moreInfo, problems };
}

/** Of the meetings (at least one), the one nearest to what question 4 needs: fewest gaps, then the latest. */
export function nearestMeeting(meetings: readonly Entry[]): Entry {
  const gaps = (m: Entry) => (agenciesGap(m) ? 1 : 0) + (hasRecommendation(m) ? 0 : 1);
  return meetings.reduce((a, b) => {
    const d = gaps(b) - gaps(a);
    if (d !== 0) return d < 0 ? b : a;
    return (parseDate(b.data.date) ?? -Infinity) >= (parseDate(a.data.date) ?? -Infinity) ? b : a;
  });
}
