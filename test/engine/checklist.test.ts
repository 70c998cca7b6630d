import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText, dossierEntry } from '../../server/src/engine/analyse';
import { CaseDoc } from '../../server/src/engine/document';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';
import { describeTiming, overview } from '../../server/src/engine/overview';
import { mergeSettings } from '../../server/src/engine/settings';

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');
const status = (text: string, q: number) => analyseText(text, { today }).checklist.find((c) => c.question === q)!.status;

describe('dates that cannot be read, or are not written', () => {
  it('a mistyped date does not make a meeting, an input or a challenge count as after the decision', () => {
    const mistyped = BASE.replace('  - date: 2016-02-01\n', '  - date: 2016-02-30\n')
      .replace(/(agency: (?:police|health)\n {4}date: )2016-02-03/g, '$12016-02-31')
      .replace('    date: 2016-02-05\n', '    date: 2016-02-31\n');
    assert.notEqual(mistyped, BASE);
    const a = analyseText(mistyped, { today });
    assert.deepEqual([...new Set(a.findings.map((f) => f.rule))], ['invalid-date']);
    for (const q of [4, 6, 9]) assert.equal(status(mistyped, q), status(BASE, q), `question ${q}`);
  });

  it('input with no dates is said to be undated, not to have come after the decision', () => {
    const undated = BASE.replace(/(agency: (?:police|health)\n) {4}date: 2016-02-03\n/g, '$1');
    const [f] = analyseText(undated, { today }).findings.filter((x) => x.rule === 'member-agency-input');
    assert.match(f.message, /^Input from member agencies is recorded without the dates it was given, so the record does not show it came before the decision on 10 February 2016\./);
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
    assert.match(words, /^1 working day \/ 1 calendar day after the referral/);
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
  for (const [how, text] of [['left out', BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  by: Independent Chair')], ['mistyped', BASE.replace('  date: 2016-02-10\n  by: Independent Chair', '  date: 2016-02-30\n  by: Independent Chair')]]) {
    it(`does not claim the decision was in time when its date is ${how}`, () => {
      assert.notEqual(text, BASE);
      const q5 = analyseText(text, { today: parseDate('2026-11-30') }).checklist.find((c) => c.question === 5)!;
      assert.equal(q5.status, 'not-applicable');
      assert.equal(q5.summary, 'The decision’s date is not recorded in a form that can be read, so timeliness cannot be judged.');
    });
  }
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
    assert.match(q7.summary, /But some of what it rests on is still to be completed\.$/);
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
    assert.equal(a.checklist.find((c) => c.question === 3)!.status, 'not-applicable');
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
