import type { CaseDoc, Path } from './document';
import { once } from './once';
import { isPlaceholder, ownEntry, TO_COMPLETE_START } from './text';
import type { Question } from './types';

/** The QM2 questions each part of the record bears on, for a place still to be completed. */
const SECTION_QUESTIONS: Readonly<Record<string, Question[]>> = {
  family: [3], neighbouringBoards: [3], context: [1], meetings: [4], challenge: [6], agencyInput: [9], learning: [8], criteria: [7],
};

export function placeQuestions(path: Path): Question[] {
  const [top, key] = path;
  // Whether an agency had contact (`involvement`) says whether its contact needs a summary: question 1.
  if (top === 'agencies') return (path[2] === 'minimumData' && path[3] === 'summary') || (path.length === 3 && path[2] === 'involvement') ? [1] : [2];
  // Until the case's own board is written, which boards the family lived under are other boards cannot be told.
  if (top === 'case') return key === 'board' ? [3] : [];
  // The decision's outcome and the chair's `criteriaMet` are what question 7 compares with the findings.
  if (top === 'decision') return key === 'delayReason' ? [5] : key === 'nature' ? [8] : key === 'rationale' || key === 'alternative' || key === 'outcome' || key === 'criteriaMet' ? [7] : [];
  return ownEntry(SECTION_QUESTIONS, top) ?? [];
}

/**
 * Where the record still holds text left for the reviewer to replace (a quick fix's “To be
 * completed.”, or a new file's “To be completed. Name of your LSCB.”), with the QM2 questions each
 * place bears on and the words as written. The one definition, which the
 * to-complete rule reports and the checklist reads: a question resting on such a place is not met.
 */
export function unfinished(doc: CaseDoc): readonly { path: Path; questions: Question[]; text: string }[] {
  return once(doc, 'unfinished', () => {
    const out: { path: Path; questions: Question[]; text: string }[] = [];
    if (!doc.text.includes(TO_COMPLETE_START)) return out;
    const walk = (v: unknown, path: Path) => {
      if (isPlaceholder(v)) out.push({ path, questions: placeQuestions(path), text: (v as string).trim() });
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    walk(doc.get([]), []);
    return Object.freeze(out);
  });
}
