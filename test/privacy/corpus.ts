/**
 * A labelled corpus for the `personal-data` rule: sentences of the kind found in case files'
 * free text (agency summaries, evidence, rationale, notes), each with the exact spans of the
 * personal identifiers it holds, labelled by kind. Half of it is made of look-alikes: text that
 * resembles an identifier and is not one (references, dates not labelled as birth dates, times,
 * money, districts, statute references...).
 *
 * The corpus is generated from a seeded generator, so every run builds the same sentences.
 * Every identifier is invented, from ranges kept out of real use where there are such ranges:
 * - NHS numbers start 999 (the range kept for testing, never issued), with the check digit computed;
 * - phone numbers come from the ranges Ofcom keeps for drama (07700 900xxx, 01632 960xxx,
 *   020 7946 0xxx, 0113 496 0xxx and the like);
 * - email addresses use the example domains (`example.org`, `*.example`);
 * - National Insurance numbers, postcodes and birth dates are random, with no person behind them.
 *
 * `measure` scores a detector on the corpus; `markdownTable` and `textTable` print the result.
 */
import { seeded, type Rand } from '../helpers/random';
import { findIdentifiers, IDENTIFIER_KINDS, type IdentifierKind, type IdentifierMatch } from '../../server/src/engine/privacy';

export type { IdentifierKind };

export interface LabelledSpan {
  kind: IdentifierKind;
  /** Offsets into the item's text, half-open. */
  start: number;
  end: number;
  text: string;
}

/** The part of a case file the sentence stands for. */
export type Field = 'summary' | 'evidence' | 'rationale' | 'notes' | 'chronology';

export interface CorpusItem {
  text: string;
  /** Every personal identifier in the text. */
  spans: LabelledSpan[];
  /**
   * `positive`: holds an identifier of one kind; `mixed`: several identifiers; `look-alike`: holds
   * text that resembles an identifier of `kind` and none; `ordinary`: case-file text with none.
   */
  role: 'positive' | 'mixed' | 'look-alike' | 'ordinary';
  /** For a positive item the kind it holds; for a look-alike, the kind it resembles. */
  kind?: IdentifierKind;
  /** How the identifier is written, or what the look-alike is. */
  form: string;
  field: Field;
}

// Seeded randomness ------------------------------------------------------------------------------

type Rng = Rand;

const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const digits = (r: Rng, n: number) => Array.from({ length: n }, () => String(int(r, 0, 9))).join('');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// Sentences with labelled parts ------------------------------------------------------------------

/** An identifier inside a sentence; a plain string is text that is not one. */
interface Id {
  kind: IdentifierKind;
  text: string;
}
type Part = string | Id;

function compose(parts: readonly Part[]): { text: string; spans: LabelledSpan[] } {
  let text = '';
  const spans: LabelledSpan[] = [];
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else {
      spans.push({ kind: p.kind, start: text.length, end: text.length + p.text.length, text: p.text });
      text += p.text;
    }
  }
  return { text, spans };
}

/** A template literal whose holes may be identifiers: `s\`NHS number ${id} on the referral.\``. */
function s(strings: TemplateStringsArray, ...holes: (Part | number)[]): Part[] {
  const out: Part[] = [];
  strings.forEach((str, i) => {
    out.push(str);
    if (i < holes.length) out.push(typeof holes[i] === 'number' ? String(holes[i]) : (holes[i] as Part));
  });
  return out;
}

/** A sentence around one value, with the generator for any other names it mentions. */
type Context = (v: Part, r: Rng) => Part[];

const CHILDREN = ['Child T', 'Child M', 'Child P', 'Child R', 'Child W', 'Child B', 'Child K', 'Child S'];
const ADULTS = ['Mother', 'Father', 'Mother’s partner', 'The maternal grandmother', 'The paternal uncle', 'The older sibling', 'The lodger', 'Stepfather'];
const AGENCIES = [
  'Northshire Children’s Social Care', 'Northshire Hospitals NHS Trust', 'Northtown Primary School', 'Northshire Police',
  'the health visiting service', 'the GP practice', 'Westshire Community Health', 'the housing association', 'the adult mental health team',
  'the drug and alcohol service', 'Northshire Youth Offending Service', 'CAMHS',
];
const FIELDS: readonly Field[] = ['summary', 'evidence', 'rationale', 'notes', 'chronology'];
const child = (r: Rng) => pick(r, CHILDREN);
const adult = (r: Rng) => pick(r, ADULTS);
const lower = (x: string) => x.charAt(0).toLowerCase() + x.slice(1);
const agency = (r: Rng) => pick(r, AGENCIES);
const Agency = (r: Rng) => {
  const a = agency(r);
  return a.charAt(0).toUpperCase() + a.slice(1);
};

// NHS numbers ------------------------------------------------------------------------------------

function nhsCheck(nine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  return (11 - (sum % 11)) % 11;
}

/** A valid NHS number in the range kept for testing (999 000 0000 to 999 999 9999). */
function nhsNumber(r: Rng): string {
  for (;;) {
    const nine = `999${digits(r, 6)}`;
    const check = nhsCheck(nine);
    if (check !== 10) return nine + check;
  }
}

/** Ten digits (the first not 0) whose last digit is not the check digit. */
function nhsInvalid(r: Rng): string {
  const nine = String(int(r, 1, 9)) + digits(r, 8);
  const check = nhsCheck(nine);
  let last = int(r, 0, 9);
  if (last === check) last = (last + int(r, 1, 9)) % 10;
  return nine + last;
}

