import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/actions';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';

/**
 * A choice pasted from a word processor comes in curly quotes (`finding: “suspected”`). In a case
 * file those marks are part of the value, so the choice is not read. The format check said only
 * that the value is not one of the choices; it now says why, and offers to take the quotes off as a
 * correction, which Fix all makes (on save too). Free text in curly quotes is the reviewer's words.
 */
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');
const analyse = (text: string) => analyseText(text, { today });

describe('a choice written in curly quotes', () => {
  for (const [right, curly] of [
    ['finding: suspected', 'finding: “suspected”'],
    ['finding: suspected', 'finding: ‘suspected’'],
    ['outcome: died', 'outcome: “died”'],
  ]) {
    it(`${curly}: says so plainly, and the correction takes the quotes off`, () => {
      assert.ok(BASE.includes(right), right);
      const text = BASE.replace(right, curly);
      const a = analyse(text);
      const f = a.findings.filter((x) => x.rule === 'schema');
      assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
      assert.match(f[0].message, /is written in curly quotes, as a word processor makes them/);
      assert.doesNotMatch(f[0].message, /not one of the choices|Did you mean/);
      assert.equal(f[0].fixes.length, 1);
      const [fx] = f[0].fixes;
      assert.equal(fx.correction, 'quotes');
      assert.equal(fx.preferred, true);
      assert.equal(applyEdits(text, fx.edits), BASE);
      // Fix all makes it, on save as well: it only corrects how the choice is written.
      for (const correctionsOnly of [false, true]) {
        const all = fixAll(a.doc, a.findings, { correctionsOnly });
        assert.ok(all.fixes.includes(fx), `Fix all${correctionsOnly ? ' on save' : ''} takes the quotes off`);
      }
    });
  }

  it('a finding the quotes cause is said to come from them, with the correction in place of its own fixes', () => {
    // `type: “police”` left no police agency read: key-agency-missing offered to add one beside it.
    const text = BASE.replace('type: police', 'type: “police”');
    assert.notEqual(text, BASE);
    const a = analyse(text);
    const f = a.findings.filter((x) => x.rule === 'key-agency-missing');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^`“police”` is written in curly quotes for `police`, so what is written there is not read, and “Every key type of agency is asked” cannot be shown\. Correct it \(the quick fix does\)\.$/);
    assert.deepEqual(f[0].fixes.map((x) => x.correction), ['quotes']);
    assert.equal(applyEdits(text, fixAll(a.doc, a.findings).edits), BASE);
  });

  it('a word that is not a choice once the quotes are off gets the format check’s usual message', () => {
    const text = BASE.replace('finding: suspected', 'finding: “probable”');
    const [f] = analyse(text).findings.filter((x) => x.rule === 'schema');
    assert.match(f.message, /not one of the choices/);
    assert.ok(!f.fixes.some((x) => x.correction === 'quotes'));
  });

  it('free text in curly quotes is nothing wrong: nothing is said', () => {
    const text = BASE.replace('evidence: Injuries inconsistent with the account given.', 'evidence: “Injuries inconsistent with the account given.”');
    assert.notEqual(text, BASE);
    assert.deepEqual(analyse(text).findings.map((x) => x.rule), analyse(BASE).findings.map((x) => x.rule));
  });
});

describe('an agency id written in curly quotes', () => {
  for (const [right, curly] of [
    ['agencies: [csc, police, health]', 'agencies: [“csc”, police, health]'],
    ['  - agency: police\n', '  - agency: “police”\n'],
  ]) {
    it(`${curly.trim()}: says so plainly, and the correction takes the quotes off`, () => {
      assert.ok(BASE.includes(right), right);
      const text = BASE.replace(right, curly);
      const a = analyse(text);
      assert.deepEqual(a.findings.map((f) => f.rule), ['schema']);
      const [f] = a.findings;
      assert.match(f.message, /is written in curly quotes, as a word processor makes them \(“(csc|police)” with its quote marks\)\. .* so it is not read as `(csc|police)`, an id\./);
      assert.doesNotMatch(f.message, /““|””/);
      assert.deepEqual(f.fixes.map((x) => [x.preferred, x.correction]), [[true, 'quotes']]);
      assert.equal(applyEdits(text, fixAll(a.doc, a.findings, { correctionsOnly: true }).edits), BASE);
    });
  }
});
