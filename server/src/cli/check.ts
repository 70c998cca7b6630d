import { caseHeading, CaseDoc, dossierEntry, LineIndex, placeAt, type Analyser, type CaseHeading, type ChecklistItem, type DossierCase, type Finding } from '../engine/index';
import { fingerprints, yamlPathAt } from './fingerprint';
import type { FileReport } from './report';

/**
 * What the run's outputs need of each file beyond its findings. Each is worked out while the
 * file's reading (its YAML tree) is at hand, so that the reading can go as soon as the file is
 * checked: a thousand readings kept to the end made garbage collection a fifth of the run, and a
 * reading cannot pass from a worker thread to the main one.
 */
export interface Needs {
  /** A hash of each finding: SARIF and baselines. */
  fingerprints: boolean;
  /** Each finding's key path (`agencies[id=police].minimumData`): baselines. */
  yamlPaths: boolean;
  /** Each finding's place in words (“agency “Northshire GP””): JUnit's test names. */
  places: boolean;
  /** The case's reference, child and board: the Markdown report's headings. */
  heading: boolean;
}

/** What the run's outputs need, from the formats used and whether a baseline is used or written. */
export function needsOf(formats: readonly string[], baseline: boolean): Needs {
  return {
    fingerprints: baseline || formats.includes('sarif'),
    yamlPaths: baseline,
    places: formats.includes('junit'),
    heading: formats.includes('markdown'),
  };
}

/** What is worked out of each finding for the outputs (see Needs). */
export interface FindingExtras {
  fingerprints?: Map<Finding, string>;
  yamlPaths?: Map<Finding, string>;
  places?: Map<Finding, string>;
}

/** Works out what the outputs need of each finding, from the file's reading where there is one. */
export function findingExtras(findings: readonly Finding[], lines: LineIndex, doc: CaseDoc | undefined, needs: Needs): FindingExtras {
  const each = (f: (x: Finding) => string) => new Map(findings.map((x) => [x, f(x)]));
  return {
    ...(needs.fingerprints ? { fingerprints: fingerprints(findings, lines, doc) } : {}),
    ...(needs.yamlPaths && doc ? { yamlPaths: each((x) => yamlPathAt(doc, x.span.start)) } : {}),
    ...(needs.places && doc ? { places: each((x) => placeAt(doc, x.span.start)) } : {}),
  };
}

/** A case file to check: everything a worker thread needs for it. */
export interface CaseTask {
  path: string;
  text: string;
  /** How the dossier names the file to people (see dossierNames). */
  name: string;
}

/**
 * A case file checked: what its report needs, as plain data that can pass between threads (the
 * findings, and the maps keyed by them, travel in one message, so the keys stay the same objects).
 */
export interface CheckedCase extends FindingExtras {
  path: string;
  /** Findings to show: waived ones are in `waived`. */
  findings: Finding[];
  waived: Finding[];
  checklist: ChecklistItem[];
  heading?: CaseHeading;
  /** The file's entry in the dossier: absent until `case.reference` is written. */
  dossier?: DossierCase;
}

/** Checks one case file: reads it once, for its dossier entry and for every check. */
export async function checkCase(analyser: Analyser, task: CaseTask, needs: Needs, dossier: readonly DossierCase[] = []): Promise<CheckedCase> {
  const doc = new CaseDoc(task.text);
  const entry = dossierEntry(task.path, doc, task.name);
  const a = await analyser.analyse(task.path, task.text, dossier, doc);
  return {
    path: task.path,
    findings: a.findings.filter((x) => !x.waived),
    waived: a.findings.filter((x) => x.waived),
    checklist: a.checklist,
    ...(entry ? { dossier: entry } : {}),
    ...(needs.heading ? { heading: caseHeading(doc) } : {}),
    ...findingExtras(a.findings, doc.lines, doc, needs),
  };
}

/** The report of a file that could not be read: one finding, the reason, at its start. */
export function unreadable(abs: string, shown: string, problem: string): FileReport {
  const finding: Finding = { rule: 'yaml-syntax', severity: 'error', message: problem, span: { start: 0, end: 0 }, questions: [], fixes: [], related: [] };
  const lines = new LineIndex('');
  return { path: shown, absolutePath: abs, lines, findings: [finding], waived: [], fingerprints: fingerprints([finding], lines), kind: 'unreadable' };
}
