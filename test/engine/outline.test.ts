import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { outlineOf } from '../../server/src/engine/cursor';
import { CaseDoc } from '../../server/src/engine/document';
import { SAMPLE } from './sample-case';

describe('the outline of a text’s lines', () => {
  it('is worked out once per text, however often completion asks (it used to be at every request)', () => {
    const doc = new CaseDoc(SAMPLE);
    const first = outlineOf(doc.lines);
    assert.equal(outlineOf(doc.lines), first);
    const line = SAMPLE.split('\n').findIndex((l) => l.startsWith('decision:'));
    assert.equal(first.shape(line).key, 'decision');
  });

  it('is a new one for an edited text', () => {
    const doc = new CaseDoc(SAMPLE);
    const edited = new CaseDoc(`# a note\n${SAMPLE}`, doc);
    const line = SAMPLE.split('\n').findIndex((l) => l.startsWith('decision:'));
    assert.notEqual(outlineOf(edited.lines), outlineOf(doc.lines));
    assert.equal(outlineOf(edited.lines).shape(line + 1).key, 'decision');
  });
});
