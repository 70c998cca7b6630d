import type { ChecklistResult } from '../../server/src/protocol';

const at = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 10 } });

/** A checklist as the server sends it, with case text that tries to be markup. */
export function hostileChecklist(): ChecklistResult {
  const nasty = '<img src=x onerror="alert(1)"> **bold** [link](http://example.com) | pipe `code`';
  return {
    uri: 'file:///dossier/a.scr.yaml',
    version: 3,
    reference: `REF-1 ${nasty}`,
    child: 'Child T',
    board: 'Northshire LSCB',
    summary: 'QM2 1/2 met (Q2 not met)',
    met: 1,
    applicable: 2,
    counts: { error: 1, warning: 2, info: 0, hint: 0 },
    items: [
      { question: 1, title: 'Enough information gathered', asks: 'Was enough gathered?', status: 'met', statusWords: 'met', summary: `Summary ${nasty}`, evidence: [{ label: `Agency ${nasty}`, range: at(4) }], findings: [], waived: [] },
      {
        question: 2,
        title: 'Key agencies asked for minimum data',
        asks: 'Were they asked?',
        status: 'not-met',
        statusWords: 'not met',
        summary: 'No requests.',
        evidence: [],
        findings: [{ rule: 'minimum-data-requested', severity: 'warning', message: `Missing agency data: ${nasty}`, range: at(9), questions: [2] }],
        waived: [{ rule: 'key-agency-missing', severity: 'warning', message: `No police agency ${nasty}`, range: at(7), questions: [2], waiver: `Police records held by the successor force ${nasty}` }],
      },
    ],
    test: {
      criteria: [{ key: 'abuseOrNeglect', label: 'abuse or neglect known or suspected', finding: 'suspected', evidence: nasty, toComplete: [], needed: true, range: at(20) }],
      met: true,
      mandatorySetting: false,
      requiresScr: true,
      decision: 'scr',
      criteriaMet: true,
      agrees: true,
    },
    timing: {
      limit: '1 month', referral: '2016-01-14', deadline: '2016-02-14', decision: '2016-02-10', calendarDays: 27, workingDays: 19, late: false, daysOver: 0, decided: true,
      words: ['Referred on 14 January 2016. Limit 1 month: decision due by 14 February 2016.', 'Decided on 10 February 2016, 27 calendar days (19 working days) after the referral.', 'The decision was made within the limit.'],
    },
    timeline: [
      { kind: 'referral', label: 'Referral', date: '2016-01-14', range: at(12) },
      { kind: 'request', label: `Data requested: ${nasty}`, date: '2016-01-15', range: at(14) },
      { kind: 'decision', label: 'Decision', date: '2016-02-10', range: at(30) },
    ],
    considerations: [
      { key: 'resources', label: 'Resources', weighed: true, toComplete: false, range: at(25) },
      { key: 'publicTrust', label: 'Public trust in safeguarding organisations', weighed: false, toComplete: false },
    ],
  };
}

/** The same checklist with question 5 not applicable (decided in time) and a late notification noted beside it. */
export function checklistWithNotedFinding(): ChecklistResult {
  const r = hostileChecklist();
  const late = { rule: 'notification-timeliness', severity: 'info' as const, message: 'Ofsted was notified late.', range: at(16), questions: [5 as const] };
  r.items.push({ question: 5, title: 'Any delay justified', asks: 'Is any delay explained?', status: 'not-applicable', statusWords: 'not applicable', summary: 'Decided within the limit.', evidence: [], findings: [late], waived: [] });
  return r;
}
