import { validateConfig } from './generated/validate-config';
import { CaseDoc } from './document';
import { pointerToPath } from './rules/schema';
import { ALL_RULES } from './rules/index';
import type { RawSettings } from './settings';
import { withoutBranchErrors } from './schema-info';
import { listWords, nearest, ownEntry } from './text';
import { renameKey, replaceValue } from './fixes';
import type { Finding } from './types';
import { describeLimit, parseLimit } from './dates';

export const CONFIG_FILE = 'scr.config.yaml';

export interface ConfigAnalysis {
  path: string;
  doc: CaseDoc;
  /** What the file sets; values it gets wrong are left out, so the defaults apply there. */
  settings: RawSettings;
  findings: Finding[];
}

/** What each setting that holds more than one value should be, in words. */
const SHOULD_BE: Record<string, string> = {
  keyAgencyTypes: 'a list of agency types, for example `[social-care, police, health]`',
  rules: 'a section that names rules, each followed by `off`, `hint`, `info`, `warning` or `error`',
};

const LIMIT_HELP = 'a length of time such as `1 month`, `20 working days`, `4 weeks` or `30 days`';

/**
 * Whether a setting is left empty (`decisionLimit:` with nothing after it, or only spaces in
 * quotes): "null" only to the program reading it, so the message says that nothing is written.
 */
function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && !v.trim());
}

/**
 * The limit a value means where only its letters' case or its spacing keep it from being read
 * (`20 Working Days`, `1  month`), as it should be written; undefined otherwise.
 */
function limitMeant(v: unknown): string | undefined {
  if (typeof v !== 'string' || parseLimit(v)) return undefined;
  const limit = parseLimit(v.toLowerCase().replace(/\s+/g, ' '));
  return limit && describeLimit(limit);
}

function emptySaid(key: string): string {
  return `\`${key}\` is empty: nothing is written after it (a comment is not read).`;
}

/** A settings file that is there but cannot be read: one finding on it, and the defaults apply. */
export function unreadableConfig(problem: string, path = CONFIG_FILE): ConfigAnalysis {
  const finding: Finding = {
    rule: 'yaml-syntax', severity: 'error', span: { start: 0, end: 0 }, questions: [], fixes: [], related: [],
    message: `${problem} Until it can be read, the default settings apply to the case files in its folder.`,
  };
  return { path, doc: new CaseDoc(''), settings: {}, findings: [finding] };
}

