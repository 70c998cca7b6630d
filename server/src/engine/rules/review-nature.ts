import type { CaseDoc } from '../document';
import { combine, insertProperty, setValue } from '../fixes';
import { isDecided, natureGaps } from '../decision';
import { wrongKind } from '../entries';
import { asRecord } from '../values';
import { listWords } from '../text';
import { TO_COMPLETE } from '../placeholders';
import { fix, type Rule } from '../rule';
import type { Fix } from '../types';

/** The format's review methodologies, with their names in words. */
const METHODOLOGY_WORDS: Record<string, string> = {
  systems: 'a systems review',
  silp: 'a SILP review',
  proportionate: 'a proportionate review',
  traditional: 'a traditional review',
  hybrid: 'a hybrid review',
  other: 'another kind of review',
};

export const reviewNature: Rule = {
  id: 'review-nature',
  title: 'The kind of review is set out',
  description: 'A decision to hold an SCR with no nature (methodology, scope).',
  severity: 'warning',
  questions: [8],
  fixable: true,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    if (!isDecided(doc) || doc.get(['decision', 'outcome']) !== 'scr') return;
    const path = ['decision', 'nature'];
    const gaps = natureGaps(doc);
    // Written as something other than a section: the format check says so (one problem, one finding).
    if (!gaps.length || wrongKind(doc, path)) return;
    if (asRecord(doc.get(path))) {
      const missing = listWords(gaps.map((g) => `its ${g}`), 'and');
      const scope = (d: CaseDoc) => insertProperty(d, path, 'scope', TO_COMPLETE);
      const fixes: Fix[] = gaps.includes('methodology')
        ? Object.entries(METHODOLOGY_WORDS).flatMap(([methodology, words]) =>
          fix(`Add \`methodology\`: ${words}`, combine(doc, [(d) => insertProperty(d, path, 'methodology', methodology), ...(gaps.includes('scope') ? [scope] : [])]), false))
        : fix('Add `scope`', scope(doc));
      ctx.report({
        span: doc.keySpan(path),
        message:
          `The nature of the review does not yet say ${missing}. Add ${gaps.includes('methodology') ? 'the methodology (for example a systems review or SILP)' : ''}` +
          `${gaps.length === 2 ? ' and ' : ''}${gaps.includes('scope') ? 'the scope (which agencies and which period)' : ''}.`,
        fixes,
      });
      return;
    }
    const fixes: Fix[] = Object.entries(METHODOLOGY_WORDS).flatMap(([methodology, words]) =>
      fix(`Add \`nature\`: ${words}`, setValue(doc, path, { methodology, scope: TO_COMPLETE, leadReviewer: 'to-be-commissioned' }), false));
    ctx.report({
      span: doc.has(path) ? doc.keySpan(path) : doc.keySpan(['decision']),
      message:
        'The decision is to hold an SCR, but it does not say what kind of review. Add `nature`: the methodology ' +
        '(for example a systems review or SILP), the scope (which agencies and which period), and how the lead reviewer will be found.',
      fixes,
    });
  },
};
