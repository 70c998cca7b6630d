import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyseConfig } from '../../server/src/engine/config';
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
