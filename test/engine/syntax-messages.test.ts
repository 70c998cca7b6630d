import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { CaseDoc } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/fixes';
import { fixAll } from '../../server/src/engine/actions';

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

describe('text pasted from a word processor', () => {
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
  const E = '    evidence: Injuries inconsistent with the account given.\n';
  const today = parseDate('2016-06-01');
  const evidence = (text: string) => analyseText(text, { today }).doc.get(['criteria', 'abuseOrNeglect', 'evidence']);
  /** The slip's one finding, and the text each of its fixes leaves (each fix must leave the file readable). */
  const slip = (line: string) => {
    assert.ok(BASE.includes(E));
    const text = BASE.replace(E, line);
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    const results = found[0].fixes.map((x) => {
      const fixed = applyEdits(text, x.edits);
      assert.deepEqual(analyseText(fixed, { today }).findings.filter((f) => f.rule === 'yaml-syntax').map((f) => f.message), [], x.title);
      return { title: x.title, preferred: !!x.preferred, value: String(evidence(fixed)).replace(/\n$/, '') };
    });
    return { message: found[0].message, results };
  };

  it('a colon and a space inside text: the message says so, and both fixes keep every word', () => {
    const words = 'Consultant’s view: injuries “not consistent” with the parents’ account – see strategy discussion.';
    const s = slip(`    evidence: ${words}   # from the minutes\n`);
    assert.match(s.message, /^This text holds a colon followed by a space \(after “Consultant’s view”\), which a case file reads as the start of a new key/);
    assert.match(s.message, /put the whole text in quotes, or write it on the line below after `>`/i);
    assert.deepEqual(s.results.map((r) => [r.title, r.value]), [['Put the whole text in quotes', words], ['Write the text on the line below, after `>`', words]]);
    assert.ok(s.results[0].preferred);
  });

  it('text that begins with a quote and goes on after it', () => {
    const words = '"Not consistent" was the consultant\'s view.';
    const s = slip(`    evidence: ${words}\n`);
    assert.match(s.message, /^This text begins with a quote mark, so it is read as ending where the quote closes, and what follows \(“was the consultant's view\.”\) cannot be read\./);
    assert.deepEqual(s.results.map((r) => r.value), [words, words]);
    assert.ok(s.results[0].preferred && s.results[0].title.includes('>'), 'the block, which needs no escaping, comes first');
  });

  it('text that begins with a character YAML keeps for itself', () => {
    for (const [words, said] of [['- injuries not consistent', 'a dash and a space'], ['@consultant said so', '@'], ['& the police agreed.', '&'], ['* Injuries not consistent.', '\\*']] as const) {
      const s = slip(`    evidence: ${words}\n`);
      assert.match(s.message, new RegExp(`^Text cannot begin with ${said} on the key’s line`), words);
      assert.deepEqual(s.results.map((r) => r.value), [words, words], words);
    }
  });

  it('lines pasted below a value at the key’s indentation become its text, word for word', () => {
    const s = slip('    evidence: Injuries not consistent with the account.\n    Consultant paediatrician view recorded on 2016-05-11.\n\n    Police attended the same evening, with social care.\n');
    assert.match(s.message, /^This line has no colon, so it is neither a key nor part of the text of `evidence` above it\./);
    assert.equal(s.results.length, 1);
    assert.equal(s.results[0].value, 'Injuries not consistent with the account. Consultant paediatrician view recorded on 2016-05-11.\nPolice attended the same evening, with social care.');
  });

  it('a key whose colon is forgotten (`forum SCR subgroup` below a date): the fix adds the colon, and the date is never made text', () => {
    const text = BASE.replace('    forum: SCR subgroup\n', '    forum SCR subgroup\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line has no colon, so `forum` is not read as a key\. If it is the key `forum`, add a colon after it: `forum: SCR subgroup`/);
    // The only fix: nothing folds the line into the meeting's date.
    assert.deepEqual(found[0].fixes.map((x) => [x.title, !!x.preferred]), [['Add a colon: `forum: SCR subgroup`', true]]);
    assert.equal(applyEdits(text, found[0].fixes[0].edits), BASE);
    // Fix all takes it: the date stays a date.
    const fixed = applyEdits(text, fixAll(a.doc, a.findings).edits);
    assert.match(fixed, /\n  - date: 2016-02-01\n    forum: SCR subgroup\n/);
    assert.equal(analyseText(fixed, { today }).doc.get(['meetings', 0, 'date']), '2016-02-01');
  });

  it('a line with no colon below a date, whose first word is no key: no fix folds it into the date', () => {
    const text = BASE.replace('    forum: SCR subgroup\n', '    held at the civic centre\n    forum: SCR subgroup\n');
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /it cannot continue `date` above it, which holds a date, not text/);
    assert.deepEqual(found[0].fixes, []);
  });

  it('a known key with no colon below text: adding the colon is preferred, folding the line into the text is offered too', () => {
    const text = BASE.replace('      rationale: Criteria met; learning about information sharing.\n', '      rationale: Criteria met; learning about information sharing.\n      notes see the minutes\n');
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.deepEqual(found[0].fixes.map((x) => [x.title, !!x.preferred]), [['Add a colon: `notes: see the minutes`', true], ['Make the lines below `rationale` part of its text (a block after `>`)', false]]);
  });

  it('a known key with no colon whose value is a list in brackets (`agencies [csc, police]`): adding the colon is preferred, and Fix all keeps the list', () => {
    const text = BASE.replace('    agencies: [csc, police, health]\n', '    agencies [csc, police, health]\n');
    assert.notEqual(text, BASE);
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line has no colon, so `agencies` is not read as a key\. If it is the key `agencies`, add a colon after it: `agencies: \[csc, police, health\]`/);
    assert.deepEqual(found[0].fixes.map((x) => [x.title, !!x.preferred]), [['Add a colon: `agencies: [csc, police, health]`', true], ['Make the lines below `forum` part of its text (a block after `>`)', false]]);
    const fixed = applyEdits(text, fixAll(a.doc, a.findings).edits);
    assert.equal(fixed, BASE);
    assert.deepEqual(analyseText(fixed, { today }).doc.get(['meetings', 0, 'agencies']), ['csc', 'police', 'health']);
  });

  it('a known key with no colon that would not read with one (`agencies - csc`): no colon fix, and the fold into the text above is offered but not preferred', () => {
    const text = BASE.replace('    agencies: [csc, police, health]\n', '    agencies - csc\n');
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line has no colon, so `agencies` is not read as a key\. If it is the key `agencies`, add a colon after it, and write each item of the list on a line of its own below it, after `- `/);
    assert.deepEqual(found[0].fixes.map((x) => [x.title, !!x.preferred]), [['Make the lines below `forum` part of its text (a block after `>`)', false]]);
    // Fix all leaves the line as it is: whether it is the list or text is the user's to say.
    assert.equal(applyEdits(text, fixAll(a.doc, a.findings).edits), text);
    // A bracket left open: the colon alone would not mend the line, so it is not offered.
    const open = BASE.replace('    agencies: [csc, police, health]\n', '    agencies [csc, police\n');
    const unclosed = analyseText(open, { today }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.deepEqual(unclosed.flatMap((f) => f.fixes).filter((x) => x.title.startsWith('Add a colon') || x.preferred), []);
  });

  it('a known key at the margin below a value of text, colon or not: the fix that makes it that text is not preferred', () => {
    const text = BASE.replace(E, `${E}learning [NSCB-2014-02]\n`);
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    const fold = found.flatMap((f) => f.fixes).find((x) => x.title.startsWith('Make the lines below `evidence`'));
    assert.ok(fold, found.map((f) => f.message).join('\n'));
    assert.equal(!!fold.preferred, false);
  });

  it('a second line pasted at the margin below a value of text: said to continue it, with the block fix, and the keys after it read as written', () => {
    const text = BASE.replace(E, `${E}The explanation given is not consistent with the injuries.\n`);
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line seems to continue the text of `evidence` above it, but it is indented less than `evidence`/);
    // Nothing is reported of the keys after it, which the user did not touch.
    assert.deepEqual(a.findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    assert.equal(a.doc.get(['criteria', 'childDied', 'finding']), 'yes');
    const s = slip(`${E}The explanation given is not consistent with the injuries.\n`);
    assert.deepEqual(s.results.map((r) => [r.title, r.preferred, r.value]), [['Make the lines below `evidence` part of its text (a block after `>`)', true, 'Injuries inconsistent with the account given. The explanation given is not consistent with the injuries.']]);
  });

  it('a pasted line at the margin with a colon in it, below a value of text: the same, and the keys after it read as written', () => {
    const line = 'Paediatrician: the explanation is not consistent.\n';
    const a = analyseText(BASE.replace(E, E + line), { today });
    assert.deepEqual(a.findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    // The section goes on past the line, read whole: the line, at the margin, had cut it in two.
    assert.equal(a.doc.get(['criteria', 'childDied', 'finding']), 'yes');
    const s = slip(E + line);
    assert.match(s.message, /^This line seems to continue the text of `evidence` above it/);
    assert.deepEqual(s.results.map((r) => r.value), ['Injuries inconsistent with the account given. Paediatrician: the explanation is not consistent.']);
  });

  it('a single word pasted at the margin below a value of text: said to continue it, with the block fix, and the keys after it read as written', () => {
    const a = analyseText(BASE.replace(E, `${E}Bruising\n`), { today });
    assert.deepEqual(a.findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    assert.equal(a.doc.get(['criteria', 'childDied', 'finding']), 'yes');
    const s = slip(`${E}Bruising\n`);
    assert.match(s.message, /^This line seems to continue the text of `evidence` above it, but it is indented less than `evidence`/);
    assert.deepEqual(s.results.map((r) => [r.title, r.preferred, r.value]), [['Make the lines below `evidence` part of its text (a block after `>`)', true, 'Injuries inconsistent with the account given. Bruising']]);
    // A word left last by the word processor goes with the lines before it, and a word first with those after it.
    assert.deepEqual(slip(`${E}Swelling to the face and\nneck\nBruising\n`).results.map((r) => r.value), ['Injuries inconsistent with the account given. Swelling to the face and neck Bruising']);
    assert.deepEqual(slip(`${E}2016\nBruising to the face.\n`).results.map((r) => r.value), ['Injuries inconsistent with the account given. 2016 Bruising to the face.']);
    // Below a block of text, the fix indents it as the block's lines.
    const block = BASE.replace('    summary: Admitted with a head injury; died two days later.\n', '    summary: >\n      Admitted with a head injury.\nBruising\n');
    const found = analyseText(block, { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line is indented less than the text of `summary` above it/);
    assert.equal(analyseText(applyEdits(block, found[0].fixes[0].edits), { today }).doc.get(['case', 'incident', 'summary']), 'Admitted with a head injury. Bruising\n');
  });

  it('a single word that is, or could be, a key is not said to be pasted text', () => {
    // A key of the format (`Decision`), one near it (`Desicion`), or a word written as keys are written (`bruising`).
    for (const word of ['Decision', 'Desicion', 'bruising', 'Notes']) {
      const found = analyseText(BASE.replace(E, `${E}${word}\n`), { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
      assert.ok(found.length && found.every((f) => !/continue the text/.test(f.message) && !f.fixes.length), `${word}: ${found.map((f) => f.message).join('\n')}`);
    }
  });

  it('a pasted line at the margin read as a key near one the format knows (`Note: the child was seen`), with the section going on below it: said to continue the text, the block fix offered, not preferred', () => {
    const line = 'Note: the child was seen by the paediatrician.\n';
    const a = analyseText(BASE.replace(E, E + line), { today });
    assert.deepEqual(a.findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    assert.equal(a.doc.get(['criteria', 'childDied', 'finding']), 'yes');
    const s = slip(E + line);
    assert.match(s.message, /^This line seems to continue the text of `evidence` above it/);
    assert.match(s.message, /If `Note` is meant as the key `notes`, write `notes:` in line with the keys of the section it belongs to\.$/);
    // It may be `notes` misspelt: Fix all does not choose.
    assert.deepEqual(s.results.map((r) => [r.preferred, r.value]), [[false, 'Injuries inconsistent with the account given. Note: the child was seen by the paediatrician.']]);
    // With other pasted lines after it, the same.
    assert.deepEqual(slip(`${E}${line}Paediatrician: the explanation is not consistent.\n`).results.map((r) => r.value), ['Injuries inconsistent with the account given. Note: the child was seen by the paediatrician. Paediatrician: the explanation is not consistent.']);
  });

  it('a line pasted after the last input that reads as a new speaker’s words (`Chair: agreed to hold`): told as pasted text, the fix offered, never made by Fix all', () => {
    const last = '  - agency: health\n    date: 2016-02-03\n    summary: Supports an SCR.\n';
    const blockLast = '  - agency: health\n    date: 2016-02-03\n    summary: >\n      Supports an SCR.\n';
    for (const [how, entry, pasted] of [
      ['at the indentation of its keys', last, '    Chair: agreed to hold\n'],
      ['at the margin', last, 'Chair: agreed to hold\n'],
      ['at the indentation of its keys, below a block', blockLast, '    Chair: agreed to hold\n'],
      ['at the margin, below a block', blockLast, 'Chair: agreed to hold\n'],
    ] as const) {
      const text = BASE.replace(last, entry + pasted);
      assert.ok(text.includes(entry + pasted), how);
      const a = analyseText(text, { today });
      const found = a.findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
      assert.equal(found.length, 1, `${how}: ${found.map((f) => f.message).join('\n')}`);
      assert.match(found[0].message, /continue the text of `summary`|indented less than the text of `summary`/, how);
      assert.match(found[0].message, /The line starts “Chair:”, as a new speaker’s words or a heading would, so it may not belong to that text, and it is left as it is when all fixes are made at once\. If it is a note of its own, move it under a key that takes text, such as `notes`\.$/, how);
      // The fix is there to choose, and folds the line in word for word; Fix all leaves the line as written.
      assert.equal(found[0].fixes.length, 1, how);
      assert.equal(!!found[0].fixes[0].preferred, false, how);
      assert.match(String(analyseText(applyEdits(text, found[0].fixes[0].edits), { today }).doc.get(['agencyInput', 1, 'summary'])), /^Supports an SCR\. Chair: agreed to hold\n?$/, how);
      const fixed = applyEdits(text, fixAll(a.doc, a.findings).edits);
      assert.ok(fixed.includes(entry + pasted), `${how}:\n${fixed}`);
    }
    // A line that goes on with the text, no colon in it, is still folded in by Fix all.
    const goesOn = BASE.replace(last, `${last}and asks for a protocol with the police.\n`);
    const b = analyseText(goesOn, { today });
    assert.equal(b.doc.get(['agencyInput', 1, 'summary']), 'Supports an SCR.');
    assert.equal(analyseText(applyEdits(goesOn, fixAll(b.doc, b.findings).edits), { today }).doc.get(['agencyInput', 1, 'summary']), 'Supports an SCR. and asks for a protocol with the police.\n');
  });

  it('a line pasted at the margin is underlined from its first character to its end, not where YAML stopped reading nor onto the next line', () => {
    for (const pasted of ['Note: the child was seen by the paediatrician.', 'Bruising', 'The explanation given is not consistent with the injuries.']) {
      const text = BASE.replace(E, `${E}${pasted}\n`);
      const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
      assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
      assert.equal(text.slice(found[0].span.start, found[0].span.end), pasted);
    }
  });

  it('a pasted line at the margin with a note after it, or with another pasted line higher in the file: told on the line, each with its fix', () => {
    const U = '  usefulLearning: Information sharing between health and police.\n';
    // With a note, YAML reads the line as a key and notices the slip only on the line below it.
    const noted = BASE.replace(U, `${U}Paediatrician: agreed at the strategy meeting. # see the minutes\n`);
    const one = analyseText(noted, { today }).findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    assert.equal(one.length, 1, one.map((f) => f.message).join('\n'));
    assert.equal(noted.slice(one[0].span.start, one[0].span.end), 'Paediatrician: agreed at the strategy meeting. # see the minutes');
    assert.match(one[0].message, /^This line seems to continue the text of `usefulLearning` above it/);
    // Without a note, YAML notices the slip on the line itself, after `Paediatrician: `: the finding still marks the whole line it speaks of.
    const bare = BASE.replace(U, `${U}Paediatrician: agreed at the strategy meeting.\n`);
    const told = analyseText(bare, { today }).findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    assert.deepEqual(told.map((f) => bare.slice(f.span.start, f.span.end)), ['Paediatrician: agreed at the strategy meeting.']);
    // And a single word pasted at the margin, below a value it continues.
    const word = BASE.replace(E, `${E}Bruising\n`);
    assert.deepEqual(analyseText(word, { today }).findings.filter((f) => f.rule === 'yaml-syntax').map((f) => word.slice(f.span.start, f.span.end)), ['Bruising']);
    // Text pasted at the margin higher up does not hide where a key at the margin belongs.
    const both = analyseText(noted.replace(E, `${E}Bruising\n`), { today }).findings.filter((f) => f.rule === 'yaml-syntax' || f.rule === 'schema');
    assert.deepEqual(both.map((f) => [f.message.slice(0, 56), f.fixes.length]), [['This line seems to continue the text of `evidence` above', 1], ['This line seems to continue the text of `usefulLearning`', 1]]);
  });

  it('a line read as a key near one the format knows, where a section could end, or a key the format knows at the margin, is still told as a key', () => {
    // Below the last key of a section, `Note:` may be `notes:` misspelt: the format check says so.
    const P = '  publicTrust: Publication planned.\n';
    const end = analyseText(BASE.replace(P, `${P}Note: the child was seen.\n`), { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
    assert.equal(end.length, 1, end.map((f) => f.message).join('\n'));
    assert.match(end[0].message, /Did you mean `notes`\?/);
    for (const key of ['Notes', 'notes', 'note']) {
      const found = analyseText(BASE.replace(E, `${E}${key}: the child was seen.\n`), { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
      assert.ok(found.length && found.every((f) => !/continue the text/.test(f.message)), `${key}: ${found.map((f) => f.message).join('\n')}`);
    }
  });

  it('a key added to a section never goes between a value and the line pasted below it: the line still continues that value', () => {
    const P = '  politicalAndMediaInterest: Local press interest.\n';
    const pasted = 'A reporter rang the chair: no story yet.\n';
    assert.ok(BASE.includes(P + '  publicTrust: Publication planned.\n'));
    const text = BASE.replace('  publicTrust: Publication planned.\n', '').replace(P, P + pasted);
    const a = analyseText(text, { today });
    const add = a.findings.find((f) => f.rule === 'considerations-weighed')!.fixes.find((x) => x.preferred)!;
    assert.equal(add.title, 'Add `publicTrust`');
    const added = applyEdits(text, add.edits);
    assert.ok(added.includes(`  publicTrust: To be completed.\n${P}${pasted}`), added);
    const still = analyseText(added, { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
    assert.equal(still.length, 1, still.map((f) => f.message).join('\n'));
    assert.match(still[0].message, /^This line seems to continue the text of `politicalAndMediaInterest` above it/);
    // Fix all takes both: the key added, the pasted line made part of the text it was pasted below.
    const fixed = applyEdits(text, fixAll(a.doc, a.findings).edits);
    const after = analyseText(fixed, { today }).doc;
    assert.equal(after.get(['considerations', 'publicTrust']), 'To be completed.');
    assert.equal(after.get(['considerations', 'politicalAndMediaInterest']), 'Local press interest. A reporter rang the chair: no story yet.\n');
  });

  it('a pasted line with a colon in it at the key’s indentation, read as a key the format does not know: said to continue the text, with the block fix', () => {
    const text = BASE.replace(E, `${E}    Paediatrician: the explanation is not consistent.\n`);
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'schema');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line seems to continue the text of `evidence` above it, but it holds a colon followed by a space \(after “Paediatrician”\)/);
    assert.equal(found[0].fixes.length, 1);
    const fixed = applyEdits(text, found[0].fixes[0].edits);
    assert.deepEqual(analyseText(fixed, { today }).findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax'), []);
    assert.equal(evidence(fixed), 'Injuries inconsistent with the account given. Paediatrician: the explanation is not consistent.\n');
  });

  it('a line pasted at the margin below a block of text: the fix indents it as the block’s lines', () => {
    const text = BASE.replace('    summary: Admitted with a head injury; died two days later.\n', '    summary: >\n      Admitted with a head injury.\nSkeletal survey: two healing rib fractures.\n');
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line is indented less than the text of `summary` above it/);
    const fixed = applyEdits(text, found[0].fixes[0].edits);
    assert.equal(analyseText(fixed, { today }).doc.get(['case', 'incident', 'summary']), 'Admitted with a head injury. Skeletal survey: two healing rib fractures.\n');
  });

  it('lines pasted at the margin below a block with no lines yet (`summary: >`): the fix indents them all, one with a colon too, as its text', () => {
    const text = BASE.replace('    summary: Admitted with a head injury; died two days later.\n', '    summary: >\nAdmitted with a head injury.\nSkeletal survey: two healing rib fractures.\n');
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'schema' || f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^This line stands below `summary: >` but is not indented further than `summary`/);
    assert.deepEqual(found[0].fixes.map((x) => x.title), ['Indent these lines as the text of `summary`']);
    const fixed = applyEdits(text, found[0].fixes[0].edits);
    assert.equal(analyseText(fixed, { today }).doc.get(['case', 'incident', 'summary']), 'Admitted with a head injury. Skeletal survey: two healing rib fractures.\n');
  });

  it('a tab: one finding per tab-indented line, none for what follows from it, and a fix with the spaces the lines around use', () => {
    const text = BASE.replace('  - id: police\n    name: Northshire Police\n    type: police\n', '  - id: police\n\tname: Northshire Police\n    type: police\n');
    assert.notEqual(text, BASE);
    const found = analyseText(text, { today }).findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1, found.map((f) => f.message).join('\n'));
    assert.match(found[0].message, /^A tab is used to indent this line; a case file is indented with spaces only\./);
    assert.equal(applyEdits(text, found[0].fixes[0].edits), BASE);
  });
});

describe('a reference inside the part it refers to', () => {
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
  for (const [name, written] of [
    ['a merge key', 'notes: &n\n  <<: *n\n  remark: To be completed.\n'],
    ['a value', 'notes: &n\n  remark: To be completed.\n  again: *n\n'],
    ['a list item', 'notes: &n [To be completed., *n]\n'],
  ] as const) {
    it(`(${name}) is reported there, in plain words, with no fix, and the rest of the file is checked`, () => {
      const text = BASE + written;
      const a = analyseText(text, { today: parseDate('2016-06-01') });
      const slips = a.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.equal(slips.length, 1, slips.map((f) => f.message).join('\n'));
      assert.equal(text.slice(slips[0].span.start, slips[0].span.end), '*n');
      assert.match(slips[0].message, /^This refers to the part marked &n, and stands inside that part, so the part would hold itself for ever\. Write out what you mean here instead of \*n\.$/);
      assert.deepEqual(slips[0].fixes, []);
      // The words still to be completed inside it are found (the walk that looped for ever).
      assert.ok(a.findings.some((f) => f.rule === 'to-complete'));
      assert.equal(a.doc.get(['referral', 'date']), '2016-01-14');
    });
  }
  it('beside a slip in another section, read section by section', () => {
    const text = BASE.replace(/^context:/m, 'context: &c\n  again: *c\ncontextRest:') + 'notes: [\n';
    const a = analyseText(text, { today: parseDate('2016-06-01') });
    assert.ok(a.findings.some((f) => f.rule === 'yaml-syntax' && /part marked &c/.test(f.message)), a.findings.map((f) => f.message).join('\n'));
  });
});

describe('a key indented out of line with the keys around it', () => {
  const COMPLETE = readFileSync(join(__dirname, '..', '..', 'examples', 'complete-record.scr.yaml'), 'utf8');
  const today = parseDate('2017-01-09');
  const cases: [string, string, string, RegExp, string, string][] = [
    // [what, written right, written wrong, message, the key pointed at, the fix's title]
    ['level with the section it belongs to', '    pseudonym: Child A', '  pseudonym: Child A', /^`pseudonym` stands level with `child` above it, so it is not read as part of `child`, and `age` below it, indented further, cannot be read\. If `pseudonym` belongs under `child`, indent it by 2 spaces, as the quick fix does; if not, line `age` up with it\.$/, 'pseudonym', 'Indent `pseudonym` under `child`'],
    ['one space further than the key above', '    age: 9 months', '     age: 9 months', /^`age` is indented 1 space further than `pseudonym` above it, which holds a value, so it cannot be read\. Line `age` up with `pseudonym` \(the quick fix does\)\.$/, 'age', 'Line `age` up with `pseudonym`'],
    ['between two levels', '    forum: ', '   forum: ', /^`forum` is indented 3 spaces, between the levels of the keys around it, so it cannot be read\. Line it up with the keys of its section, such as `date` above it \(the quick fix does\)\.$/, 'forum', 'Line `forum` up with `date`'],
    ['two spaces too deep in a list entry', '    forum: ', '      forum: ', /^`forum` is indented 2 spaces further than `date` above it, which holds a value, so it cannot be read\. Line `forum` up with `date` \(the quick fix does\)\.$/, 'forum', 'Line `forum` up with `date`'],
  ];
  for (const [what, right, wrong, message, key, title] of cases) {
    it(`${what}: one finding on the key, saying where it should stand, and a fix that puts it there`, () => {
      assert.ok(COMPLETE.includes(right), right);
      const text = COMPLETE.replace(right, wrong);
      const a = analyseText(text, { today });
      const slips = a.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.equal(slips.length, 1, slips.map((f) => f.message).join('\n'));
      assert.match(slips[0].message, message);
      assert.equal(text.slice(slips[0].span.start, slips[0].span.end), key);
      assert.deepEqual(slips[0].fixes.map((f) => f.title), [title]);
      assert.equal(applyEdits(text, slips[0].fixes[0].edits), COMPLETE);
    });
  }
  it('a key less indented that lines up with a level above is not said to be out of line', () => {
    // `age` at the level of `child`: a key `case` does not know, not an indentation slip.
    const text = COMPLETE.replace('    age: 9 months', '  age: 9 months');
    const a = analyseText(text, { today });
    assert.ok(!a.findings.some((f) => /indented/.test(f.message)), a.findings.map((f) => f.message).join('\n'));
  });
});

describe('a block of text whose `>` or `|` has something after it on the key’s line', () => {
  const today = parseDate('2016-06-01');
  const B = '    evidence: Injuries inconsistent with the account given.\n';
  const BASE = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
  const blockOf = (header: string) => BASE.replace(B, `    # from the minutes\n    evidence: ${header}\n      Injuries inconsistent\n      with the account given.\n`);
  const evidence = (text: string) => analyseText(text, { today }).doc.get(['criteria', 'abuseOrNeglect', 'evidence']);

  it('an invisible direction character after the `>`: said so, and removing it (the fix Fix all takes) reads the block as written', () => {
    for (const header of ['>\u202e', '| \u202e # why', '>-\u2067\u2069']) {
      const text = blockOf(header);
      const a = analyseText(text, { today });
      const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
      assert.equal(found.length, 1, header);
      assert.match(found[0].message, /^The `[>|]-?` that starts the text of `evidence` is followed by (an invisible character|2 invisible characters) \(shown as <U\+/);
      assert.deepEqual(found[0].fixes.map((x) => [x.title.startsWith('Remove the'), x.preferred]), [[true, true]], header);
      for (const fixed of [applyEdits(text, found[0].fixes[0].edits), applyEdits(text, fixAll(a.doc, a.findings).edits)]) {
        assert.equal(fixed.includes('\u202e') || fixed.includes('\u2067'), false);
        assert.match(String(evidence(fixed)), /^Injuries inconsistent[ \n]with the account given\.\n?$/, header);
        assert.match(fixed, /# from the minutes/);
        if (header.includes('why')) assert.match(fixed, /evidence: \| +# why\n/);
      }
    }
  });

  it('text after the `>`: moved to the first line of the block, never put in quotes that cut the lines below off', () => {
    const text = blockOf('> Consultant’s view.');
    const a = analyseText(text, { today });
    const found = a.findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^Text cannot follow `>` on the key’s line/);
    assert.deepEqual(found[0].fixes.map((x) => [x.title, x.preferred]), [['Move the text after `>` to the first line of the text below', true]]);
    for (const fixed of [applyEdits(text, found[0].fixes[0].edits), applyEdits(text, fixAll(a.doc, a.findings).edits)]) {
      assert.equal(evidence(fixed), 'Consultant’s view. Injuries inconsistent with the account given.\n');
      assert.deepEqual(analyseText(fixed, { today }).findings.filter((f) => f.rule === 'yaml-syntax'), []);
    }
  });
});
