// What a plan kept on several computers needs from git: the merge driver (.gitattributes and this
// clone's git config), this computer's id series, and the check a server repository runs on every
// push. None of it is needed by a plan kept on one computer.
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { SERIES } from '../core/ids.js';
import { commitPaths, fileState, gitText, hasIdentity } from './git.js';
import type { HookProgram } from './plan-files.js';
import { configOf, remoteNames, revision, setConfig, type RepoContext } from './sync.js';
import { commitMessage } from './trailers.js';
import { writeFileAtomic } from './write.js';

export const ATTRIBUTES_FILE = '.gitattributes';
const ATTRIBUTES_MARK = '# tasks: task files and settings merge field by field (tasks merge-driver)';
const patterns = (prefix: string) => [`${prefix}tasks/**/*.yaml`, `${prefix}tasks/**/*.yml`, `${prefix}tasks.config.yaml`];

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function resolvedBin(program: HookProgram): string {
  try {
    return realpathSync(program.bin);
  } catch {
    return program.bin;
  }
}

/** The command git runs to merge a task file: the same node and tasks that installed it. */
function driverCommand(program: HookProgram): string {
  return `${quote(program.node)} ${quote(resolvedBin(program))} merge-driver %O %A %B %P`;
}

/** The lines .gitattributes needs in the plan's folder; undefined when they are there already. */
function attributesText(existing: string | undefined): string | undefined {
  if (existing?.includes(ATTRIBUTES_MARK)) return undefined;
  const lines = [ATTRIBUTES_MARK, ...patterns('').map((p) => `${p} merge=tasks`)];
  const before = existing && !existing.endsWith('\n') ? `${existing}\n` : (existing ?? '');
  return `${before}${lines.join('\n')}\n`;
}

/** A new plan's .gitattributes. */
export function newAttributes(): string {
  return attributesText(undefined)!;
}

