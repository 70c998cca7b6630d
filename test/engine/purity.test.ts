import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import { ALL_RULES } from '../../server/src/engine/rules/index';

const ROOT = join(__dirname, '..', '..');

describe('the engine stays pure', () => {
  const files = globSync('server/src/engine/**/*.{ts,js}', { cwd: ROOT });
  it('has source files to check', () => assert.ok(files.length > 20));
  for (const f of files) {
    it(`${f} imports no editor, protocol or Node module`, () => {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const specs = [...text.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]);
      const allowed = (s: string) => s.startsWith('.') || s === 'yaml' || s === 'js-yaml' || s.startsWith('ajv/dist/runtime/');
      assert.deepEqual(specs.filter((s) => !allowed(s)), [], `only relative imports, the two YAML readers and ajv's runtime helpers`);
    });
  }
});

describe('settings schema and rule registry agree', () => {
  it('every rule id can be configured in scr.config.yaml, and nothing else', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'scr-config.schema.json'), 'utf8'));
    const ids = schema.properties.rules.propertyNames.enum as string[];
    assert.deepEqual([...ids].sort(), ALL_RULES.map((r) => r.id).sort());
  });
});
