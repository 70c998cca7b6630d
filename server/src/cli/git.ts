import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { toSlash } from './files';

/** Something about git or the ref that stops --changed-since from working; told to the user. */
export class GitProblem extends Error {}

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  missing?: boolean;
}

/** Runs git on this machine only: nothing here may reach a remote (no prompts, no lazy fetches). */
function git(args: string[], cwd: string): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_NO_LAZY_FETCH: '1' } }, (error, stdout, stderr) => {
      const missing = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: !error, stdout: String(stdout ?? ''), stderr: String(stderr ?? ''), missing });
    });
  });
}

function gitSays(r: GitResult): string {
  const line = r.stderr.split('\n').map((l) => l.trim()).find(Boolean);
  return line ? ` Git said: ${line.replace(/^fatal:\s*/, '')}` : '';
}

/** A folder from which to find the repository: its top folder (real path), or why there is none. */
export async function repositoryOf(dir: string, shown: string): Promise<string> {
  const top = await git(['rev-parse', '--show-toplevel'], dir);
  if (top.missing) throw new GitProblem('--changed-since needs git, which is not installed here (or not on the PATH).');
  if (!top.ok) {
    const said = /not a git repository/i.test(top.stderr) ? '' : gitSays(top);
    throw new GitProblem(`--changed-since needs a git repository, and ${shown} is not inside one.${said}`);
  }
  return toSlash(await fs.realpath(top.stdout.trim()));
}

/**
 * The files changed since `ref` in the repositories that hold the given folders (each folder's
 * own: paths in two repositories are each compared with that repository's `ref`): every file
 * added, changed or renamed between the point where `ref` and HEAD meet (their merge base) and
 * the working tree, staged or not, and files git does not track yet (unless ignored). Absolute,
 * '/'-separated real paths.
 */
export async function changedSince(ref: string, folders: { dir: string; shown: string }[]): Promise<{ roots: string[]; files: Set<string> }> {
  if (!ref || ref.startsWith('-')) throw new GitProblem(`--changed-since needs a branch, tag or commit, not "${ref}".`);
  const roots: string[] = [];
  for (const f of folders) {
    const root = await repositoryOf(f.dir, f.shown);
    if (!roots.includes(root)) roots.push(root);
  }
  const files = new Set<string>();
  for (const root of roots) for (const f of await changedIn(ref, root, roots.length > 1)) files.add(f);
  return { roots, files };
}

async function changedIn(ref: string, root: string, several: boolean): Promise<string[]> {
  // With paths in several repositories, a message names the one it is about.
  const repo = several ? `the repository at ${root}` : 'this repository';
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  if (!commit.ok) {
    throw new GitProblem(
      `--changed-since: "${ref}" is not a branch, tag or commit ${repo} knows. ` +
        'Check the name; in a copy made with little history, fetch the full history first (in GitHub Actions, actions/checkout with fetch-depth: 0).',
    );
  }
  const sha = commit.stdout.trim();
  const head = await git(['rev-parse', '--verify', '--quiet', 'HEAD'], root);
  let base = sha;
  if (head.ok) {
    const mb = await git(['merge-base', sha, 'HEAD'], root);
    if (!mb.ok) {
      throw new GitProblem(
        `--changed-since: "${ref}" and the current commit share no history in ${repo}, so what changed cannot be told. ` +
          'In a copy made with little history, fetch the full history first (in GitHub Actions, actions/checkout with fetch-depth: 0).',
      );
    }
    base = mb.stdout.trim();
  }
  // No rename detection: a renamed file is simply a new one, and no file's content is needed.
  const diff = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base, '--'], root);
  if (!diff.ok) throw new GitProblem(`--changed-since: git could not list the changes since "${ref}".${gitSays(diff)}`);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  const files: string[] = [];
  for (const out of [diff.stdout, untracked.ok ? untracked.stdout : '']) {
    for (const name of out.split('\0')) if (name) files.push(`${root}/${name}`);
  }
  return files;
}

