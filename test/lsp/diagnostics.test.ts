import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol';
import type { CheckDossierResult } from '../../server/src/protocol';
import { DOSSIER, TestClient, uriOf, type StartOptions } from './client';

const read = (name: string) => readFileSync(join(DOSSIER, name), 'utf8');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const ALPHA = uriOf(join(DOSSIER, 'alpha.scr.yaml'));
const BETA = uriOf(join(DOSSIER, 'beta.scr.yaml'));
const GAMMA = uriOf(join(DOSSIER, 'gamma.scr.yaml'));

/** A copy of the fixture dossier that a test may change. */
function copyDossier(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scr-dossier-'));
  cpSync(DOSSIER, dir, { recursive: true });
  return dir;
}

/** A server on the folder `dir`: stopped, and the folder removed, when the suite ends. */
function serverOn(dir: string, options: Omit<StartOptions, 'folders'> = {}): { dir: string; started: Promise<TestClient> } {
  const started = TestClient.start({ ...options, folders: [dir] });
  after(async () => {
    await (await started).stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, started };
}

describe('diagnostics pushed (no pull support)', () => {
  const started = TestClient.start({ folders: [DOSSIER] });
  after(async () => (await started).stop());

  it('does not offer pull diagnostics to a client without them', async () => {
    const c = await started;
    assert.equal(c.capabilities.diagnosticProvider, undefined);
  });

  it('publishes findings on open, each with rule id, link, source, questions and related places', async () => {
    const c = await started;
    c.open(GAMMA, read('gamma.scr.yaml'));
    const ds = await c.diagnostics(GAMMA);
    const dup = ds.find((d) => d.code === 'duplicate-id');
    assert.ok(dup, `duplicate-id expected in ${codes(ds)}`);
    assert.equal(dup.source, 'scr');
    assert.equal(dup.range.start.line, 3);
    const href = dup.codeDescription!.href;
    assert.match(href, /^file:.*\/docs\/rules\/duplicate-id\.md$/);
    assert.ok(existsSync(fileURLToPath(href)), 'the linked page exists');
    assert.equal(dup.relatedInformation?.[0].location.uri, ALPHA);
    assert.equal(dup.relatedInformation?.[0].location.range.start.line, 3);
    const withQuestion = ds.find((d) => ((d.data as { questions: number[] }).questions ?? []).length > 0);
    assert.ok(withQuestion, 'some finding names its QM2 question');
    assert.match(String(withQuestion.message), /QM2 question/);
  });

  it('checks again after an incremental change, once typing pauses, without ever emptying the list', async () => {
    const c = await started;
    c.open(ALPHA, read('alpha.scr.yaml'));
    await c.diagnostics(ALPHA, 1);
    const from = c.history.length;
    // Three quick edits: type an unknown agency id letter by letter.
    c.edit(ALPHA, 'agencies: [csc, police]', 'agencies: [csc, police, p]');
    c.edit(ALPHA, 'police, p]', 'police, pr]');
    const last = c.edit(ALPHA, 'police, pr]', 'police, pro]');
    const ds = await c.diagnostics(ALPHA, last, (d) => d.some((x) => x.code === 'unknown-agency'));
    const unknown = ds.find((d) => d.code === 'unknown-agency')!;
    assert.equal(c.text(ALPHA).split('\n')[unknown.range.start.line].slice(unknown.range.start.character, unknown.range.end.character), 'pro');
    assert.equal(unknown.severity, 2, 'scr.config.yaml makes it a warning');
    const seen = c.history.slice(from).filter((p) => p.uri === ALPHA).map((p) => p.diagnostics);
    assert.ok(seen.length < 3, `debounced: ${seen.length} results for 3 edits`);
    assert.ok(seen.every((d) => d.length > 0), 'no empty result in between');
    const fixed = c.edit(ALPHA, 'police, pro]', 'police]');
    await c.diagnostics(ALPHA, fixed, (d) => !d.some((x) => x.code === 'unknown-agency'));
  });

  it('checks every open file again when the editor settings change (scr.config.yaml still wins)', async () => {
    const c = await started;
    c.open(BETA, read('beta.scr.yaml'));
    const before = await c.diagnostics(BETA, 1, (d) => d.some((x) => x.code === 'unknown-agency'));
    assert.ok(codes(before).includes('unknown-agency'));
    await c.diagnostics(GAMMA, 1, (d) => d.some((x) => x.code === 'duplicate-id'));
    const [nextGamma, nextBeta] = [c.nextDiagnostics(GAMMA), c.nextDiagnostics(BETA)];
    c.settings = { rules: { 'duplicate-id': 'off', 'unknown-agency': 'error' } };
    c.notification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!codes(await nextGamma).includes('duplicate-id'));
    assert.equal((await nextBeta).find((d) => d.code === 'unknown-agency')?.severity, 2, 'the settings file wins over the editor');
    c.settings = {};
    c.notification('workspace/didChangeConfiguration', { settings: null });
    await c.diagnostics(GAMMA, 1, (d) => d.some((x) => x.code === 'duplicate-id'));
  });

  it('answers scr/checkDossier with every case file but those left out', async () => {
    const c = await started;
    const r = await c.request<CheckDossierResult>('scr/checkDossier', { exclude: [ALPHA] });
    assert.deepEqual(r.files.map((f) => f.uri), [BETA, GAMMA]);
    assert.ok(r.files[1].diagnostics.some((d) => d.code === 'duplicate-id'));
  });
});

