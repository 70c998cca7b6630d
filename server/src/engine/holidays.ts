import HolidaysParser from 'date-holidays-parser';
import data from './generated/holidays-gb.json';
import type { DayNumber } from './dates';
import { dayFromParts } from './dates';

/**
 * England and Wales bank holidays, from date-holidays' rules (picked for Great Britain and
 * England at build time by scripts/generate.mjs).
 *
 * date-holidays 3.37 gets two years wrong, against the proclamations listed in our domain notes
 * and checked by test/engine/working-days.test.ts: it lacks the royal wedding holiday of
 * 29 April 2011, and keeps the 2012 spring holiday on 28 May although it moved to 4 June for the
 * Diamond Jubilee. We correct its rule data, in its own rule language, before use.
 */
function correctedData(): unknown {
  const d = structuredClone(data) as { holidays: { GB: { days: Record<string, Record<string, unknown>> } } };
  const days = d.holidays.GB.days;
  days['2011-04-29'] = { name: { en: 'Royal wedding' } };
  const spring = days['1st monday before 06-01'];
  if (spring) {
    spring.disable = [...((spring.disable as string[]) ?? []), '2012-05-28'];
    spring.enable = [...((spring.enable as string[]) ?? []), '2012-06-04'];
  }
  return d;
}

let parser: HolidaysParser | undefined;
const byYear = new Map<number, Map<DayNumber, string>>();

/** The bank holidays of one year, by day number, with their names. */
export function bankHolidays(year: number): Map<DayNumber, string> {
  let days = byYear.get(year);
  if (days) return days;
  parser ??= new HolidaysParser(correctedData() as never, 'GB', 'ENG', { types: ['public', 'bank'] });
  days = new Map();
  for (const h of parser.getHolidays(year) ?? []) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    const [y, m, d] = h.date.slice(0, 10).split('-').map(Number);
    days.set(dayFromParts(y, m, d), h.name);
  }
  byYear.set(year, days);
  return days;
}
