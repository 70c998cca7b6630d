/**
 * Detectors for text that looks like a personal identifier. Pure functions over one string, so
 * that a labelled corpus can measure each detector's precision and recall on its own.
 *
 * Each detector leans towards precision: it looks for the shapes the identifiers are written in
 * (and their check rules where they have them), not for any long number.
 */

export type IdentifierKind = 'nhs-number' | 'ni-number' | 'postcode' | 'email' | 'phone' | 'birth-date';

export interface IdentifierMatch {
  kind: IdentifierKind;
  /** Offsets into the text searched, half-open. */
  start: number;
  end: number;
  text: string;
}

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['nhs-number', 'ni-number', 'postcode', 'email', 'phone', 'birth-date'];

function collect(kind: IdentifierKind, text: string, re: RegExp, accept: (m: RegExpExecArray) => boolean = () => true, group = 0): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    if (!accept(m)) continue;
    const span = group === 0 ? [m.index, m.index + m[0].length] : m.indices?.[group];
    if (!span) continue;
    out.push({ kind, start: span[0], end: span[1], text: text.slice(span[0], span[1]) });
  }
  return out;
}

// NHS numbers -----------------------------------------------------------------------------------

/**
 * The NHS number check: weights 10 down to 2 on the first nine digits; eleven less the remainder
 * of their sum divided by 11 is the check digit (11 counts as 0; 10 means no valid number).
 */
export function nhsCheckDigitValid(number: string): boolean {
  const digits = number.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === Number(digits[9]);
}

