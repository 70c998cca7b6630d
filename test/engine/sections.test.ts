// Reading a case file section by section (and reusing unchanged sections of the last version)
// must give exactly what reading the whole file gives: the same value, the same tree, the same
// positions, the same findings. Checked on every example and fixture, on generated long files,
// on random mutations of them, and along random sequences of edits.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { isMap, isScalar, parseAllDocuments, parseDocument, visit } from 'yaml';
import type { Node, Pair } from 'yaml';
import { caseFile } from '../../bench/generate';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { CaseDoc, textForYaml } from '../../server/src/engine/document';
import { PARSE_OPTIONS } from '../../server/src/engine/parse-options';
import { readSections, replaceMissingAliases, sectionStarts } from '../../server/src/engine/sections';
import { mutate, seeded } from '../fuzz/mutate';
import { shape } from '../helpers/yaml-shape';
import { setAside } from '../../server/src/engine/slips/layout';

const ROOT = join(__dirname, '..', '..');
const FILES = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT }).sort().map((f) => readFileSync(join(ROOT, f), 'utf8'));
const LONG = [caseFile({ scale: 1, seed: 7 }), caseFile({ scale: 10, seed: 8 })];
const today = parseDate('2017-01-31');

/**
 * Asserts that the CaseDoc reads `text` as a whole-file parse does; or, for a file of sections
 * with a slip, as `yaml` reads each section on its own (the first of a key written twice). Either
 * way an alias to nothing stands as the text written (replaceMissingAliases).
 */
function sameAsWhole(doc: CaseDoc, written: string): void {
  // As the CaseDoc does: a carriage return alone is a line end for the reader too.
  // …and the lines it sets aside (text pasted at the margin below a value) are read as notes.
  let text = textForYaml(written);
  text = setAside(text, doc.setAside);
  const starts = sectionStarts(text);
  if (doc.recovered && starts) {
    const expected: string[] = [];
    const value: Record<string, unknown> = {};
    let n = 0;
    starts.forEach((start, i) => {
      const partText = text.slice(start, starts[i + 1] ?? text.length);
      const part = parseDocument(partText, PARSE_OPTIONS);
      replaceMissingAliases(part, partText);
      const pair = isMap(part.contents) && !part.contents.flow ? (part.contents.items[0] as Pair | undefined) : undefined;
      const key = pair?.key;
      // The section's own key: at its start, or after the comments that open the file.
      if (!isScalar(key) || typeof key.value !== 'string' || key.range?.[0] !== text.slice(start).search(/^[A-Za-z_]/m) || key.value in value) return;
      visit(part, { Node: (_, node) => void (node.range &&= [node.range[0] + start, node.range[1] + start, node.range[2] + start]) });
      shape(pair, `[${n++}]`, expected);
      try {
        value[key.value] = (part.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>)[key.value];
      } catch {
        value[key.value] = undefined;
      }
    });
    assert.deepEqual(shape(doc.root).slice(1), expected);
    assert.deepEqual(doc.value, value);
    return;
  }
  const whole = parseAllDocuments(text, PARSE_OPTIONS);
  const first = Array.isArray(whole) ? whole[0] : undefined;
  if (first) replaceMissingAliases(first, text);
  assert.deepEqual(shape(doc.root), shape(first?.contents as Node | undefined));
  let value: unknown;
  try {
    value = first?.toJS({ maxAliasCount: 1000 });
  } catch {
    return; // too many aliases: the file has no value to compare
  }
  if (first && first.errors.length === 0) assert.deepEqual(doc.value, value);
}

