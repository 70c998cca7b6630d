import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type {
  CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Location, SelectionRange, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { CaseDoc } from '../../server/src/engine/index';
import type { ChecklistResult } from '../../server/src/protocol';
import { DOSSIER, TestClient, uriOf } from './client';

const URI = uriOf(join(DOSSIER, 'alpha.scr.yaml'));
const BETA = uriOf(join(DOSSIER, 'beta.scr.yaml'));
const TEXT = `${readFileSync(join(DOSSIER, 'alpha.scr.yaml'), 'utf8')}learning:
  - reference: TSCB-2016-02   # the other case, in beta.scr.yaml
    relevance: Same pattern of missed appointments.
decision:
  date: 2016-02-10
  by: Independent Chair, Testshire LSCB
  outcome: scr
  criteriaMet: true
  rationale: Criteria met.
`;

/** The position of `find` (its first occurrence) in `text`, moved on by `delta` characters. */
function pos(text: string, find: string, delta = 0) {
  const i = text.indexOf(find);
  assert.ok(i >= 0, `${find} not found`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const md = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? '';

describe('language features over the protocol', () => {
  const started = (async () => {
    const c = await TestClient.start({ folders: [DOSSIER], snippetEdits: true });
    c.open(URI, TEXT);
    await c.diagnostics(URI, 1);
    return c;
  })();
  const td = { uri: URI };
  after(async () => (await started).stop());

  it('hovers on keys, values, dates, agency ids and the decision', async () => {
    const c = await started;
    const hover = (find: string, d: number) => c.request<Hover | null>('textDocument/hover', { textDocument: td, position: pos(c.text(URI), find, d) });
    const meetings = md(await hover('meetings:', 2));
    assert.match(meetings, /\*\*Meetings\*\*/);
    assert.match(meetings, /QM2 question 4/);
    assert.match(md(await hover('finding: suspected', 12)), /\*\*suspected\*\*[\s\S]*suspected/);
    assert.match(md(await hover('received: 2016-01-22', 12)), /22 January 2016[\s\S]*working days .* after the request/);
    assert.match(md(await hover('date: 2016-02-10', 8)), /Limit 1 month: decision due by 14 February 2016\. Decided on 10 February 2016, \d+ working days \(\d+ calendar days\) after the referral\./);
    const agency = await hover('csc, police', 6);
    assert.match(md(agency), /Testshire Police[\s\S]*police[\s\S]*Minimum data: requested 15 January 2016, received 20 January 2016/);
    assert.deepEqual(agency?.range, { start: pos(c.text(URI), 'csc, police', 5), end: pos(c.text(URI), 'csc, police', 11) });
    const decision = md(await hover('decision:', 1));
    assert.match(decision, /QM2 checklist/);
    for (let q = 1; q <= 9; q++) assert.match(decision, new RegExp(`\\*\\*Q${q} `));
  });

  it('completes keys not yet written, values with meanings, agency ids and dates', async () => {
    const c = await started;
    const complete = async (find: string, d: number) => c.request<CompletionItem[]>('textDocument/completion', { textDocument: td, position: pos(c.text(URI), find, d) });
    c.edit(URI, '  from: Head of Service', '  \n  from: Head of Service');
    const keys = (await complete('  \n  from: Head', 2)).map((i) => i.label);
    assert.ok(keys.includes('notifications') && !keys.includes('from') && !keys.includes('date'), keys.join());
    c.edit(URI, '  \n  from: Head of Service', '  from: Head of Service');
    const types = await complete('type: police', 6);
    const police = types.find((i) => i.label === 'police');
    assert.ok(police && types.some((i) => i.label === 'health'));
    assert.match((police.documentation as { value: string }).value, /police force/i);
    c.edit(URI, 'agencies: [csc, police]', 'agencies: [csc, ]');
    const ids = (await complete('[csc, ]', 6)).map((i) => i.label);
    assert.deepEqual(ids, ['police']);
    c.edit(URI, 'agencies: [csc, ]', 'agencies: [csc, police]');
    const dates = await complete('date: 2016-02-10', 6);
    assert.deepEqual(dates.map((i) => i.label), ['2016-06-01']);
  });

  it('offers each fix as a quick fix bound to its diagnostic; applying it removes the finding and nothing else', async () => {
    const c = await started;
    const original = c.text(URI);
    const v = c.edit(URI, 'agency: police', 'agency: polce');
    const ds = await c.diagnostics(URI, v, (d) => d.some((x) => x.code === 'unknown-agency'));
    const diag = ds.find((d) => d.code === 'unknown-agency')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: diag.range, context: { diagnostics: [diag] } });
    const change = actions.find((a) => a.title === 'Change to `police`')!;
    assert.ok(change, actions.map((a) => a.title).join());
    assert.equal(change.kind, 'quickfix');
    assert.equal(change.isPreferred, true);
    assert.deepEqual(change.diagnostics, [diag]);
    assert.ok(!actions.some((a) => a.title.startsWith('Waive')), 'an id no agency has is put right, not waived');
    const next = c.nextDiagnostics(URI);
    c.apply(change.edit!);
    assert.equal(c.text(URI), original);
    assert.ok(!(await next).some((d) => d.code === 'unknown-agency'));
  });

  it('offers each of several findings of one rule at one place its own fixes, and one waiver for them all', async () => {
    const c = await started;
    const uri = uriOf(join(DOSSIER, '..', 'one-agency.scr.yaml'));
    c.open(uri, 'scr: 1\nagencies:\n  - id: other\n    name: Testshire Youth Service\n    type: other\n');
    const missing = (await c.diagnostics(uri, 1)).filter((d) => d.code === 'key-agency-missing');
    assert.equal(missing.length, 3);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing[0].range, context: { diagnostics: missing } });
    const titles = actions.map((a) => a.title);
    for (const type of ['social-care', 'police', 'health']) assert.equal(titles.filter((t) => t === `Add an agency of type \`${type}\``).length, 1, titles.join(' | '));
    const waivers = actions.filter((a) => a.title.startsWith('Waive'));
    assert.deepEqual(waivers.map((a) => [a.title, a.diagnostics!.length]), [['Waive these 3 findings of the rule “Every key type of agency is asked” here…', 3]]);
    c.notification('textDocument/didClose', { textDocument: { uri } });
  });

  it('waives a finding with a comment above its line, the cursor where the reason goes', async () => {
    const c = await started;
    const original = c.text(URI);
    // Input dated after the decision (10 February 2016).
    const v = c.edit(URI, '    date: 2016-02-03', '    date: 2016-02-12');
    const diag = (await c.diagnostics(URI, v, (d) => d.some((x) => x.code === 'date-order'))).find((d) => d.code === 'date-order')!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: diag.range, context: { diagnostics: [diag] } });
    const waive = actions.find((a) => a.title === 'Waive this finding of the rule “Dates follow one another as they must”…')!;
    const edit = (waive.edit!.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0];
    assert.equal(edit.snippet?.value, '    # scr-waive date-order: $0\n');
    const next = c.nextDiagnostics(URI);
    c.apply(waive.edit!);
    assert.match(c.text(URI), /- agency: police\n {4}# scr-waive date-order: \n {4}date: 2016-02-12/);
    const after = await next;
    assert.ok(!after.some((d) => d.code === 'date-order'));
    assert.ok(after.some((d) => d.code === 'waiver-reason'), 'a waiver still needs its reason');
    // The next test starts from the diagnostics of the original text, not from these arriving late.
    const restored = c.nextDiagnostics(URI);
    c.apply({ changes: { [URI]: [{ range: { start: { line: 0, character: 0 }, end: c.doc(URI).positionAt(c.text(URI).length) }, newText: original }] } });
    await restored;
  });

  it('offers fix-all when asked, but not to the light bulb\'s automatic request at each cursor move', async () => {
    const c = await started;
    await c.diagnostics(URI);
    const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const kinds = async (context: Record<string, unknown>) => (await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: at, context: { diagnostics: [], ...context } })).map((a) => a.kind);
    assert.deepEqual(await kinds({ triggerKind: 2 }), [], 'automatic');
    assert.deepEqual(await kinds({ triggerKind: 1 }), ['source.fixAll.scr'], 'invoked');
    assert.deepEqual(await kinds({}), ['source.fixAll.scr'], 'a client that does not say');
    // On save only corrections are made, and this file has nothing misspelt: nothing to offer.
    assert.deepEqual(await kinds({ triggerKind: 2, only: ['source.fixAll'] }), [], 'on save');
  });

  it('fixes all: the preferred fix of every finding, without touching comments', async () => {
    const c = await started;
    const before = await c.diagnostics(URI);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: td, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 1 } });
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.scr', 'Fix all QM2 problems']]);
    const original = c.text(URI);
    const next = c.nextDiagnostics(URI);
    c.apply(actions[0].edit!);
    const fixed = c.text(URI);
    const comments = (t: string) => t.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
    assert.deepEqual(comments(fixed), comments(original));
    assert.equal(new CaseDoc(fixed).syntax.length, 0);
    const after = await next;
    const fixable = (ds: Diagnostic[]) => ds.filter((d) => (d.data as { fixes: { preferred: boolean }[] }).fixes.some((f) => f.preferred)).length;
    assert.ok(fixable(before) > 0 && fixable(after) < fixable(before), `${fixable(before)} -> ${fixable(after)}`);
    c.apply({ changes: { [URI]: [{ range: { start: { line: 0, character: 0 }, end: c.doc(URI).positionAt(fixed.length) }, newText: original }] } });
  });

  it('on save makes corrections only; Fix all chosen by the user also adds what is missing', async () => {
    // VS Code asks for source.fixAll on save (editor.codeActionsOnSave) with the trigger "automatic",
    // and when the user chooses Fix All or the command with "invoked".
    const c = await started;
    const uri = uriOf(join(DOSSIER, '..', 'slips.scr.yaml'));
    const complete = readFileSync(join(__dirname, '..', '..', 'examples', 'complete-record.scr.yaml'), 'utf8');
    const text = complete.replace('neighbouringBoards:', 'neighboringBoards:').replace('date: 2016-03-23', 'date: 23/03/2016')
      .replace(/\nlearning:\n(?:(?:[ -].*|)\n)*?(?=\S)/, '\n');
    c.open(uri, text);
    const diagnostics = await c.diagnostics(uri, 1);
    // The light bulb on the misspelt key and on the check it hides: one correction for both, no "Add a check", no waiver.
    const slip = diagnostics.filter((d) => /neighboringBoards/.test(String(d.message)));
    assert.deepEqual(slip.map((d) => d.code).sort(), ['neighbouring-check', 'schema']);
    const bulb = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: slip[0].range, context: { diagnostics: slip } });
    assert.deepEqual(bulb.filter((a) => a.kind === 'quickfix').map((a) => [a.title, a.diagnostics?.length]), [['Change to `neighbouringBoards`', 2]]);
    const all = { start: { line: 0, character: 0 }, end: c.doc(uri).positionAt(text.length) };
    const fixAllOf = async (context: Record<string, unknown>) => {
      const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: all, context: { diagnostics: [], ...context } });
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      const edits = (actions[0].edit!.documentChanges![0] as { edits: { range: typeof all; newText: string }[] }).edits;
      const doc = c.doc(uri);
      let out = text;
      for (const e of [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))) out = out.slice(0, doc.offsetAt(e.range.start)) + e.newText + out.slice(doc.offsetAt(e.range.end));
      return { title: actions[0].title, out };
    };
    const saved = await fixAllOf({ triggerKind: 2, only: ['source.fixAll'] });
    assert.equal(saved.title, 'Correct misspelt keys, values and dates');
    assert.ok(saved.out.includes('\nneighbouringBoards:\n') && saved.out.includes('date: 2016-03-23'), 'the corrections are made');
    assert.doesNotMatch(saved.out, /\nlearning:|To be completed/, 'nothing is added on save');
    assert.equal((saved.out.match(/neighbo/g) ?? []).length, (text.match(/neighbo/g) ?? []).length, 'no check added beside the misspelt one');
    // An editor from before LSP 3.17 does not say why it asks: asking for fix-all alone may be a save.
    assert.equal((await fixAllOf({ only: ['source.fixAll'] })).out, saved.out);
    for (const chosen of [{ triggerKind: 1, only: ['source.fixAll'] }, { triggerKind: 1, only: ['source.fixAll.scr'] }, {}]) {
      const fixed = await fixAllOf(chosen);
      assert.equal(fixed.title, 'Fix all QM2 problems');
      assert.ok(fixed.out.includes('\nneighbouringBoards:\n') && fixed.out.includes('date: 2016-03-23'), JSON.stringify(chosen));
      assert.match(fixed.out, /\nlearning:\n {2}- reference: To be completed\./, JSON.stringify(chosen));
      assert.equal((fixed.out.match(/neighbo/g) ?? []).length, (text.match(/neighbo/g) ?? []).length, 'no check added beside the misspelt one');
    }
    c.notification('textDocument/didClose', { textDocument: { uri } });
  });

  it('Fix all chosen once leaves nothing more to fix: a section found incomplete once its key is corrected is completed too', async () => {
    const c = await started;
    const uri = uriOf(join(DOSSIER, '..', 'slips-twice.scr.yaml'));
    const complete = readFileSync(join(__dirname, '..', '..', 'examples', 'complete-record.scr.yaml'), 'utf8');
    // A misspelt `minimumData` that also lacks its `requested` date: only once the key is corrected is that seen.
    const text = complete.replace(/minimumData:\n( +)requested: \S+\n/, 'minimumdata:\n');
    assert.notEqual(text, complete);
    c.open(uri, text);
    await c.diagnostics(uri, 1);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 1 } });
    assert.equal(actions.length, 1);
    const next = c.nextDiagnostics(uri);
    c.apply(actions[0].edit!);
    const fixed = c.text(uri);
    assert.match(fixed, /minimumData:\n +requested: To be completed\./, fixed);
    assert.deepEqual(new CaseDoc(fixed).syntax, []);
    const fixable = (await next).filter((d) => (d.data as { fixes: { preferred: boolean }[] }).fixes.some((f) => f.preferred));
    assert.deepEqual(fixable.map((d) => `${d.code}: ${d.message}`), []);
    c.notification('textDocument/didClose', { textDocument: { uri } });
  });

  it('Fix all through the server: a key without its colon gets the colon, the date is kept, and an id that is initials is corrected, no agency declared', async () => {
    const c = await started;
    const uri = uriOf(join(DOSSIER, '..', 'no-colon.scr.yaml'));
    const complete = readFileSync(join(__dirname, '..', '..', 'examples', 'complete-record.scr.yaml'), 'utf8');
    const text = complete.replace('    forum: SCR subgroup\n', '    forum SCR subgroup\n').replace('[csc, police, acute, health-visiting, gp, school]', '[csc, police, acute, hv, gp, school]');
    assert.notEqual(text, complete);
    c.open(uri, text);
    await c.diagnostics(uri, 1);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'], triggerKind: 1 } });
    assert.equal(actions.length, 1);
    c.apply(actions[0].edit!);
    const fixed = c.text(uri);
    assert.match(fixed, /\n  - date: 2016-03-23\n    forum: SCR subgroup\n    agencies: \[csc, police, acute, health-visiting, gp, school\]\n/);
    assert.doesNotMatch(fixed, /- id: hv\n/);
    c.notification('textDocument/didClose', { textDocument: { uri } });
  });

  it('goes to an agency’s declaration, finds its uses and renames it everywhere', async () => {
    const c = await started;
    const text = c.text(URI);
    const at = pos(text, 'csc, police', 6);
    const def = await c.request<Location[]>('textDocument/definition', { textDocument: td, position: at });
    assert.deepEqual(def.map((l) => l.range.start), [pos(text, 'id: police', 4)]);
    const refs = await c.request<Location[]>('textDocument/references', { textDocument: td, position: at, context: { includeDeclaration: true } });
    assert.equal(refs.length, 3);
    const prep = await c.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: td, position: at });
    assert.equal(prep.placeholder, 'police');
    const edit = await c.request<WorkspaceEdit>('textDocument/rename', { textDocument: td, position: at, newName: 'met-police' });
    assert.equal(edit.changes![URI].length, 3);
    await assert.rejects(c.request('textDocument/rename', { textDocument: td, position: at, newName: 'Met Police' }), /cannot be an agency id/);
    assert.equal(await c.request('textDocument/prepareRename', { textDocument: td, position: pos(text, 'forum:', 1) }), null);
  });

  it('goes from a learning reference to the case file it names', async () => {
    const c = await started;
    const def = await c.request<Location[]>('textDocument/definition', { textDocument: td, position: pos(c.text(URI), 'TSCB-2016-02', 3) });
    assert.deepEqual(def.map((l) => [l.uri, l.range.start.line]), [[BETA, 3]]);
  });

  it('gives an outline, folding and selection ranges', async () => {
    const c = await started;
    const symbols = await c.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: td });
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Agencies') && names.includes('Decision'), names.join());
    assert.deepEqual(symbols.find((s) => s.name === 'Agencies')!.children!.map((s) => s.name), ["Testshire Children's Social Care", 'Testshire Police']);
    assert.deepEqual(symbols.find((s) => s.name === 'Meetings')!.children!.map((s) => s.name), ['1 February 2016']);
    const folds = await c.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: td });
    const agencies = pos(c.text(URI), 'agencies:').line;
    assert.ok(folds.some((f) => f.startLine === agencies && f.endLine > agencies));
    const [sel] = await c.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: td, positions: [pos(c.text(URI), 'csc, police', 6)] });
    let depth = 0;
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) depth++;
    assert.ok(depth >= 4, `depth ${depth}`);
  });

  it('shows the QM2 summary as a code lens and answers scr/checklist', async () => {
    const c = await started;
    const [lens] = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: td });
    assert.match(lens.command!.title, /^QM2 \d of \d met( · \d+ errors?)?( · \d+ warnings?)?/);
    assert.equal(lens.command!.command, 'scr.openChecklist');
    assert.deepEqual(lens.command!.arguments, [URI]);
    assert.equal(lens.range.start.line, 0);
    const list = await c.request<ChecklistResult>('scr/checklist', { uri: URI });
    assert.equal(list.uri, URI);
    assert.equal(list.items.length, 9);
    assert.match(list.summary, /^QM2 \d\/\d met/);
    assert.equal(list.reference, 'TSCB-2016-01');
  });

  it('answers scr/checklist for a case file of the dossier that is not open, from the saved file', async () => {
    const c = await started;
    // As for a preview restored after the window reloads, while its file's tab is in the background.
    const list = await c.request<ChecklistResult | null>('scr/checklist', { uri: BETA });
    assert.equal(list?.uri, BETA);
    assert.equal(list?.reference, 'TSCB-2016-02');
    assert.equal(list?.version, undefined);
  });

  it('answers requests on unknown documents and positions outside the text with nothing', async () => {
    const c = await started;
    const nowhere = { uri: 'file:///nowhere/none.scr.yaml' };
    const origin = { line: 0, character: 0 };
    assert.equal(await c.request('textDocument/hover', { textDocument: nowhere, position: origin }), null);
    assert.deepEqual(await c.request('textDocument/completion', { textDocument: nowhere, position: origin }), []);
    assert.deepEqual(await c.request('textDocument/codeLens', { textDocument: nowhere }), []);
    assert.deepEqual(await c.request('textDocument/documentSymbol', { textDocument: nowhere }), []);
    assert.deepEqual(await c.request('textDocument/definition', { textDocument: nowhere, position: origin }), []);
    assert.equal(await c.request('scr/checklist', { uri: nowhere.uri }), null);
    const far = { line: 5000, character: 3 };
    assert.equal(await c.request('textDocument/hover', { textDocument: td, position: far }), null);
    assert.deepEqual(await c.request('textDocument/completion', { textDocument: td, position: far }), []);
    assert.deepEqual(await c.request('textDocument/completion', { textDocument: td, position: { line: 1, character: 400 } }), []);
    assert.deepEqual(await c.request('textDocument/references', { textDocument: td, position: far, context: { includeDeclaration: true } }), []);
    // A selection range must be a real range of the text, even for a position outside it.
    const lines = c.text(URI).split('\n');
    const ranges = await c.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: td, positions: [far, { line: -1, character: -4 }, { line: 1, character: 400 }] });
    assert.deepEqual(ranges.map((r) => r.range.start), [
      { line: lines.length - 1, character: lines[lines.length - 1].length },
      { line: 0, character: 0 },
      { line: 1, character: lines[1].length },
    ]);
  });
});
