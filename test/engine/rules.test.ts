import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { globSync } from 'tinyglobby';
import { ALL_RULES } from '../../server/src/engine/rules/index';
import { applyEdits } from '../../server/src/engine/fixes';
import { analyseText, dossierEntry } from '../../server/src/engine/analyse';
import { CaseDoc } from '../../server/src/engine/document';
import { DIRECTION_CONTROL } from '../../server/src/engine/text';
import { analyseFixture, comments, linesOf, readFixture, type Fixture } from '../helpers/fixtures';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

/** The rule ids the spec lists (and the one we add), so that a rule missing from the registry fails here. */
const SPEC_IDS = [
  'yaml-syntax', 'schema', 'invalid-date', 'date-order', 'unknown-agency', 'duplicate-id',
  'agency-contact', 'context-gathered', 'minimum-data-requested', 'minimum-data-outstanding', 'key-agency-missing',
  'neighbouring-check', 'neighbouring-check-outstanding', 'address-history', 'inter-agency-discussion',
  'unexplained-delay', 'notification-timeliness', 'independent-challenge', 'criteria-evidence', 'criteria-incomplete',
  'criteria-consistency', 'lead-board', 'decision-rationale', 'review-nature', 'local-learning', 'member-agency-input',
  'considerations-weighed', 'decision-communicated', 'personal-data', 'waiver-reason', 'waiver-unused',
  // Beyond the spec's list: the words a quick fix leaves to replace, so that a fix never makes a
  // QM2 question look met (the README and the rule's page say so).
  'to-complete',
  // And text cut short by a # that starts a note (`meeting #2`), which YAML drops without a word.
  'comment-in-text',
  // And an invisible character that changes the direction text is shown in (U+202E), which can
  // make text be shown otherwise than it is written.
  'text-direction',
];

function fixturesOf(id: string): Fixture[] {
  const dir = join(FIXTURES, id);
  if (!existsSync(dir)) return [];
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.scr.yaml')).sort().map((f) => readFixture(join(dir, f)));
  // The files of one folder form a dossier, for the rules that look across files.
  const dossier = fixtures.flatMap((f) => dossierEntry(f.path, new CaseDoc(f.text)) ?? []);
  for (const f of fixtures) f.options.dossier = dossier;
  return fixtures;
}

describe('one problem, one finding', () => {
  it('no format finding (schema, invalid-date) shares its line with another rule’s finding, in any fixture or example', () => {
    const files = globSync(['examples/*.scr.yaml', 'test/fixtures/**/*.scr.yaml'], { cwd: ROOT });
    const twice: string[] = [];
    for (const file of files) {
      const a = analyseFixture(readFixture(join(ROOT, file)));
      const open = a.findings.filter((f) => !f.waived);
      const lineOf = (f: { span: { start: number } }) => a.doc.lines.lineOf(f.span.start);
      for (const s of open.filter((f) => f.rule === 'schema' || f.rule === 'invalid-date')) {
        // Personal data is a different problem that may stand in the same value.
        for (const o of open) if (o.rule !== s.rule && o.rule !== 'personal-data' && lineOf(o) === lineOf(s)) twice.push(`${file}:${lineOf(s) + 1}: ${s.rule} and ${o.rule}`);
      }
    }
    assert.ok(files.length > 150);
    assert.deepEqual(twice, []);
  });
});

describe('the order of findings', () => {
  it('follows the file, and where several stand at one place, the most serious come first', () => {
    // A file with nothing but its version: every missing section is reported on its first line.
    const a = analyseText('scr: 1\n', { today: 17000 });
    const severities = a.findings.map((f) => f.severity);
    assert.ok(new Set(severities).size >= 3, severities.join(', '));
    const rank = { error: 0, warning: 1, info: 2, hint: 3 };
    assert.deepEqual(severities, [...severities].sort((x, y) => rank[x] - rank[y]));
    assert.equal(new Set(a.findings.map((f) => f.span.start)).size, 1);
  });
});

