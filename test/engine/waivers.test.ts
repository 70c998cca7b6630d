import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CaseDoc } from '../../server/src/engine/document';
import { findWaivers } from '../../server/src/engine/waivers';

describe('findWaivers', () => {
  it('finds every waiver line, on the first and last lines, side by side, and with either line break', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = [
        '# scr-waive schema: first line',
        'case:',
        '  reference: X-1 # scr-waive is prose here, not a waiver',
        '  # scr-waive to-complete: one',
        '  # scr-waive personal-data two',
        '  board: Northshire LSCB',
        '# scr-waive lead-board: last line',
      ].join(eol);
      const found = findWaivers(new CaseDoc(text)).map((w) => [w.line, w.rule, w.reason, text.slice(w.span.start, w.span.end)]);
      assert.deepEqual(found, [
        [0, 'schema', 'first line', '# scr-waive schema: first line'],
        [3, 'to-complete', 'one', '# scr-waive to-complete: one'],
        [4, 'personal-data', '', '# scr-waive personal-data two'],
        [6, 'lead-board', 'last line', '# scr-waive lead-board: last line'],
      ], JSON.stringify(eol));
    }
  });
});