describe('a change to scr.config.yaml', () => {
  const { dir, started } = serverOn(copyDossier());

  it('checks every open case file again', async () => {
    const c = await started;
    const beta = uriOf(join(dir, 'beta.scr.yaml'));
    c.open(beta, readFileSync(join(dir, 'beta.scr.yaml'), 'utf8'));
    await c.diagnostics(beta, 1, (d) => d.some((x) => x.code === 'unknown-agency'));
    const next = c.nextDiagnostics(beta);
    writeFileSync(join(dir, 'scr.config.yaml'), 'rules:\n  unknown-agency: off\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(dir, 'scr.config.yaml')), type: 2 }] });
    assert.ok(!codes(await next).includes('unknown-agency'));
  });
});

describe('a dossier whose path the editor spells differently from Node', () => {
  const parent = mkdtempSync(join(tmpdir(), 'scr-spelling-'));
  const dir = join(parent, 'Board (2016)');
  cpSync(DOSSIER, dir, { recursive: true });
  // As VS Code writes it: brackets percent-encoded, where Node leaves them as they are.
  const editorUri = (name: string) => uriOf(join(dir, name)).replace('(', '%28').replace(')', '%29');
  const started = TestClient.start({ folders: [dir] });
  after(async () => {
    await (await started).stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('still knows an open file as one of the dossier, not as another case with its reference', async () => {
    const c = await started;
    const gamma = editorUri('gamma.scr.yaml');
    assert.notEqual(gamma, uriOf(join(dir, 'gamma.scr.yaml')));
    c.open(gamma, readFileSync(join(dir, 'gamma.scr.yaml'), 'utf8'));
    const dup = (await c.diagnostics(gamma, 1)).filter((d) => d.code === 'duplicate-id');
    assert.equal(dup.length, 1);
    assert.match(String(dup[0].message), /also used by another case file in this dossier \(alpha\.scr\.yaml\)/);
  });
});

describe('a dossier with each case in a folder of its own', () => {
  // Both files are case.scr.yaml: the message names the other by its path within the workspace.
  const dir = mkdtempSync(join(tmpdir(), 'scr-folders-'));
  for (const folder of ['NSCB-2016-11', 'NSCB-2016-12']) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, 'case.scr.yaml'), read('alpha.scr.yaml'));
  }
  const { started } = serverOn(dir);

  it('names the other file by its path within the workspace folder, not its base name', async () => {
    const c = await started;
    const one = uriOf(join(dir, 'NSCB-2016-11', 'case.scr.yaml'));
    c.open(one, readFileSync(join(dir, 'NSCB-2016-11', 'case.scr.yaml'), 'utf8'));
    const dup = (await c.diagnostics(one, 1)).filter((d) => d.code === 'duplicate-id');
    assert.equal(dup.length, 1);
    assert.match(String(dup[0].message), /also used by another case file in this dossier \(NSCB-2016-12\/case\.scr\.yaml\)\./);
    assert.deepEqual(dup[0].relatedInformation?.map((r) => r.message), ['The same reference in NSCB-2016-12/case.scr.yaml.']);
  });
});

