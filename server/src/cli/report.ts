import type { Analysis, ChecklistItem, Finding, LineIndex } from '../engine/index';

/** One checked file, as every output format sees it. */
export interface FileReport {
  /** The path shown to the user (relative to where the command runs). */
  path: string;
  absolutePath: string;
  lines: LineIndex;
  /** Findings to show: waived ones removed (they stay in `waived`). */
  findings: Finding[];
  waived: Finding[];
  checklist?: ChecklistItem[];
  analysis?: Analysis;
  /** A settings file's findings are reported under its own path, with no checklist. */
  kind: 'case' | 'config' | 'unreadable';
}

export interface RunReport {
  files: FileReport[];
  errors: number;
  warnings: number;
}

export function counts(files: FileReport[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const x of f.findings) {
    if (x.severity === 'error') errors++;
    else if (x.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
