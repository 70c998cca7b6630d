import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/actions';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';
import type { Finding } from '../../server/src/engine/types';

/**
 * A quick fix writes only what the reviewer has told it. Where only they know a fact (when a
 * meeting was held, who attended, which recommendation it made), the fix leaves it to be completed,
 * and "Fix all" makes no choice between facts.
 */
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');

/** `BASE` without the top-level list `key` (its key and entries). */
function without(key: string, text = BASE): string {
  const out = text.replace(new RegExp(`^${key}:\\n(?:[ -].*\\n)+`, 'm'), '');
  assert.notEqual(out, text, `${key} removed`);
  return out;
}

/** The text with every “To be completed.” the reviewer would write over as prose filled in, dates and attendees left. */
function proseFilledIn(text: string): string {
  return text.replace(/: To be completed\.\n/g, ': Written by the reviewer.\n');
}

const findings = (text: string) => analyseText(text, { today }).findings.filter((f) => !f.waived);
const status = (text: string, q: number) => analyseText(text, { today }).checklist.find((c) => c.question === q)!.status;
const one = (text: string, rule: string): Finding => {
  const f = findings(text).filter((x) => x.rule === rule);
  assert.equal(f.length, 1, `one ${rule} finding`);
  return f[0];
};
/** Any date a fix wrote, as YYYY-MM-DD. */
const DATE = /\d{4}-\d{2}-\d{2}/;

describe('a fix that adds an entry dated by the reviewer', () => {
  const cases: { rule: string; key: string; q: number; strip: (t: string) => string }[] = [
    { rule: 'inter-agency-discussion', key: 'meetings', q: 4, strip: (t) => without('meetings', t) },
    { rule: 'member-agency-input', key: 'agencyInput', q: 9, strip: (t) => without('agencyInput', t) },
    { rule: 'independent-challenge', key: 'challenge', q: 6, strip: (t) => without('challenge', t) },
    { rule: 'address-history', key: 'family', q: 3, strip: (t) => without('family', t) },
  ];
  for (const c of cases) {
    it(`${c.rule}: writes no date, and the question is not met on the prose alone`, () => {
      const text = c.strip(BASE);
      const f = one(text, c.rule);
      assert.ok(f.fixes.length > 0, 'a fix is offered');
      for (const fx of f.fixes) {
        const added = fx.edits.map((e) => e.newText).join('');
        assert.doesNotMatch(added, DATE, `${fx.title} writes no date:\n${added}`);
        assert.match(added, /To be completed\. [^\n]*\(YYYY-MM-DD\)\./, `${fx.title} leaves the date to be completed`);
        const fixed = applyEdits(text, fx.edits);
        // With every other word written in, the date is still to be completed: the question waits for it.
        const filled = proseFilledIn(fixed);
        assert.notEqual(status(filled, c.q), 'met', `${fx.title}: question ${c.q} is not met on a date never given\n${filled}`);
        // And the date to be completed is one finding, not a date that cannot be read as well.
        const onDate = findings(filled).filter((x) => filled.slice(x.span.start, x.span.end).includes('(YYYY-MM-DD)'));
        assert.deepEqual(onDate.map((x) => x.rule), ['to-complete'], `${fx.title}: one finding on the date`);
        assert.ok(onDate[0].questions.includes(c.q as never), `it names question ${c.q}`);
      }
    });
  }

  it('inter-agency-discussion: lists no agencies as present, and records no recommendation by itself', () => {
    const text = without('meetings');
    const f = one(text, 'inter-agency-discussion');
    assert.deepEqual(f.fixes.map((x) => x.title), [
      'Add a meeting of agencies that recommended an SCR',
      'Add a meeting of agencies that recommended no SCR',
    ]);
    for (const fx of f.fixes) {
      const fixed = applyEdits(text, fx.edits);
      assert.match(fixed, /\n {4}agencies: To be completed\. The ids of the agencies present, as a list such as \[csc, police\]\.\n/);
    }
    assert.ok(f.fixes.every((x) => !x.preferred), 'no choice of recommendation is preferred');
    const all = fixAll(analyseText(text, { today }).doc, findings(text));
    assert.ok(!all.fixes.some((x) => f.fixes.includes(x)), 'Fix all adds no meeting');
  });

  it('independent-challenge: does not say what kind of challenge it was', () => {
    const text = without('challenge');
    const [fx] = one(text, 'independent-challenge').fixes;
    assert.doesNotMatch(fx.edits.map((e) => e.newText).join(''), /type:/);
  });

  it('independent-challenge: the checklist neither counts the challenge the fix adds nor names the challenger as “To be completed.”', () => {
    const text = without('challenge');
    const fixed = applyEdits(text, one(text, 'independent-challenge').fixes[0].edits);
    const q6 = analyseText(fixed, { today }).checklist.find((c) => c.question === 6)!;
    assert.equal(q6.status, 'not-met');
    assert.deepEqual(q6.evidence, []);
    // Once what came of it is written, it is a challenge; who gave it is still unnamed.
    const outcome = fixed.replace(/(outcome: )To be completed\./, '$1Agreed the criteria are met.');
    assert.notEqual(outcome, fixed);
    assert.deepEqual(analyseText(outcome, { today }).checklist.find((c) => c.question === 6)!.evidence.map((e) => e.label), ['Challenge by someone independent']);
  });

  it('the date, once written, lets the question be met', () => {
    const text = without('meetings');
    const fixed = proseFilledIn(applyEdits(text, one(text, 'inter-agency-discussion').fixes[0].edits))
      .replace(/date: To be completed\.[^\n]*/, 'date: 2016-02-01')
      .replace(/agencies: To be completed\.[^\n]*/, 'agencies: [csc, police]');
    assert.equal(status(fixed, 4), 'met', fixed);
  });
});

