import data from './generated/bank-holidays.json';

/**
 * England and Wales bank holidays, worked out by the date-holidays library at build time
 * (scripts/generate.mjs, which also applies the library's two known corrections) for the years
 * `firstYear` to `lastYear`. Outside those years only weekends are non-working days.
 */
const HOLIDAYS: Readonly<Record<string, string>> = data.days;

export const HOLIDAY_YEARS = { first: data.firstYear, last: data.lastYear };

/** The bank holiday's name on an ISO date, if it is one. */
export function bankHoliday(iso: string): string | undefined {
  return HOLIDAYS[iso];
}
