// invalid-date finds the dates that are not dates by looking each date place up in the plain value
// (a long file has thousands of entries, and the rule runs on every keystroke), then finds those
// in the tree. It must report exactly what walking the tree reports: checked on every example and
// fixture, and on the shapes where the value and the tree differ (aliases, keys written as
// numbers or in quotes, a section or a list where a date goes, a slip).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import type { Node } from 'yaml';
import { CaseDoc } from '../../server/src/engine/document';
import { forEachDateScalar, forEachDateScalarInTree, notADate } from '../../server/src/engine/rules/invalid-date';

const ROOT = join(__dirname, '..', '..');
const FILES = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort();

/** The dates that are not dates each way visits: where, and the value. */
function visited(text: string): { fast: string[]; tree: string[] } {
  const doc = new CaseDoc(text);
  const list = (walk: typeof forEachDateScalar) => {
    const out: string[] = [];
    walk(doc, (n: Node, v: unknown) => {
      if (notADate(v)) out.push(`${n.range?.[0]}-${n.range?.[1]}:${JSON.stringify(v)}`);
    });
    return out;
  };
  return { fast: list(forEachDateScalar), tree: list(forEachDateScalarInTree) };
}

const CASES: Record<string, string> = {
  'a wrong date in a long list': `scr: 1\nagencies:\n${Array.from({ length: 40 }, (_, i) => `  - id: a${i}\n    minimumData:\n      requested: ${i === 33 ? '2016-02-30' : '2016-01-05'}\n      received: ${i === 7 ? '14/01/2016' : i === 9 ? 20160114 : 'null'}\n`).join('')}`,
  'an alias to a wrong date (not followed)': 'scr: 1\nreferral:\n  date: &d 2016-13-01\ndecision:\n  date: *d\n',
  'an alias to a section holding one': 'scr: 1\nfamily:\n  addresses:\n    - &a\n      board: X\n      from: 2016-02-31\n    - *a\n',
  'a key in quotes, a number where a date goes': 'scr: 1\n"referral":\n  \'date\': 12\ndecision:\n  date: true\n',
  'a section and a list where a date goes': 'scr: 1\nreferral:\n  date:\n    day: 2016-02-31\ndecision:\n  date: [2016-02-31]\n',
  'a key written twice (a slip)': 'scr: 1\nreferral:\n  date: 2016-02-31\n  date: 2016-01-01\n',
  'a slip elsewhere': 'scr: 1\nreferral:\n  date: 2016-02-31\n  from: [unclosed\ndecision:\n  date: 31/01/2016\n',
  'in another order than the format lists them': 'scr: 1\ndecision:\n  date: 2016-02-31\nreferral:\n  date: 31/01/2016\nagencies:\n  - minimumData:\n      received: 2016-02-30\n      requested: 2016-02-31\n',
  'keys that are numbers': 'scr: 1\n1: 2016-02-31\nreferral:\n  0: 2016-02-31\n  date: "2016-1-1"\n',
};

describe('invalid-date: the dates found through the value are those the tree holds', () => {
  for (const file of FILES) {
    it(file, () => {
      const { fast, tree } = visited(readFileSync(join(ROOT, file), 'utf8'));
      assert.deepEqual(fast, tree);
    });
  }
  for (const [name, text] of Object.entries(CASES)) {
    it(name, () => {
      const { fast, tree } = visited(text);
      assert.deepEqual(fast, tree);
      if (name !== 'a section and a list where a date goes') assert.ok(tree.length > 0, 'the case holds a date that is not one');
    });
  }
});
