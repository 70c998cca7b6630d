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

/** The extensions that name a format, longest first. */
const EXTENSIONS: readonly (readonly [string, FormatName])[] = [
  ['.sarif.json', 'sarif'], ['.sarif', 'sarif'], ['.json', 'json'], ['.markdown', 'markdown'], ['.md', 'markdown'], ['.xml', 'junit'],
];

/** The extension of a report file's name that names a format, with that format; undefined when it names none. */
export function extensionFormat(path: string): { extension: string; format: FormatName } | undefined {
  const name = path.toLowerCase();
  const e = EXTENSIONS.find(([ext]) => name.endsWith(ext));
  return e && { extension: e[0], format: e[1] };
}

/** The format a report file's name asks for, by its extension; undefined when it does not say. */
export function formatForFile(path: string): FormatName | undefined {
  return extensionFormat(path)?.format;
}

/** The extension a file in this format is given; undefined for the formats meant for a screen or log. */
export function extensionFor(format: FormatName): string | undefined {
  return EXTENSIONS.find(([ext, f]) => f === format && ext !== '.sarif.json' && ext !== '.markdown')?.[0];
}
