import data from './generated/bank-holidays.json';

/**
 * England and Wales bank holidays, worked out by the date-holidays library at build time
 * (scripts/generate.mjs, which also applies the library's two known corrections) for the years
 * `firstYear` to `lastYear`, as ISO dates. Outside those years only weekends are non-working days.
 */
export const BANK_HOLIDAY_DATES: readonly string[] = Object.keys(data.days);
