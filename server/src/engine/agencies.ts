import type { CaseDoc } from './document';
import { entries, type Entry } from './entries';
import { once } from './once';
import { isPlaceholder, ownEntry } from './text';
import { asString, writtenText } from './values';

/** How each agency type reads in a sentence ("no police agency"). */
const AGENCY_TYPE_WORDS: Record<string, string> = {
  'social-care': 'children’s social care',
  police: 'police',
  health: 'health',
  education: 'education',
  'early-years': 'early years',
  probation: 'probation',
  housing: 'housing',
  'youth-justice': 'youth justice',
  'adult-services': 'adult services',
  voluntary: 'voluntary sector',
  other: '“other”',
};

/** An agency type in words, as it reads in "no … agency". */
export function agencyTypeWords(type: string): string {
  return ownEntry(AGENCY_TYPE_WORDS, type) ?? `“${type}”`;
}

/**
 * The key agency types (`keyAgencyTypes`) that no recorded agency has. A type written in other
 * capitals (`Police`) counts: the format check reports the spelling, not a missing agency.
 */
export function missingKeyTypes(doc: CaseDoc, keyTypes: readonly string[]): string[] {
  const types = new Set(entries(doc, ['agencies']).map((a) => asString(a.data.type)?.trim().toLowerCase()));
  return keyTypes.filter((t) => !types.has(t));
}

/** Declared agency ids, with where each is declared (the first declaration wins). */
export function agencyIds(doc: CaseDoc): ReadonlyMap<string, Entry> {
  return once(doc, 'agencyIds', () => {
    const ids = new Map<string, Entry>();
    for (const e of entries(doc, ['agencies'])) {
      const id = asString(e.data.id);
      if (id && !ids.has(id)) ids.set(id, e);
    }
    return ids;
  });
}

/** Small words left out of an agency's initials (Children's Services and Education: `cse`). */
const NOT_IN_INITIALS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 's']);

/**
 * The declared agencies that `written` (an id no agency has, or text written where an id goes)
 * names by other means than its id: the agency's name (`Westshire Health Visiting Service`,
 * `westshire-health-visiting-service`), its name without the first word, often the place
 * (`health-visiting-service`), or initials, of its id's words (`hv` for `health-visiting`) or of
 * its name's (`whvs`, `hvs`). Their ids, in the order declared.
 */
export function agenciesNamedBy(doc: CaseDoc, written: unknown): string[] {
  const w = slug(asString(written) ?? '');
  if (!w) return [];
  const out: string[] = [];
  for (const [id, e] of agencyIds(doc)) {
    if (id === w) continue;
    const name = isPlaceholder(e.data.name) ? '' : asString(e.data.name) ?? '';
    const nameSlug = slug(name);
    const nameWords = nameSlug.split('-').filter((x) => x && !NOT_IN_INITIALS.has(x));
    const idWords = id.split('-');
    const initials = (words: string[]) => (words.length >= 2 ? words.map((x) => x[0]).join('') : '');
    const names = !!nameSlug && (w === nameSlug || (w.includes('-') && nameSlug.endsWith(`-${w}`)));
    const short = /^[a-z]{2,6}$/.test(w) && [initials(idWords), initials(nameWords), initials(nameWords.slice(1))].includes(w);
    if (names || short) out.push(id);
  }
  return out;
}

function slug(text: string): string {
  return text.trim().toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Who a notification or a communication of the decision went to, in words. */
const RECIPIENT_WORDS: Record<string, string> = {
  ofsted: 'Ofsted',
  'national-panel': 'the National Panel',
  dfe: 'the Department for Education',
  'member-agencies': 'the member agencies',
  family: 'the family',
  practitioners: 'the practitioners',
  other: 'another body',
};

export function recipientWords(to: unknown): string {
  const id = writtenText(to) ?? '';
  return ownEntry(RECIPIENT_WORDS, id) ?? (id || 'someone');
}

/** The agency an id names, for a label: its declared name, else the id itself. */
export function agencyLabel(doc: CaseDoc, id: unknown): string {
  const key = asString(id);
  const name = agencyIds(doc).get(key ?? '')?.data.name;
  return (isPlaceholder(name) ? undefined : asString(name)?.trim()) || key || 'an agency';
}

/** How an agency is named in messages: its name, else its id (a name still to be completed is no name). */
export function agencyName(data: Record<string, unknown>): string {
  const name = isPlaceholder(data.name) ? undefined : asString(data.name)?.trim();
  if (name) return name;
  const id = asString(data.id)?.trim();
  return id ? `the agency \`${id}\`` : 'this agency';
}