const nhsFormats: [string, (d: string) => string][] = [
  ['ten digits together', (d) => d],
  ['spaced 3-3-4', (d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`],
  ['hyphenated 3-3-4', (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`],
];
/** Spaced some other way, as people also write them; recognisable then by the label before it. */
const nhsOddGroupings: ((d: string) => string)[] = [
  (d) => `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`,
  (d) => `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`,
  (d) => `${d.slice(0, 5)} ${d.slice(5)}`,
];
const nhsLabelledContexts: Context[] = [
  (v) => s`NHS number ${v} is on the GP referral.`,
  (v) => s`Hospital discharge summary, NHS No: ${v}; seen in the emergency department with a head injury.`,
  (v) => s`GP records (NHS ${v}) show no contact after March 2015.`,
  (v) => s`The sexual health clinic confirmed attendance under NHS number ${v}.`,
  (v) => s`nhs no ${v} – school nurse notes attached.`,
];

const nhsContexts: Context[] = [
  (v) => s`NHS number ${v} is on the GP referral.`,
  (v, r) => s`The health visiting record for ${child(r)} (NHS no. ${v}) shows two missed development checks.`,
  (v) => s`Hospital discharge summary, NHS No: ${v}; seen in the emergency department with a head injury.`,
  (v, r) => s`${Agency(r)} gave the baby’s NHS number as ${v} in its chronology.`,
  (v) => s`The maternity booking form for Mother lists NHS number ${v}.`,
  (v) => s`GP records (NHS ${v}) show no contact after March 2015.`,
  (v) => s`Child health record ${v} was transferred when the family moved.`,
  (v) => s`nhs no ${v} – school nurse notes attached.`,
  (v, r) => s`The CAMHS letter quotes ${v} as ${child(r)}’s NHS number.`,
  (v) => s`Ambulance service summary: patient ${v}, taken to hospital at 02:10.`,
  (v, r) => s`${adult(r)}’s NHS number: ${v}.`,
  (v) => s`Records were matched on NHS number (${v}) and the address history.`,
  (v) => s`The sexual health clinic confirmed attendance under NHS number ${v}.`,
  (v) => s`[NHS ${v}] Attended the walk-in centre on 14/07/2016 with a burn to the hand.`,
  (v, r) => s`${child(r)}, NHS number ${v}, was not brought to three appointments.`,
];

const nhsLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['ten digits failing the check', (r) => s`Crime reference ${pick(r, nhsFormats)[1](nhsInvalid(r))} was given to the family.`],
  ['ten digits failing the check', (r) => s`Police log number ${pick(r, nhsFormats)[1](nhsInvalid(r))} records the call.`],
  ['ten digits failing the check', (r) => s`The NHS number first given, ${pick(r, nhsFormats)[1](nhsInvalid(r))}, fails the check and was a typing error.`],
  ['ten digits failing the check', (r) => s`Housing benefit claim ${nhsInvalid(r)} was suspended in May 2015.`],
  ['ten digits failing the check', (r) => s`Council tax account ${nhsInvalid(r)} was in arrears.`],
  ['ten digits failing the check', (r) => s`Invoice ${nhsInvalid(r)} covers the independent reviewer’s fees.`],
  ['passes the check, labelled as another reference', (r) => s`${pick(r, ['Crime reference', 'Police log number', 'Invoice', 'Council tax account', 'Housing benefit claim', 'Payroll number'])} ${pick(r, nhsFormats)[1](nhsNumber(r))} is in the bundle.`],
  ['eleven digits', (r) => s`Crime reference ${int(r, 1, 9)}${digits(r, 10)} relates to the assault.`],
  ['nine digits', (r) => s`The benefits reference ${int(r, 1, 9)}${digits(r, 8)} was quoted in the letter.`],
  ['one digit repeated', (r) => s`NHS number recorded as ${pick(r, ['0000000000', '1111111111', '9999999999'])} until the real one was found.`],
  ['bank details', (r) => s`Sort code ${pad(int(r, 10, 99))}-${pad(int(r, 0, 99))}-${pad(int(r, 0, 99))}, account ${digits(r, 8)}, for the direct payment.`],
  ['grouped 2-3-3-4', (r) => s`Reference ${pad(int(r, 10, 99))} ${nhsFormats[1][1](nhsNumber(r))} on the court bundle index.`],
];

// National Insurance numbers --------------------------------------------------------------------

const NI_FIRST = 'ABCEGHJKLMNOPRSTWXYZ';
const NI_SECOND = 'ABCEGHJKLMNPRSTWXYZ';
const NI_UNUSED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

function niPrefix(r: Rng): string {
  for (;;) {
    const p = pick(r, [...NI_FIRST]) + pick(r, [...NI_SECOND]);
    if (!NI_UNUSED.has(p)) return p;
  }
}

const niFormats: [string, (p: string, d: string, x: string) => string][] = [
  ['together', (p, d, x) => `${p}${d}${x}`],
  ['spaced in pairs', (p, d, x) => `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${x}`],
  ['spaced prefix and suffix', (p, d, x) => `${p} ${d} ${x}`],
  ['pairs, suffix joined', (p, d, x) => `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}${x}`],
  ['after a label, no suffix', (p, d) => (d.charCodeAt(5) % 2 ? `${p}${d}` : `${p} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`)],
];

const niNumber = (r: Rng, format: (p: string, d: string, x: string) => string) => format(niPrefix(r), digits(r, 6), pick(r, ['A', 'B', 'C', 'D']));

/** Sentences around an NI number; `true` where a label stands just before it. */
const niContexts: [boolean, Context][] = [
  [true, (v) => s`Mother’s National Insurance number is ${v}.`],
  [true, (v) => s`The benefits check used NI number ${v}.`],
  [true, (v) => s`DWP confirmed a claim under NINO ${v} in June 2015.`],
  [true, (v) => s`Father (NI no. ${v}) was not registered with a GP.`],
  [false, (v) => s`The housing application gives ${v} as the National Insurance number.`],
  [true, (v, r) => s`Employer records for ${lower(adult(r))} (NI: ${v}) show work at a care home.`],
  [true, (v) => s`NINo ${v}; universal credit in payment.`],
  [false, (v, r) => s`Probation hold ${lower(adult(r))}’s National Insurance number (${v}).`],
  [true, (v) => s`Tenancy papers list NI ${v} for the joint tenant.`],
  [false, (v) => s`${v} was found on a payslip at the home visit.`],
  [false, (v, r) => s`${Agency(r)} recorded ${lower(adult(r))}’s NI number as ${v}.`],
  [true, (v) => s`National Insurance: ${v}.`],
];

const niLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['prefix never issued', (r) => s`The form’s example, ${pick(r, ['QQ', 'GB', 'BG', 'ZZ', 'NK', 'KN', 'DA', 'FY', 'AO', 'UV'])} ${pad(int(r, 0, 99))} ${pad(int(r, 0, 99))} ${pad(int(r, 0, 99))} C, was copied into the file.`],
  ['suffix past D', (r) => s`Reference ${niPrefix(r)}${digits(r, 6)}${pick(r, [...'EFGHJKLMNPRSTWXYZ'])} appears on the probation report.`],
  ['no suffix', (r) => s`Staff number ${niPrefix(r)}${digits(r, 6)} was given to the agency worker.`],
  ['no suffix', (r) => s`NI number not known; payroll number ${niPrefix(r)}${digits(r, 6)} was used instead.`],
  ['family court case number', (r) => s`Care proceedings, case number ${pick(r, ['LV', 'NE', 'MA', 'BM', 'ZW', 'LS'])}${pad(int(r, 12, 16))}C${digits(r, 5)}, concluded in 2016.`],
  ['Ofsted URN', (r) => s`The children’s home (Ofsted URN ${pick(r, ['SC', 'EY'])}${digits(r, 6)}) was judged requires improvement.`],
  ['tax form name', (r) => s`Mother’s ${pick(r, ['P45', 'P60', 'SA100', 'P11D', 'CH2'])} was among the papers found at the house.`],
  ['police collar number', (r) => s`${pick(r, ['PC', 'DC', 'PS', 'DS'])} ${digits(r, 4)} attended with the social worker.`],
  ['vehicle-like reference', (r) => s`The pool car, fleet number ${pick(r, ['NS', 'WS'])}${pad(int(r, 10, 99))} ${digits(r, 3)}, was used for the visit.`],
];

