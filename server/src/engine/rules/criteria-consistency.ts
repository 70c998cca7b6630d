import type { CaseDoc } from '../document';
import { findingOf, type IncidentConflict, incidentConflicts, mandatorySettingWords } from '../criteria';
import { contradictions } from '../decision';
import { asRecord } from '../values';
import type { Rule } from '../rule';

/** The findings that meet the test, in words: "abuse or neglect is suspected and the child has died". */
function metBecause(doc: CaseDoc): string {
  const c = asRecord(doc.get(['criteria'])) ?? {};
  const abuse = `abuse or neglect is ${findingOf(c.abuseOrNeglect)}`;
  if (findingOf(c.childDied) === 'yes') return `${abuse} and the child has died`;
  const harm = findingOf(c.seriousHarm) === 'yes' ? 'the child has been seriously harmed' : 'serious harm is unclear';
  const concerns = findingOf(c.concernsAboutWorkingTogether) === 'yes'
    ? 'there is cause for concern about how agencies worked together'
    : 'concern about how agencies worked together is unclear';
  return `${abuse}, ${harm}, and ${concerns}`;
}

/** Why the findings fall short of the test, in words. */
function notMetBecause(doc: CaseDoc): string {
  const c = asRecord(doc.get(['criteria'])) ?? {};
  if (findingOf(c.abuseOrNeglect) === 'not-suspected') return 'abuse or neglect is not suspected';
  if (findingOf(c.seriousHarm) === 'no') return 'the child did not die and was not seriously harmed';
  return 'the child did not die, and there is no cause for concern about how agencies worked together';
}

/** Why a finding cannot deny what the incident's outcome records, in words. */
function conflictMessage(c: IncidentConflict): string {
  if (c.key === 'childDied' && c.finding === 'yes') {
    return 'The incident is recorded as serious harm to the child (`case.incident.outcome: seriously-harmed`), but the finding on ' +
      'whether the child has died is `yes`. The statutory test turns on this finding: under Working Together to Safeguard Children ' +
      '2015 (WT2015), chapter 4, paragraphs 18–20, a death where abuse or neglect is known or suspected must have an SCR. ' +
      'Check which is right: if the child has died, even some time after the incident, record the incident’s outcome as `died`; ' +
      'if not, the finding should be `no`.';
  }
  if (c.key === 'childDied') {
    return 'The incident is recorded as the child’s death (`case.incident.outcome: died`), but the finding on whether the child ' +
      'has died is `no`. Under Working Together to Safeguard Children 2015 (WT2015), chapter 4, paragraphs 18–20, a death where ' +
      'abuse or neglect is known or suspected must have an SCR, so the statutory test turns on this finding. ' +
      'Check which is right: if the child died, the finding should be `yes`; if not, correct the incident’s outcome.';
  }
  return 'The incident is recorded as serious harm to the child (`case.incident.outcome: seriously-harmed`), but the finding on ' +
    'whether the child has been seriously harmed is `no`. Under Working Together to Safeguard Children 2015 (WT2015), chapter 4, ' +
    'serious harm includes a potentially life-threatening injury and serious or likely long-term harm to health or development, ' +
    'and it was still serious harm if the child has since recovered. Check the finding against the evidence: if the harm was ' +
    'serious, the finding should be `yes` (or `unclear` while that is not known); if it was not, correct the incident’s outcome.';
}

export const criteriaConsistency: Rule = {
  id: 'criteria-consistency',
  title: 'The decision agrees with the statutory test',
  description: 'Findings that meet the statutory test (or a death in custody) with a decision not to hold an SCR, the chair’s conclusion on the test contradicting the findings, or a finding on the child’s death or serious harm that contradicts the incident’s recorded outcome.',
  severity: 'error',
  questions: [7],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc, test } = ctx;
    const found = contradictions(doc, test);
    const criteriaAt = { span: doc.keySpan(['criteria']), message: 'The findings on the statutory criteria.' };

    for (const conflict of incidentConflicts(doc)) {
      ctx.report({
        span: doc.spanOf(['criteria', conflict.key, 'finding']),
        message: conflictMessage(conflict),
        related: [{ span: doc.spanOf(['case', 'incident', 'outcome']), message: 'The incident’s outcome as recorded.' }],
      });
    }

    if (found.outcome) {
      const message = test.met
        ? `The findings meet the statutory test: ${metBecause(doc)}. Under Working Together to Safeguard Children 2015 (WT2015), ` +
          'chapter 4, paragraphs 18–20, such a case must have an SCR, but the decision is not to hold one (`no-scr`). ' +
          'Check the findings against the evidence first; if they are right, the decision should be `scr`, with the nature of the review.'
        : `The child died ${mandatorySettingWords(doc.get(['case', 'incident', 'setting']))}. The guidance calls for an SCR ` +
          'for every such death, whatever the other findings, but the decision is not to hold one (`no-scr`). ' +
          'Check the setting recorded for the incident; if it is right, the decision should be `scr`, with the nature of the review.';
      ctx.report({
        span: doc.spanOf(['decision', 'outcome']),
        message,
        related: [criteriaAt, ...(test.mandatorySetting ? [{ span: doc.spanOf(['case', 'incident', 'setting']), message: 'Where the child died.' }] : [])],
      });
    }

    if (found.criteriaMet) {
      ctx.report({
        span: doc.spanOf(['decision', 'criteriaMet']),
        message: test.met
          ? `The decision records that the statutory criteria are not met (\`criteriaMet: false\`), but the findings meet them: ${metBecause(doc)}. ` +
            'Check the findings; if they are right, set `criteriaMet: true`.'
          : `The decision records that the statutory criteria are met (\`criteriaMet: true\`), but the findings do not meet them: ${notMetBecause(doc)}. ` +
            (test.mandatorySetting
              ? 'A death in this setting calls for an SCR on its own ground; `criteriaMet` records only the statutory test. '
              : '') +
            'Check the findings; if they are right, set `criteriaMet: false` and explain the decision in the rationale.',
        related: [criteriaAt],
      });
    }
  },
};