describe('reading a file section by section', () => {
  it('finds the top-level sections, with comments and blank lines kept in the section above', () => {
    assert.deepEqual(sectionStarts('# head\ncase:\n  a: 1\n\n# note\nagencies:\n  - x\n'), [0, 28]);
    assert.equal(sectionStarts('- a\n- b\n'), undefined, 'a list at the top');
    assert.equal(sectionStarts('a: 1\n---\nb: 2\n'), undefined, 'two documents');
    assert.equal(sectionStarts('a: 1\nplain text\n'), undefined, 'text at the margin');
    assert.equal(sectionStarts('"a": 1\n'), undefined, 'a quoted key');
    assert.equal(sectionStarts('# only a comment\n'), undefined);
  });

  it('falls back to a whole read where the result could differ', () => {
    assert.equal(readSections('a: 1\nb: [1, 2\nc: 3\n')?.yaml, undefined, 'a syntax error');
    assert.equal(readSections('a: &x 1\nb: *x\n')?.yaml, undefined, 'an alias across sections');
    assert.equal(readSections('a: 1\na: 2\n')?.yaml, undefined, 'a key written twice');
    assert.equal(readSections('__proto__: 1\n')?.yaml, undefined);
    assert.ok(readSections('a: 1\nb:\n  - c\n')?.yaml);
  });

  it('gives the whole-file tree, positions and value for every example and fixture', () => {
    let sectioned = 0;
    for (const text of [...FILES, ...LONG]) {
      const doc = new CaseDoc(text);
      sameAsWhole(doc, text);
      if (readSections(text)?.yaml) sectioned++;
    }
    assert.ok(sectioned > FILES.length / 2, `most files are read section by section (${sectioned})`);
  });

  it('reads long lists an item at a time, with the same tree, positions and value', () => {
    let split = 0;
    for (const text of [...FILES, ...LONG]) {
      const read = readSections(text, undefined, 0);
      if (!read?.yaml) continue;
      split += read.pieces.sections.filter((s) => s.items).length;
      const whole = parseAllDocuments(text, PARSE_OPTIONS);
      const first = Array.isArray(whole) ? whole[0] : undefined;
      assert.deepEqual(shape(read.yaml.contents as Node), shape(first?.contents as Node | undefined));
      assert.deepEqual(read.value, first?.toJS());
    }
    assert.ok(split > 20, `lists were read an item at a time (${split})`);
    assert.ok(readSections(LONG[1])!.pieces.sections.some((s) => s.items), 'a long file\'s long lists, by default');
  });

  it('gives the whole-file tree for random mutations of them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FILES.length - 1 }), fc.integer(), (i, seed) => {
        const text = mutate(FILES[i], seeded(seed)).text;
        sameAsWhole(new CaseDoc(text), text);
      }),
      { numRuns: 400 },
    );
  });

  it('reusing the last version after a line is pasted at the margin keeps the keys after it (a case the property test found)', () => {
    let text = readFileSync(join(ROOT, 'test/fixtures/rules/local-learning/pass-learning.scr.yaml'), 'utf8');
    let doc = new CaseDoc(text);
    const edits: [number, number, string][] = [[0, 0, 'x'], [0, 7, '- '], [906474019, 18, ' '], [0, 9, '\n  '], [42462867, 6, '- '], [413126110, 19, '\n'], [0, 0, 'x']];
    for (const [at, length, insert] of edits) {
      const start = at % (text.length + 1);
      text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
      const next = new CaseDoc(text, doc);
      sameAsWhole(next, text);
      assert.deepEqual(next.value, new CaseDoc(text).value);
      doc = next;
    }
  });

  it('reusing the last version gives the same tree, value and findings as reading afresh, edit after edit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FILES.length + LONG.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom('x', ' ', '\n', '\n  ', 'a: 1\n', '#', '', ':', '- ')), { minLength: 1, maxLength: 8 }), (i, edits) => {
        let text = [...FILES, ...LONG][i];
        let doc = new CaseDoc(text);
        for (const [at, length, insert] of edits) {
          const start = at % (text.length + 1);
          text = text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
          const next = new CaseDoc(text, doc);
          sameAsWhole(next, text);
          const fresh = analyseText(text, { today });
          const reused = analyseText(text, { today, doc: next });
          assert.deepEqual(reused.findings, fresh.findings);
          assert.deepEqual(reused.checklist, fresh.checklist);
          doc = next;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reusing sections and list items a line at a time gives the whole-file tree, edit after edit', () => {
    let steps = 0;
    let sectioned = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: FILES.length + LONG.length - 1 }), fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom('x', ' ', '\n', '\n  ', '\n  - a\n', '  - b: 1\n', 'a: 1\n', '#', '', ':', '- ', '  # c\n', '      # c\n', '# c\n', '\n\n', 'k:\n', '  ', '|\n', '"', '&a ', '*a'), fc.boolean()), { minLength: 1, maxLength: 10 }), (i, edits) => {
        let text = [...FILES, ...LONG][i];
        let pieces = readSections(text, undefined, 0)?.pieces;
        for (const [at, length, insert, byLine] of edits) {
          let start = at % (text.length + 1);
          let end = Math.min(text.length, start + length);
          if (byLine) {
            // Most edits a person makes keep the file readable: typing at the end of a line, or
            // adding or removing a whole line.
            start = text.lastIndexOf('\n', start - 1) + 1;
            const lineEnd = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
            if (insert.endsWith('\n')) end = length % 3 === 0 ? Math.min(text.length, lineEnd + 1) : start;
            else start = end = lineEnd;
          }
          text = text.slice(0, start) + insert + text.slice(end);
          const read = readSections(text, pieces, 0);
          steps++;
          if (read?.yaml) {
            sectioned++;
            const whole = parseAllDocuments(text, PARSE_OPTIONS);
            const first = Array.isArray(whole) ? whole[0] : undefined;
            assert.deepEqual(shape(read.yaml.contents as Node), shape(first?.contents as Node | undefined));
            assert.deepEqual(read.value, first?.toJS());
          }
          pieces = read?.pieces;
        }
      }),
      { numRuns: Number(process.env.SCR_SECTION_RUNS ?? 300) },
    );
    assert.ok(sectioned > steps / 10, `many of the edited files were read by sections (${sectioned} of ${steps})`);
  });

  it('keeps what it could read while the file is broken, and reuses it once the file is mended', () => {
    const text = LONG[1];
    const list = text.indexOf('\nagencies:\n');
    let third = list;
    for (let k = 0; k < 3; k++) third = text.indexOf('\n  - ', third + 1);
    const broken = `${text.slice(0, third)}\n    note: "never closed${text.slice(third)}`;
    const first = new CaseDoc(text);
    const unchanged = first.node(['agencies', 0]);
    const whileBroken = new CaseDoc(broken, first);
    assert.ok(whileBroken.syntax.length > 0, 'the slip is reported');
    assert.ok(whileBroken.get(['agencies']), 'and the file is still read whole');
    const mended = new CaseDoc(text, whileBroken);
    assert.equal(mended.syntax.length, 0);
    assert.equal(mended.node(['agencies', 0]), unchanged, 'an item read before the slip is reused after it');
    sameAsWhole(mended, text);
  });

  it('finds what is typed into a long file, and forgets it when it is taken out again', () => {
    const text = LONG[1];
    const line = text.indexOf('\n    involvement:', text.indexOf('\nagencies:'));
    const at = text.indexOf('\n', line + 1) + 1;
    const withNumber = `${text.slice(0, at)}    note: Her NHS number is 943 476 5919.\n${text.slice(at)}`;
    assert.ok(readSections(withNumber)?.yaml, 'the edited file is read by parts');
    const personal = (t: string, doc: CaseDoc) => analyseText(t, { today, doc }).findings.filter((f) => f.rule === 'personal-data').length;
    const first = new CaseDoc(text);
    const before = personal(text, first);
    const second = new CaseDoc(withNumber, first);
    assert.equal(personal(withNumber, second), before + 1, 'the number typed in is found');
    const third = new CaseDoc(text, second);
    assert.equal(personal(text, third), before, 'and no longer found once removed');
  });

  it('re-reads only the section that changed', () => {
    const text = LONG[1];
    const before = new CaseDoc(text);
    const edited = `# A note added at the top.\n${text}`;
    const after = new CaseDoc(edited, before);
    const agencies = (d: CaseDoc) => d.node(['agencies']);
    assert.ok(agencies(after));
    assert.equal(agencies(after), agencies(before), 'the agencies section is the same object, moved');
    sameAsWhole(after, edited);
  });
});
