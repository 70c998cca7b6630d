// The dossier the language server keeps: the case files of the workspace folders.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Dossier } from '../../server/src/lsp/dossier';

describe('the dossier', () => {
  it('holds only the current folders’ files when the folders change while it is still being read', async () => {
    let folders = ['file:///old'];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const host = {
      listCaseFiles: async (fs: readonly string[]) => {
        if (fs.includes('file:///old')) await slow; // the first listing is still running when the folders change
        return fs.map((f) => `${f}/case.scr.yaml`);
      },
      readFile: async (uri: string) => `scr: 1\ncase:\n  reference: ${uri.includes('old') ? 'OLD-1' : 'NEW-1'}\n`,
    };
    const dossier = new Dossier(host, () => folders, () => undefined, () => {});
    const first = dossier.list();
    folders = ['file:///new'];
    dossier.reset();
    const second = dossier.list();
    release();
    await first;
    assert.deepEqual(await second, ['file:///new/case.scr.yaml']);
    assert.deepEqual(await dossier.list(), ['file:///new/case.scr.yaml'], 'the old folder’s file does not come back');
  });
});