describe('a date still to be completed', () => {
  const meeting = (date: string, agencies: string) => BASE.replace(/meetings:\n(?:[ -].*\n)+/, `meetings:\n  - date: ${date}\n    forum: SCR subgroup\n    agencies: ${agencies}\n`);

  it('is reported once, by to-complete, and is read as no date', () => {
    const text = meeting('To be completed. Meeting date (YYYY-MM-DD).', '[csc, police]');
    const on = findings(text).filter((x) => text.slice(x.span.start, x.span.end).startsWith('To be completed. Meeting date'));
    assert.deepEqual(on.map((x) => x.rule), ['to-complete']);
    assert.equal(parseDate('To be completed. Meeting date (YYYY-MM-DD).'), undefined);
  });

  it('is not said to be no meeting: the message says the date is still to be completed', () => {
    const text = meeting('To be completed. Meeting date (YYYY-MM-DD).', '[csc]');
    const f = one(text, 'inter-agency-discussion');
    assert.doesNotMatch(f.message, /No meeting of agencies is recorded/);
    assert.match(f.message, /The meeting \(SCR subgroup\), whose date is still to be completed: only one agency is recorded as present, and no recommendation to the chair is recorded\./);
  });

  it('is said on question 5 to be still to be completed, for the referral or the decision', () => {
    const q5 = (text: string) => analyseText(text, { today }).checklist.find((c) => c.question === 5)!.summary;
    const referral = BASE.replace('  date: 2016-01-14\n', '  date: To be completed. Referral date (YYYY-MM-DD).\n');
    assert.notEqual(referral, BASE);
    assert.equal(q5(referral), 'The referral date is still to be completed, so whether the decision was made in time cannot be judged. Write it in as YYYY-MM-DD.');
    const decision = BASE.replace('  date: 2016-02-10\n', '  date: To be completed. Decision date (YYYY-MM-DD).\n');
    assert.notEqual(decision, BASE);
    assert.equal(q5(decision), 'The decision’s date is still to be completed, so whether it was made in time cannot be judged. Write it in as YYYY-MM-DD.');
  });

  it('does not show the forum still to be completed as the meeting’s name', () => {
    const text = meeting('2016-02-01', '[csc]').replace('forum: SCR subgroup', 'forum: To be completed.');
    assert.match(one(text, 'inter-agency-discussion').message, /The meeting on 1 February 2016: only one agency/);
  });
});

