import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CaseDoc } from '../../server/src/engine/document';

describe('syntax messages', () => {
  it('lists nested thousands deep are told in plain words, not as the reader running out of room', () => {
    const doc = new CaseDoc(`scr: 1\ncase:\n  notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    assert.ok(doc.syntax.length > 0);
    for (const p of doc.syntax) {
      assert.doesNotMatch(p.message, /stack/i);
      assert.match(p.message, /inside one another here too many times over to be read/);
    }
  });
});
