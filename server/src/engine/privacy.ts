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

export function findNhsNumbers(text: string): IdentifierMatch[] {
  return collect('nhs-number', text, NHS, (m) => {
    const digits = m[0].replace(/\D/g, '');
    return !/^(\d)\1{9}$/.test(digits) && nhsCheckDigitValid(digits);
  });
}

// National Insurance numbers --------------------------------------------------------------------

/**
 * Two prefix letters (neither D, F, I, Q, U or V; the second not O either), six digits and a
 * suffix A to D, in capitals as they are written; spaces between the pairs allowed.
 */
const NI = /(?<![A-Za-z0-9])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
/** Prefixes never issued. */
const NI_UNUSED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function findNiNumbers(text: string): IdentifierMatch[] {
  return collect('ni-number', text, NI, (m) => !NI_UNUSED_PREFIXES.has(m[1]));
}

// Postcodes -------------------------------------------------------------------------------------

/**
 * A full postcode: an outward code (A9, A99, A9A, AA9, AA99 or AA9A, with the letters each
 * position allows) and an inward code (a digit and two letters, never C, I, K, M, O or V), in
 * capitals. A district alone ("M1") or a time ("9PM") is not matched.
 */
const POSTCODE = new RegExp(
  '(?<![A-Za-z0-9])(?:(?:' +
    ['[A-PR-UWYZ][0-9]{1,2}', '[A-PR-UWYZ][0-9][A-HJKPSTUW]', '[A-PR-UWYZ][A-HK-Y][0-9]{1,2}', '[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]'].join('|') +
    ') ?[0-9][ABD-HJLNP-UW-Z]{2}|GIR ?0AA)(?![A-Za-z0-9])',
  'g',
);

export function findPostcodes(text: string): IdentifierMatch[] {
  return collect('postcode', text, POSTCODE);
}

// Email addresses -------------------------------------------------------------------------------

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_%+-])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g;

export function findEmails(text: string): IdentifierMatch[] {
  return collect('email', text, EMAIL);
}

// Phone numbers ---------------------------------------------------------------------------------

/** Where a UK number may start: `+44`, `+44 (0)`, `0` or `(0`, not inside a word, date or reference. */
const PHONE_START = /(?<![\w+\-/.@])(?:(\+44)[ -]?(?:\(0\)[ -]?)?|(\()?0)(?=\d)/g;
const DIGIT_RUN = /\d+/y;

/**
 * UK phone numbers: national form `0` then 9 or 10 digits (`07700 900123`, `0161 496 0000`,
 * `(0161) 496 0000`), or `+44` forms of the same. Digits may be grouped by single spaces or
 * hyphens; ten-digit numbers only where the UK has them (01 area codes, 08 numbers).
 */
export function findPhoneNumbers(text: string): IdentifierMatch[] {
  const out: IdentifierMatch[] = [];
  PHONE_START.lastIndex = 0;
  for (let m = PHONE_START.exec(text); m; m = PHONE_START.exec(text)) {
    const international = m[1] !== undefined;
    let paren = m[2] !== undefined;
    // `+44` stands for the national form's leading 0; otherwise the 0 is read with the first group.
    let i = international ? m.index + m[0].length : m.index + (paren ? 1 : 0);
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
      if (isUkNumber(digits) && !/^[\w@]|^[.\-/]\d/.test(text.slice(i, i + 2)) && (international || firstGroup >= 3 || digits.length === firstGroup)) best = i;
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
    if (best !== undefined) {
      out.push({ kind: 'phone', start: m.index, end: best, text: text.slice(m.index, best) });
      PHONE_START.lastIndex = best;
    }
  }
  return out;
}

function isUkNumber(national: string): boolean {
  if (!/^0[1-9]/.test(national)) return false;
  if (national.length === 11) return true;
  return national.length === 10 && /^0[18]/.test(national);
}

// Birth dates -----------------------------------------------------------------------------------

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE =
  '(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-](?:\\d{4}|\\d{2})' + // 03/04/2012, 3.4.12
  '|\\d{4}[\\-/]\\d{1,2}[\\-/]\\d{1,2}' + // 2012-04-03
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}` + // 3rd April 2012
  `|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})`; // April 3, 2012
const LABEL = '(?:d\\.\\s?o\\.\\s?b\\.?|dob|date\\s+of\\s+birth|birth\\s*date|birthday|born)';
/** A date with a birth label just before it; the date alone is the match. */
const BIRTH_DATE = new RegExp(`(?<![A-Za-z])${LABEL}(?![A-Za-z])[\\s:=(\\-–]*(?:(?:on|was|is|of)\\s+)?(${DATE})(?![\\w/.\\-]\\d|\\d)`, 'gid');

export function findBirthDates(text: string): IdentifierMatch[] {
  return collect('birth-date', text, BIRTH_DATE, () => true, 1);
}

// All together ----------------------------------------------------------------------------------

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
  const all = kinds.flatMap((k) => DETECTORS[k](text)).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IdentifierMatch[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept;
}
