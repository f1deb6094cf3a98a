// Bringing another copy's changes into the plan and sending ours: the git side of `tasks sync` and
// `tasks bundle import`. The merge is computed in git's object store (`git merge-tree`, which runs
// the task merge driver) and checked before anything in the working folder moves: a clean result
// becomes a merge commit the branch then fast-forwards to, so that an interruption at any moment
// leaves either the old state or the new one. Only a merge that needs a person is done in the
// working folder (`git merge --no-commit`), git's documented in-between state, which a later
// `tasks sync` finishes and `tasks sync --abort` undoes.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { idFromFile } from '../core/checks.js';
import type { Config } from '../core/config.js';
import { leadUnitNames } from '../core/roster.js';
import { problem, type Problem } from '../core/problems.js';
import { leadUnitOf, type LoadedTask, type Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { git, gitText, hasIdentity, logCommits, readRevisions, type Commit } from './git.js';
import { CONFIG_FILE, loadConfig, loadTasks, TASKS_DIR } from './load.js';
import { withLocks } from './lock.js';
import { checkText, conflictBlocks, describeBlocks, formatPath, kindOf, mergeFile } from './merge.js';
import { decode, parseFast } from './parse.js';

export interface RepoContext {
  /** the plan's folder */
  root: string;
  /** the repository's top folder */
  top: string;
  /** the plan's folder relative to the top, '' or ending in '/' */
  prefix: string;
  /** this working folder's git folder, and the one all its worktrees share; absolute */
  gitDir: string;
  commonDir: string;
  /** git's settings, read once (see configOf) */
  config?: Map<string, string>;
}

export function repoContext(root: string): RepoContext | undefined {
  const lines = gitText(['rev-parse', '--show-toplevel', '--absolute-git-dir', '--git-common-dir'], root)?.split('\n');
  if (!lines || lines.length < 3) return undefined;
  const [top, gitDir, common] = lines as [string, string, string];
  const rel = relative(top, root).split('\\').join('/');
  return { root, top, prefix: rel === '' ? '' : `${rel}/`, gitDir, commonDir: resolve(root, common) };
}

/** git's settings for this repository (the last value of each key), read with one call. */
export function configOf(repo: RepoContext): Map<string, string> {
  if (!repo.config) {
    repo.config = new Map();
    const r = git(['config', '-z', '--list'], repo.top);
    for (const entry of r.stdout.toString('utf8').split('\0').filter(Boolean)) {
      const nl = entry.indexOf('\n');
      repo.config.set(nl < 0 ? entry : entry.slice(0, nl), nl < 0 ? 'true' : entry.slice(nl + 1));
    }
  }
  return repo.config;
}

/** Sets a setting of this repository. */
export function setConfig(repo: RepoContext, key: string, value: string): boolean {
  const ok = git(['config', key, value], repo.top).ok;
  if (ok) configOf(repo).set(key, value);
  return ok;
}

const planPath = (repo: RepoContext, topPath: string) => (topPath.startsWith(repo.prefix) ? topPath.slice(repo.prefix.length) : `/${topPath}`);
const isPlanData = (repo: RepoContext, topPath: string) => {
  const p = planPath(repo, topPath);
  return p === CONFIG_FILE || (p.startsWith(`${TASKS_DIR}/`) && /\.ya?ml$/i.test(p) && !p.split('/').some((s) => s.startsWith('.')));
};

export function revision(repo: RepoContext, rev: string): string | undefined {
  return gitText(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], repo.top);
}

export function currentBranch(repo: RepoContext): string | undefined {
  return gitText(['symbolic-ref', '--quiet', '--short', 'HEAD'], repo.top);
}

export function isAncestor(repo: RepoContext, a: string, b: string): boolean {
  return git(['merge-base', '--is-ancestor', a, b], repo.top).ok;
}

export function mergeInProgress(repo: RepoContext): boolean {
  return existsSync(join(repo.gitDir, 'MERGE_HEAD'));
}

