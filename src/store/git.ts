// git, always spawned with an argument array and never through a shell.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sleepSync } from './lock.js';

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

/** What stops a commit from following an edit; the edit is refused before the file is touched. */
export type Blocker =
  | { why: 'git_missing'; gitDir: string }
  | { why: 'unsafe'; dir: string }
  | { why: 'in_progress'; operation: 'rebase' | 'am' | 'merge' | 'cherry_pick' | 'revert' | 'bisect' }
  | { why: 'detached' }
  | { why: 'conflicts'; files: string[] }
  | { why: 'index_lock'; path: string }
  | { why: 'signing'; detail: string }
  | { why: 'broken'; detail: string };

export type Repository = { kind: 'none' } | { kind: 'ready'; top: string } | { kind: 'blocked'; blocker: Blocker };

/** `.git` (a folder, or a file in a worktree) in `cwd` or a folder above it. */
function findDotGit(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (existsSync(join(dir, '.git'))) return join(dir, '.git');
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const IN_PROGRESS: ReadonlyArray<[string, Extract<Blocker, { why: 'in_progress' }>['operation']]> = [
  ['rebase-merge', 'rebase'],
  ['rebase-apply/applying', 'am'],
  ['rebase-apply', 'rebase'],
  ['MERGE_HEAD', 'merge'],
  ['CHERRY_PICK_HEAD', 'cherry_pick'],
  ['REVERT_HEAD', 'revert'],
  ['BISECT_LOG', 'bisect'],
];

// The empty tree: git knows it without storing it, so a probe commit needs nothing from the repository.
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

/**
 * Whether a commit could follow an edit of the plan at `cwd`, asked before anything is written:
 * no repository at all; a repository in a state where a commit now would be lost, refused or
 * land in the wrong place; or ready. A brief index.lock (an editor's `git status`) is waited
 * out for up to `lockWaitMs`.
 */
export function repository(cwd: string, lockWaitMs = 2_000): Repository {
  const r = git(['rev-parse', '--show-toplevel', '--absolute-git-dir'], cwd);
  if (r.missing) {
    const dotGit = findDotGit(cwd);
    return dotGit ? { kind: 'blocked', blocker: { why: 'git_missing', gitDir: dotGit } } : { kind: 'none' };
  }
  if (!r.ok) {
    const unsafe = /dubious ownership in repository at '([^']*)'/.exec(r.stderr);
    if (unsafe) return { kind: 'blocked', blocker: { why: 'unsafe', dir: unsafe[1]! } };
    if (/not a git repository/i.test(r.stderr)) return { kind: 'none' };
    return { kind: 'blocked', blocker: { why: 'broken', detail: firstLine(r.stderr) } };
  }
  const [top = '', gitDir = ''] = r.stdout.toString('utf8').split('\n');
  for (const [name, operation] of IN_PROGRESS) {
    if (existsSync(join(gitDir, name))) return { kind: 'blocked', blocker: { why: 'in_progress', operation } };
  }
  let head = '';
  try {
    head = readFileSync(join(gitDir, 'HEAD'), 'utf8');
  } catch {
    // a worktree whose HEAD cannot be read: git itself says what is wrong below
  }
  if (!head.startsWith('ref: ')) return { kind: 'blocked', blocker: { why: 'detached' } };
  const unmerged = git(['ls-files', '-u', '-z'], cwd);
  const conflicted = [...new Set(unmerged.stdout.toString('utf8').split('\0').filter(Boolean).map((l) => l.split('\t')[1] ?? l))];
  if (conflicted.length > 0) return { kind: 'blocked', blocker: { why: 'conflicts', files: conflicted } };
  const indexLock = join(gitDir, 'index.lock');
  for (let waited = 0; existsSync(indexLock); waited += 50) {
    if (waited >= lockWaitMs) return { kind: 'blocked', blocker: { why: 'index_lock', path: indexLock } };
    sleepSync(50);
  }
  if (gitText(['config', '--type=bool', '--get', 'commit.gpgsign'], cwd) === 'true') {
    const probe = git(['commit-tree', '-S', EMPTY_TREE, '-m', 'tasks: signing check'], cwd);
    if (!probe.ok) return { kind: 'blocked', blocker: { why: 'signing', detail: firstLine(probe.stderr) } };
  }
  return { kind: 'ready', top };
}

const GIT_ERRNO: ReadonlyArray<[RegExp, string]> = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
  [/Input\/output error/i, 'EIO'],
];

/** The system error behind a failed git command, when its message names one (ENOSPC …). */
export function gitErrno(stderr: string): string | undefined {
  return GIT_ERRNO.find(([pattern]) => pattern.test(stderr))?.[1];
}

export function firstLine(text: string): string {
  return text.split('\n').map((l) => l.replace(/^(fatal|error): /, '').trim()).find((l) => l !== '') ?? '';
}

/** Puts `path` back as the last commit has it, in the index and the working tree. */
export function restoreCommitted(cwd: string, path: string): GitResult {
  return git(['checkout', '-q', 'HEAD', '--', path], cwd);
}

/** Takes a file that was never committed out of the index (the file itself is left). */
export function forget(cwd: string, path: string): GitResult {
  return git(['rm', '-q', '--cached', '--ignore-unmatch', '--', path], cwd);
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

/** Commits exactly `paths`, already tracked, from the working tree; the index is left alone if the commit fails. */
export function commitOnly(cwd: string, paths: readonly string[], message: string): GitResult {
  return git(['commit', '--quiet', '--no-verify', '--only', '-F', '-', '--', ...paths], cwd, message);
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
