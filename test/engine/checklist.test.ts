import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText, dossierEntry } from '../../server/src/engine/analyse';
import { CaseDoc } from '../../server/src/engine/document';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';
import { fixAll } from '../../server/src/engine/actions';
import { describeTiming, overview } from '../../server/src/engine/overview';
import { mergeSettings } from '../../server/src/engine/settings';
import { createAnalyser } from '../../server/src/engine/workspace';

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');
const status = (text: string, q: number) => analyseText(text, { today }).checklist.find((c) => c.question === q)!.status;

describe('dates that cannot be read, or are not written', () => {
  const item = (text: string, q: number) => analyseText(text, { today }).checklist.find((c) => c.question === q)!;
  it('a mistyped date counts neither as after the decision nor as on or before it: the question is held back, and says which date', () => {
    const mistyped = BASE.replace('  - date: 2016-02-01\n', '  - date: 2016-02-30\n')
      .replace(/(agency: (?:police|health)\n {4}date: )2016-02-03/g, '$12016-02-31')
      .replace('    date: 2016-02-05\n', '    date: 2016-02-31\n');
    assert.notEqual(mistyped, BASE);
    const a = analyseText(mistyped, { today });
    // Nothing says on its account that anything came too late: only the date itself is reported.
    assert.deepEqual([...new Set(a.findings.map((f) => f.rule))], ['invalid-date']);
    const q4 = item(mistyped, 4);
    assert.equal(q4.status, 'not-met');
    assert.equal(q4.summary, 'The date of the meeting (SCR subgroup) is written “2016-02-30”, which cannot be read as a date, so whether the meeting came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    const q6 = item(mistyped, 6);
    assert.equal(q6.status, 'partly-met');
    assert.equal(q6.summary, 'The date of the challenge by Chair, Eastshire LSCB is written “2016-02-31”, which cannot be read as a date, so whether the challenge came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    const q9 = item(mistyped, 9);
    assert.equal(q9.status, 'not-met');
    assert.match(q9.summary, /^The date of the input from Northshire Police is written “2016-02-31”, which cannot be read as a date, so whether the input came before the decision cannot be judged\. Write it as YYYY-MM-DD\. The date of the input from Northshire Community Health is written/);
    // The finding on each date is what holds the question back.
    for (const [q, n] of [[4, 1], [6, 1], [9, 2]] as const) assert.deepEqual(item(mistyped, q).findings.map((f) => f.rule), Array(n).fill('invalid-date'), `question ${q}`);
    for (const q of [4, 6, 9]) assert.doesNotMatch(item(mistyped, q).summary, /only after|after the decision/, `question ${q}`);
  });

  it('a date that is not a date at all (“next week”) is not counted either', () => {
    const text = BASE.replace('  - date: 2016-02-01\n', '  - date: next week\n');
    assert.notEqual(text, BASE);
    assert.equal(item(text, 4).status, 'not-met');
    assert.match(item(text, 4).summary, /^The date of the meeting \(SCR subgroup\) is written “next week”, which cannot be read as a date/);
  });

  it('question 9: input from two agencies still meets it; a third dated so that it cannot be read holds it back', () => {
    const three = BASE.replace('criteria:\n', '  - agency: csc\n    date: 2016-13-45\n    summary: Supports an SCR.\ncriteria:\n');
    assert.notEqual(three, BASE);
    const q9 = item(three, 9);
    assert.equal(q9.status, 'partly-met');
    assert.equal(q9.summary, 'Input from 2 agencies before the decision. The date of the input from Northshire Children\'s Social Care is written “2016-13-45”, which cannot be read as a date, so whether the input came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    assert.deepEqual(q9.findings.map((f) => f.rule), ['invalid-date']);
    // One input readable, the other not: input from one agency, and no advice to record what is recorded.
    const one = BASE.replace(/(agency: police\n {4}date: )2016-02-03/, '$1next week');
    assert.equal(item(one, 9).status, 'partly-met');
    assert.match(item(one, 9).summary, /^Input from 1 agency before the decision\. The date of the input from Northshire Police is written “next week”/);
    assert.doesNotMatch(item(one, 9).summary, /one is not enough/);
  });

  it('question 2: a return, or a request, dated so that it cannot be read is not counted, and the summary says which', () => {
    const received = BASE.replace('      received: 2016-01-21\n', '      received: 21/01/2016x\n');
    assert.notEqual(received, BASE);
    const q2 = item(received, 2);
    assert.equal(q2.status, 'partly-met');
    assert.equal(q2.summary, '3 of 3 agencies asked for minimum data; 2 returned before the decision. The date the return from Northshire Police was received is written “21/01/2016x”, which cannot be read as a date, so whether the return came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    assert.deepEqual(q2.findings.map((f) => f.rule), ['invalid-date']);
    const requested = BASE.replace('      requested: 2016-01-15\n      received: 2016-01-21\n', '      requested: soon\n      received: 2016-01-21\n');
    assert.notEqual(requested, BASE);
    assert.equal(item(requested, 2).status, 'partly-met');
    assert.match(item(requested, 2).summary, /^2 of 3 agencies asked for minimum data; 2 returned before the decision\. The date Northshire Police was asked for its minimum data is written “soon”, which cannot be read as a date/);
  });

  it('before any decision, what is dated so that it cannot be read is not counted until the date is put right', () => {
    const undecided = BASE.slice(0, BASE.indexOf('decision:\n'));
    const input = undecided.replace(/(agency: police\n {4}date: )2016-02-03/, '$1next week');
    assert.notEqual(input, undecided);
    assert.equal(item(undecided, 9).status, 'met');
    assert.equal(item(input, 9).status, 'partly-met');
    assert.equal(item(input, 9).summary, 'Input from 1 agency so far. The date of the input from Northshire Police is written “next week”, which cannot be read as a date, so the input is not counted until the date is written as YYYY-MM-DD.');
    // “received: next week” is no return yet.
    const received = undecided.replace('      received: 2016-01-22\n', '      received: next week\n');
    assert.equal(item(received, 2).status, 'partly-met');
    assert.match(item(received, 2).summary, /^3 of 3 agencies asked for minimum data; 2 returned\. The date the return from Northshire Children's Social Care was received is written “next week”, which cannot be read as a date, so the return is not counted until the date is written as YYYY-MM-DD\.$/);
  });

  it('a decision dated so that it cannot be read: nothing dated is shown to come before it', () => {
    const text = BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-02-30\n  by: Independent Chair');
    assert.notEqual(text, BASE);
    const expected: [number, string, string][] = [
      [2, 'partly-met', '3 of 3 agencies asked for minimum data; 3 returned. The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether the returns came before it cannot be judged. Write it as YYYY-MM-DD.'],
      [4, 'not-met', 'The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether the meeting came before it cannot be judged. Write it as YYYY-MM-DD.'],
      [6, 'partly-met', 'The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether the challenge came before it cannot be judged. Write it as YYYY-MM-DD.'],
      [9, 'not-met', 'The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether the input came before it cannot be judged. Write it as YYYY-MM-DD.'],
    ];
    for (const [q, st, said] of expected) {
      const it = item(text, q);
      assert.deepEqual([it.status, it.summary], [st, said], `question ${q}`);
      assert.deepEqual(it.findings.map((f) => f.rule), ['invalid-date'], `question ${q}`);
    }
    // A decision whose date is still to be written in (as the decision snippet leaves it) is judged
    // as before: what is recorded so far counts, and question 5 says the date is needed.
    const toComplete = BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: To be completed. Date of the decision (YYYY-MM-DD).\n  by: Independent Chair');
    for (const q of [2, 4, 6, 9]) assert.equal(item(toComplete, q).status, 'met', `question ${q}`);
  });

  it('question 3: a check or an answer dated so that it cannot be read is not counted, and the decision’s date too', () => {
    const withCheck = (text: string, check: string) => text
      .replace('    - board: Northshire LSCB\n      from: 2013-03-01\n', '    - board: Northshire LSCB\n      from: 2013-03-01\n    - board: Westshire LSCB\n      from: 2011-01-01\n      to: 2013-02-28\n')
      .replace(/\nagencies:\n/, `\nneighbouringBoards:\n  - board: Westshire LSCB\n${check}agencies:\n`);
    assert.equal(item(withCheck(BASE, '    requested: 2016-01-20\n    received: 2016-02-08\n'), 3).status, 'met');
    const asked = item(withCheck(BASE, '    requested: 20/01/2016x\n    received: 2016-02-08\n'), 3);
    assert.equal(asked.status, 'not-met');
    assert.equal(asked.summary, 'The date Westshire LSCB was asked whether its agencies knew the family is written “20/01/2016x”, which cannot be read as a date, so whether the check came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    const answered = item(withCheck(BASE, '    requested: 2016-01-20\n    received: next week\n'), 3);
    assert.equal(answered.status, 'partly-met');
    // Not “No answer is recorded”: one is, with a date that cannot be read.
    assert.equal(answered.summary, 'The date Westshire LSCB’s answer was received is written “next week”, which cannot be read as a date, so whether the answer came before the decision cannot be judged. Write it as YYYY-MM-DD.');
    assert.deepEqual(answered.findings.map((f) => f.rule), ['invalid-date']);
    const decision = item(withCheck(BASE, '    requested: 2016-01-20\n    received: 2016-02-08\n').replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-02-30\n  by: Independent Chair'), 3);
    assert.equal(decision.status, 'partly-met');
    assert.match(decision.summary, /^The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether the answer came before it cannot be judged\./);
  });

  it('input with no dates is said to be undated, not to have come after the decision', () => {
    const undated = BASE.replace(/(agency: (?:police|health)\n) {4}date: 2016-02-03\n/g, '$1');
    const [f] = analyseText(undated, { today }).findings.filter((x) => x.rule === 'member-agency-input');
    assert.match(f.message, /^Input from member agencies is recorded without the dates it was given, so the record does not show it came before the decision on 10 February 2016\./);
  });
});

describe('an entry that cannot be read', () => {
  const item = (text: string, q: number) => analyseText(text, { today }).checklist.find((c) => c.question === q)!;
  const health = '  - agency: health\n    date: 2016-02-03\n    summary: Supports an SCR.\n';
  const police = '  - agency: police\n    date: 2016-02-03\n    summary: Supports an SCR.\n';

  it('question 9: an input written as one line of text, not a section, is said not to be read, not taken as missing', () => {
    const text = BASE.replace(health, '  - health gave its view on 2016-02-03\n');
    assert.notEqual(text, BASE);
    const q9 = item(text, 9);
    assert.equal(q9.status, 'partly-met');
    assert.equal(q9.summary, 'Input from 1 agency before the decision. The second entry under `agencyInput` cannot be read, so what it records is not counted until it is put right.');
    assert.deepEqual(q9.findings.map((f) => f.rule), ['schema']);
  });

  for (const [how, slip, which] of [
    ['a quote never closed', health.replace('summary: Supports', 'summary: "Supports'), 'second'],
    ['a colon in its text', health.replace('summary: Supports', 'summary: Supports:'), 'second'],
    ['a key indented out of line', police.replace('    summary', '     summary'), 'first'],
  ] as const) {
    it(`question 9: a slip in one input (${how}) holds it back, naming the entry, though what was read of the rest would meet it`, () => {
      const text = BASE.replace(slip.includes('police') ? police : health, slip);
      assert.notEqual(text, BASE);
      const a = analyseText(text, { today });
      assert.ok(a.doc.broken.length > 0, 'the section is read with a slip');
      const q9 = a.checklist.find((c) => c.question === 9)!;
      assert.equal(q9.status, 'partly-met');
      assert.match(q9.summary, new RegExp(`The ${which} entry under \`agencyInput\` cannot be read, so what it records is not counted until it is put right\\.$`));
      assert.deepEqual(q9.findings.map((f) => f.rule), ['yaml-syntax']);
      assert.ok(!q9.evidence.some((e) => e.label.includes(which === 'first' ? 'Police' : 'Health')), 'the entry is not listed as evidence');
    });
  }

  it('question 9: a list that cannot be read at all is said to be so, not to hold no input', () => {
    const text = BASE.replace('agencyInput:\n', 'agencyInput: "views\n');
    assert.notEqual(text, BASE);
    const q9 = item(text, 9);
    assert.equal(q9.status, 'not-met');
    assert.equal(q9.summary, 'What is written under `agencyInput` cannot be read, so none of it is counted until it is put right.');
    assert.deepEqual(q9.findings.map((f) => f.rule), ['yaml-syntax']);
  });

  it('questions 1 and 2: an agency that cannot be read holds both back', () => {
    const text = BASE.replace('  - id: health\n', '  - GP practice, asked on 2016-01-15\n  - id: health\n');
    assert.notEqual(text, BASE);
    for (const q of [1, 2]) {
      const it = item(text, q);
      assert.equal(it.status, 'partly-met', `question ${q}`);
      assert.match(it.summary, /\. The third entry under `agencies` cannot be read, so what it records is not counted until it is put right\.$/);
      assert.deepEqual(it.findings.map((f) => f.rule), ['schema'], `question ${q}`);
    }
    // A slip in an agency, likewise.
    const slip = BASE.replace('    name: Northshire Police\n', '    name: Northshire Police\n   type: police\n');
    assert.notEqual(slip, BASE);
    assert.equal(item(slip, 2).status, 'partly-met');
    assert.match(item(slip, 2).summary, /The second entry under `agencies` cannot be read/);
  });

  it('question 4: a meeting that cannot be read holds it back; question 6 and 8 the same for a challenge and learning', () => {
    const meeting = BASE.replace('meetings:\n', 'meetings:\n  - strategy discussion on 2016-01-20\n');
    assert.equal(item(meeting, 4).status, 'partly-met');
    assert.equal(item(meeting, 4).summary, 'Agencies met together and recommended a course to the chair. The first entry under `meetings` cannot be read, so what it records is not counted until it is put right.');
    const challenge = BASE.replace(/challenge:\n(?: {2}.*\n)+/, 'challenge:\n  - peer chair, 2016-02-05\n');
    assert.equal(item(challenge, 6).status, 'not-met');
    assert.equal(item(challenge, 6).summary, 'The first entry under `challenge` cannot be read, so what it records is not counted until it is put right.');
    const learning = BASE.replace('learning:\n', 'learning:\n  - NSCB-2013-01\n');
    assert.equal(item(learning, 8).status, 'partly-met');
    assert.match(item(learning, 8).summary, /The first entry under `learning` cannot be read/);
  });

  it('question 3: an address that cannot be read leaves it unknown whether other boards needed checking', () => {
    const text = BASE.replace('      from: 2013-03-01\n', '      from: 2013-03-01\n    - Westshire, 2011 to 2013\n');
    assert.notEqual(text, BASE);
    assert.equal(status(BASE, 3), 'not-applicable');
    const q3 = item(text, 3);
    assert.equal(q3.status, 'not-met');
    assert.equal(q3.summary, 'Not every address in the family’s history can be read, so it cannot be shown whether other boards needed checking. The second entry under `addresses` in `family` cannot be read, so what it records is not counted until it is put right.');
    assert.deepEqual(q3.findings.map((f) => f.rule), ['schema']);
  });
});

describe('question 8 and the nature of the review', () => {
  const a0 = BASE.indexOf('  nature:\n');
  const a1 = BASE.indexOf('  communicated:\n');
  for (const [how, nature, expected] of [['set out', BASE.slice(a0, a1), 'met'], ['empty', '  nature: {}\n', 'partly-met'], ['without its methodology', '  nature:\n    scope: From 2013.\n', 'partly-met']] as const) {
    it(`is ${expected} with a nature ${how}`, () => {
      const text = BASE.slice(0, a0) + nature + BASE.slice(a1);
      assert.equal(status(text, 8), expected);
    });
  }
});

describe('the decision’s timing in words', () => {
  it('counts one day as one day', () => {
    const text = BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-01-15\n  by: Independent Chair');
    assert.notEqual(text, BASE);
    const words = describeTiming(analyseText(text, { today })) ?? "";
    assert.match(words, /Decided on 15 January 2016, 1 working day \(1 calendar day\) after the referral\./);
  });
});

describe('checklist wording', () => {
  const q = (text: string, n: number) => analyseText(text, { today }).checklist.find((c) => c.question === n)!;
  it('an undated challenge is said to be undated, not to have come after the decision', () => {
    const text = BASE.replace('    date: 2016-02-05\n', '');
    assert.notEqual(text, BASE);
    assert.equal(q(text, 6).summary, 'Challenge is recorded without a date, so the record does not show it came before the decision.');
  });
  it('question 7 speaks of the criteria in words, not by their keys', () => {
    const text = BASE.replace(/  childDied:\n    finding: yes\n    evidence: [^\n]*\n/, '');
    assert.notEqual(text, BASE);
    const item = q(text, 7);
    assert.equal(item.summary, 'The record has no finding on whether the child has died, which the statutory test needs.');
    assert.deepEqual(q(BASE, 7).evidence.map((e) => e.label), ['Finding on whether abuse or neglect is known or suspected', 'Finding on whether the child has died']);
  });
  it('question 2 counts one agency as one agency, not “1 of 1 agencies”', () => {
    const one = readFileSync(join(__dirname, '..', 'fixtures', 'ci-dossier', 'child-s.scr.yaml'), 'utf8');
    assert.match(q(one, 2).summary, /^1 of 1 agency asked for minimum data; 1 returned;/);
    assert.match(q(BASE, 2).summary, /^\d+ of \d+ agencies asked for minimum data/);
  });
});

describe('the overview in words', () => {
  it('the timeline names bodies and agencies in words, not by their ids', () => {
    const labels = overview(analyseText(BASE, { today })).timeline.map((e) => e.label);
    for (const l of ['Notified Ofsted', 'Input from Northshire Police', 'Input from Northshire Community Health', 'Decision passed on to the National Panel', 'Decision passed on to Ofsted']) assert.ok(labels.includes(l), `${l} in ${labels.join('; ')}`);
  });
  it('blank evidence is no evidence', () => {
    const text = BASE.replace('    evidence: Death certified on 2016-01-12.\n', '    evidence: ""\n');
    assert.notEqual(text, BASE);
    const died = overview(analyseText(text, { today })).test.criteria.find((c) => c.key === 'childDied')!;
    assert.equal(died.evidence, undefined);
  });
});

describe('waived findings', () => {
  it('are listed with the question they bear on, with their reason, and do not hold it back', () => {
    const gp = '  # scr-waive minimum-data-requested: the practice closed\n  - id: gp\n    name: Riverside Surgery\n    type: health\n    involvement: known\n    minimumData:\n      summary: Registered.\n';
    const text = BASE.replace('  - id: health\n', `${gp}  - id: health\n`);
    assert.notEqual(text, BASE);
    const q2 = analyseText(text, { today }).checklist.find((c) => c.question === 2)!;
    assert.equal(q2.status, 'partly-met');
    assert.deepEqual(q2.findings, []);
    assert.deepEqual(q2.waived.map((f) => [f.rule, f.waived?.reason]), [['minimum-data-requested', 'the practice closed']]);
    assert.deepEqual(analyseText(BASE, { today }).checklist.find((c) => c.question === 2)!.waived, []);
  });
});

describe('question 7 and the reasons for a decision not to hold an SCR', () => {
  // Abuse or neglect not suspected: the test is not met, and no-scr agrees with it.
  const noScr = BASE.replace('    finding: suspected\n', '    finding: not-suspected\n')
    .replace('  outcome: scr\n  criteriaMet: true\n', '  outcome: no-scr\n  criteriaMet: false\n')
    .replace(/  nature:\n(    .*\n)+/, '');
  it('is partly met while the decision does not say how learning will be drawn instead', () => {
    assert.notEqual(noScr, BASE);
    const a = analyseText(noScr, { today });
    assert.ok(a.findings.some((f) => f.rule === 'decision-rationale'));
    const q7 = a.checklist.find((c) => c.question === 7)!;
    assert.equal(q7.status, 'partly-met');
    assert.equal(q7.summary, 'Findings are recorded, but the decision not to hold an SCR does not say how learning will be drawn from the case instead.');
  });
  it('is met once the alternative route is recorded', () => {
    const text = noScr.replace('  communicated:\n', '  alternative:\n    type: single-agency-review\n    detail: Health to review its records by June.\n  communicated:\n');
    assert.equal(status(text, 7), 'met');
  });
});

describe('question 5 without a readable decision date', () => {
  // Not applicable means no delay to justify; with the decision's date unknown that cannot be known.
  for (const [how, text, said] of [
    ['left out', BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  by: Independent Chair'), 'The decision’s date is not recorded, so whether it was made in time cannot be judged. Record it as YYYY-MM-DD.'],
    ['mistyped', BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-02-30\n  by: Independent Chair'), 'The decision’s date is written “2016-02-30”, which cannot be read as a date, so whether it was made in time cannot be judged. Write it as YYYY-MM-DD.'],
    ['still to be completed', BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: To be completed. Date of the decision (YYYY-MM-DD).\n  by: Independent Chair'), 'The decision’s date is still to be completed, so whether it was made in time cannot be judged. Write it in as YYYY-MM-DD.'],
  ] as const) {
    it(`does not claim the decision was in time, nor that the question does not apply, when its date is ${how}`, () => {
      assert.notEqual(text, BASE);
      const q5 = analyseText(text, { today: parseDate('2026-11-30') }).checklist.find((c) => c.question === 5)!;
      assert.equal(q5.status, 'not-met');
      assert.equal(q5.summary, said);
      // Where a date is written, the finding on it says what to put right; where none is, the summary does.
      if (how !== 'left out') assert.ok(q5.findings.length > 0, 'a finding says what to put right');
    });
  }
  it('words a decision date that cannot be read as the other questions do, so the checklist reads as one', () => {
    const text = BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 1st Feb 2016\n  by: Independent Chair');
    const items = analyseText(text, { today: parseDate('2026-11-30') }).checklist;
    const said = (q: number) => /The decision’s date[^.]*cannot be read as a date/.exec(items.find((c) => c.question === q)!.summary)?.[0];
    assert.equal(said(5), 'The decision’s date is written “1st Feb 2016”, which cannot be read as a date');
    assert.equal(said(9), said(5));
  });
});

describe('question 5 with a referral date that cannot be read', () => {
  const late = readFileSync(join(__dirname, '..', '..', 'examples', 'typical-gaps.scr.yaml'), 'utf8');
  const at = parseDate('2017-01-09');
  const q5 = (text: string) => analyseText(text, { today: at }).checklist.find((c) => c.question === 5)!;
  it('does not hide a late decision as “not applicable”: the question is not met, and the date check holds it back', () => {
    assert.equal(q5(late).status, 'not-met');
    const text = late.replace('referral:\n  date: 2016-06-13', 'referral:\n  date: 13/06/2016');
    assert.notEqual(text, late);
    const item = q5(text);
    assert.equal(item.status, 'not-met');
    assert.equal(item.summary, 'The referral date is written “13/06/2016”, which cannot be read as a date, so whether the decision was made in time cannot be judged. Write it as YYYY-MM-DD.');
    assert.deepEqual(item.findings.map((f) => f.rule), ['invalid-date']);
    assert.match(analyseText(text, { today: at }).checklist.map((c) => `Q${c.question} ${c.status}`).join(' '), /Q5 not-met/);
  });
  it('is not met, and says so, while the referral date is still to be completed', () => {
    const text = late.replace('referral:\n  date: 2016-06-13', 'referral:\n  date: To be completed. Date of the referral (YYYY-MM-DD).');
    const item = q5(text);
    assert.equal(item.status, 'not-met');
    assert.match(item.summary, /^The referral date is still to be completed, so whether the decision was made in time cannot be judged\./);
    assert.deepEqual(item.findings.map((f) => f.rule), ['to-complete']);
  });
});

describe('questions 1, 4 and 9 count what the record holds', () => {
  it('question 1: where no agency had contact with the family, there is no contact to summarise', () => {
    const text = BASE.replace(/    involvement: known\n    minimumData:\n      requested: (\S+)\n      received: (\S+)\n      summary: .*\n/g, '    involvement: not-known\n    minimumData:\n      requested: $1\n      received: $2\n');
    assert.equal((text.match(/not-known/g) ?? []).length, 3);
    assert.equal(status(text, 1), 'met');
    assert.equal(analyseText(text, { today }).checklist[0].summary, 'None of the 3 agencies had contact with the child or family; 1 piece of contextual information.');
  });
  it('question 1: an agency not yet asked (involvement unknown) keeps it from being met', () => {
    const text = BASE.replace(/    involvement: known\n    minimumData:\n      requested: (\S+)\n      received: (\S+)\n      summary: .*\n/g, '    involvement: unknown\n    minimumData:\n      requested: $1\n');
    assert.equal((text.match(/involvement: unknown/g) ?? []).length, 3);
    assert.notEqual(status(text, 1), 'met');
  });
  it('question 1 says when the agencies without a summary had no contact to summarise, and when none is recorded', () => {
    const text = BASE.replace(/(  - id: police\n(?:    .*\n)*?)    involvement: known\n    minimumData:\n      requested: 2016-01-15\n      received: 2016-01-21\n      summary: .*\n/, '$1    involvement: not-known\n    minimumData:\n      requested: 2016-01-15\n      received: 2016-01-21\n');
    assert.notEqual(text, BASE);
    const q1 = analyseText(text, { today }).checklist[0];
    assert.equal(q1.status, 'met');
    assert.match(q1.summary, /^2 of 3 agencies have a summary of their contact \(the other had no contact to summarise\); 1 piece of contextual information\.$/);
    const none = analyseText('case:\n  reference: X-1\nagencies: []\n', { today }).checklist;
    assert.match(none[0].summary, /^No agencies are recorded; no contextual information\./);
    assert.match(none[1].summary, /^No agencies are recorded, so none has been asked for minimum data/);
  });

  it('question 2, while returns are awaited, says to add each as it arrives, but not once one is overdue and being chased', () => {
    const undecided = BASE.slice(0, BASE.indexOf('decision:\n')).replace(/\n      received: \S+/g, '');
    const early = analyseText(undecided, { today: parseDate('2016-01-20') }).checklist[1];
    assert.equal(early.status, 'partly-met');
    assert.match(early.summary, /Add the date under `received` as each return arrives\.$/);
    const late = analyseText(undecided, { today: parseDate('2016-06-01') });
    assert.ok(late.findings.some((f) => f.rule === 'minimum-data-outstanding'));
    assert.doesNotMatch(late.checklist[1].summary, /as each return arrives/);
  });

  it('question 1: one agency whose involvement is still unknown holds it back, and is named, though every other agency is summarised', () => {
    const text = BASE.replace(/(  - id: police\n(?:    .*\n)*?)    involvement: known\n    minimumData:\n      requested: 2016-01-15\n      received: 2016-01-21\n      summary: .*\n/, '$1    involvement: unknown\n    minimumData:\n      requested: 2016-01-15\n');
    assert.notEqual(text, BASE);
    assert.equal(status(BASE, 1), 'met');
    const q1 = analyseText(text, { today }).checklist[0];
    assert.equal(q1.status, 'partly-met');
    assert.equal(q1.summary, '2 of 3 agencies have a summary of their contact; 1 piece of contextual information. Whether Northshire Police had contact with the child or family is still recorded as unknown (`involvement: unknown`), so the record does not show that what it knew was gathered for the decision. Once the board knows, record `known`, with a summary of the contact, or `not-known`.');
    // Before a decision, it is waited for.
    const undecided = text.slice(0, text.indexOf('decision:\n'));
    assert.match(analyseText(undecided, { today }).checklist[0].summary, /Whether Northshire Police had contact with the child or family is not yet known \(`involvement: unknown`\), so what it knew has not been gathered yet\. Once the board knows, record `known`/);
    // An agency never asked (minimum-data-requested says so) is not spoken of as having been asked.
    const neverAsked = text.replace('    involvement: unknown\n    minimumData:\n      requested: 2016-01-15\n', '    involvement: unknown\n');
    assert.notEqual(neverAsked, text);
    assert.doesNotMatch(analyseText(neverAsked, { today }).checklist[0].summary, /answer/);
    // Once it has answered that it had no contact, nothing holds the question back.
    assert.equal(status(text.replace('    involvement: unknown\n', '    involvement: not-known\n'), 1), 'met');
  });
  it('questions 4 and 9 count the agencies as written, as their rules do: an undeclared id is unknown-agency’s error', () => {
    const text = BASE.replace('    agencies: [csc, police, health]\n', '    agencies: [csc, xx]\n')
      .replace('  - agency: police\n', '  - agency: xx\n').replace('  - agency: health\n', '  - agency: yy\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    assert.equal(status(text, 4), 'met');
    assert.equal(status(text, 9), 'met');
    const rules = a.findings.map((f) => f.rule);
    assert.ok(rules.includes('unknown-agency'));
    assert.ok(!rules.includes('inter-agency-discussion') && !rules.includes('member-agency-input'));
  });
});

describe('words a quick fix left to replace', () => {
  const late = BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-03-20\n  by: Independent Chair');
  it('are no reason for a delay: question 5 is not met, and the place is reported', () => {
    assert.notEqual(late, BASE);
    const text = late.replace('\n  outcome: scr\n  criteriaMet: true\n', '\n  outcome: scr\n  criteriaMet: true\n  delayReason: To be completed.\n');
    const a = analyseText(text, { today });
    const q5 = a.checklist.find((c) => c.question === 5)!;
    assert.equal(q5.status, 'not-met');
    assert.match(q5.summary, /; the reason for the delay is still to be completed\.$/);
    assert.deepEqual(q5.findings.map((f) => f.rule), ['to-complete']);
    assert.ok(!a.findings.some((f) => f.rule === 'unexplained-delay'), 'one problem, one finding');
    assert.equal(status(late.replace('\n  outcome: scr\n  criteriaMet: true\n', '\n  outcome: scr\n  criteriaMet: true\n  delayReason: The police asked the board to wait.\n'), 5), 'met');
  });
  it('are no evidence: question 7 is partly met, even with the rule turned off', () => {
    const text = BASE.replace('    evidence: Death certified on 2016-01-12.\n', '    evidence: To be completed.\n');
    assert.notEqual(text, BASE);
    assert.equal(status(BASE, 7), 'met');
    const q7 = analyseText(text, { today }).checklist.find((c) => c.question === 7)!;
    assert.equal(q7.status, 'partly-met');
    assert.equal(q7.summary, 'Findings are recorded, but the evidence for one is still to be completed.');
    const off = analyseText(text, { today, settings: mergeSettings({ rules: { 'to-complete': 'off' } }) });
    assert.equal(off.checklist.find((c) => c.question === 7)!.status, 'partly-met');
  });
  it('are no name: an agency still to be named is called by its id in other findings', () => {
    const text = BASE.replace("    name: Northshire Police\n", '    name: To be completed.\n').replace('      received: 2016-01-21\n', '');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const messages = a.findings.filter((f) => f.rule !== 'to-complete').map((f) => f.message);
    assert.ok(messages.some((m) => m.includes('police')), messages.join('\n'));
    assert.ok(!messages.some((m) => m.includes('To be completed')), messages.join('\n'));
  });
});

describe('a fix that adds a communicated entry', () => {
  it('leaves the date they were told to be completed, rather than guessing one', () => {
    const text = BASE.replace(/  communicated:\n(    .*\n)+/, '').replace('  outcome: scr\n  criteriaMet: true\n', '  outcome: no-scr\n  criteriaMet: true\n');
    assert.notEqual(text, BASE);
    const later = parseDate('2026-11-30');
    const a = analyseText(text, { today: later });
    const f = a.findings.find((x) => x.rule === 'decision-communicated')!;
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /- to: national-panel\n {6}date: To be completed\. The date they were told \(YYYY-MM-DD\)\.\n/);
    const after = analyseText(fixed, { today: later }).findings;
    assert.deepEqual(after.filter((x) => x.rule === 'decision-communicated'), []);
    // Each date still to be written is one finding, to-complete's: not also a date that cannot be read.
    const dates = after.filter((x) => fixed.slice(x.span.start, x.span.end).includes('The date they were told'));
    assert.deepEqual(dates.map((x) => x.rule), ['to-complete', 'to-complete']);
  });
});

describe('names every object has', () => {
  it('in the case file are read as text, never as the program’s own (constructor, valueOf)', () => {
    const text = BASE.replace('    outcome: died\n', '    outcome: valueOf\n')
      .replace(/  notifications:\n(    .*\n)+/, '')
      .replace('    - to: national-panel\n', '    - to: constructor\n')
      .replace('    type: police\n', '    type: toString\n')
      .concat('constructor: To be completed.\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const words = [...a.findings.map((f) => f.message), ...a.checklist.map((c) => c.summary), ...overview(a).timeline.map((e) => e.label)].join('\n');
    assert.doesNotMatch(words, /native code|function /);
    assert.ok(a.findings.some((f) => f.rule === 'to-complete'), 'the words to replace, at the top level, are reported');
  });
});

describe('a board still to be named', () => {
  it('is no board: other findings do not compare boards with “To be completed.”', () => {
    const text = BASE.replace('  board: Northshire LSCB\n', '  board: To be completed.\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const messages = a.findings.filter((f) => f.rule !== 'to-complete').map((f) => f.message).join('\n');
    assert.doesNotMatch(messages, /To be completed/);
    assert.ok(a.findings.some((f) => f.rule === 'to-complete'));
  });
});

describe('places still to be completed, and what they are not taken for', () => {
  it('a board in the address history still to be named is not another board', () => {
    const text = BASE.replace('  board: Northshire LSCB\n', '  board: To be completed.\n').replace(/    - board: Northshire LSCB\n/, '    - board: To be completed.\n');
    assert.equal((text.match(/board: To be completed\./g) ?? []).length, 2);
    const a = analyseText(text, { today });
    assert.deepEqual([...new Set(a.findings.map((f) => f.rule))], ['to-complete']);
    // Nor evidence that the family stayed in the board's area: question 3 is not met until it is written.
    const q3 = a.checklist.find((c) => c.question === 3)!;
    assert.equal(q3.status, 'not-met');
    assert.ok(q3.findings.some((f) => f.rule === 'to-complete'), 'the place to write is what holds it back');
  });
  it('a reference still to be completed does not make two files the same case', () => {
    const text = BASE.replace('  reference: NSCB-2016-21\n', '  reference: To be completed.\n');
    assert.notEqual(text, BASE);
    assert.equal(dossierEntry('a.scr.yaml', new CaseDoc(text)), undefined);
  });
  it('a key with no name still to be completed is reported, not lost to an error', () => {
    const errors: string[] = [];
    const a = analyseText(BASE.replace('scr: 1\n', 'scr: 1\n"": To be completed.\n'), { today, onRuleError: (rule) => errors.push(rule) });
    assert.deepEqual(errors, []);
    assert.ok(a.findings.some((f) => f.rule === 'to-complete'));
  });
});

describe('questions 8 and 9 before a decision', () => {
  // Before a decision, local-learning and member-agency-input say nothing: the summary says what to record.
  const undecided = BASE.slice(0, BASE.indexOf('decision:\n'));
  const item = (text: string, n: number) => analyseText(text, { today }).checklist.find((c) => c.question === n)!;

  it('says what to record under learning and agencyInput while nothing is there', () => {
    const bare = undecided.replace(/learning:\n(?: {2}.*\n)+/, '').replace(/agencyInput:\n(?: {2}.*\n)+/, '');
    assert.ok(!bare.includes('learning:') && !bare.includes('agencyInput:'));
    const a = analyseText(bare, { today });
    assert.deepEqual(a.findings.filter((f) => f.questions.includes(8) || f.questions.includes(9)), []);
    const q8 = item(bare, 8);
    assert.equal(q8.status, 'not-met');
    assert.match(q8.summary, /^No local learning is recorded yet\. Before the decision, list under `learning` /);
    const q9 = item(bare, 9);
    assert.equal(q9.status, 'not-met');
    assert.match(q9.summary, /^No input from member agencies is recorded yet\. Before the decision, record under `agencyInput` /);
  });

  it('counts input so far, and asks for a second agency where one has given a view', () => {
    assert.equal(item(undecided, 9).summary, 'Input from 2 agencies so far.');
    assert.equal(item(undecided, 9).status, 'met');
    const one = undecided.replace(/ {2}- agency: health\n(?: {4}.*\n)+/, '');
    assert.notEqual(one, undecided);
    assert.equal(item(one, 9).status, 'partly-met');
    assert.match(item(one, 9).summary, /^Input from 1 agency so far\. Before the decision, record under `agencyInput` /);
  });

  it('keeps the decided wording once a decision is recorded', () => {
    assert.equal(item(BASE, 9).summary, 'Input from 2 agencies before the decision.');
    assert.equal(item(BASE, 8).summary, '1 learning reference recorded; the nature of the review is set out.');
  });
});

describe('evidence in words', () => {
  it('names a meeting by its date written out and its forum, as the findings do', () => {
    const q4 = analyseText(BASE, { today }).checklist.find((c) => c.question === 4)!;
    assert.deepEqual(q4.evidence.map((e) => e.label), ['Meeting on 1 February 2016 (SCR subgroup)']);
  });
});

describe('words still to be completed count as nothing written', () => {
  const TBC = 'To be completed.';
  const undecided = BASE.slice(0, BASE.indexOf('decision:\n'));
  const all = (a: ReturnType<typeof analyseText>) => {
    const o = overview(a);
    return [...a.checklist.flatMap((c) => [c.summary, ...c.evidence.map((e) => e.label)]), ...o.timeline.map((e) => e.label), o.reference ?? '', o.board ?? '', o.child ?? ''];
  };
  const rulesOn = (a: ReturnType<typeof analyseText>, q: number) => [...new Set(a.checklist.find((c) => c.question === q)!.findings.map((f) => f.rule))];

  it('question 1: a summary of contact or a piece of context still to be completed is none yet, and no label shows it', () => {
    const text = BASE.replace(/      summary: .*\n/g, `      summary: ${TBC} What the return says about the agency's contact with the child or family.\n`)
      .replace('    summary: Two SCRs since 2013 on neglect of pre-school children.\n', `    summary: ${TBC}\n`)
      .replace('  - topic: Previous reviews in the area\n', `  - topic: ${TBC}\n`);
    const a = analyseText(text, { today });
    const q1 = a.checklist[0];
    assert.equal(q1.status, 'not-met');
    assert.equal(q1.summary, '0 of 3 agencies have a summary of their contact; no contextual information (one entry is still to be completed).');
    assert.deepEqual(q1.evidence, []);
    // One problem, one finding: each place is reported by to-complete, and nothing more is added.
    assert.deepEqual(rulesOn(a, 1), ['to-complete']);
    assert.deepEqual([...new Set(a.findings.map((f) => f.rule))], ['to-complete']);
  });

  it('question 1: says “no contextual information” for none, and “one more” only beside one written', () => {
    const more = BASE.replace('context:\n', `context:\n  - topic: Local audit\n    summary: ${TBC}\n`);
    assert.match(analyseText(more, { today }).checklist[0].summary, /; 1 piece of contextual information \(one more is still to be completed\)\./);
    const none = BASE.replace(/context:\n(  .*\n)+/, '');
    assert.match(analyseText(none, { today }).checklist[0].summary, /; no contextual information\.$/);
  });

  it('question 1: an agency whose involvement is still to be chosen holds it back, not question 2', () => {
    // The new file's prompt (“To be completed. Choose known, not-known or unknown.”): until it is
    // chosen, whether the agency's contact needs a summary cannot be told.
    assert.equal(status(BASE, 1), 'met');
    const text = BASE.replace(/(  - id: police\n(?:    .*\n)*?)    involvement: known\n/, `$1    involvement: ${TBC} Choose known, not-known or unknown.\n`);
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    assert.equal(a.checklist[0].status, 'partly-met');
    assert.deepEqual(rulesOn(a, 1), ['to-complete']);
    const f = a.findings.find((x) => x.rule === 'to-complete')!;
    assert.match(f.message, /^Involvement \(`involvement`\) in agency “[^”]+” still reads .* it does not count towards QM2 question 1\.$/);
    assert.deepEqual(f.questions, [1]);
  });

  it('question 2: a return whose date is still to be completed has not come', () => {
    const text = undecided.replace('      received: 2016-01-22\n', `      received: ${TBC}\n`);
    assert.notEqual(text, undecided);
    const q2 = analyseText(text, { today }).checklist[1];
    assert.equal(q2.status, 'partly-met');
    assert.match(q2.summary, /^3 of 3 agencies asked for minimum data; 2 returned\./);
  });

  it('question 6: a challenge entry still all to be completed is no challenge, before or after any decision', () => {
    const entry = `challenge:\n  - by: ${TBC}\n    date: ${TBC} The date of the challenge (YYYY-MM-DD).\n    outcome: ${TBC}\n`;
    for (const text of [BASE, undecided].map((t) => t.replace(/challenge:\n(?: {2}.*\n)+/, entry).replace(/\nchallenge:\n.*$/s, `\n${entry}`))) {
      assert.ok(text.includes(entry));
      const a = analyseText(text, { today });
      const q6 = a.checklist.find((c) => c.question === 6)!;
      assert.equal(q6.status, 'not-met');
      assert.equal(q6.summary, 'No independent challenge is recorded yet: the entry under `challenge` is still to be completed.');
      assert.deepEqual(q6.evidence, []);
      assert.deepEqual(rulesOn(a, 6), ['to-complete']);
    }
  });

  it('question 6: a challenge dated before the decision is said to be recorded on or before it, not to have been sought', () => {
    const q6 = analyseText(BASE, { today }).checklist.find((c) => c.question === 6)!;
    assert.equal(q6.status, 'met');
    assert.equal(q6.summary, 'Independent challenge is recorded on or before the decision.');
  });

  it('question 6: before any decision, a challenge is not said to have come “before the decision”', () => {
    const q6 = analyseText(undecided, { today }).checklist.find((c) => c.question === 6)!;
    assert.equal(q6.status, 'met');
    assert.equal(q6.summary, 'Independent challenge is recorded.');
    const dated = BASE.replace('    date: 2016-02-05\n', `    date: ${TBC} The date of the challenge (YYYY-MM-DD).\n`);
    assert.notEqual(dated, BASE);
    const d6 = analyseText(dated, { today }).checklist.find((c) => c.question === 6)!;
    assert.equal(d6.status, 'partly-met');
    assert.equal(d6.summary, 'Challenge is recorded, but its date is still to be completed, so the record does not show it came before the decision.');
  });

  it('question 4: before any decision, no meeting is said to be missing “before the decision”', () => {
    const none = undecided.replace(/meetings:\n(?: {2}.*\n)+/, '');
    assert.ok(!none.includes('meetings:'));
    assert.equal(analyseText(none, { today }).checklist.find((c) => c.question === 4)!.summary, 'No meeting of agencies is recorded yet.');
    const after = BASE.replace(/meetings:\n(?: {2}.*\n)+/, '');
    assert.equal(analyseText(after, { today }).checklist.find((c) => c.question === 4)!.summary, 'No meeting of agencies is recorded before the decision.');
  });

  it('question 7: a finding still to be completed is said to be so, not to be outside the format’s choices', () => {
    const text = BASE.replace('    finding: suspected\n', `    finding: ${TBC} Choose suspected, known or not-suspected.\n`);
    assert.notEqual(text, BASE);
    const q7 = analyseText(text, { today }).checklist.find((c) => c.question === 7)!;
    assert.equal(q7.status, 'not-met');
    assert.equal(q7.summary, 'The finding on whether abuse or neglect is known or suspected is still to be completed, so the statutory test cannot be worked out yet.');
    assert.deepEqual(q7.evidence.map((e) => e.label), ['Finding on whether the child has died']);
  });

  it('question 8: a nature of the review still to be completed is not set out', () => {
    const text = BASE.replace('    scope: Agency involvement from 2013 to the incident.\n', `    scope: ${TBC}\n`);
    assert.notEqual(text, BASE);
    const q8 = analyseText(text, { today }).checklist.find((c) => c.question === 8)!;
    assert.equal(q8.status, 'partly-met');
    assert.equal(q8.summary, '1 learning reference recorded; the nature of the review is still to be completed.');
    assert.ok(!q8.evidence.some((e) => e.label === 'Nature of the review'));
  });

  it('question 9: input still to be completed is no agency heard', () => {
    const text = BASE.replace('  - agency: health\n    date: 2016-02-03\n    summary: Supports an SCR.\n', `  - agency: health\n    date: 2016-02-03\n    summary: ${TBC}\n`);
    assert.notEqual(text, BASE);
    const q9 = analyseText(text, { today }).checklist.find((c) => c.question === 9)!;
    assert.equal(q9.status, 'partly-met');
    assert.match(q9.summary, /^Input from 1 agency before the decision\..* Some input under `agencyInput` is still to be completed\.$/);
    assert.deepEqual(q9.evidence.map((e) => e.label), ['Input from Northshire Police']);
  });

  it('the overview: considerations, the statutory test, the timeline and the heading count and show only what is written', () => {
    const text = BASE
      .replace(/^( {2}(?:usefulLearning|previousLearning|resources|impactOnPractitioners|impactOnFamily|politicalAndMediaInterest|publicTrust)): .*$/gm, `$1: ${TBC}`)
      .replace('      status: Ongoing.\n', `      status: ${TBC}\n`)
      .replace('    evidence: Death certified on 2016-01-12.\n', `    evidence: ${TBC} What the finding rests on.\n`)
      .replace('    finding: suspected\n', `    finding: ${TBC} Choose suspected, known or not-suspected.\n`)
      .replace('    name: Northshire Police\n', `    name: ${TBC} Name of the police force.\n`)
      .replace('    by: Chair, Eastshire LSCB\n', `    by: ${TBC}\n`)
      .replace('    forum: SCR subgroup\n', `    forum: ${TBC}\n`)
      .replace('  board: Northshire LSCB\n', `  board: ${TBC} Name of your LSCB.\n`)
      .replace('  reference: NSCB-2016-21\n', `  reference: ${TBC}\n`);
    assert.equal((text.match(/To be completed/g) ?? []).length, 15);
    const a = analyseText(text, { today });
    const o = overview(a);
    assert.deepEqual(o.considerations.map((c) => [c.key, c.weighed, c.toComplete]), [
      ['usefulLearning', false, true], ['previousLearning', false, true], ['resources', false, true], ['impactOnPractitioners', false, true],
      ['impactOnFamily', false, true], ['parallelProcesses', false, true], ['politicalAndMediaInterest', false, true], ['publicTrust', false, true],
    ]);
    const died = o.test.criteria.find((c) => c.key === 'childDied')!;
    assert.deepEqual([died.finding, died.evidence, died.toComplete], ['yes', undefined, ['evidence']]);
    const abuse = o.test.criteria.find((c) => c.key === 'abuseOrNeglect')!;
    assert.deepEqual([abuse.finding, abuse.toComplete], [undefined, ['finding']]);
    assert.equal(o.reference, undefined);
    assert.equal(o.board, undefined);
    for (const words of all(a)) assert.doesNotMatch(words, /To be completed/);
    assert.ok(o.timeline.some((e) => e.label === 'Data requested: police'));
    assert.ok(o.timeline.some((e) => e.label === 'Challenge'));
    assert.ok(o.timeline.some((e) => e.label === 'Meeting'));
  });

  it('a file where a quick fix added entries still to be completed: no question counts them, no label shows them', () => {
    const bare = undecided.replace(/context:\n(?: {2}.*\n)+/, '').replace(/challenge:\n(?: {2}.*\n)+/, '').replace(/considerations:\n(?: {2}.*\n)+/, '');
    const a0 = analyseText(bare, { today });
    const fixed = applyEdits(bare, fixAll(a0.doc, a0.findings).edits);
    assert.ok(fixed.includes('context:') && fixed.includes('challenge:') && fixed.includes('considerations:'), fixed);
    const a = analyseText(fixed, { today });
    for (const words of all(a)) assert.doesNotMatch(words, /To be completed/);
    assert.equal(a.checklist[0].summary, '3 of 3 agencies have a summary of their contact; no contextual information (one entry is still to be completed).');
    assert.equal(a.checklist.find((c) => c.question === 6)!.status, 'not-met');
    assert.equal(overview(a).considerations.filter((c) => c.weighed).length, 0);
  });
});

describe('question 3 and an address whose board is not yet written', () => {
  it('is not met, not “not applicable”: such an address shows nothing about where the family lived', () => {
    const text = BASE.replace('    - board: Northshire LSCB\n', '    - board: To be completed. Name of your LSCB.\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const q3 = a.checklist.find((c) => c.question === 3)!;
    assert.equal(q3.status, 'not-met');
    assert.equal(q3.summary, 'The board of the one address in the family’s history is not yet written, so it cannot be shown whether other boards needed checking. Write in the board for each address.');
    // The words to replace are what holds it back, under “Holding it back”, and nothing else is reported.
    assert.deepEqual(q3.findings.map((f) => f.rule), ['to-complete']);
    assert.equal(status(BASE, 3), 'not-applicable');
  });
});

describe('a question not met with no finding to act on says what to do', () => {
  it('question 9 with input from one agency after the decision names what is missing', () => {
    const one = BASE.replace('  - agency: health\n    date: 2016-02-03\n    summary: Supports an SCR.\n', '');
    assert.notEqual(one, BASE);
    const q9 = analyseText(one, { today }).checklist.find((c) => c.question === 9)!;
    assert.equal(q9.status, 'partly-met');
    assert.deepEqual(q9.findings, []);
    assert.equal(q9.summary, 'Input from 1 agency before the decision. QM2 looks for input from the board’s member agencies, and one is not enough: record under `agencyInput` the others’ views, or, for an agency that gave none, an entry saying so and why.');
  });
});

describe('questions 2, 3 and 4 judged at the decision date', () => {
  const undecided = BASE.slice(0, BASE.indexOf('decision:\n'));
  const q = (text: string, n: number) => analyseText(text, { today }).checklist.find((c) => c.question === n)!;
  const rulesOn = (text: string, n: number) => q(text, n).findings.map((f) => f.rule);
  // The family lived in Westshire before Northshire; the chair decided on 10 February 2016.
  const withCheck = (text: string, check: string) => text
    .replace('    - board: Northshire LSCB\n      from: 2013-03-01\n', '    - board: Northshire LSCB\n      from: 2013-03-01\n    - board: Westshire LSCB\n      from: 2011-01-01\n      to: 2013-02-28\n')
    .replace(/\nagencies:\n/, `\nneighbouringBoards:\n  - board: Westshire LSCB\n${check}agencies:\n`);

  it('question 3: a board asked before the decision and answered after it was still awaited then', () => {
    const text = withCheck(BASE, '    requested: 2016-01-20\n    received: 2016-02-17\n    outcome: Not known to its agencies.\n');
    assert.equal(q(text, 3).status, 'partly-met');
    assert.equal(q(text, 3).summary, 'Westshire LSCB answered only after the decision on 10 February 2016, so the chair decided without its answer.');
    assert.deepEqual(rulesOn(text, 3), ['neighbouring-check-outstanding']);
    const [f] = analyseText(text, { today }).findings.filter((x) => x.rule === 'neighbouring-check-outstanding');
    assert.match(f.message, /^Westshire LSCB was asked on 20 January 2016 whether its agencies knew the family, but its answer was received on 17 February 2016, after the decision on 10 February 2016, so the chair decided without it\./);
    // Answered in time, it is met.
    assert.equal(status(text.replace('received: 2016-02-17', 'received: 2016-02-08'), 3), 'met');
  });

  it('question 3: a board asked before the decision and never answered: the summary asks why the chair went ahead, not to chase', () => {
    const text = withCheck(BASE, '    requested: 2016-01-20\n');
    assert.equal(q(text, 3).status, 'partly-met');
    assert.equal(q(text, 3).summary, 'No answer from Westshire LSCB is recorded, and the decision has been made without it. If it came, add its date under `received`; if not, say in the decision’s `rationale` why the chair went ahead.');
    // Before the decision, it is still being waited for.
    assert.match(q(withCheck(undecided, '    requested: 2016-01-20\n'), 3).summary, /^Waiting for an answer from Westshire LSCB\. .*chase the board/);
  });

  it('question 3: a board first asked only after the decision was unchecked then', () => {
    const text = withCheck(BASE, '    requested: 2016-02-17\n    received: 2016-02-24\n    outcome: Not known to its agencies.\n');
    assert.equal(q(text, 3).status, 'not-met');
    assert.equal(q(text, 3).summary, 'Westshire LSCB was first asked only after the decision on 10 February 2016, so it was not checked with when the chair decided.');
    assert.deepEqual(rulesOn(text, 3), ['neighbouring-check']);
    const [f] = analyseText(text, { today }).findings.filter((x) => x.rule === 'neighbouring-check');
    assert.match(f.message, /first asked whether its agencies knew the family on 17 February 2016, after the decision on 10 February 2016: the check was made only after the decision/);
    assert.deepEqual(f.fixes, [], 'the check is recorded: no second one is offered');
    // Still unanswered, it is the same one finding, not also an answer outstanding.
    const open = text.replace('    received: 2016-02-24\n    outcome: Not known to its agencies.\n', '');
    assert.deepEqual(rulesOn(open, 3), ['neighbouring-check']);
  });

  it('question 3 before any decision: every check recorded so far counts, whatever its dates', () => {
    const text = withCheck(undecided, '    requested: 2016-02-17\n    received: 2016-02-24\n    outcome: Not known to its agencies.\n');
    assert.equal(q(text, 3).status, 'met');
    assert.deepEqual(rulesOn(text, 3), []);
  });

  it('question 2: a minimum data request made only after the decision is no request then', () => {
    const one = BASE.replace('      requested: 2016-01-15\n      received: 2016-01-21\n', '      requested: 2016-02-15\n      received: 2016-02-19\n');
    assert.notEqual(one, BASE);
    assert.equal(q(one, 2).status, 'partly-met');
    assert.equal(q(one, 2).summary, '2 of 3 agencies asked for minimum data before the decision (one more only after it); 2 returned before the decision.');
    assert.deepEqual(rulesOn(one, 2), ['minimum-data-requested']);
    const [f] = analyseText(one, { today }).findings.filter((x) => x.rule === 'minimum-data-requested');
    assert.match(f.message, /^Northshire Police was asked for its minimum data return only on 15 February 2016, after the decision on 10 February 2016: the request came after the decision/);
    const all = BASE.replace(/requested: 2016-01-15\n      received: 2016-01-2\d/g, 'requested: 2016-02-15\n      received: 2016-02-19');
    assert.equal(q(all, 2).status, 'not-met');
    assert.equal(q(all, 2).summary, '0 of 3 agencies asked for minimum data before the decision (3 more only after it); 0 returned before the decision.');
    // Before any decision, the same dates are requests made.
    const early = undecided.replace(/requested: 2016-01-15\n      received: 2016-01-2\d/g, 'requested: 2016-02-15\n      received: 2016-02-19');
    assert.equal(q(early, 2).status, 'met');
  });

  it('question 4: a meeting that falls short says how, as its finding does', () => {
    const oneAgency = BASE.replace('    agencies: [csc, police, health]\n    recommendation:', '    agencies: [csc]\n    recommendation:');
    const noRecommendation = BASE.replace('    recommendation:\n      outcome: scr\n      rationale: Criteria met; learning about information sharing.\n', '');
    const neither = oneAgency.replace('    recommendation:\n      outcome: scr\n      rationale: Criteria met; learning about information sharing.\n', '');
    for (const [text, words] of [
      [oneAgency, 'only one agency is recorded as present'],
      [noRecommendation, 'no recommendation to the chair is recorded'],
      [neither, 'only one agency is recorded as present, and no recommendation to the chair is recorded'],
    ] as const) {
      assert.notEqual(text, BASE);
      assert.equal(q(text, 4).status, 'partly-met');
      assert.equal(q(text, 4).summary, `A meeting is recorded, but ${words}.`);
      const [f] = analyseText(text, { today }).findings.filter((x) => x.rule === 'inter-agency-discussion');
      assert.ok(f.message.includes(`(SCR subgroup): ${words}.`), f.message);
    }
  });

  it('question 4: a meeting that asked for more information has not yet recommended whether to hold an SCR', () => {
    const text = BASE.replace('      outcome: scr\n      rationale: Criteria met; learning about information sharing.\n', '      outcome: more-information\n      rationale: Waiting for the post-mortem report.\n');
    assert.notEqual(text, BASE);
    assert.equal(q(text, 4).status, 'partly-met');
    assert.equal(q(text, 4).summary, 'Agencies met, but asked for more information: no recommendation on whether to hold an SCR reached the chair before the decision. Record under `meetings` any later meeting before the decision that made one; if there was none, say in the decision’s `rationale` why the chair decided without it.');
    assert.deepEqual(rulesOn(text, 4), ['inter-agency-discussion']);
    const [f] = analyseText(text, { today }).findings.filter((x) => x.rule === 'inter-agency-discussion');
    assert.match(f.message, /The meeting on 1 February 2016 \(SCR subgroup\): it asked for more information, which is not yet a recommendation on whether to hold an SCR\./);
    assert.deepEqual(f.fixes, [], 'what the meeting asked for is not to be changed');
    const early = undecided.replace('      outcome: scr\n', '      outcome: more-information\n');
    assert.equal(q(early, 4).status, 'partly-met');
    assert.equal(q(early, 4).summary, 'Agencies met, but asked for more information: they have not yet recommended to the chair whether to hold an SCR. When they meet again and do, record that meeting under `meetings`, with its recommendation.');
  });
});

describe('the checklist is worked out when it is read', () => {
  it('is not worked out by the analysis (the findings do not wait for it), and is then what an eager reading gives, once', async () => {
    const a = analyseText(BASE, { today });
    assert.equal(Object.hasOwn(a, 'checklist'), false, 'no checklist held after the analysis');
    assert.equal(typeof Object.getOwnPropertyDescriptor(Object.getPrototypeOf(a), 'checklist')?.get, 'function', 'worked out on reading');
    const first = a.checklist;
    assert.equal(a.checklist, first, 'worked out once, then kept');
    assert.deepEqual(first.map((c) => c.question), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // The analyser's analysis (with its settings file) carries it too.
    const withSettings = await createAnalyser({ host: { readFile: async () => undefined }, today: () => today }).analyse('/x/case.scr.yaml', BASE);
    assert.deepEqual(withSettings.checklist, first);
  });

  it('reads the findings and the text of its own analysis, not of a later one', () => {
    // Two versions of one file read one from the other, the checklists read after both: each
    // keeps its own version's answer.
    const undecided = BASE.replace(/\n  criteriaMet: .*\n/, '\n');
    assert.notEqual(undecided, BASE);
    const before = new CaseDoc(BASE);
    const a = analyseText(BASE, { today, doc: before });
    const b = analyseText(undecided, { today, doc: new CaseDoc(undecided, before) });
    assert.notEqual(b.checklist[6].status, 'met');
    assert.equal(a.checklist[6].status, 'met');
    const words = (items: { question: number; status: string; summary: string }[]) => items.map((i) => [i.question, i.status, i.summary]);
    assert.deepEqual(words(a.checklist), words(analyseText(BASE, { today }).checklist));
  });
});

describe('a slip in a section that is not a list', () => {
  const analysed = (text: string) => analyseText(text, { today });
  const item = (text: string, q: number) => analysed(text).checklist.find((c) => c.question === q)!;
  for (const [how, from, to, words] of [
    ['a line pasted at the margin', '    evidence: Death certified on 2016-01-12.\n', '    evidence: Death certified on 2016-01-12.\nPasted from the minutes\n', 'A line in `criteria` after `childDied` cannot be read'],
    ['a key written with a semicolon', '  childDied:\n    finding: yes\n', '  childDied:\n    finding; yes\n', 'Part of `childDied` in `criteria` cannot be read'],
    ['a key line written with a semicolon', '  abuseOrNeglect:\n    finding: suspected\n    evidence: Injuries inconsistent with the account given.\n', '  abuseOrNeglect:\n    finding: suspected\n    evidence: Injuries inconsistent with the account given.\n  seriousHarm; true\n', 'The line for `seriousHarm` in `criteria` cannot be read'],
  ] as const) {
    it(`question 7: ${how} in \`criteria\` holds it back, and the summary says which part`, () => {
      const text = BASE.replace(from, to);
      assert.notEqual(text, BASE);
      assert.equal(status(BASE, 7), 'met');
      const a = analysed(text);
      assert.ok(a.doc.broken.length > 0, 'the section is read with a slip');
      const q7 = a.checklist.find((c) => c.question === 7)!;
      assert.notEqual(q7.status, 'met');
      assert.ok(q7.summary.includes(`${words}, so this question is not counted as met until it is put right.`), q7.summary);
      assert.deepEqual(q7.findings.map((f) => f.rule), ['yaml-syntax']);
      // Only the question the section bears on.
      for (const q of [1, 2, 4, 6, 8, 9]) assert.equal(item(text, q).status, status(BASE, q), `question ${q}`);
    });
  }

  it('a slip in the decision holds back the question the part bears on: the rationale question 7, the nature question 8', () => {
    const rationale = BASE.replace('  rationale: The statutory criteria are met and the case offers learning.\n', '  rationale: The statutory criteria are met and the case offers learning.\nas the chair said\n');
    assert.notEqual(rationale, BASE);
    assert.equal(item(rationale, 7).status, 'partly-met');
    assert.match(item(rationale, 7).summary, /A line in `decision` after `rationale` cannot be read/);
    assert.equal(item(rationale, 8).status, 'met');
    const nature = BASE.replace('    scope: Agency involvement from 2013 to the incident.\n', '    scope: Agency involvement from 2013 to the incident.\n      and beyond: if needed\n');
    assert.notEqual(nature, BASE);
    assert.equal(item(nature, 8).status, 'partly-met');
    assert.match(item(nature, 8).summary, /Part of `nature` in `decision` cannot be read/);
    assert.equal(item(nature, 7).status, 'met');
  });
});
