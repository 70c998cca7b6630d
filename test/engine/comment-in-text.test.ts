// A `#` inside text (`meeting #2`) starts a YAML comment and cut the text short with no word said.
// comment-in-text reports it, and its fix keeps every character.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';

const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');
const EVIDENCE = '    evidence: Injuries inconsistent with the account given.\n';

function withEvidence(line: string) {
  assert.ok(BASE.includes(EVIDENCE));
  return BASE.replace(EVIDENCE, line);
}

describe('comment-in-text', () => {
  it('reports text cut short by #2, in plain words, and the fix puts it back word for word', () => {
    const text = withEvidence('    evidence: Discussed at strategy meeting #2; injuries not consistent.   # agreed\n');
    const a = analyseText(text, { today });
    assert.equal(a.doc.get(['criteria', 'abuseOrNeglect', 'evidence']), 'Discussed at strategy meeting');
    const found = a.findings.filter((f) => f.rule === 'comment-in-text');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0].span.start, found[0].span.end), '#2; injuries not consistent.');
    assert.match(found[0].message, /^The text after # \(“#2; injuries not consistent\.”\) is not part of the evidence: .* so the evidence reads “Discussed at strategy meeting”\. To keep it, put the whole text in quotes/);
    const fixed = applyEdits(text, found[0].fixes[0].edits);
    const b = analyseText(fixed, { today });
    assert.equal(b.doc.get(['criteria', 'abuseOrNeglect', 'evidence']), 'Discussed at strategy meeting #2; injuries not consistent.');
    assert.match(fixed, /"Discussed at strategy meeting #2; injuries not consistent\."   # agreed\n/);
    assert.deepEqual(b.findings.filter((f) => f.rule === 'comment-in-text' || f.rule === 'yaml-syntax'), []);
  });

  it('keeps quotes, backslashes and line breaks in the text as they read', () => {
    for (const [line, value] of [
      ['    evidence: The "second" view, see C:\\notes #3 \'page\'\n', 'The "second" view, see C:\\notes #3 \'page\''],
      ['    evidence: The "second" view #3\n', 'The "second" view #3'],
      ['    evidence: Injuries not consistent,\n      per the consultant at meeting #2\n', 'Injuries not consistent, per the consultant at meeting #2'],
      ['    evidence: #2 strategy meeting\n', '#2 strategy meeting'],
    ] as const) {
      const text = withEvidence(line);
      const a = analyseText(text, { today });
      const found = a.findings.filter((f) => f.rule === 'comment-in-text');
      assert.equal(found.length, 1, line);
      const b = analyseText(applyEdits(text, found[0].fixes[0].edits), { today });
      assert.equal(b.doc.get(['criteria', 'abuseOrNeglect', 'evidence']), value, line);
      assert.deepEqual(b.findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message), [], line);
    }
  });

  it('finds the one # stuck to a letter among many real notes: after a tab, and before a letter outside the first plane', () => {
    const notes = '# a note\n'.repeat(50);
    for (const [line, cut] of [
      ['    evidence: Injuries inconsistent.\t#2 seen\n', '#2 seen'],
      ['    evidence: Injuries inconsistent. #\u{1D400} seen\n', '#\u{1D400} seen'],
    ] as const) {
      const text = notes + withEvidence(line);
      const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'comment-in-text');
      assert.deepEqual(found.map((f) => text.slice(f.span.start, f.span.end)), [cut], line);
    }
  });

  it('leaves real notes, choices, dates and ids alone', () => {
    for (const line of [
      '    evidence: Injuries inconsistent. # a note\n',
      '    evidence: Injuries inconsistent. #\n',
      '    evidence: Injuries inconsistent. ## heading\n',
      '    evidence: "Meeting #2"\n',
      '    evidence: Meeting#2 held\n',
      '    finding: suspected #1\n    evidence: Injuries inconsistent with the account given.\n',
    ]) {
      const text = line.includes('finding') ? BASE.replace('    finding: suspected\n' + EVIDENCE, line) : withEvidence(line);
      assert.notEqual(text, BASE, line);
      assert.deepEqual(analyseText(text, { today }).findings.filter((f) => f.rule === 'comment-in-text'), [], line);
    }
  });
});
