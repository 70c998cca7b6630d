/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, diagnosticsUntil, EXTENSION_ID, openCase } from './helpers';

suite('Activation', () => {
  suiteTeardown(closeAll);

  test('the extension waits until a case file or one of its commands needs it', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'the extension is loaded');
    assert.equal(ext.isActive, false, 'nothing in the workspace is open yet');
  });

  test('opening a case file gives it the SCR language and starts the checker', async () => {
    const editor = await openCase('gaps.scr.yaml');
    assert.equal(editor.document.languageId, 'scr-case');
    // Only the extension's language server can produce these: they prove activation by language.
    await diagnosticsUntil(editor.document.uri, 'the first diagnostics', (d) => d.length > 0);
    assert.equal(vscode.extensions.getExtension(EXTENSION_ID)!.isActive, true);
  });

  test('every command is registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['scr.newCaseFile', 'scr.openChecklist', 'scr.fixAll', 'scr.checkDossier', 'scr.exportChecklist', 'scr.showOutput', 'scr.toggleChecklistLock']) {
      assert.ok(all.includes(id), `${id} is registered`);
    }
  });
});
