import { STATUS_WORDS } from './qm2';
import type { ChecklistItem } from './types';
import { checklistContext, type ChecklistInput } from './checklist/context';
import { enoughInformation, minimumData, neighbouringBoards } from './checklist/gathered';
import { interAgencyDiscussion, independentChallenge, memberAgencies } from './checklist/heard';
import { delay, localLearning, statutoryCriteria } from './checklist/decided';

/**
 * The QM2 checklist: for each question a status, the evidence for it and the findings that hold
 * it back. The one function that works this out; the preview, hovers, code lens and command line
 * all show its result.
 */
export function computeChecklist(input: ChecklistInput): ChecklistItem[] {
  const ctx = checklistContext(input);
  return [
    enoughInformation(ctx),
    minimumData(ctx),
    neighbouringBoards(ctx),
    interAgencyDiscussion(ctx),
    delay(ctx),
    independentChallenge(ctx),
    statutoryCriteria(ctx),
    localLearning(ctx),
    memberAgencies(ctx),
  ];
}

/** "QM2 7/9 met (Q5 not met, Q6 partly met)": the one-line summary every view shows. */
export function checklistSummary(items: readonly ChecklistItem[]): string {
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  const met = applicable.filter((i) => i.status === 'met').length;
  const gaps = items.filter((i) => i.status === 'not-met' || i.status === 'partly-met').map((i) => `Q${i.question} ${STATUS_WORDS[i.status]}`);
  const na = items.filter((i) => i.status === 'not-applicable').map((i) => `Q${i.question}`);
  const tail = [...gaps, ...(na.length ? [`${na.join(', ')} not applicable`] : [])];
  return `QM2 ${met}/${applicable.length} met${tail.length ? ` (${tail.join(', ')})` : ''}`;
}

export function metCount(items: readonly ChecklistItem[]): { met: number; applicable: number } {
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  return { met: applicable.filter((i) => i.status === 'met').length, applicable: applicable.length };
}
