// Messages are read by safeguarding professionals, not programmers: a place in the file is named
// as its reader would name it (the agency, the meeting, "the second agency"), never by a path or
// a position counted from 0, and nothing asks for a "key" or "null".
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { caseFilesUnder } from '../helpers/fixtures';
import { analyse, SAMPLE } from './sample-case';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';

const ROOT = join(__dirname, '..', '..');
const messagesOf = (text: string, rule: string) => analyse(text).findings.filter((f) => f.rule === rule).map((f) => f.message);
/** A path (`agencies[1].minimumData`, `case.child`), a count from 0 or a programmer's word. */
const JARGON = /`[A-Za-z]+(?:\.[A-Za-z]+|\[\d+\])+`|\[\d+\]|\bnull\b|\benum\b|\bschema\b|\bboolean\b|\bpropert(?:y|ies)\b|\bJSON\b|\bstring\b|\bobject\b|`[A-Za-z]+` key\b|keys under it|remove the key/;

describe('where a format finding is, in words', () => {
  it('names the agency whose minimum data return holds a misspelt key, not its place in the list', () => {
    const text = SAMPLE.replace('      requested: 2016-01-15\nmeetings', '      requested: 2016-01-15\n      recieved: 2016-01-20\nmeetings');
    assert.notEqual(text, SAMPLE);
    const [m] = messagesOf(text, 'schema');
    assert.equal(m, '`recieved` is not a key the case file format knows in the “Minimum data return” section (`minimumData`) of agency “Testshire Police”. Did you mean `received`?');
    assert.doesNotMatch(m, JARGON);
  });

  it('names a criterion by its title', () => {
    const text = SAMPLE.replace('    evidence: Death certified 2016-01-12.\n', '    evidence: Death certified 2016-01-12.\n  seriousHarm:\n    evidence: Injuries recorded by the hospital.\n');
    const [m] = messagesOf(text, 'schema');
    assert.equal(m, '“Finding” (`finding`) is missing from the “Child seriously harmed” section (`seriousHarm`, under `criteria`). Add it.');
  });

  it('names a section by its title and the section it is under, not by a dotted path', () => {
    const [m] = messagesOf(SAMPLE.replace('    pseudonym: Child S', '    pseudonym: Child S\n    nickname: S'), 'schema');
    assert.match(m, /^`nickname` is not a key the case file format knows in the “Child” section \(`child`, under `case`\)\./);
    assert.doesNotMatch(m, JARGON);
  });

  it('counts an entry with nothing to name it by as people count: the second, not [1]', () => {
    const text = SAMPLE.replace('  - id: police\n    name: Testshire Police\n', '  - type: police\n    name: ""\n').replace('    type: police\n    involvement', '    involvement');
    const ms = messagesOf(text, 'schema');
    assert.ok(ms.some((m) => m.startsWith('“Agency id” (`id`) is missing from the second agency under `agencies`.')), ms.join('\n'));
    for (const m of ms) assert.doesNotMatch(m, JARGON);
  });

  it('describes a section written as one value by what goes in it', () => {
    const [m] = messagesOf(SAMPLE.replace('  rationale: Criteria met.\n', '  rationale: Criteria met.\n  nature: systems\n'), 'schema');
    assert.equal(m, 'Nature of the review should be a section, with its parts (such as `methodology:`) on the lines below it, indented, but it is “systems”.');
  });
});

