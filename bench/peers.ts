/**
 * The tools the benchmark compares against, installed into bench/peers/node_modules on first run
 * (never by npm test), and the inputs each needs: our JSON Schema, as a Spectral ruleset that does
 * nothing but validate against it, and as a schema for ajv-cli.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEERS_DIR = join(__dirname, 'peers');
const MODULES = join(PEERS_DIR, 'node_modules');

export interface Peer {
  name: string;
  version: string;
  /** The script to run with node. */
  entry: string;
}

const ENTRIES: Record<string, string> = {
  'yaml-language-server': 'yaml-language-server/bin/yaml-language-server',
  '@stoplight/spectral-cli': '@stoplight/spectral-cli/dist/index.js',
  'ajv-cli': 'ajv-cli/dist/index.js',
};

/** The peer, or the reason it cannot be used. */
export function peer(name: keyof typeof ENTRIES | string): Peer | { missing: string } {
  const entry = join(MODULES, ENTRIES[name]);
  const pkg = join(MODULES, name, 'package.json');
  if (!existsSync(entry) || !existsSync(pkg)) return { missing: `${name} is not installed in bench/peers (run \`npm run bench\` once to install it)` };
  return { name, version: JSON.parse(readFileSync(pkg, 'utf8')).version, entry };
}

/** Installs the peers from bench/peers/package-lock.json when they are not there yet. */
export function installPeers(log: (s: string) => void): string | undefined {
  const wanted = JSON.parse(readFileSync(join(PEERS_DIR, 'package.json'), 'utf8')).dependencies as Record<string, string>;
  const ok = Object.entries(wanted).every(([n, v]) => {
    const p = peer(n);
    return 'version' in p && p.version === v;
  });
  if (ok) return undefined;
  log('Installing the peer tools into bench/peers/node_modules (first run only)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const lock = existsSync(join(PEERS_DIR, 'package-lock.json'));
  // No install scripts: nothing is downloaded beyond the packages themselves.
  const r = spawnSync(npm, [lock ? 'ci' : 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: PEERS_DIR, stdio: 'inherit' });
  if (r.status !== 0) return `npm could not install the peer tools (exit ${r.status ?? r.signal}).`;
  return undefined;
}

const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'markdownEnumDescriptions', 'enumDescriptions', 'x-qm2', '$comment', 'default', 'examples']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Our schema with every `$ref` written out in place and the annotations left out: Spectral resolves
 * `$ref`s against the ruleset file, not the schema, so the ruleset carries the schema whole.
 */
function inlined(schema: { definitions: Record<string, Json> } & Record<string, Json>): Json {
  const walk = (o: Json, inProperties = false): Json => {
    if (Array.isArray(o)) return o.map((x) => walk(x));
    if (o === null || typeof o !== 'object') return o;
    if (typeof o.$ref === 'string') {
      const m = /^#\/definitions\/(.+)$/.exec(o.$ref);
      if (!m) throw new Error(`Unexpected $ref ${o.$ref}`);
      const { $ref: _, ...rest } = o;
      void _;
      return walk({ ...(schema.definitions[m[1]] as Record<string, Json>), ...rest });
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(o)) {
      if (!inProperties && (ANNOTATIONS.has(k) || k === 'definitions' || k === '$id' || k === '$schema')) continue;
      out[k] = walk(v, k === 'properties' && !inProperties);
    }
    return out;
  };
  return walk(schema as Json);
}

export interface PeerInputs {
  /** Our schema, as shipped: what yaml-language-server is given. */
  schema: string;
  spectralRuleset: string;
  ajvSchema: string;
}

export function writePeerInputs(root: string, work: string): PeerInputs {
  const schemaFile = join(root, 'schemas', 'scr-case.schema.json');
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
  const spectralRuleset = join(work, 'spectral-ruleset.json');
  writeFileSync(spectralRuleset, JSON.stringify({
    rules: { 'scr-case-schema': { description: 'The case file follows schemas/scr-case.schema.json.', given: '$', severity: 'error', then: { function: 'schema', functionOptions: { schema: inlined(schema), dialect: 'draft7' } } } },
  }));
  // ajv-cli reads YAML as YAML 1.1 (js-yaml 3), where 2016-01-14 becomes a timestamp, not text.
  // So that it does not report every date, its copy of the schema also lets a date be an object.
  const forAjv = structuredClone(schema);
  forAjv.definitions.date = { ...forAjv.definitions.date, type: ['string', 'object'] };
  forAjv.definitions.nullableDate = { ...forAjv.definitions.nullableDate, type: ['string', 'null', 'object'] };
  const ajvSchema = join(work, 'ajv-schema.json');
  writeFileSync(ajvSchema, JSON.stringify(forAjv));
  return { schema: schemaFile, spectralRuleset, ajvSchema };
}
