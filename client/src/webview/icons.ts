import type { Status } from '../../../server/src/protocol';
import { svg } from './dom';

/**
 * Icons beside the words (never instead of them): each status and severity has its own shape, so
 * none rests on colour alone. Hidden from screen readers, which read the words.
 */
export type IconName = Status | 'error' | 'warning' | 'info' | 'hint' | 'lock' | 'unlock';

const PATHS: Record<IconName, string[]> = {
  met: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M4.8 8.2l2.2 2.2l4.2-4.6'],
  'partly-met': ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M8 1.5v13a6.5 6.5 0 0 0 0-13z'],
  'not-met': ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M5.5 5.5l5 5M10.5 5.5l-5 5'],
  'not-applicable': ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M5 8h6'],
  error: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4'],
  warning: ['M8 1.8l6.6 12H1.4z', 'M8 6v3.6M8 11.4v.6'],
  info: ['M8 1.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z', 'M8 7.2v4.2M8 4.8v.6'],
  hint: ['M8 1.5a4.5 4.5 0 0 0-2.6 8.2V12h5.2V9.7A4.5 4.5 0 0 0 8 1.5z', 'M6 14h4'],
  lock: ['M4 7h8v7H4z', 'M5.5 7V5a2.5 2.5 0 0 1 5 0v2'],
  unlock: ['M4 7h8v7H4z', 'M5.5 7V5a2.5 2.5 0 0 1 5 0'],
};

export function icon(name: IconName): SVGSVGElement {
  const paths = PATHS[name];
  return svg(
    'svg',
    { class: `icon icon-${name}`, viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true', focusable: 'false' },
    ...paths.map((d, i) => svg('path', { d, class: i === 0 ? 'shape' : 'mark' })),
  );
}
