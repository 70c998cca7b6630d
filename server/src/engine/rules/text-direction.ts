import type { Rule } from '../rule';
import { DIRECTION_CONTROL, directionControlsIn, directionControlWords } from '../text';

export const textDirection: Rule = {
  id: 'text-direction',
  title: 'No hidden change of text direction',
  description: 'Text holding an invisible character that changes the direction text is shown in (the checker shows each as, for example, <U+202E>), so that it can be shown otherwise than it is written, or hide part of what it says.',
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
      const found = directionControlsIn(lines.lineText(line), lines.lineStart(line));
      if (!found.length) continue;
      const one = found.length === 1;
      const { what, fix } = directionControlWords(found);
      ctx.report({
        span: { start: found[0].at, end: found[found.length - 1].at + 1 },
        message: `This line holds ${what} that ${one ? 'changes' : 'change'} the direction text is shown in, so the line may not read as it is written: words can be shown in another order, or hidden. Remove ${one ? 'it' : 'them'} (the quick fix removes nothing else), then read the line again to check it says what you mean.`,
        // Not taken by Fix all: what the line says once shown plainly is for the reviewer to read.
        fixes: [{ ...fix, preferred: false }],
      });
    }
  },
};
