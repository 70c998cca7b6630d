import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/engine/hover';
import { analyse, at, SAMPLE } from './sample-case';

const a = analyse();
const hover = (find: string, delta = 1) => hoverAt(a, at(SAMPLE, find, delta));

describe('hover', () => {
  it('explains a key: what it records and the QM2 question it evidences, from the schema', () => {
    const h = hover('meetings:')!;
    assert.match(h.markdown, /^\*\*Meetings\*\* · QM2 question 4 \(Inter-agency discussion\)/);
    assert.match(h.markdown, /two or more agencies/);
    assert.equal(SAMPLE.slice(h.span.start, h.span.end), 'meetings');
  });

  it('uses the documentation the schema writes on the property, even where a branch restates it', () => {
    assert.match(hover('childDied:')!.markdown, /^\*\*Child died\*\*/);
    assert.match(hover('evidence: Death')!.markdown, /^\*\*Evidence\*\*/);
  });

  it('says the decision time is counted from the referral date, where the guidance counts from notification', () => {
    const h = hover('referral:\n  date', 13)!;
    assert.match(h.markdown, /^\*\*Referral date\*\*/);
    assert.match(h.markdown, /The checker counts the time allowed for the decision from this date\./);
    assert.match(h.markdown, /the guidance gives one month for the decision, counted from when the board was notified of the incident/);
    assert.match(h.markdown, /If the board learnt of the incident earlier, write that earlier date here/);
    assert.doesNotMatch(h.markdown, /clock starts here/);
  });

  it('says a death or serious harm calls for a notification to Ofsted where abuse or neglect is known or suspected, not always', () => {
    const h = hover('    outcome: died', 5)!;
    assert.match(h.markdown, /^\*\*Outcome for the child\*\*/);
    assert.match(h.markdown, /where abuse or neglect is known or suspected, a death or serious harm calls for a serious incident notification to Ofsted/);
    assert.match(h.markdown, /Where abuse or neglect is not suspected \(`not-suspected` under `criteria`\), none is asked for/);
  });

  it('gives the meaning of a value from a fixed list', () => {
    const h = hover('involvement: not-known', 15)!;
    assert.match(h.markdown, /^\*\*not-known\*\* \(involvement\)\n\nThe agency searched its records and found no contact\./);
    assert.equal(SAMPLE.slice(h.span.start, h.span.end), 'not-known');
  });

  it('says when a value is not one of the choices', () => {
    const text = SAMPLE.replace('outcome: died', 'outcome: dead');
    const h = hoverAt(analyse(text), at(text, 'outcome: dead', 10))!;
    assert.match(h.markdown, /`dead` is not one of the choices for .*: `died`, `seriously-harmed` or `other`/);
  });

  it('explains the setting for a death while deprived of liberty, and names it among the settings', () => {
    const text = SAMPLE.replace('    outcome: died\n', '    outcome: died\n    setting: deprivation-of-liberty\n');
    assert.notEqual(text, SAMPLE);
    const b = analyse(text);
    assert.deepEqual(b.findings.filter((f) => f.rule === 'schema').map((f) => f.message), []);
    const value = hoverAt(b, at(text, 'setting: deprivation-of-liberty', 12))!;
    assert.match(value.markdown, /^\*\*deprivation-of-liberty\*\* \(setting\)\n\nAged 16–17, while deprived of liberty under an order made under the Mental Capacity Act 2005\./);
    const key = hoverAt(b, at(text, 'setting: deprivation-of-liberty', 2))!;
    assert.match(key.markdown, /`deprivation-of-liberty`/);
    assert.match(key.markdown, /aged 16–17 while deprived of liberty under the Mental Capacity Act 2005, should always lead to an SCR, whether or not the statutory test is met/);
  });

  it('says `other` is not the setting for a death in custody or deprived of liberty, each of which has its own choice', () => {
    // A 17-year-old who died deprived of liberty, recorded as `other`: nothing calls for the SCR such a death needs.
    const text = SAMPLE.replace('    outcome: died\n', '    outcome: died\n    setting: other\n');
    assert.notEqual(text, SAMPLE);
    const value = hoverAt(analyse(text), at(text, 'setting: other', 10))!;
    assert.match(value.markdown, /^\*\*other\*\* \(setting\)\n\nAnother setting; describe it in the summary\. Not for a death in custody, in a secure setting, under the Mental Health Act 1983 or, aged 16–17, while deprived of liberty under the Mental Capacity Act 2005: each has its own choice \(`custody`, `secure-setting`, `mental-health-detention`, `deprivation-of-liberty`\), which calls for an SCR whatever the other findings; `other` does not\.$/);
    // And each of those says so itself.
    const dol = SAMPLE.replace('    outcome: died\n', '    outcome: died\n    setting: deprivation-of-liberty\n');
    assert.match(hoverAt(analyse(dol), at(dol, 'setting: deprivation-of-liberty', 10))!.markdown, /Mental Capacity Act 2005\. A death here calls for an SCR whatever the other findings\.$/);
  });

  it('says a date still to be completed is not yet written, not that it is written wrongly', () => {
    const text = SAMPLE.replace('  - date: 2016-02-01', '  - date: To be completed. Meeting date (YYYY-MM-DD).');
    assert.notEqual(text, SAMPLE);
    const h = hoverAt(analyse(text), at(text, 'date: To be completed', 8))!;
    assert.equal(h.markdown, 'Not yet: still to be completed. Write the date here as year-month-day (YYYY-MM-DD), for example 2016-01-14.');
  });

  it('gives the choices for a value still to be completed', () => {
    const text = SAMPLE.replace('outcome: died', 'outcome: To be completed. Choose died, seriously-harmed or other.');
    assert.notEqual(text, SAMPLE);
    const h = hoverAt(analyse(text), at(text, 'outcome: To be completed', 12))!;
    assert.match(h.markdown, /^Not yet: still to be completed\. The choices for .*: `died`, `seriously-harmed` or `other`\.$/);
  });

  it('puts the decision date in context with the timing the checks use', () => {
    const h = hover('date: 2016-02-20', 8)!;
    assert.equal(h.markdown, '**20 February 2016**\n\nReferred on 14 January 2016. Limit 1 month: decision due by 14 February 2016. Decided on 20 February 2016, 26 working days (37 calendar days) after the referral. The decision came 6 days after the limit.');
  });

  it('puts other dates in context: a return after its request, a meeting after the referral and before the decision', () => {
    assert.match(hover('received: 2016-01-22', 12)!.markdown, /5 working days \(7 calendar days\) after the request\./);
    const meeting = hover('date: 2016-02-01', 8)!.markdown;
    assert.match(meeting, /after the referral\./);
    assert.match(meeting, /19 calendar days before the decision\./);
  });

  it('explains a date that does not exist', () => {
    const text = SAMPLE.replace('date: 2016-01-10', 'date: 2016-02-30');
    assert.match(hoverAt(analyse(text), at(text, '2016-02-30', 2))!.markdown, /February 2016 has 29 days/);
  });

  it('describes an agency wherever its id is used: name, type and data return', () => {
    const h = hover('csc, police', 6)!;
    assert.match(h.markdown, /^\*\*Testshire Police\*\* \(`police`\)/);
    assert.match(h.markdown, /Type: police \(A police force\)\./);
    assert.match(h.markdown, /Minimum data: requested 15 January 2016; not yet received\./);
    assert.match(hover('agency: police', 9)!.markdown, /Testshire Police/);
    const text = SAMPLE.replace('agency: police', 'agency: probation');
    assert.match(hoverAt(analyse(text), at(text, 'agency: probation', 9))!.markdown, /No agency with the id `probation` is declared/);
  });

  it('shows the QM2 checklist, question by question, on `decision`', () => {
    const h = hover('decision:', 0)!;
    const lines = h.markdown.split('\n').filter((l) => l.startsWith('- '));
    assert.equal(lines.length, 9);
    assert.match(lines[3], /^- [✓◐✗–] \*\*Q4 Inter-agency discussion\*\*: (partly met|not met|met)\. /);
    assert.equal(lines.map((l) => /\*\*Q(\d)/.exec(l)![1]).join(''), '123456789');
  });

  it('explains the rule a waiver names', () => {
    const text = SAMPLE.replace('agencyInput:\n', 'agencyInput:\n  # scr-waive unknown-agency: the police are expected to join\n');
    const h = hoverAt(analyse(text), at(text, 'unknown-agency', 3))!;
    assert.match(h.markdown, /^\*\*Agencies are named by a declared id\*\* \(`unknown-agency`\)/);
  });

  it('has nothing to say in free text, comments or outside the file', () => {
    assert.equal(hover('Section 47', 2), undefined);
    assert.equal(hover('# Fictional', 3), undefined);
    assert.equal(hoverAt(a, SAMPLE.length + 50), undefined);
  });
});

describe('guidance in the format', () => {
  it('speaks to people, not programmers: no “null”, “array”, “object”, “property” or “string” in what a hover shows', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'scr-case.schema.json'), 'utf8'));
    const said: string[] = [];
    const walk = (n: unknown): void => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        for (const [k, v] of Object.entries(n)) {
          if (['title', 'description', 'markdownDescription'].includes(k) && typeof v === 'string') said.push(v);
          else if (k === 'markdownEnumDescriptions' && Array.isArray(v)) said.push(...v);
          else walk(v);
        }
      }
    };
    walk(schema);
    assert.ok(said.length > 100);
    // One place may name `null`, to say it means the same as leaving the key out.
    const jargon = said.filter((t) => /\b(array|object|boolean|propert(y|ies)|string|enum)\b/i.test(t) || (/\bnull\b/i.test(t) && !/or write `null`, which means the same/.test(t)));
    assert.deepEqual(jargon, []);
  });
});
