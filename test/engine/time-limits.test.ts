import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText, type Analysis } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { hoverAt } from '../../server/src/engine/hover';
import { describeTiming, overview } from '../../server/src/engine/overview';
import { mergeSettings } from '../../server/src/engine/settings';

/** Referred Thursday 14 January 2016, decided 10 February 2016 (within a month). */
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');

function analyse(text: string, today = '2017-01-09', settings?: Record<string, string>): Analysis {
  return analyseText(text, { today: parseDate(today), settings: settings ? mergeSettings(settings) : undefined });
}
const decidedOn = (day: string) => BASE.replace('decision:\n  date: 2016-02-10', `decision:\n  date: ${day}`);
const referredOn = (day: string) => BASE.replace('referral:\n  date: 2016-01-14', `referral:\n  date: ${day}`);
const undecided = BASE.slice(0, BASE.indexOf('\ndecision:') + 1);
const message = (a: Analysis, rule: string) => a.findings.filter((f) => f.rule === rule).map((f) => f.message);
const q5 = (a: Analysis) => a.checklist.find((c) => c.question === 5)!;

/** Every place that says how late the decision is: the finding, question 5, the preview's lines and the hover. */
function lateness(a: Analysis): string[] {
  const out: string[] = [];
  for (const m of message(a, 'unexplained-delay')) out.push(/(?:and|overdue by) (.+?) past the limit|overdue by (.+?)\./.exec(m)!.slice(1).find(Boolean)!);
  out.push(/^(?:Decided|No decision yet,) (.+?) (?:after|past) the limit/.exec(q5(a).summary)![1]);
  const words = overview(a).timing.words.join(' ');
  out.push(/The decision (?:came (.+?) after the limit|is (.+?) overdue)\./.exec(words)!.slice(1).find(Boolean)!);
  out.push(/The decision (?:came (.+?) after the limit|is (.+?) overdue)\./.exec(describeTiming(a)!)!.slice(1).find(Boolean)!);
  return out;
}

describe('how late a decision is, said one way everywhere', () => {
  it('a month-long limit: in days, the same count in the finding, question 5, the preview and the hover', () => {
    // Due 14 February 2016; decided 4 March 2016 with no reason: 19 days late (29 February counts).
    const a = analyse(decidedOn('2016-03-04'));
    assert.deepEqual(lateness(a), ['19 days', '19 days', '19 days', '19 days']);
    assert.doesNotMatch(message(a, 'unexplained-delay')[0], /week/);
  });

  it('undecided and overdue: the same count in each place', () => {
    const a = analyse(undecided, '2016-03-04');
    assert.deepEqual(lateness(a), ['19 days', '19 days', '19 days', '19 days']);
    assert.match(message(a, 'unexplained-delay')[0], /the decision is overdue by 19 days\./);
  });

  it('a limit in working days: lateness in working days too, as the limit is counted', () => {
    // 20 working days from Thursday 14 January 2016 is Thursday 11 February; Monday 15 February is
    // two working days (four calendar days) later.
    const a = analyse(decidedOn('2016-02-15'), '2017-01-09', { decisionLimit: '20 working days' });
    assert.deepEqual(lateness(a), ['2 working days', '2 working days', '2 working days', '2 working days']);
    const b = analyse(undecided, '2016-02-16', { decisionLimit: '20 working days' });
    assert.deepEqual(lateness(b), ['3 working days', '3 working days', '3 working days', '3 working days']);
  });

  it('the time taken is worded alike in the finding and the preview', () => {
    const a = analyse(decidedOn('2016-03-04'));
    assert.match(message(a, 'unexplained-delay')[0], /, 36 working days \(50 calendar days\) after the referral on 14 January 2016,/);
    assert.ok(overview(a).timing.words.includes('Decided on 4 March 2016, 36 working days (50 calendar days) after the referral.'), overview(a).timing.words.join('\n'));
    assert.equal(overview(a).timing.taken, '36 working days (50 calendar days)');
  });
});

describe('a limit in working days ends with its last working day, not the calendar day', () => {
  // Referred Friday 15 January 2016: the twentieth working day is Friday 12 February.
  const friday = referredOn('2016-01-15');
  it('a decision on the Saturday after it is within the limit: no working day has passed', () => {
    const a = analyse(friday.replace('decision:\n  date: 2016-02-10', 'decision:\n  date: 2016-02-13'), '2017-01-09', { decisionLimit: '20 working days' });
    assert.deepEqual(message(a, 'unexplained-delay'), []);
    assert.equal(q5(a).status, 'not-applicable');
    assert.ok(overview(a).timing.words.includes('The decision was made within the limit.'));
  });
  it('undecided, it is overdue on the Monday, not at the weekend', () => {
    const open = referredOn('2016-01-15').slice(0, BASE.indexOf('\ndecision:') + 1);
    assert.deepEqual(message(analyse(open, '2016-02-14', { decisionLimit: '20 working days' }), 'unexplained-delay'), []);
    assert.match(message(analyse(open, '2016-02-15', { decisionLimit: '20 working days' }), 'unexplained-delay')[0], /overdue by 1 working day\./);
  });
});

describe('a clock that cannot run: no count below zero anywhere', () => {
  it('a decision dated before the referral: question 5 cannot be judged, and date-order holds it back', () => {
    const a = analyse(decidedOn('2016-01-10'));
    const item = q5(a);
    assert.equal(item.status, 'not-met');
    assert.equal(item.summary, 'The decision (10 January 2016) is dated before the referral (14 January 2016), so whether it was made in time cannot be judged. Check both dates.');
    assert.deepEqual(item.findings.map((f) => f.rule), ['date-order']);
    const words = overview(a).timing.words.join(' ');
    assert.doesNotMatch(words, /-\d/);
    assert.match(words, /Decided on 10 January 2016, before the referral: one of the two dates is wrong/);
    assert.equal(overview(a).timing.calendarDays, undefined);
  });

  it('a referral dated after today: question 5 cannot be judged, and date-order says which date', () => {
    const a = analyse(referredOn('2061-01-14').slice(0, referredOn('2061-01-14').indexOf('\ndecision:') + 1), '2016-02-20');
    assert.deepEqual(message(a, 'date-order'), ['The referral is dated 14 January 2061, after today (20 February 2016). A record holds only what has already happened: check the date.']);
    const item = q5(a);
    assert.equal(item.status, 'not-met');
    assert.deepEqual(item.findings.map((f) => f.rule), ['date-order']);
    const words = describeTiming(a)!;
    assert.doesNotMatch(words, /-\d/);
    assert.match(words, /Not decided yet\. The referral is dated after today \(20 February 2016\), so no time can be counted yet\./);
  });

  it('a decision recorded without a date says so, not “Decided on .”', () => {
    const a = analyse(BASE.replace('decision:\n  date: 2016-02-10\n', 'decision:\n'));
    assert.deepEqual(overview(a).timing.words.slice(1), ['Decided, but the decision’s date is not recorded as a date, so whether it was made in time cannot be judged.']);
  });
});

describe('the hover on the referral and decision dates says what the preview lists', () => {
  it('the same sentences, joined', () => {
    const text = decidedOn('2016-03-04');
    const a = analyse(text);
    const at = text.indexOf('2016-03-04') + 2;
    const h = hoverAt(a, at)!;
    assert.equal(h.markdown, `**4 March 2016**\n\n${overview(a).timing.words.join(' ')}`);
  });
});