describe('a missing key the format needs', () => {
  it('a date is left to be completed, except the date of a request made while the case is built, which is today', () => {
    const text = BASE.replace('  - date: 2016-02-01\n    forum: SCR subgroup\n', '  - forum: SCR subgroup\n');
    assert.notEqual(text, BASE);
    const f = findings(text).find((x) => x.rule === 'schema' && /`date`/.test(x.message))!;
    assert.equal(f.fixes.length, 1);
    assert.match(f.fixes[0].edits[0].newText, /date: To be completed\. Meeting date \(YYYY-MM-DD\)\./);
    const asked = BASE.replace(/(  - board: Northshire LSCB\n      from: 2013-03-01\n)/, '$1neighbouringBoards:\n  - board: Westshire LSCB\n');
    // The decision is recorded (10 February 2016): a request today would come after it.
    const g = findings(asked).find((x) => x.rule === 'schema' && /`requested`/.test(x.message))!;
    assert.match(g.fixes[0].edits[0].newText, /requested: To be completed\. The date the request was sent \(YYYY-MM-DD\)\./);
    assert.equal(g.fixes[0].preferred, true);
    // No decision yet: the reviewer is asking now.
    const undecided = asked.replace(/\ndecision:\n(?: .*\n)+/, '\n');
    assert.notEqual(undecided, asked);
    const h = findings(undecided).find((x) => x.rule === 'schema' && /`requested`/.test(x.message))!;
    assert.match(h.fixes[0].edits[0].newText, /requested: 2016-06-01/);
  });

  it('who attended a meeting is left to be completed, not every agency declared', () => {
    const text = BASE.replace('    agencies: [csc, police, health]\n', '');
    assert.notEqual(text, BASE);
    const f = findings(text).find((x) => x.rule === 'schema' && /`agencies`/.test(x.message))!;
    assert.deepEqual(f.fixes.map((x) => x.edits[0].newText.trim()), ['agencies: To be completed. The ids of the agencies present, as a list such as [csc, police].']);
  });

  it('a section added whole makes no choice inside it: an incident’s outcome is left to be completed', () => {
    const text = BASE.replace(/  incident:\n(?:    .*\n)+/, '');
    assert.notEqual(text, BASE);
    const f = findings(text).find((x) => x.rule === 'schema' && /`incident`/.test(x.message))!;
    assert.equal(f.fixes.length, 1);
    const added = f.fixes[0].edits[0].newText;
    assert.doesNotMatch(added, /outcome: died/);
    assert.match(added, /outcome: To be completed\. Choose died, seriously-harmed or other\./);
    assert.match(added, /date: To be completed\. Incident date \(YYYY-MM-DD\)\./);
    const fixed = applyEdits(text, f.fixes[0].edits);
    const after = findings(fixed).filter((x) => x.rule !== 'to-complete');
    const lineOf = (x: Finding) => fixed.slice(0, x.span.start).split('\n').length;
    const added0 = fixed.slice(0, fixed.indexOf('  incident:')).split('\n').length;
    assert.deepEqual(after.filter((x) => lineOf(x) > added0 && lineOf(x) <= added0 + 4).map((x) => x.rule), [], 'only to-complete on the lines added');
  });

  it('where the format gives choices, each is offered and Fix all takes none', () => {
    const text = BASE.replace('  criteriaMet: true\n', '');
    assert.notEqual(text, BASE);
    const f = findings(text).find((x) => x.rule === 'schema' && /`criteriaMet`/.test(x.message))!;
    assert.deepEqual(f.fixes.map((x) => x.title), ['Add `criteriaMet: true`', 'Add `criteriaMet: false`']);
    assert.ok(f.fixes.every((x) => !x.preferred));
    const a = analyseText(text, { today });
    assert.ok(!fixAll(a.doc, a.findings).fixes.some((x) => f.fixes.includes(x)), 'Fix all does not say whether the criteria were met');
  });
});

