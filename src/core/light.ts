// The light of a task as of a date: one pure function behind every view, export and report.
//
// done, done late, suspended and cancelled are states of their own. An open task is
//   red     if its deadline, or the due date of an unfinished milestone, is before the date;
//   yellow  if one of them falls within the warning window, or the work is behind schedule
//           (its latest reported percent is more than the tolerance below the share of time
//           elapsed from start to deadline);
//   green   otherwise.
// Deadlines are inclusive: a task due 2020-06-30 is overdue from 2020-07-01. The task is read as it
// stood on the date (core/as-of.ts): the deadline then in force, the status then, the milestones
// set by then; progress and completion dated later are ignored, so a view for a past date never
// changes later.
import { countsOn, deadlineOn, statusOn } from './as-of.js';
import { diffDays, type IsoDate } from './dates.js';
import { originalDeadline, startOf, type Milestone, type ProgressEntry, type Status, type Task } from './task.js';

export const LIGHTS = ['red', 'yellow', 'green', 'done_late', 'done', 'suspended', 'cancelled'] as const;
export type Light = (typeof LIGHTS)[number];

export type Reason =
  | { kind: 'overdue'; deadline: IsoDate; days: number }
  | { kind: 'milestone_overdue'; title: string; due: IsoDate; days: number }
  | { kind: 'due_soon'; deadline: IsoDate; days: number }
  | { kind: 'milestone_due_soon'; title: string; due: IsoDate; days: number }
  | { kind: 'behind'; percent: number; elapsed: number; reported: boolean }
  | { kind: 'done_late'; doneOn: IsoDate; deadline: IsoDate; days: number }
  | { kind: 'done'; doneOn: IsoDate }
  | { kind: 'suspended' }
  | { kind: 'cancelled' };

interface OverdueMilestone extends Milestone {
  days: number;
}

export interface LightResult {
  light: Light;
  /** why, most serious first */
  reasons: Reason[];
  /** the status as it stood on the date (a task done later was still open then) */
  status: Status;
  /** the deadline in force on the date (an extension granted later does not count yet) */
  deadline: IsoDate;
  /** days past the deadline or the most overdue milestone, whichever is more; 0 when none */
  daysOverdue: number;
  /** days past the deadline alone; 0 when the deadline has not passed */
  deadlineDaysOverdue: number;
  /** days past the deadline first set, before any approved extension */
  originalDaysOverdue: number;
  overdueMilestones: OverdueMilestone[];
  /** red only because of milestones: the deadline itself has not passed */
  milestoneOnly: boolean;
  dueSoon: boolean;
  behind: boolean;
  /** latest progress entry dated on or before the date */
  latest: ProgressEntry | undefined;
  /** latest reported percent on or before the date */
  percent: number | undefined;
  /** share of the time from start to deadline that has passed, 0–100 */
  elapsed: number;
  doneOn: IsoDate | undefined;
}

export interface LightSettings {
  warningDays: number;
  tolerance: number;
}

// Shared by every result that has them; frozen, since a result is only ever read.
const NO_MILESTONES: OverdueMilestone[] = Object.freeze([]) as unknown as OverdueMilestone[];
const CANCELLED: Reason[] = Object.freeze([Object.freeze({ kind: 'cancelled' as const })]) as unknown as Reason[];
const SUSPENDED: Reason[] = Object.freeze([Object.freeze({ kind: 'suspended' as const })]) as unknown as Reason[];

/**
 * The result of a task closed on the date. Every result is one literal of the same keys in the
 * same order: V8 then gives them all one shape, which a spread of a common base into each would
 * not (a view reads 100,000 of them).
 */
function closedResult(status: Status, deadline: IsoDate, latest: ProgressEntry | undefined, percent: number | undefined, elapsed: number, doneOn: IsoDate | undefined, light: Light, reasons: Reason[]): LightResult {
  return {
    status, deadline, latest, percent, elapsed,
    daysOverdue: 0, deadlineDaysOverdue: 0, originalDaysOverdue: 0, overdueMilestones: NO_MILESTONES, milestoneOnly: false, dueSoon: false, behind: false,
    doneOn, light, reasons,
  };
}

