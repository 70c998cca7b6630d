import type { ChecklistResult, Rng } from '../../../server/src/protocol';
import { longDate, problemsInWords, SEVERITY_WORDS, testInWords, type Verdict } from '../words';
import { findingsHeading, WAIVED_HEADING, waiverInWords } from '../../../server/src/engine/qm2';
import { capitalise, el } from './dom';
import { icon, type IconName } from './icons';

/** Takes the user to a place in the case file. */
export type Reveal = (range: Rng) => void;

/** A control that shows `range` in the editor: a real button, so keyboard and screen readers work. */
export function revealButton(key: string, range: Rng | undefined, reveal: Reveal, ...content: (Node | string)[]): HTMLElement {
  if (!range) return el('span', { class: 'plain' }, ...content);
  const b = el('button', { type: 'button', class: 'link', 'data-key': key, title: `Show in the case file (line ${range.start.line + 1})` }, ...content);
  b.addEventListener('click', () => reveal(range));
  return b;
}

/** Text in which `quoted` names (keys of the case file) show as code; built from text nodes only. */
export function richText(text: string): (Node | string)[] {
  return text.split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

export function header(r: ChecklistResult, locked: boolean, toggleLock: () => void): HTMLElement {
  const who = [r.child, r.board].filter(Boolean).join(' · ');
  const lock = el(
    'button',
    {
      type: 'button',
      id: 'lock',
      class: 'lock',
      'data-key': 'lock',
      'aria-pressed': String(locked),
      title: locked ? 'The preview stays on this case file. Select to follow the active editor again.' : 'The preview follows the active case file. Select to keep it on this one.',
    },
    icon(locked ? 'lock' : 'unlock'),
    locked ? 'Locked to this file' : 'Lock to this file',
  );
  lock.addEventListener('click', toggleLock);
  return el(
    'header',
    { class: 'top' },
    el('div', { class: 'ident' }, el('h1', {}, `QM2 checklist: ${r.reference ?? 'case file'}`), who ? el('p', { class: 'who' }, who) : undefined),
    lock,
  );
}

export function overviewSection(r: ChecklistResult): HTMLElement {
  // The headline is not a live region: the page is redrawn on every change to the file, and main.ts
  // announces the summary through one lasting live region, only when it changes.
  return el(
    'section',
    { class: 'overview', 'aria-label': 'Summary' },
    el('p', { class: 'headline', id: 'headline' }, r.summary),
    el('p', { class: 'counts' }, problemsInWords(r.counts)),
    el('nav', { 'aria-label': 'Parts of the checklist' }, ...PARTS.map(([id, words]) => partLink(id, words))),
  );
}

const PARTS: [string, string][] = [
  ['questions', 'Questions'],
  ['test', 'Statutory test'],
  ['timeline', 'Timeline'],
  ['considerations', 'Considerations'],
];

/** A part's heading: the place its link in the navigation takes the focus to (and keeps it across a redraw). */
export function sectionHeading(id: string, words: string): HTMLElement {
  return el('h2', { id: `${id}-h`, tabindex: '-1', 'data-key': `${id}-h` }, words);
}

/**
 * A link to a part of the page that takes the focus there, as well as the view. VS Code's webview
 * catches links within the page and only scrolls to them, so without this a keyboard user's next
 * Tab would go on from the link, not from the part it names.
 */
function partLink(id: string, words: string): HTMLElement {
  const a = el('a', { href: `#${id}`, 'data-key': `nav-${id}` }, words);
  a.addEventListener('click', (e) => {
    const heading = document.getElementById(`${id}-h`);
    if (!heading) return;
    e.preventDefault();
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  });
  return a;
}

export function questionsSection(r: ChecklistResult, reveal: Reveal, collapsed: Set<number>, onToggle: (q: number, open: boolean) => void): HTMLElement {
  const list = el('ol', { class: 'questions' });
  for (const item of r.items) {
    const body = el('div', { class: 'q-body' }, el('p', { class: 'asks' }, item.asks), el('p', { class: 'q-summary' }, ...richText(item.summary)));
    if (item.evidence.length) {
      body.append(
        el('h3', {}, 'Evidence'),
        el('ul', { class: 'evidence' }, ...item.evidence.map((e, i) => el('li', {}, revealButton(`q${item.question}-e${i}`, e.range, reveal, icon('met'), e.label)))),
      );
    } else if (item.status !== 'not-applicable') body.append(el('p', { class: 'none' }, 'No evidence recorded for this question yet.'));
    if (item.findings.length) {
      body.append(
        el('h3', {}, findingsHeading(item.status)),
        el(
          'ul',
          { class: 'findings' },
          ...item.findings.map((f, i) =>
            el('li', { class: `sev-${f.severity}` }, revealButton(`q${item.question}-f${i}`, f.range, reveal, icon(f.severity as IconName), el('span', { class: 'sev' }, `${SEVERITY_WORDS[f.severity]}:`), el('span', {}, ...richText(f.message)))),
          ),
        ),
      );
    }
    if (item.waived.length) {
      body.append(
        el('h3', {}, WAIVED_HEADING),
        el(
          'ul',
          { class: 'findings waived' },
          ...item.waived.map((f, i) =>
            el('li', { class: 'waived' }, revealButton(`q${item.question}-w${i}`, f.range, reveal, el('span', {}, ...richText(f.message), ' ', el('em', {}, waiverInWords(f.waiver))))),
          ),
        ),
      );
    }
    const details = el(
      'details',
      { class: 'q', 'data-key': `q${item.question}` },
      el(
        'summary',
        { 'data-key': `q${item.question}-s` },
        el('span', { class: `status st-${item.status}` }, icon(item.status), el('span', { class: 'words' }, capitalise(item.statusWords))),
        el('span', { class: 'q-title' }, `Q${item.question}. ${item.title}`),
      ),
      body,
    );
    details.open = !collapsed.has(item.question);
    details.addEventListener('toggle', () => onToggle(item.question, details.open));
    list.append(el('li', { class: `st-${item.status}` }, details));
  }
  return el('section', { id: 'questions', 'aria-labelledby': 'questions-h' }, sectionHeading('questions', 'The nine questions of Quality Marker 2'), list);
}

export function testSection(r: ChecklistResult, reveal: Reveal): HTMLElement {
  const t = r.test;
  const rows = t.criteria.map((c) =>
    el(
      'tr',
      { class: c.needed ? 'needed' : 'not-needed' },
      el('th', { scope: 'row' }, revealButton(`c-${c.key}`, c.range, reveal, c.label), el('span', { class: 'need' }, c.needed ? ' (needed for the test)' : ' (not needed)')),
      el('td', { class: 'word' }, c.finding ?? el('em', {}, c.toComplete?.includes('finding') ? 'still to be completed' : 'not recorded')),
      el('td', {}, c.evidence?.trim() ? c.evidence : el('em', { class: 'missing' }, c.toComplete?.includes('evidence') ? 'still to be completed' : c.needed && c.finding ? 'No evidence recorded' : 'none recorded')),
    ),
  );
  const toneIcon: Record<Verdict['tone'], IconName> = { yes: 'met', no: 'not-met', bad: 'error', open: 'info' };
  return el(
    'section',
    { id: 'test', 'aria-labelledby': 'test-h' },
    sectionHeading('test', 'The statutory test'),
    el(
      'table',
      { class: 'criteria' },
      el('caption', {}, 'Each criterion, its finding and its evidence (Working Together 2015, chapter 4)'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Criterion'), el('th', { scope: 'col' }, 'Finding'), el('th', { scope: 'col' }, 'Evidence'))),
      el('tbody', {}, ...rows),
    ),
    el('ul', { class: 'verdict' }, ...testInWords(t).map((v) => el('li', { class: `tone-${v.tone}` }, icon(toneIcon[v.tone]), v.text))),
  );
}

export function considerationsSection(r: ChecklistResult, reveal: Reveal): HTMLElement {
  const weighed = r.considerations.filter((c) => c.weighed).length;
  const pending = r.considerations.filter((c) => !c.weighed && c.toComplete).length;
  return el(
    'section',
    { id: 'considerations', 'aria-labelledby': 'considerations-h' },
    sectionHeading('considerations', 'The chair’s considerations'),
    el('p', {}, `${weighed} of ${r.considerations.length} recorded as weighed${pending ? `; ${pending} still to be completed` : ''}.`),
    el(
      'ul',
      { class: 'considerations' },
      ...r.considerations.map((c) =>
        el('li', { class: c.weighed ? 'st-met' : 'st-not-met' }, revealButton(`k-${c.key}`, c.range, reveal, icon(c.weighed ? 'met' : 'not-met'), el('span', { class: 'words' }, c.weighed ? 'Weighed:' : c.toComplete ? 'Still to be completed:' : 'Not recorded:'), ` ${c.label}`)),
      ),
    ),
  );
}

/** The timeline's events as a table, for screen readers and keyboard users. */
export function eventsTable(r: ChecklistResult, reveal: Reveal, open: boolean, onToggle: (open: boolean) => void): HTMLElement {
  const details = el(
    'details',
    { class: 'events', 'data-key': 'events' },
    el('summary', { 'data-key': 'events-s' }, 'The timeline as a list'),
    el(
      'table',
      {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Date'), el('th', { scope: 'col' }, 'Event'))),
      el('tbody', {}, ...r.timeline.map((e, i) => el('tr', {}, el('td', { class: 'date' }, longDate(e.date)), el('td', {}, revealButton(`ev-${i}`, e.range, reveal, e.label))))),
    ),
  );
  // Kept open across redraws, so that a keyboard user working through the list does not lose it.
  details.open = open;
  details.addEventListener('toggle', () => onToggle(details.open));
  return details;
}
