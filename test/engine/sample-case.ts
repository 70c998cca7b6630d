import { analyseText, parseDate, type Analysis } from '../../server/src/engine/index';

/** A small case file for the tests of editor features (hover, completion, navigation, fixes). */
export const SAMPLE = `# Fictional test case: pseudonyms and roles only.
scr: 1
case:
  reference: TSCB-2016-05
  board: Testshire LSCB
  child:
    pseudonym: Child S
  incident:
    date: 2016-01-10
    outcome: died
    summary: >
      Found unresponsive at home.
      Died in hospital the next day.
referral:
  date: 2016-01-14
  from: Head of Service, Testshire Children's Social Care
family:
  addresses:
    - board: Testshire LSCB
      from: 2014-03-01
    - board: Westshire LSCB
      from: 2012-01-01
      to: 2014-02-28
agencies:
  - id: csc
    name: Testshire Children's Social Care
    type: social-care
    involvement: known
    minimumData:
      requested: 2016-01-15
      received: 2016-01-22
      summary: Section 47 enquiry in 2015.
  - id: police
    name: Testshire Police
    type: police
    involvement: not-known
    minimumData:
      requested: 2016-01-15
meetings:
  - date: 2016-02-01
    forum: SCR subgroup
    agencies: [csc, police]
agencyInput:
  - agency: police   # spoke at the meeting
    date: 2016-02-03
    summary: Supports an SCR.
criteria:
  abuseOrNeglect:
    finding: suspected
    evidence: Injuries not consistent with the account given.
  childDied:
    finding: yes
    evidence: Death certified 2016-01-12.
learning:
  - reference: TSCB-2014-02
    relevance: Same pattern.
decision:
  date: 2016-02-20
  by: Independent Chair, Testshire LSCB
  outcome: scr
  criteriaMet: true
  rationale: Criteria met.
`;

export const TODAY = parseDate('2016-06-01')!;

export function analyse(text = SAMPLE): Analysis {
  return analyseText(text, { path: 'file:///dossier/sample.scr.yaml', today: TODAY });
}

/** The offset of `find` in `text` (its first occurrence), moved on by `delta`. */
export function at(text: string, find: string, delta = 0): number {
  const i = text.indexOf(find);
  if (i < 0) throw new Error(`${find} is not in the text`);
  return i + delta;
}

/** `text` with the cursor marker `|` removed, and where it stood. */
export function cursor(text: string): { text: string; offset: number } {
  const offset = text.indexOf('|');
  return { text: text.slice(0, offset) + text.slice(offset + 1), offset };
}
