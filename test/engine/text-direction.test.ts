// Invisible characters that change the direction text is shown in (U+202E, right-to-left override,
// and the others): text-direction reports them, and every view of the user's text writes them out.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { completionsAt } from '../../server/src/engine/completion';
import { CaseDoc } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/fixes';
import { fixAll } from '../../server/src/engine/actions';
import { hoverAt } from '../../server/src/engine/hover';
import { overview } from '../../server/src/engine/overview';
import { documentSymbols } from '../../server/src/engine/symbols';
import { shownText } from '../../server/src/engine/text';
import { analyse, at, cursor, SAMPLE, TODAY } from './sample-case';

const CONTROLS = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const RAW = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The sample with such characters in an agency's name, a board, the pseudonym, a criterion's evidence, a meeting's forum and a waiver's reason. */
const HIDDEN = SAMPLE
  .replace('    name: Testshire Police', '    # scr-waive text-direction: the name as the\u202e agency writes it\n    name: Testshire\u202e Police')
  .replace('- board: Westshire LSCB', '- board: Westshire\u2067 LSCB')
  .replace('pseudonym: Child S', 'pseudonym: Child\u202e S')
  .replace('evidence: Injuries not consistent', 'evidence: Injuries\u202e not consistent')
  .replace('forum: SCR subgroup', 'forum: SCR\u202e subgroup');

describe('shownText', () => {
  it('writes out each character that changes the direction text is shown in, and changes nothing else', () => {
    for (const c of CONTROLS) assert.equal(shownText(`a${c}b`), `a<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>b`);
    const plain = 'Child P\u00a0\u2060 — Testshire “LSCB” 🙂';
    assert.equal(shownText(plain), plain);
    assert.equal(shownText(shownText('a\u202eb')), 'a<U+202E>b');
  });
});

describe('text-direction', () => {
  it('reports each line holding one, naming what it holds, with a fix that removes only those characters and that Fix all leaves', () => {
    const a = analyse(HIDDEN);
    const found = a.findings.filter((f) => f.rule === 'text-direction');
    assert.deepEqual(found.map((f) => a.doc.lines.lineText(a.doc.lines.lineOf(f.span.start)).trim().slice(0, 12)), ['pseudonym: C', '- board: Wes', '# scr-waive ', 'name: Testsh', 'forum: SCR\u202e ', 'evidence: In']);
    const name = found[3];
    assert.equal(HIDDEN.slice(name.span.start, name.span.end), '\u202e');
    assert.match(name.message, /^This line holds an invisible character \(shown as <U\+202E>\) that changes the direction text is shown in, so the line may not read as it is written/);
    // Plain words: not Unicode's names for the characters, which mean nothing to most readers.
    assert.doesNotMatch(name.message, /override|embedding|isolate|directional/);
    assert.doesNotMatch(name.message, RAW);
    assert.deepEqual(name.fixes.map((x) => [x.title, !!x.preferred]), [['Remove the invisible character that changes the text direction', false]]);
    assert.equal(applyEdits(HIDDEN, name.fixes[0].edits), HIDDEN.replace('Testshire\u202e Police', 'Testshire Police'));
    // Two on a line: one finding, both named, both removed.
    const two = analyse(SAMPLE.replace('rationale: Criteria met.', 'rationale: Criteria \u2067met\u2069.')).findings.filter((f) => f.rule === 'text-direction');
    assert.equal(two.length, 1);
    assert.match(two[0].message, /^This line holds 2 invisible characters \(shown as <U\+2067> and <U\+2069>\) that change the direction text is shown in, so/);
    assert.deepEqual(fixAll(a.doc, a.findings).edits.filter((e) => RAW.test(HIDDEN.slice(e.span.start, e.span.end))), []);
  });

  it('is reported where the file cannot be read, and in a section with a slip', () => {
    const broken = HIDDEN.replace('  from: Head of Service', '  from: "Head of Service');
    const a = analyse(broken);
    assert.ok(a.findings.some((f) => f.rule === 'yaml-syntax'));
    assert.equal(a.findings.filter((f) => f.rule === 'text-direction').length, 6);
    const unreadable = analyse('scr: 1\ncase: [\u202e\n');
    assert.deepEqual(unreadable.findings.filter((f) => f.rule === 'text-direction').length, 1);
  });
});

