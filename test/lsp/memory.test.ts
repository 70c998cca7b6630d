// Many files open at once keep their findings, not their whole reading (the YAML tree is most of
// a file's memory): only a few recently used or edited files keep theirs, and a file asked about
// later is read again, with the same answers.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver';
import { caseFile } from '../../bench/generate';
import { analyseText, parseDate } from '../../server/src/engine/index';
import { Analyses, KEEP_WHOLE } from '../../server/src/lsp/analyses';

const today = parseDate('2020-06-01')!;

function setUp(count: number, folders: string[] = []) {
  const docs = new Map<string, TextDocument>();
  for (let i = 0; i < count; i++) {
    const uri = `file:///dossier/case-${i}.scr.yaml`;
    docs.set(uri, TextDocument.create(uri, 'scr-case', 1, caseFile({ scale: 1, seed: 100 + i })));
  }
  const analyses = new Analyses({ get: (uri: string) => docs.get(uri) } as unknown as TextDocuments<TextDocument>, { readFile: async () => undefined, listCaseFiles: async () => [] }, {
    folders: () => folders, editorSettings: () => undefined, today: () => today, ready: async () => {}, log: () => {}, onDossierChange: () => {},
  });
  return { docs, analyses };
}

describe('memory with many files open', () => {
  it('keeps the findings of every file, and the whole reading of only a few', async () => {
    const { docs, analyses } = setUp(3 * KEEP_WHOLE);
    const checks = await Promise.all([...docs.keys()].map((uri) => analyses.current(uri)));
    assert.equal(analyses.wholeReadings, 0, 'opening files keeps no whole reading');
    for (const [i, c] of checks.entries()) {
      const text = [...docs.values()][i].getText();
      assert.deepEqual(c!.findings, analyseText(text, { today, path: c!.uri }).findings);
    }
    // Asked about, each file is read again (same answers) and kept, up to the limit.
    for (const c of checks) {
      const again = c!.analysis!;
      assert.equal(again.doc.text, docs.get(c!.uri)!.getText());
      assert.deepEqual(again.findings, c!.findings);
      assert.ok(analyses.wholeReadings <= KEEP_WHOLE);
    }
    assert.equal(analyses.wholeReadings, KEEP_WHOLE);
  });

  it('keeps the reading of a file being edited, so the next keystroke reads only what changed', async () => {
    const { docs, analyses } = setUp(2);
    const [uri] = docs.keys();
    await analyses.current(uri);
    const doc = docs.get(uri)!;
    docs.set(uri, TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }], 2));
    const edited = await analyses.current(uri);
    assert.equal(analyses.wholeReadings, 1);
    assert.equal(analyses.parsed(uri, docs.get(uri)!.getText()), edited!.analysis!.doc, 'the kept reading is the one the next version builds on');
  });
});

describe('a change to a case reference', () => {
  it('checks the file itself once: only the other files need checking again', async () => {
    const { docs, analyses } = setUp(2, ['file:///dossier']);
    const [uri] = docs.keys();
    await analyses.current(uri);
    const doc = docs.get(uri)!;
    const at = doc.getText().indexOf('reference:') + 'reference:'.length;
    docs.set(uri, TextDocument.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: ' NEW' }], 2));
    const edited = await analyses.current(uri);
    assert.equal(await analyses.current(uri), edited, 'the same check, not a second one');
  });
});