// Postcodes -------------------------------------------------------------------------------------

const ONE_LETTER = ['B', 'E', 'G', 'L', 'M', 'N', 'S', 'W'];
const TWO_LETTERS = [
  'NE', 'LS', 'SK', 'CH', 'DN', 'BS', 'CF', 'HU', 'YO', 'NG', 'LE', 'CV', 'PL', 'TR', 'EX', 'BD', 'HX', 'WF', 'DH', 'SR', 'TS', 'DL', 'CA',
  'LA', 'PR', 'BB', 'BL', 'OL', 'WN', 'WA', 'ST', 'DE', 'LN', 'PE', 'NR', 'IP', 'CB', 'CO', 'CM', 'SS', 'RM', 'IG', 'EN', 'AL', 'SG',
  'LU', 'MK', 'HP', 'OX', 'RG', 'SL', 'GU', 'KT', 'SM', 'CR', 'BR', 'DA', 'ME', 'TN', 'CT', 'RH', 'BN', 'PO', 'SO', 'BH', 'DT', 'SP',
  'BA', 'TA', 'GL', 'HR', 'WR', 'WV', 'WS', 'DY', 'TF', 'SY', 'LL', 'SA', 'NP', 'AB', 'DD', 'PH', 'FK', 'KY', 'EH', 'TD', 'ML', 'KA',
  'PA', 'IV', 'BT', 'SE', 'SW', 'NW', 'EC', 'WC',
];
const A9A = ['W1A', 'W1B', 'W1C', 'W1D', 'W1F', 'W1G', 'W1H', 'W1J', 'W1K', 'W1S', 'W1T', 'W1U', 'W1W', 'E1W', 'N1C', 'N1P'];
const AA9A = [
  'SW1A', 'SW1E', 'SW1H', 'SW1P', 'SW1V', 'SW1W', 'SW1X', 'SW1Y', 'EC1A', 'EC1M', 'EC1N', 'EC1R', 'EC1V', 'EC1Y', 'EC2A', 'EC2M', 'EC2N',
  'EC2R', 'EC2V', 'EC2Y', 'EC3A', 'EC3M', 'EC3N', 'EC3R', 'EC3V', 'EC4A', 'EC4M', 'EC4N', 'EC4R', 'EC4V', 'EC4Y', 'WC1A', 'WC1B', 'WC1E',
  'WC1H', 'WC1N', 'WC1R', 'WC1V', 'WC1X', 'WC2A', 'WC2B', 'WC2E', 'WC2H', 'WC2N', 'WC2R', 'SE1P', 'NW1W',
];
const INWARD_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/** An outward code of each shape the UK uses. */
const outwardShapes: [string, (r: Rng) => string][] = [
  ['A9 9AA', (r) => pick(r, ONE_LETTER) + int(r, 1, 9)],
  ['A99 9AA', (r) => pick(r, ONE_LETTER) + int(r, 10, 99)],
  ['A9A 9AA', (r) => pick(r, A9A)],
  ['AA9 9AA', (r) => pick(r, TWO_LETTERS) + int(r, 1, 9)],
  ['AA99 9AA', (r) => pick(r, TWO_LETTERS) + int(r, 10, 99)],
  ['AA9A 9AA', (r) => pick(r, AA9A)],
];
const inward = (r: Rng) => String(int(r, 0, 9)) + pick(r, INWARD_LETTERS) + pick(r, INWARD_LETTERS);

/** How a postcode is written: the weights give capitals with a space most often. */
const postcodeStyles: [string, number, (out: string, inw: string) => string][] = [
  ['capitals, spaced', 14, (o, i) => `${o} ${i}`],
  ['capitals, no space', 3, (o, i) => `${o}${i}`],
  ['lower case, spaced', 2, (o, i) => `${o} ${i}`.toLowerCase()],
  ['lower case, no space', 1, (o, i) => `${o}${i}`.toLowerCase()],
];

function weighted<T extends [string, number, ...unknown[]]>(r: Rng, xs: readonly T[]): T {
  let n = r() * xs.reduce((sum, x) => sum + x[1], 0);
  for (const x of xs) if ((n -= x[1]) < 0) return x;
  return xs[xs.length - 1];
}

const postcodeContexts: Context[] = [
  (v) => s`The family moved to ${v} in March 2015.`,
  (v) => s`Previous address: 14 Example Road, Northtown ${v}.`,
  (v, r) => s`${child(r)} stayed with the maternal grandmother at ${v} for two weeks.`,
  (v) => s`Police attended the address (${v}) twice in May 2016.`,
  (v) => s`Postcode ${v} falls within the Westshire LSCB area.`,
  (v) => s`Mother gave her new address as Flat 3, ${v}, when she registered with the GP.`,
  (v) => s`The school held an old postcode, ${v}, for the family.`,
  (v) => s`Home visit at ${v}; no answer at the door.`,
  (v) => s`Letters were sent to ${v} but came back unopened.`,
  (v, r) => s`${adult(r)} lives at ${v}, near the school.`,
  (v) => s`Address at the time of the incident: 2 Example Close, ${v}`,
  (v, r) => s`${Agency(r)} had the family at ${v} until the eviction.`,
];

const postcodeLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['outward code only', (r) => s`The family lived in the ${pick(r, outwardShapes)[1](r)} area before the move.`],
  ['outward code only', (r) => s`They moved within ${pick(r, outwardShapes)[1](r)} three times in two years.`],
  ['outward code only', (r) => s`The ${pick(r, TWO_LETTERS)}${int(r, 1, 9)} and ${pick(r, TWO_LETTERS)}${int(r, 10, 29)} districts are served by one team.`],
  ['road numbers', (r) => s`Father drove north on the ${pick(r, ['M1', 'M6', 'A1(M)', 'M62', 'A19', 'M25'])} and was stopped near junction ${int(r, 2, 40)}.`],
  ['times', (r) => s`The first call was at ${int(r, 1, 11)}PM and the visit at ${int(r, 1, 11)}AM the next day.`],
  ['QM2 and statute references', (r) => s`QM2 question ${int(r, 1, 9)} asks for this; see also S47 and S17 of the Children Act 1989.`],
  ['case reference', (r) => s`Case NSCB-${int(r, 2012, 2016)}-${pad(int(r, 1, 12))} was decided by the chair.`],
  ['room and floor', (r) => s`The meeting was held in room ${pick(r, ['b', 'c', 'd', 's', 'w'])}${int(r, 1, 9)} ${pick(r, ['1st', '2nd', '3rd', '4th'])} floor at the civic centre.`],
  ['unknown inward code', (r) => s`The postcode began ${pick(r, outwardShapes)[1](r)} but the rest was not known.`],
];

// Email addresses -------------------------------------------------------------------------------

const LOCAL_PARTS = [
  'a.parent', 'parent.t', 't.family', 'mum.of.t', 'dad_t', 'carer2016', 'foster.carer', 'hv.team', 'duty.team', 'mash', 'sw.duty',
  'school.office', 'dsl', 'g.parent', 'family-t', 'mum1990', 'the.lodger', 'duty+scr', 'northtown.primary', 'cp.chair',
];
const DOMAINS = [
  'example.com', 'example.org', 'example.net', 'mail.example', 'northshire.example', 'nhs.example.org', 'school.example.net',
  'northshire-council.example', 'webmail.example.com', 'police.example',
];
const emailFormats: [string, (e: string) => string][] = [
  ['plain', (e) => e],
  ['plain', (e) => e],
  ['capitalised', (e) => e.replace(/(^|[.@])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())],
];
const email = (r: Rng) => `${pick(r, LOCAL_PARTS)}@${pick(r, DOMAINS)}`;

const emailContexts: Context[] = [
  (v) => s`Mother emailed the school from ${v} on 14 June 2016.`,
  (v) => s`Contact email: ${v}.`,
  (v) => s`The referral came by email (${v}) late on a Friday.`,
  (v) => s`Father’s email address, ${v}, was used for the conference invitation.`,
  (v, r) => s`Messages from ${v} to the social worker are in ${agency(r)}’s chronology.`,
  (v) => s`E-mail: ${v}`,
  (v) => s`Minutes were sent to ${v} and the GP.`,
  (v) => s`Mother wrote from <${v}> asking for help with housing.`,
  (v) => s`Replies to mailto:${v} were not read.`,
  (v, r) => s`${adult(r)} used ${v} to contact the school.`,
  (v) => s`The allegation was sent from ${v}, an account the family shared.`,
  (v) => s`email ${v} – no reply.`,
];

const emailLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['@ for "at"', (r) => s`Strategy discussion @ ${int(r, 9, 11)}am in room ${int(r, 1, 9)}; core group @ ${int(r, 1, 4)}pm.`],
  ['@ for "at"', (r) => s`Nursery place funded @ £${int(r, 4, 6)} an hour.`],
  ['social media handle', (r) => s`Mother posted on the ${pick(r, ['@NorthshireLSCB', '@NSCBnews', '@NorthtownPrimary'])} page about the review.`],
  ['web address', (r) => s`See ${pick(r, ['www.northshire.example/lscb', 'https://reviews.example.org/nscb-2016-07', 'northshire.example/procedures'])} for the procedures.`],
  ['incomplete address', () => s`The address given was “mum@” with nothing after it.`],
  ['email with no address', (r) => s`Mother emailed the GP on ${int(r, 1, 28)} May 2016 and had no reply.`],
  ['at sign in a reference', (r) => s`File ref CP@${int(r, 2012, 2016)}/${digits(r, 3)} holds the conference minutes.`],
];

// Phone numbers ---------------------------------------------------------------------------------

/** Numbers from the ranges Ofcom keeps for drama, by the way the number is grouped. */
const phoneNumbers: [string, (r: Rng) => { national: string[]; intl: string[] }][] = [
  ['mobile', (r) => ({ national: ['07700', `900${digits(r, 3)}`], intl: ['7700', `900${digits(r, 3)}`] })],
  ['mobile in three groups', (r) => {
    const last = digits(r, 3);
    return { national: ['07700', '900', last], intl: ['7700', '900', last] };
  }],
  ['landline 0113', (r) => {
    const area = pick(r, ['0113', '0114', '0115', '0116', '0117', '0118', '0121', '0131', '0141', '0151', '0161']);
    return { national: [area, '496', `0${digits(r, 3)}`], intl: [area.slice(1), '496', `0${digits(r, 3)}`] };
  }],
  ['landline 020', (r) => ({ national: ['020', '7946', `0${digits(r, 3)}`], intl: ['20', '7946', `0${digits(r, 3)}`] })],
  ['landline 01632', (r) => ({ national: ['01632', `960${digits(r, 3)}`], intl: ['1632', `960${digits(r, 3)}`] })],
  ['landline 0191', (r) => ({ national: ['0191', '498', `0${digits(r, 3)}`], intl: ['191', '498', `0${digits(r, 3)}`] })],
  ['landline 029', (r) => ({ national: ['029', '2018', `0${digits(r, 3)}`], intl: ['29', '2018', `0${digits(r, 3)}`] })],
];

const phoneStyles: [string, number, (n: { national: string[]; intl: string[] }) => string][] = [
  ['spaced', 6, (n) => n.national.join(' ')],
  ['together', 3, (n) => n.national.join('')],
  ['hyphenated', 2, (n) => n.national.join('-')],
  ['area code in brackets', 2, (n) => `(${n.national[0]}) ${n.national.slice(1).join(' ')}`],
  ['+44, spaced', 3, (n) => `+44 ${n.intl.join(' ')}`],
  ['+44, together', 1, (n) => `+44${n.intl.join('')}`],
  ['+44 (0)', 2, (n) => `+44 (0)${n.intl.join(' ')}`],
  ['+44, hyphenated', 1, (n) => `+44-${n.intl.join('-')}`],
  ['0044', 1, (n) => `0044 ${n.intl.join(' ')}`],
];

const phoneContexts: Context[] = [
  (v) => s`Mother’s mobile is ${v}.`,
  (v) => s`Tel: ${v}`,
  (v) => s`Call Father on ${v} before any visit.`,
  (v) => s`The GP surgery left a message on ${v} about the missed appointment.`,
  (v) => s`Contact number given to the school: ${v}.`,
  (v, r) => s`Texts from ${v} were found on ${child(r)}’s phone.`,
  (v, r) => s`${adult(r)} (mob. ${v}) agreed to attend the conference.`,
  (v) => s`The out-of-hours team rang ${v} three times that night.`,
  (v) => s`The neighbour who called police gave ${v} as a contact number.`,
  (v) => s`Home phone ${v}; mobile not known.`,
  (v, r) => s`${Agency(r)} tried ${v} and got no answer.`,
  (v) => s`tel. ${v} (evenings only)`,
];

const phoneLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['dates', (r) => s`Referral on ${pad(int(r, 1, 28))}/${pad(int(r, 1, 12))}/2016 and strategy meeting on ${pad(int(r, 1, 28))}/${pad(int(r, 1, 12))}/2016.`],
  ['dates', (r) => s`The chronology runs from ${int(r, 2012, 2014)}-09-01 to 2016-03-31.`],
  ['times', (r) => s`Seen at ${pad(int(r, 7, 11))}:${pad(int(r, 0, 59))} and again at ${int(r, 13, 18)}:${pad(int(r, 0, 59))}.`],
  ['crime and log references', (r) => s`Crime number ${int(r, 12, 16)}/${pad(int(r, 0, 99999), 6)} was issued; police log ${pad(int(r, 1, 999), 4)} of ${pad(int(r, 1, 28))}/07/2016.`],
  ['crime and log references', (r) => s`Incident ${pad(int(r, 1, 999), 4)} ${pad(int(r, 1, 28))}/06/2016 was closed with no further action.`],
  ['case references', (r) => s`Local authority case ${int(r, 2012, 2016)}/${pad(int(r, 1, 99999), 5)} and MASH reference ${pad(int(r, 1, 999999), 8)}.`],
  ['money', (r) => s`The placement cost £${int(r, 1, 9)},${digits(r, 3)}.${pad(int(r, 0, 99))} a week; the budget for ${int(r, 2014, 2016)}/${int(r, 15, 17)} was £${int(r, 100, 900)},000.`],
  ['short numbers', () => s`Mother rang 999 and then 101; the family were also given 111 and Childline on 0800 1111.`],
  ['incomplete number', () => s`The mobile number began 07700 9 but the rest was not recorded.`],
  ['crime and log references', (r) => s`Police reference ${pad(int(r, 1, 99))}/${digits(r, 6)}/${int(r, 12, 16)} and CRIS number 0${digits(r, 6)}/${int(r, 12, 16)}.`],
  ['crime and log references', (r) => s`The NHS 111 call, reference 0${digits(r, 3)}-${digits(r, 4)}, was passed to the GP.`],
  ['decimals and years', (r) => s`A 0.${int(r, 2, 8)} post was funded from ${int(r, 2012, 2015)} to ${int(r, 2016, 2018)}.`],
];

// Birth dates -----------------------------------------------------------------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