describe('diagnostics pulled', () => {
  const dir = copyDossier();
  const started = TestClient.start({ folders: [dir], pull: true });
  const uri = (name: string) => uriOf(join(dir, name));
  after(async () => {
    await (await started).stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers document and workspace diagnostics', async () => {
    const c = await started;
    assert.deepEqual(c.capabilities.diagnosticProvider, { identifier: 'scr', interFileDependencies: true, workspaceDiagnostics: true });
    assert.equal(c.published.size, 0);
  });

  it('answers textDocument/diagnostic, then "unchanged" until the text changes', async () => {
    const c = await started;
    c.open(uri('alpha.scr.yaml'), readFileSync(join(dir, 'alpha.scr.yaml'), 'utf8'));
    const first = await c.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri('alpha.scr.yaml') } });
    assert.equal(first.kind, 'full');
    assert.ok(first.items.length > 0);
    const again = await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: uri('alpha.scr.yaml') }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');
    c.edit(uri('alpha.scr.yaml'), 'agency: police', 'agency: polce');
    const changed = await c.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: uri('alpha.scr.yaml') }, previousResultId: first.resultId });
    assert.equal(changed.kind, 'full');
    assert.ok(codes(changed.items).includes('unknown-agency'));
    assert.equal(c.published.size, 0, 'nothing pushed to a client that pulls');
  });

  it('answers an unknown document with no findings', async () => {
    const c = await started;
    const r = await c.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.scr.yaml' } });
    assert.deepEqual(r, { kind: 'full', items: [] });
  });

  it('answers workspace/diagnostic for every case file, open or not, with the settings file applied', async () => {
    const c = await started;
    const r = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(r.items.map((i) => [i.uri, i]));
    assert.deepEqual([...byUri.keys()].sort(), ['alpha', 'beta', 'gamma'].map((n) => uri(`${n}.scr.yaml`)));
    const full = (u: string) => byUri.get(u) as { kind: 'full'; items: Diagnostic[]; version: number | null };
    assert.equal(full(uri('alpha.scr.yaml')).version, 2, 'the open file as it stands in the editor');
    assert.equal(full(uri('beta.scr.yaml')).version, null);
    assert.equal(full(uri('beta.scr.yaml')).items.find((d) => d.code === 'unknown-agency')?.severity, 2);
    const dup = full(uri('gamma.scr.yaml')).items.find((d) => d.code === 'duplicate-id');
    assert.equal(dup?.relatedInformation?.[0].location.uri, uri('alpha.scr.yaml'));
  });

  it('holds workspace/diagnostic while nothing changed, and answers when scr.config.yaml changes', async () => {
    const c = await started;
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    let answered = false;
    const pending = c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds }).then((r) => ((answered = true), r));
    // Round trip a request: the long poll has not answered by then.
    await c.request('textDocument/hover', { textDocument: { uri: uri('alpha.scr.yaml') }, position: { line: 0, character: 0 } });
    assert.equal(answered, false);
    const refreshes = c.refreshes;
    writeFileSync(join(dir, 'scr.config.yaml'), 'rules:\n  unknown-agency: off\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('scr.config.yaml'), type: 2 }] });
    const second = await pending;
    await c.until(() => c.refreshes > refreshes, 'a diagnostic refresh request');
    const beta = second.items.find((i) => i.uri === uri('beta.scr.yaml')) as { kind: string; items: Diagnostic[] };
    assert.equal(beta.kind, 'full');
    assert.ok(!codes(beta.items).includes('unknown-agency'));
  });
});

describe('a settings file with mistakes, not open in the editor', () => {
  const { dir, started } = serverOn(copyDossier(), { pull: true });
  const config = () => uriOf(join(dir, 'scr.config.yaml'));

  it('is in the workspace report while it has mistakes, and its list is emptied once they are put right or it goes', async () => {
    const c = await started;
    writeFileSync(join(dir, 'scr.config.yaml'), 'decisionLimit: a while\nrules:\n  unknown-agency: warning\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: config(), type: 2 }] });
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const settings = first.items.find((i) => i.uri === config()) as { kind: string; items: Diagnostic[]; resultId?: string } | undefined;
    assert.ok(settings, `the settings file is reported: ${first.items.map((i) => i.uri).join(' ')}`);
    assert.equal(settings.kind, 'full');
    assert.equal(settings.items.length, 1);
    assert.equal(settings.items[0].range.start.line, 0, 'on decisionLimit');
    // The editor's own result ids: the next answer waits for a change, then empties the list.
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: i.resultId! }));
    const pending = c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    writeFileSync(join(dir, 'scr.config.yaml'), 'decisionLimit: 1 month\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: config(), type: 2 }] });
    const second = await pending;
    const fixed = second.items.find((i) => i.uri === config()) as { kind: string; items: Diagnostic[] } | undefined;
    assert.deepEqual([fixed?.kind, fixed?.items], ['full', []]);
    // Deleted while it had mistakes: its list is emptied too. (Each request carries the last
    // answer's result ids, so that it waits until the server has taken in the change.)
    writeFileSync(join(dir, 'scr.config.yaml'), 'decisionLimit: soon\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: config(), type: 2 }] });
    const broken = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: second.items.map((i) => ({ uri: i.uri, value: i.resultId! })) });
    assert.equal((broken.items.find((i) => i.uri === config()) as { items: Diagnostic[] }).items.length, 1);
    rmSync(join(dir, 'scr.config.yaml'));
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: config(), type: 3 }] });
    const gone = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: broken.items.map((i) => ({ uri: i.uri, value: i.resultId! })) });
    const emptied = gone.items.find((i) => i.uri === config()) as { kind: string; items: Diagnostic[] } | undefined;
    assert.deepEqual([emptied?.kind, emptied?.items], ['full', []]);
  });
});