/** Tracked files with changes not yet committed (the plan's lock files and caches are never tracked). */
export function uncommitted(repo: RepoContext): string[] {
  const r = git(['-c', 'core.quotePath=false', 'status', '--porcelain=v1', '-z', '--untracked-files=no'], repo.top);
  return r.stdout.toString('utf8').split('\0').filter(Boolean).map((line) => line.slice(3));
}

/** The commits in `to` that `from` lacks, without merges, newest first. */
export function commitsBetween(repo: RepoContext, from: string | undefined, to: string): Commit[] {
  return logCommits(repo.top, ['--no-merges', from ? `${from}..${to}` : to]);
}

// ---- the plan as a commit has it

/** Loads the plan's tasks and settings as they are in commit or tree `rev`, without the working folder. */
export async function loadRevision(repo: RepoContext, rev: string, m: Messages): Promise<{ config: Config; tasks: LoadedTask[]; problems: Problem[] }> {
  const list = git(['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--full-tree', '--name-only', rev, '--', `${repo.prefix}${TASKS_DIR}`], repo.top);
  const names = list.stdout.toString('utf8').split('\0').filter((p) => p !== '' && isPlanData(repo, p));
  const [configBytes, ...blobs] = readRevisions(repo.top, [`${rev}:${repo.prefix}${CONFIG_FILE}`, ...names.map((n) => `${rev}:${n}`)]);
  const sources = new Map<string, Uint8Array>();
  names.forEach((name, i) => {
    const bytes = blobs[i];
    if (bytes) sources.set(planPath(repo, name), bytes);
  });
  const { config, problems } = await loadConfig(repo.root, m, configBytes ?? Buffer.alloc(0));
  const loaded = await loadTasks(repo.root, config, m, { sources, onlySources: true, cache: false });
  return { config, tasks: loaded.tasks, problems: [...problems, ...loaded.problems] };
}

// ---- merging

interface MergeTree {
  tree: string;
  clean: boolean;
  /** conflicted paths (relative to the top) and git's kinds of conflict for each */
  conflicts: Map<string, Set<string>>;
  /** the conflicted paths' versions: mode, and blob by stage (1 base, 2 ours, 3 theirs) */
  stages: Map<string, { mode: string; blobs: Map<number, string> }>;
}

/**
 * The merge in git's object store. Task files both sides changed are left conflicted here (the
 * driver is replaced by `false`) and merged by mergeFields in this process: one program start
 * instead of one per file.
 */
function mergeTree(repo: RepoContext, ours: string, theirs: string): MergeTree | undefined {
  const r = git(['-c', 'core.quotePath=false', '-c', 'merge.tasks.driver=false', 'merge-tree', '--write-tree', '-z', ours, theirs], repo.top);
  if (r.status !== 0 && r.status !== 1) return undefined;
  const fields = r.stdout.toString('utf8').split('\0');
  const conflicts = new Map<string, Set<string>>();
  const stages = new Map<string, { mode: string; blobs: Map<number, string> }>();
  let i = 1;
  for (; i < fields.length && fields[i] !== ''; i++) {
    const tab = fields[i]!.indexOf('\t');
    const [mode = '', oid = '', stage = ''] = fields[i]!.slice(0, tab).split(' ');
    const path = fields[i]!.slice(tab + 1);
    if (!conflicts.has(path)) conflicts.set(path, new Set());
    const entry = stages.get(path) ?? { mode, blobs: new Map<number, string>() };
    entry.blobs.set(Number(stage), oid);
    stages.set(path, entry);
  }
  for (i++; i < fields.length - 1; ) {
    const n = Number(fields[i]);
    if (!Number.isInteger(n) || n < 1) break;
    const paths = fields.slice(i + 1, i + 1 + n);
    const kind = fields[i + 1 + n] ?? '';
    for (const p of paths) conflicts.get(p)?.add(kind);
    i += n + 3;
  }
  return { tree: fields[0]!, clean: r.status === 0, conflicts, stages };
}

/** What git leaves to the task merge: a file's contents changed on both sides (or added by both). */
const FIELD_MERGE = /^CONFLICT \((contents|add\/add)\)$/;

