import { parseLimit, type Limit } from './dates';
import { AGENCY_TYPES } from './schema-info';
import type { SeveritySetting } from './types';

/** Everything that changes what the analyser finds. */
export interface Settings {
  decisionLimit: Limit;
  notificationLimit: Limit;
  keyAgencyTypes: string[];
  rules: Record<string, SeveritySetting>;
}

/** Settings as written (in scr.config.yaml or the editor): every part optional, nothing checked yet. */
export interface RawSettings {
  decisionLimit?: unknown;
  notificationLimit?: unknown;
  keyAgencyTypes?: unknown;
  rules?: unknown;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze<Settings>({
  decisionLimit: { amount: 1, unit: 'months' },
  notificationLimit: { amount: 5, unit: 'working-days' },
  keyAgencyTypes: ['social-care', 'police', 'health'],
  rules: {},
});

const LEVELS = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * Lays settings over one another, later layers winning: defaults, then the editor's settings,
 * then scr.config.yaml. A value that does not make sense is skipped (the config file's own
 * findings say why), so a slip never stops the check.
 */
export function mergeSettings(...layers: (RawSettings | undefined)[]): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, keyAgencyTypes: [...DEFAULT_SETTINGS.keyAgencyTypes], rules: {} };
  for (const layer of layers) {
    if (!layer) continue;
    const d = parseLimit(layer.decisionLimit);
    if (d) s.decisionLimit = d;
    const n = parseLimit(layer.notificationLimit);
    if (n) s.notificationLimit = n;
    if (Array.isArray(layer.keyAgencyTypes)) {
      // Only the format's agency types: one it does not know could never be recorded, so it would
      // be reported as missing for ever. A list of none of them leaves the layer below in force.
      const known = layer.keyAgencyTypes.filter((t): t is string => typeof t === 'string' && AGENCY_TYPES.includes(t));
      if (known.length || layer.keyAgencyTypes.length === 0) s.keyAgencyTypes = known;
    }
    if (layer.rules && typeof layer.rules === 'object' && !Array.isArray(layer.rules)) {
      for (const [id, level] of Object.entries(layer.rules as Record<string, unknown>)) {
        if (typeof level === 'string' && LEVELS.includes(level)) s.rules[id] = level as SeveritySetting;
      }
    }
  }
  return s;
}
