import data from './generated/bank-holidays.json';

/**
 * England and Wales bank holidays, worked out by the date-holidays library at build time
 * (scripts/generate.mjs, which also applies the library's two known corrections) for the years
 * `firstYear` to `lastYear`. Outside those years only weekends are non-working days.
 */
const HOLIDAYS: Readonly<Record<string, string>> = data.days;

export const HOLIDAY_YEARS = { first: data.firstYear, last: data.lastYear };

/** Every bank holiday in those years, as an ISO date. */
export const BANK_HOLIDAY_DATES: readonly string[] = Object.keys(HOLIDAYS);
