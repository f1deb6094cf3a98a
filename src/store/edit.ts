// The one door for changes to a task file: lock, check that the commit can follow, re-read,
// change, validate, write atomically, commit. Every edit command goes through editTask() or
// createTask().
//
// The audit trail: before the file is touched, git is asked whether a commit can follow (no
// rebase or merge under way, a branch checked out, no stale index.lock, signing works …). While
// the file is written and committed, a journal in tasks/.locks/ says so; when the commit fails the
// file is put back at once, and when the process is killed between the two steps, the next edit
// finds the journal and puts the file back before doing anything else.
import { createHash } from 'node:crypto';
import { linkSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { crossChecks, idFromFile, type Finding } from '../core/checks.js';
import type { Config } from '../core/config.js';
import { problem, type Problem } from '../core/problems.js';
import type { LoadedTask, Task } from '../core/task.js';
import { decode, parseFast, type ParseResult } from './parse.js';
import { commitOnly, commitPaths, fileState, fileStates, firstLine, forget, git, gitErrno, hasIdentity, readRevisions, repository, restoreCommitted, type Blocker, type FileState } from './git.js';
import { listTaskFiles, TASKS_DIR } from './load.js';
import { ensureWorkFolder, LockTimeout, withLocks } from './lock.js';
import { readPlanFile } from './regular.js';
import { validateTask } from './schema.js';
import { removeStaleTemps, writeFileAtomic } from './write.js';
import { applyToData, applyToText, EditError, type EditOp } from './yaml-edit.js';

const WORK_DIR = '.locks';

export interface Change {
  ops: EditOp[];
  /** the commit message: a one-line summary, then details */
  message: string;
}

export type EditFailure =
  | { kind: 'unreadable'; problems: Problem[] }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'dirty'; state: 'changed' | 'untracked' }
  | { kind: 'no_identity' }
  | { kind: 'repository'; blocker: Blocker }
  | { kind: 'busy' }
  | { kind: 'commit_failed'; detail: string; errno: string | undefined; status: number | null }
  | { kind: 'nothing_to_do' };

export class EditRefused extends Error {
  constructor(
    readonly failure: EditFailure,
    /** the task file concerned, when the caller could not know it (a new task's) */
    readonly file?: string,
  ) {
    super(failure.kind);
  }
}

export interface EditContext {
  root: string;
  config: Config;
  /** every other task of the plan, for the cross-file checks */
  others: readonly LoadedTask[];
  /** commit to git when the plan is in a repository */
  commit: boolean;
  nowMs: () => number;
  pid: number;
  isAlive: (pid: number) => boolean;
  /**
   * The full parser, for texts the fast one declines (anchors, `&` and `*` in text, anything
   * unusual): the data, or every problem at its line and column. Loaded only when needed.
   */
  parseFull: (file: string, text: string) => Promise<ParseResult>;
  /** called at each step of the write, for the crash tests */
  checkpoint?: (step: string) => void;
  /** words cross-file findings about the new text as problems at their line and column */
  place: (file: string, text: string, findings: readonly Finding[]) => Promise<Problem[]>;
}

export interface EditResult {
  task: Task;
  file: string;
  /** false when the plan is not in a git repository or commits are off */
  committed: boolean;
  versioned: boolean;
  /** files an earlier, interrupted edit had left uncommitted, now put back as last committed */
  recovered: string[];
}

interface Journal {
  file: string;
  /** whether the file existed before (else the interrupted edit created it) */
  existed: boolean;
  /** sha256 of the bytes written */
  written: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const workDir = (ctx: EditContext) => join(ctx.root, TASKS_DIR, WORK_DIR);
const journalPath = (ctx: EditContext, file: string) => join(workDir(ctx), `${file.replace(/[/\\]/g, '__')}.journal`);
// the file as it was before the edit: a hard link, so that putting it back needs no disk space
const backupPath = (journal: string) => `${journal}.old`;

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Puts `file` back as it was before an edit that wrote it but could not commit it. */
function putBack(ctx: EditContext, file: string, journal: string, existed: boolean): void {
  const path = join(ctx.root, file);
  if (!existed) {
    forget(ctx.root, file);
    rmSync(path, { force: true });
    return;
  }
  try {
    renameSync(backupPath(journal), path);
  } catch {
    restoreCommitted(ctx.root, file);
  }
}

/**
 * Settles every edit that was interrupted between writing its file and committing it (found by
 * its journal), so that the next edit starts from a clean state: a commit that went through is
 * kept; a file written but never committed is put back as it was. Runs under the plan's lock.
 */
function recoverInterrupted(ctx: EditContext): string[] {
  const recovered: string[] = [];
  let names: string[];
  try {
    names = readdirSync(workDir(ctx)).filter((n) => n.endsWith('.journal'));
  } catch {
    return recovered;
  }
  for (const name of names) {
    const path = join(workDir(ctx), name);
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    } catch {
      journal = undefined; // a journal cut short: its edit never reached the task file
    }
    if (journal && typeof journal.file === 'string' && typeof journal.written === 'string') {
      const state = fileState(ctx.root, journal.file);
      const committed = readRevisions(ctx.root, [`HEAD:${journal.file}`])[0];
      const current = readOrUndefined(join(ctx.root, journal.file));
      if (committed !== undefined && sha256(committed) === journal.written) {
        // the commit went through; only the index may lag behind it
        if (state !== 'clean') git(['reset', '-q', '--', journal.file], ctx.root);
      } else if (current !== undefined && sha256(current) === journal.written && state !== 'clean') {
        putBack(ctx, journal.file, path, journal.existed === true);
        recovered.push(journal.file);
      }
      // otherwise the file was never written, or was changed by hand since: the usual checks apply
    }
    rmSync(backupPath(path), { force: true });
    rmSync(path, { force: true });
  }
  return recovered;
}

