import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  addMonths, addWorkingDays, dateProblem, deadline, describeElapsed, describeLimit, elapsed, formatIso, formatLong, isWorkingDay,
  parseDate, parseLimit, workingDaysBetween, type Limit,
} from '../../server/src/engine/dates';
import { BANK_HOLIDAY_DATES } from '../../server/src/engine/holidays';
import { grouped, plural } from '../../server/src/engine/text';

/** A day number from `YYYY-MM-DD`, failing the test if the text is not a real date. */
function day(iso: string): number {
  const d = parseDate(iso);
  assert.ok(d !== undefined, `${iso} is a date`);
  return d;
}

const between = (from: string, to: string) => workingDaysBetween(day(from), day(to));

/**
 * England and Wales bank holidays that calendar libraries get wrong, from our domain notes: the
 * one-off and moved holidays. Each `from`–`to` pair spans the holiday with one ordinary working
 * day after it, so the count is the working days in between that are not holidays.
 */
describe('working days leave out England and Wales bank holidays', () => {
  const cases: { name: string; holidays: string[]; from: string; to: string; expected: number }[] = [
    { name: 'Easter 2016 (Good Friday 25 March, Easter Monday 28 March)', holidays: ['2016-03-25', '2016-03-28'], from: '2016-03-24', to: '2016-03-29', expected: 1 },
    { name: 'Golden Jubilee: spring holiday moved to 4 June 2002, and 3 June a holiday too', holidays: ['2002-06-03', '2002-06-04'], from: '2002-05-31', to: '2002-06-05', expected: 1 },
    { name: 'no spring holiday on 27 May 2002 (it moved)', holidays: [], from: '2002-05-24', to: '2002-05-28', expected: 2 },
    { name: 'royal wedding, 29 April 2011 (and the early May holiday, 2 May)', holidays: ['2011-04-29', '2011-05-02'], from: '2011-04-28', to: '2011-05-03', expected: 1 },
    { name: 'spring holiday moved to 4 June 2012, Diamond Jubilee 5 June 2012', holidays: ['2012-06-04', '2012-06-05'], from: '2012-06-01', to: '2012-06-06', expected: 1 },
    { name: 'early May holiday moved to 8 May 2020 for VE Day', holidays: ['2020-05-08'], from: '2020-05-07', to: '2020-05-11', expected: 1 },
    { name: 'spring holiday moved to 2 June 2022, Platinum Jubilee 3 June 2022', holidays: ['2022-06-02', '2022-06-03'], from: '2022-06-01', to: '2022-06-06', expected: 1 },
    { name: 'state funeral, 19 September 2022', holidays: ['2022-09-19'], from: '2022-09-16', to: '2022-09-20', expected: 1 },
    { name: 'coronation, 8 May 2023', holidays: ['2023-05-08'], from: '2023-05-05', to: '2023-05-09', expected: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      for (const h of c.holidays) assert.equal(isWorkingDay(day(h)), false, `${h} is a bank holiday`);
      assert.equal(between(c.from, c.to), c.expected);
    });
  }

  it('28 May 2012 was a working day: that year the spring holiday moved to 4 June', () => {
    assert.equal(isWorkingDay(day('2012-05-28')), true);
    assert.equal(between('2012-05-25', '2012-05-29'), 2);
  });

  it('4 May 2020 was a working day: that year the early May holiday moved to 8 May', () => {
    assert.equal(isWorkingDay(day('2020-05-04')), true);
    assert.equal(between('2020-05-01', '2020-05-05'), 2);
  });

  it('30 May 2022 was a working day: that year the spring holiday moved to 2 June', () => {
    assert.equal(isWorkingDay(day('2022-05-30')), true);
  });

  it('weekends are not working days', () => {
    assert.equal(isWorkingDay(day('2016-01-16')), false); // Saturday
    assert.equal(isWorkingDay(day('2016-01-17')), false); // Sunday
    assert.equal(isWorkingDay(day('2016-01-18')), true); // Monday
  });

  it('finds the weekend on every day, before 1970 as after it', () => {
    // The calendar's own weekday, against the checker's, over 1965 to 2075.
    for (let d = day('1965-01-01'); d <= day('2075-12-31'); d++) {
      const weekday = new Date(d * 86_400_000).getUTCDay();
      if (weekday === 0 || weekday === 6) assert.equal(isWorkingDay(d), false, formatIso(d));
    }
    assert.equal(isWorkingDay(day('1969-12-27')), false); // Saturday
    assert.equal(isWorkingDay(day('1969-12-29')), true); // Monday
    // Outside the years the holiday list covers, only weekends are left out.
    assert.equal(isWorkingDay(day('2075-12-25')), true); // a Wednesday
  });

  it('leaves out every bank holiday on the list, and no other weekday', () => {
    const holidays = new Set(BANK_HOLIDAY_DATES);
    assert.ok(holidays.size > 400, 'the list covers the years case files use');
    for (let d = day('2000-01-01'); d <= day('2060-12-31'); d++) {
      const weekday = new Date(d * 86_400_000).getUTCDay();
      if (weekday !== 0 && weekday !== 6) assert.equal(isWorkingDay(d), !holidays.has(formatIso(d)), formatIso(d));
    }
  });

  it('counts from the day after the start up to and including the end', () => {
    assert.equal(between('2016-01-14', '2016-01-14'), 0);
    assert.equal(between('2016-01-14', '2016-01-15'), 1);
    assert.equal(between('2016-01-15', '2016-01-18'), 1); // Friday to Monday
    assert.equal(between('2016-01-18', '2016-01-14'), 0); // backwards
    assert.equal(between('2016-01-14', '2016-02-11'), 20);
  });

  it('counts as stepping day by day would, over any span, holidays and weekends at either end', () => {
    const stepped = (from: number, to: number) => {
      let n = 0;
      for (let d = from + 1; d <= to; d++) if (isWorkingDay(d)) n++;
      return n;
    };
    // Every start in a fortnight around Christmas 2016 and Easter 2016, to every end up to 400 days on.
    for (const around of ['2016-12-20', '2016-03-20', '1999-12-25', '2060-12-20']) {
      for (let from = day(around) - 7; from <= day(around) + 7; from++) {
        for (let to = from - 3; to <= from + 400; to += 1) assert.equal(workingDaysBetween(from, to), stepped(from, to), `${formatIso(from)} to ${formatIso(to)}`);
      }
    }
    // Across the whole list of holidays, and from before it to after it.
    assert.equal(workingDaysBetween(day('1990-01-01'), day('2070-01-01')), stepped(day('1990-01-01'), day('2070-01-01')));
  });

  it('counts across thousands of years, as a year mistyped as 0016 asks', () => {
    // Counted on every keystroke, by arithmetic rather than day by day (stepping through two
    // thousand years took about 40 ms each time). No timing here: the benchmark measures speed.
    assert.equal(workingDaysBetween(day('0016-01-14'), day('0016-01-21')), 5);
    assert.equal(workingDaysBetween(day('0001-01-01'), day('9999-12-31')), 2_608_120);
  });

  it('the nth working day after a day skips holidays (Easter 2016)', () => {
    assert.equal(formatIso(addWorkingDays(day('2016-03-18'), 10)), '2016-04-05');
    assert.equal(formatIso(addWorkingDays(day('2016-03-24'), 1)), '2016-03-29');
  });
});

