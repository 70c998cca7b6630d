import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixAll } from '../../server/src/engine/actions';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';
import { overview } from '../../server/src/engine/overview';
import { testInWords } from '../../client/src/words';

/**
 * An answer written the way people write it, not the way the format reads it: `criteriaMet: yes`
 * (every other answer in the file is yes or no) and agencies present as `csc, police, health`.
 * Each is said plainly, with a correction that writes it the format's way, which Fix all and a
 * save make; the QM2 question it bears on lists the finding, and the preview does not say the
 * decision agrees with the test on an answer it cannot read.
 */
const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
const today = parseDate('2016-06-01');
const analyse = (text: string) => analyseText(text, { today });

/** The one schema finding of `text`, its one fix, and that Fix all (and a save) makes it, giving `expected`. */
function corrected(text: string, expected: string) {
  const a = analyse(text);
  const f = a.findings.filter((x) => x.rule === 'schema');
  assert.equal(f.length, 1, f.map((x) => x.message).join('\n'));
  assert.equal(f[0].fixes.length, 1, f[0].fixes.map((x) => x.title).join('\n'));
  const [fx] = f[0].fixes;
  assert.equal(fx.preferred, true);
  assert.ok(fx.correction, 'a correction: it only changes how the answer is written');
  assert.equal(applyEdits(text, fx.edits), expected);
  for (const correctionsOnly of [false, true]) {
    const all = fixAll(a.doc, a.findings, { correctionsOnly });
    assert.ok(all.fixes.includes(fx), `Fix all${correctionsOnly ? ' on save' : ''} makes it`);
  }
  return { a, finding: f[0], fix: fx };
}

describe('yes or no written where the format wants true or false', () => {
  for (const [word, value] of [['yes', 'true'], ['Yes', 'true'], ['YES', 'true'], ['y', 'true'], ['no', 'false'], ['No', 'false'], ['N', 'false'], ['"yes"', 'true']] as const) {
    it(`criteriaMet: ${word} is offered “Change to \`${value}\`”, a correction`, () => {
      const right = `criteriaMet: ${value}`;
      const text = BASE.replace('criteriaMet: true', `criteriaMet: ${word}`);
      assert.notEqual(text, BASE);
      const { finding, fix } = corrected(text, BASE.replace('criteriaMet: true', right));
      assert.equal(fix.title, `Change to \`${value}\``);
      assert.equal(fix.correction, 'yes-no');
      assert.match(finding.message, /^Criteria met should be true or false, but it is “.+”\. Write `true` for yes and `false` for no \(the quick fix does\)\.$/);
    });
  }

  it('criteriaMet: "true", in quotes, is text: the correction takes the quote marks off', () => {
    const text = BASE.replace('criteriaMet: true', 'criteriaMet: "true"');
    const { finding, fix } = corrected(text, BASE);
    assert.equal(fix.title, 'Change to `true`');
    assert.match(finding.message, /Write it as `true`, without quote marks/);
  });

  it('holds question 7 back, listed under it, and the summary says why', () => {
    const a = analyse(BASE.replace('criteriaMet: true', 'criteriaMet: yes'));
    const q7 = a.checklist.find((c) => c.question === 7)!;
    assert.equal(q7.status, 'partly-met');
    assert.deepEqual(q7.findings.map((f) => f.rule), ['schema']);
    assert.match(q7.summary, /whether the chair found the criteria met is written “yes”, not `true` or `false`/);
  });

  it('the preview does not say the decision agrees with the test, and says why it cannot', () => {
    const agreeing = overview(analyse(BASE)).test;
    assert.equal(agreeing.agrees, true);
    const t = overview(analyse(BASE.replace('criteriaMet: true', 'criteriaMet: yes'))).test;
    assert.equal(t.criteriaMet, undefined);
    assert.equal(t.agrees, undefined);
    const words = testInWords(t).map((v) => v.text);
    assert.ok(!words.includes('The decision agrees with the statutory test.'), words.join('\n'));
    assert.ok(words.some((w) => /cannot be said yet: the record does not say, as true or false, whether the chair found the criteria met/.test(w)), words.join('\n'));
    // An outcome against the test still disagrees, whatever criteriaMet says.
    const against = overview(analyse(BASE.replace('criteriaMet: true', 'criteriaMet: yes').replace('  outcome: scr\n  criteriaMet', '  outcome: no-scr\n  criteriaMet'))).test;
    assert.equal(against.agrees, false);
  });

  it('other words are not guessed at', () => {
    for (const word of ['maybe', 'constructor', 'yes please']) {
      const a = analyse(BASE.replace('criteriaMet: true', `criteriaMet: ${word}`));
      const f = a.findings.filter((x) => x.rule === 'schema');
      assert.deepEqual(f.map((x) => x.fixes.length), [0], word);
      // Still listed under question 7.
      assert.deepEqual(a.checklist.find((c) => c.question === 7)!.findings.map((x) => x.rule), ['schema'], word);
    }
  });
});

describe('agency ids written with commas where a list belongs', () => {
  it('agencies: csc, police, health is offered “Write as a list”, a correction, keeping each word', () => {
    const text = BASE.replace('agencies: [csc, police, health]', 'agencies: csc, police, health');
    assert.notEqual(text, BASE);
    const { finding, fix } = corrected(text, BASE);
    assert.equal(fix.title, 'Write as a list: `[csc, police, health]`');
    assert.equal(fix.correction, 'list');
    assert.match(finding.message, /^Agencies present should be a list, but it is “csc, police, health”\. Put the ids in square brackets/);
    // Listed under question 4, the question the agencies present bear on.
    assert.ok(analyse(text).checklist.find((c) => c.question === 4)!.findings.some((x) => x === finding || x.message === finding.message));
  });

  it('each word is kept as written: one not declared, or not written as an id, is reported on its own once in the list', () => {
    const text = BASE.replace('agencies: [csc, police, health]', 'agencies: csc,Police ,  hv');
    const { fix } = corrected(text, BASE.replace('agencies: [csc, police, health]', 'agencies: [csc, Police, hv]'));
    const after = analyse(applyEdits(text, fix.edits));
    assert.ok(after.findings.some((x) => x.rule === 'unknown-agency' || x.rule === 'schema'), after.findings.map((x) => x.rule).join(', '));
  });

  it('a single id is made a list of one', () => {
    corrected(BASE.replace('agencies: [csc, police, health]', 'agencies: csc'), BASE.replace('agencies: [csc, police, health]', 'agencies: [csc]'));
  });

  it('words that are not single ids, or a place that takes no list of ids, get no such fix', () => {
    for (const written of ['csc, police and health', 'csc; police', 'csc, , police']) {
      const a = analyse(BASE.replace('agencies: [csc, police, health]', `agencies: ${written}`));
      const f = a.findings.filter((x) => x.rule === 'schema');
      assert.ok(f.length >= 1, written);
      assert.ok(f.every((x) => !x.fixes.some((y) => /Write as a list/.test(y.title))), written);
    }
  });
});