export function lightOf(task: Task, asOf: IsoDate, settings: LightSettings): LightResult {
  const latest = latestEntry(task.progress, asOf);
  const percent = latestPercent(task.progress, asOf);
  const deadline = deadlineOn(task, asOf);
  const start = startOf(task);
  const elapsed = elapsedShare(start, deadline, asOf);
  const { status, doneOn } = statusOn(task, asOf);
  if (status === 'cancelled') return closedResult(status, deadline, latest, percent, elapsed, doneOn, 'cancelled', CANCELLED);
  if (status === 'suspended') return closedResult(status, deadline, latest, percent, elapsed, doneOn, 'suspended', SUSPENDED);
  if (doneOn !== undefined) {
    const late = diffDays(doneOn, deadline);
    return late > 0
      ? closedResult(status, deadline, latest, percent, elapsed, doneOn, 'done_late', [{ kind: 'done_late', doneOn, deadline, days: late }])
      : closedResult(status, deadline, latest, percent, elapsed, doneOn, 'done', [{ kind: 'done', doneOn }]);
  }

  const red: Reason[] = [];
  const yellow: Reason[] = [];
  const deadlineDaysOverdue = Math.max(0, diffDays(asOf, deadline));
  const originalDaysOverdue = task.extensions?.length ? Math.max(0, diffDays(asOf, originalDeadline(task))) : deadlineDaysOverdue;
  if (deadlineDaysOverdue > 0) red.push({ kind: 'overdue', deadline, days: deadlineDaysOverdue });
  else {
    const left = diffDays(deadline, asOf);
    if (left <= settings.warningDays) yellow.push({ kind: 'due_soon', deadline, days: left });
  }
  let overdueMilestones = NO_MILESTONES;
  let daysOverdue = deadlineDaysOverdue;
  const milestones = task.milestones;
  if (milestones) {
    for (const ms of milestones) {
      if (!countsOn(ms, asOf)) continue;
      if (ms.done_on !== undefined && ms.done_on <= asOf) continue;
      const late = diffDays(asOf, ms.due);
      if (late > 0) {
        if (overdueMilestones === NO_MILESTONES) overdueMilestones = [];
        overdueMilestones.push({ ...ms, days: late });
        red.push({ kind: 'milestone_overdue', title: ms.title, due: ms.due, days: late });
        if (late > daysOverdue) daysOverdue = late;
      } else if (-late <= settings.warningDays) {
        yellow.push({ kind: 'milestone_due_soon', title: ms.title, due: ms.due, days: -late });
      }
    }
  }
  // A task not started and never reported counts as 0% done; otherwise only a reported percent is judged.
  const judged = percent ?? (status === 'not_started' ? 0 : undefined);
  const behind = judged !== undefined && asOf >= start && elapsed - judged > settings.tolerance;
  if (behind) yellow.push({ kind: 'behind', percent: judged, elapsed, reported: percent !== undefined });
  const light: Light = red.length > 0 ? 'red' : yellow.length > 0 ? 'yellow' : 'green';
  return {
    status, deadline, latest, percent, elapsed,
    daysOverdue,
    deadlineDaysOverdue,
    originalDaysOverdue,
    overdueMilestones: overdueMilestones.length > 1 ? overdueMilestones.sort((a, b) => b.days - a.days) : overdueMilestones,
    milestoneOnly: red.length > 0 && deadlineDaysOverdue === 0,
    dueSoon: yellow.some((r) => r.kind === 'due_soon' || r.kind === 'milestone_due_soon'),
    behind,
    doneOn,
    light,
    reasons: red.length === 0 ? yellow : yellow.length === 0 ? red : [...red, ...yellow],
  };
}

/** The latest feedback entry dated on or before the date. */
export function latestEntry(progress: readonly ProgressEntry[] | undefined, asOf: IsoDate): ProgressEntry | undefined {
  let latest: ProgressEntry | undefined;
  for (const entry of progress ?? []) if (entry.date <= asOf && (!latest || entry.date >= latest.date)) latest = entry;
  return latest;
}

function latestPercent(progress: readonly ProgressEntry[] | undefined, asOf: IsoDate): number | undefined {
  let found: ProgressEntry | undefined;
  for (const entry of progress ?? []) {
    if (entry.percent !== undefined && entry.date <= asOf && (!found || entry.date >= found.date)) found = entry;
  }
  return found?.percent;
}

/** Percent of the days from start to deadline that have passed on `asOf`, clamped to 0–100, whole numbers. */
export function elapsedShare(start: IsoDate, deadline: IsoDate, asOf: IsoDate): number {
  const total = diffDays(deadline, start);
  if (total <= 0) return asOf >= deadline ? 100 : 0;
  const share = (diffDays(asOf, start) / total) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}

/** Order of lights for sorting: the most urgent first. */
export function lightRank(light: Light): number {
  return LIGHTS.indexOf(light);
}

export function isOpen(light: Light): boolean {
  return light === 'red' || light === 'yellow' || light === 'green';
}
