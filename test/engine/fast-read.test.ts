// The fast reader (server/src/engine/fast-read.ts) must give exactly the tree and value `yaml`
// gives, or give up so that `yaml` reads the text. Checked on every example and fixture, whole and
// in the parts the section reader cuts; on a table of scalars and shapes; on what it must leave to
// `yaml`; and on random mutations of real files.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { isCollection, isMap, isNode, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, YAMLMap } from 'yaml';
import { caseFile } from '../../bench/generate';
import { readFast } from '../../server/src/engine/fast-read';
import { PARSE_OPTIONS } from '../../server/src/engine/parse-options';
import { readSections } from '../../server/src/engine/sections';
import { mutate, seeded } from '../fuzz/mutate';
import { shape } from '../helpers/yaml-shape';

const ROOT = join(__dirname, '..', '..');
const FILES = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort().map((f) => readFileSync(join(ROOT, f), 'utf8'));

/** The parts the section reader reads on its own (each list split into items): their texts, as it cuts them. */
function parts(text: string): string[] {
  const pieces = readSections(text, undefined, 0)?.pieces;
  return (pieces?.sections ?? []).flatMap((s) => [s.text, ...(s.items ?? []).map((i) => i.text)]);
}

/** Calls `f` on each node and pair of two trees of the same shape, side by side. */
function visit(a: unknown, f: (a: object, b: object) => void, b: unknown): void {
  if (!a || typeof a !== 'object') return;
  f(a, b as object);
  if (isMap(a) || isSeq(a)) a.items.forEach((x, i) => visit(x, f, (b as YAMLMap).items[i]));
  if (isPair(a) && isPair(b)) {
    visit(a.key, f, b.key);
    visit(a.value, f, b.value);
  }
}

/** Whether `text` was read fast; throws if the fast reading differs from `yaml`'s. */
function agrees(text: string): boolean {
  const fast = readFast(text);
  if (!fast) return false;
  const doc = parseDocument(text, PARSE_OPTIONS);
  assert.deepEqual([...doc.errors, ...doc.warnings].map((e) => e.message), [], `read fast, but yaml finds a slip in ${JSON.stringify(text)}`);
  assert.deepEqual(shape(fast.node), shape(doc.contents as Node | null), `the trees differ for ${JSON.stringify(text)}`);
  assert.deepEqual(fast.value, doc.toJS(), `the values differ for ${JSON.stringify(text)}`);
  return true;
}

