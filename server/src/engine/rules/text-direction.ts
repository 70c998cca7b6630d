import type { Rule } from '../rule';
import { codePoint, DIRECTION_CONTROL, DIRECTION_CONTROL_NAMES, listWords } from '../text';
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
      const kinds = [...new Set(found.map((f) => f.c))].map((c) => `${codePoint(c)}, ${DIRECTION_CONTROL_NAMES[c]}`);
      const one = found.length === 1;
      const edits: TextEdit[] = found.map((f) => ({ span: { start: f.at, end: f.at + f.c.length }, newText: '' }));
      ctx.report({
        span: { start: found[0].at, end: found[found.length - 1].at + 1 },
        message: `This line holds ${one ? 'an invisible character' : `${found.length} invisible characters`} (${listWords(kinds, 'and')}) that ${one ? 'changes' : 'change'} the direction text is shown in, so the line may not read as it is written: words can be shown in another order, or hidden. Remove ${one ? 'it' : 'them'} (the quick fix removes nothing else), then read the line again to check it says what you mean.`,
        // Not taken by Fix all: what the line says once shown plainly is for the reviewer to read.
        fixes: [{ title: one ? 'Remove the invisible character that changes the text direction' : `Remove the ${found.length} invisible characters that change the text direction`, edits, preferred: false }],
      });
    }
  },
};