interface Trail {
  /** commit after writing */
  commit: boolean;
  recovered: string[];
}

/**
 * Whether the edit will be committed; refuses, before anything is written, when a commit could not
 * follow. Settles what an interrupted edit left first, and removes dead writers' temp files.
 */
function prepareTrail(ctx: EditContext): Trail {
  removeStaleTemps(workDir(ctx), ctx.isAlive, ctx.nowMs());
  removeStaleTemps(join(ctx.root, TASKS_DIR), ctx.isAlive, ctx.nowMs());
  if (!ctx.commit) return { commit: false, recovered: [] };
  const repo = repository(ctx.root);
  if (repo.kind === 'none') return { commit: false, recovered: [] };
  if (repo.kind === 'blocked') throw new EditRefused({ kind: 'repository', blocker: repo.blocker });
  const recovered = recoverInterrupted(ctx);
  if (!hasIdentity(ctx.root)) throw new EditRefused({ kind: 'no_identity' });
  return { commit: true, recovered };
}

/** Refuses a file with uncommitted changes by hand (they would be committed along), or a task never committed. */
function checkClean(state: FileState, mustExist: boolean): void {
  if (state === 'changed' || state === 'untracked') throw new EditRefused({ kind: 'dirty', state });
  if (mustExist && state === 'new') throw new EditRefused({ kind: 'dirty', state: 'untracked' });
}

/** The trail for one file: the plan's, and that file's state. */
function prepareFile(ctx: EditContext, file: string, mustExist: boolean): Trail {
  const trail = prepareTrail(ctx);
  if (trail.commit) checkClean(fileState(ctx.root, file), mustExist);
  return trail;
}

export interface Write {
  /** relative to the plan's root */
  file: string;
  text: string;
  /** the file as it was; undefined for a new file */
  before: Uint8Array | undefined;
}

/**
 * Writes the files and commits them together when the trail says so. A commit that fails puts
 * every file back as it was (a new one removed) and is refused with git's reason and exit status;
 * so does a write that fails part way.
 */
function writeAndCommit(ctx: EditContext, trail: Trail, writes: readonly Write[], message: string): void {
  const place = { folder: workDir(ctx), pid: ctx.pid };
  if (!trail.commit) {
    for (const w of writes) writeFileAtomic(join(ctx.root, w.file), w.text, place);
    return;
  }
  const journals = writes.map((w) => journalPath(ctx, w.file));
  const cleanUp = () => {
    for (const journal of journals) {
      rmSync(backupPath(journal), { force: true });
      rmSync(journal, { force: true });
    }
  };
  writes.forEach((w, i) => {
    const journal = journals[i]!;
    const backup = backupPath(journal);
    rmSync(backup, { force: true });
    if (w.before !== undefined) {
      try {
        linkSync(join(ctx.root, w.file), backup);
      } catch {
        writeFileAtomic(backup, w.before, place); // a file system without hard links
      }
    }
    writeFileAtomic(journal, JSON.stringify({ file: w.file, existed: w.before !== undefined, written: sha256(Buffer.from(w.text, 'utf8')) } satisfies Journal), place);
  });
  ctx.checkpoint?.('journaled');
  const written: Write[] = [];
  const putAllBack = () => {
    for (const w of written.reverse()) putBack(ctx, w.file, journals[writes.indexOf(w)]!, w.before !== undefined);
  };
  try {
    for (const w of writes) {
      writeFileAtomic(join(ctx.root, w.file), w.text, place);
      written.push(w);
    }
  } catch (error) {
    putAllBack();
    cleanUp();
    throw error;
  }
  ctx.checkpoint?.('written');
  const files = writes.map((w) => w.file);
  // existing files are committed straight from the working tree, so a failed commit leaves the index as it was
  const r = writes.some((w) => w.before === undefined) ? commitPaths(ctx.root, files, message) : commitOnly(ctx.root, files, message);
  if (!r.ok) {
    putAllBack();
    cleanUp();
    throw new EditRefused({ kind: 'commit_failed', detail: firstLine(r.stderr), errno: gitErrno(r.stderr), status: r.status });
  }
  ctx.checkpoint?.('committed');
  cleanUp();
}

