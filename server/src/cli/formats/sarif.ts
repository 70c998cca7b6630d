import type { ArtifactLocation, Location, Log, ReportingDescriptor, Result } from 'sarif';
import { ALL_RULES, QUESTIONS, type Finding, type Severity } from '../../engine/index';
import { fileUri, HOME, pathToUriReference, ruleDocUrl } from '../links';
import { fingerprintOf, regionOf, repoPathOf, type FileReport, type RenderContext, type RunReport } from '../report';

/**
 * The base of every relative URI: the top of the repository the command ran in (GitHub code
 * scanning reads paths from there), or else the folder it ran in. Left for the reader to place,
 * so that the machine's own folders are not written into the log.
 */
export const SRCROOT = '%SRCROOT%';

/** Where a file is, as code scanning names it: from the top of the repository when it is in it. */
function artifactOf(absolutePath: string, shown: string, ctx: RenderContext): ArtifactLocation {
  const fromRoot = repoPathOf(absolutePath, ctx);
  if (fromRoot !== undefined) return { uri: pathToUriReference(fromRoot), uriBaseId: SRCROOT };
  const uri = fileUri(shown);
  // Outside the repository, a shown path is relative to the folder the command ran in.
  return uri.startsWith('file:') || ctx.repoRoot ? { uri: fileUri(absolutePath) } : { uri, uriBaseId: SRCROOT };
}

/** The key of our fingerprint in `partialFingerprints` (bump the number if its recipe changes). */
export const FINGERPRINT_KEY = 'scrCheckFingerprint/v1';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule described once in `tool.driver`,
 * each finding a result with a 1-based region and a fingerprint that survives lines moving,
 * waived findings kept as suppressed results with their reason.
 */
export function formatSarif(report: RunReport, ctx: RenderContext): string {
  const rules: ReportingDescriptor[] = ALL_RULES.map((r) => {
    const questions = r.questions.map((q) => `QM2 question ${q}: ${QUESTIONS[q].short.toLowerCase()}.`);
    const url = ruleDocUrl(r.id);
    return {
      id: r.id,
      name: pascal(r.id),
      shortDescription: { text: r.title },
      fullDescription: { text: plain(r.description), markdown: r.description },
      helpUri: url,
      help: {
        text: [plain(r.description), ...questions, `More about this check: ${url}`].join('\n'),
        markdown: [r.description, ...questions, `[More about this check](${url})`].join('\n\n'),
      },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { tags: [...new Set(['scr', r.group, ...r.questions.map((q) => `qm2-question-${q}`)])], qm2Questions: r.questions, fixable: r.fixable },
    };
  });
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));

  const results: Result[] = [];
  for (const f of report.files) {
    const all = [...f.findings, ...f.waived].sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
    for (const x of all) results.push(result(f, x, ruleIndex, ctx));
  }

  const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(ctx.version);
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'scr-check',
            fullName: 'SCR Decision Checker',
            version: ctx.version,
            ...(semver ? { semanticVersion: ctx.version } : {}),
            informationUri: HOME,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function result(f: FileReport, x: Finding, ruleIndex: Map<string, number>, ctx: RenderContext): Result {
  const r = regionOf(f.lines, x.span);
  const index = ruleIndex.get(x.rule);
  const related: Location[] = x.related.map((rel, i) => {
    const other = rel.path ? ctx.byPath.get(rel.path) : f;
    const loc: Location = { id: i + 1, message: { text: rel.message } };
    if (other) {
      const rr = regionOf(other.lines, rel.span);
      loc.physicalLocation = { artifactLocation: artifactOf(other.absolutePath, other.path, ctx), region: { startLine: rr.line, startColumn: rr.column, endLine: rr.endLine, endColumn: rr.endColumn } };
    } else if (rel.path) {
      loc.physicalLocation = { artifactLocation: artifactOf(rel.path, rel.path, ctx) };
    }
    return loc;
  });
  return {
    ruleId: x.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: LEVEL[x.severity],
    message: { text: x.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactOf(f.absolutePath, f.path, ctx),
          region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f, x) },
    ...(related.length ? { relatedLocations: related } : {}),
    ...(x.waived ? { suppressions: [{ kind: 'inSource' as const, status: 'accepted' as const, justification: x.waived.reason || '(no reason given)' }] } : {}),
    ...(x.questions.length ? { properties: { qm2Questions: x.questions } } : {}),
  };
}

function pascal(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

/** Markdown's code marks taken out, for the plain-text fields. */
function plain(s: string): string {
  return s.replace(/`([^`]*)`/g, '$1');
}
