import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isCollection, isScalar, parseDocument, stringify, visit } from 'yaml';
import { globSync } from 'tinyglobby';
import { fixAll } from '../../server/src/engine/actions';
import { CaseDoc } from '../../server/src/engine/document';
import { applyEdits, indentUnit } from '../../server/src/engine/fixes';
import { DIRECTION_CONTROL } from '../../server/src/engine/text';
import type { TextEdit } from '../../server/src/engine/types';
import { analyseFixture, comments, readFixture, type Fixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const FILES = globSync(['examples/*.scr.yaml', 'test/fixtures/rules/**/*.scr.yaml', 'test/fixtures/dossier/*.scr.yaml'], { cwd: ROOT }).sort();

/** Every scalar the user wrote, with where it stands. */
function scalars(text: string): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  const doc = new CaseDoc(text);
  if (!doc.yaml) return out;
  visit(doc.yaml, {
    Scalar(_, node) {
      if (isScalar(node) && node.range && node.value !== null) out.push({ value: String(node.value), start: node.range[0], end: node.range[1] });
    },
  });
  return out;
}

/**
 * Checks that `fixed` kept everything of `f.text` that the edits did not touch, and broke nothing.
 * `choice`: the fix is one of several values offered for one finding (`known`, `suspected`,
 * `not-suspected`), not the one preferred: picking it changes what the record says, and the checks
 * may rightly find the record then disagrees with itself, so new findings are not held against it.
 */
