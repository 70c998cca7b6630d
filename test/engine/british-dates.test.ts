import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/actions';
import { analyseText } from '../../server/src/engine/analyse';
import { britishDate, formatIso, parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');

/** BASE with the meeting's date written as `written`. */
const meetingOn = (written: string) => {
  const text = BASE.replace('  - date: 2016-02-01\n', `  - date: ${written}\n`);
  assert.notEqual(text, BASE);
  return text;
};
const dateFinding = (text: string) => {
  const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'invalid-date');
  assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
  return found[0];
};

describe('a date written the British way', () => {
  for (const written of ['10/05/2016', '10.05.2016', '10-05-2016', '10 May 2016', '10th May 2016', '10 may 2016', '"10/05/2016"']) {
    it(`${written}: the invalid-date finding offers “Change to 2016-05-10 (10 May 2016)” first, which clears it`, () => {
      const text = meetingOn(written);
      const f = dateFinding(text);
      // Written in figures, 10/05 could also be 5 October: that reading is offered second.
      assert.deepEqual(f.fixes.map((x) => x.title), ['Change to 2016-05-10 (10 May 2016)', ...(/May/i.test(written) ? [] : ['Change to 2016-10-05 (5 October 2016)'])]);
      const fixed = applyEdits(text, f.fixes[0].edits);
      assert.match(fixed, /\n {2}- date: 2016-05-10\n/);
      assert.deepEqual(analyseText(fixed, { today }).findings.filter((x) => x.rule === 'invalid-date'), []);
    });
  }

  it('keeps a comment after the date', () => {
    const text = meetingOn('1st Sept 2016 # from the minutes');
    const fixed = applyEdits(text, dateFinding(text).fixes[0].edits);
    assert.match(fixed, /\n {2}- date: 2016-09-01 # from the minutes\n/);
  });

  it('offers no fix where the text names no real day, or leaves it in doubt', () => {
    for (const written of ['31/02/2016', '29/02/2015', '10/13/2016', '10/05/016', '10 Mayo 2016', '10st May 2016', 'May 2016', '10 May']) {
      assert.equal(britishDate(written), undefined, written);
      assert.deepEqual(dateFinding(meetingOn(written)).fixes, [], written);
    }
    assert.equal(formatIso(britishDate('29/02/2016')!.day), '2016-02-29');
  });

  it('Fix all takes it only where it cannot be read month first', () => {
    const certain = meetingOn('13/05/2016');
    const a = analyseText(certain, { today });
    assert.match(applyEdits(certain, fixAll(a.doc, a.findings).edits), /\n {2}- date: 2016-05-13\n/);
    for (const written of ['10 May 2016', '10/10/2016']) {
      const t = meetingOn(written);
      const b = analyseText(t, { today });
      assert.ok(dateFinding(t).fixes[0].preferred, written);
      assert.ok(fixAll(b.doc, b.findings).fixes.some((x) => x.title.startsWith('Change to 2016-')), written);
    }
    // 05/10/2016: 5 October in the UK, but 10 May read month first. Both offered, neither taken for the reviewer.
    const either = meetingOn('05/10/2016');
    const f = dateFinding(either);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred, x.correction]), [['Change to 2016-10-05 (5 October 2016)', false, undefined], ['Change to 2016-05-10 (10 May 2016)', false, undefined]]);
    const c = analyseText(either, { today });
    assert.ok(!fixAll(c.doc, c.findings).fixes.some((x) => f.fixes.includes(x)));
    assert.ok(!fixAll(c.doc, c.findings, { correctionsOnly: true }).fixes.some((x) => f.fixes.includes(x)));
  });

  it('where it could be read two ways, the message says so and names both days', () => {
    const f = dateFinding(meetingOn('3/6/2016'));
    assert.equal(f.message, '“3/6/2016” could be read two ways: 3 June 2016 (day first, as in the UK) or 6 March 2016 (month first). Dates are written year-month-day (YYYY-MM-DD): check the record and write 2016-06-03 or 2016-03-06, whichever it means.');
    assert.deepEqual(f.fixes.map((x) => x.title), ['Change to 2016-06-03 (3 June 2016)', 'Change to 2016-03-06 (6 March 2016)']);
    assert.equal(formatIso(britishDate('3/6/2016')!.monthFirst!), '2016-03-06');
    // Read only one way: the usual message, one fix.
    for (const [written, day] of [['13/05/2016', '2016-05-13'], ['06/06/2016', '2016-06-06'], ['3 June 2016', '2016-06-03']]) {
      const g = dateFinding(meetingOn(written));
      assert.doesNotMatch(g.message, /two ways/, written);
      assert.deepEqual(g.fixes.map((x) => x.edits[0].newText), [day], written);
      assert.equal(britishDate(written)!.monthFirst, undefined, written);
    }
  });
});

