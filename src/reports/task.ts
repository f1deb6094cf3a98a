// Everything about one task as of a date: its light and why, milestones, targets, feedback and
// extensions, each with its state on that date.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { currentActual, targetMet } from '../core/targets.js';
import { originalDeadline, type Milestone, type ProgressEntry, type Target } from '../core/task.js';

type MilestoneState = 'done' | 'overdue' | 'open';

export interface TaskReport {
  e: Evaluated;
  originalDeadline: IsoDate;
  milestones: Array<Milestone & { state: MilestoneState }>;
  targets: Array<Target & { met: boolean | undefined }>;
  /** with `later` set on entries dated after the date, which do not count */
  progress: Array<ProgressEntry & { later: boolean }>;
}

function milestoneState(ms: Milestone, asOf: IsoDate): MilestoneState {
  if (ms.done_on && ms.done_on <= asOf) return 'done';
  return ms.due < asOf ? 'overdue' : 'open';
}

export function taskReport(e: Evaluated, asOf: IsoDate): TaskReport {
  const { task } = e;
  return {
    e,
    originalDeadline: originalDeadline(task),
    milestones: (task.milestones ?? []).map((ms) => ({ ...ms, state: milestoneState(ms, asOf) })),
    targets: (task.targets ?? []).map((t) => ({ ...t, actual: currentActual(t), met: targetMet(t) })),
    progress: (task.progress ?? []).map((p) => ({ ...p, later: p.date > asOf })),
  };
}
