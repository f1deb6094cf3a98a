// A task as it stood on a date. Every change that moves a light carries its date in the task file
// (extensions, status changes, milestones added later, dated target values), so a view of a past
// date reads the records of that date and later edits never rewrite it.
import type { IsoDate } from './dates.js';
import { originalDeadline, type Milestone, type Status, type Target, type Task } from './task.js';

function byDate<T extends { date: IsoDate }>(list: readonly T[] | undefined): T[] {
  // a stable sort: entries of one date keep the order they were recorded in
  return [...(list ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The deadline in force on `date`: the first deadline, moved by every extension (or advance)
 * granted on or before the date, in order. Once every recorded change is in the past, the
 * deadline in the file is the one in force, even when it was edited by hand.
 */
export function deadlineOn(task: Task, date: IsoDate): IsoDate {
  if (!task.extensions || task.extensions.length === 0) return task.deadline;
  const changes = byDate(task.extensions);
  if (changes.every((x) => x.date <= date)) return task.deadline;
  let deadline = originalDeadline(task);
  for (const x of changes) if (x.date <= date) deadline = x.to;
  return deadline;
}

export interface StatusOn {
  status: Status;
  /** the completion date, when the task was done on the date */
  doneOn: IsoDate | undefined;
}

/**
 * The status on `date`, from the dated status changes (suspended, cancelled, resumed, reopened)
 * and the completion date. A task done after the date was still open on it; a task reopened
 * after the date was still done, with the completion date the reopening kept. A file without
 * status changes keeps its status on every date, except that it was open before it was done.
 */
export function statusOn(task: Task, date: IsoDate): StatusOn {
  if (!task.status_changes || task.status_changes.length === 0) {
    // the common case, without a copy: the recorded status, open until the completion date
    if (task.status !== 'done') return { status: task.status, doneOn: undefined };
    return task.done_on !== undefined && task.done_on <= date ? { status: 'done', doneOn: task.done_on } : { status: 'in_progress', doneOn: undefined };
  }
  const changes = byDate(task.status_changes);
  const last = changes.at(-1);
  let status: Status;
  let doneOn: IsoDate | undefined;
  if (!last || last.date <= date) {
    status = task.status;
    doneOn = task.done_on;
  } else {
    const first = changes[0]!;
    status = first.from;
    doneOn = first.from === 'done' ? first.done_on : undefined;
    changes.forEach((change, i) => {
      if (change.date > date) return;
      status = change.to;
      // a stint as done ends with a change from done, which keeps the completion date
      const end = changes.slice(i + 1).find((c) => c.from === 'done');
      doneOn = change.to === 'done' ? (end ? end.done_on : task.done_on) ?? change.date : undefined;
    });
  }
  if (status === 'done' && (doneOn === undefined || doneOn > date)) return { status: 'in_progress', doneOn: undefined };
  return { status, doneOn: status === 'done' ? doneOn : undefined };
}

/** The milestones that counted on `date`: those set at the start, and those added by then. */
export function milestonesOn(task: Task, date: IsoDate): Milestone[] {
  return (task.milestones ?? []).filter((ms) => countsOn(ms, date));
}

/** Whether a milestone counted on `date`: set at the start, or added by then. */
export function countsOn(milestone: Milestone, date: IsoDate): boolean {
  return milestone.added === undefined || milestone.added <= date;
}

/** A target's value as reported on or before `date`: the latest dated value, else the undated one. */
export function actualOn(target: Target, date: IsoDate): number | undefined {
  let found: { date: IsoDate; value: number } | undefined;
  for (const a of target.actuals ?? []) if (a.date <= date && (!found || a.date >= found.date)) found = a;
  return found ? found.value : target.actual;
}
