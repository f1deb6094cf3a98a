// The one door for changes to a task file: lock, re-read, change, validate, write atomically,
// commit. Every edit command goes through editTask() or createTask().
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { crossChecks, type Finding } from '../core/checks.js';
import type { Config } from '../core/config.js';
import { problem, type Problem } from '../core/problems.js';
import type { LoadedTask, Task } from '../core/task.js';
import { decode, parseFast, type ParseResult } from './parse.js';
import { commitPaths, fileState, fileStates, hasIdentity, repoRoot, unstage } from './git.js';
import { LockTimeout, withLocks } from './lock.js';
import { validateTask } from './schema.js';
import { writeFileAtomic } from './write.js';
import { applyToData, applyToText, EditError, type EditOp } from './yaml-edit.js';

const LOCK_DIR = '.locks';

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
  | { kind: 'busy' }
  | { kind: 'commit_failed'; detail: string }
  | { kind: 'nothing_to_do' };

export class EditRefused extends Error {
  constructor(readonly failure: EditFailure) {
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
  /** words cross-file findings about the new text as problems at their line and column */
  place: (file: string, text: string, findings: readonly Finding[]) => Promise<Problem[]>;
}

export interface EditResult {
  task: Task;
  file: string;
  /** false when the plan is not in a git repository (or git is missing) or commits are off */
  committed: boolean;
  versioned: boolean;
}

/** git's top folder when commits are wanted and possible; checks identity and the file's state. */
function gitFor(ctx: EditContext, file: string, mustExist: boolean): string | undefined {
  if (!ctx.commit) return undefined;
  const top = repoRoot(ctx.root);
  if (!top) return undefined;
  const state = fileState(ctx.root, file);
  if (state === 'changed' || state === 'untracked') throw new EditRefused({ kind: 'dirty', state });
  if (mustExist && state === 'new') throw new EditRefused({ kind: 'dirty', state: 'untracked' });
  if (!hasIdentity(ctx.root)) throw new EditRefused({ kind: 'no_identity' });
  return top;
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
 * Changes the task in `file`: under its lock, reads it again, asks `change` for the operations
 * (given the task as it is now, so that concurrent edits never lose one another), checks the
 * result and writes it, then commits it.
 */
export async function editTask(ctx: EditContext, file: string, id: string, change: (task: Task) => Change): Promise<EditResult> {
  const path = join(ctx.root, file);
  let result: { task: Task; text: string; message: string; top: string | undefined } | undefined;
  const run = async () => {
    const top = gitFor(ctx, file, true);
    const bytes = readFileSync(path);
    const decoded = decode(file, bytes);
    if ('problems' in decoded) throw new EditRefused({ kind: 'unreadable', problems: decoded.problems });
    const current = await readTask(ctx, file, decoded.text, 'unreadable');
    const { ops, message } = change(structuredClone(current));
    if (ops.length === 0) throw new EditRefused({ kind: 'nothing_to_do' });
    let text: string;
    try {
      text = applyToText(bytes.toString('utf8'), ops);
    } catch (error) {
      if (error instanceof EditError) throw cannotEdit(file, error.message);
      throw error;
    }
    const expected = applyToData(current as unknown as Record<string, unknown>, ops);
    const task = await validated(ctx, file, text.replace(/^\uFEFF/, ''));
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(expected)), task)) throw cannotEdit(file, 'read-back');
    writeFileAtomic(path, text);
    result = { task, text, message, top };
    if (top) {
      const r = commitPaths(ctx.root, [file], message);
      if (!r.ok) throw new EditRefused({ kind: 'commit_failed', detail: r.stderr.trim() });
    }
  };
  await locked(ctx, id, run);
  const done = result!;
  return { task: done.task, file, committed: done.top !== undefined, versioned: done.top !== undefined || !ctx.commit };
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
 */
