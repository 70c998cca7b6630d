import type { Rule } from '../rule';
import { DIRECTION_CONTROL, listWords, shownText } from '../text';
import type { TextEdit } from '../types';

const EACH = new RegExp(DIRECTION_CONTROL.source, 'g');

export const textDirection: Rule = {
  id: 'text-direction',
  title: 'No hidden change of text direction',
  description: 'Text holding an invisible character that changes the direction text is shown in (such as U+202E, right-to-left override), so that it can be shown otherwise than it is written, or hide part of what it says.',
  severity: 'warning',
  questions: [],
  fixable: true,
  group: 'format',
  readsText: true,
  check(ctx) {
    const { doc } = ctx;
    // Rare: the whole text is searched once, and line by line only when one is there.
    if (!DIRECTION_CONTROL.test(doc.text)) return;
    const { lines } = doc;
    for (let line = 0; line < lines.lineCount; line++) {
      const start = lines.lineStart(line);
      const found = [...lines.lineText(line).matchAll(EACH)].map((m) => ({ at: start + m.index!, c: m[0] }));
      if (!found.length) continue;
      // Named as the checker writes each out wherever it shows the line (<U+202E>), so the reader
      // can find it in the preview or a hover; Unicode's own names for them mean nothing to most.
      const kinds = [...new Set(found.map((f) => shownText(f.c)))];
      const one = found.length === 1;
      const edits: TextEdit[] = found.map((f) => ({ span: { start: f.at, end: f.at + f.c.length }, newText: '' }));
      ctx.report({
        span: { start: found[0].at, end: found[found.length - 1].at + 1 },
        message: `This line holds ${one ? 'an invisible character' : `${found.length} invisible characters`} that ${one ? 'changes' : 'change'} the direction text is shown in (the checker shows ${one ? 'it' : 'them'} as ${listWords(kinds, 'and')}), so the line may not read as it is written: words can be shown in another order, or hidden. Remove ${one ? 'it' : 'them'} (the quick fix removes nothing else), then read the line again to check it says what you mean.`,
        // Not taken by Fix all: what the line says once shown plainly is for the reviewer to read.
        fixes: [{ title: one ? 'Remove the invisible character that changes the text direction' : `Remove the ${found.length} invisible characters that change the text direction`, edits, preferred: false }],
      });
    }
  },
};
