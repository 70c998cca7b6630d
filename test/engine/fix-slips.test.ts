import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { changedPart, FIX_ALL_ROUNDS, fixAll, waiverEdit } from '../../server/src/engine/actions';
import type { Finding } from '../../server/src/engine/types';
import { CaseDoc } from '../../server/src/engine/document';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { applyEdits } from '../../server/src/engine/fixes';

/**
 * A section written under a misspelt key is not read: the rules that look for it found it missing
 * and offered to add it. "Fix all" took the addition (a new check dated today, months after the
 * decision) and dropped the correction as clashing, leaving the reviewer's record under the
 * misspelt key. The correction wins, whatever the key and wherever it stands in the file.
 */
const COMPLETE = readFileSync(join(__dirname, '..', '..', 'examples', 'complete-record.scr.yaml'), 'utf8');
const today = parseDate('2017-01-09');

/** Each slip: the text as written correctly, and as misspelt. */
const SLIPS: [string, string][] = [
  ['neighbouringBoards:', 'neighboringBoards:'],
  ['minimumData:', 'minimumdata:'],
  ['challenge:', 'challenges:'],
  ['considerations:', 'consideration:'],
  ['agencyInput:', 'agencyinput:'],
  ['learning:', 'learnings:'],
  ['meetings:', 'meeting:'],
  ['context:', 'contexts:'],
  ['received:', 'recieved:'],
  ['type: police', 'type: polcie'],
];

/** The example with its first `right` written `wrong`. */
function misspelt(right: string, wrong: string, text = COMPLETE): string {
  assert.ok(text.includes(right), right);
  return text.replace(right, wrong);
}

/** Moves the top-level section `key` (its key and indented lines) to the end of the file. */
function moveToEnd(text: string, key: string): string {
  const m = new RegExp(`^${key}\\n(?:(?:[ -].*|)\\n)*?(?=^\\S)`, 'm').exec(text);
  assert.ok(m, key);
  return `${text.slice(0, m.index)}${text.slice(m.index + m[0].length)}${text.endsWith('\n') ? '' : '\n'}${m[0]}`;
}

function fixedAll(text: string): string {
  const a = analyseText(text, { today });
  return applyEdits(text, fixAll(a.doc, a.findings).edits);
}

describe('a misspelt key or value and Fix all', () => {
  it('the example itself has nothing to fix', () => {
    assert.equal(fixedAll(COMPLETE), COMPLETE);
  });

  for (const [right, wrong] of SLIPS) {
    it(`corrects \`${wrong}\` and adds nothing beside it`, () => {
      assert.equal(fixedAll(misspelt(right, wrong)), COMPLETE);
    });
  }

  it('corrects the key whether the section stands before or after what the rule reports on', () => {
    // neighbouring-check reports at the address (near the top), minimum-data-requested at the agency:
    // with the misspelt section moved last or first in the file, the correction still wins.
    for (const [key, wrong] of [['neighbouringBoards:', 'neighboringBoards:'], ['challenge:', 'challenges:'], ['meetings:', 'meeting:']]) {
      const moved = moveToEnd(COMPLETE, key);
      assert.equal(fixedAll(misspelt(key, wrong, moved)), moved, key);
    }
  });

  it('does not offer to add what is written under a misspelt key, and does not say it is not recorded', () => {
    for (const [right, wrong] of SLIPS) {
      const text = misspelt(right, wrong);
      const a = analyseText(text, { today });
      // The key, or the value where a value is misspelt.
      const word = /(\w+):?$/.exec(wrong)![1];
      const rightWord = /(\w+):?$/.exec(right)![1];
      const others = a.findings.filter((f) => f.rule !== 'schema' && !f.waived);
      for (const f of others) {
        assert.ok(!f.fixes.some((x) => /^Add/.test(x.title)), `${wrong}: ${f.rule} offers ${f.fixes.map((x) => x.title).join(' | ')}`);
        assert.doesNotMatch(f.message, /no .* is recorded|not recorded/, `${wrong}: ${f.rule}: ${f.message}`);
        assert.match(f.message, new RegExp(`\`${word}\` looks like a misspelling of \`${rightWord}\``), `${wrong}: ${f.rule}: ${f.message}`);
        assert.deepEqual(f.fixes.map((x) => [x.title, x.preferred]), [[`Change to \`${rightWord}\``, true]]);
        assert.equal(f.related[0].span.start, text.indexOf(word, text.indexOf(wrong)), 'points at the slip');
        assert.equal(waiverEdit(a.doc, f, a.findings), undefined, 'nothing to waive: it goes once corrected');
      }
    }
  });

  it('keeps a finding that stays once the spelling is corrected as it was', () => {
    // The check with Westshire misspelt, and a second board in the address history with no check at all.
    const text = misspelt('neighbouringBoards:', 'neighboringBoards:', COMPLETE.replace(/(\n {4}- board: Westshire LSCB\n(?: {6}.*\n)+)/, '$1    - board: Eastshire LSCB\n      from: 2013-01-01\n      to: 2013-06-30\n'));
    const a = analyseText(text, { today });
    const checks = a.findings.filter((f) => f.rule === 'neighbouring-check');
    assert.equal(checks.length, 2, checks.map((f) => f.message).join('\n'));
    const east = checks.find((f) => f.message.includes('Eastshire'))!;
    assert.match(east.message, /^Eastshire LSCB appears in the family’s address history/);
    assert.ok(east.fixes.some((x) => x.title === 'Add a check with Eastshire LSCB'));
    assert.match(checks.find((f) => f !== east)!.message, /`neighboringBoards` looks like a misspelling/);
  });
});