function checkAgainstPlan(ctx: EditContext, file: string, task: Task): Finding[] {
  const findings = crossChecks([...ctx.others.filter((t) => t.file !== file), { task, file }], ctx.config.roster);
  return findings.filter((f) => f.file === file && f.severity === 'error');
}

/**
 * The task a text holds: the fast parser when it accepts the text, else the full one, so that
 * valid text is never refused; a refusal always lists at least one problem.
 */
async function readTask(ctx: EditContext, file: string, text: string, kind: 'invalid' | 'unreadable'): Promise<Task> {
  const fast = parseFast(text, validateTask);
  if (fast !== undefined) return JSON.parse(JSON.stringify(fast)) as Task;
  const full = await ctx.parseFull(file, text);
  if (full.ok) return JSON.parse(JSON.stringify(full.data)) as Task;
  const problems = full.problems.length > 0 ? full.problems : [problem(file, { line: 1, column: 1 }, 'not_a_task')];
  throw new EditRefused({ kind, problems });
}

/** A refusal for an edit the file's layout does not allow without touching other lines. */
function cannotEdit(file: string, detail: string): EditRefused {
  return new EditRefused({ kind: 'invalid', problems: [problem(file, { line: 1, column: 1 }, 'cannot_edit', { detail })] });
}

async function validated(ctx: EditContext, file: string, text: string): Promise<Task> {
  const task = await readTask(ctx, file, text, 'invalid');
  const findings = checkAgainstPlan(ctx, file, task);
  if (findings.length > 0) throw new EditRefused({ kind: 'invalid', problems: await ctx.place(file, text, findings) });
  return task;
}

/**
 * The task file read again, changed by the operations `ops` gives for the task as it is now, and
 * checked: the new text must hold a valid task, agree with the rest of the plan, and read back as
 * exactly the intended change. Undefined when there is nothing to change.
 */
async function changeFile(ctx: EditContext, file: string, ops: (task: Task) => EditOp[]): Promise<{ write: Write; task: Task } | undefined> {
  const read = readPlanFile(ctx.root, file);
  if (!read.ok) throw new EditRefused({ kind: 'unreadable', problems: [read.problem] });
  const bytes = read.bytes;
  const decoded = decode(file, bytes);
  if ('problems' in decoded) throw new EditRefused({ kind: 'unreadable', problems: decoded.problems });
  const current = await readTask(ctx, file, decoded.text, 'unreadable');
  const wanted = ops(structuredClone(current));
  if (wanted.length === 0) return undefined;
  let text: string;
  try {
    text = applyToText(bytes.toString('utf8'), wanted);
  } catch (error) {
    if (error instanceof EditError) throw cannotEdit(file, error.message);
    throw error;
  }
  const expected = applyToData(current as unknown as Record<string, unknown>, wanted);
  const task = await validated(ctx, file, text.replace(/^\uFEFF/, ''));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(expected)), task)) throw cannotEdit(file, 'read-back');
  return { write: { file, text, before: bytes }, task };
}

/**
 * Changes the task in `file`: under its lock, reads it again, asks `change` for the operations
 * (given the task as it is now, so that concurrent edits never lose one another), checks the
 * result and writes it, then commits it.
 */
export async function editTask(ctx: EditContext, file: string, id: string, change: (task: Task) => Change): Promise<EditResult> {
  let result: EditResult | undefined;
  await locked(ctx, [id], async () => {
    const trail = prepareFile(ctx, file, true);
    let message = '';
    const changed = await changeFile(ctx, file, (task) => {
      const c = change(task);
      message = c.message;
      return c.ops;
    });
    if (!changed) throw new EditRefused({ kind: 'nothing_to_do' });
    writeAndCommit(ctx, trail, [changed.write], message);
    result = { task: changed.task, file, committed: trail.commit, versioned: trail.commit || !ctx.commit, recovered: trail.recovered };
  });
  return result!;
}

export interface TaskChange {
  file: string;
  id: string;
  /** the operations for the task as it is now (read again under its lock); none when nothing changes */
  ops: (task: Task) => EditOp[];
}

type ChangeOutcome =
  | { kind: 'written'; id: string; file: string; task: Task }
  | { kind: 'unchanged'; id: string; file: string }
  | { kind: 'refused'; id: string; file: string; failure: EditFailure };

