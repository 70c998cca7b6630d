import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixAll, lensTitle, waiverEdit } from '../../server/src/engine/actions';
import { CaseDoc } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/fixes';
import { extents } from '../../server/src/engine/locate';
import type { Finding } from '../../server/src/engine/types';
import { comments } from '../helpers/fixtures';
import { analyse, SAMPLE } from './sample-case';

const finding = (rule: string, start: number, fixes: Finding['fixes'] = []): Finding => ({ rule, severity: 'warning', message: '', span: { start, end: start + 1 }, questions: [], fixes, related: [] });

describe('fix all', () => {
  it('takes the preferred fix of every finding; the file still reads and keeps its comments', () => {
    const text = SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, polce]');
    const a = analyse(text);
    const { edits, fixes } = fixAll(a.doc, a.findings);
    assert.ok(fixes.some((f) => f.title === 'Change to `police`'));
    const out = applyEdits(text, edits);
    assert.equal(new CaseDoc(out).syntax.length, 0);
    assert.deepEqual(comments(out), comments(text));
    const after = analyse(out).findings.filter((f) => !f.waived);
    assert.ok(!after.some((f) => f.rule === 'unknown-agency'));
    for (const f of fixes) assert.ok(f.preferred);
  });

  it('leaves out a fix that overlaps one already taken, and one offered twice', () => {
    const doc = new CaseDoc('a: 1\nb: 2\n');
    const one = { title: 'one', preferred: true, edits: [{ span: { start: 3, end: 4 }, newText: '5' }] };
    const overlapping = { title: 'two', preferred: true, edits: [{ span: { start: 0, end: 4 }, newText: 'a: 6' }] };
    const insert = { title: 'three', preferred: true, edits: [{ span: { start: 9, end: 9 }, newText: '\nc: 3' }] };
    const notPreferred = { title: 'four', preferred: false, edits: [{ span: { start: 8, end: 9 }, newText: '4' }] };
    const r = fixAll(doc, [finding('x', 0, [one]), finding('x', 0, [overlapping]), finding('y', 5, [insert]), finding('y', 6, [insert]), finding('z', 5, [notPreferred])]);
    assert.deepEqual(r.fixes.map((f) => f.title), ['one', 'three']);
    assert.equal(applyEdits(doc.text, r.edits), 'a: 5\nb: 2\nc: 3\n');
  });

  it('leaves out a fix that would add a key twice', () => {
    const doc = new CaseDoc('a: 1\n');
    const add = (v: string) => ({ title: v, preferred: true, edits: [{ span: { start: 4, end: 4 }, newText: `\nb: ${v}` }] });
    assert.deepEqual(fixAll(doc, [finding('x', 0, [add('1')]), finding('y', 0, [add('2')])]).fixes.map((f) => f.title), ['1']);
  });

  it('reads the fixed file once, not once per fix, when no fix spoils it', () => {
    // 400 keys, each with a fix that changes its value.
    const text = Array.from({ length: 400 }, (_, i) => `key${i}: value ${i}   # note ${i}\n`).join('');
    const doc = new CaseDoc(text);
    const fixes = Array.from({ length: 400 }, (_, i) => {
      const start = text.indexOf(`value ${i} `);
      return finding('x', start, [{ title: `${i}`, preferred: true, edits: [{ span: { start, end: start + `value ${i}`.length }, newText: `fixed ${i}` }] }]);
    });
    let readings = 0;
    const r = fixAll(doc, fixes, { syntaxProblems: (t) => (readings++, new CaseDoc(t).syntax.length) });
    assert.equal(r.fixes.length, 400);
    assert.match(applyEdits(text, r.edits), /^key399: fixed 399 {3}# note 399$/m);
    // Trying each fix in turn read the file 400 times (half a minute for a file with 300 agencies).
    assert.equal(readings, 1);
  });

  it('puts a new list entry before a new section where both are added at one place', () => {
    const doc = new CaseDoc('items:\n  - a\n');
    const section = { title: 'section', preferred: true, edits: [{ span: { start: 12, end: 12 }, newText: '\nother: 1' }] };
    const item = { title: 'item', preferred: true, edits: [{ span: { start: 12, end: 12 }, newText: '\n  - b' }] };
    const r = fixAll(doc, [finding('x', 0, [section]), finding('y', 0, [item])]);
    assert.deepEqual(r.edits, [{ span: { start: 12, end: 12 }, newText: '\n  - b\nother: 1' }], 'one edit: every editor applies it alike');
    assert.equal(applyEdits(doc.text, r.edits), 'items:\n  - a\n  - b\nother: 1\n');
  });
});

