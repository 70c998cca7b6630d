import { appendItem } from '../fixes';
import { agencyIds, agencyTypeWords, missingKeyTypes } from '../agencies';
import { entries } from '../entries';
import { requestDate, TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';

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
    const ids = new Set(agencyIds(doc).keys());
    const span = doc.anchor(['agencies'], ['referral'], ['case']);
    for (const type of missingKeyTypes(doc, ctx.settings.keyAgencyTypes)) {
      const words = agencyTypeWords(type);
      const id = freeId(type, ids);
      ctx.report({
        span,
        message:
          `No ${words} agency is recorded under \`agencies\`. QM2 question 2 expects each key type of agency to be asked for at least minimum data. ` +
          `Add the ${words} agency that was asked, with the date of the request, or ask one now.`,
        fixes: fix(
          `Add an agency of type \`${type}\``,
          appendItem(doc, ['agencies'], { id, name: TO_COMPLETE, type, involvement: 'unknown', minimumData: { requested: requestDate(ctx.timing, ctx.today) } }),
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
