import type { CaseDoc } from '../document';
import { asRecord } from '../values';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import { isBlank, listWords } from '../text';
import { combine, setValue } from '../fixes';

/** The issues QM2's rationale asks the chair to weigh, in the format's order, with their plain names. */
const CONSIDERATIONS: [key: string, words: string][] = [
  ['usefulLearning', 'the learning a review could bring'],
  ['previousLearning', 'how a review relates to earlier learning'],
  ['resources', 'resources'],
  ['impactOnPractitioners', 'the impact on practitioners'],
  ['impactOnFamily', 'the impact on the family'],
  ['parallelProcesses', 'other reviews or investigations running at the same time'],
  ['politicalAndMediaInterest', 'political and media interest'],
  ['publicTrust', 'public trust'],
];

function placeholder(key: string): unknown {
  return key === 'parallelProcesses' ? [{ type: 'other', status: TO_COMPLETE }] : TO_COMPLETE;
}

/** Not recorded: absent or blank. An empty list of parallel processes says there are none, which is recorded. */
function missing(doc: CaseDoc): [string, string][] {
  const c = asRecord(doc.get(['considerations']));
  if (!c) return CONSIDERATIONS;
  return CONSIDERATIONS.filter(([key]) => (key === 'parallelProcesses' ? c[key] === undefined || c[key] === null : isBlank(c[key])));
}

export const considerationsWeighed: Rule = {
  id: 'considerations-weighed',
  title: 'The chair’s wider considerations are recorded',
  description: 'Any of the issues the chair weighs (useful learning, resources, impact on the family and others) not recorded.',
  severity: 'info',
  questions: [],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    const gaps = missing(doc);
    if (gaps.length === 0) return;
    const section = asRecord(doc.get(['considerations']));
    const names = listWords(gaps.map(([, words]) => words), 'and');
    const keys = gaps.map(([key]) => `\`${key}\``).join(', ');
    const message = !section
      ? 'No wider considerations are recorded, so the record does not show that the chair weighed them. Add `considerations` with a short note on each: ' +
        `${names}.`
      : `The record does not show that the chair weighed ${names}. Add a short note on ${gaps.length === 1 ? 'it' : 'each'} (${keys}), ` +
        'even where it carried little weight: a consideration left out looks as if it was not weighed.';
    const edit = !section && !doc.has(['considerations'])
      ? setValue(doc, ['considerations'], Object.fromEntries(gaps.map(([key]) => [key, placeholder(key)])))
      : combine(doc, gaps.map(([key]) => (d: CaseDoc) => setValue(d, ['considerations', key], placeholder(key))));
    ctx.report({
      span: doc.anchor(['considerations'], ['decision'], ['criteria']),
      message,
      fixes: fix(gaps.length === 1 ? `Add \`${gaps[0][0]}\`` : `Add the ${gaps.length} missing considerations`, edit),
    });
  },
};
