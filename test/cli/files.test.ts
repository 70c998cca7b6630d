import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { pathInside } from '../../server/src/cli/files';

describe('pathInside', () => {
  it('gives a path from the folder only for what lies inside it', () => {
    assert.equal(pathInside('/work/dossier', '/work/dossier/2016/a.scr.yaml'), '2016/a.scr.yaml');
    // A name that starts with two dots is still inside.
    assert.equal(pathInside('/work/dossier', '/work/dossier/..draft.scr.yaml'), '..draft.scr.yaml');
    assert.equal(pathInside('/work/dossier', '/work/other/a.scr.yaml'), undefined);
    assert.equal(pathInside('/work/dossier', '/work'), undefined);
    assert.equal(pathInside('/work/dossier', '/work/dossier'), undefined);
  });
});
