import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { LIST_CASE_FILES_REQUEST, READ_FILE_REQUEST, type ReadFileParams } from '../../server/src/protocol';
import { DOSSIER, TestClient, uriOf } from './client';

const GAMMA = uriOf(join(DOSSIER, 'gamma.scr.yaml'));

describe('the browser build (dist/server-worker.js)', () => {
  const asked: string[] = [];
  const started = (async () => {
    const c = await TestClient.start({ worker: true, folders: [DOSSIER] });
    // The editor answers for the files, as the VS Code client does in a browser.
    c.conn.onRequest(READ_FILE_REQUEST, (p: ReadFileParams) => {
      asked.push(p.uri);
      try {
        return readFileSync(fileURLToPath(p.uri), 'utf8');
      } catch {
        return null;
      }
    });
    c.conn.onRequest(LIST_CASE_FILES_REQUEST, () => ['alpha', 'beta', 'gamma'].map((n) => uriOf(join(DOSSIER, `${n}.scr.yaml`))));
    return c;
  })();
  after(async () => (await started).stop());

  it('reads the other files of the dossier and its settings through the editor, not a file system', async () => {
    const c = await started;
    c.open(GAMMA, readFileSync(join(DOSSIER, 'gamma.scr.yaml'), 'utf8'));
    const ds = await c.diagnostics(GAMMA, 1);
    const dup = ds.find((d) => d.code === 'duplicate-id');
    assert.equal(dup?.relatedInformation?.[0].location.uri, uriOf(join(DOSSIER, 'alpha.scr.yaml')));
    assert.match(dup!.codeDescription!.href, /^https:\/\/github\.com\/scr-tools\/scr-decision-checker\/blob\/main\/docs\/rules\/duplicate-id\.md$/);
    assert.ok(asked.includes(uriOf(join(DOSSIER, 'alpha.scr.yaml'))));
    assert.ok(asked.includes(uriOf(join(DOSSIER, 'scr.config.yaml'))));
  });

  it('answers the same requests as the Node server', async () => {
    const c = await started;
    const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: GAMMA }, position: { line: 2, character: 1 } });
    assert.match((h.contents as { value: string }).value, /^\*\*Case\*\*/);
  });
});