describe('every rule in the spec', () => {
  it('is registered, once, with its metadata', () => {
    const ids = ALL_RULES.map((r) => r.id);
    assert.deepEqual([...ids].sort(), [...SPEC_IDS].sort());
    for (const r of ALL_RULES) {
      assert.ok(r.title && r.description, `${r.id} has a title and description`);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.severity));
    }
  });
  for (const id of SPEC_IDS) {
    it(`${id} has a documentation page with the expected sections`, () => {
      const page = join(ROOT, 'docs', 'rules', `${id}.md`);
      assert.ok(existsSync(page), `docs/rules/${id}.md exists`);
      const text = readFileSync(page, 'utf8');
      assert.match(text, new RegExp(`^# ${id}:`));
      for (const h of ['## Why it matters', '## What good looks like', '## Example that is reported', '## Example that passes', '## How to fix it', '## Waiving it']) {
        assert.ok(text.includes(h), `docs/rules/${id}.md has "${h}"`);
      }
    });
    it(`${id} has fixtures that trigger it and fixtures that do not`, () => {
      const fixtures = fixturesOf(id);
      assert.ok(fixtures.some((f) => f.expected.has(id)), `test/fixtures/rules/${id}/ has a file marked "# expect: ${id}"`);
      assert.ok(fixtures.some((f) => !f.expected.has(id)), `test/fixtures/rules/${id}/ has a file that must not trigger it`);
    });
  }

  it('a rule page tied to QM2 questions names no other question (a slip such as "question 2" for question 3)', () => {
    const slips: string[] = [];
    for (const r of ALL_RULES.filter((x) => x.questions.length > 0)) {
      const text = readFileSync(join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
      for (const m of text.matchAll(/\bquestion (\d)\b/g)) {
        if (!(r.questions as number[]).includes(Number(m[1]))) slips.push(`docs/rules/${r.id}.md: "${m[0]}" (the rule's: ${r.questions.join(', ')})`);
      }
    }
    assert.deepEqual(slips, []);
  });
});

for (const id of SPEC_IDS) {
  describe(`rule ${id}`, () => {
    for (const f of fixturesOf(id)) {
      it(`${f.name}: findings where the markers say`, () => {
        const a = analyseFixture(f);
        for (const rule of new Set([id, ...f.expected.keys()])) {
          assert.deepEqual(linesOf(a, rule), f.expected.get(rule) ?? [], `${rule} in ${f.name}:\n${a.findings.filter((x) => x.rule === rule).map((x) => `  ${a.doc.lines.positionAt(x.span.start).line + 1}: ${x.message}`).join('\n')}`);
        }
        for (const x of a.findings.filter((x) => x.rule === id)) {
          assert.ok(x.message.length > 20 && !/must have required property|must be equal to/.test(x.message), `a plain message: ${x.message}`);
        }
      });
      const a = analyseFixture(f);
      a.findings.filter((x) => x.rule === id && !x.waived).forEach((finding, n) => {
        finding.fixes.forEach((fx) => {
          it(`${f.name}: fix "${fx.title}" for finding ${n + 1} clears it and breaks nothing`, () => {
            const fixed = applyEdits(f.text, fx.edits);
            const b = analyseFixture(f, fixed);
            assert.equal(b.findings.filter((x) => x.rule === 'yaml-syntax').length, 0, `still valid YAML:\n${fixed}`);
            const before = a.findings.filter((x) => x.rule === id && !x.waived).length;
            const after = b.findings.filter((x) => x.rule === id && !x.waived).length;
            assert.ok(after < before, `the finding is gone (${before} → ${after}):\n${fixed}`);
            const newErrors = b.findings.filter((x) => x.severity === 'error' && !a.findings.some((y) => y.rule === x.rule && y.message === x.message));
            assert.deepEqual(newErrors.map((x) => `${x.rule}: ${x.message}`), [], `no new error:\n${fixed}`);
            const kept = comments(fixed);
            for (const c of comments(f.text)) {
              // Removing a stale waiver, or putting the colon in one, is the fix; the reason stays.
              if (id === 'waiver-unused' && /scr-waive/.test(c)) continue;
              if (id === 'waiver-reason' && /scr-waive/.test(c)) {
                assert.ok(kept.includes(c.replace(/(scr-waive\s+[\w-]+)\s/, '$1: ')), `waiver mended, its reason kept: ${c}`);
                continue;
              }
              // A note that was meant as text is put into the text, word for word.
              if (id === 'comment-in-text' && !kept.includes(c)) {
                const words = c.replace(/\s+#\s.*$/, '');
                const note = c.slice(words.length).trim();
                assert.ok(fixed.includes(`${words}"`) || fixed.includes(`${words}'`), `the note's words are now text, in quotes: ${c}`);
                if (note) assert.ok(kept.some((k) => k.endsWith(note)), `the real note after it is kept: ${c}`);
                continue;
              }
              // A character that changes the text direction is taken out of a note; the rest stays.
              if (id === 'text-direction' && !kept.includes(c)) {
                assert.ok(kept.includes(c.replace(new RegExp(DIRECTION_CONTROL.source, 'g'), '')), `the note kept, but for those characters: ${c}`);
                continue;
              }
              assert.ok(kept.includes(c), `comment kept: ${c}`);
            }
          });
        });
      });
    }
  });
}
