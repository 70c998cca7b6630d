import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dossierNames, expandTargets, pathInside, toSlash } from '../../server/src/cli/files';

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

describe('dossierNames', () => {
  it('names files from just above the folder that holds them all, or in full from the top of the disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scr-names-'));
    try {
      const top = toSlash(dir);
      const name = dossierNames([`${top}/dossier/2015/x.scr.yaml`, `${top}/dossier/2016/y.scr.yaml`]);
      const folder = top.split('/').pop();
      assert.equal(name(`${top}/dossier/2015/x.scr.yaml`), 'dossier/2015/x.scr.yaml');
      const one = dossierNames([`${top}/dossier/2016/y.scr.yaml`, `${top}/dossier/2016/z.scr.yaml`]);
      assert.equal(one(`${top}/dossier/2016/z.scr.yaml`), '2016/z.scr.yaml');
      const wide = dossierNames([`${top}/a.scr.yaml`, `${top}/dossier/2016/y.scr.yaml`]);
      assert.equal(wide(`${top}/dossier/2016/y.scr.yaml`), `${folder}/dossier/2016/y.scr.yaml`);
      // Inside a git repository: from its top folder, however deep the files lie.
      mkdirSync(join(dir, '.git'));
      assert.equal(dossierNames([`${top}/dossier/2016/y.scr.yaml`, `${top}/dossier/2016/z.scr.yaml`])(`${top}/dossier/2016/z.scr.yaml`), 'dossier/2016/z.scr.yaml');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (process.platform !== 'win32') assert.equal(dossierNames(['/a.scr.yaml', '/srv/b.scr.yaml'])('/srv/b.scr.yaml'), '/srv/b.scr.yaml');
  });
});

describe('expandTargets', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scr-expand-'));
    mkdirSync(join(dir, '2017'));
    writeFileSync(join(dir, '2017', 'a.scr.yaml'), 'scr: 1\n');
    // A "current year" link kept for convenience.
    symlinkSync('2017', join(dir, 'current'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const names = async (targets: string[]) => (await expandTargets(targets, dir)).files.map((f) => f.slice(toSlash(dir).length + 1));

  it('checks a file reached by two paths once, a folder and a link to it', async () => {
    assert.deepEqual(await names(['2017', 'current']), ['2017/a.scr.yaml']);
    assert.deepEqual(await names(['current', '2017']), ['current/a.scr.yaml'], 'under the first name it was reached by');
    assert.equal((await names(['.', 'current'])).length, 1);
  });

  it('checks a file named twice, once through a link, once', async () => {
    assert.deepEqual(await names(['current/a.scr.yaml', '2017/a.scr.yaml']), ['current/a.scr.yaml']);
    assert.deepEqual(await names(['2017/*.scr.yaml', 'current']), ['2017/a.scr.yaml']);
  });

  it('lists a file whose name is not UTF-8 once, though a link loop reaches it twice', { skip: process.platform === 'linux' ? false : 'only Linux file systems take a name that is not UTF-8' }, async () => {
    const odd = mkdtempSync(join(tmpdir(), 'scr-expand-odd-'));
    try {
      mkdirSync(join(odd, 'cases'));
      // Written through a Buffer path: the name's bytes are not UTF-8 (0xff).
      writeFileSync(Buffer.concat([Buffer.from(`${odd}/cases/bad`), Buffer.from([0xff]), Buffer.from('.scr.yaml')]), 'scr: 1\n');
      writeFileSync(join(odd, 'cases', 'good.scr.yaml'), 'scr: 1\n');
      // A link back to its own folder: a loop the scan goes round once.
      symlinkSync('.', join(odd, 'cases', 'loop'));
      const found = (await expandTargets(['cases'], odd)).files.map((f) => f.slice(toSlash(odd).length + 1));
      assert.deepEqual(found, ['cases/bad\uFFFD.scr.yaml', 'cases/good.scr.yaml']);
    } finally {
      rmSync(odd, { recursive: true, force: true });
    }
  });
});
