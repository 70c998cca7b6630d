import type { ChecklistStatus, Question, Severity } from './types';

/** The nine questions of QM2 (Decision-making), in our own short words. */
export const QUESTIONS: Record<Question, { short: string; asks: string }> = {
  1: { short: 'Enough information gathered', asks: 'Was enough gathered, on agency contact with the child or family and on the wider context, to inform the decision?' },
  2: { short: 'Key agencies asked for minimum data', asks: 'Were the key agencies asked for at least minimum data about their involvement?' },
  3: { short: 'Neighbouring boards checked', asks: 'Where the family has lived outside the board’s area, were the other boards checked with?' },
  4: { short: 'Inter-agency discussion', asks: 'Did agencies discuss the case together and make a recommendation to the chair?' },
  5: { short: 'Any delay justified', asks: 'Is any delay in deciding explained by the circumstances of the case?' },
  6: { short: 'Independent challenge', asks: 'Was independent challenge of the decision-making considered, such as a discussion with another board’s chair?' },
  7: { short: 'Statutory criteria evidenced', asks: 'Is the decision informed by the statutory criteria, with the evidence recorded?' },
  8: { short: 'Local learning informs the review', asks: 'Is the kind of review chosen informed by local learning and improvement work?' },
  9: { short: 'Member agencies heard', asks: 'Did the board’s member agencies have the chance to give their input to the chair?' },
};

export const ALL_QUESTIONS: Question[] = [1, 2, 3, 4, 5, 6, 7, 8, 9];

export const STATUS_WORDS: Record<ChecklistStatus, string> = {
  met: 'met',
  'partly-met': 'partly met',
  'not-met': 'not met',
  'not-applicable': 'not applicable',
};

/** Text symbols so that status never rests on colour alone. */
export const STATUS_SYMBOL: Record<ChecklistStatus, string> = {
  met: '✓',
  'partly-met': '◐',
  'not-met': '✗',
  'not-applicable': '–',
};

/** What a finding of each severity is called where people read it: the preview, exports and reports. */
export const SEVERITY_WORDS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note', hint: 'Hint' };

/** Whether findings can hold a question back: they can while it is not yet met and applies. */
export function canBeHeldBack(status: ChecklistStatus): boolean {
  return status === 'partly-met' || status === 'not-met';
}

/**
 * The heading over a question's findings. A finding holds back a question that is not yet met;
 * beside one that is met, or does not apply (question 5 when the decision was in time, with a late
 * notification to Ofsted), it is only noted with it.
 */
export function findingsHeading(status: ChecklistStatus): string {
  // Said in so many words: a late notification listed under a question that does not apply read as a contradiction.
  return canBeHeldBack(status) ? 'Holding it back' : 'Also noted (not counted against this question)';
}

/** The heading over a question's waived findings. */
export const WAIVED_HEADING = 'Waived in the file';

/** A waiver's reason as people read it beside the finding it accepts. */
export function waiverInWords(reason: string | undefined): string {
  return reason?.trim() ? `Reason given: ${reason.trim()}` : 'No reason given.';
}