describe('the date of a request a fix writes', () => {
  const DECIDED = BASE;
  const UNDECIDED = BASE.replace(/\ndecision:\n(?: .*\n)+/, '\n');
  const LATER = /To be completed\. The date the request was sent \(YYYY-MM-DD\)\./;
  /** Each fix that writes a request's date, on the text with the gap it fills. */
  const cases: [string, string, (t: string) => string, RegExp][] = [
    ['minimum-data-requested', 'an agency asked for nothing', (t) => t.replace('      requested: 2016-01-15\n      received: 2016-01-22\n', ''), /^Add `requested/],
    ['neighbouring-check', 'a board with no check', (t) => t.replace('      from: 2013-03-01\n', '      from: 2013-03-01\n      to: 2014-01-01\n    - board: Westshire LSCB\n      from: 2014-01-01\n'), /^Add a check/],
    ['key-agency-missing', 'no police agency', (t) => t.replace('    type: police\n', '    type: housing\n'), /^Add an agency/],
    ['unknown-agency', 'an undeclared agency at the meeting', (t) => t.replace('agencies: [csc, police, health]', 'agencies: [csc, police, health, school]'), /^Declare agency/],
  ];

  for (const [rule, what, gap, title] of cases) {
    it(`${rule} (${what}): today while the case is built, to be completed once the decision is recorded`, () => {
      const fixOf = (text: string) => {
        assert.notEqual(gap(text), text);
        const f = findings(gap(text)).find((x) => x.rule === rule && x.fixes.some((y) => title.test(y.title)))!;
        assert.ok(f, `${rule} offers its fix`);
        return f.fixes.find((y) => title.test(y.title))!.edits[0].newText;
      };
      assert.match(fixOf(UNDECIDED), /requested: 2016-06-01/);
      const after = fixOf(DECIDED);
      assert.match(after, LATER);
      assert.doesNotMatch(after, /2016-06-01/);
    });
  }

  it('counts no request still to be completed on question 2', () => {
    const text = DECIDED.replace('      requested: 2016-01-15\n      received: 2016-01-22\n', '');
    const f = one(text, 'minimum-data-requested');
    assert.equal(f.fixes[0].title, 'Add `requested`, the date the request was sent, to complete');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(analyseText(fixed, { today }).checklist.find((c) => c.question === 2)!.summary, analyseText(text, { today }).checklist.find((c) => c.question === 2)!.summary);
  });

  it('leaves it to be completed where the return was received before today, as the case is built', () => {
    const text = UNDECIDED.replace('      requested: 2016-01-15\n      received: 2016-01-22\n', '      received: 2016-01-22\n');
    const f = one(text, 'minimum-data-requested');
    assert.match(f.fixes[0].edits[0].newText, LATER);
  });
});

describe('a place still to be completed is one finding, to-complete’s, not a gap another rule reports again', () => {
  const AGENCIES = 'To be completed. The ids of the agencies present, as a list such as [csc, police].';
  const meeting = (body: string) => BASE.replace(/meetings:\n(?:[ -].*\n)+/, `meetings:\n  - date: 2016-02-01\n    forum: SCR subgroup\n${body}`);
  const rules = (text: string) => findings(text).map((x) => x.rule);

  it('inter-agency-discussion: the agencies present still to be completed (as a fix or the meeting snippet writes them) are not said to be none', () => {
    const text = meeting(`    agencies: ${AGENCIES}\n`);
    assert.notEqual(text, BASE);
    // The meeting has no recommendation: that, and only that, is this rule's to say.
    const f = one(text, 'inter-agency-discussion');
    assert.doesNotMatch(f.message, /agenc(y is|ies are) recorded as present|List under `agencies`/);
    assert.match(f.message, /The meeting on 1 February 2016 \(SCR subgroup\): no recommendation to the chair is recorded\./);
    assert.equal(f.fixes.length, 2, 'the recommendation can be recorded: an SCR or no SCR');
    assert.equal(findings(text).filter((x) => x.rule === 'to-complete' && x.subject === 'meetings.0.agencies').length, 1);
    assert.notEqual(status(text, 4), 'met');
    // Or an id in the list still to be completed.
    const listed = meeting(`    agencies:\n      - csc\n      - ${AGENCIES}\n    recommendation:\n      outcome: scr\n`);
    assert.ok(!rules(listed).includes('inter-agency-discussion'), findings(listed).map((x) => x.message).join('\n'));
    assert.ok(rules(listed).includes('to-complete'));
    assert.notEqual(status(listed, 4), 'met');
  });

  it('inter-agency-discussion: a recommendation still to be completed is not said to be missing', () => {
    for (const rec of ['    recommendation: To be completed.\n', '    recommendation:\n      outcome: To be completed. Choose scr, no-scr or more-information.\n']) {
      const text = meeting(`    agencies: [csc, police]\n${rec}`);
      assert.deepEqual(rules(text), ['to-complete'], rec);
      assert.notEqual(status(text, 4), 'met');
    }
  });

  it('neighbouring-check-outstanding: a check whose request date is still to be completed is not said to be asked and unanswered', () => {
    const text = BASE.replace('    - board: Northshire LSCB\n      from: 2013-03-01\n', '    - board: Westshire LSCB\n      from: 2012-01-01\n      to: 2013-03-01\n    - board: Northshire LSCB\n      from: 2013-03-01\n')
      .replace(/\nagencies:\n/, '\nneighbouringBoards:\n  - board: Westshire LSCB\n    requested: To be completed. The date the request was sent (YYYY-MM-DD).\nagencies:\n');
    assert.deepEqual(rules(text), ['to-complete']);
    assert.notEqual(status(text, 3), 'met');
  });

  it('neighbouring-check: a check whose board is still to be completed may be the check with the board unchecked', () => {
    const two = BASE.replace('    - board: Northshire LSCB\n      from: 2013-03-01\n', '    - board: Westshire LSCB\n      from: 2012-01-01\n      to: 2013-03-01\n    - board: Northshire LSCB\n      from: 2013-03-01\n');
    const text = two.replace(/\nagencies:\n/, '\nneighbouringBoards:\n  - board: To be completed. Name of the other LSCB.\n    requested: 2016-01-20\n    received: 2016-01-25\n    outcome: Not known to its agencies.\nagencies:\n');
    assert.deepEqual(rules(text), ['to-complete']);
    assert.notEqual(status(text, 3), 'met');
    // A second board unchecked is more than one check to be completed can be: both are named.
    const three = text.replace('    - board: Westshire LSCB\n', '    - board: Eastshire LSCB\n      from: 2011-01-01\n      to: 2012-01-01\n    - board: Westshire LSCB\n');
    assert.equal(findings(three).filter((x) => x.rule === 'neighbouring-check').length, 2);
  });

  it('criteria-evidence: a finding still to be completed is not quoted as if it were one', () => {
    const text = BASE.replace('    finding: suspected\n    evidence: Injuries inconsistent with the account given.\n', '    finding: To be completed. Choose suspected, known or not-suspected.\n');
    assert.notEqual(text, BASE);
    const f = one(text, 'criteria-evidence');
    assert.doesNotMatch(f.message, /To be completed/);
    assert.match(f.message, /the finding on whether abuse or neglect is known or suspected, still to be completed, gives no evidence/);
  });
});

describe('the case’s own board still to be completed', () => {
  const text = BASE.replace('  board: Northshire LSCB\n', '  board: To be completed. Name of your LSCB.\n');

  it('no board in the address history is taken as another board: nothing is said about neighbouring checks', () => {
    assert.notEqual(text, BASE);
    const f = findings(text);
    assert.deepEqual(f.filter((x) => x.rule === 'neighbouring-check').map((x) => x.message), []);
    assert.deepEqual(f.filter((x) => x.rule === 'to-complete' && x.subject === 'case.board').length, 1);
  });

  it('question 3 cannot be judged until it is written, and is held back by the board still to be completed', () => {
    const q3 = analyseText(text, { today }).checklist.find((c) => c.question === 3)!;
    assert.equal(q3.status, 'not-met');
    assert.doesNotMatch(q3.summary, /No check recorded with Northshire/);
    assert.match(q3.summary, /The board considering the case \(`board` under `case`\) is still to be completed/);
    assert.deepEqual(q3.findings.map((x) => `${x.rule} ${x.subject}`), ['to-complete case.board']);
    assert.match(q3.findings[0].message, /does not count towards QM2 question 3/);
    // Written, the family's own board is their own again.
    assert.equal(analyseText(BASE, { today }).checklist.find((c) => c.question === 3)!.status, 'not-applicable');
  });
});

describe('criteria-incomplete: a fix writes no finding the board has not made', () => {
  const noChildDied = (outcome: string) => BASE
    .replace('    outcome: died\n', `    outcome: ${outcome}\n`)
    .replace('  childDied:\n    finding: yes\n    evidence: Death certified on 2016-01-12.\n', '');
  // The finding on `key`: with the incident recorded as serious harm, serious harm and working together are asked for too.
  const on = (text: string, key: string) => {
    const f = findings(text).filter((x) => x.rule === 'criteria-incomplete' && x.subject === key);
    assert.equal(f.length, 1, `one criteria-incomplete finding on ${key}`);
    return f[0];
  };
  const fixesFor = (text: string, key: string) => on(text, key).fixes.filter((fx) => fx.title.startsWith(`Add \`${key}:`));

  it('the child did not die: serious harm and working together are left to be chosen, not written as unclear', () => {
    const text = noChildDied('seriously-harmed');
    const [fx] = fixesFor(text, 'childDied').filter((x) => x.title.includes('childDied: no'));
    assert.ok(fx, 'a fix for childDied: no is offered');
    assert.equal(fx.title, 'Add `childDied: no`, with `seriousHarm` and `concernsAboutWorkingTogether` to complete');
    const added = fx.edits.map((e) => e.newText).join('');
    assert.doesNotMatch(added, /finding: unclear/, added);
    assert.equal(added.match(/finding: To be completed\. Choose yes, no or unclear\./g)?.length, 2, added);
    const a = analyseText(applyEdits(text, fx.edits), { today });
    // The test cannot be worked out until the board chooses: nothing counts it as met.
    assert.equal(a.test.met, undefined);
    assert.notEqual(a.checklist.find((c) => c.question === 7)!.status, 'met');
  });
  it('another outcome: working together is left out until serious harm is chosen', () => {
    const [fx] = fixesFor(noChildDied('other'), 'childDied').filter((x) => x.title.includes('childDied: no'));
    assert.equal(fx.title, 'Add `childDied: no`, with `seriousHarm` to complete');
    assert.doesNotMatch(fx.edits.map((e) => e.newText).join(''), /concernsAboutWorkingTogether/);
  });
  it('a finding the incident rules out is not offered: only `childDied: yes` for a death', () => {
    assert.deepEqual(fixesFor(noChildDied('died'), 'childDied').map((x) => x.title), ['Add `childDied: yes`']);
  });
  it('serious harm chosen: working together is left to be chosen', () => {
    const text = noChildDied('seriously-harmed').replace('criteria:\n', 'criteria:\n  childDied:\n    finding: no\n    evidence: Discharged home.\n');
    const titles = on(text, 'seriousHarm').fixes.map((x) => x.title);
    // `seriousHarm: no` would deny the serious harm the incident records.
    assert.deepEqual(titles, ['Add `seriousHarm: yes`, with `concernsAboutWorkingTogether` to complete', 'Add `seriousHarm: unclear`, with `concernsAboutWorkingTogether` to complete']);
  });
});

