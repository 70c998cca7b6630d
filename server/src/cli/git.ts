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

/**
 * The files changed since `ref`: every file added, changed or renamed between the point where
 * `ref` and HEAD meet (their merge base) and the working tree, staged or not, and files git does
 * not track yet (unless ignored). Absolute, '/'-separated real paths.
 */
export async function changedSince(ref: string, cwd: string): Promise<{ root: string; files: Set<string> }> {
  if (!ref || ref.startsWith('-')) throw new GitProblem(`--changed-since needs a branch, tag or commit, not "${ref}".`);
  const top = await git(['rev-parse', '--show-toplevel'], cwd);
  if (top.missing) throw new GitProblem('--changed-since needs git, which is not installed here (or not on the PATH).');
  if (!top.ok) {
    const said = /not a git repository/i.test(top.stderr) ? '' : gitSays(top);
    throw new GitProblem(`--changed-since needs a git repository, and ${cwd} is not inside one.${said}`);
  }
  const root = toSlash(await fs.realpath(top.stdout.trim()));
  const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root);
  if (!commit.ok) {
    throw new GitProblem(
      `--changed-since: "${ref}" is not a branch, tag or commit this repository knows. ` +
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
        `--changed-since: "${ref}" and the current commit share no history here, so what changed cannot be told. ` +
          'In a copy made with little history, fetch the full history first (in GitHub Actions, actions/checkout with fetch-depth: 0).',
      );
    }
    base = mb.stdout.trim();
  }
  // No rename detection: a renamed file is simply a new one, and no file's content is needed.
  const diff = await git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', base, '--'], root);
  if (!diff.ok) throw new GitProblem(`--changed-since: git could not list the changes since "${ref}".${gitSays(diff)}`);
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  const files = new Set<string>();
  for (const out of [diff.stdout, untracked.ok ? untracked.stdout : '']) {
    for (const name of out.split('\0')) if (name) files.add(`${root}/${name}`);
  }
  return { root, files };
}