describe('addMonths', () => {
  const add = (iso: string, n: number) => formatIso(addMonths(day(iso), n));
  it('keeps the day of the month where it exists', () => {
    assert.equal(add('2016-01-14', 1), '2016-02-14');
    assert.equal(add('2016-01-29', 1), '2016-02-29');
  });
  it('uses the last day of a shorter month: 31 January to 28 or 29 February, 31 March to 30 April', () => {
    assert.equal(add('2016-01-31', 1), '2016-02-29'); // leap year
    assert.equal(add('2015-01-31', 1), '2015-02-28');
    assert.equal(add('2016-01-30', 1), '2016-02-29');
    assert.equal(add('2016-03-31', 1), '2016-04-30');
    assert.equal(add('2016-08-31', 1), '2016-09-30');
  });
  it('crosses from December into January of the next year', () => {
    assert.equal(add('2016-12-14', 1), '2017-01-14');
    assert.equal(add('2016-12-31', 1), '2017-01-31');
    assert.equal(add('2016-11-30', 3), '2017-02-28');
  });
  it('adds several months and whole years', () => {
    assert.equal(add('2016-01-31', 3), '2016-04-30');
    assert.equal(add('2016-02-29', 12), '2017-02-28');
  });
});

describe('deadline', () => {
  const start = '2016-01-14'; // a Thursday
  const due = (limit: Limit) => formatIso(deadline(day(start), limit));
  it('days: calendar days', () => assert.equal(due({ amount: 30, unit: 'days' }), '2016-02-13'));
  it('weeks: seven calendar days each', () => assert.equal(due({ amount: 4, unit: 'weeks' }), '2016-02-11'));
  it('working days: weekends and bank holidays left out', () => {
    assert.equal(due({ amount: 20, unit: 'working-days' }), '2016-02-11');
    assert.equal(due({ amount: 5, unit: 'working-days' }), '2016-01-21');
    assert.equal(formatIso(deadline(day('2022-05-27'), { amount: 10, unit: 'working-days' })), '2022-06-14');
    assert.equal(formatIso(deadline(day('2023-05-02'), { amount: 10, unit: 'working-days' })), '2023-05-17');
  });
  it('months: calendar months, clamped to the end of a shorter month', () => {
    assert.equal(due({ amount: 1, unit: 'months' }), '2016-02-14');
    assert.equal(formatIso(deadline(day('2016-01-31'), { amount: 1, unit: 'months' })), '2016-02-29');
  });
});

