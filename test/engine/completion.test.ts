import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { completionsAt, type CompletionEntry } from '../../server/src/engine/completion';
import { CaseDoc } from '../../server/src/engine/document';
import { cursor, SAMPLE, TODAY } from './sample-case';

/** Completions where `|` stands in `text`, with the text each would leave. */
function complete(text: string): { items: CompletionEntry[]; labels: string[]; apply: (label: string) => string } {
  const c = cursor(text);
  const items = completionsAt(new CaseDoc(c.text), c.offset, TODAY);
  return {
    items,
    labels: items.map((i) => i.label),
    apply: (label) => {
      const i = items.find((x) => x.label === label)!;
      return c.text.slice(0, i.span.start) + i.text + c.text.slice(i.span.end);
    },
  };
}

describe('completion', () => {
  it('offers the keys a section may hold that are not yet written, with their documentation', () => {
    const r = complete(SAMPLE.replace('  from: Head', '  |\n  from: Head'));
    assert.deepEqual(r.labels, ['notifications', 'notes']);
    assert.match(r.items[0].documentation!, /^\*\*Notifications\*\*/);
    assert.equal(r.items[0].detail, 'Notifications');
  });

  it('offers the keys of a list entry, leaving out those it already has', () => {
    const r = complete(SAMPLE.replace('    involvement: not-known\n', '    involvement: not-known\n    |\n'));
    assert.deepEqual(r.labels, ['notes']);
    const inner = complete(SAMPLE.replace('      requested: 2016-01-15\nmeetings', '      requested: 2016-01-15\n      |\nmeetings'));
    assert.deepEqual(inner.labels, ['received', 'summary', 'notes']);
  });

  it('offers top-level sections not yet written, replacing the word typed', () => {
    const r = complete(`${SAMPLE}cha|`);
    assert.deepEqual(r.labels, ['context', 'neighbouringBoards', 'considerations', 'challenge', 'notes']);
    assert.ok(r.apply('challenge').endsWith('\nchallenge:\n  - '));
  });

  it('writes a key with what its value needs: a choice, a section or a list', () => {
    const r = complete(SAMPLE.replace('    summary: >\n', '    setting: home\n    summary: >\n').replace('  incident:\n', '  |\n  incident:\n'));
    assert.ok(r.labels.includes('child') === false && r.labels.includes('notes'));
    const inc = complete(SAMPLE.replace('    outcome: died\n', '    outcome: died\n    |\n'));
    const setting = inc.items.find((i) => i.label === 'setting')!;
    assert.equal(setting.text, 'setting: ');
    assert.equal(setting.snippet, 'setting: ${1|home,custody,secure-setting,mental-health-detention,deprivation-of-liberty,other|}');
  });

  it('offers the values of a list of choices with their meanings', () => {
    const r = complete(SAMPLE.replace('involvement: not-known', 'involvement: n|'));
    assert.deepEqual(r.labels, ['known', 'not-known', 'unknown']);
    assert.equal(r.items[1].documentation, 'The agency searched its records and found no contact.');
    assert.match(r.apply('not-known'), /involvement: not-known\n/);
    // Written just before a comment, a value keeps a space from it: `known# …` would be the value.
    const noted = complete(SAMPLE.replace('involvement: not-known', 'involvement: |# to ask'));
    assert.match(noted.apply('known'), /involvement: known # to ask\n/);
    assert.equal(new CaseDoc(noted.apply('known')).get(['agencies', 1, 'involvement']), 'known');
    assert.match(complete(SAMPLE.replace('received: 2016-01-22', 'received:|# due')).apply('2016-06-01'), /received: 2016-06-01 # due\n/);
  });

  it('offers declared agency ids in meetings and agency input, not those already listed', () => {
    assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, |]')).labels, ['police']);
    const input = complete(SAMPLE.replace('agency: police ', 'agency: p| '));
    assert.deepEqual(input.labels, ['csc', 'police']);
    assert.equal(input.items[1].detail, 'Testshire Police');
    assert.match(input.apply('police'), /agency: police {3}# spoke/);
  });

  it('offers board names from the address history in a neighbouring-board check', () => {
    const r = complete(`${SAMPLE}neighbouringBoards:\n  - board: |\n`);
    assert.deepEqual(r.labels, ['Westshire LSCB']);
  });

  it('offers the boards already written, each once, for the board of an address', () => {
    // A new address: the case's own board first, then those of the other addresses.
    const added = '      to: 2014-02-28\n    - board: |\n';
    const r = complete(SAMPLE.replace('      to: 2014-02-28\n', added));
    assert.deepEqual(r.labels, ['Testshire LSCB', 'Westshire LSCB']);
    assert.deepEqual(r.items.map((i) => [i.kind, i.detail]), [['board', 'Your board (`board` under `case`)'], ['board', 'From the address history']]);
    assert.match(r.apply('Westshire LSCB'), /\n {4}- board: Westshire LSCB\n/);
    // The address's own board, being written, is not offered back; a board written twice, or in
    // another case, is offered once; words still to be completed are no board.
    const own = complete(SAMPLE.replace('    - board: Westshire LSCB\n', '    - board: Wes|\n'));
    assert.deepEqual(own.labels, ['Testshire LSCB']);
    const twice = SAMPLE.replace('      to: 2014-02-28\n', '      to: 2014-02-28\n    - board: westshire lscb\n      from: 2011-01-01\n    - board: |\n');
    assert.deepEqual(complete(twice).labels, ['Testshire LSCB', 'Westshire LSCB']);
    const unnamed = SAMPLE.replace(/^  board: .*$/m, '  board: To be completed. Name of your LSCB.').replace('      to: 2014-02-28\n', added);
    assert.deepEqual(complete(unnamed).labels, ['Testshire LSCB', 'Westshire LSCB']);
  });

  it('offers no board, and writes none in a new check, while the case’s own board is still to be completed', () => {
    // Which boards are other boards cannot be told: the family's own board would be offered as one.
    const unnamed = SAMPLE.replace(/^  board: .*$/m, '  board: To be completed. Name of your LSCB.');
    assert.notEqual(unnamed, SAMPLE);
    assert.deepEqual(complete(`${unnamed}neighbouringBoards:\n  - board: |\n`).labels, []);
    const skel = complete(unnamed.replace('agencies:\n', 'neighbouringBoards:\n  |\nagencies:\n')).items.find((i) => i.kind === 'skeleton')!;
    assert.match(skel.snippet!, /^- board: \$\{1\}\n/);
  });

  it('offers today on a date key', () => {
    const r = complete(SAMPLE.replace('received: 2016-01-22', 'received: |'));
    assert.deepEqual(r.labels, ['2016-06-01']);
    assert.equal(r.items[0].detail, 'Today');
    const flush = complete(SAMPLE.replace('received: 2016-01-22', 'received:|'));
    assert.match(flush.apply('2016-06-01'), /received: 2016-06-01\n/);
  });

  it('offers a new list entry with the keys it needs', () => {
    const r = complete(SAMPLE.replace('agencyInput:\n', '  |\nagencyInput:\n'));
    assert.deepEqual(r.labels, ['New meeting']);
    assert.equal(r.items[0].text, '- date: 2016-06-01\n    forum:\n    agencies: []');
    assert.equal(r.items[0].snippet, '- date: ${1:2016-06-01}\n    forum: ${2}\n    agencies: [${3}]');
    const agency = complete(SAMPLE.replace('meetings:\n', '  - |\nmeetings:\n'));
    const skel = agency.items.find((i) => i.kind === 'skeleton')!;
    assert.equal(skel.label, 'New agency');
    assert.match(skel.snippet!, /^- id: \$\{1\}\n {4}name: \$\{2\}\n {4}type: \$\{3\|social-care,police,/);
    assert.match(skel.snippet!, /\n {4}minimumData:\n {6}requested: \$\{5:2016-06-01\}$/);
    const input = complete(`${SAMPLE.replace('agencyInput:\n', 'agencyInput:\n  |\n')}`);
    assert.match(input.items[0].snippet!, /^- agency: \$\{1\|csc,police\|\}/);
  });

  it('a new neighbouring-board check quotes a board name that YAML would otherwise misread', () => {
    const text = SAMPLE.replace('    - board: Westshire LSCB\n', '    - board: "Westshire: North LSCB"\n').replace('agencies:\n', 'neighbouringBoards:\n  |\nagencies:\n');
    const r = complete(text);
    const skel = r.items.find((i) => i.kind === 'skeleton')!;
    assert.match(skel.snippet!, /^- board: \$\{1\|"Westshire: North LSCB"\|\}/);
    // What the snippet leaves with its first choice taken reads back as that board.
    const c = cursor(text);
    const expanded = skel.snippet!.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+(?::([^}]*))?\}/g, '$1');
    const doc = new CaseDoc(c.text.slice(0, skel.span.start) + expanded + c.text.slice(skel.span.end));
    assert.deepEqual(doc.syntax, []);
    assert.equal(doc.get(['neighbouringBoards', 0, 'board']), 'Westshire: North LSCB');
  });

  it('does not offer again what is already written: ids in a list of either style, keys at another indentation', () => {
    const block = complete(SAMPLE.replace('    agencies: [csc, police]\n', '    agencies:\n      - csc\n      - |\n'));
    assert.ok(block.labels.includes('police') && !block.labels.includes('csc'), block.labels.join(', '));
    const quoted = complete(SAMPLE.replace('    agencies: [csc, police]\n', '    agencies: ["csc", |]\n'));
    assert.ok(quoted.labels.includes('police') && !quoted.labels.includes('csc'), quoted.labels.join(', '));
    // Ids after the cursor are listed too: written at the front of the list, or between two.
    assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [|, police]')).labels, ['csc']);
    assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [c|, police]')).labels, ['csc']);
    assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, |, "police"]')).labels, []);
    // Keys of `case` stand at two spaces: at four, a key would break the section, so none is offered.
    assert.deepEqual(complete(SAMPLE.replace('case:\n', 'case:\n    |\n')).labels, []);
  });

  describe('inside brackets', () => {
    const meeting = (written: string) => SAMPLE.replace('    agencies: [csc, police]\n', `    agencies: [csc, police]\n    recommendation: ${written}\n`);
    /** The text left by choosing `label`, which must read with no slip. */
    const chosen = (text: string, label: string) => {
      const r = complete(text);
      assert.ok(r.labels.includes(label), r.labels.join(', '));
      const out = r.apply(label);
      assert.deepEqual(new CaseDoc(out).syntax, [], out);
      return new CaseDoc(out);
    };

    it('offers the choices of a key in a section in braces, as in block style', () => {
      assert.deepEqual(complete(meeting('{ outcome: | }')).labels, ['scr', 'no-scr', 'more-information']);
      assert.equal(chosen(meeting('{ outcome: |, rationale: Criteria met. }'), 'no-scr').get(['meetings', 0, 'recommendation', 'outcome']), 'no-scr');
      // Written straight after the colon, the value gets its space: `outcome:scr` would be one word.
      assert.equal(chosen(meeting('{outcome:|}'), 'scr').get(['meetings', 0, 'recommendation', 'outcome']), 'scr');
      const input = SAMPLE.replace('agencyInput:\n', 'agencyInput:\n  - { agency: |, date: 2016-02-03, summary: Agrees. }\n');
      assert.deepEqual(complete(input).labels, ['csc', 'police']);
      assert.equal(chosen(input, 'csc').get(['agencyInput', 0, 'agency']), 'csc');
    });

    it('offers the keys of a section in braces not yet written, each written on the line', () => {
      assert.deepEqual(complete(meeting('{ | }')).labels, ['outcome', 'rationale', 'notes']);
      assert.deepEqual(complete(meeting('{ outcome: scr, | }')).labels, ['rationale', 'notes']);
      assert.deepEqual(complete(meeting('{ |, outcome: scr }')).labels, ['rationale', 'notes']);
      const r = complete(meeting('{ | }'));
      assert.equal(r.items[0].snippet, 'outcome: ${1|scr,no-scr,more-information|}');
      // A key whose value is a section or a list: brackets of its own, never a new line.
      const agency = complete(SAMPLE.replace('meetings:\n', '  - { id: health, name: Health, | }\nmeetings:\n'));
      const data = agency.items.find((i) => i.label === 'minimumData')!;
      assert.deepEqual([data.text, data.snippet], ['minimumData: {}', 'minimumData: { $1 }']);
      const processes = complete(`${SAMPLE}considerations: { | }\n`).items.find((i) => i.label === 'parallelProcesses')!;
      assert.deepEqual([processes.text, processes.snippet], ['parallelProcesses: []', 'parallelProcesses: [$1]']);
      for (const i of [...agency.items, ...r.items]) assert.ok(!/[\r\n]/.test(i.text + (i.snippet ?? '')), i.label);
      // A key's name being changed: the name alone is replaced.
      assert.equal(chosen(meeting('{ out|come: scr }'), 'rationale').get(['meetings', 0, 'recommendation', 'rationale']), 'scr');
    });

    it('reads brackets inside brackets and over several lines', () => {
      assert.deepEqual(complete(`${SAMPLE}considerations: { parallelProcesses: [ { type: crim| } ] }\n`).labels.slice(0, 2), ['criminal-investigation', 'inquest']);
      const lines = SAMPLE.replace('agencies: [csc, police]', 'agencies: [\n      csc,\n      |\n    ]');
      assert.deepEqual(complete(lines).labels, ['police']);
      assert.deepEqual(chosen(lines, 'police').get(['meetings', 0, 'agencies']), ['csc', 'police']);
      const input = SAMPLE.replace('agencyInput:\n', 'agencyInput:\n  - { agency: police,\n      date: |\n    }\n');
      assert.deepEqual(complete(input).labels, ['2016-06-01']);
      assert.deepEqual(complete(SAMPLE.replace('agencyInput:\n', 'agencyInput:\n  - { agency: police,\n      |\n    }\n')).labels, ['date', 'summary', 'notes']);
    });

    it('quotes a board name that brackets would misread', () => {
      const text = SAMPLE.replace('    - board: Westshire LSCB\n', '    - board: "Westshire, North LSCB"\n').replace('agencies:\n', 'neighbouringBoards: [ { board: | } ]\nagencies:\n');
      const doc = chosen(text, 'Westshire, North LSCB');
      assert.equal(doc.get(['neighbouringBoards', 0, 'board']), 'Westshire, North LSCB');
    });

    it('offers a new entry in a list of entries, as in block style, on one line in braces', () => {
      const context = complete(`${SAMPLE}context: [ | ]\n`);
      assert.deepEqual(context.labels, ['New contextual information']);
      assert.deepEqual([context.items[0].text, context.items[0].snippet], ['{ topic: , summary: }', '{ topic: ${1}, summary: ${2} }']);
      assert.deepEqual(chosen(`${SAMPLE}context: [ | ]\n`, 'New contextual information').get(['context']), [{ topic: null, summary: null }]);
      // After an entry and its comma: the same, with the template's tab stops and choices.
      const written = '{ agency: csc, date: 2016-02-03, summary: Agrees. }';
      const input = SAMPLE.replace('agencyInput:\n', `agencyInput: [ ${written}, | ]\nunused:\n`);
      const skel = complete(input).items.find((i) => i.kind === 'skeleton')!;
      assert.equal(skel.label, 'New agency input');
      assert.equal(skel.snippet, '{ agency: ${1|csc,police|}, date: ${2:2016-06-01}, summary: ${3} }');
      assert.equal(chosen(input, 'New agency input').get(['agencyInput', 1, 'date']), '2016-06-01');
      // A section under a key in braces of its own; what the snippet leaves with its first choices reads with no slip.
      const agency = complete(SAMPLE.replace('agencies:\n', 'agencies: [ |\n  ]\nunused:\n')).items.find((i) => i.kind === 'skeleton')!;
      assert.match(agency.snippet!, /^\{ id: \$\{1\}, name: \$\{2\}, type: \$\{3\|social-care,police,.*, minimumData: \{ requested: \$\{5:2016-06-01\} \} \}$/);
      const c = cursor(SAMPLE.replace('agencies:\n', 'agencies: [ |\n  ]\nunused:\n'));
      const expanded = agency.snippet!.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+(?::([^}]*))?\}/g, '$1x');
      const doc = new CaseDoc(c.text.slice(0, agency.span.start) + expanded + c.text.slice(agency.span.end));
      assert.deepEqual(doc.syntax, []);
      assert.deepEqual(doc.get(['agencies', 0]), { id: 'x', name: 'x', type: 'social-care', involvement: 'known', minimumData: { requested: '2016-06-01x' } });
      for (const i of [context.items[0], skel, agency]) assert.ok(!/[\r\n]/.test(i.text + i.snippet), i.label);
    });

    it('offers nothing after a word and a space, after an entry with no comma, or once the brackets close', () => {
      assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc |]')).labels, []);
      assert.deepEqual(complete(meeting('{ outcome: scr |}')).labels, []);
      assert.deepEqual(complete(`${SAMPLE}context: [ { topic: Housing } | ]\n`).labels, []);
      assert.deepEqual(complete(SAMPLE.replace('agencies: [csc, police]', 'agencies: [csc, police] |')).labels, []);
      // Brackets in text are text.
      assert.deepEqual(complete(SAMPLE.replace('      Died in hospital the next day.', '      Died in hospital [the |')).labels, []);
    });
  });

  it('offers nothing in comments, in blocks of text or in free text', () => {
    assert.deepEqual(complete(SAMPLE.replace('# Fictional', '# Fict|ional')).labels, []);
    assert.deepEqual(complete(SAMPLE.replace('      Died in hospital', '      Died in| hospital')).labels, []);
    assert.deepEqual(complete(SAMPLE.replace('    summary: Supports an SCR.', '    summary: Supports an| SCR.')).labels, []);
  });
});
