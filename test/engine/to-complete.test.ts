import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules', 'to-complete');

describe('to-complete says where the words to replace stand', () => {
  it('a key many parts share is named with the part that holds it', () => {
    const text = readFileSync(join(FIXTURES, 'fail-challenge-skeleton.scr.yaml'), 'utf8');
    const messages = analyseText(text, {}).findings.filter((f) => f.rule === 'to-complete').map((f) => f.message.replace(/ still reads.*/, ''));
    assert.deepEqual(messages, ['Challenged by (`by`) in the challenge of 8 February 2016', 'Outcome (`outcome`) in the challenge of 8 February 2016']);
  });

  it('a criterion’s finding is named by its criterion, and an entry named by words still to complete is not named by them', () => {
    const base = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
    const text = base
      .replace(/(childDied:\n +finding: )\S+/, '$1To be completed. Choose yes or no.')
      .replace("name: Northshire Children's Social Care", 'name: To be completed. The agency’s name.');
    assert.notEqual(text, base);
    const messages = analyseText(text, {}).findings.filter((f) => f.rule === 'to-complete').map((f) => f.message.replace(/ still reads.*/, ''));
    assert.ok(messages.includes('Finding (`finding`) in the “Child died” section (`childDied`, under `criteria`)'), messages.join('\n'));
    assert.ok(messages.includes('Agency name (`name`) in agency “csc”'), messages.join('\n'));
  });
});

describe('declaring an agency chooses nothing for the reviewer', () => {
  it('leaves its type and involvement to choose, unless the id names the type', () => {
    const base = readFileSync(join(__dirname, '..', 'fixtures', 'base.scr.yaml'), 'utf8');
    for (const [id, type] of [['ambulance', 'To be completed. Choose social-care, police, health, education, early-years, probation, housing, youth-justice, adult-services, voluntary or other.'], ['housing', 'housing']]) {
      const text = base.replace('agencies: [csc, police, health]', `agencies: [csc, police, health, ${id}]`);
      assert.notEqual(text, base);
      const f = analyseText(text, {}).findings.find((x) => x.rule === 'unknown-agency')!;
      const declare = f.fixes.find((x) => /^Declare/.test(x.title))!;
      const written = declare.edits.map((e) => e.newText).join('');
      assert.match(written, new RegExp(`\\n {4}type: ${type.replace(/[.]/g, '\\.')}\\n`));
      assert.match(written, /\n {4}involvement: To be completed\. Choose known, not-known or unknown\.\n/);
    }
  });
});