describe('a date written the British way with a two-digit year', () => {
  it('14/01/16 is read as 14 January 2016: the fix is a correction, taken by Fix all and on save', () => {
    for (const [written, iso] of [['14/01/16', '2016-01-14'], ['14.1.16', '2016-01-14'], ['14 Jan 16', '2016-01-14'], ['13/05/16', '2016-05-13'], ['03/03/16', '2016-03-03']]) {
      const text = meetingOn(written);
      const f = dateFinding(text);
      assert.deepEqual(f.fixes.map((x) => [x.edits[0].newText, x.preferred, x.correction]), [[iso, true, 'date']], written);
      assert.doesNotMatch(f.message, /two ways|read as 19/, written);
      const a = analyseText(text, { today });
      const fixed = applyEdits(text, fixAll(a.doc, a.findings, { correctionsOnly: true }).edits);
      assert.match(fixed, new RegExp(`\\n {2}- date: ${iso}\\n`), written);
      assert.deepEqual(analyseText(fixed, { today }).findings.filter((x) => x.rule === 'invalid-date'), [], written);
    }
  });

  it('where 20xx would be a day still to come in this year or next, reads 20xx all the same: no date in the record is a hundred years old', () => {
    // Today is 1 June 2016: 14/01/17 is 14 January 2017 (a meeting booked, or a slip), never 1917.
    for (const [written, iso] of [['14/01/17', '2017-01-14'], ['13/06/16', '2016-06-13'], ['31/12/17', '2017-12-31']]) {
      const f = dateFinding(meetingOn(written));
      assert.deepEqual(f.fixes.map((x) => [x.edits[0].newText, x.preferred, x.correction]), [[iso, true, 'date']], written);
      assert.doesNotMatch(f.message, /read as 19/, written);
    }
    assert.equal(formatIso(britishDate('01/06/16', today)!.day), '2016-06-01');
  });

  it('where 20xx would be in a year after next, reads 19xx, says so, and leaves the choice to the reviewer', () => {
    // Today is 1 June 2016: 2098 has not come yet, so 14/01/98 is read as 1998 (an address the family left).
    const text = meetingOn('14/01/98 # from the minutes');
    const f = dateFinding(text);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred, x.correction]), [['Change to 1998-01-14 (14 January 1998)', false, undefined]]);
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.match(fixed, /\n {2}- date: 1998-01-14 # from the minutes\n/);
    assert.deepEqual(analyseText(fixed, { today }).findings.filter((x) => x.rule === 'invalid-date'), []);
    const a = analyseText(text, { today });
    assert.match(applyEdits(text, fixAll(a.doc, a.findings).edits), /\n {2}- date: 14\/01\/98 # from the minutes\n/, 'Fix all leaves it');
    assert.match(f.message, /The year “98” is read as 1998, as 2098 is still to come: check the record\.$/);
    // The year decides: 18 is the year after next (1918), 17 next year (2017).
    assert.equal(formatIso(britishDate('01/01/18', today)!.day), '1918-01-01');
    assert.equal(formatIso(britishDate('31/12/99', today)!.day), '1999-12-31');
    // 29 February 2000 was a day; 29 February 1900 was not.
    assert.equal(formatIso(britishDate('29/02/00', today)!.day), '2000-02-29');
    assert.equal(britishDate('29/02/00', parseDate('1997-01-01')), undefined);
  });

  it('where day and month could be read both ways, offers both days, each year read on its own, and Fix all takes neither', () => {
    const either = meetingOn('05/04/16');
    const f = dateFinding(either);
    assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred, x.correction]), [['Change to 2016-04-05 (5 April 2016)', false, undefined], ['Change to 2016-05-04 (4 May 2016)', false, undefined]]);
    assert.match(f.message, /^“05\/04\/16” could be read two ways: 5 April 2016 \(day first, as in the UK\) or 4 May 2016 \(month first\)\./);
    const c = analyseText(either, { today });
    assert.match(applyEdits(either, fixAll(c.doc, c.findings).edits), /\n {2}- date: 05\/04\/16\n/, 'Fix all leaves it');
    // 05/10/16 on 1 June 2016: 5 October 2016 is still to come, but this year: 2016 either way.
    const g = dateFinding(meetingOn('05/10/16'));
    assert.deepEqual(g.fixes.map((x) => x.edits[0].newText), ['2016-10-05', '2016-05-10']);
    assert.doesNotMatch(g.message, /read as 19/);
    const h = dateFinding(meetingOn('05/10/98'));
    assert.deepEqual(h.fixes.map((x) => x.edits[0].newText), ['1998-10-05', '1998-05-10']);
    assert.match(h.message, /The year “98” is read as 1998, as 2098 is still to come: check the record\.$/);
  });

  it('is not read without a day to compare with, nor with three digits', () => {
    assert.equal(britishDate('14/01/16'), undefined);
    assert.equal(britishDate('14/01/016', today), undefined);
    assert.equal(britishDate('31/02/16', today), undefined);
  });
});