/**
 * Merges field by field the task files and settings `trial` left conflicted: the merged blobs by
 * path, or undefined when some file needs a person (the working-folder merge then shows it).
 */
async function mergeFields(repo: RepoContext, trial: MergeTree, paths: readonly string[], m: Messages): Promise<Map<string, string> | undefined> {
  if (paths.length === 0) return new Map();
  const { config } = await loadConfig(repo.root, m);
  const specs = paths.flatMap((p) => [1, 2, 3].map((s) => trial.stages.get(p)?.blobs.get(s) ?? `${'0'.repeat(40)}:missing`));
  const blobs = readRevisions(repo.top, specs);
  const texts: string[] = [];
  for (const [i, path] of paths.entries()) {
    const [base, ours, theirs] = [blobs[3 * i], blobs[3 * i + 1], blobs[3 * i + 2]];
    if (!ours || !theirs) return undefined;
    const result = await mergeFile({ file: planPath(repo, path), base, ours, theirs, roster: config.roster, m });
    if (result.outcome !== 'clean') return undefined;
    texts.push(result.text);
  }
  const dir = mkdtempSync(join(repo.gitDir, 'tasks-merge-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, String(i));
      writeFileSync(file, text);
      return file;
    });
    const r = git(['hash-object', '-w', '--no-filters', '--stdin-paths'], repo.top, `${files.join('\n')}\n`);
    const oids = r.stdout.toString('utf8').trim().split('\n');
    if (!r.ok || oids.length !== paths.length) throw new Error(`git hash-object failed: ${r.stderr.trim()}`);
    return new Map(paths.map((p, i) => [p, oids[i]!]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `tree` with the blobs at `changes` (paths relative to the tree) replaced, rebuilding only the folders above them. */
function replaceBlobs(repo: RepoContext, tree: string, changes: ReadonlyMap<string, string>): string {
  if (changes.size === 0) return tree;
  const r = git(['ls-tree', '-z', tree], repo.top);
  const entries = r.stdout.toString('utf8').split('\0').filter(Boolean).map((line) => {
    const tab = line.indexOf('\t');
    const [mode = '', type = '', oid = ''] = line.slice(0, tab).split(' ');
    return { mode, type, oid, name: line.slice(tab + 1) };
  });
  for (const entry of entries) {
    const direct = changes.get(entry.name);
    if (direct !== undefined && entry.type === 'blob') entry.oid = direct;
    const below = new Map([...changes].filter(([p]) => p.startsWith(`${entry.name}/`)).map(([p, oid]) => [p.slice(entry.name.length + 1), oid]));
    if (below.size > 0 && entry.type === 'tree') entry.oid = replaceBlobs(repo, entry.oid, below);
  }
  const made = git(['mktree', '-z'], repo.top, entries.map((e) => `${e.mode} ${e.type} ${e.oid}\t${e.name}\0`).join(''));
  const oid = made.stdout.toString('utf8').trim();
  if (!made.ok || oid === '') throw new Error(`git mktree failed: ${made.stderr.trim()}`);
  return oid;
}

/** git keeps the changed side of a file one side deleted and the other changed: nothing is lost by taking it. */
const KEEPS_CHANGED = /^CONFLICT \((modify|rename)\/delete\)$/;

interface Received {
  commits: Commit[];
  /** task files one side deleted and the other changed: kept, as changed */
  kept: string[];
}

export type Integration =
  | { kind: 'up_to_date' }
  /** ours had nothing theirs lacked: the branch moved to theirs */
  | ({ kind: 'fast_forward' } & Received)
  | ({ kind: 'merged'; commit: string } & Received)
  /** a merge in the working folder waits for a person */
  | ({ kind: 'stopped' } & MergeState & Received)
  /** no common history: another plan */
  | { kind: 'unrelated' }
  /** the working folder changed under the merge; nothing was changed */
  | { kind: 'moved' };

export interface IntegrateOptions {
  m: Messages;
  /** the merge commit's message */
  message: string;
  nowMs: () => number;
  pid: number;
  isAlive: (pid: number) => boolean;
}

/** The plan-wide lock that every editing command takes before it commits. */
export function withPlanLock<T>(repo: RepoContext, options: Pick<IntegrateOptions, 'nowMs' | 'pid' | 'isAlive'>, fn: () => Promise<T>): Promise<T> {
  return withLocks([join(repo.root, TASKS_DIR, '.locks', 'git.lock')], options, fn);
}

/**
 * Brings commit `theirs` into the current branch: nothing when ours has it, a fast-forward when
 * ours is behind, otherwise a merge commit when the merge is clean and the merged plan valid, or a
 * merge in the working folder that waits for a person. The caller holds the plan's lock.
 */
export async function integrate(repo: RepoContext, theirs: string, options: IntegrateOptions): Promise<Integration> {
  const ours = revision(repo, 'HEAD');
  if (!ours) {
    const ff = git(['merge', '--ff-only', '--quiet', theirs], repo.top);
    return ff.ok ? { kind: 'fast_forward', commits: commitsBetween(repo, undefined, theirs), kept: [] } : { kind: 'moved' };
  }
  if (isAncestor(repo, theirs, ours)) return { kind: 'up_to_date' };
  const commits = commitsBetween(repo, ours, theirs);
  if (isAncestor(repo, ours, theirs)) {
    const ff = git(['merge', '--ff-only', '--quiet', theirs], repo.top);
    return ff.ok ? { kind: 'fast_forward', commits, kept: [] } : { kind: 'moved' };
  }
  if (!gitText(['merge-base', ours, theirs], repo.top)) return { kind: 'unrelated' };
  const trial = mergeTree(repo, ours, theirs);
  const conflictKinds = [...(trial?.conflicts ?? [])].map(([path, kinds]) => ({ path, kinds: [...kinds].filter((k) => k.startsWith('CONFLICT')) }));
  const kept = conflictKinds.filter((c) => c.kinds.length > 0 && c.kinds.every((k) => KEEPS_CHANGED.test(k))).map((c) => planPath(repo, c.path));
  const byFields = conflictKinds.filter((c) => isPlanData(repo, c.path) && c.kinds.length > 0 && c.kinds.every((k) => FIELD_MERGE.test(k))).map((c) => c.path);
  const needsPerson = !trial || conflictKinds.some((c) => !byFields.includes(c.path) && (c.kinds.length === 0 || c.kinds.some((k) => !KEEPS_CHANGED.test(k))));
  const merged = trial && !needsPerson ? await mergeFields(repo, trial, byFields, options.m) : undefined;
  if (trial && merged) {
    const tree = replaceBlobs(repo, trial.tree, merged);
    const problems = await checkMerged(repo, ours, tree, options.m);
    if (problems.length === 0) {
      const commit = git(['commit-tree', tree, '-p', ours, '-p', theirs, '-F', '-'], repo.top, options.message);
      const id = commit.stdout.toString('utf8').trim();
      if (!commit.ok || id === '') throw new Error(`git commit-tree failed: ${commit.stderr.trim()}`);
      const ff = git(['merge', '--ff-only', '--quiet', id], repo.top);
      if (!ff.ok) return { kind: 'moved' };
      return { kind: 'merged', commit: id, commits, kept };
    }
  }
  const started = git(['merge', '--no-ff', '--no-commit', '--quiet', '-m', options.message, theirs], repo.top);
  if (!mergeInProgress(repo)) {
    // git refused before starting (a file in the way): nothing changed
    if (!started.ok) return { kind: 'moved' };
  }
  const keptNow = keepChanged(repo);
  const state = await mergeState(repo, options.m);
  return { kind: 'stopped', ...state, commits, kept: [...new Set([...kept, ...keptNow])] };
}

/** Marks as resolved the files one side deleted and the other changed, keeping the changed file. */
function keepChanged(repo: RepoContext): string[] {
  const kept: string[] = [];
  for (const [path, stages] of unmergedStages(repo)) {
    const oneSideGone = !(stages.has(2) && stages.has(3));
    if (oneSideGone && existsSync(join(repo.top, path)) && git(['add', '--', path], repo.top).ok) kept.push(planPath(repo, path));
  }
  return kept;
}

function unmergedStages(repo: RepoContext): Map<string, Set<number>> {
  const r = git(['-c', 'core.quotePath=false', 'ls-files', '--unmerged', '-z', '--full-name'], repo.top);
  const out = new Map<string, Set<number>>();
  for (const entry of r.stdout.toString('utf8').split('\0').filter(Boolean)) {
    const tab = entry.indexOf('\t');
    const stage = Number(entry.slice(0, tab).split(' ')[2]);
    const path = entry.slice(tab + 1);
    out.set(path, (out.get(path) ?? new Set()).add(stage));
  }
  return out;
}

export type FileConflict =
  /** fields both sides changed differently: one line each, for `tasks resolve` */
  | { kind: 'fields'; file: string; entries: Array<{ line: string; field: string | undefined }> }
  /** git's line-by-line markers: to be edited by hand */
  | { kind: 'lines'; file: string; line: number }
  /** merged without markers but breaking a rule */
  | { kind: 'invalid'; file: string; problems: Problem[] }
  /** any other file, or a conflict git itself could not write out */
  | { kind: 'other'; file: string };

/**
 * What still waits for a person in a merge in progress. A task file that has lost its markers and
 * now passes the rules is marked resolved on the way.
 */
async function pendingConflicts(repo: RepoContext, m: Messages): Promise<FileConflict[]> {
  keepChanged(repo);
  const config = await loadConfig(repo.root, m);
  const out: FileConflict[] = [];
  for (const path of unmergedStages(repo).keys()) {
    const file = planPath(repo, path);
    const full = join(repo.top, path);
    if (!isPlanData(repo, path) || !existsSync(full)) {
      out.push({ kind: 'other', file });
      continue;
    }
    const text = readFileSync(full, 'utf8');
    const blocks = conflictBlocks(text);
    if (blocks.length > 0) {
      if (blocks.some((b) => b.paths.length === 0)) out.push({ kind: 'lines', file, line: blocks.find((b) => b.paths.length === 0)!.line });
      else {
        const lines = describeBlocks(file, text, m);
        out.push({ kind: 'fields', file, entries: blocks.map((b, i) => ({ line: lines[i]!, field: b.paths.length === 1 ? formatPath(b.paths[0]!) : undefined })) });
      }
      continue;
    }
    const problems = await checkText(kindOf(file), file, text, config.config.roster, m);
    if (problems.length > 0) out.push({ kind: 'invalid', file, problems });
    else git(['add', '--', path], repo.top);
  }
  return out;
}

export interface MergeState {
  conflicts: FileConflict[];
  /** errors of the plan in the working folder, once no file waits for a person */
  problems: Problem[];
}

/** What a merge in progress still waits for: files with conflicts, then the plan's errors. */
export async function mergeState(repo: RepoContext, m: Messages): Promise<MergeState> {
  const conflicts = await pendingConflicts(repo, m);
  if (conflicts.length > 0) return { conflicts, problems: [] };
  const { config, problems: configProblems } = await loadConfig(repo.root, m);
  const loaded = await loadTasks(repo.root, config, m, { cache: false });
  return { conflicts, problems: [...configProblems, ...loaded.problems].filter((p) => p.severity === 'error') };
}

/** Finishes a merge in progress once nothing waits for a person and the plan is valid. */
export async function finishMerge(repo: RepoContext, m: Messages): Promise<({ ok: true; commit: string }) | ({ ok: false } & MergeState)> {
  const state = await mergeState(repo, m);
  if (state.conflicts.length > 0 || state.problems.length > 0) return { ok: false, ...state };
  const commit = git(['commit', '--quiet', '--no-verify', '--no-edit'], repo.top);
  if (!commit.ok) throw new Error(`git commit failed: ${commit.stderr.trim()}`);
  return { ok: true, commit: revision(repo, 'HEAD')! };
}

/** The commits a merge in progress brings in. */
export function incomingOfMerge(repo: RepoContext): Commit[] {
  return commitsBetween(repo, 'HEAD', 'MERGE_HEAD');
}

export function abortMerge(repo: RepoContext): boolean {
  return git(['merge', '--abort'], repo.top).ok;
}

// ---- what the commits changed

export interface ChangeCount {
  total: number;
  /** per lead unit of the tasks changed, in the roster's order; '' for commits touching no task */
  byUnit: Array<{ unit: string; count: number }>;
}

/**
 * Counts commits by the lead unit of the (first) task each touched, as commit `rev` has that task,
 * reading only those tasks; units in the order of that commit's roster.
 */
export async function countChanges(repo: RepoContext, commits: readonly Commit[], rev: string, m: Messages): Promise<ChangeCount> {
  if (commits.length === 0) return { total: 0, byUnit: [] };
  const pathOf = (commit: Commit) => commit.files.find((f) => isPlanData(repo, f.path) && kindOf(f.path) === 'task')?.path;
  const paths = [...new Set(commits.map(pathOf).filter((p): p is string => p !== undefined))];
  const [configBytes, ...blobs] = readRevisions(repo.top, [`${rev}:${repo.prefix}${CONFIG_FILE}`, ...paths.map((p) => `${rev}:${p}`)]);
  const { config } = await loadConfig(repo.root, m, configBytes ?? Buffer.alloc(0));
  const unitAt = new Map<string, string>();
  const tasks: Task[] = [];
  paths.forEach((path, i) => {
    const bytes = blobs[i];
    const decoded = bytes ? decode(path, bytes) : undefined;
    const task = decoded && 'text' in decoded ? (parseFast(decoded.text, () => true) as Task | undefined) : undefined;
    if (task && Array.isArray(task.units)) {
      unitAt.set(path, leadUnitOf(task));
      tasks.push(task);
    }
  });
  const counts = new Map<string, number>();
  for (const commit of commits) {
    const path = pathOf(commit);
    const unit = (path && unitAt.get(path)) ?? '';
    counts.set(unit, (counts.get(unit) ?? 0) + 1);
  }
  const order = [...leadUnitNames(config.roster, tasks), ''];
  return { total: commits.length, byUnit: order.filter((u) => counts.has(u)).map((unit) => ({ unit, count: counts.get(unit)! })) };
}

/**
 * The problems of a merged tree, checked where the merge could have broken something: every plan
 * file that differs from ours, by the rules of an edit, and no id twice among the task files.
 */
/**
 * The errors in the files the commits up to `head` change since `base` (the remote's tip; every
 * file when the remote has none yet), checked as a merge is before anything is sent.
 */
export async function checkOutgoing(repo: RepoContext, base: string | undefined, head: string, m: Messages): Promise<Problem[]> {
  const empty = git(['mktree'], repo.top, '');
  const from = base ?? (empty.ok ? empty.stdout.toString('utf8').trim() : undefined);
  return from ? checkMerged(repo, from, head, m) : [];
}

async function checkMerged(repo: RepoContext, ours: string, tree: string, m: Messages): Promise<Problem[]> {
  const diff = git(['-c', 'core.quotePath=false', 'diff', '--name-only', '-z', '--no-renames', '--diff-filter=AM', ours, tree, '--', repo.prefix || '.'], repo.top);
  const changed = diff.stdout.toString('utf8').split('\0').filter((p) => p !== '' && isPlanData(repo, p));
  const [configBytes, ...blobs] = readRevisions(repo.top, [`${tree}:${repo.prefix}${CONFIG_FILE}`, ...changed.map((p) => `${tree}:${p}`)]);
  const { config, problems } = await loadConfig(repo.root, m, configBytes ?? Buffer.alloc(0));
  const out: Problem[] = [...problems];
  for (const [i, path] of changed.entries()) {
    const file = planPath(repo, path);
    if (file === CONFIG_FILE) continue;
    out.push(...(await checkText('task', file, blobs[i]?.toString('utf8') ?? '', config.roster, m)));
  }
  const names = git(['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', '--name-only', tree, '--', `${repo.prefix}${TASKS_DIR}`], repo.top);
  const byId = new Map<string, string[]>();
  for (const path of names.stdout.toString('utf8').split('\0').filter((p) => p !== '' && isPlanData(repo, p))) {
    const id = idFromFile(path);
    byId.set(id, [...(byId.get(id) ?? []), planPath(repo, path)]);
  }
  for (const [id, files] of byId) {
    if (files.length > 1) for (const file of files) out.push(problem(file, { line: 1, column: 1 }, 'duplicate_id', { id, other: files.filter((f) => f !== file).join(', ') }));
  }
  return out.filter((p) => p.severity === 'error');
}

// ---- remotes

export type Fetched = { ok: true; tip: string | undefined } | { ok: false; detail: string };

/** The tip of `branch` on `remote` (undefined when the remote has no such branch yet), fetched. */
export function fetchBranch(repo: RepoContext, remote: string, branch: string): Fetched {
  // every branch, so that a hub without the plan's branch yet is no error
  const r = git(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--no-auto-maintenance', remote, `+refs/heads/*:refs/remotes/${remote}/*`], repo.top);
  if (!r.ok) return { ok: false, detail: r.stderr.trim() };
  return { ok: true, tip: revision(repo, `refs/remotes/${remote}/${branch}`) };
}

export type Pushed = { ok: true } | { ok: false; reason: 'behind' } | { ok: false; reason: 'refused' | 'failed'; detail: string; remoteLines: string[] };

export function pushBranch(repo: RepoContext, remote: string, branch: string, setUpstream: boolean): Pushed {
  const r = git(['push', '--porcelain', ...(setUpstream ? ['-u'] : []), remote, `HEAD:refs/heads/${branch}`], repo.top);
  const remoteLines = r.stderr.split('\n').filter((l) => l.startsWith('remote: ')).map((l) => l.slice(8).trimEnd()).filter((l) => l.trim() !== '');
  if (r.ok) return { ok: true };
  const status = r.stdout.toString('utf8').split('\n').find((l) => l.startsWith('!'));
  // another clone's push won the race (git says so in these words, untranslated in --porcelain)
  if (status && /fetch first|non-fast-forward|failed to update ref|cannot lock ref|incorrect old value/.test(status)) return { ok: false, reason: 'behind' };
  return { ok: false, reason: status ? 'refused' : 'failed', detail: (status ?? r.stderr).trim(), remoteLines };
}

export interface Upstream {
  remote: string;
  branch: string;
  configured: boolean;
}

/** The remote and branch a sync talks to: the branch's upstream, else `origin` and the same branch name. */
export function upstreamOf(repo: RepoContext, branch: string): Upstream | undefined {
  const remote = configOf(repo).get(`branch.${branch}.remote`);
  const merge = configOf(repo).get(`branch.${branch}.merge`);
  if (remote && remote !== '.' && merge) return { remote, branch: merge.replace(/^refs\/heads\//, ''), configured: true };
  if (remoteNames(repo).includes('origin')) return { remote: 'origin', branch, configured: false };
  return undefined;
}

export function remoteNames(repo: RepoContext): string[] {
  return [...configOf(repo).keys()].flatMap((key) => /^remote\.(.+)\.url$/.exec(key)?.[1] ?? []);
}

/** A remote's address as given: a folder relative to `cwd` becomes an absolute path. */
export function remoteAddress(url: string, cwd: string): string {
  const local = !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !/^[^/]+@[^/]+:/.test(url) && existsSync(resolve(cwd, url));
  return local ? resolve(cwd, url) : url;
}

/** Adds `address` as the remote `origin`. */
export function addOrigin(repo: RepoContext, address: string): void {
  git(['remote', 'add', 'origin', address], repo.top);
  repo.config = undefined;
}

export function remoteUrl(repo: RepoContext, remote: string): string | undefined {
  return configOf(repo).get(`remote.${remote}.url`);
}

export { hasIdentity };
