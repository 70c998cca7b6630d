import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { RULES } from '../../server/src/engine/rules/index';
import type { Rule } from '../../server/src/engine/rule';

const TEXT = readFileSync(join(__dirname, '..', '..', 'examples', 'typical-gaps.scr.yaml'), 'utf8');
const today = parseDate('2017-01-09');

describe('a rule that fails', () => {
  it('loses only its own findings; the others and the checklist still come, and the failure is reported', () => {
    const before = analyseText(TEXT, { today });
    const rule = RULES.find((r) => r.id === 'unexplained-delay') as Rule;
    assert.ok(before.findings.some((f) => f.rule === rule.id), 'the example has a finding of this rule to lose');
    const original = rule.check;
    const failures: string[] = [];
    rule.check = (ctx) => {
      ctx.report({ span: { start: 0, end: 1 }, message: 'half-reported before the failure' });
      throw new Error('boom');
    };
    try {
      const after = analyseText(TEXT, { today, onRuleError: (id, e) => failures.push(`${id}: ${(e as Error).message}`) });
      assert.deepEqual(failures, ['unexplained-delay: boom']);
      assert.equal(after.findings.filter((f) => f.rule === rule.id).length, 0, 'nothing half-reported is kept');
      assert.deepEqual(
        after.findings.map((f) => `${f.rule}@${f.span.start}`),
        before.findings.filter((f) => f.rule !== rule.id).map((f) => `${f.rule}@${f.span.start}`),
      );
      assert.equal(after.checklist.length, 9);
    } finally {
      rule.check = original;
    }
  });
});
