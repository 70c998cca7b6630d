import type { Rule } from '../rule';

export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  title: 'The file can be read',
  description: 'YAML that does not parse, or more than one document in one file.',
  severity: 'error',
  questions: [],
  fixable: true,
  group: 'format',
  check(ctx) {
    for (const p of ctx.doc.syntax) ctx.report({ span: p.span, message: p.message, fixes: p.fixes });
    const v = ctx.doc.value;
    if (ctx.doc.syntax.length === 0 && (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v))) {
      ctx.report({
        span: ctx.doc.lineSpan(ctx.doc.root?.range?.[0] ?? 0),
        message: v === null || v === undefined
          ? 'This case file is empty. Start it with `scr: 1` and the `case` section (in VS Code, the "SCR: New Case File" command writes a skeleton; elsewhere, copy a case file from the checker\'s examples folder).'
          : 'A case file is a set of keys (`scr: 1`, `case:`, `referral:` ...), but this file holds a single value or a list.',
      });
    }
  },
};
