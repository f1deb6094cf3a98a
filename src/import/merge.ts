// A task read again from its source (a workbook row, a notice's sentence) merged into the task
// already in the plan: what the source says replaces what it says differently, and everything
// the source does not carry stays — milestones and feedback it lacks, the section, detail and
// tags, the history of deadlines and statuses, a completion. Pure: plain data in, plain data out.
import type { IsoDate } from '../core/dates.js';
import { currentActual } from '../core/targets.js';
import { dateOrderIndex, isUnassigned, leadsOf, UNASSIGNED, type Milestone, type ProgressEntry, type Target, type Task } from '../core/task.js';

export interface Incoming {
  task: Omit<Task, 'id'>;
  /** fields the importer filled in itself because the source is silent (a year-end deadline, a status of not started) */
  defaults: ReadonlyArray<keyof Task>;
}

export interface MergeContext {
  /** the date a changed actual value of a target is recorded on */
  asOf: IsoDate;
  /** the reason recorded when the source moves the deadline, or changes the status, of a task already assigned */
  deadlineReason: string;
}

const from = <K extends keyof Task>(incoming: Incoming, key: K): Task[K] | undefined => {
  if (incoming.defaults.includes(key)) return undefined;
  const value = incoming.task[key as keyof Omit<Task, 'id'>] as Task[K] | undefined;
  return value === '' ? undefined : value;
};

const HELD: ReadonlyArray<Task['status']> = ['done', 'suspended', 'cancelled'];

/** The task after the source is read into it. */
export function mergeTask(existing: Task, incoming: Incoming, ctx: MergeContext): Task {
  const out: Task = structuredClone(existing);
  for (const key of ['title', 'detail', 'section', 'point'] as const) {
    const value = from(incoming, key);
    if (value !== undefined) out[key] = value;
  }
  const lead = from(incoming, 'lead');
  if (lead !== undefined && !leadsOf({ lead }).includes(UNASSIGNED)) out.lead = lead;
  const units = from(incoming, 'units');
  if (units !== undefined && units.length > 0 && !units.includes(UNASSIGNED)) out.units = units;

  const deadline = from(incoming, 'deadline');
  if (deadline !== undefined && deadline !== existing.deadline) {
    out.deadline = deadline;
    if (!isUnassigned(existing)) {
      const record = { date: ctx.asOf, from: existing.deadline, to: deadline, reason: ctx.deadlineReason, ...(deadline < existing.deadline ? { kind: 'advance' as const } : {}) };
      out.extensions = [...(existing.extensions ?? []), record];
    }
  }
  if (deadline !== undefined) {
    const text = incoming.task.deadline_text;
    if (text !== undefined) out.deadline_text = text;
    else if (deadline !== existing.deadline) delete out.deadline_text;
  }

  // A completion, a suspension and a cancellation stay: a sheet of an earlier date must not undo
  // them (tasks reopen and tasks set status do that, with a reason). A change is dated, so that
  // views of earlier dates still see the status as it was.
  const status = from(incoming, 'status');
  if (status !== undefined && status !== existing.status && !HELD.includes(existing.status)) {
    out.status = status;
    if (status === 'done') out.done_on = incoming.task.done_on ?? existing.done_on ?? ctx.asOf;
    else delete out.done_on;
    // a completion is dated by its done_on; other changes of an assigned task get a dated record
    if (status !== 'done' && !isUnassigned(existing)) {
      const changes = [...(existing.status_changes ?? [])];
      changes.splice(dateOrderIndex(changes, ctx.asOf, (c) => c.date), 0, { date: ctx.asOf, from: existing.status, to: status, reason: ctx.deadlineReason });
      out.status_changes = changes;
    }
  }

  const milestones = mergeMilestones(existing.milestones ?? [], incoming.task.milestones ?? []);
  if (milestones.length > 0) out.milestones = milestones;
  const targets = mergeTargets(existing.targets ?? [], incoming.task.targets ?? [], ctx.asOf);
  if (targets.length > 0) out.targets = targets;
  // feedback dated after the completion would contradict it
  const done = out.status === 'done' ? out.done_on : undefined;
  const progress = mergeProgress(existing.progress ?? [], (incoming.task.progress ?? []).filter((p) => done === undefined || p.date <= done));
  if (progress.length > 0) out.progress = progress;
  const tags = [...new Set([...(existing.tags ?? []), ...(incoming.task.tags ?? [])])];
  if (tags.length > 0) out.tags = tags;
  return out;
}

/** Milestones by title: the source's due and completion for the ones it names, the others kept, new ones added. */
function mergeMilestones(existing: readonly Milestone[], incoming: readonly Milestone[]): Milestone[] {
  const out = existing.map((ms) => {
    const update = incoming.find((x) => x.title === ms.title);
    return update ? { ...ms, due: update.due, ...(update.done_on ? { done_on: update.done_on } : {}) } : ms;
  });
  for (const ms of incoming) if (!existing.some((x) => x.title === ms.title)) out.push(ms);
  return out;
}

/** Targets by name: the source's value and unit; an actual value it gives that differs from the latest is recorded as of `asOf`. */
function mergeTargets(existing: readonly Target[], incoming: readonly Target[], asOf: IsoDate): Target[] {
  const out = existing.map((t) => {
    const update = incoming.find((x) => x.name === t.name);
    if (!update) return t;
    const merged: Target = { ...t, target: update.target };
    if (update.unit !== undefined) merged.unit = update.unit;
    if (update.direction !== undefined) merged.direction = update.direction;
    // a value already recorded (the sheet of an earlier date read again) is not new
    const known = update.actual === t.actual || (t.actuals ?? []).some((a) => a.value === update.actual);
    if (update.actual !== undefined && update.actual !== currentActual(t) && !known) {
      if (t.actuals?.length) merged.actuals = [...t.actuals, { date: asOf, value: update.actual }];
      else merged.actual = update.actual;
    }
    return merged;
  });
  for (const t of incoming) if (!existing.some((x) => x.name === t.name)) out.push(t);
  return out;
}

/** Feedback: every entry kept, the source's entries added where no entry of that date says the same. */
function mergeProgress(existing: readonly ProgressEntry[], incoming: readonly ProgressEntry[]): ProgressEntry[] {
  const out = [...existing];
  for (const entry of incoming) {
    if (out.some((x) => x.date === entry.date && x.note === entry.note)) continue;
    out.splice(dateOrderIndex(out, entry.date, (x) => x.date), 0, entry);
  }
  return out;
}
