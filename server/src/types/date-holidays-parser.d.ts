// date-holidays-parser ships types that its package "exports" map hides from TypeScript's
// bundler resolution; this states the little of its API the engine uses.
declare module 'date-holidays-parser' {
  export default class HolidaysParser {
    constructor(data: unknown, country: string, state?: string, opts?: { types?: string[] });
    getHolidays(year: number): { date: string; name: string; type: string }[] | undefined;
  }
}