interface Day {
  y: number;
  m: number; // 1-12
  d: number;
}
function day(r: Rng, from = 1975, to = 2016): Day {
  const y = int(r, from, to);
  const m = int(r, 1, 12);
  const d = int(r, 1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

const dateFormats: [string, (x: Day) => string][] = [
  ['dd/mm/yyyy', (x) => `${pad(x.d)}/${pad(x.m)}/${x.y}`],
  ['d/m/yyyy', (x) => `${x.d}/${x.m}/${x.y}`],
  ['dd/mm/yy', (x) => `${pad(x.d)}/${pad(x.m)}/${pad(x.y % 100)}`],
  ['dd.mm.yyyy', (x) => `${pad(x.d)}.${pad(x.m)}.${x.y}`],
  ['dd-mm-yyyy', (x) => `${pad(x.d)}-${pad(x.m)}-${x.y}`],
  ['yyyy-mm-dd', (x) => `${x.y}-${pad(x.m)}-${pad(x.d)}`],
  ['d Month yyyy', (x) => `${x.d} ${MONTHS[x.m - 1]} ${x.y}`],
  ['dth Month yyyy', (x) => `${ordinal(x.d)} ${MONTHS[x.m - 1]} ${x.y}`],
  ['d Mon yyyy', (x) => `${x.d} ${SHORT_MONTHS[x.m - 1]} ${x.y}`],
  ['Month d, yyyy', (x) => `${MONTHS[x.m - 1]} ${x.d}, ${x.y}`],
  ['dth of Month yyyy', (x) => `${ordinal(x.d)} of ${MONTHS[x.m - 1]} ${x.y}`],
  ['Weekday d Month yyyy', (x) => `${WEEKDAYS[new Date(Date.UTC(x.y, x.m - 1, x.d)).getUTCDay()]} ${x.d} ${MONTHS[x.m - 1]} ${x.y}`],
];
const anyDate = (r: Rng, x: Day = day(r, 2012, 2016)) => pick(r, dateFormats)[1](x);

/** Sentences around a birth date, with whose it is: a child's is recent, an adult's older. */
const birthContexts: ['child' | 'adult', Context][] = [
  ['child', (v, r) => s`${child(r)} (DOB ${v}) lived with Mother and two siblings.`],
  ['child', (v) => s`Date of birth: ${v}.`],
  ['child', (v, r) => s`${child(r)} was born on ${v} at 34 weeks’ gestation.`],
  ['child', (v) => s`Sibling, D.O.B. ${v}, was also subject to a child protection plan.`],
  ['adult', (v) => s`Mother (d.o.b. ${v}) had been known to children’s services as a child.`],
  ['child', (v) => s`The baby’s date of birth is ${v}.`],
  ['adult', (v) => s`Father, born ${v}, had convictions for violence.`],
  ['child', (v) => s`DOB: ${v}; age at the incident 4 years.`],
  ['child', (v) => s`Birth date ${v} was confirmed by the GP.`],
  ['child', (v, r) => s`${child(r)} – dob ${v} – was excluded from school in Year 2.`],
  ['adult', (v) => s`Date of Birth - ${v}`],
  ['child', (v, r) => s`${child(r)}, DoB ${v}, went to nursery part-time.`],
  ['adult', (v, r) => s`Mother was born on ${v} and was 17 when ${child(r)} was born.`],
  ['adult', (v) => s`Born: ${v}.`],
  ['child', (v, r) => s`${child(r)} was born on the ${v}, the second of three children.`],
  ['child', (v, r) => s`${child(r)} was born at 34 weeks on ${v} and stayed in the neonatal unit.`],
  ['adult', (v) => s`Mother’s partner (date of birth ${v}) moved in during 2015.`],
  ['adult', (v) => s`The lodger’s DOB was given as ${v} on the tenancy.`],
  ['child', (v) => s`Date of birth (DOB): ${v}`],
  ['child', (v, r) => s`${child(r)} was born at home on ${v}; the birth was not registered for six weeks.`],
];
/** Contexts that need a day of the month with its ordinal ("born on the 3rd of April"). */
const needsOrdinal = (c: Context) => c === birthContexts[14][1];

const birthLookAlikes: [string, (r: Rng) => Part[]][] = [
  ['date with no birth label', (r) => s`Referred on ${anyDate(r)} by ${agency(r)}.`],
  ['date with no birth label', (r) => s`The strategy meeting was held on ${anyDate(r)}.`],
  ['date with no birth label', (r) => s`Initial child protection conference: ${anyDate(r)}.`],
  ['date range', (r) => s`The review covers ${anyDate(r, day(r, 2012, 2013))} to ${anyDate(r, day(r, 2015, 2016))}.`],
  ['other labelled dates', (r) => s`Date of referral: ${anyDate(r)}; date of decision: ${anyDate(r)}.`],
  ['other labelled dates', (r) => s`Date of death ${anyDate(r)}; inquest opened ${anyDate(r)}.`],
  ['other labelled dates', (r) => s`Expected date of delivery ${anyDate(r)}; booked late at 24 weeks.`],
  ['birth with no full date', (r) => s`${child(r)} was born in ${int(r, 2008, 2016)} and was born at term.`],
  ['birth with no full date', (r) => s`New birth visit on ${anyDate(r)}; no concerns noted.`],
  ['birth with no full date', (r) => s`The birth was registered on ${anyDate(r)} by Mother alone.`],
  ['birth with no full date', (r) => s`Date of birth not recorded; referral dated ${anyDate(r)}.`],
  ['birth with no full date', (r) => s`${child(r)} went to a birthday party on ${anyDate(r)} and came home late.`],
  ['birth with no full date', (r) => s`DOB and address were checked with the GP on ${anyDate(r)}.`],
  ['birth with no full date', (r) => s`Father’s date of birth is not known; he was arrested on ${anyDate(r)}.`],
  ['birth with no full date', (r) => s`${child(r)} was born in ${pick(r, MONTHS)} ${int(r, 2008, 2016)}; the family moved on ${anyDate(r)}.`],
  ['birth with no full date', (r) => s`Father was born in Poland and came to England on ${anyDate(r)}.`],
  ['birth with no full date', (r) => s`${child(r)} was born, the records say, in hospital; discharged on ${anyDate(r)}.`],
];

// Forms left alone on purpose ----------------------------------------------------------------
// Real ways of writing identifiers that a reader would recognise but the detectors do not look
// for, to stay precise. They keep the figures honest and show where the rule's limits are.

const hardForms: Record<IdentifierKind, [string, (r: Rng) => Part[]][]> = {
  'nhs-number': [
    ['dotted, no label', (r) => {
      const d = nhsNumber(r);
      return s`The referral form quotes ${id('nhs-number', `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`)} for the baby.`;
    }],
  ],
  'ni-number': [['lower case', (r) => s`Mother’s NI number is ${id('ni-number', niNumber(r, niFormats[1][1]).toLowerCase())}.`]],
  postcode: [['mixed case', (r) => {
    const pc = `${pick(r, TWO_LETTERS)}${int(r, 1, 99)} ${inward(r)}`.toLowerCase();
    return s`The family moved to ${id('postcode', pc.charAt(0).toUpperCase() + pc.slice(1))} in 2015.`;
  }]],
  email: [['written out to avoid spam', (r) => s`Mother’s email is ${id('email', `${pick(r, LOCAL_PARTS.filter((l) => !l.includes('+')))} at ${pick(r, DOMAINS).replace(/\./g, ' dot ')}`)}.`]],
  phone: [
    ['dotted', (r) => s`Mobile ${id('phone', `07700.900.${digits(r, 3)}`)} on the contact sheet.`],
  ],
  'birth-date': [['month and year only', (r) => s`${child(r)}, DOB ${id('birth-date', `${pick(r, MONTHS)} ${int(r, 2000, 2016)}`)}, was the youngest.`]],
};

// Mixed sentences and ordinary text -------------------------------------------------------------

const id = (kind: IdentifierKind, text: string): Id => ({ kind, text });
const anyNhs = (r: Rng) => id('nhs-number', pick(r, nhsFormats)[1](nhsNumber(r)));
const anyNi = (r: Rng) => id('ni-number', niNumber(r, pick(r, niFormats)[1]));
const anyPostcode = (r: Rng) => id('postcode', weighted(r, postcodeStyles)[2](pick(r, outwardShapes)[1](r), inward(r)));
const anyEmail = (r: Rng) => id('email', pick(r, emailFormats)[1](email(r)));
const anyPhone = (r: Rng) => id('phone', weighted(r, phoneStyles)[2](pick(r, phoneNumbers)[1](r)));
const anyBirthDate = (r: Rng) => id('birth-date', pick(r, dateFormats.slice(0, 10))[1](day(r)));

const mixed: ((r: Rng) => Part[])[] = [
  (r) => s`Mother: DOB ${anyBirthDate(r)}, NI ${anyNi(r)}, mobile ${anyPhone(r)}.`,
  (r) => s`Contact ${anyEmail(r)} or ${anyPhone(r)}.`,
  (r) => s`Address ${anyPostcode(r)}; NHS number ${anyNhs(r)}.`,
  (r) => s`${child(r)} (NHS ${anyNhs(r)}, DOB ${anyBirthDate(r)}) lived at ${anyPostcode(r)}.`,
  (r) => s`Referral from ${anyEmail(r)} (tel. ${anyPhone(r)}) on ${anyDate(r)}.`,
  (r) => s`Address history: ${anyPostcode(r)} (2012–2014), then ${anyPostcode(r)} (2014–2016).`,
  (r) => s`Father, date of birth ${anyBirthDate(r)}, NI number ${anyNi(r)}, last known at ${anyPostcode(r)}.`,
  (r) => s`${Agency(r)} held ${anyPhone(r)} and ${anyPhone(r)} for the family.`,
  (r) => s`The children’s dates of birth are ${anyBirthDate(r)} and ${anyBirthDate(r)}.`,
  (r) => s`DOBs: ${anyBirthDate(r)}, ${anyBirthDate(r)}; ${anyBirthDate(r)}; all three were on plans.`,
  (r) => s`Child T and Child M, DOB ${anyBirthDate(r)} and ${anyBirthDate(r)}, were seen together.`,
  (r) => s`Tel ${anyPhone(r)} / ${anyPhone(r)} (mother and grandmother).`,
  (r) => s`Numbers on file: ${anyPhone(r)}/${anyPhone(r)}.`,
];

const ordinary: ((r: Rng) => Part[])[] = [
  (r) => s`Case NSCB-${int(r, 2012, 2016)}-${pad(int(r, 1, 12))} was referred on ${int(r, 2012, 2016)}-01-14 and decided on ${int(r, 2012, 2016)}-02-10.`,
  (r) => s`${Agency(r)}; ${agency(r)}; Westshire LSCB.`,
  (r) => s`Attendance ${int(r, 50, 99)} per cent. ${int(r, 10, 200)} decisions, ${int(r, 10, 99)}% agreed.`,
  (r) => s`QM2 question ${int(r, 1, 9)}; WT2015 chapter 4, paragraphs 18–20; section 47 enquiry; ${child(r)}, aged ${int(r, 1, 15)} years.`,
  (r) => s`The Children Act 2004, section ${pick(r, ['10', '11', '13', '14'])}, and the LSCB Regulations 2006, regulation 5, apply.`,
  (r) => s`Working Together to Safeguard Children ${pick(r, ['2013', '2015'])}, chapter 4, sets the criteria for a serious case review.`,
  (r) => s`A section ${pick(r, ['17', '20', '47'])} assessment began in ${pick(r, MONTHS)} ${int(r, 2012, 2016)} and ended ${int(r, 2, 12)} weeks later.`,
  (r) => s`${Agency(r)} provided an individual management review of ${int(r, 5, 40)} pages by ${int(r, 1, 28)} ${pick(r, MONTHS)} ${int(r, 2014, 2016)}.`,
  (r) => s`The panel met ${int(r, 2, 9)} times between ${int(r, 2013, 2014)} and ${int(r, 2015, 2016)}; Eastshire LSCB and Southshire LSCB were told.`,
  (r) => s`${child(r)} was seen ${int(r, 2, 9)} times by the health visitor and ${int(r, 1, 5)} times by the GP in the year before the incident.`,
  (r) => s`Birth and routine postnatal care were normal; ${child(r)} was ${int(r, 2, 4)}.${int(r, 0, 9)} kg at birth.`,
  (r) => s`The chair decided on ${anyDate(r)} that the criteria were met, ${int(r, 3, 30)} working days after the referral.`,
];

// The corpus -----------------------------------------------------------------------------------

export interface CorpusOptions {
  seed?: number;
  /** Positive sentences per kind. */
  positives?: number;
  /** Look-alike sentences per kind. */
  lookAlikes?: number;
  mixed?: number;
  ordinary?: number;
}

/** The same corpus on every run for the same options. */
export function buildCorpus(options: CorpusOptions = {}): CorpusItem[] {
  const { seed = 20170131, positives = 350, lookAlikes = 200 } = options;
  const r = seeded(seed);
  const items: CorpusItem[] = [];
  const add = (parts: Part[], role: CorpusItem['role'], form: string, kind?: IdentifierKind) => {
    const { text, spans } = compose(parts);
    items.push({ text, spans, role, kind, form, field: pick(r, FIELDS) });
  };

  // Each kind: the ways of writing it in turn, each in a context picked at random.
  const positiveMakers: Record<IdentifierKind, (i: number) => [string, Id, Context[]]> = {
    'nhs-number': (i) => {
      if (i % 10 === 9) return ['other spacing, after a label', id('nhs-number', pick(r, nhsOddGroupings)(nhsNumber(r))), nhsLabelledContexts];
      const [form, f] = nhsFormats[i % nhsFormats.length];
      return [form, id('nhs-number', f(nhsNumber(r))), nhsContexts];
    },
    'ni-number': (i) => {
      const [form, f] = niFormats[i % niFormats.length];
      // Written without its suffix letter, a number is recognisable only by its label.
      const contexts = niContexts.filter(([labelled]) => labelled || !form.includes('no suffix')).map(([, c]) => c);
      return [form, id('ni-number', niNumber(r, f)), contexts];
    },
    postcode: (i) => {
      const [shape, outward] = outwardShapes[i % outwardShapes.length];
      const [style, , f] = weighted(r, postcodeStyles);
      return [`${shape}, ${style}`, id('postcode', f(outward(r), inward(r))), postcodeContexts];
    },
    email: (i) => {
      const [form, f] = emailFormats[i % emailFormats.length];
      const address = f(email(r));
      return [form === 'plain' && address.includes('+') ? 'with a + tag' : form, id('email', address), emailContexts];
    },
    phone: (i) => {
      const [kind, make] = phoneNumbers[i % phoneNumbers.length];
      const [style, , f] = weighted(r, phoneStyles);
      return [`${kind}, ${style}`, id('phone', f(make(r))), phoneContexts];
    },
    'birth-date': (i) => {
      const [form, f] = dateFormats[i % dateFormats.length];
      let [whose, context] = pick(r, birthContexts);
      if (needsOrdinal(context) && !form.startsWith('dth')) [whose, context] = birthContexts[2];
      const value = id('birth-date', f(whose === 'child' ? day(r, 2000, 2016) : day(r, 1960, 1998)));
      return [form, value, [context]];
    },
  };
  const lookAlikeMakers: Record<IdentifierKind, [string, (r: Rng) => Part[]][]> = {
    'nhs-number': nhsLookAlikes,
    'ni-number': niLookAlikes,
    postcode: postcodeLookAlikes,
    email: emailLookAlikes,
    phone: phoneLookAlikes,
    'birth-date': birthLookAlikes,
  };

  for (const kind of IDENTIFIER_KINDS) {
    for (let i = 0; i < positives; i++) {
      // About one in 35 is written in a way the detectors leave alone.
      if (i % 35 === 17) {
        const [form, make] = pick(r, hardForms[kind]);
        add(make(r), 'positive', `${form} (not looked for)`, kind);
        continue;
      }
      const [form, value, contexts] = positiveMakers[kind](i);
      add(pick(r, contexts)(value, r), 'positive', form, kind);
    }
    const makers = lookAlikeMakers[kind];
    for (let i = 0; i < lookAlikes; i++) {
      const [form, make] = makers[i % makers.length];
      add(make(r), 'look-alike', form, kind);
    }
  }
  for (let i = 0; i < (options.mixed ?? 200); i++) add(mixed[i % mixed.length](r), 'mixed', 'several kinds');
  for (let i = 0; i < (options.ordinary ?? 200); i++) add(ordinary[i % ordinary.length](r), 'ordinary', 'case-file text');
  return items;
}

// Measuring -------------------------------------------------------------------------------------

export interface Score {
  /** Identifiers in the corpus. */
  labelled: number;
  /** Of those, how many a detection of the same kind overlaps. */
  found: number;
  missed: number;
  /** Detections in all. */
  detections: number;
  /** Detections that overlap no identifier of their kind. */
  falseAlarms: number;
  precision: number;
  recall: number;
}

export interface Measurement {
  byKind: Record<IdentifierKind, Score>;
  overall: Score;
  items: number;
  /** Items by role. */
  roles: Record<CorpusItem['role'], number>;
  misses: { item: CorpusItem; span: LabelledSpan }[];
  falseAlarms: { item: CorpusItem; match: IdentifierMatch }[];
}

export type Detector = (text: string) => IdentifierMatch[];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function finish(x: Omit<Score, 'precision' | 'recall'>): Score {
  return {
    ...x,
    precision: x.detections ? (x.detections - x.falseAlarms) / x.detections : 1,
    recall: x.labelled ? x.found / x.labelled : 1,
  };
}

/**
 * Scores a detector: an identifier is found when a detection of the same kind overlaps it; a
 * detection is a false alarm when it overlaps no identifier of its kind.
 */
export function measure(items: readonly CorpusItem[], detect: Detector = (t) => findIdentifiers(t)): Measurement {
  const counts = Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, { labelled: 0, found: 0, missed: 0, detections: 0, falseAlarms: 0 }])) as Record<
    IdentifierKind,
    Omit<Score, 'precision' | 'recall'>
  >;
  const roles = { positive: 0, mixed: 0, 'look-alike': 0, ordinary: 0 };
  const misses: Measurement['misses'] = [];
  const falseAlarms: Measurement['falseAlarms'] = [];
  for (const item of items) {
    roles[item.role]++;
    const found = detect(item.text);
    for (const span of item.spans) {
      const c = counts[span.kind];
      c.labelled++;
      if (found.some((m) => m.kind === span.kind && overlaps(m, span))) c.found++;
      else {
        c.missed++;
        misses.push({ item, span });
      }
    }
    for (const m of found) {
      const c = counts[m.kind];
      c.detections++;
      if (!item.spans.some((span) => span.kind === m.kind && overlaps(m, span))) {
        c.falseAlarms++;
        falseAlarms.push({ item, match: m });
      }
    }
  }
  const byKind = Object.fromEntries(IDENTIFIER_KINDS.map((k) => [k, finish(counts[k])])) as Record<IdentifierKind, Score>;
  const sum = (key: 'labelled' | 'found' | 'missed' | 'detections' | 'falseAlarms') => IDENTIFIER_KINDS.reduce((n, k) => n + counts[k][key], 0);
  const overall = finish({ labelled: sum('labelled'), found: sum('found'), missed: sum('missed'), detections: sum('detections'), falseAlarms: sum('falseAlarms') });
  return { byKind, overall, items: items.length, roles, misses, falseAlarms };
}