describe('an agency id no agency has', () => {
  const meetingWith = (ids: string) => BASE.replace('agencies: [csc, police, health]', `agencies: [${ids}]`);
  const fixedAll = (text: string) => {
    const a = analyseText(text, { today });
    return applyEdits(text, fixAll(a.doc, a.findings).edits);
  };

  it('is never declared by Fix all: declaring an agency says one took part, which is the reviewer’s to say', () => {
    const text = meetingWith('csc, police, health, school');
    assert.notEqual(text, BASE);
    const f = findings(text).find((x) => x.rule === 'unknown-agency')!;
    assert.deepEqual(f.fixes.map((x) => [x.title, !!x.preferred]), [['Declare agency `school` under `agencies`', false]]);
    assert.match(f.message, /Use one of the declared ids, or, if this agency is missing, declare it there\./);
    const fixed = fixedAll(text);
    assert.doesNotMatch(fixed, /- id: school/);
    assert.match(fixed, /agencies: \[csc, police, health, school\]/);
  });

  for (const [what, written] of [
    ['the initials of its name', 'nch'],
    ['the initials of its name less the place', 'ch'],
    ['its name written as an id', 'northshire-community-health'],
    ['its name less the place, written as an id', 'community-health'],
  ] as const) {
    it(`is corrected to the declared agency it names by ${what} (${written}), by Fix all too`, () => {
      const text = meetingWith(`csc, police, ${written}`);
      const f = findings(text).find((x) => x.rule === 'unknown-agency')!;
      assert.match(f.message, /Did you mean `health` \(Northshire Community Health\)\?/);
      assert.deepEqual(f.fixes.map((x) => [x.title, !!x.preferred, x.correction]), [['Change to `health` (Northshire Community Health)', true, 'spelling'], [`Declare agency \`${written}\` under \`agencies\``, false, undefined]]);
      assert.equal(fixedAll(text), BASE);
    });
  }

  it('initials of an id’s words name it (`hv` for health-visiting)', () => {
    const text = meetingWith('csc, police, hv').replace('  - id: health\n', '  - id: health-visiting\n').replace(/agency: health\n/g, 'agency: health-visiting\n');
    const f = findings(text).find((x) => x.rule === 'unknown-agency')!;
    assert.equal(f.fixes[0].title, 'Change to `health-visiting` (Northshire Community Health)');
    assert.match(fixedAll(text), /agencies: \[csc, police, health-visiting\]/);
  });

  it('an agency’s name written where its id goes is changed to its id, not to an id made from the name', () => {
    const text = meetingWith('csc, police, Northshire Community Health');
    const f = findings(text).find((x) => x.rule === 'schema' && /Northshire Community Health/.test(x.message))!;
    assert.ok(f, findings(text).map((x) => x.message).join('\n'));
    assert.match(f.message, /is not written as an id\. An agency is named here by the id declared for it under `agencies`: did you mean `health` \(Northshire Community Health\)\?/);
    assert.deepEqual(f.fixes.map((x) => x.title), ['Change to `health` (Northshire Community Health)']);
    assert.equal(fixedAll(text), BASE);
  });
});
