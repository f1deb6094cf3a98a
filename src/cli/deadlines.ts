// Moving a deadline, shared by tasks set and tasks assign: a draft's first deadline is just set; a
// later one is an extension (延期) and an earlier one an advance (提前), each recorded with the
// deadline it replaces, when it was approved and why.
import type { IsoDate } from '../core/dates.js';
import { isUnassigned, type Task } from '../core/task.js';
import type { EditOp } from '../store/yaml-edit.js';

/** What moving a task's deadline to `to` is: a draft's first deadline, an extension or an advance. */
export function deadlineKind(task: Task, to: IsoDate): 'first' | 'extension' | 'advance' {
  if (isUnassigned(task)) return 'first';
  return to < task.deadline ? 'advance' : 'extension';
}

/**
 * The operations that move a task's deadline: the new date and its phrase, and (unless it is a
 * draft's first deadline) a record of the change with the old deadline, its approval and reason.
 */
export function deadlineOps(task: Task, to: IsoDate, phrase: { text: string; exact: boolean } | undefined, approval: { date: IsoDate; reason: string | undefined }): EditOp[] {
  const ops: EditOp[] = [{ op: 'set', path: ['deadline'], value: to }];
  const kind = deadlineKind(task, to);
  if (kind !== 'first') {
    const record = { date: approval.date, from: task.deadline, to, reason: approval.reason ?? '', ...(kind === 'advance' ? { kind } : {}) };
    ops.push({ op: 'insert', path: ['extensions'], index: (task.extensions ?? []).length, value: record });
  }
  if (phrase && !phrase.exact) ops.push({ op: 'set', path: ['deadline_text'], value: phrase.text });
  else if (task.deadline_text !== undefined) ops.push({ op: 'delete', path: ['deadline_text'] });
  return ops;
}