describe('parseLimit and describeLimit', () => {
  it('reads the four kinds of limit, with spaces around the number', () => {
    assert.deepEqual(parseLimit('1 month'), { amount: 1, unit: 'months' });
    assert.deepEqual(parseLimit('2 months'), { amount: 2, unit: 'months' });
    assert.deepEqual(parseLimit('20 working days'), { amount: 20, unit: 'working-days' });
    assert.deepEqual(parseLimit('1 working day'), { amount: 1, unit: 'working-days' });
    assert.deepEqual(parseLimit('  10   working days '), { amount: 10, unit: 'working-days' });
    assert.deepEqual(parseLimit('4 weeks'), { amount: 4, unit: 'weeks' });
    assert.deepEqual(parseLimit('1 week'), { amount: 1, unit: 'weeks' });
    assert.deepEqual(parseLimit('30 days'), { amount: 30, unit: 'days' });
  });
  it('reads only what the settings format accepts: lower case, one space inside “working days”', () => {
    for (const other of ['1 DAY', '10 Working Days', '10 working   days']) assert.equal(parseLimit(other), undefined, other);
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'month', '1 fortnight', '1.5 months', '-1 days', 'one month', '1 month and 2 days', '12345 days']) {
      assert.equal(parseLimit(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(parseLimit(30), undefined);
    assert.equal(parseLimit(undefined), undefined);
    assert.equal(parseLimit(null), undefined);
  });
  it('describes a limit in words, singular or plural', () => {
    assert.equal(describeLimit({ amount: 1, unit: 'months' }), '1 month');
    assert.equal(describeLimit({ amount: 2, unit: 'months' }), '2 months');
    assert.equal(describeLimit({ amount: 1, unit: 'working-days' }), '1 working day');
    assert.equal(describeLimit({ amount: 10, unit: 'working-days' }), '10 working days');
    assert.equal(describeLimit({ amount: 4, unit: 'weeks' }), '4 weeks');
    assert.equal(describeLimit({ amount: 1, unit: 'days' }), '1 day');
  });
  it('reads back what it describes', () => {
    for (const text of ['1 month', '3 months', '1 working day', '15 working days', '1 week', '6 weeks', '1 day', '28 days', '1000 days']) {
      assert.equal(describeLimit(parseLimit(text)!), text);
    }
  });
});

describe('counts in messages', () => {
  it('write thousands with commas, as British house styles do', () => {
    assert.deepEqual([0, 999, 1000, 3662, 1234567].map(grouped), ['0', '999', '1,000', '3,662', '1,234,567']);
    assert.equal(plural(1, 'day'), '1 day');
    assert.equal(plural(3662, 'day'), '3,662 days');
  });
  it('a decision ten years overdue reads “2,532 working days (3,661 calendar days)”', () => {
    assert.equal(describeElapsed(elapsed(day('2016-11-21'), day('2026-11-30'))), '2,532 working days (3,661 calendar days)');
  });
});

describe('dateProblem', () => {
  it('says how many days the month has, for a day that does not exist', () => {
    assert.equal(dateProblem('2016-02-30'), '2016-02-30 is not a date: February 2016 has 29 days.');
    assert.equal(dateProblem('2015-02-29'), '2015-02-29 is not a date: February 2015 has 28 days.');
    assert.equal(dateProblem('2016-04-31'), '2016-04-31 is not a date: April 2016 has 30 days.');
  });
  it('says months run from 01 to 12', () => {
    assert.equal(dateProblem('2016-13-01'), '2016-13-01 is not a date: months run from 01 to 12.');
    assert.equal(dateProblem('2016-00-10'), '2016-00-10 is not a date: months run from 01 to 12.');
  });
  it('asks for year-month-day when the date is written another way', () => {
    assert.equal(dateProblem('14/01/2016'), '“14/01/2016” is not a date written as year-month-day (YYYY-MM-DD), for example 2016-01-14.');
    assert.match(dateProblem('2016-1-14') ?? '', /year-month-day \(YYYY-MM-DD\)/);
    assert.match(dateProblem(20160114) ?? '', /^This value is not a date/);
  });
  it('finds nothing wrong with a real date', () => {
    assert.equal(dateProblem('2016-02-29'), undefined);
    assert.equal(dateProblem('2016-01-14'), undefined);
  });
});

describe('a year mistyped with leading zeros', () => {
  it('stays the year it was written, not a year of the 1900s', () => {
    const day = parseDate('0016-02-10')!;
    assert.ok(day < parseDate('1000-01-01')!);
    assert.equal(formatIso(day), '0016-02-10');
    assert.equal(formatLong(day), '10 February 0016');
    assert.equal(formatLong(parseDate('2016-02-10')!), '10 February 2016');
    // Year 0 is a leap year in the proleptic Gregorian calendar, as 2000 is.
    assert.equal(formatIso(parseDate('0000-02-29')!), '0000-02-29');
  });
});