export interface BatchResult {
  outcomes: ChangeOutcome[];
  committed: boolean;
  versioned: boolean;
}

/**
 * Changes several task files as one: under every task's lock, each is read again, changed and
 * validated before any is written; a change that cannot be made is refused alone and the rest go
 * ahead. The changed files are written one by one, atomically, and committed together; when the
 * commit fails they are put back as they were. With `dryRun`, everything but the writing happens.
 * `message` is asked for once the changes are known, given the ids of the tasks written.
 * With `allOrNothing`, the first change refused refuses them all (naming its file) before any is
 * written; `also` gives, under the locks, one more file to write in the same commit (the settings,
 * when the roster grows).
 */
export async function editTasks(
  ctx: EditContext,
  changes: readonly TaskChange[],
  message: (written: readonly string[]) => string,
  options: { dryRun?: boolean; allOrNothing?: boolean; also?: () => Write | undefined } = {},
): Promise<BatchResult> {
  const outcomes: ChangeOutcome[] = [];
  let trail: Trail = { commit: false, recovered: [] };
  const run = async () => {
    trail = prepareTrail(ctx);
    const prepared: Array<{ id: string; write: Write }> = [];
    const states = trail.commit ? fileStates(ctx.root, changes.map((c) => c.file)) : new Map<string, FileState>();
    for (const change of changes) {
      const { file, id } = change;
      try {
        if (trail.commit) checkClean(states.get(file) ?? 'new', true);
        const changed = await changeFile(ctx, file, change.ops);
        if (!changed) {
          outcomes.push({ kind: 'unchanged', id, file });
          continue;
        }
        prepared.push({ id, write: changed.write });
        outcomes.push({ kind: 'written', id, file, task: changed.task });
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        if (options.allOrNothing) throw new EditRefused(error.failure, file);
        outcomes.push({ kind: 'refused', id, file, failure: error.failure });
      }
    }
    if (options.dryRun || prepared.length === 0) return;
    const extra = options.also?.();
    if (extra && trail.commit) {
      try {
        checkClean(fileState(ctx.root, extra.file), false);
      } catch (error) {
        throw error instanceof EditRefused ? new EditRefused(error.failure, extra.file) : error;
      }
    }
    writeAndCommit(ctx, trail, [...prepared.map((p) => p.write), ...(extra ? [extra] : [])], message(prepared.map((p) => p.id)));
  };
  await locked(ctx, [...new Set(changes.map((c) => c.id))].sort(), run);
  const written = outcomes.some((o) => o.kind === 'written') && !options.dryRun;
  return { outcomes, committed: trail.commit && written, versioned: trail.commit || !ctx.commit };
}

export interface NewTask {
  task: Task;
  text: string;
  message: string;
}

/**
 * Writes a new task file and commits it. Under the plan's lock, `allocate` is given every id
 * present (the plan's as loaded and the task files there now), so that concurrent runs never hand
 * out one id twice; `build` gives the task for the id. Refuses to replace a file.
 */
export async function createTask(ctx: EditContext, allocate: (present: string[]) => string, build: (id: string) => NewTask): Promise<EditResult> {
  let result: EditResult | undefined;
  let file: string | undefined;
  await locked(ctx, [], async () => {
    const present = [...new Set([...ctx.others.map((t) => t.task.id), ...listTaskFiles(ctx.root).map(idFromFile)])];
    const id = allocate(present);
    file = `${TASKS_DIR}/${id}.yaml`;
    const { task, text, message } = build(id);
    if (present.includes(id)) throw new EditRefused({ kind: 'invalid', problems: [problem(file, { line: 1, column: 1 }, 'duplicate_id', { id, other: file })] });
    const trail = prepareFile(ctx, file, false);
    await validated(ctx, file, text);
    writeAndCommit(ctx, trail, [{ file, text, before: undefined }], message);
    result = { task, file, committed: trail.commit, versioned: trail.commit || !ctx.commit, recovered: trail.recovered };
  }).catch((error: unknown) => {
    throw error instanceof EditRefused && file !== undefined ? new EditRefused(error.failure, file) : error;
  });
  return result!;
}

/**
 * The tasks' locks, then the plan's lock, around the whole read-change-write-commit: two edits of
 * one task keep their order, and git makes one commit at a time in a repository.
 */
async function locked(ctx: EditContext, ids: readonly string[], fn: () => Promise<void>): Promise<void> {
  const dir = workDir(ctx);
  ensureWorkFolder(dir);
  try {
    await withLocks([...ids.map((id) => join(dir, `${id}.lock`)), join(dir, 'git.lock')], { nowMs: ctx.nowMs, pid: ctx.pid, isAlive: ctx.isAlive }, fn);
  } catch (error) {
    if (error instanceof LockTimeout) throw new EditRefused({ kind: 'busy' });
    throw error;
  }
}
