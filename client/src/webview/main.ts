// The checklist preview's page script. It draws what the extension sends (the server's checklist),
// reports back what it drew, and asks the extension to show places in the case file. It never
// parses case text itself, and builds every element with createElement/textContent.
import './style.css';
import type { ChecklistResult, FromPreview, RenderedState, Rng, ToPreview } from '../../../server/src/protocol';
import { el } from './dom';
import { considerationsSection, eventsTable, header, overviewSection, questionsSection, sectionHeading, testSection } from './sections';
import { drawTimeline } from './timeline';
import { timingInWords } from '../words';

interface PageState {
  uri?: string;
  locked: boolean;
  data?: ChecklistResult;
  collapsed: number[];
  /** Whether "The timeline as a list" is open. */
  eventsOpen?: boolean;
}

interface VsCodeApi {
  postMessage(message: FromPreview): void;
  getState(): PageState | undefined;
  setState(state: PageState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = document.getElementById('app')!;
let state: PageState = { locked: false, collapsed: [], ...vscode.getState() };
let timelineBox: HTMLElement | undefined;

function save(): void {
  vscode.setState(state);
}

const reveal = (range: Rng) => {
  if (state.uri) vscode.postMessage({ type: 'reveal', uri: state.uri, range });
};
// After a window reload the page draws its saved state before the extension has taken the panel
// back; a lock pressed in that moment is held until the extension's first message, not lost.
let connected = false;
let lockPending = false;
const toggleLock = () => {
  if (connected) vscode.postMessage({ type: 'toggleLock' });
  else lockPending = !lockPending;
};

function render(): void {
  const focused = (document.activeElement as HTMLElement | SVGElement | null)?.dataset?.key;
  const r = state.data;
  if (!r) return;
  const collapsed = new Set(state.collapsed);
  timelineBox = el('div', { class: 'timeline-box' });
  const page = el(
    'main',
    {},
    header(r, state.locked, toggleLock),
    overviewSection(r),
    questionsSection(r, reveal, collapsed, (q, open) => {
      const set = new Set(state.collapsed);
      if (open) set.delete(q);
      else set.add(q);
      state.collapsed = [...set];
      save();
    }),
    testSection(r, reveal),
    el('section', { id: 'timeline', 'aria-labelledby': 'timeline-h' }, sectionHeading('timeline', 'Timeline'), el('ul', { class: 'timing' }, ...timingInWords(r.timing).map((l) => el('li', {}, l))), timelineBox, legend(), eventsTable(r, reveal, state.eventsOpen === true, (open) => {
      state.eventsOpen = open;
      save();
    })),
    considerationsSection(r, reveal),
  );
  app.replaceChildren(page);
  drawInto(timelineBox, r);
  if (focused) restoreFocus(focused);
  announce(`${r.uri}\n${r.summary}`, `${r.reference ?? 'Case file'}: ${r.summary}`);
  report(r);
}

function legend(): HTMLElement {
  return el('p', { class: 'legend' }, 'Hollow circle: asked for, answer awaited on that date. Filled: received or happened. Diamond: incident, referral or decision. The shaded band is the time allowed for the decision; the dashed line is the limit.');
}

function drawInto(box: HTMLElement, r: ChecklistResult): void {
  // A redraw on resizing (zooming, or narrowing the panel) keeps the focus on the event it was on.
  const focused = box.contains(document.activeElement) ? (document.activeElement as HTMLElement | SVGElement).dataset?.key : undefined;
  try {
    box.replaceChildren(drawTimeline(r, box.clientWidth || document.body.clientWidth - 24, reveal));
  } catch (e) {
    // Whatever dates arrive, the rest of the checklist still shows and is still reported.
    box.replaceChildren(el('p', { class: 'none' }, 'The timeline cannot be drawn from these dates. The list below gives each one.'));
    console.error(e);
  }
  if (focused) restoreFocus(focused);
}

/**
 * Screen readers hear the summary through one live region that lasts as long as the page (one
 * made afresh with each redraw is not reliably announced), politely, and only once the checklist
 * has stayed the same for a moment and says something new: not on every keystroke in the file.
 */
const ANNOUNCE_AFTER_MS = 1500;
const announcer = document.getElementById('announce');
let announceTimer: ReturnType<typeof setTimeout> | undefined;
let lastAnnounced = '';

function announce(key: string, words: string): void {
  clearTimeout(announceTimer);
  announceTimer = setTimeout(() => {
    if (!announcer || key === lastAnnounced) return;
    lastAnnounced = key;
    announcer.textContent = words;
  }, ANNOUNCE_AFTER_MS);
}

function restoreFocus(key: string): void {
  for (const node of Array.from(document.querySelectorAll<HTMLElement | SVGElement>('[data-key]'))) {
    if (node.dataset.key === key) {
      node.focus();
      return;
    }
  }
}

/** Tells the extension what is on the page now, read back from the page itself. */
function report(r: ChecklistResult): void {
  const rendered: RenderedState = {
    uri: r.uri,
    version: r.version,
    summary: document.getElementById('headline')?.textContent ?? '',
    statuses: Array.from(document.querySelectorAll('.questions .status .words')).map((n) => n.textContent ?? ''),
    locked: state.locked,
  };
  vscode.postMessage({ type: 'rendered', state: rendered });
}

function showEmpty(reason: string): void {
  app.replaceChildren(el('main', {}, el('p', { class: 'placeholder' }, reason)));
  announce(`\n${reason}`, reason);
  // Reported like a checklist, so that what the page says (such as a file deleted) can be checked too.
  vscode.postMessage({ type: 'rendered', state: { uri: '', summary: '', statuses: [], locked: state.locked, message: reason } });
}

window.addEventListener('message', (event: MessageEvent<ToPreview>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (!connected) {
    connected = true;
    if (lockPending) vscode.postMessage({ type: 'toggleLock' });
    lockPending = false;
  }
  if (m.type === 'update' && m.data && typeof m.data === 'object' && Array.isArray(m.data.items)) {
    state = { ...state, uri: m.data.uri, locked: !!m.locked, data: m.data };
    save();
    render();
  } else if (m.type === 'empty' && typeof m.reason === 'string') {
    state = { ...state, locked: !!m.locked, data: undefined };
    save();
    showEmpty(m.reason);
  }
});

// Redraw the timeline (only) when the panel is resized.
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
let lastWidth = 0;
new ResizeObserver(() => {
  if (document.body.clientWidth === lastWidth) return;
  lastWidth = document.body.clientWidth;
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (timelineBox && state.data && timelineBox.isConnected) drawInto(timelineBox, state.data);
  }, 100);
}).observe(document.body);

// After a window reload, show the last checklist at once; the extension sends a fresh one.
if (state.data) render();
vscode.postMessage({ type: 'ready' });
