import { formatIso } from '../dates';
import { appendItem } from '../fixes';
import { agencyIds, asString, entries } from '../model';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';

/** How each agency type reads in a sentence ("no police agency"). */
const TYPE_WORDS: Record<string, string> = {
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

export const keyAgencyMissing: Rule = {
  id: 'key-agency-missing',
  title: 'Every key type of agency is asked',
  description: 'A key type of agency (by default social care, police and health) with no agency of that type recorded.',
  severity: 'warning',
  questions: [2],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    // With no agencies recorded at all, agency-contact says so once; a finding per type would bury it.
    if (entries(doc, ['agencies']).length === 0) return;
    // A type written in other capitals (`Police`) is the format check's finding; the agency is there.
    const types = new Set(entries(doc, ['agencies']).map((a) => asString(a.data.type)?.trim().toLowerCase()));
    const ids = new Set(agencyIds(doc).keys());
    const span = doc.anchor(['agencies'], ['referral'], ['case']);
    for (const type of ctx.settings.keyAgencyTypes) {
      if (types.has(type)) continue;
      const words = TYPE_WORDS[type] ?? `“${type}”`;
      const id = freeId(type, ids);
      ctx.report({
        span,
        message:
          `No ${words} agency is recorded under \`agencies\`. QM2 question 2 expects each key type of agency to be asked for at least minimum data. ` +
          `Add the ${words} agency that was asked, with the date of the request, or ask one now.`,
        fixes: fix(
          `Add an agency of type \`${type}\``,
          appendItem(doc, ['agencies'], { id, name: TO_COMPLETE, type, involvement: 'unknown', minimumData: { requested: formatIso(ctx.today) } }),
        ),
        subject: type,
      });
    }
  },
};

/** The type itself as the new agency's id, or the type with a number when that id is taken. */
function freeId(type: string, taken: Set<string>): string {
  const base = type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'agency';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
