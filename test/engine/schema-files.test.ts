// The schemas as other tools use them (README, "The case file"): standard Ajv, told of our extra
// keywords, compiles them, and every example case file passes.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8'));

test('standard Ajv compiles the schemas once told the README’s extra keywords, and the examples pass', () => {
  const ajv = new Ajv({ allErrors: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'x-qm2']);
  const validate = ajv.compile(schema('scr-case.schema.json'));
  ajv.compile(schema('scr-config.schema.json'));
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.scr.yaml'));
  assert.ok(examples.length >= 4);
  for (const f of examples) {
    // Dates stay text, as YAML 1.2 reads them.
    const ok = validate(parse(readFileSync(join(ROOT, 'examples', f), 'utf8')));
    assert.ok(ok, `${f}: ${JSON.stringify(validate.errors)}`);
  }
});
