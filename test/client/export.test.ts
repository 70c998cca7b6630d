import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeMarkdown, renderHtml, renderMarkdown } from '../../client/src/export/render';
import { localIsoDate, longDate, problemsInWords, testInWords, timingInWords } from '../../client/src/words';
import { checklistWithNotedFinding, hostileChecklist } from './sample';

const ctx = { file: 'a.scr.yaml', exportedOn: '2016-03-01' };

test('the HTML export escapes every piece of case text and runs nothing', () => {
  const html = renderHtml(hostileChecklist(), ctx);
  assert.doesNotMatch(html, /<img|<script|onerror="/i);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt;/);
  assert.match(html, /default-src 'none'/);
  assert.match(html, /<h1>QM2 checklist: REF-1 &lt;img/);
  assert.match(html, /Exported: 1 March 2016/);
});

test('the Markdown export keeps case text as text', () => {
  const md = renderMarkdown(hostileChecklist(), ctx);
  assert.doesNotMatch(md, /\[link\]\(http/);
  assert.doesNotMatch(md, /(?<!\\)<img/);
  assert.match(md, /\\\*\\\*bold\\\*\\\*/);
  assert.match(md, /^## The statutory test$/m);
  // Table rows keep their columns: a pipe in case text is escaped.
  for (const row of md.split('\n').filter((l) => l.startsWith('| Q'))) assert.equal(row.split(/(?<!\\)\|/).length, 5, row);
  assert.equal(escapeMarkdown('1. first'), '1\\. first');
  assert.equal(escapeMarkdown('1) first'), '1\\) first');
  // A bare web address becomes code, which no renderer turns into a link; what is around it stays escaped.
  assert.equal(escapeMarkdown('see https://evil.example/x_y or www.evil.example *now*'), 'see `https://evil.example/x_y` or `www.evil.example` \\*now\\*');
});

test('the exports write out each character that changes the direction text is shown in, in the file name too', () => {
  const RAW = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
  const named = { ...ctx, file: 'child\u202e.scr.yaml' };
  const md = renderMarkdown(hostileChecklist(), named);
  const html = renderHtml(hostileChecklist(), named);
  assert.doesNotMatch(md, RAW);
  assert.doesNotMatch(html, RAW);
  assert.match(md, /File: child\\<U\+202E\\>\.scr\.yaml/);
  assert.match(html, /File: child&lt;U\+202E&gt;\.scr\.yaml/);
  assert.equal(escapeMarkdown('Old Town\u2067 GP'), 'Old Town\\<U+2067\\> GP');
});

test('the export is dated where the user is, not in UTC', () => {
  const tz = process.env.TZ;
  process.env.TZ = 'Europe/London';
  try {
    // 00:30 on 1 June in British Summer Time is 23:30 on 31 May in UTC.
    const justAfterMidnight = new Date(2016, 5, 1, 0, 30);
    assert.equal(justAfterMidnight.toISOString().slice(0, 10), '2016-05-31');
    assert.equal(localIsoDate(justAfterMidnight), '2016-06-01');
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});

test('dates, counts and verdicts read as plain sentences', () => {
  assert.equal(longDate('2016-02-01'), '1 February 2016');
  assert.equal(problemsInWords({ error: 1, warning: 2, info: 3, hint: 0 }), '1 error, 2 warnings and 3 notes.');
  assert.equal(problemsInWords({ error: 0, warning: 0, info: 0, hint: 0 }), 'No problems found.');
  // Counted as the command line and the engine count, with commas from 1,000.
  assert.equal(problemsInWords({ error: 0, warning: 1200, info: 1, hint: 0 }), '1,200 warnings and 1 note.');
  const r = hostileChecklist();
  assert.deepEqual(timingInWords(r.timing), [
    'Referred on 14 January 2016. Limit 1 month: decision due by 14 February 2016.',
    'Decided on 10 February 2016, 27 calendar days (19 working days) after the referral.',
    'The decision was made within the limit.',
  ]);
  // The server's sentences, as they come (the engine's timingLines, which the hover says too): the
  // preview words no delay itself. Anything but text in them is left out.
  assert.deepEqual(
    timingInWords({ ...r.timing, late: true, daysOver: 5, lateBy: '5 days', words: ['The decision is 5 days overdue.', 7 as unknown as string] }),
    ['The decision is 5 days overdue.'],
  );
  assert.deepEqual(timingInWords({ ...r.timing, words: undefined as unknown as string[] }), []);
  assert.deepEqual(testInWords({ ...r.test, agrees: false, decision: 'no-scr', criteriaMet: false }).map((v) => v.tone), ['yes', 'open', 'bad']);
});

test('a death in a setting that calls for an SCR is named with every such setting, deprivation of liberty included', () => {
  const r = hostileChecklist();
  const lines = testInWords({ ...r.test, met: false, mandatorySetting: true, decision: 'scr', criteriaMet: false, agrees: true }).map((v) => v.text);
  assert.ok(lines.some((l) => /custody/.test(l) && /aged 16–17, while deprived of liberty under the Mental Capacity Act 2005/.test(l)), lines.join('\n'));
});

test('a finding beside a question that does not apply is noted, and one beside a question not met holds it back', () => {
  const r = checklistWithNotedFinding();
  const md = renderMarkdown(r, ctx);
  const q2 = md.slice(md.indexOf('### Q2.'), md.indexOf('### Q5.'));
  const q5 = md.slice(md.indexOf('### Q5.'), md.indexOf('## The statutory test'));
  assert.match(q2, /^Holding it back:$/m);
  assert.match(q5, /^Also noted \(not counted against this question\):$/m);
  assert.doesNotMatch(q5, /Holding it back/);
  const html = renderHtml(r, ctx);
  assert.match(html, /<h4>Also noted \(not counted against this question\)<\/h4><ul>\n<li><strong>Note:<\/strong> Ofsted was notified late\./);
  assert.equal(html.match(/<h4>Holding it back<\/h4>/g)?.length, 1);
});

test('a question lists the findings the file waives on it, each with its reason', () => {
  const r = hostileChecklist();
  const md = renderMarkdown(r, ctx);
  const q2 = md.slice(md.indexOf('### Q2.'), md.indexOf('## The statutory test'));
  assert.match(q2, /^Waived in the file:\n\n- No police agency .* Reason given: Police records held by the successor force .* \(line 8, `key-agency-missing`\)$/m);
  const html = renderHtml(r, ctx);
  assert.match(html, /<h4>Waived in the file<\/h4><ul>\n<li>No police agency &lt;img[^\n]*<em>Reason given: Police records held by the successor force &lt;img/);
});

test('the HTML export has a main landmark and names its tables, so a screen reader can find its parts', () => {
  const html = renderHtml(hostileChecklist(), ctx);
  assert.match(html, /<body>\n<main>\n<h1>/);
  assert.match(html, /<\/ul>\n<\/main>\n<\/body>/);
  assert.match(html, /<h2>The statutory test<\/h2><table><caption>Each criterion, its finding and its evidence/);
  assert.match(html, /<table><caption>The timeline: each date in the record<\/caption>/);
  // Long words in case text (a web address given as evidence) wrap rather than widen the page.
  assert.match(html, /body \{[^}]*overflow-wrap: anywhere/);
});

test('the exports say what is still to be completed, rather than showing the words to replace or counting them as weighed', () => {
  const r = checklistWithNotedFinding();
  r.test.criteria = [{ ...r.test.criteria[0], finding: 'suspected', evidence: undefined, toComplete: ['evidence'] }];
  r.considerations = [{ key: 'resources', label: 'Resources', weighed: false, toComplete: true }, { key: 'publicTrust', label: 'Public trust in safeguarding organisations', weighed: false, toComplete: false }];
  const md = renderMarkdown(r, ctx);
  assert.match(md, /\| suspected \| still to be completed \|$/m);
  assert.match(md, /^- ✗ still to be completed: Resources$/m);
  assert.match(md, /^- ✗ not recorded: Public trust in safeguarding organisations$/m);
  const html = renderHtml(r, ctx);
  assert.match(html, /<td class="word">suspected<\/td><td>still to be completed<\/td>/);
  assert.match(html, /Still to be completed: Resources<\/li>/);
});
