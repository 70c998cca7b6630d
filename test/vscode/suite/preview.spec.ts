/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, openCase, renderedUntil, until, workspaceFile } from './helpers';

const CHALLENGE = `
challenge:
  - type: peer-chair
    by: Independent Chair, Eastshire LSCB
    date: 2016-04-26
    outcome: Agreed that the criteria are met.
`;

function isPreviewTab(t: vscode.Tab): boolean {
  return t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('scr.checklist');
}

/** The editor group the preview is in. */
function previewGroup(): vscode.TabGroup {
  const group = vscode.window.tabGroups.all.find((g) => g.tabs.some(isPreviewTab));
  assert.ok(group, 'the preview is open');
  return group;
}

/** The preview's title, as its tab shows it. */
function previewTitle(): string | undefined {
  return previewGroup().tabs.find(isPreviewTab)?.label;
}

/** Puts a case file in front of the preview, in the preview's own group: the preview is hidden. */
async function hidePreviewBehind(name: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(workspaceFile(name), { viewColumn: previewGroup().viewColumn });
  assert.ok(!previewGroup().tabs.find(isPreviewTab)?.isActive, 'the preview is hidden');
  return editor;
}

/** Opens a case file in another group than the preview's, so that the preview stays in sight. */
function openBesidePreview(name: string): Thenable<vscode.TextEditor> {
  return vscode.window.showTextDocument(workspaceFile(name), { viewColumn: previewGroup().viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One });
}

/** Brings the hidden preview to the front of its group, as a click on its tab does (its page loads again). */
async function showPreview(): Promise<void> {
  const index = previewGroup().tabs.findIndex(isPreviewTab);
  await vscode.commands.executeCommand(`workbench.action.openEditorAtIndex${index + 1}`);
  await until('the preview in front', vscode.window.tabGroups.onDidChangeTabs, () => previewGroup().tabs.find(isPreviewTab)?.isActive);
}

/** A copy of complete.scr.yaml under another name and reference, so that it is not reported as the same case twice. */
async function copyOfComplete(name: string, reference: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile('complete.scr.yaml')));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace('NSCB-2016-03', reference)));
  return uri;
}

/**
 * Runs `body` on a copy of complete.scr.yaml named `name` (its reference changed, so the dossier
 * holds no duplicate), with no editors open before or after, and the copy gone afterwards.
 */
async function withCopyOfComplete(name: string, reference: string, body: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  await closeAll();
  const uri = await copyOfComplete(name, reference);
  try {
    await body(uri);
  } finally {
    await closeAll();
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  }
}