describe('the fast reader', () => {
  it('reads every example and fixture, whole and in parts, exactly as yaml does', () => {
    let read = 0;
    let all = 0;
    for (const text of [...FILES, caseFile({ scale: 3, seed: 11 })]) {
      for (const t of [text, ...parts(text)]) {
        all++;
        if (agrees(t)) read++;
      }
    }
    assert.ok(all > 3000, `${all} texts`);
    // Only the unusual is left to yaml: most parts must be read fast.
    assert.ok(read / all > 0.95, `read fast: ${read} of ${all}`);
  });

  it('resolves plain scalars as YAML 1.2 does, and keeps the style of the others', () => {
    const values = ['0x1F', '0o17', '012', '+12', '-3', '1e3', '1.50', '.5', '.inf', '-.Inf', '.NaN', '~', 'null', 'NULL', 'True', 'FALSE', 'yes', 'on', '1_000', '0b11', '2016-01-14', 'a b', 'x:y'];
    for (const v of values) assert.ok(agrees(`a: ${v}\n`), v);
    const texts = [
      'a: "tab\\there \\u00e9"\nb: \'it\'\'s\'\n',
      'a: a long line\n  carried on\n\n  after a gap\nb: 1\n',
      'a: |\n  one\n   two\n\nb: >-\n  folded\n  text\n\n\nc: |+\n  kept\n\nd: 1\n',
      'a: { b: 1, c: [x, "y" , z ] }\nd: [ ]\ne: {}\n',
      'list:\n  - a\n  - - nested\n    - more\n  - k: v\n    # a note\n    j: w\n',
      'a:\n  b: 1\n  # trailing note\n\nc: 2\n',
      'a:   \nb: # not empty\n  c: 1\n',
      '',
      '# only a comment\n',
      'a: 1\r\nb:\r\n  - x\r\n',
    ];
    for (const t of texts) assert.ok(agrees(t), JSON.stringify(t));
  });

  it('makes nodes of yaml’s own kinds, which yaml’s checks, copies and edits treat as its own', () => {
    const text = 'a: 1\nb: [x, { c: d }]\nlist:\n  - k: v\n';
    const fast = readFast(text)!.node!;
    const own = parseDocument(text, PARSE_OPTIONS).contents!;
    const kinds = (n: unknown): string[] => {
      const k = [isNode(n) && 'node', isScalar(n) && 'scalar', isMap(n) && 'map', isSeq(n) && 'seq', isPair(n) && 'pair', isCollection(n) && 'collection'].filter(Boolean) as string[];
      const items = isMap(n) || isSeq(n) ? (n.items as unknown[]) : isPair(n) ? [n.key, n.value] : [];
      return [k.join('+'), n?.constructor?.name ?? String(n), ...items.flatMap(kinds)];
    };
    assert.deepEqual(kinds(fast), kinds(own));
    // No property of its own beyond those yaml's nodes show.
    const shown = (n: object) => Object.keys(n).sort();
    visit(fast, (n, o) => assert.deepEqual(shown(n), shown(o)), own);
    // A copy keeps its kind, and an edit through yaml's own methods works.
    const copy = (fast as YAMLMap).clone() as YAMLMap;
    assert.ok(isMap(copy) && isScalar(copy.items[0].value) && isSeq(copy.get('b', true)));
    copy.set('e', 2);
    assert.deepEqual(copy.toJSON(), { a: 1, b: ['x', { c: 'd' }], list: [{ k: 'v' }], e: 2 });
  });

  it('leaves to yaml what it does not read itself', () => {
    const unusual = {
      'an anchor and an alias': 'a: &x 1\nb: *x\n',
      'a tag': 'a: !custom 1\n',
      'a key written twice': 'a: 1\na: 2\n',
      'a key that is not a string': '1: a\n',
      'a null key': '~: a\n',
      'the __proto__ key': '__proto__: 1\n',
      'a merge key': '<<: 1\n',
      'an explicit key': '? a\n: 1\n',
      'a directive': '%YAML 1.2\n---\na: 1\n',
      'two documents': 'a: 1\n---\nb: 2\n',
      'a document end marker': 'a: 1\n...\n',
      'a byte-order mark': '\uFEFFa: 1\n',
      'a carriage return alone': 'a: 1\rb: 2\n',
      'a tab in an indentation': 'a:\n\tb: 1\n',
      'a block scalar with an indentation indicator': 'a: |2\n   x\n',
      'an empty value with a comment': 'a: # to come\nb: 1\n',
      'an empty value then a comment line': 'a:\n  b:\n  # to come\n  c: 1\n',
      'a comment indented under a value': 'a: 1\n   # about a\nb: 2\n',
      'an empty list item': '- a\n-\n',
      'brackets that run on over a line break': 'a: { b: c\n  }\n',
      'a syntax slip': 'a: [1, 2\nb: 3\n',
      'a key with two colons': 'a: b: c\n',
    };
    for (const [what, text] of Object.entries(unusual)) assert.equal(readFast(text), undefined, what);
  });

  it('never reads a mutated file differently from yaml', () => {
    const tokens = [' ', '\n', '  ', ': ', '- ', '#', ' #', '"', "'", '{', '}', '[', ']', ',', '|', '>', '|-', '>+', '\\', '&x ', '*x', '!!str ', '? ', '---\n', '0x1F', '.inf', '~'];
    fc.assert(
      fc.property(fc.nat(FILES.length - 1), fc.nat(), fc.boolean(), fc.nat(tokens.length - 1), fc.nat(), (i, seed, part, token, at) => {
        const all = part ? parts(FILES[i]) : [FILES[i]];
        let text = mutate(all[seed % all.length] ?? FILES[i], seeded(seed)).text;
        const where = at % (text.length + 1);
        text = text.slice(0, where) + tokens[token] + text.slice(where);
        agrees(text);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });
});
