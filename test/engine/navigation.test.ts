import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CaseDoc } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/fixes';
import { agencyDefinition, agencyReferences, learningTargets, prepareAgencyRename, renameAgency } from '../../server/src/engine/navigation';
import { documentSymbols, foldingRanges, selectionSpans } from '../../server/src/engine/symbols';
import { at, SAMPLE } from './sample-case';

const doc = new CaseDoc(SAMPLE);
const word = (s: { start: number; end: number }) => SAMPLE.slice(s.start, s.end);
const lineOf = (s: { start: number }) => doc.lines.lineOf(s.start) + 1;

describe('agency ids', () => {
  it('go from a use to the declaration', () => {
    const decl = agencyDefinition(doc, at(SAMPLE, 'csc, police', 6))!;
    assert.equal(word(decl), 'police');
    assert.equal(lineOf(decl), at(SAMPLE, 'id: police') && doc.lines.lineOf(at(SAMPLE, 'id: police')) + 1);
    assert.equal(agencyDefinition(doc, at(SAMPLE, 'forum: SCR', 8)), undefined);
  });

  it('find every use, with or without the declaration', () => {
    const offset = at(SAMPLE, 'agency: police', 9);
    assert.deepEqual(agencyReferences(doc, offset, true).map(word), ['police', 'police', 'police']);
    assert.equal(agencyReferences(doc, offset, false).length, 2);
  });

  it('rename everywhere, keeping quotes and comments, and refuse an id that cannot be one', () => {
    const text = SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, "police"]');
    const d = new CaseDoc(text);
    const offset = at(text, 'id: police', 5);
    assert.deepEqual(prepareAgencyRename(d, offset), { span: { start: at(text, 'id: police', 4), end: at(text, 'id: police', 10) }, placeholder: 'police' });
    const r = renameAgency(d, offset, 'met-police');
    assert.ok(r && 'edits' in r);
    const out = applyEdits(text, r.edits);
    assert.equal(out, text.replace('id: police', 'id: met-police').replace('"police"]', '"met-police"]').replace('agency: police ', 'agency: met-police '));
    assert.match(out, /agency: met-police {3}# spoke at the meeting/);
    assert.deepEqual(renameAgency(d, offset, 'csc'), { error: 'Another agency already has the id `csc`.' });
    assert.match((renameAgency(d, offset, 'Met Police') as { error: string }).error, /cannot be an agency id/);
    assert.equal(renameAgency(d, at(text, 'forum: SCR', 8), 'x'), undefined);
  });
});

describe('learning references', () => {
  it('lead to the case file of the dossier with that reference', () => {
    const other = { path: 'file:///dossier/older.scr.yaml', reference: 'TSCB-2014-02', span: { start: 20, end: 32 } };
    const r = learningTargets(doc, at(SAMPLE, 'TSCB-2014-02', 3), [other, { ...other, reference: 'X', path: 'file:///x' }])!;
    assert.deepEqual(r.targets, [other]);
    assert.equal(word(r.span), 'TSCB-2014-02');
    assert.equal(learningTargets(doc, at(SAMPLE, 'reference: TSCB-2016-05', 12), [other]), undefined);
  });
});

describe('outline, folding and selection', () => {
  it('lists sections, agencies by name, meetings by date and the decision', () => {
    const symbols = documentSymbols(doc);
    assert.deepEqual(symbols.map((s) => s.name), ['Format version', 'Case', 'Referral', 'Family', 'Agencies', 'Meetings', 'Member agency input', 'Statutory criteria', 'Local learning', 'Decision']);
    const agencies = symbols[4];
    assert.deepEqual(agencies.children.map((s) => [s.name, s.detail, s.kind]), [["Testshire Children's Social Care", 'csc · social-care', 'agency'], ['Testshire Police', 'police · police', 'agency']]);
    assert.deepEqual(symbols[5].children.map((s) => [s.name, s.detail]), [['1 February 2016', 'SCR subgroup']]);
    const decision = symbols[9];
    assert.deepEqual([decision.kind, decision.detail], ['decision', 'scr, 20 February 2016']);
    assert.equal(word(decision.selectionSpan), 'decision');
    // Keys too are named in words, with the key as written beside them.
    assert.deepEqual([symbols[7].children[1].name, symbols[7].children[1].detail], ['Child died', 'childDied']);
    assert.deepEqual([symbols[1].name, symbols[1].detail], ['Case', 'case']);
  });

  it('folds every key or entry over several lines, and runs of comments', () => {
    const text = `# one\n# two\n${SAMPLE}`;
    const folds = foldingRanges(new CaseDoc(text));
    assert.deepEqual(folds[0], { startLine: 0, endLine: 2, comment: true });
    const lines = text.split('\n');
    const agencies = lines.indexOf('agencies:');
    const fold = folds.find((f) => f.startLine === agencies)!;
    assert.equal(lines[fold.endLine], '      requested: 2016-01-15');
    assert.ok(!folds.some((f) => f.startLine === lines.indexOf('  reference: TSCB-2016-05')));
  });

  it('widens a selection from a word to its key, its entry, its section and the file', () => {
    const spans = selectionSpans(doc, at(SAMPLE, 'csc, police', 6)).map(word);
    assert.equal(spans[0], 'police');
    assert.equal(spans[1], 'agencies: [csc, police]');
    assert.match(spans[2], /^- date: 2016-02-01\n {4}forum/);
    assert.match(spans[3], /^meetings:\n/);
    assert.equal(spans[spans.length - 1], SAMPLE);
  });
});