describe('a settings file with mistakes, open in the editor', () => {
  const { dir, started } = serverOn(copyDossier(), { pull: true });

  it('is reported under the result id the editor pulled for it, so the workspace report still waits for a change', async () => {
    const c = await started;
    const config = uriOf(join(dir, 'scr.config.yaml'));
    writeFileSync(join(dir, 'scr.config.yaml'), 'decisionLimit: a while\n');
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri: config, type: 2 }] });
    await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    // Opened to put the mistake right: the server checks every file again once it has it.
    c.open(config, readFileSync(join(dir, 'scr.config.yaml'), 'utf8'));
    await new Promise((r) => setTimeout(r, 500));
    const workspace = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const pulled = await c.request<{ resultId: string }>('textDocument/diagnostic', { textDocument: { uri: config } });
    const listed = workspace.items.find((i) => i.uri === config);
    assert.equal(listed?.resultId, pulled.resultId, 'one result id for the settings file, pulled alone or with the workspace');
    // vscode-languageclient sends the document's own result id for a file open in the editor.
    const previousResultIds = workspace.items.map((i) => ({ uri: i.uri, value: i.uri === config ? pulled.resultId : i.resultId! }));
    let answered: WorkspaceDiagnosticReport | undefined;
    const pending = c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds }).then((r) => (answered = r));
    await c.request('textDocument/hover', { textDocument: { uri: config }, position: { line: 0, character: 0 } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(answered, undefined, `answered with nothing changed: ${JSON.stringify(answered?.items.filter((i) => i.kind === 'full').map((i) => i.uri))}`);
    // It still answers when the settings file changes.
    c.edit(config, 'a while', '1 month');
    const next = (await pending).items.find((i) => i.uri === config) as { kind: string; items: Diagnostic[] } | undefined;
    assert.deepEqual([next?.kind, next?.items], ['full', []]);
  });
});

describe('URIs spelt as the editor spells them', () => {
  // VS Code writes `(` as %28 where Node leaves it: the same file, however its URI is spelt.
  const dir = mkdtempSync(join(tmpdir(), 'scr dossier (2016)-'));
  cpSync(DOSSIER, dir, { recursive: true });
  const { started } = serverOn(dir, { pull: true });
  const asEditor = (u: string) => u.replace(/\(/g, '%28').replace(/\)/g, '%29');

  it('workspace/diagnostic knows the results it gave, and waits while nothing changed', async () => {
    const c = await started;
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    assert.ok(first.items.length === 3 && first.items.every((i) => i.uri.includes('(2016)')), first.items.map((i) => i.uri).join(' '));
    const previousResultIds = first.items.map((i) => ({ uri: asEditor(i.uri), value: i.resultId! }));
    assert.ok(previousResultIds.every((p) => p.uri.includes('%282016%29')));
    let answered = false;
    // Left waiting: the connection closes under it when the suite ends.
    c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds }).then(() => (answered = true), () => undefined);
    await c.request('textDocument/hover', { textDocument: { uri: first.items[0].uri }, position: { line: 0, character: 0 } });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(answered, false, 'nothing changed, so no answer yet');
  });

  it('scr/checkDossier leaves out files named in either spelling, and refuses an exclude that is not a list', async () => {
    const c = await started;
    const all = await c.request<CheckDossierResult>('scr/checkDossier', {});
    const r = await c.request<CheckDossierResult>('scr/checkDossier', { exclude: [asEditor(all.files[0].uri)] });
    assert.equal(r.files.length, all.files.length - 1);
    await assert.rejects(c.request('scr/checkDossier', { exclude: 5 }), /must be a list of file URIs/);
  });
});