/** Deletes a file as the Explorer does (onDidDeleteFiles is told). */
async function deleteInEditor(uri: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(uri);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Opens the preview on a case file, waits for its checklist, and locks it there. */
async function lockPreviewOn(a: Awaited<ReturnType<typeof api>>, uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand('scr.openChecklist', uri);
  await renderedUntil(a, `the preview on ${uri.path}`, (s) => s.uri === uri.toString());
  assert.equal(await vscode.commands.executeCommand('scr.toggleChecklistLock'), true);
  await renderedUntil(a, 'the preview locked', (s) => s.uri === uri.toString() && s.locked);
}

/** Waits for the preview to say that its file has gone (`what`: "has been deleted." or "cannot be found. …"), unlocked. */
async function previewSaysGone(a: Awaited<ReturnType<typeof api>>, name: string, what: string): Promise<void> {
  const message = `${name} ${what} Open another case file to see its QM2 checklist here.`;
  const s = await renderedUntil(a, `the preview to say: ${message}`, (r) => r.message === message);
  assert.equal(s.locked, false);
}

suite('QM2 checklist preview and commands', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"SCR: Open QM2 Checklist" opens the preview beside the case file, and it redraws as the file changes', async () => {
    const a = await api();
    const editor = await openCase('gaps.scr.yaml');
    const uri = editor.document.uri.toString();
    await vscode.commands.executeCommand('scr.openChecklist');
    const first = await renderedUntil(a, 'the preview to draw gaps.scr.yaml', (s) => s.uri === uri);
    assert.match(first.summary, /^QM2 \d\/\d met/);
    assert.equal(first.statuses.length, 9);
    assert.equal(first.statuses[5], 'Not met', 'Q6: no challenge recorded');

    // Typing: a challenge before the decision meets Q6.
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(editor.document.uri, end, CHALLENGE);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await renderedUntil(a, 'the preview to show Q6 met', (s) => s.uri === uri && s.statuses[5] === 'Met');
    assert.notEqual(after.summary, first.summary);
    assert.equal(after.version, editor.document.version);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('the preview follows the active case file', async () => {
    const a = await api();
    const other = await openCase('complete.scr.yaml');
    const s = await renderedUntil(a, 'the preview to follow complete.scr.yaml', (r) => r.uri === other.document.uri.toString());
    assert.match(s.summary, /QM2 8\/8 met/);
  });

  test('"SCR: Export Checklist" writes HTML and Markdown for the record', async () => {
    const source = workspaceFile('complete.scr.yaml');
    const html = workspaceFile('export.html');
    const md = workspaceFile('export.md');
    await vscode.commands.executeCommand('scr.exportChecklist', source, { format: 'html', target: html });
    await vscode.commands.executeCommand('scr.exportChecklist', source, { format: 'markdown', target: md });
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(html));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(md));
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /QM2 checklist: NSCB-2016-03/);
    assert.doesNotMatch(page, /<script/i);
    assert.match(text, /^# QM2 checklist: NSCB-2016-03/);
    assert.match(text, /## The statutory test/);
  });

  test('"SCR: Check Whole Dossier" counts every case file of the workspace', async () => {
    await closeAll();
    const summary = await vscode.commands.executeCommand<{ files: number; warning: number }>('scr.checkDossier');
    assert.ok(summary, 'the command returns its summary');
    assert.equal(summary.files, 2);
    assert.ok(summary.warning >= 3, 'gaps.scr.yaml has warnings');
    const gaps = workspaceFile('gaps.scr.yaml');
    await until('gaps.scr.yaml in the Problems panel', vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(gaps).length > 0);
  });

  test('"SCR: Check Whole Dossier" counts an open file once, with this checker\'s problems only', async () => {
    await closeAll();
    type Summary = { files: number; error: number; warning: number; info: number; hint: number };
    const closed = await vscode.commands.executeCommand<Summary>('scr.checkDossier');
    const gaps = workspaceFile('gaps.scr.yaml');
    await vscode.window.showTextDocument(gaps);
    await until('diagnostics for the open file', vscode.languages.onDidChangeDiagnostics, () => vscode.languages.getDiagnostics(gaps).some((d) => d.source === 'scr'));
    // Another extension's problem on the same file.
    const other = vscode.languages.createDiagnosticCollection('another-linter');
    other.set(gaps, [Object.assign(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 1), 'Spelling', vscode.DiagnosticSeverity.Error), { source: 'cspell' })]);
    try {
      const open = await vscode.commands.executeCommand<Summary>('scr.checkDossier');
      assert.deepEqual(open, closed);
    } finally {
      other.dispose();
      await closeAll();
    }
  });

  test('a preview closed while locked opens again unlocked, following the editor', async () => {
    const a = await api();
    await closeAll();
    const gaps = await openCase('gaps.scr.yaml');
    await vscode.commands.executeCommand('scr.openChecklist');
    await renderedUntil(a, 'the preview on gaps.scr.yaml', (s) => s.uri === gaps.document.uri.toString() && !s.locked);
    assert.equal(await vscode.commands.executeCommand('scr.toggleChecklistLock'), true);
    await renderedUntil(a, 'the preview locked', (s) => s.uri === gaps.document.uri.toString() && s.locked);
    await closeAll();
    const complete = await openCase('complete.scr.yaml');
    await vscode.commands.executeCommand('scr.openChecklist');
    await renderedUntil(a, 'a new preview, unlocked, on complete.scr.yaml', (s) => s.uri === complete.document.uri.toString() && !s.locked);
    const back = await openCase('gaps.scr.yaml');
    await renderedUntil(a, 'the new preview to follow the editor to gaps.scr.yaml', (s) => s.uri === back.document.uri.toString());
    await closeAll();
  });

  test('a locked preview follows its case file when the file is renamed', async () => {
    const a = await api();
    const before = await copyOfComplete('to-rename.scr.yaml', 'NSCB-2016-98');
    const after = workspaceFile('renamed.scr.yaml');
    try {
      await openCase('to-rename.scr.yaml');
      await lockPreviewOn(a, before);
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(before, after);
      assert.ok(await vscode.workspace.applyEdit(rename));
      const s = await renderedUntil(a, 'the preview to follow the rename', (r) => r.uri === after.toString());
      assert.equal(s.locked, true);
      assert.match(s.summary, /QM2 8\/8 met/);
    } finally {
      await closeAll();
      for (const u of [before, after]) await vscode.workspace.fs.delete(u).then(undefined, () => undefined);
    }
  });

  test('a locked preview follows its case file when its folder is renamed', async () => {
    const a = await api();
    await closeAll();
    const folder = workspaceFile('open-cases');
    const renamed = workspaceFile('open-cases-2016');
    await vscode.workspace.fs.createDirectory(folder);
    const before = await copyOfComplete('open-cases/to-move.scr.yaml', 'NSCB-2016-94');
    try {
      await lockPreviewOn(a, before);
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(folder, renamed);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const after = vscode.Uri.joinPath(renamed, 'to-move.scr.yaml');
      const s = await renderedUntil(a, 'the preview to follow the folder', (r) => r.uri === after.toString());
      assert.equal(s.locked, true);
    } finally {
      await closeAll();
      for (const u of [folder, renamed]) await vscode.workspace.fs.delete(u, { recursive: true }).then(undefined, () => undefined);
    }
  });

  test('a locked preview whose file is deleted while it is hidden unlocks and moves to the case file in the editor', async () => {
    const a = await api();
    await withCopyOfComplete('to-delete.scr.yaml', 'NSCB-2016-97', async (doomed) => {
      await openCase('to-delete.scr.yaml');
      await lockPreviewOn(a, doomed);
      const gaps = await hidePreviewBehind('gaps.scr.yaml');
      await deleteInEditor(doomed);
      await showPreview();
      const s = await renderedUntil(a, 'the preview on gaps.scr.yaml, the active case file', (r) => r.uri === gaps.document.uri.toString());
      assert.equal(s.locked, false);
      assert.doesNotMatch(previewTitle() ?? '', /Locked/);
    });
  });

  test('a locked preview whose file is deleted says so, unlocks, and follows the next case file opened', async () => {
    const a = await api();
    await withCopyOfComplete('to-delete.scr.yaml', 'NSCB-2016-97', async (doomed) => {
      await openCase('to-delete.scr.yaml');
      await lockPreviewOn(a, doomed);
      await deleteInEditor(doomed);
      await previewSaysGone(a, 'to-delete.scr.yaml', 'has been deleted.');
      assert.equal(previewTitle(), 'QM2 Checklist');
      // With nothing shown, there is nothing to lock it on.
      assert.equal(await vscode.commands.executeCommand('scr.toggleChecklistLock'), false);
      const next = await openBesidePreview('gaps.scr.yaml');
      await renderedUntil(a, 'the preview to follow gaps.scr.yaml', (r) => r.uri === next.document.uri.toString() && !r.locked);
    });
  });

  test('a locked preview whose file is deleted with its folder says so and unlocks', async () => {
    const a = await api();
    await closeAll();
    const folder = workspaceFile('closed-cases');
    await vscode.workspace.fs.createDirectory(folder);
    const doomed = await copyOfComplete('closed-cases/to-delete.scr.yaml', 'NSCB-2016-95');
    try {
      await lockPreviewOn(a, doomed);
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(folder, { recursive: true });
      assert.ok(await vscode.workspace.applyEdit(edit));
      await previewSaysGone(a, 'to-delete.scr.yaml', 'has been deleted.');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  });

  test('a preview restored on a case file that cannot be found says so, and follows the next case file opened', async () => {
    const a = await api();
    await closeAll();
    // A preview opened on a file that is not there, as one restored after its file was deleted
    // while VS Code was closed.
    await vscode.commands.executeCommand('scr.openChecklist', workspaceFile('gone-before.scr.yaml'));
    await previewSaysGone(a, 'gone-before.scr.yaml', 'cannot be found. It may have been moved or deleted.');
    const next = await openBesidePreview('gaps.scr.yaml');
    await renderedUntil(a, 'the preview to follow gaps.scr.yaml', (r) => r.uri === next.document.uri.toString());
    await closeAll();
  });

  test('a locked preview whose file is deleted by another program while it is hidden says the file cannot be found', async () => {
    const a = await api();
    await withCopyOfComplete('to-lose.scr.yaml', 'NSCB-2016-96', async (doomed) => {
      // The preview alone, its file not open in an editor (as after a window reload). A file not
      // yet checked says so until the answer comes.
      const seen: string[] = [];
      const sub = a.onDidRender((r) => seen.push(r.message ?? r.uri));
      await vscode.commands.executeCommand('scr.openChecklist', doomed);
      await renderedUntil(a, 'the preview on to-lose.scr.yaml', (s) => s.uri === doomed.toString());
      sub.dispose();
      assert.deepEqual(seen.slice(0, 2), ['Checking to-lose.scr.yaml against QM2…', doomed.toString()]);
      assert.equal(await vscode.commands.executeCommand('scr.toggleChecklistLock'), true);
      await renderedUntil(a, 'the preview locked', (s) => s.uri === doomed.toString() && s.locked);
      await hidePreviewBehind('gaps.scr.yaml');
      await vscode.workspace.fs.delete(doomed); // not through the editor: onDidDeleteFiles is not told
      await showPreview();
      await previewSaysGone(a, 'to-lose.scr.yaml', 'cannot be found. It may have been moved or deleted.');
      assert.equal(previewTitle(), 'QM2 Checklist');
    });
  });

  test('"SCR: New Case File" opens an untitled case file from the snippet', async () => {
    await vscode.commands.executeCommand('scr.newCaseFile');
    const doc = vscode.window.activeTextEditor?.document;
    assert.ok(doc);
    assert.equal(doc.languageId, 'scr-case');
    assert.equal(doc.uri.scheme, 'untitled');
    assert.match(doc.getText(), /^# SCR decision record\.[^\n]*\n[\s\S]*^scr: 1$[\s\S]*^ {2}reference: To be completed\.[\s\S]*^criteria:$/m);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
