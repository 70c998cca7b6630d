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

describe('an alias to nothing', () => {
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
  it('is reported where it stands, in plain words, and the rest of the file reads as written', () => {
    // Text that starts with * (as for emphasis) is read as an alias.
    const text = BASE.replace("  from: Northshire Children's Social Care\n", '  from: *Named Nurse* for the practice\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today: parseDate('2016-06-01') });
    assert.deepEqual(a.findings.map((f) => f.rule), ['yaml-syntax']);
    const [slip] = a.findings;
    assert.equal(text.slice(slip.span.start, slip.span.end), '*Named');
    assert.match(slip.message, /^A value that starts with \* is read as a reference to a part marked &Named, and there is none\. If this is text, put it in quotes\.$/);
    assert.equal(a.doc.get(['referral', 'date']), '2016-01-14');
    assert.equal(a.checklist.find((c) => c.question === 5)!.status, 'not-applicable');
  });
  it('in a file with another slip, is still read as written where it stands', () => {
    const text = BASE.replace("  from: Northshire Children's Social Care\n", '  from: *Named\n').replace('  - reference: NSCB-2014-02\n', '  - reference: "NSCB-2014-02\n');
    const a = analyseText(text, { today: parseDate('2016-06-01') });
    assert.equal(a.doc.get(['referral', 'from']), '*Named');
    assert.equal(a.doc.get(['referral', 'date']), '2016-01-14');
  });
});

describe('line endings', () => {
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8').replace('  - type: peer-chair\n', '  - type: peer-chair\n    bogus: 1\n');
  const today = parseDate('2016-06-01');
  const seen = (text: string) => {
    const a = analyseText(text, { today });
    return a.findings.map((f) => [f.rule, a.doc.lines.positionAt(f.span.start)]);
  };
  it('a file whose lines end in a carriage return alone reads as the same file with line feeds', () => {
    assert.ok(seen(BASE).length > 0);
    assert.deepEqual(seen(BASE.replace(/\n/g, '\r')), seen(BASE));
  });
  it('one stray carriage return in a file does not swallow what follows it', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    const stray = crlf.replace('scr: 1\r\n', 'scr: 1\r\r\n');
    assert.notEqual(stray, crlf);
    const before = seen(crlf).map(([rule, p]) => [rule, (p as { line: number }).line + 1]);
    assert.deepEqual(seen(stray).map(([rule, p]) => [rule, (p as { line: number }).line]), before);
  });
});

describe('a value of the wrong kind', () => {
  it('is quoted as written, not as YAML reads it', () => {
    const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
    const text = BASE.replace('    pseudonym: Child P\n', '    pseudonym: 0x1F\n').replace('    outcome: died\n', '    outcome: "dyed"\n');
    assert.notEqual(text, BASE);
    const messages = analyseText(text, { today: parseDate('2016-06-01') }).findings.filter((f) => f.rule === 'schema').map((f) => f.message);
    assert.ok(messages.includes('Pseudonym should be text, but it is “0x1F”. Put it in quotes so that it is read as text.'), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('Outcome for the child is “dyed”, which')), messages.join('\n'));
  });
});

describe('a %YAML 1.1 line', () => {
  it('does not make every date a timestamp: the file is read as YAML 1.2, the format’s YAML', () => {
    const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
    const rules = (text: string) => analyseText(text, { today: parseDate('2016-06-01') }).findings.map((f) => f.rule);
    assert.deepEqual(rules(`%YAML 1.1\n---\n${BASE}`), rules(BASE));
  });
});
