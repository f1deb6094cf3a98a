// git, always spawned with an argument array and never through a shell.
import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  status: number | null;
  stdout: Buffer;
  stderr: string;
  /** git is not installed */
  missing: boolean;
}

export function git(args: readonly string[], cwd: string, input?: string | Buffer): GitResult {
  const r = spawnSync('git', args as string[], { cwd, input, maxBuffer: 512 * 1024 * 1024 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return {
    ok: r.status === 0,
    status: r.status,
    stdout: r.stdout ?? Buffer.alloc(0),
    stderr: r.stderr?.toString('utf8') ?? String(r.error ?? ''),
    missing,
  };
}

export function gitText(args: readonly string[], cwd: string): string | undefined {
  const r = git(args, cwd);
  return r.ok ? r.stdout.toString('utf8').trim() : undefined;
}

/** The repository's top folder, or undefined outside a repository or without git. */
export function repoRoot(cwd: string): string | undefined {
  return gitText(['rev-parse', '--show-toplevel'], cwd);
}

/** Staged (added, copied, modified, renamed) files under `cwd`, relative to it, and their staged contents. */
export function stagedFiles(cwd: string): Map<string, Buffer> {
  const names = git(['diff', '--cached', '--name-only', '--relative', '-z', '--diff-filter=ACMR'], cwd);
  const out = new Map<string, Buffer>();
  if (!names.ok) return out;
  for (const name of names.stdout.toString('utf8').split('\0').filter(Boolean)) {
    const blob = git(['show', `:./${name}`], cwd);
    if (blob.ok) out.set(name, blob.stdout);
  }
  return out;
}

export type FileState = 'clean' | 'changed' | 'untracked' | 'new';

/**
 * A file's state in git: clean (committed, unchanged), changed (edited or staged since the last
 * commit), untracked (present, never committed), or new (absent, so nothing to lose).
 */
export function fileState(cwd: string, path: string): FileState {
  const r = git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', path], cwd);
  const out = r.stdout.toString('utf8');
  if (out === '') {
    const tracked = git(['ls-files', '--error-unmatch', '--', path], cwd).ok;
    return tracked ? 'clean' : 'new';
  }
  return out.startsWith('??') ? 'untracked' : 'changed';
}

/** The states of several files at once (two git runs, whatever their number). */
export function fileStates(cwd: string, paths: readonly string[]): Map<string, FileState> {
  const out = new Map<string, FileState>(paths.map((p) => [p, 'new']));
  if (paths.length === 0) return out;
  // ls-files names files from `cwd`, status --porcelain from the repository's top
  const prefix = gitText(['rev-parse', '--show-prefix'], cwd) ?? '';
  const local = (path: string) => (prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const tracked = git(['ls-files', '-z', '--', ...paths], cwd).stdout.toString('utf8').split('\0').filter(Boolean);
  for (const path of tracked) out.set(path, 'clean');
  const status = git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths], cwd).stdout.toString('utf8').split('\0').filter(Boolean);
  for (const line of status) out.set(local(line.slice(3)), line.startsWith('??') ? 'untracked' : 'changed');
  return out;
}

/** Whether git knows who is committing (user.name and user.email, or the environment). */
export function hasIdentity(cwd: string): boolean {
  return git(['var', 'GIT_AUTHOR_IDENT'], cwd).ok && git(['var', 'GIT_COMMITTER_IDENT'], cwd).ok;
}

/**
 * Commits exactly `paths` (added or changed) with `message`, leaving anything else the clerk has
 * staged or edited alone. Hooks are skipped: the edit has just been validated by the same rules.
 */
export function commitPaths(cwd: string, paths: readonly string[], message: string): GitResult {
  const add = git(['add', '--', ...paths], cwd);
  if (!add.ok) return add;
  return git(['commit', '--quiet', '--no-verify', '--only', '-F', '-', '--', ...paths], cwd, message);
}

/** Puts the index of `paths` back to the last commit (after a commit that failed once they were added). */
export function unstage(cwd: string, paths: readonly string[]): void {
  git(['reset', '--quiet', '--', ...paths], cwd);
}

interface CommitFile {
  status: string;
  /** path relative to the repository's top */
  path: string;
  /** the path before a rename or copy */
  oldPath?: string;
}

export interface Commit {
  hash: string;
  parents: string[];
  /** author date, ISO 8601 with the author's offset */
  date: string;
  author: string;
  email: string;
  subject: string;
  body: string;
  files: CommitFile[];
}

/** `git log` with the given arguments, parsed: newest first, with the files each commit touched. */
export function logCommits(cwd: string, args: readonly string[]): Commit[] {
  const r = git(['-c', 'core.quotePath=false', 'log', '--name-status', '--format=%x1e%H%x1f%P%x1f%aI%x1f%an%x1f%ae%x1f%s%x1f%b%x1f', ...args], cwd);
  if (!r.ok) return [];
  return r.stdout
    .toString('utf8')
    .split('\x1e')
    .filter((record) => record.trim() !== '')
    .map((record) => {
      const [hash = '', parents = '', date = '', author = '', email = '', subject = '', body = '', names = ''] = record.split('\x1f');
      const files = names
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
          const [status = '', a = '', b] = line.split('\t');
          return b === undefined ? { status, path: a } : { status, path: b, oldPath: a };
        });
      return { hash, parents: parents.split(' ').filter(Boolean), date, author, email, subject, body: body.trim(), files };
    });
}

/** Contents of `<rev>:<path>` for each spec, read through one `git cat-file --batch`; undefined when missing. */
export function readRevisions(cwd: string, specs: readonly string[]): Array<Buffer | undefined> {
  if (specs.length === 0) return [];
  const r = git(['cat-file', '--batch'], cwd, `${specs.join('\n')}\n`);
  const out: Array<Buffer | undefined> = [];
  let pos = 0;
  const data = r.stdout;
  for (let i = 0; i < specs.length; i++) {
    const nl = data.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = data.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    const m = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      out.push(undefined);
      continue;
    }
    const size = Number(m[2]);
    out.push(m[1] === 'blob' ? data.subarray(pos, pos + size) : undefined);
    pos += size + 1;
  }
  return out;
}