describe('waiving a finding', () => {
  it('puts the comment above the key the finding is on, indented like it, with the place for the reason', () => {
    const a = analyse();
    const f = a.findings.find((x) => x.rule === 'minimum-data-outstanding')!;
    const w = waiverEdit(a.doc, f, a.findings)!;
    assert.equal(w.title, 'Waive this finding of the rule “Minimum data returns are in”…');
    assert.equal(w.edit.newText, '    # scr-waive minimum-data-outstanding: \n');
    assert.equal(w.reasonAt, '    # scr-waive minimum-data-outstanding: '.length);
    assert.equal(a.doc.lines.lineText(a.doc.lines.lineOf(w.edit.span.start)), '    minimumData:');
    const waived = applyEdits(SAMPLE, [{ ...w.edit, newText: w.edit.newText.replace(': \n', ': the police had no record; the chair was told so by phone\n') }]);
    const after = analyse(waived).findings;
    assert.ok(after.find((x) => x.rule === 'minimum-data-outstanding')?.waived);
    assert.ok(!after.some((x) => x.rule === 'waiver-unused' || x.rule === 'waiver-reason'));
  });

  it('never puts the comment inside a block of text', () => {
    const a = analyse();
    const inBlock = finding('personal-data', SAMPLE.indexOf('Died in hospital'));
    const w = waiverEdit(a.doc, inBlock, a.findings)!;
    assert.equal(a.doc.lines.lineText(a.doc.lines.lineOf(w.edit.span.start)), '    summary: >');
    const waived = analyse(applyEdits(SAMPLE, [w.edit])).doc;
    assert.equal(waived.syntax.length, 0);
    assert.equal(waived.get(['case', 'incident', 'summary']), 'Found unresponsive at home. Died in hospital the next day.\n');
  });

  it('says so when the waiver would cover several findings of its rule, naming the rule in words', () => {
    // With the police recorded as of type `other`, neither a police nor a health agency is recorded.
    const two = SAMPLE.replace('name: Testshire Police\n    type: police', 'name: Testshire Police\n    type: other');
    assert.notEqual(two, SAMPLE);
    const a = analyse(two);
    const missing = a.findings.filter((x) => x.rule === 'key-agency-missing');
    assert.equal(missing.length, 2);
    const w = waiverEdit(a.doc, missing[0], a.findings)!;
    assert.equal(w.title, 'Waive these 2 findings of the rule “Every key type of agency is asked” here…');
    assert.doesNotMatch(w.title, /key-agency-missing/, 'the title is for people; the comment carries the id');
    assert.equal(w.edit.newText, '# scr-waive key-agency-missing: \n');
    // And so it does: both are waived by the one comment.
    const after = analyse(applyEdits(two, [{ ...w.edit, newText: w.edit.newText.replace(': \n', ': police and health asked through the subgroup\n') }])).findings;
    assert.equal(after.filter((x) => x.rule === 'key-agency-missing' && x.waived).length, 2);
  });

  it('tells apart the waivers offered for several findings on one line', () => {
    const a = analyse();
    const onDecision = a.findings.filter((x) => a.doc.lines.lineOf(x.span.start) === a.doc.lines.lineOf(SAMPLE.indexOf('decision:\n')));
    assert.ok(onDecision.length >= 3, onDecision.map((x) => x.rule).join());
    const titles = onDecision.map((x) => waiverEdit(a.doc, x, a.findings)!.title);
    assert.equal(new Set(titles).size, titles.length, titles.join('\n'));
    assert.ok(titles.includes('Waive this finding of the rule “The kind of review is set out”…'), titles.join('\n'));
    for (const t of titles) assert.doesNotMatch(t, /[a-z]+-[a-z]+/, 'no rule id in a title');
  });

  it('is not offered for findings about waivers or about reading the file', () => {
    const a = analyse();
    assert.equal(waiverEdit(a.doc, finding('waiver-unused', 0), a.findings), undefined);
    assert.equal(waiverEdit(a.doc, finding('yaml-syntax', 0), a.findings), undefined);
  });

  // Each of these says the record is wrong: the answer is to correct it, never to accept it.
  const WRONG: [rule: string, from: string, to: string][] = [
    ['schema', '    involvement: not-known', '    involvment: not-known'],
    ['invalid-date', 'requested: 2016-01-15\nmeetings', 'requested: 2016-02-30\nmeetings'],
    ['unknown-agency', 'agency: police ', 'agency: polce '],
    ['duplicate-id', '  - id: police', '  - id: csc'],
  ];
  for (const [rule, from, to] of WRONG) {
    it(`is not offered for ${rule} findings, though a waiver typed by hand still works`, () => {
      const text = SAMPLE.replace(from, to);
      assert.notEqual(text, SAMPLE);
      const a = analyse(text);
      const f = a.findings.find((x) => x.rule === rule);
      assert.ok(f, `${rule} is reported: ${a.findings.map((x) => x.rule).join(', ')}`);
      assert.equal(waiverEdit(a.doc, f, a.findings), undefined);
      // Typed by hand above the line the finding is on, a waiver is read as before.
      const line = a.doc.lines.lineOf(f.span.start);
      const start = a.doc.lines.lineStart(line);
      const indent = /^ */.exec(a.doc.lines.lineText(line))![0];
      const waived = applyEdits(text, [{ span: { start, end: start }, newText: `${indent}# scr-waive ${rule}: kept as the original letter gives it\n` }]);
      assert.ok(analyse(waived).findings.find((x) => x.rule === rule)?.waived, `${rule} waived by hand`);
    });
  }

  it('is offered for a date-order finding: some of what it reports does happen', () => {
    const text = SAMPLE.replace('date: 2016-02-03', 'date: 2016-02-25');
    const a = analyse(text);
    const f = a.findings.find((x) => x.rule === 'date-order');
    assert.ok(f, a.findings.map((x) => x.rule).join(', '));
    assert.equal(waiverEdit(a.doc, f, a.findings)?.edit.newText, '    # scr-waive date-order: \n');
  });

  it('finds the keys and entries of a reading once, however many findings ask (each used to walk the whole file)', () => {
    const a = analyse();
    const first = extents(a.doc);
    for (const f of a.findings) waiverEdit(a.doc, f, a.findings);
    assert.equal(extents(a.doc), first, 'the same list, not worked out again');
    // A new reading of an edited text has its own.
    const edited = new CaseDoc(a.doc.text.replace('case:', 'case:\n  # a note'), a.doc);
    const after = extents(edited);
    assert.notEqual(after, first);
    assert.equal(after.find((e) => e.path.join('.') === 'decision')!.span.start, first.find((e) => e.path.join('.') === 'decision')!.span.start + '\n  # a note'.length);
  });
});

describe('the code lens line', () => {
  it('counts the questions met and the errors and warnings', () => {
    assert.match(lensTitle(analyse()), /^QM2 \d of \d met( · \d+ errors?)?( · \d+ warnings?)?$/);
    assert.match(lensTitle(analyse('scr: 1\n')), /^QM2 \d of \d met · \d+ errors? · \d+ warnings?$/);
  });
});

describe('Fix all and an agency id not written as ids are', () => {
  it('corrects the declaration, and never changes the uses written correctly to match its mistake (on save either)', () => {
    const text = SAMPLE.replace('  - id: police\n', '  - id: Police\n');
    const a = analyse(text);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'unknown-agency').map((f) => f.message), []);
    assert.equal(applyEdits(text, fixAll(a.doc, a.findings, { correctionsOnly: true }).edits), text);
    assert.match(applyEdits(text, fixAll(a.doc, a.findings).edits), /- id: police\n[^]*agencies: \[csc, police\][^]*- agency: police /);
    // A use that is a misspelling of a well-written id is still corrected.
    const typo = analyse(SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, polce]'));
    assert.deepEqual(typo.findings.filter((f) => f.rule === 'unknown-agency').map((f) => f.fixes[0].title), ['Change to `police`']);
  });
});
