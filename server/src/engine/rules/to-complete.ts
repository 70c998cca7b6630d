import { unfinished } from '../unfinished';
import type { Rule } from '../rule';
import { titleAt } from '../schema-info';
import { placeName } from './schema';

export const toComplete: Rule = {
  id: 'to-complete',
  title: 'Nothing is left “To be completed.”',
  description: 'Text left for you to fill in, by a quick fix (“To be completed.”) or a new file’s template (“To be completed. What the finding rests on.”), that has not yet been replaced.',
  severity: 'warning',
  // Each finding names the one question its place bears on.
  questions: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  fixable: false,
  group: 'qm2',
  check(ctx) {
    const { doc } = ctx;
    for (const u of unfinished(doc)) {
      const key = u.path.filter((p) => typeof p === 'string').pop();
      // A key with no name (`: To be completed.`) has no title either.
      const title = titleAt(u.path) || 'This value';
      // Where it stands, for keys that many parts share (`finding`, `evidence`, `date`): the
      // section or entry that holds it, by name. An item of a list is named by its list's key.
      const parent = u.path.slice(0, typeof u.path[u.path.length - 1] === 'number' ? -2 : -1);
      const where = parent.length ? ` in ${placeName(doc, parent)}` : '';
      ctx.report({
        span: doc.spanOf(u.path),
        message:
          `${title.charAt(0).toUpperCase()}${title.slice(1)}${key && key !== title ? ` (\`${key}\`)` : ''}${where} still reads “${u.text}”, words left for you to replace. ` +
          'Write in what the record shows.' + (u.questions.length ? ` Until then, it does not count towards QM2 question ${u.questions.join(' or ')}.` : ''),
        questions: u.questions,
        subject: u.path.join('.'),
      });
    }
  },
};