// Tables --------------------------------------------------------------------------------------

export const KIND_NAMES: Record<IdentifierKind, string> = {
  'nhs-number': 'NHS number',
  'ni-number': 'National Insurance number',
  postcode: 'Full postcode',
  email: 'Email address',
  phone: 'Phone number',
  'birth-date': 'Date of birth',
};

const percent = (x: number) => `${(Math.floor(x * 1000) / 10).toFixed(1)}%`;

function rows(m: Measurement): string[][] {
  const n = (x: number) => x.toLocaleString('en-GB');
  const row = (name: string, x: Score) => [name, n(x.labelled), n(x.found), n(x.missed), n(x.falseAlarms), percent(x.precision), percent(x.recall)];
  return [...IDENTIFIER_KINDS.map((k) => row(KIND_NAMES[k], m.byKind[k])), row('**All kinds**', m.overall)];
}
const HEAD = ['Kind', 'Identifiers', 'Found', 'Missed', 'False alarms', 'Precision', 'Recall'];

/** One line saying what the corpus holds. */
export function corpusSummary(m: Measurement): string {
  return (
    `${m.items.toLocaleString('en-GB')} sentences: ${m.roles.positive.toLocaleString('en-GB')} with one kind of identifier, ${m.roles.mixed} with several, ` +
    `${m.roles['look-alike'].toLocaleString('en-GB')} look-alikes and ${m.roles.ordinary} of ordinary case-file text; ` +
    `${m.overall.labelled.toLocaleString('en-GB')} identifiers in all.`
  );
}