describe('the user’s text, wherever the checker shows it', () => {
  const a = analyse(HIDDEN);

  it('in messages, the places they name, their fixes’ titles and a waiver’s reason', () => {
    const check = a.findings.find((f) => f.rule === 'neighbouring-check')!;
    assert.match(check.message, /Westshire<U\+2067> LSCB/);
    assert.ok(check.fixes.some((x) => x.title.includes('Westshire<U+2067> LSCB')), check.fixes.map((x) => x.title).join());
    const waived = a.findings.find((f) => f.waived);
    for (const f of a.findings) {
      assert.doesNotMatch([f.message, ...f.related.map((r) => r.message), ...f.fixes.map((x) => x.title), f.waived?.reason ?? ''].join('\n'), RAW, f.message);
    }
    assert.match(waived!.waived!.reason, /the name as the<U\+202E> agency writes it/);
    // What a fix writes is the user's text as written.
    const add = check.fixes.find((x) => x.edits.some((e) => e.newText.includes('Westshire')));
    assert.ok(add?.edits.some((e) => e.newText.includes('Westshire\u2067 LSCB')), 'the check added names the board as written');
  });

  it('in the checklist, the preview’s overview and its timeline', () => {
    const o = overview(a);
    assert.equal(o.child, 'Child<U+202E> S');
    assert.equal(o.test.criteria.find((c) => c.key === 'abuseOrNeglect')!.evidence, 'Injuries<U+202E> not consistent with the account given.');
    assert.ok(o.timeline.some((e) => e.label === 'SCR<U+202E> subgroup'), o.timeline.map((e) => e.label).join());
    assert.ok(o.timeline.some((e) => e.label === 'Data requested: Testshire<U+202E> Police'));
    const shown = JSON.stringify({ ...o, checklist: o.checklist.map((i) => ({ summary: i.summary, evidence: i.evidence })) });
    assert.doesNotMatch(shown, RAW);
    assert.ok(a.checklist.some((i) => i.evidence.some((e) => e.label.includes('<U+202E>'))), 'an evidence label names the agency as shown');
  });

  it('in a hover, completion and the outline, while what completion writes is as written', () => {
    const hover = hoverAt(a, at(HIDDEN, 'agency: police', 9))!;
    assert.match(hover.markdown, /\*\*Testshire<U\+202E> Police\*\*/);
    const c = cursor(HIDDEN.replace('      to: 2014-02-28\n', '      to: 2014-02-28\n    - board: |\n'));
    const boards = completionsAt(new CaseDoc(c.text), c.offset, TODAY);
    const west = boards.find((b) => b.label === 'Westshire<U+2067> LSCB')!;
    assert.equal(west.text, 'Westshire\u2067 LSCB');
    const ids = completionsAt(new CaseDoc(cursor(HIDDEN.replace('agency: police ', 'agency: p| ')).text), cursor(HIDDEN.replace('agency: police ', 'agency: p| ')).offset, TODAY);
    assert.equal(ids.find((i) => i.label === 'police')!.detail, 'Testshire<U+202E> Police');
    assert.doesNotMatch(ids.map((i) => i.documentation ?? '').join(), RAW);
    const symbols = JSON.stringify(documentSymbols(a.doc));
    assert.match(symbols, /Testshire<U\+202E> Police/);
    assert.doesNotMatch(symbols, RAW);
  });
});

describe('an agency id holding such a character', () => {
  const ID = SAMPLE.replace('  - id: police\n', '  - id: pol\u202eice\n');

  it('is corrected by leaving the character out, not by writing a hyphen in its place', () => {
    const a = analyse(ID);
    const format = a.findings.find((f) => f.rule === 'schema' && ID.slice(f.span.start, f.span.end) === 'pol\u202eice')!;
    assert.deepEqual(format.fixes.map((x) => x.title), ['Change to `police`']);
    assert.equal(applyEdits(ID, format.fixes[0].edits), SAMPLE);
    // A use of the id written the same way gets the same correction.
    const use = SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, pol\u202eice]');
    const inMeeting = analyse(use).findings.find((f) => f.rule === 'schema')!;
    assert.deepEqual(inMeeting.fixes.map((x) => x.title), ['Change to `police`']);
  });

  it('is not copied into the ids that use it, by a quick fix, Fix all or the fixes made on save', () => {
    const a = analyse(ID);
    assert.deepEqual(a.findings.filter((f) => f.rule === 'unknown-agency').map((f) => f.message), []);
    for (const correctionsOnly of [true, false]) {
      const fixed = applyEdits(ID, fixAll(a.doc, a.findings, { correctionsOnly }).edits);
      assert.equal(fixed.split('\u202e').length - 1, correctionsOnly ? 1 : 0, 'only the declaration holds it, until its own fix');
      assert.match(fixed, /agencies: \[csc, police\]/);
      assert.match(fixed, /- agency: police {3}# spoke at the meeting/);
    }
  });
});
