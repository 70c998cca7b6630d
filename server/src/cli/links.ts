/**
 * Where the checker's own pages live, and how reports link to lines of case files. The one place
 * these addresses are written.
 */

/** The checker's home: its source, its documentation and its GitHub Action. */
export const HOME = 'https://github.com/scr-tools/scr-decision-checker';

/** The page that explains a rule (docs/rules/<id>.md). */
export function ruleDocUrl(rule: string): string {
  return `${HOME}/blob/main/docs/rules/${encodeURIComponent(rule)}.md`;
}

/**
 * The address of the checked files in the code host, when the run is inside a CI job that says
 * so: GitHub Actions (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA) or GitLab CI
 * (CI_PROJECT_URL, CI_COMMIT_SHA). Paths are then relative to the repository's top folder.
 */
export function linkBaseFromEnv(env: Record<string, string | undefined>): string | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA) {
    return `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/`;
  }
  if (env.CI_PROJECT_URL && env.CI_COMMIT_SHA) return `${env.CI_PROJECT_URL.replace(/\/+$/, '')}/-/blob/${env.CI_COMMIT_SHA}/`;
  return undefined;
}

/** A relative path as a URI reference: each segment encoded, so `:` or spaces cannot mislead. */
export function pathToUriReference(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** A shown path as a URI: relative paths stay relative, absolute ones become `file:` URIs. */
export function fileUri(path: string): string {
  if (path.startsWith('/')) return `file://${pathToUriReference(path)}`;
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path.slice(0, 2)}${pathToUriReference(path.slice(2))}`;
  return pathToUriReference(path);
}

/** A link to a line of a file (`path#L12`), absolute when the code host is known. */
export function lineLink(path: string, line: number | undefined, base: string | undefined): string {
  const anchor = line ? `#L${line}` : '';
  const uri = fileUri(path);
  return `${uri.startsWith('file:') ? '' : base ?? ''}${uri}${anchor}`;
}
