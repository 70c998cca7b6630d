// The `personal-data` rule measured on a labelled corpus (test/privacy/corpus.ts): precision and
// recall by kind of identifier, printed as a table. `npm run privacy:report` prints the same
// table in Markdown, for the README.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyseText } from '../../server/src/engine/analyse';
import { parseDate } from '../../server/src/engine/dates';
import { findIdentifiers, IDENTIFIER_KINDS, nhsCheckDigitValid } from '../../server/src/engine/privacy';
import { asCaseFile, buildCorpus, corpusSummary, details, KIND_NAMES, measure, textTable } from './corpus';

/** What the rule must reach on the corpus (the figures it reaches are in the README). */
const OVERALL = { recall: 0.95, precision: 0.98 };
const PER_KIND = { recall: 0.9, precision: 0.95 };

const corpus = buildCorpus();
const result = measure(corpus);

describe('the personal-data rule on the labelled corpus', () => {
  it('is built the same on every run, with at least 3,000 sentences balanced across kinds', () => {
    assert.deepEqual(buildCorpus(), corpus);
    assert.ok(corpus.length >= 3000, `${corpus.length} sentences`);
    for (const kind of IDENTIFIER_KINDS) {
      const labelled = result.byKind[kind].labelled;
      assert.ok(labelled >= 300, `${kind}: ${labelled} identifiers`);
      assert.ok(corpus.filter((i) => i.role === 'look-alike' && i.kind === kind).length >= 150, `${kind}: look-alikes`);
    }
  });

  it('labels the exact text of each identifier, and only invented numbers', () => {
    for (const item of corpus) {
      for (const span of item.spans) {
        assert.equal(item.text.slice(span.start, span.end), span.text, item.text);
        if (span.kind === 'nhs-number') assert.match(span.text.replace(/\D/g, ''), /^999\d{7}$/, 'NHS numbers come from the range kept for testing');
        if (span.kind === 'phone' && !/\./.test(span.text)) {
          const national = span.text.replace(/^(\+44|0044)/, '0').replace(/\D/g, '').replace(/^00/, '0');
          assert.match(national, /^(07700900|01632960|0207946|01[1-9][1-9]4960|01914980|02920180)\d+$/, `${span.text}: a drama number`);
        }
        if (span.kind === 'email') assert.match(span.text, /example/i, span.text);
      }
      if (item.role === 'positive' && item.kind === 'nhs-number' && !item.form.includes('not looked for')) {
        assert.ok(nhsCheckDigitValid(item.spans[0].text.replace(/\D/g, '')), item.text);
      }
    }
    // The numbers that must fail the check do.
    for (const item of corpus.filter((i) => i.form === 'ten digits failing the check')) {
      for (const n of item.text.match(/\d[\d -]{8,}\d/g) ?? []) assert.ok(!nhsCheckDigitValid(n), item.text);
    }
  });

  it('prints precision and recall by kind', (t) => {
    for (const line of [corpusSummary(result), '', ...textTable(result).split('\n')]) t.diagnostic(line);
    const misses = details(result, 12);
    if (misses) for (const line of misses.split('\n')) t.diagnostic(line);
  });

  it(`finds at least ${OVERALL.recall * 100}% of identifiers overall, with at least ${OVERALL.precision * 100}% precision`, () => {
    const why = `\n${textTable(result)}\n${details(result, 20)}`;
    assert.ok(result.overall.recall >= OVERALL.recall, `recall ${result.overall.recall}${why}`);
    assert.ok(result.overall.precision >= OVERALL.precision, `precision ${result.overall.precision}${why}`);
  });

  for (const kind of IDENTIFIER_KINDS) {
    it(`finds at least ${PER_KIND.recall * 100}% of each kind, with at least ${PER_KIND.precision * 100}% precision: ${KIND_NAMES[kind]}`, () => {
      const score = result.byKind[kind];
      const why = `\n${textTable(result)}\n${details(measure(corpus.filter((i) => i.spans.some((s) => s.kind === kind) || i.kind === kind)), 20)}`;
      assert.ok(score.recall >= PER_KIND.recall, `recall ${score.recall}${why}`);
      assert.ok(score.precision >= PER_KIND.precision, `precision ${score.precision}${why}`);
    });
  }

  it('is what the rule itself reports, at the same places, when the sentences stand in a case file', () => {
    const { text, offsets } = asCaseFile(corpus);
    const findings = analyseText(text, { today: parseDate('2017-01-31') }).findings.filter((f) => f.rule === 'personal-data');
    const byItem = corpus.map(() => [] as { start: number; end: number }[]);
    for (const f of findings) {
      // The item whose text holds the finding: the last that starts at or before it.
      let lo = 0;
      let hi = offsets.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (offsets[mid] <= f.span.start) lo = mid;
        else hi = mid - 1;
      }
      byItem[lo].push({ start: f.span.start - offsets[lo], end: f.span.end - offsets[lo] });
    }
    corpus.forEach((item, i) => {
      const expected = findIdentifiers(item.text).map(({ start, end }) => ({ start, end }));
      assert.deepEqual(byItem[i], expected, item.text);
    });
    assert.equal(findings.length, result.overall.detections);
  });
});