export async function editTasks(
  ctx: EditContext,
  changes: readonly TaskChange[],
  message: (written: readonly string[]) => string,
  options: { dryRun?: boolean } = {},
): Promise<BatchResult> {
  const outcomes: ChangeOutcome[] = [];
  let committed = false;
  let top: string | undefined;
  const run = async () => {
    top = ctx.commit ? repoRoot(ctx.root) : undefined;
    if (top && !hasIdentity(ctx.root)) throw new EditRefused({ kind: 'no_identity' });
    const prepared: Array<{ id: string; path: string; file: string; before: Buffer; text: string }> = [];
    const states = top ? fileStates(ctx.root, changes.map((c) => c.file)) : new Map<string, string>();
    for (const change of changes) {
      const { file, id } = change;
      try {
        if (top) {
          const state = states.get(file) ?? 'new';
          if (state !== 'clean') throw new EditRefused({ kind: 'dirty', state: state === 'changed' ? 'changed' : 'untracked' });
        }
        const path = join(ctx.root, file);
        const bytes = readFileSync(path);
        const decoded = decode(file, bytes);
        if ('problems' in decoded) throw new EditRefused({ kind: 'unreadable', problems: decoded.problems });
        const current = await readTask(ctx, file, decoded.text, 'unreadable');
        const ops = change.ops(structuredClone(current));
        if (ops.length === 0) {
          outcomes.push({ kind: 'unchanged', id, file });
          continue;
        }
        let text: string;
        try {
          text = applyToText(bytes.toString('utf8'), ops);
        } catch (error) {
          if (error instanceof EditError) throw cannotEdit(file, error.message);
          throw error;
        }
        const expected = applyToData(current as unknown as Record<string, unknown>, ops);
        const task = await validated(ctx, file, text.replace(/^\uFEFF/, ''));
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(expected)), task)) throw cannotEdit(file, 'read-back');
        prepared.push({ id, path, file, before: bytes, text });
        outcomes.push({ kind: 'written', id, file, task });
      } catch (error) {
        if (!(error instanceof EditRefused)) throw error;
        outcomes.push({ kind: 'refused', id, file, failure: error.failure });
      }
    }
    if (options.dryRun || prepared.length === 0) return;
    const written: typeof prepared = [];
    const restore = () => {
      for (const p of written.reverse()) writeFileAtomic(p.path, p.before);
    };
    try {
      for (const p of prepared) {
        writeFileAtomic(p.path, p.text);
        written.push(p);
      }
    } catch (error) {
      restore();
      throw error;
    }
    if (top) {
      const paths = prepared.map((p) => p.file);
      const r = commitPaths(ctx.root, paths, message(prepared.map((p) => p.id)));
      if (!r.ok) {
        restore();
        unstage(ctx.root, paths);
        throw new EditRefused({ kind: 'commit_failed', detail: r.stderr.trim() });
      }
      committed = true;
    }
  };
  const ids = [...new Set(changes.map((c) => c.id))].sort();
  await lockedAll(ctx, ids, run);
  return { outcomes, committed, versioned: committed || top !== undefined || !ctx.commit };
}

/** Writes a new task file (refusing to replace one) and commits it. */
export async function createTask(ctx: EditContext, file: string, task: Task, text: string, message: string): Promise<EditResult> {
  const path = join(ctx.root, file);
  let top: string | undefined;
  await locked(ctx, task.id, async () => {
    if (existsSync(path)) throw new EditRefused({ kind: 'invalid', problems: [{ file, line: 1, column: 1, severity: 'error', code: 'duplicate_id', params: { id: task.id, other: file } }] });
    top = gitFor(ctx, file, false);
    await validated(ctx, file, text);
    writeFileAtomic(path, text);
    if (top) {
      const r = commitPaths(ctx.root, [file], message);
      if (!r.ok) throw new EditRefused({ kind: 'commit_failed', detail: r.stderr.trim() });
    }
  });
  return { task, file, committed: top !== undefined, versioned: top !== undefined || !ctx.commit };
}

/**
 * The task's lock, then the plan's git lock, around the whole read-change-write-commit: two edits
 * of one task keep their order, and git makes one commit at a time in a repository.
 */
async function locked(ctx: EditContext, id: string, fn: () => Promise<void>): Promise<void> {
  await lockedAll(ctx, [id], fn);
}

/** Every task's lock in the order given (sorted, so that two batches never wait on each other), then the git lock. */
async function lockedAll(ctx: EditContext, ids: readonly string[], fn: () => Promise<void>): Promise<void> {
  const dir = join(ctx.root, 'tasks', LOCK_DIR);
  try {
    await withLocks([...ids.map((id) => join(dir, `${id}.lock`)), join(dir, 'git.lock')], { nowMs: ctx.nowMs, pid: ctx.pid, isAlive: ctx.isAlive }, fn);
  } catch (error) {
    if (error instanceof LockTimeout) throw new EditRefused({ kind: 'busy' });
    throw error;
  }
}
