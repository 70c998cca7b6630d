import type { ChecklistResult, Rng } from '../../../server/src/protocol';
import { longDate } from '../words';
import { svg } from './dom';
import type { Reveal } from './sections';

type Event = ChecklistResult['timeline'][number];

/** One row of the chart per step of the decision process, in the order the steps happen. */
const LANES: { label: string; kinds: string[] }[] = [
  { label: 'Incident', kinds: ['incident', 'known'] },
  { label: 'Notification', kinds: ['notification'] },
  { label: 'Referral', kinds: ['referral'] },
  { label: 'Agency data', kinds: ['request', 'return'] },
  { label: 'Neighbouring boards', kinds: ['check', 'answer'] },
  { label: 'Meetings', kinds: ['meeting'] },
  { label: 'Agency input', kinds: ['input'] },
  { label: 'Challenge', kinds: ['challenge'] },
  { label: 'Decision', kinds: ['decision', 'communicated'] },
];
/** Asked for and still to come back: drawn hollow; everything else is drawn filled. */
const ASKED = new Set(['request', 'check']);

const LABEL_W = 128;
const RIGHT = 18;
const TOP = 34;
const LANE_H = 24;
const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The first and last days a date can be written as YYYY-MM-DD: the chart never reaches beyond them. */
const FIRST_DAY = utcDay(1, 0, 1);
const LAST_DAY = utcDay(9999, 11, 31);
/** Grid lines at most: far-apart dates are marked every few months or years instead. */
const MAX_TICKS = 120;

/** A day number for a year, month (0-11) and day; unlike Date.UTC, years 0 to 99 are taken as written. */
function utcDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return t.getTime() / DAY;
}

/** "2016-01-14" as a day number; undefined for anything else the server might send. */
function day(iso: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return undefined;
  const n = utcDay(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(n) ? n : undefined;
}

/** Keeps a day on the chart, however far off a count puts it. */
function onChart(d: number): number {
  return Math.min(LAST_DAY, Math.max(FIRST_DAY, d));
}

/** A count from the server that can be drawn: finite and not negative. */
function drawable(n: number | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/**
 * The decision's timeline as SVG: a row per step, the decision window from the referral to the
 * limit, the limit itself, and the days taken (the server's count: calendar and working days).
 * Each event is a control that shows its place in the case file.
 */
export function drawTimeline(r: ChecklistResult, width: number, reveal: Reveal): SVGSVGElement {
  const t = r.timing;
  const events = r.timeline.filter((e) => e.kind !== 'deadline' && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
  const W = Math.max(360, Math.floor(width));
  const lanesBottom = TOP + LANES.length * LANE_H;
  const H = lanesBottom + 58;
  const root = svg('svg', { class: 'timeline', width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: 'group', 'aria-label': 'Timeline of the decision' });

  const days = events.map((e) => day(e.date));
  const referral = day(t.referral);
  const deadline = day(t.deadline);
  const overdueTo = !t.decided && t.late && deadline !== undefined && drawable(t.daysOver) ? onChart(deadline + t.daysOver) : undefined;
  const marks = [...days, referral, deadline, overdueTo].filter((d): d is number => d !== undefined);
  if (!marks.length) {
    root.append(svg('text', { x: 8, y: TOP, class: 'empty' }, 'No dates recorded yet.'));
    return root;
  }
  let d0 = marks.reduce((a, b) => Math.min(a, b));
  let d1 = marks.reduce((a, b) => Math.max(a, b));
  if (d1 - d0 < 14) {
    d0 -= 7;
    d1 += 7;
  }
  const pad = Math.max(2, Math.round((d1 - d0) * 0.04));
  d0 -= pad;
  d1 += pad;
  const x = (d: number) => LABEL_W + ((d - d0) / (d1 - d0)) * (W - LABEL_W - RIGHT);

  // Lanes and their names.
  LANES.forEach((lane, i) => {
    const y = TOP + i * LANE_H;
    const has = events.some((e) => lane.kinds.includes(e.kind));
    root.append(
      svg('rect', { x: 0, y, width: W, height: LANE_H, class: i % 2 ? 'lane odd' : 'lane' }),
      svg('text', { x: 6, y: y + LANE_H / 2 + 4, class: has ? 'lane-label' : 'lane-label none' }, has ? lane.label : `${lane.label} (none)`),
    );
  });

  // The decision window and the limit.
  if (referral !== undefined && deadline !== undefined) {
    root.append(
      svg('rect', { x: x(referral), y: TOP, width: Math.max(1, x(deadline) - x(referral)), height: lanesBottom - TOP, class: 'window' }),
      svg('line', { x1: x(deadline), y1: TOP - 6, x2: x(deadline), y2: lanesBottom + 4, class: 'limit' }),
      svg('text', { x: x(deadline), y: TOP - 10, class: 'limit-label', 'text-anchor': anchor(x(deadline), W) }, `Decision due ${longDate(t.deadline)} (${t.limit})`),
    );
  }
  const decisionY = TOP + (LANES.length - 1) * LANE_H + LANE_H / 2;
  if (t.late && deadline !== undefined) {
    const end = t.decided ? day(t.decision) : overdueTo;
    if (end !== undefined && end > deadline) {
      root.append(
        svg('line', { x1: x(deadline), y1: decisionY, x2: x(end), y2: decisionY, class: 'over' }),
        svg(
          'text',
          { x: (x(deadline) + x(end)) / 2, y: decisionY - 8, class: 'over-label', 'text-anchor': 'middle' },
          typeof t.lateBy === 'string' ? `${t.lateBy} ${t.decided ? 'late' : 'overdue'}` : t.decided ? 'late' : 'overdue',
        ),
      );
    }
  }

  // The time taken, as the server counted it.
  if (referral !== undefined && drawable(t.calendarDays)) {
    const end = onChart(referral + t.calendarDays);
    const y = lanesBottom + 14;
    const counted = `${typeof t.taken === 'string' ? `${t.taken} ` : ''}${t.decided ? 'to the decision' : 'so far, no decision yet'}`;
    root.append(
      svg('path', { d: `M${x(referral)} ${y - 4}v4H${x(end)}v-4`, class: 'span' }),
      svg('text', { x: Math.min(Math.max((x(referral) + x(end)) / 2, LABEL_W + 60), W - 60), y: y + 13, class: 'span-label', 'text-anchor': 'middle' }, counted),
    );
  }

  // The date axis.
  const axisY = H - 8;
  for (const tick of ticks(d0, d1, W - LABEL_W - RIGHT)) {
    root.append(svg('line', { x1: x(tick.day), y1: TOP, x2: x(tick.day), y2: lanesBottom, class: 'grid' }));
    if (tick.label) root.append(svg('text', { x: x(tick.day), y: axisY, class: 'tick', 'text-anchor': 'middle' }, tick.label));
  }

  // The events: one marker per step and day, named in full for screen readers and on hover.
  LANES.forEach((lane, i) => {
    const cy = TOP + i * LANE_H + LANE_H / 2;
    const byDay = new Map<string, Event[]>();
    for (const e of events) if (lane.kinds.includes(e.kind)) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
    for (const [date, group] of byDay) {
      const name = `${longDate(date)}: ${group.map((e) => e.label).join('; ')}`;
      const range = group.find((e) => e.range)?.range;
      const cx = x(day(date)!);
      const hollow = group.every((e) => ASKED.has(e.kind));
      const big = group.some((e) => e.kind === 'decision' || e.kind === 'referral' || e.kind === 'incident');
      const g = svg('g', { class: `ev kind-${group[0]!.kind}` }, svg('title', {}, name), svg('circle', { cx, cy, r: 9, class: 'ring' }));
      g.append(big ? svg('rect', { x: cx - 5.5, y: cy - 5.5, width: 11, height: 11, transform: `rotate(45 ${cx} ${cy})`, class: 'mark' }) : svg('circle', { cx, cy, r: 5, class: hollow ? 'mark hollow' : 'mark' }));
      if (group.length > 1) g.append(svg('text', { x: cx + 8, y: cy - 5, class: 'count' }, `×${group.length}`));
      makeActive(g, name, range, reveal, `tl-${i}-${date}`);
      root.append(g);
    }
  });
  // Screen readers get the events, each named in full; the lanes' names, the axis and the labels
  // drawn on the chart would only be read as a jumble of words, and the lines above the chart and
  // the list below it say the same in sentences.
  for (const child of Array.from(root.children)) if (!child.classList.contains('ev')) child.setAttribute('aria-hidden', 'true');
  return root;
}

function makeActive(g: SVGGElement, name: string, range: Rng | undefined, reveal: Reveal, key: string): void {
  g.setAttribute('aria-label', name);
  if (!range) {
    g.setAttribute('role', 'img');
    return;
  }
  g.setAttribute('role', 'button');
  g.setAttribute('tabindex', '0');
  g.dataset.key = key;
  g.addEventListener('click', () => reveal(range));
  g.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      reveal(range);
    }
  });
}

