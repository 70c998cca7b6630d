/** The analyser's public face: everything the command line, the language server and the client use. */
export * from './types';
export { analyseText, dossierEntry, type Analysis, type AnalyseOptions } from './analyse';
export { analyseConfig, CONFIG_FILE, type ConfigAnalysis } from './config';
export { createAnalyser, folderOf, joinPath, parentFolders, type Analyser, type Host, type FileSettings } from './workspace';
export { computeChecklist, checklistSummary, metCount } from './checklist';
export { QUESTIONS, ALL_QUESTIONS, STATUS_WORDS, STATUS_SYMBOL } from './qm2';
export { ALL_RULES, RULES_BY_ID } from './rules/index';
export type { RuleMeta, DossierCase } from './rule';
export { LineIndex } from './lines';
export { CaseDoc, type Path } from './document';
export { applyEdits } from './fixes';
export { mergeSettings, DEFAULT_SETTINGS, type Settings, type RawSettings } from './settings';
export { parseDate, formatIso, formatLong, todayDay, type DayNumber } from './dates';
export { overview, describeTiming, CONSIDERATIONS, type Overview, type TimelineEvent } from './overview';