export function markdownTable(m: Measurement): string {
  const lines = [HEAD, HEAD.map((_, i) => (i === 0 ? '---' : '---:')), ...rows(m)];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function textTable(m: Measurement): string {
  const all = [HEAD, ...rows(m).map((r) => r.map((c) => c.replace(/\*\*/g, '')))];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  return all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** The misses and false alarms, one a line, for finding out why. */
export function details(m: Measurement, limit = Infinity): string {
  const out: string[] = [];
  const misses = m.misses.slice(0, limit);
  if (misses.length) out.push(`Missed (${m.misses.length}):`, ...misses.map(({ item, span }) => `  ${span.kind} [${item.form}] «${span.text}» in: ${item.text}`));
  const alarms = m.falseAlarms.slice(0, limit);
  if (alarms.length) out.push(`False alarms (${m.falseAlarms.length}):`, ...alarms.map(({ item, match }) => `  ${match.kind} «${match.text}» [${item.role}${item.kind ? ` ${item.kind}` : ''}: ${item.form}] in: ${item.text}`));
  return out.join('\n');
}

/** The misses counted by kind and by how the identifier was written, most first. */
export function missesByForm(m: Measurement): { kind: IdentifierKind; form: string; missed: number }[] {
  const counts = new Map<string, { kind: IdentifierKind; form: string; missed: number }>();
  for (const { item, span } of m.misses) {
    const key = `${span.kind}\u0000${item.form}`;
    const entry = counts.get(key) ?? { kind: span.kind, form: item.form, missed: 0 };
    entry.missed++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.missed - a.missed || a.kind.localeCompare(b.kind) || a.form.localeCompare(b.form));
}

// The corpus as a case file -------------------------------------------------------------------

/**
 * The corpus written as one YAML file, each sentence a block scalar under the key of its field,
 * so that the `personal-data` rule itself can be run over it. `offsets[i]` is where item i's
 * text starts in the file.
 */
export function asCaseFile(items: readonly CorpusItem[]): { text: string; offsets: number[] } {
  let text = '# The labelled corpus of test/privacy/corpus.ts, one sentence a block.\ncorpus:\n';
  const offsets: number[] = [];
  for (const item of items) {
    text += `  - ${item.field}: |-\n      `;
    offsets.push(text.length);
    text += `${item.text}\n`;
  }
  return { text, offsets };
}