/** Reads scr.config.yaml. Problems in it are findings on the file itself, never failures. */
export function analyseConfig(text: string, path = CONFIG_FILE): ConfigAnalysis {
  const doc = new CaseDoc(text);
  const findings: Finding[] = [];
  const add = (rule: string, span: Finding['span'], message: string, fixes: Finding['fixes'] = []) =>
    findings.push({ rule, severity: 'error', message, span, questions: [], fixes, related: [] });
  for (const p of doc.syntax) add('yaml-syntax', p.span, p.message);
  const value = doc.value;
  if (value === null || value === undefined) return { path, doc, settings: {}, findings };
  if (typeof value !== 'object' || Array.isArray(value)) {
    add('schema', doc.lineSpan(0), 'The settings file should hold keys such as `decisionLimit:` and `rules:`.');
    return { path, doc, settings: {}, findings };
  }
  const ruleIds = ALL_RULES.map((r) => r.id);
  // A rule's name mistyped under `rules` breaks two parts of the settings format: one finding for it.
  const toldNotRules = new Set<string>();
  const notARule = (bad: string) => {
    if (toldNotRules.has(bad)) return;
    toldNotRules.add(bad);
    const guess = nearest(bad, ruleIds);
    add('schema', doc.keySpan(['rules', bad]), `\`${bad}\` is not a rule.${guess ? ` Did you mean \`${guess}\`?` : ''}`,
      guess ? [{ title: `Change to \`${guess}\``, edits: [renameKey(doc, ['rules', bad], guess)!], preferred: true }] : []);
  };
  if (!validateConfig(value)) {
    const seen = new Set<string>();
    for (const err of withoutBranchErrors(validateConfig.errors ?? [])) {
      const path = pointerToPath(err.instancePath);
      const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
      if (seen.has(key) || err.keyword === 'if') continue;
      seen.add(key);
      const top = String(path[0] ?? '');
      if (err.keyword === 'additionalProperties' && top === 'rules') {
        notARule(String(err.params.additionalProperty));
      } else if (err.keyword === 'additionalProperties') {
        const k = String(err.params.additionalProperty);
        const known = ['decisionLimit', 'notificationLimit', 'keyAgencyTypes', 'rules', 'notes'];
        const guess = nearest(k, known);
        add('schema', doc.keySpan([...path, k]), `\`${k}\` is not a setting.${guess ? ` Did you mean \`${guess}\`?` : ` Settings are: ${listWords(known.map((x) => `\`${x}\``))}.`}`,
          guess ? [{ title: `Change to \`${guess}\``, edits: [renameKey(doc, [...path, k], guess)!], preferred: true }] : []);
      } else if (err.keyword === 'propertyNames' || (top === 'rules' && err.keyword === 'enum' && path.length === 1)) {
        const bad = String(err.params.propertyName ?? '');
        if (bad) notARule(bad);
      } else if (top === 'decisionLimit' || top === 'notificationLimit') {
        const v = doc.get(path);
        const meant = limitMeant(v);
        const count = typeof v === 'number' || typeof v === 'string' ? /^\s*(\d{1,4})\s*$/.exec(String(v))?.[1] : undefined;
        add('schema', doc.spanOf(path), isEmpty(v)
          ? `${emptySaid(top)} Write ${LIMIT_HELP}, or remove it. The default applies until it is put right.`
          : meant ? `“${String(v).trim()}” is read only when written \`${meant}\`: in small letters, with one space between words. The default applies until it is put right.`
          : count ? `\`${top}\` is a number alone: say what it counts, for example \`${count} days\`, \`${count} working days\`, \`${count} weeks\` or \`${count} months\`. The default applies until it is put right.`
          : `\`${top}\` should be ${LIMIT_HELP}. The default applies until it is put right.`,
        meant ? [{ title: `Change to \`${meant}\``, edits: [replaceValue(doc, path, meant)!].filter(Boolean), preferred: true }] : []);
      } else if (err.keyword === 'enum') {
        const allowed = (err.params.allowedValues as unknown[]).map(String);
        const v = doc.get(path);
        const guess = typeof v === 'string' ? nearest(v, allowed) : undefined;
        const left = top === 'keyAgencyTypes' ? ' It is left out until it is put right.' : '';
        const written = typeof v === 'string' ? `“${v}”` : Array.isArray(v) ? 'A list' : v !== null && typeof v === 'object' ? 'A section' : `“${String(v)}”`;
        const choices = listWords(allowed.map((a) => `\`${a}\``));
        // Left empty, the value is "null" only to the program reading it: say that nothing is written.
        const said = v === null || v === undefined ? `${typeof path[path.length - 1] === 'string' ? `\`${String(path[path.length - 1])}\` is empty` : 'Nothing is written here'}. Write one of the choices: ${choices}.` : `${written} is not one of the choices here: ${choices}.`;
        add('schema', doc.spanOf(path), `${said}${guess ? ` Did you mean \`${guess}\`?` : ''}${left}`,
          guess ? [{ title: `Change to \`${guess}\``, edits: [replaceValue(doc, path, guess)!].filter(Boolean), preferred: true }] : []);
      } else if (err.keyword === 'anyOf' && top === 'notes') {
        add('schema', doc.spanOf(path), isEmpty(doc.get(path)) && path.length === 1 ? `${emptySaid(top)} Write text or a list of texts, or remove it.` : '`notes` should be text or a list of texts.');
      } else if (err.keyword === 'uniqueItems') {
        add('schema', doc.spanOf(path), `\`${top}\` names the same thing twice. Keep one of each.`);
      } else if (err.keyword === 'type' && ownEntry(SHOULD_BE, top) && path.length === 1) {
        add('schema', doc.spanOf(path), isEmpty(doc.get(path))
          ? `${emptySaid(top)} Write ${ownEntry(SHOULD_BE, top)}, or remove it. The default applies until it is put right.`
          : `\`${top}\` should be ${ownEntry(SHOULD_BE, top)}. The default applies until it is put right.`);
      } else if (err.keyword !== 'propertyNames') {
        add('schema', doc.spanOf(path), `\`${path.join('.') || 'This file'}\` is not written as the settings file needs: see the settings in the README.`);
      }
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start);
  const v = value as Record<string, unknown>;
  return { path, doc, settings: { decisionLimit: v.decisionLimit, notificationLimit: v.notificationLimit, keyAgencyTypes: v.keyAgencyTypes, rules: v.rules }, findings };
}