describe('a missing notification to Ofsted, and why one is due', () => {
  // SAMPLE records no notification: the child died and abuse or neglect is suspected.
  const abuse = '  abuseOrNeglect:\n    finding: suspected\n    evidence: Injuries not consistent with the account given.\n';
  const notSuspected = '  abuseOrNeglect:\n    finding: not-suspected\n    evidence: A heart condition found at post-mortem.\n';

  it('says abuse or neglect is suspected, where it is', () => {
    const [m] = messagesOf(SAMPLE, 'notification-timeliness');
    assert.match(m, /^No notification to Ofsted is recorded, although the child died and abuse or neglect is suspected\. /);
  });

  it('names the day the notification was due, counted from the incident (Sunday 10 January 2016)', () => {
    const [m] = messagesOf(SAMPLE, 'notification-timeliness');
    assert.match(m, / within 5 working days of learning of it\. For this incident, that was by 15 January 2016\. Add the notification /);
    const [soon] = analyseText(SAMPLE, { today: parseDate('2016-01-12') }).findings.filter((f) => f.rule === 'notification-timeliness').map((f) => f.message);
    assert.match(soon, / For this incident, that is by 15 January 2016\. /);
  });

  it('says the finding on abuse or neglect is still to be recorded, where it is not written', () => {
    assert.ok(SAMPLE.includes(abuse));
    const [m] = messagesOf(SAMPLE.replace(abuse, ''), 'notification-timeliness');
    assert.match(m, /^No notification to Ofsted is recorded, although the child died\. A notification is due where abuse or neglect is known or suspected, and the record does not yet say whether it is\. /);
  });

  it('asks for none where abuse or neglect is not suspected (a death from natural causes)', () => {
    assert.deepEqual(messagesOf(SAMPLE.replace(abuse, notSuspected), 'notification-timeliness'), []);
  });

  it('still asks for one after a death in custody, whatever the finding on abuse or neglect', () => {
    const text = SAMPLE.replace(abuse, notSuspected).replace('    outcome: died\n', '    outcome: died\n    setting: custody\n');
    const [m] = messagesOf(text, 'notification-timeliness');
    assert.match(m, /^No notification to Ofsted is recorded, although the child died in custody\. The death of a child who is looked after, or in a regulated setting, is notified even where abuse or neglect is not suspected\. /);
    assert.doesNotMatch(m, JARGON);
  });
});

describe('a decision not recorded as passed on, and why each body is asked for', () => {
  const scrTold = '  rationale: Criteria met.\n';
  const noScr = (told: string) => SAMPLE.replace('  outcome: scr\n  criteriaMet: true\n  rationale: Criteria met.\n', `  outcome: no-scr\n  criteriaMet: true\n  rationale: Criteria met.\n${told}`);

  it('a decision not to hold an SCR told only to the Panel: Ofsted, because Ofsted asks to see every decision, not because the guidance has it told', () => {
    const text = noScr('  communicated:\n    - to: national-panel\n      date: 2016-02-21\n');
    assert.notEqual(text, SAMPLE);
    const [m] = messagesOf(text, 'decision-communicated');
    assert.equal(m, 'The decision is not recorded as passed to Ofsted. Ofsted asks boards to show a decision for every incident notified to it, including a decision not to hold an SCR. Add a `communicated` entry for it, with the date it was told.');
  });

  it('an SCR told to no one: the Panel of every decision, Ofsted where an SCR is started', () => {
    assert.ok(SAMPLE.includes(scrTold));
    const [m] = messagesOf(SAMPLE, 'decision-communicated');
    assert.equal(m, 'The decision is not recorded as passed to the National Panel or Ofsted. The guidance gives that where an SCR is started, the chair tells the National Panel and Ofsted. Add a `communicated` entry for each, with the date they were told.');
  });

  it('a decision not to hold an SCR told only to Ofsted: the Panel, within 14 days, and the day they ended', () => {
    // Decided 20 February 2016; today is 1 June 2016.
    const [m] = messagesOf(noScr('  communicated:\n    - to: ofsted\n      date: 2016-02-21\n'), 'decision-communicated');
    assert.equal(m, 'The decision is not recorded as passed to the National Panel. The guidance gives that the chair tells the National Panel of every decision: of a decision not to hold an SCR, within 14 days, with the serious incident notification and an explanation. For this decision, that was by 5 March 2016. Add a `communicated` entry for it, with the date it was told.');
  });

  it('a decision not to hold an SCR, the 14 days still running: the day they end', () => {
    const text = noScr('  communicated:\n    - to: ofsted\n      date: 2016-02-21\n');
    const [m] = analyseText(text, { today: parseDate('2016-02-22') }).findings.filter((f) => f.rule === 'decision-communicated').map((f) => f.message);
    assert.match(m, / For this decision, that is by 5 March 2016\. /);
  });

  it('a decision not to hold an SCR told to the Panel late: the day it was due', () => {
    const [m] = messagesOf(noScr('  communicated:\n    - to: ofsted\n      date: 2016-02-21\n    - to: national-panel\n      date: 2016-03-06\n'), 'decision-communicated');
    assert.match(m, /^The National Panel was told of this decision not to hold an SCR on 6 March 2016, 15 days after the decision on 20 February 2016\. The guidance gives 14 days: by 5 March 2016\. /);
    assert.deepEqual(messagesOf(noScr('  communicated:\n    - to: ofsted\n      date: 2016-02-21\n    - to: national-panel\n      date: 2016-03-05\n'), 'decision-communicated'), []);
  });
});