describe('Fix all on save: corrections only', () => {
  it('corrects a misspelt key, value and a date that can be read one way, and adds nothing', () => {
    const text = misspelt('type: police', 'type: polcie', misspelt('challenge:', 'challenges:', COMPLETE.replace('date: 2016-03-23', 'date: 23/03/2016')))
      // And something missing, that Fix all would add.
      .replace(/\nlearning:\n(?:(?:[ -].*|)\n)*?(?=\S)/, '\n');
    const a = analyseText(text, { today });
    const all = applyEdits(text, fixAll(a.doc, a.findings).edits);
    assert.match(all, /\nlearning:\n/, 'Fix all adds the learning entry');
    const corrections = fixAll(a.doc, a.findings, { correctionsOnly: true });
    const out = applyEdits(text, corrections.edits);
    assert.ok(out.includes('type: police') && out.includes('\nchallenge:') && out.includes('date: 2016-03-23'), out);
    assert.doesNotMatch(out, /\nlearning:/);
    assert.ok(!out.includes('To be completed'));
    assert.ok(corrections.fixes.every((x) => x.correction));
  });

  it('makes no correction that is a choice (a date that could be read two ways)', () => {
    const text = COMPLETE.replace('date: 2016-03-23', 'date: 03/04/2016');
    const a = analyseText(text, { today });
    assert.deepEqual(fixAll(a.doc, a.findings, { correctionsOnly: true }).edits, []);
  });
});

describe('Fix all goes on while its result has more to fix', () => {
  const again = (t: string) => analyseText(t, { today });
  const text = misspelt('minimumData:', 'minimumdata:', COMPLETE).replace(/minimumdata:\n( +)requested: \S+\n/, 'minimumdata:\n');

  it('a misspelt section that also lacks an entry is corrected and completed in one go', () => {
    const a = analyseText(text, { today });
    // One round corrects the key; only then is the missing request date seen.
    const once = applyEdits(text, fixAll(a.doc, a.findings).edits);
    assert.doesNotMatch(once, /requested: To be completed/);
    const all = fixAll(a.doc, a.findings, { again });
    const out = applyEdits(text, all.edits);
    assert.match(out, /minimumData:\n +requested: To be completed\./);
    assert.deepEqual(all.fixes.map((x) => x.title).slice(0, 1), ['Change to `minimumData`']);
    assert.equal(all.edits.length, 1, 'one edit over the part that changed');
    const left = again(out).findings.filter((f) => !f.waived && f.fixes.some((x) => x.preferred));
    assert.deepEqual(left.map((f) => f.message), []);
    // Everything else is as written, comments included.
    const comments = (t: string) => t.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
    assert.deepEqual(comments(out), comments(text));
  });

  it('with nothing more to fix after one round, gives that round’s own edits', () => {
    const t = misspelt('challenge:', 'challenges:');
    const a = analyseText(t, { today });
    assert.deepEqual(fixAll(a.doc, a.findings, { again }).edits, fixAll(a.doc, a.findings).edits);
  });

  it('stops after a few rounds when each round finds something new', () => {
    // A check that always finds one more thing to add: each round adds a line.
    let rounds = 0;
    const endless = (t: string) => {
      rounds++;
      const a = analyseText(t, { today });
      const f: Finding = { rule: 'to-complete', severity: 'info', message: 'x', span: { start: t.length, end: t.length }, questions: [], fixes: [{ title: 'add', preferred: true, edits: [{ span: { start: t.length, end: t.length }, newText: '# more\n' }] }] } as unknown as Finding;
      return { doc: a.doc as CaseDoc, findings: [f] };
    };
    const first = endless(COMPLETE);
    rounds = 0;
    const out = applyEdits(COMPLETE, fixAll(first.doc, first.findings, { again: endless }).edits);
    assert.equal(rounds, FIX_ALL_ROUNDS - 1);
    assert.equal(out, COMPLETE + '# more\n'.repeat(FIX_ALL_ROUNDS));
  });
});

