// Changes to many task files in one commit (tasks assign): the same promises as a single edit
// (src/store/edit.ts) for each file — its lock, read again, changed, validated against the schema
// and the rest of the plan, written atomically — with every file checked before any is written,
// and one commit of them all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { crossChecks } from '../core/checks.js';
import type { Task } from '../core/task.js';
import { EditRefused, type EditContext } from './edit.js';
import { commitPaths, fileState, hasIdentity, repoRoot } from './git.js';
import { LockTimeout, withLocks } from './lock.js';
import { decode, parseFast } from './parse.js';
import { validateTask } from './schema.js';
import { writeFileAtomic } from './write.js';
import { applyToData, applyToText, type EditOp } from './yaml-edit.js';

export interface BatchEdit {
  /** the task file, relative to the plan's root */
  file: string;
  id: string;
  /** the operations on the task as it is now, read under its lock; none leaves the file alone */
  change: (task: Task) => EditOp[];
}

/** A refused batch, naming the file that refused it. */
export class BatchRefused extends EditRefused {
  constructor(
    failure: EditRefused['failure'],
    readonly file: string,
  ) {
    super(failure);
  }
}

export interface BatchResult {
  /** the tasks changed, as they are now */
  tasks: Task[];
  committed: boolean;
  versioned: boolean;
}

/** A file the batch writes besides the tasks (the settings, when the roster grows), in the same commit. */
export interface AlsoWritten {
  /** relative to the plan's root */
  file: string;
  /** writes it (after the tasks), or returns false when there is nothing to write after all */
  write: () => boolean;
}

/** Applies every change, or none: a file that cannot be changed refuses the whole batch before anything is written. */
export async function editTasks(ctx: EditContext, edits: readonly BatchEdit[], message: string, also: readonly AlsoWritten[] = []): Promise<BatchResult> {
  const locks = [...new Set(edits.map((e) => e.id))].sort().map((id) => join(ctx.root, 'tasks', '.locks', `${id}.lock`));
  let result: BatchResult | undefined;
  try {
    await withLocks([...locks, join(ctx.root, 'tasks', '.locks', 'git.lock')], { nowMs: ctx.nowMs, pid: ctx.pid, isAlive: ctx.isAlive }, async () => {
      result = await applyAll(ctx, edits, message, also);
    });
  } catch (error) {
    if (error instanceof LockTimeout) throw new EditRefused({ kind: 'busy' });
    throw error;
  }
  return result!;
}

async function applyAll(ctx: EditContext, edits: readonly BatchEdit[], message: string, also: readonly AlsoWritten[]): Promise<BatchResult> {
  const top = ctx.commit ? repoRoot(ctx.root) : undefined;
  if (top) {
    for (const { file } of edits) {
      const state = fileState(ctx.root, file);
      if (state === 'changed' || state === 'untracked' || state === 'new') throw new BatchRefused({ kind: 'dirty', state: state === 'changed' ? 'changed' : 'untracked' }, file);
    }
    for (const { file } of also) if (fileState(ctx.root, file) === 'changed') throw new BatchRefused({ kind: 'dirty', state: 'changed' }, file);
    if (!hasIdentity(ctx.root)) throw new EditRefused({ kind: 'no_identity' });
  }
  const planned: Array<{ file: string; text: string; task: Task }> = [];
  for (const edit of edits) {
    const bytes = readFileSync(join(ctx.root, edit.file));
    const decoded = decode(edit.file, bytes);
    if ('problems' in decoded) throw new BatchRefused({ kind: 'unreadable', problems: decoded.problems }, edit.file);
    const current = parseFast(decoded.text, validateTask);
    if (current === undefined) throw new BatchRefused({ kind: 'unreadable', problems: await ctx.explain(edit.file, decoded.text) }, edit.file);
    const ops = edit.change(JSON.parse(JSON.stringify(current)) as Task);
    if (ops.length === 0) continue;
    const text = applyToText(bytes.toString('utf8'), ops);
    const data = parseFast(text.replace(/^\uFEFF/, ''), validateTask);
    if (data === undefined) throw new BatchRefused({ kind: 'invalid', problems: await ctx.explain(edit.file, text.replace(/^\uFEFF/, '')) }, edit.file);
    const task = JSON.parse(JSON.stringify(data)) as Task;
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(applyToData(current as Record<string, unknown>, ops))), task)) {
      throw new Error(`the edit of ${edit.file} did not read back as intended`);
    }
    planned.push({ file: edit.file, text, task });
  }
  if (planned.length === 0) throw new EditRefused({ kind: 'nothing_to_do' });
  // the cross-file rules, with every changed task in its new state
  const changed = new Set(planned.map((p) => p.file));
  const all = [...ctx.others.filter((t) => !changed.has(t.file)), ...planned.map((p) => ({ task: p.task, file: p.file }))];
  const findings = crossChecks(all, ctx.config.roster).filter((f) => changed.has(f.file) && f.severity === 'error');
  if (findings.length > 0) {
    const file = findings[0]!.file;
    throw new BatchRefused({ kind: 'invalid', problems: await ctx.place(file, planned.find((p) => p.file === file)!.text.replace(/^\uFEFF/, ''), findings.filter((f) => f.file === file)) }, file);
  }
  for (const p of planned) writeFileAtomic(join(ctx.root, p.file), p.text);
  const extra = also.filter((a) => a.write()).map((a) => a.file);
  if (top) {
    const r = commitPaths(ctx.root, [...planned.map((p) => p.file), ...extra], message);
    if (!r.ok) throw new EditRefused({ kind: 'commit_failed', detail: r.stderr.trim() });
  }
  return { tasks: planned.map((p) => p.task), committed: top !== undefined, versioned: top !== undefined || !ctx.commit };
}