function assertSafe(f: Fixture, edits: readonly TextEdit[], what: string, choice = false): void {
  const fixed = applyEdits(f.text, edits);
  const before = analyseFixture(f);
  const after = analyseFixture(f, fixed);
  if (before.doc.syntax.length === 0) assert.equal(after.doc.syntax.length, 0, `${what}: the file still parses\n${fixed}`);
  const kept = comments(fixed);
  const lines = f.text.split('\n');
  let offset = 0;
  for (const line of lines) {
    const start = offset;
    offset += line.length + 1;
    const c = comments(line)[0];
    // A fix may edit a comment only when the comment is what it fixes (a stale or misspelt waiver).
    if (!c || edits.some((e) => e.span.start < offset && start <= e.span.end && /scr-waive/.test(c))) continue;
    // A note that was meant as text (`meeting #2`, comment-in-text) is put into the text, word for
    // word; a real note after it (` # …`) stays a note.
    const words = c.replace(/\s+#(\s.*)?$/, '');
    if (edits.some((e) => e.span.start < offset && start <= e.span.end && /^#[\p{L}\p{N}]/u.test(c) && e.newText.includes(words))) {
      const note = c.slice(words.length).trim();
      assert.ok(!note || kept.some((k) => k.endsWith(note)), `${what}: the note after the text is kept: ${note}`);
      continue;
    }
    // Characters that change the text direction (text-direction) are taken out of a note, which is otherwise kept.
    const plain = c.replace(new RegExp(DIRECTION_CONTROL.source, 'g'), '');
    if (plain !== c && edits.every((e) => e.newText === '' && DIRECTION_CONTROL.test(f.text.slice(e.span.start, e.span.end))) && kept.includes(plain)) continue;
    assert.ok(kept.includes(c), `${what}: comment kept: ${c}`);
  }
  const remaining = scalars(fixed).map((s) => s.value);
  for (const s of scalars(f.text)) {
    if (edits.some((e) => e.span.start < s.end && s.start < e.span.end)) continue; // the scalar the fix replaces
    const i = remaining.indexOf(s.value);
    assert.ok(i >= 0, `${what}: the value “${s.value}” is kept`);
    remaining.splice(i, 1);
  }
  if (choice) return;
  const newErrors = after.findings.filter((x) => x.severity === 'error' && !before.findings.some((y) => y.rule === x.rule && y.message === x.message));
  assert.deepEqual(newErrors.map((x) => `${x.rule}: ${x.message}`), [], `${what}: no new error\n${fixed}`);
}

/**
 * The same file with every list and section from `depth` levels down written in brackets (flow
 * style: `case: {reference: …}`, `- {id: csc, …}`), where YAML allows no indented lines: a fix
 * there must write in brackets too. Comments go with the layout; values are kept.
 */
function inBrackets(text: string, depth: number): string | undefined {
  const d = parseDocument(text);
  if (d.errors.length) return undefined;
  visit(d, {
    Collection(_, node, path) {
      if (path.filter((p) => isCollection(p)).length >= depth) node.flow = true;
    },
  });
  return d.toString({ lineWidth: 0 });
}

/** Each fixture as written, then in brackets from the top-level sections down, then from one level below. */
function variants(file: string): { name: string; f: Fixture }[] {
  const f = readFixture(join(ROOT, file));
  const out = [{ name: file, f }];
  for (const depth of [1, 2]) {
    const text = inBrackets(f.text, depth);
    if (text !== undefined) out.push({ name: `${file} in brackets from level ${depth}`, f: { ...f, text } });
  }
  return out;
}

describe('quick fixes are safe on every fixture and example', () => {
  it('has files to try', () => assert.ok(FILES.length > 100));
  for (const { name: file, f } of FILES.flatMap(variants)) {
    const a = analyseFixture(f);
    const open = a.findings.filter((x) => !x.waived);
    if (!open.some((x) => x.fixes.length)) continue;
    it(`${file}: every fix`, () => {
      for (const finding of open) {
        for (const fx of finding.fixes) {
          assertSafe(f, fx.edits, `${finding.rule} / ${fx.title}`, !fx.preferred && finding.fixes.length > 1);
          const after = analyseFixture(f, applyEdits(f.text, fx.edits));
          const count = (xs: typeof open) => xs.filter((x) => x.rule === finding.rule && !x.waived).length;
          assert.ok(count(after.findings) < count(open), `${finding.rule} / ${fx.title}: the finding is cleared`);
        }
      }
    });
    it(`${file}: fix all`, () => {
      const { edits, fixes } = fixAll(a.doc, a.findings);
      assertSafe(f, edits, 'fix all');
      const after = analyseFixture(f, applyEdits(f.text, edits));
      const fixedRules = new Set(open.filter((x) => x.fixes.some((fx) => fixes.includes(fx))).map((x) => x.rule));
      // A corrected waiver can be left with nothing to waive when fix-all also fixes what it was for.
      fixedRules.delete('waiver-unused');
      for (const rule of fixedRules) {
        const n = (xs: typeof open) => xs.filter((x) => x.rule === rule && !x.waived).length;
        assert.ok(n(after.findings) < n(open), `fix all clears ${rule} findings`);
      }
    });
  }
});

describe('a file indented by four spaces', () => {
  const base = readFixture(join(__dirname, '..', 'fixtures', 'base.scr.yaml'));
  // The same case, every level four spaces in, with no address history and nothing passed on.
  const value = parseDocument(base.text).toJS() as Record<string, Record<string, unknown>>;
  delete value.family;
  delete value.decision.communicated;
  const four = stringify(value, { indent: 4, indentSeq: true, lineWidth: 0 });

  it('is seen to be indented by four', () => {
    assert.equal(indentUnit(new CaseDoc(four)), 4);
    assert.equal(indentUnit(new CaseDoc(base.text)), 2);
  });

  it('keeps its four spaces in what every fix adds', () => {
    const f = { ...base, text: four };
    const a = analyseFixture(f);
    let checked = 0;
    for (const finding of a.findings) {
      for (const fx of finding.fixes) {
        const fixed = applyEdits(four, fx.edits);
        const added = fixed.split('\n').filter((l) => !four.split('\n').includes(l) && l.trim());
        for (const l of added) {
          const indent = l.length - l.trimStart().length;
          // Keys stand at steps of four; the keys of a list entry two in, after its dash.
          assert.ok(indent % 4 === 0 || (indent - 2) % 4 === 0 && !l.trimStart().startsWith('-'), `${fx.title}: ${JSON.stringify(l)}\n${fixed}`);
        }
        if (added.length > 1) checked++;
      }
    }
    assert.ok(checked >= 2, `fixes that add several lines were tried (${checked})`);
    const history = a.findings.find((x) => x.rule === 'address-history')!.fixes[0];
    assert.match(applyEdits(four, history.edits), /\nfamily:\n {4}addresses:\n {8}- board: Northshire LSCB\n {10}from: /);
  });
});
