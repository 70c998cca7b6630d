import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { CaseDoc } from '../../server/src/engine/document';

describe('syntax messages', () => {
  it('lists nested thousands deep are told in plain words, not as the reader running out of room', () => {
    const doc = new CaseDoc(`scr: 1\ncase:\n  notes: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    assert.ok(doc.syntax.length > 0);
    for (const p of doc.syntax) {
      assert.doesNotMatch(p.message, /stack/i);
      assert.match(p.message, /inside one another here too many times over to be read/);
    }
  });
});

describe('a file with a slip', () => {
  const fixture = readFileSync(join(__dirname, '..', 'fixtures', 'rules', 'yaml-syntax', 'fail-unclosed-quote.scr.yaml'), 'utf8');

  it('an unclosed quote does not hide the sections after it: nothing written there is reported missing', () => {
    const a = analyseText(fixture, { today: parseDate('2017-01-31') });
    assert.deepEqual(a.findings.map((f) => f.rule), ['yaml-syntax']);
    assert.deepEqual(Object.keys(a.doc.value as object), ['scr', 'case', 'referral', 'family', 'agencies', 'context', 'meetings', 'agencyInput', 'criteria', 'considerations', 'learning', 'challenge', 'decision']);
    // The section with the slip is read as far as yaml can: its first entry is there.
    assert.equal((a.doc.get(['agencyInput', 0, 'agency'])), 'police');
    // Positions stay those of the file.
    const span = a.doc.spanOf(['decision', 'outcome']);
    assert.equal(fixture.slice(span.start, span.end), 'scr');
  });

  it('what is written after the slip is still checked, where it stands', () => {
    const base = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
    const broken = base.replace('  board: Northshire LSCB\n', '  board: "Northshire LSCB\n').replace('criteriaMet: true', 'criteriaMet: maybe');
    const a = analyseText(broken, { today: parseDate('2016-06-01') });
    const line = (f: { span: { start: number } }) => a.doc.lines.positionAt(f.span.start).line + 1;
    assert.deepEqual(a.findings.filter((f) => f.rule === 'yaml-syntax').map(line), [4]);
    const wrong = a.findings.filter((f) => f.rule === 'schema');
    assert.deepEqual(wrong.map(line), [broken.split('\n').findIndex((l) => l.includes('criteriaMet: maybe')) + 1], 'criteriaMet: maybe, past the slip, is reported where it stands');
  });
});