describe('no independent challenge recorded', () => {
  // SAMPLE records no challenge; its decision is to hold an SCR.
  const MOST = /it matters most for decisions not to hold a review/;

  it('does not tell a decision to hold an SCR that challenge matters most for decisions not to hold one', () => {
    assert.ok(SAMPLE.includes('  outcome: scr\n'));
    const [m] = messagesOf(SAMPLE, 'independent-challenge');
    assert.equal(m, 'No independent challenge to this decision is recorded. A view from outside the board, such as a discussion with another LSCB’s chair, tests the board’s reasoning. Record any challenge that took place under `challenge`: its type, who gave it (by role), the date and what came of it.');
  });

  it('says it to a decision not to hold an SCR', () => {
    const [m] = messagesOf(SAMPLE.replace('  outcome: scr\n', '  outcome: no-scr\n'), 'independent-challenge');
    assert.match(m, MOST);
  });
});

describe('what to write where something was late', () => {
  it('asks for a note on a late notification to Ofsted in plain words', () => {
    const text = SAMPLE.replace('  from: Head of Service', '  notifications:\n    - to: ofsted\n      date: 2016-01-29\n  from: Head of Service');
    const [m] = messagesOf(text, 'notification-timeliness');
    assert.match(m, /say on this notification why it was late \(in its `notes`\), and waive this finding with that reason\.$/);
    assert.doesNotMatch(m, JARGON);
  });

  it('asks for a note on the Panel told late of a decision not to hold an SCR in plain words', () => {
    const text = SAMPLE.replace('  outcome: scr\n  criteriaMet: true\n  rationale: Criteria met.\n', '  outcome: no-scr\n  criteriaMet: true\n  rationale: Criteria met.\n  communicated:\n    - to: national-panel\n      date: 2016-03-30\n    - to: ofsted\n      date: 2016-02-21\n');
    const [m] = messagesOf(text, 'decision-communicated');
    assert.match(m, /say on this entry why the Panel was told late \(in its `notes`\), and waive this finding with that reason\.$/);
    assert.doesNotMatch(m, JARGON);
  });
});

describe('every message, fix and related place in the fixtures and examples', () => {
  it('is free of paths, counts from 0 and programmers’ words', () => {
    const files = caseFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples'));
    assert.ok(files.length > 50);
    const bad: string[] = [];
    for (const file of files) {
      const a = analyse(readFileSync(file, 'utf8'));
      const texts = [...a.findings.flatMap((f) => [f.message, ...f.related.map((r) => r.message), ...f.fixes.map((x) => x.title)]), ...a.checklist.map((c) => c.summary)];
      for (const t of texts) if (JARGON.test(t)) bad.push(`${file.slice(ROOT.length + 1)}: ${t}`);
    }
    assert.deepEqual(bad, []);
  });
});

describe('what quick fixes write into a case file', () => {
  it('never writes null: a date not yet known is left out', () => {
    const files = caseFilesUnder(join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples'));
    const bad: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const f of analyse(readFileSync(file, 'utf8')).findings) {
        for (const x of f.fixes) for (const e of x.edits) {
          seen++;
          if (/\bnull\b|:\s*~\s*$/m.test(e.newText)) bad.push(`${file.slice(ROOT.length + 1)}: ${f.rule}, “${x.title}”: ${e.newText}`);
        }
      }
    }
    assert.ok(seen > 100, `${seen} edits`);
    assert.deepEqual(bad, []);
  });

  it('adds an address history whose one address has no end date, so reads as where the family lives now', () => {
    const text = SAMPLE.replace(/family:\n {2}addresses:\n(?: {4}.*\n)+/, '');
    assert.doesNotMatch(text, /addresses:/);
    const f = analyse(text).findings.find((x) => x.rule === 'address-history')!;
    const added = f.fixes[0].edits.map((e) => e.newText).join('');
    assert.doesNotMatch(added, /\bto:/);
    assert.match(added, /- board: Testshire LSCB\n/);
  });
});

describe('the chair’s considerations, in words', () => {
  it('names the earlier learning as a review’s, not with an “it” that has nothing to stand for', () => {
    const full = readFileSync(join(ROOT, 'examples', 'complete-record.scr.yaml'), 'utf8');
    const text = full.replace(/ {2}previousLearning: >\n(?: {4}.*\n)+/, '');
    assert.notEqual(text, full);
    const [m] = messagesOf(text, 'considerations-weighed');
    assert.equal(m, 'The record does not show that the chair weighed how a review relates to earlier learning. Add a short note on it (`previousLearning`), even where it carried little weight: a consideration left out looks as if it was not weighed.');
  });
});
