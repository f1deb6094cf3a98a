// Everything about one task as of a date: its light and why, milestones, targets, feedback and
// extensions, each with its state on that date.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { actualOn } from '../core/as-of.js';
import { targetMet } from '../core/targets.js';
import { originalDeadline, type Milestone, type ProgressEntry, type Target } from '../core/task.js';

/** later: added after the date, so it did not count yet */
type MilestoneState = 'done' | 'overdue' | 'open' | 'later';

export interface TaskReport {
  e: Evaluated;
  originalDeadline: IsoDate;
  milestones: Array<Milestone & { state: MilestoneState }>;
  /** `actual` is the value reported by the date */
  targets: Array<Target & { met: boolean | undefined }>;
  /** with `later` set on entries dated after the date, which do not count */
  progress: Array<ProgressEntry & { later: boolean }>;
}

function milestoneState(ms: Milestone, asOf: IsoDate): MilestoneState {
  if (ms.added !== undefined && ms.added > asOf) return 'later';
  if (ms.done_on && ms.done_on <= asOf) return 'done';
  return ms.due < asOf ? 'overdue' : 'open';
}

export function taskReport(e: Evaluated, asOf: IsoDate): TaskReport {
  const { task } = e;
  return {
    e,
    originalDeadline: originalDeadline(task),
    milestones: (task.milestones ?? []).map((ms) => ({ ...ms, state: milestoneState(ms, asOf) })),
    targets: (task.targets ?? []).map((t) => {
      const actual = actualOn(t, asOf);
      return { ...t, ...(actual === undefined ? { actual: undefined } : { actual }), met: targetMet(t, asOf) };
    }),
    progress: (task.progress ?? []).map((p) => ({ ...p, later: p.date > asOf })),
  };
}