/** Ten digits, together or spaced 3-3-4, that pass the check (not one digit repeated, a common dummy). */
const NHS = /(?<![\w+\-/@])(?<!\d[ .\-/])\d{3}([ -]?)\d{3}\1\d{4}(?![\w@])(?![ .\-/]\d)/g;
/** Just after an "NHS" label, ten digits spaced any way ("NHS no. 9991 234 567"). */
const NHS_LABELLED = /(?<![A-Za-z])NHS(?:\s+(?:number|no\.?|#))?[\s:#=(\-–]*((?:\d[ -]?){9}\d)(?![\w@])(?![ .\-/]\d)/dgi;
/** A label just before the number that says it is some other reference ("crime reference", "invoice"). */
const OTHER_REFERENCE =
  /(?<![A-Za-z])(?:crime|incident|police|log|invoice|account|claim|policy|serial|order|tracking|payroll|council tax|benefits?)(?:\s+(?:reference|ref\.?|number|no\.?|#))?\s*[:#.]?\s*$/i;

export function findNhsNumbers(text: string): IdentifierMatch[] {
  const valid = (m: RegExpExecArray, group: number) => {
    const digits = m[group].replace(/\D/g, '');
    return !/^(\d)\1{9}$/.test(digits) && nhsCheckDigitValid(digits);
  };
  const plain = collect('nhs-number', text, NHS, (m) => valid(m, 0) && !OTHER_REFERENCE.test(text.slice(Math.max(0, m.index - 40), m.index)));
  const labelled = collect('nhs-number', text, NHS_LABELLED, (m) => valid(m, 1), 1);
  return [...plain, ...labelled.filter((l) => !plain.some((p) => p.start < l.end && l.start < p.end))].sort((a, b) => a.start - b.start);
}

// National Insurance numbers --------------------------------------------------------------------

/**
 * Two prefix letters (neither D, F, I, Q, U or V; the second not O either), six digits and a
 * suffix A to D, in capitals as they are written; spaces between the pairs allowed. Without its
 * suffix letter the number is matched only just after a label ("NI number AB 12 34 56").
 */
const NI_PREFIX = '[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]';
const NI = new RegExp(`(?<![A-Za-z0-9])(${NI_PREFIX}) ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D](?![A-Za-z0-9])`, 'g');
const NI_LABEL = '(?:[Nn]ational [Ii]nsurance(?: [Nn](?:umber|o\\.?))?|NI(?: [Nn](?:umber|o\\.?))?|NINO|NINo|NiNo)';
const NI_NO_SUFFIX = new RegExp(
  `(?<![A-Za-z])${NI_LABEL}[\\s:=(\\-–]*(?:(?:is|was)\\s+)?((${NI_PREFIX}) ?\\d{2} ?\\d{2} ?\\d{2})(?! ?[A-D](?![A-Za-z0-9]))(?![A-Za-z0-9])`,
  'gd',
);
/** Prefixes never issued. */
const NI_UNUSED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function findNiNumbers(text: string): IdentifierMatch[] {
  return [
    ...collect('ni-number', text, NI, (m) => !NI_UNUSED_PREFIXES.has(m[1])),
    ...collect('ni-number', text, NI_NO_SUFFIX, (m) => !NI_UNUSED_PREFIXES.has(m[2]), 1),
  ].sort((a, b) => a.start - b.start);
}

// Postcodes -------------------------------------------------------------------------------------

/**
 * A full postcode: an outward code (A9, A99, A9A, AA9, AA99 or AA9A, with the letters each
 * position allows) and an inward code (a digit and two letters, never C, I, K, M, O or V), all in
 * capitals or all in lower case. A district alone ("M1") or a time ("9PM") is not matched, nor, in
 * lower case, an ordinal after a room ("b2 2nd floor").
 */
const POSTCODE_CORE =
  '(?:(?:' +
  ['[A-PR-UWYZ][0-9]{1,2}', '[A-PR-UWYZ][0-9][A-HJKPSTUW]', '[A-PR-UWYZ][A-HK-Y][0-9]{1,2}', '[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]'].join('|') +
  ') ?[0-9][ABD-HJLNP-UW-Z]{2}|GIR ?0AA)';
const POSTCODE = new RegExp(`(?<![A-Za-z0-9])(?:${POSTCODE_CORE}|${POSTCODE_CORE.toLowerCase()})(?![A-Za-z0-9])`, 'g');

export function findPostcodes(text: string): IdentifierMatch[] {
  return collect('postcode', text, POSTCODE, (m) => !/(?:1st|2nd|3rd|[04-9]th)$/.test(m[0]));
}

// Email addresses -------------------------------------------------------------------------------

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g;

export function findEmails(text: string): IdentifierMatch[] {
  return collect('email', text, EMAIL);
}

// Phone numbers ---------------------------------------------------------------------------------

/** Where a UK number may start: not inside a word, date or reference. */
const PHONE_START = /(?<![\w+\-/.@])(?=\+44|0044|\(?0\d)/g;
/** How it starts: `+44`, `0044`, `+44 (0)`, `0` or `(0`. */
const PHONE_PREFIX = /(?:(\+44|0044)[ -]?(?:\(0\)[ -]?)?|(\()?0)(?=\d)/y;
const DIGIT_RUN = /\d+/y;

/**
 * UK phone numbers: national form `0` then 9 or 10 digits (`07700 900123`, `0161 496 0000`,
 * `(0161) 496 0000`), or `+44` (or `0044`) forms of the same. Digits may be grouped by single
 * spaces or hyphens; ten-digit numbers only where the UK has them (01 area codes, 08 numbers).
 * Two numbers may be joined by a slash (`0161 496 0000/07700 900123`).
 */
export function findPhoneNumbers(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  PHONE_START.lastIndex = 0;
  for (let m = PHONE_START.exec(text); m; m = PHONE_START.exec(text)) {
    let start = m.index;
    let end = phoneAt(text, start);
    if (end === undefined) {
      PHONE_START.lastIndex = start + 1;
      continue;
    }
    out.push({ kind: 'phone', start, end, text: text.slice(start, end) });
    // Numbers joined by slashes, one after another.
    for (let next: number | undefined; text[end] === '/' && (next = phoneAt(text, end + 1)) !== undefined; end = next) {
      start = end + 1;
      out.push({ kind: 'phone', start, end: next, text: text.slice(start, next) });
    }
    PHONE_START.lastIndex = end;
  }
  return out;
}

/** The end of the UK phone number that starts at `at`, if one does. */
function phoneAt(text: string, at: number): number | undefined {
  PHONE_PREFIX.lastIndex = at;
  const m = PHONE_PREFIX.exec(text);
  if (!m) return undefined;
  const international = m[1] !== undefined;
  let paren = m[2] !== undefined;
  // `+44` stands for the national form's leading 0; otherwise the 0 is read with the first group.
  let i = international ? at + m[0].length : at + (paren ? 1 : 0);
  let digits = international ? '0' : '';
  let best: number | undefined;
  let firstGroup = -1;
  for (let groups = 0; groups < 5; groups++) {
    DIGIT_RUN.lastIndex = i;
    const run = DIGIT_RUN.exec(text);
    if (!run) break;
    if (firstGroup < 0) firstGroup = run[0].length;
    digits += run[0];
    i += run[0].length;
    if (digits.length > 11) break;
    if (isUkNumber(digits) && endsWell(text, i) && (international || firstGroup >= 3 || digits.length === firstGroup)) best = i;
    // The separator before the next group.
    let j = i;
    if (text[j] === ')' && paren) {
      paren = false;
      j++;
      if (text[j] === ' ') j++;
    } else if (text[j] === ' ' || text[j] === '-') j++;
    else break;
    if (!/\d/.test(text[j] ?? '')) break;
    i = j;
  }
  return best;
}

/** Whether a number may end at `i`: not in a word, nor followed by more of a date or reference, unless by another number after a slash. */
function endsWell(text: string, i: number): boolean {
  const next = text.slice(i, i + 2);
  if (/^[\w@]|^[.-]\d/.test(next)) return false;
  return !/^\/\d/.test(next) || phoneAt(text, i + 1) !== undefined;
}

function isUkNumber(national: string): boolean {
  if (!/^0[1-9]/.test(national)) return false;
  if (national.length === 11) return true;
  return national.length === 10 && /^0[18]/.test(national);
}

// Birth dates -----------------------------------------------------------------------------------

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:Mon|Tue(?:s)?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+';
const DATE =
  `(?:${WEEKDAY})?` + // Tuesday 3 April 2012
  '(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})' + // 03/04/2012, 3.4.12
  '|\\d{4}[\\-/]\\d{1,2}[\\-/]\\d{1,2}' + // 2012-04-03
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}` + // 3rd April 2012
  `|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`; // April 3, 2012
/** The end of a date: not followed by more of a number. */
const DATE_END = '(?![\\w/.\\-]\\d|\\d)';
/** A plural label ("dates of birth", "DOBs") may introduce a list of dates. */
const PLURAL_LABEL = '(?:d\\.\\s?o\\.\\s?b\\.?s|dobs|dates\\s+of\\s+birth|birth\\s*dates)';
const LABEL = `(?:(${PLURAL_LABEL})|d\\.\\s?o\\.\\s?b\\.?|dob|date\\s+of\\s+birth|birth\\s*date|birthday|born)`;
/** How a birth may be told between "born" and "on" its date: "born at 34 weeks on", "born in hospital on", "born in Leeds on". */
const BORN_HOW = "(?:(?:prematurely|early|at\\s+(?:home|term|\\d{2}(?:\\+\\d)?\\s+weeks(?:['’]?\\s+gestation)?)|in\\s+[a-z]+)\\s+on\\s+)";
/** How a record may report the date: "DOB was given as", "date of birth recorded as". */
const GIVEN_AS = '(?:(?:was|is|were|are)\\s+)?(?:given|recorded|noted|confirmed|stated|listed|shown|entered|written)\\s+as\\s+';
/** A date with a birth label just before it; the date alone is the match. */
const BIRTH_DATE = new RegExp(
  `(?<![A-Za-z])${LABEL}(?![A-Za-z])[\\s:=()\\-–]*(?:${BORN_HOW}|${GIVEN_AS}|(?:(?:on|was|is|are|were|of)\\s+)?(?:the\\s+)?)(${DATE})${DATE_END}`,
  'gid',
);
/** The next date of a list: ", 5 June 2014" or " and 5 June 2014"; after a plural label, "; 5 June 2014" too. */
const NEXT_DATE = new RegExp(`(?:\\s*,\\s*(?:and\\s+)?|\\s*&\\s*|\\s+and\\s+|(;\\s*))(${DATE})${DATE_END}`, 'iyd');

export function findBirthDates(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  BIRTH_DATE.lastIndex = 0;
  for (let m = BIRTH_DATE.exec(text); m; m = BIRTH_DATE.exec(text)) {
    let [start, end] = m.indices![2];
    out.push({ kind: 'birth-date', start, end, text: text.slice(start, end) });
    // A list of dates straight after the first ("DOB 3/4/12 and 5/6/14") are birth dates too.
    for (NEXT_DATE.lastIndex = end; ; ) {
      const next = NEXT_DATE.exec(text);
      if (!next || (next[1] !== undefined && m[1] === undefined)) break;
      [start, end] = next.indices![2];
      out.push({ kind: 'birth-date', start, end, text: text.slice(start, end) });
      NEXT_DATE.lastIndex = end;
    }
    BIRTH_DATE.lastIndex = Math.max(BIRTH_DATE.lastIndex, end);
  }
  return out;
}

// All together ----------------------------------------------------------------------------------

const HAS_DIGIT_OR_AT = /[0-9@]/;

/**
 * Whether any detector could match: every one needs at least five characters (the shortest
 * postcode, `M11AA`) with an ASCII digit (\d and [0-9] match no other) or, for an email, an `@`.
 * Most of a case file (keys, short values, prose) has neither.
 */
export function mayHoldIdentifier(text: string): boolean {
  return text.length >= 5 && HAS_DIGIT_OR_AT.test(text);
}

const DETECTORS: Record<IdentifierKind, (text: string) => IdentifierMatch[]> = {
  'nhs-number': findNhsNumbers,
  'ni-number': findNiNumbers,
  postcode: findPostcodes,
  email: findEmails,
  phone: findPhoneNumbers,
  'birth-date': findBirthDates,
};

/** Every identifier in `text`, by position; where two overlap, the one that starts first (or is longer) is kept. */
export function findIdentifiers(text: string, kinds: readonly IdentifierKind[] = IDENTIFIER_KINDS): IdentifierMatch[] {
  if (!mayHoldIdentifier(text)) return [];
  const all = kinds.flatMap((k) => DETECTORS[k](text)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentifierMatch[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept;
}
