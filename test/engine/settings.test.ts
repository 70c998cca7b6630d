import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyseConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/fixes';
import { LIMIT_PATTERN } from '../../server/src/engine/dates';
import { DEFAULT_SETTINGS, mergeSettings } from '../../server/src/engine/settings';

describe('settings files', () => {
  const text = ['rules:', '  neighbouring-checks: off', 'keyAgencyTypes: [police, banana]', 'decisionLimit: soon', ''].join('\n');
  const config = analyseConfig(text);

  it('a rule’s name mistyped under `rules` is one finding, with the rule it may mean', () => {
    const about = config.findings.filter((f) => /neighbouring-checks/.test(f.message));
    assert.deepEqual(about.map((f) => f.message), ['`neighbouring-checks` is not a rule. Did you mean `neighbouring-check`?']);
  });

  it('an agency type the format does not know is reported, and left out of the settings used', () => {
    assert.ok(config.findings.some((f) => /“banana” is not one of the choices here.*It is left out until it is put right\./.test(f.message)));
    assert.deepEqual(mergeSettings(config.settings).keyAgencyTypes, ['police']);
    assert.deepEqual(mergeSettings({ keyAgencyTypes: ['banana'] }).keyAgencyTypes, DEFAULT_SETTINGS.keyAgencyTypes, 'a list of none the format knows leaves the defaults');
    assert.deepEqual(mergeSettings({ keyAgencyTypes: [] }).keyAgencyTypes, [], 'an empty list is a choice');
  });

  it('findings are in the order of the file', () => {
    const starts = config.findings.map((f) => f.span.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.equal(config.findings.length, 3);
  });
});

describe('time limits', () => {
  const root = join(__dirname, '..', '..');
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'scr-config.schema.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

  it('are read by the very pattern the settings format and the editor settings check them with', () => {
    assert.equal(schema.definitions.duration.pattern, LIMIT_PATTERN.source);
    const props = manifest.contributes.configuration.properties;
    for (const key of ['scr.decisionLimit', 'scr.notificationLimit']) assert.equal(props[key].pattern, LIMIT_PATTERN.source, key);
  });

  for (const [written, applies] of [['2 Month', false], ['20 Working Days', false], ['12345 days', false], ['20 working  days', false], ['2 months', true], [' 20 working days ', true], ['1 day', true]] as const) {
    it(`“${written}” is ${applies ? 'accepted and applied' : 'reported, and the default applies'}`, () => {
      const config = analyseConfig(`decisionLimit: "${written}"\n`);
      assert.equal(config.findings.length, applies ? 0 : 1, config.findings.map((f) => f.message).join('\n'));
      const limit = mergeSettings(config.settings).decisionLimit;
      if (applies) assert.notDeepEqual(limit, DEFAULT_SETTINGS.decisionLimit);
      else assert.deepEqual(limit, DEFAULT_SETTINGS.decisionLimit);
    });
  }
});

describe('a limit written with capitals or extra spaces', () => {
  it('is offered as it should be written, keeping the comment after it', () => {
    const text = 'decisionLimit: 1 Month   # the guidance\nnotificationLimit: 5 working days\n';
    const [f] = analyseConfig(text).findings;
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].title, 'Change to `1 month`');
    const fixed = applyEdits(text, f.fixes[0].edits);
    assert.equal(fixed, 'decisionLimit: 1 month   # the guidance\nnotificationLimit: 5 working days\n');
    assert.deepEqual(analyseConfig(fixed).findings, []);
  });
});

describe('settings of the wrong kind', () => {
  for (const [text, message] of [
    ['keyAgencyTypes: police\n', '`keyAgencyTypes` should be a list of agency types, for example `[social-care, police, health]`. The default applies until it is put right.'],
    ['rules: off\n', '`rules` should be a section that names rules, each followed by `off`, `hint`, `info`, `warning` or `error`. The default applies until it is put right.'],
    ['keyAgencyTypes: [police, police]\n', '`keyAgencyTypes` names the same thing twice. Keep one of each.'],
    ['rules:\n  schema: [off]\n', 'A list is not one of the choices here: `off`, `hint`, `info`, `warning` or `error`.'],
    ['notes: 5\n', '`notes` should be text or a list of texts.'],
    // Left empty: nothing is written, which is not “null” to the person who left it so.
    ['rules:\n  lead-board:\n', '`lead-board` is empty. Write one of the choices: `off`, `hint`, `info`, `warning` or `error`.'],
    ['decisionLimit:\n', '`decisionLimit` is empty: nothing is written after it (a comment is not read). Write a length of time such as `1 month`, `20 working days`, `4 weeks` or `30 days`, or remove it. The default applies until it is put right.'],
    ['notificationLimit: " "\n', '`notificationLimit` is empty: nothing is written after it (a comment is not read). Write a length of time such as `1 month`, `20 working days`, `4 weeks` or `30 days`, or remove it. The default applies until it is put right.'],
    ['decisionLimit: soon\n', '`decisionLimit` should be a length of time such as `1 month`, `20 working days`, `4 weeks` or `30 days`. The default applies until it is put right.'],
    // Nearly right: said what is meant, not that it is no length of time at all.
    ['decisionLimit: 20 Working Days\n', '“20 Working Days” is read only when written `20 working days`: in small letters, with one space between words. The default applies until it is put right.'],
    ['notificationLimit: "5 working  days"\n', '“5 working  days” is read only when written `5 working days`: in small letters, with one space between words. The default applies until it is put right.'],
    ['decisionLimit: 30\n', '`decisionLimit` is a number alone: say what it counts, for example `30 days`, `30 working days`, `30 weeks` or `30 months`. The default applies until it is put right.'],
    ['keyAgencyTypes:\n', '`keyAgencyTypes` is empty: nothing is written after it (a comment is not read). Write a list of agency types, for example `[social-care, police, health]`, or remove it. The default applies until it is put right.'],
    ['rules:\n', '`rules` is empty: nothing is written after it (a comment is not read). Write a section that names rules, each followed by `off`, `hint`, `info`, `warning` or `error`, or remove it. The default applies until it is put right.'],
    ['notes:\n', '`notes` is empty: nothing is written after it (a comment is not read). Write text or a list of texts, or remove it.'],
    ['keyAgencyTypes: [police, ~]\n', 'Nothing is written here. Write one of the choices: `social-care`, `police`, `health`, `education`, `early-years`, `probation`, `housing`, `youth-justice`, `adult-services`, `voluntary` or `other`. It is left out until it is put right.'],
  ] as const) {
    it(JSON.stringify(text), () => assert.deepEqual(analyseConfig(text).findings.map((f) => f.message), [message]));
  }
});