/** Writes the merge rules into the plan's .gitattributes. */
function writeAttributes(root: string): boolean {
  const path = join(root, ATTRIBUTES_FILE);
  const text = attributesText(existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  if (text === undefined) return false;
  writeFileAtomic(path, text);
  return true;
}

/**
 * Makes this clone merge task files with `tasks merge-driver`: the driver in git's config, and the
 * rules in .git/info/attributes too, so that they apply before .gitattributes is committed and in a
 * plan whose .gitattributes lacks them. Only this clone's own files change.
 */
export function configureDriver(repo: RepoContext, program: HookProgram, name: string): void {
  const command = driverCommand(program);
  if (configOf(repo).get('merge.tasks.driver') !== command) setConfig(repo, 'merge.tasks.driver', command);
  if (configOf(repo).get('merge.tasks.name') !== name) setConfig(repo, 'merge.tasks.name', name);
  const path = join(repo.commonDir, 'info', 'attributes');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  const wanted = patterns(repo.prefix).map((p) => `${p} merge=tasks`);
  if (existing !== undefined && wanted.every((line) => existing.split('\n').includes(line))) return;
  mkdirSync(join(path, '..'), { recursive: true });
  const before = existing && !existing.endsWith('\n') ? `${existing}\n` : (existing ?? '');
  writeFileAtomic(path, `${before}${ATTRIBUTES_MARK}\n${wanted.join('\n')}\n`);
}

/**
 * `tasks hook install` for merges: .gitattributes in the plan (committed on its own when it can be)
 * and the driver in this clone's config.
 */
export function installDriver(repo: RepoContext, program: HookProgram, words: { name: string; commit: string }): { committed: boolean } {
  configureDriver(repo, program, words.name);
  const state = fileState(repo.root, ATTRIBUTES_FILE);
  if (state === 'changed' || state === 'untracked') return { committed: false };
  if (!writeAttributes(repo.root)) return { committed: false };
  // in a repository with no commit yet, the file goes in with the first one
  if (!hasIdentity(repo.root) || !revision(repo, 'HEAD')) return { committed: false };
  return { committed: commitPaths(repo.root, [ATTRIBUTES_FILE], commitMessage(words.commit, { command: 'hook' })).ok };
}

// ---- id series

export interface IdSeries {
  /** this computer's letters, from `git config tasks.clerk` */
  code: string | undefined;
  /** the plan is shared: it has a remote, or has exchanged a bundle */
  shared: boolean;
}

export function idSeries(repo: RepoContext | undefined): IdSeries {
  if (!repo) return { code: undefined, shared: false };
  const code = configOf(repo).get('tasks.clerk');
  const bundles = () => existsSync(join(repo.commonDir, 'refs', 'tasks', 'bundle')) || Boolean(gitText(['for-each-ref', '--count=1', '--format=%(refname)', 'refs/tasks/bundle/'], repo.top));
  return { code: code && SERIES.test(code) ? code : undefined, shared: remoteNames(repo).length > 0 || bundles() };
}

/**
 * Who else created tasks of series `code` in `ids` (the author of each file's first commit), when
 * that is not this computer's git user: two computers must never share a series.
 */
export function seriesOwner(repo: RepoContext, year: number, code: string, files: readonly string[]): string | undefined {
  const own = configOf(repo).get('user.email');
  const pattern = new RegExp(`/${year}-${code}\\d+\\.ya?ml$`);
  for (const file of files.filter((f) => pattern.test(`/${f}`))) {
    const r = gitText(['log', '--diff-filter=A', '--format=%an%x1f%ae', '--', `${repo.prefix}${file}`], repo.top);
    const [name, email] = (r?.split('\n').at(-1) ?? '').split('\x1f');
    if (email && email !== own) return name || email;
  }
  return undefined;
}

export function setSeries(repo: RepoContext, code: string): boolean {
  return setConfig(repo, 'tasks.clerk', code);
}

// ---- the server's check

const SERVER_MARK = '# tasks pre-receive hook';

/** The pre-receive hook: each pushed branch's tree is checked out aside and must pass `tasks validate`. */
function serverScript(program: HookProgram): string {
  const run = `${quote(program.node)} ${quote(resolvedBin(program))}`;
  return [
    '#!/bin/sh',
    `${SERVER_MARK} (tasks hook server): every pushed branch must pass tasks validate.`,
    'status=0',
    'while read old new ref; do',
    '  case "$ref" in refs/heads/*) ;; *) continue ;; esac',
    '  case "$new" in *[!0]*) ;; *) continue ;; esac',
    '  tmp=$(mktemp -d) || exit 1',
    '  if ! git archive "$new" | tar -x -C "$tmp"; then rm -rf "$tmp"; exit 1; fi',
    '  dir="$tmp"',
    '  if [ ! -f "$dir/tasks.config.yaml" ] && [ ! -d "$dir/tasks" ]; then',
    '    for d in "$tmp"/*/; do if [ -f "$d/tasks.config.yaml" ]; then dir="$d"; break; fi; done',
    '  fi',
    `  if [ -f ${quote(resolvedBin(program))} ]; then TASKS_CACHE=off ${run} validate --dir "$dir" >&2 || status=1`,
    '  else TASKS_CACHE=off tasks validate --dir "$dir" >&2 || status=1; fi',
    '  rm -rf "$tmp"',
    'done',
    'exit $status',
    '',
  ].join('\n');
}

export type ServerOutcome = { ok: true; path: string } | { ok: false; reason: 'not_repo' } | { ok: false; reason: 'exists'; path: string };

/**
 * Installs the pre-receive hook in the repository at `dir` (usually a bare one on the server). A
 * Gitea or GitLab repository runs its own pre-receive hook and then every script in
 * hooks/pre-receive.d/: ours goes there, beside theirs.
 */
export function installServerHook(dir: string, program: HookProgram, force: boolean): ServerOutcome {
  const hooks = gitText(['rev-parse', '--git-path', 'hooks'], dir);
  if (!hooks || !existsSync(dir)) return { ok: false, reason: 'not_repo' };
  const hooksDir = isAbsolute(hooks) ? hooks : join(dir, hooks);
  const path = existsSync(join(hooksDir, 'pre-receive.d')) ? join(hooksDir, 'pre-receive.d', 'tasks-validate') : join(hooksDir, 'pre-receive');
  if (existsSync(path) && !readFileSync(path, 'utf8').includes(SERVER_MARK) && !force) return { ok: false, reason: 'exists', path };
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, serverScript(program));
  chmodSync(path, 0o755);
  return { ok: true, path };
}