describe('the day changes while a file is open', () => {
  // Alpha was referred on 14 January 2016 and has no decision: from 15 February it is overdue.
  const started = TestClient.start({ folders: [DOSSIER], today: null, clock: '2016-02-14T23:59:58' });
  after(async () => (await started).stop());

  it('at midnight the findings that depend on today are checked again', async () => {
    const c = await started;
    c.open(ALPHA, read('alpha.scr.yaml'));
    assert.ok(!codes(await c.diagnostics(ALPHA)).includes('unexplained-delay'), 'still within the month on 14 February');
    c.startClock();
    const after = await c.diagnostics(ALPHA, undefined, (d) => codes(d).includes('unexplained-delay'));
    assert.match(String(after.find((d) => d.code === 'unexplained-delay')!.message), /No decision is recorded/);
  });
});

describe('a document closed and opened again', () => {
  const { dir, started } = serverOn(copyDossier(), { pull: true });
  const uri = uriOf(join(dir, 'alpha.scr.yaml'));

  it('never gets the result id of its other text, though its version numbers start again', async () => {
    const c = await started;
    const text = readFileSync(join(dir, 'alpha.scr.yaml'), 'utf8');
    c.open(uri, text);
    const first = await c.request<{ kind: string; resultId: string }>('textDocument/diagnostic', { textDocument: { uri } });
    c.notification('textDocument/didClose', { textDocument: { uri } });
    c.open(uri, text.replace('agency: police', 'agency: polce'));
    const again = await c.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'full');
    assert.notEqual(again.resultId, first.resultId);
    assert.ok(codes(again.items).includes('unknown-agency'));
  });
});

describe('a settings file that is there but cannot be read', () => {
  // The parent folder's settings give a year to decide; the nearer settings file is a folder.
  const dir = mkdtempSync(join(tmpdir(), 'scr-unreadable-'));
  writeFileSync(join(dir, 'scr.config.yaml'), 'decisionLimit: 12 months\n');
  mkdirSync(join(dir, 'team', 'scr.config.yaml'), { recursive: true });
  writeFileSync(join(dir, 'team', 'alpha.scr.yaml'), read('alpha.scr.yaml'));
  const { started } = serverOn(dir);

  it('stops the search as the command line does: the defaults apply, not the parent folder’s settings', async () => {
    const c = await started;
    const uri = uriOf(join(dir, 'team', 'alpha.scr.yaml'));
    c.open(uri, read('alpha.scr.yaml'));
    assert.ok(codes(await c.diagnostics(uri)).includes('unexplained-delay'), 'the default month applies');
  });
});

describe('a file deleted and made again', () => {
  const { dir, started } = serverOn(copyDossier(), { pull: true });
  const uri = uriOf(join(dir, 'beta.scr.yaml'));

  it('is reported once in the workspace report, as it now is', async () => {
    const c = await started;
    const first = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const text = readFileSync(join(dir, 'beta.scr.yaml'), 'utf8');
    rmSync(join(dir, 'beta.scr.yaml'));
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    writeFileSync(join(dir, 'beta.scr.yaml'), text);
    c.notification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const previousResultIds = first.items.map((i) => ({ uri: i.uri, value: `${i.resultId}-old` }));
    const second = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds });
    const forBeta = second.items.filter((i) => i.uri === uri) as { kind: string; items: Diagnostic[] }[];
    assert.equal(forBeta.length, 1);
    assert.ok(forBeta[0].items.length > 0, 'its findings, not an empty report');
  });
});

describe('a closed case file saved with a byte-order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scr-bom-'));
  const text = 'scr: 1\nreferral: {date: 2016-01-01, from: x}\n';
  writeFileSync(join(dir, 'with-bom.scr.yaml'), `\uFEFF${text}`);
  writeFileSync(join(dir, 'without.scr.yaml'), text);
  const { started } = serverOn(dir, { pull: true });

  it('is read as the editor reads it: positions do not count the mark', async () => {
    const c = await started;
    const r = await c.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const items = (name: string) => (r.items.find((i) => i.uri.endsWith(name)) as { items: Diagnostic[] }).items.map((d) => [d.code, d.range]);
    const withBom = items('with-bom.scr.yaml');
    assert.ok(withBom.length > 0);
    assert.deepEqual(withBom.filter(([code]) => code !== 'duplicate-id'), items('without.scr.yaml').filter(([code]) => code !== 'duplicate-id'));
  });
});
