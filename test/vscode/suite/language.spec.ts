/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, diagnosticsUntil, openCase, workspaceFile } from './helpers';

/** The gaps written into gaps.scr.yaml, one finding each. */
const EXPECTED = ['considerations-weighed', 'context-gathered', 'criteria-evidence', 'independent-challenge', 'minimum-data-requested'];

function positionOf(doc: vscode.TextDocument, text: string, offsetInText = 0): vscode.Position {
  const i = doc.getText().indexOf(text);
  assert.ok(i >= 0, `"${text}" is in ${doc.uri.path}`);
  return doc.positionAt(i + offsetInText);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

suite('Language features', () => {
  let editor: vscode.TextEditor;
  suiteSetup(async () => {
    await api();
    editor = await openCase('gaps.scr.yaml');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAll();
  });

  test('diagnostics: one for each known gap, at the key at fault, with the rule and its page', async () => {
    const diags = await diagnosticsUntil(editor.document.uri, 'the five known gaps', (d) => d.length >= EXPECTED.length);
    assert.deepEqual(diags.map(codeOf).sort(), EXPECTED);
    const police = diags.find((d) => codeOf(d) === 'minimum-data-requested')!;
    assert.equal(police.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(police.message, /Northshire Police/);
    assert.equal(editor.document.lineAt(police.range.start.line).text.trim(), '- id: police');
    assert.ok(typeof police.code === 'object' && /minimum-data-requested/.test(police.code.target.toString()), 'the diagnostic links its rule page');
    assert.ok(diags.every((d) => d.range.start.line > 0), 'no finding is put on line 1');
  });

  test('hover: guidance on a key, with its QM2 question', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '\nreferral:', 2));
    const text = hoverText(hovers);
    assert.match(text, /QM2 question 5/);
    assert.match(text, /referred/);
  });

  test('hover on the decision: the QM2 checklist', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '\ndecision:', 2));
    assert.match(hoverText(hovers), /QM2 checklist/);
  });

  test('completion: the allowed values of a field', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, positionOf(editor.document, 'outcome: seriously-harmed', 'outcome: '.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const v of ['died', 'seriously-harmed', 'other']) assert.ok(labels.includes(v), `${v} is offered (got ${labels.join(', ')})`);
  });

  test('a quick fix, applied as a WorkspaceEdit, clears its diagnostic', async () => {
    const uri = editor.document.uri;
    const target = vscode.languages.getDiagnostics(uri).find((d) => codeOf(d) === 'minimum-data-requested');
    assert.ok(target);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && a.kind?.value === vscode.CodeActionKind.QuickFix.value && !/waive/i.test(a.title));
    assert.ok(fix?.edit, `a quick fix is offered (got ${actions.map((a) => a.title).join('; ')})`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const after = await diagnosticsUntil(uri, 'minimum-data-requested to go', (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'minimum-data-requested'));
    assert.ok(after.some((d) => codeOf(d) === 'context-gathered'), 'the other findings stay');
    assert.match(editor.document.getText(), /- id: police[\s\S]*?minimumData:\s*\n\s*requested: \d{4}-\d{2}-\d{2}/);
  });

  test('"SCR: Fix All QM2 Problems" applies the fix-all action, and what it leaves to fill in is reported', async () => {
    const uri = editor.document.uri;
    // The fixes leave words to replace (“To be completed.”), each reported as to-complete.
    const gaps = (d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) !== 'to-complete');
    const before = gaps(vscode.languages.getDiagnostics(uri)).length;
    assert.equal(await vscode.commands.executeCommand('scr.fixAll', uri), true);
    const after = await diagnosticsUntil(uri, 'fewer findings after fixing all', (d) => gaps(d).length < before);
    assert.ok(after.some((d) => codeOf(d) === 'to-complete'), 'the places left to fill in are reported');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('a settings file with a mistake shows it in the Problems panel without being opened', async () => {
    const folder = workspaceFile('team-b');
    const config = vscode.Uri.joinPath(folder, 'scr.config.yaml');
    await vscode.workspace.fs.createDirectory(folder);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('complete.scr.yaml')));
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'case.scr.yaml'), new TextEncoder().encode(text.replace('NSCB-2016-03', 'NSCB-2016-90')));
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('decisionLimit: a while\n'));
      const d = await diagnosticsUntil(config, 'the mistake in team-b/scr.config.yaml', (x) => x.length > 0);
      assert.equal(d[0].range.start.line, 0);
      assert.ok(!vscode.workspace.textDocuments.some((t) => t.uri.toString() === config.toString()), 'the settings file is not open');
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('decisionLimit: 1 month\n'));
      await diagnosticsUntil(config, 'the mistake put right', (x) => x.length === 0);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