function anchor(px: number, width: number): string {
  if (px > width - 140) return 'end';
  if (px < LABEL_W + 100) return 'start';
  return 'middle';
}

/** Grid lines: each Monday for a short span, the 1st and 15th for a few months, else the 1st of each month. */
function ticks(d0: number, d1: number, px: number): { day: number; label?: string }[] {
  const out: { day: number; label?: string }[] = [];
  const span = d1 - d0;
  const dated = (d: number) => {
    const dt = new Date(d * DAY);
    return `${dt.getUTCDate()} ${MONTHS[dt.getUTCMonth()]}`;
  };
  if (span <= 50) {
    for (let d = Math.ceil(d0); d <= d1; d++) if (new Date(d * DAY).getUTCDay() === 1) out.push({ day: d, label: dated(d) });
    return spaced(out, px);
  }
  // Each month; every few months or years when the dates lie far apart, so never more than MAX_TICKS.
  const step = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000].find((s) => span / 30.44 / s <= MAX_TICKS) ?? 12000;
  const first = new Date(Math.floor(d0) * DAY);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  if (step >= 12) {
    y = Math.floor(y / (step / 12)) * (step / 12);
    m = 0;
  } else m -= m % step;
  let yearShown = false;
  for (let i = 0; i < MAX_TICKS + 4; i++) {
    const start = utcDay(y, m, 1);
    if (!(start <= d1)) break;
    if (start >= d0) {
      out.push({ day: start, label: step >= 12 ? String(y) : `${MONTHS[m]}${m === 0 || !yearShown ? ` ${y}` : ''}` });
      yearShown = true;
    }
    const mid = utcDay(y, m, 15);
    if (span <= 150 && mid >= d0 && mid <= d1) out.push({ day: mid, label: dated(mid) });
    m += step;
    y += Math.floor(m / 12);
    m %= 12;
  }
  return spaced(out, px);
}

function spaced(out: { day: number; label?: string }[], px: number): { day: number; label?: string }[] {
  // Keep about 64 pixels between labels.
  const every = Math.max(1, Math.ceil((out.length * 64) / Math.max(px, 1)));
  return out.map((t, i) => (i % every === 0 ? t : { day: t.day }));
}