describe('changedPart', () => {
  it('is the one edit between the common start and end', () => {
    assert.deepEqual(changedPart('abcdef', 'abXYef'), { span: { start: 2, end: 4 }, newText: 'XY' });
    assert.deepEqual(changedPart('abc', 'abc'), { span: { start: 3, end: 3 }, newText: '' });
    assert.deepEqual(changedPart('aaa', 'aaaa'), { span: { start: 3, end: 3 }, newText: 'a' });
  });
  it('never splits a Windows line end or a two-unit character', () => {
    for (const [before, after] of [['a\r\nb', 'a\nb'], ['x\uD83D\uDE00y', 'x\uD83D\uDE01y'], ['a\r\n', 'a\r\r\n']]) {
      const e = changedPart(before, after);
      assert.equal(before.slice(0, e.span.start) + e.newText + before.slice(e.span.end), after);
      for (const t of [before, after]) {
        const cut = (at: number) => at > 0 && at < t.length && (/[\uD800-\uDBFF]/.test(t[at - 1]) || (t[at - 1] === '\r' && t[at] === '\n'));
        assert.ok(!cut(e.span.start), JSON.stringify([before, after, e]));
      }
    }
  });
});

describe('a misspelt section: one problem, one finding', () => {
  it('is reported on the key; that the section is missing is not said again elsewhere', () => {
    const text = misspelt('\nreferral:', '\nrefferal:');
    const a = analyseText(text, { today });
    const schema = a.findings.filter((f) => f.rule === 'schema');
    assert.deepEqual(schema.map((f) => text.slice(f.span.start, f.span.end)), ['refferal']);
    // What other checks cannot see is told in their own words, without a title in brackets.
    for (const f of a.findings.filter((x) => x.rule !== 'schema')) {
      if (!/refferal/.test(f.message)) continue;
      assert.match(f.message, /^`refferal` looks like a misspelling of `referral`, so what is written there is not read, and “[^”]+” cannot be shown\. Correct it \(the quick fix does\)\.$/);
    }
    // Corrected, nothing of the kind is left.
    assert.equal(applyEdits(text, fixAll(a.doc, a.findings).edits).includes('\nreferral:'), true);
  });

  it('a finding on the section as a whole stands on the misspelt key, not at the top of the file', () => {
    const text = misspelt('\nreferral:', '\nrefferal:');
    const told = analyseText(text, { today }).findings.filter((f) => f.rule !== 'schema' && /refferal/.test(f.message));
    assert.ok(told.length > 0);
    const top = new CaseDoc(text).topSpan();
    for (const f of told) {
      assert.notDeepEqual(f.span, top, `${f.rule} stands at the top of the file`);
      if (f.rule === 'notification-timeliness') assert.equal(text.slice(f.span.start, f.span.end), 'refferal');
      // Not shown a second time, as a related place, where the finding itself stands.
      assert.ok(!f.related.some((r) => r.span.start === f.span.start && r.span.end === f.span.end), `${f.rule}: ${JSON.stringify(f.related)}`);
    }
    assert.ok(told.some((f) => f.rule === 'notification-timeliness'), told.map((f) => f.rule).join(', '));
  });
});
