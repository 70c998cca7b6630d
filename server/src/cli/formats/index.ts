import type { RenderContext, RunReport } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

/** Every output format, by the name --format and --output-format take. */
export const FORMATS = {
  stylish: (r: RunReport, ctx: RenderContext) => formatStylish(r, { color: ctx.color }),
  json: (r: RunReport) => formatJson(r),
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
  junit: (r: RunReport) => formatJunit(r),
} as const;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function isFormat(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(FORMATS, name);
}

/** The format a report file's name asks for, by its extension; undefined when it does not say. */
export function formatForFile(path: string): FormatName | undefined {
  const name = path.toLowerCase();
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  if (name.endsWith('.xml')) return 'junit';
  return undefined;
}
