import type { StatutoryTest } from './criteria';
import { parseDate, type DayNumber } from './dates';
import type { CaseDoc } from './document';
import { isBlank } from './text';
import { asRecord } from './values';

/**
 * What a decision's `nature` lacks of what sets the review out (its methodology and scope): both
 * when no nature is written. Read by review-nature and by the checklist's question 8.
 */
export function natureGaps(doc: CaseDoc): ('methodology' | 'scope')[] {
  const nature = asRecord(doc.get(['decision', 'nature']));
  return (['methodology', 'scope'] as const).filter((k) => !nature || isBlank(nature[k]));
}

/**
 * What the decision's reasons lack: a `rationale`; for a decision not to hold an SCR, the
 * `alternative` route to learning. The one definition, which decision-rationale reports and
 * question 7 of the checklist reads.
 */
export function rationaleGaps(doc: CaseDoc): ('rationale' | 'alternative')[] {
  const gaps: ('rationale' | 'alternative')[] = [];
  if (isBlank(doc.get(['decision', 'rationale']))) gaps.push('rationale');
  if (doc.get(['decision', 'outcome']) === 'no-scr' && !asRecord(doc.get(['decision', 'alternative']))) gaps.push('alternative');
  return gaps;
}

/**
 * Where the decision contradicts the statutory test: no SCR where the test (or a death in one of
 * the MANDATORY_SETTINGS) calls for one; a `criteriaMet` saying the
 * opposite of a known result. A fact of the record, whatever rule settings or waivers say: the one
 * definition, which criteria-consistency reports and the checklist and overview read.
 */
export function contradictions(doc: CaseDoc, test: StatutoryTest): { outcome: boolean; criteriaMet: boolean } {
  const decision = asRecord(doc.get(['decision']));
  if (!decision || !isDecided(doc)) return { outcome: false, criteriaMet: false };
  const chair = decision.criteriaMet;
  return {
    outcome: decision.outcome === 'no-scr' && test.requiresScr === true,
    criteriaMet: typeof chair === 'boolean' && test.met !== undefined && chair !== test.met,
  };
}

/** The day the decision was made, when it is recorded and a real date. */
export function decisionDay(doc: CaseDoc): DayNumber | undefined {
  return parseDate(doc.get(['decision', 'date']));
}

export function isDecided(doc: CaseDoc): boolean {
  return asRecord(doc.get(['decision'])) !== undefined && !isBlank(doc.get(['decision', 'outcome']));
}
