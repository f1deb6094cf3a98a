// The Task type mirrors schemas/task.schema.json, which is the one source of the field rules.
import { startOfYear, type IsoDate } from './dates.js';

export const STATUSES = ['not_started', 'in_progress', 'done', 'suspended', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

export interface Milestone {
  title: string;
  due: IsoDate;
  done_on?: IsoDate;
  /** added in the course of the year: it does not count before this date */
  added?: IsoDate;
}

export interface Target {
  name: string;
  target: number;
  unit?: string;
  /** the value reported without a date */
  actual?: number;
  /** the values reported, with their dates, oldest first */
  actuals?: Array<{ date: IsoDate; value: number; note?: string }>;
  direction?: 'min' | 'max';
}

export interface ProgressEntry {
  date: IsoDate;
  note: string;
  percent?: number;
  by?: string;
  /** 存在问题 */
  problems?: string;
  /** 下步打算 */
  next_steps?: string;
  /** the feedback period the entry answers (2020-09-3, 2020-09, 2020-Q3) */
  period?: string;
}

interface Extension {
  date: IsoDate;
  from: IsoDate;
  to: IsoDate;
  reason: string;
  /** extension (a later deadline, the default) or advance (an earlier one) */
  kind?: 'extension' | 'advance';
}

/** A change of status (suspended, cancelled, resumed, reopened), dated so that past views see the status of their day. */
interface StatusChange {
  date: IsoDate;
  from: Status;
  to: Status;
  reason?: string;
  /** when a done task is reopened: the completion date it had */
  done_on?: IsoDate;
}

/** A unit's report that the work is finished (办结申请), and the office's decision on it (销号 or 退回). */
export interface CompletionRequest {
  date: IsoDate;
  by?: string;
  done_on: IsoDate;
  note?: string;
  decision?: 'accepted' | 'rejected';
  decided?: IsoDate;
  reason?: string;
  /** the feedback period of the form that made the request */
  period?: string;
}

export interface Task {
  id: string;
  title: string;
  detail?: string;
  section?: string;
  point?: string;
  lead: string | string[];
  units: string[];
  deadline: IsoDate;
  deadline_text?: string;
  start?: IsoDate;
  status: Status;
  done_on?: IsoDate;
  milestones?: Milestone[];
  targets?: Target[];
  progress?: ProgressEntry[];
  extensions?: Extension[];
  status_changes?: StatusChange[];
  completion_requests?: CompletionRequest[];
  tags?: string[];
}

/** A task as read from its file. */
export interface LoadedTask {
  task: Task;
  /** path relative to the plan's root, with forward slashes, e.g. tasks/2020-017.yaml */
  file: string;
  /**
   * In a roll-up of several plans (`plans:` in the settings), the office whose plan holds the task;
   * its id is then shown qualified, `屯溪区/2020-017`. Undefined for a single plan.
   */
  office?: string;
}

/** The lead or unit of a draft whose notice did not say (待定): filled in when the work is assigned. */
export const UNASSIGNED = '待定';

/** A draft not yet assigned: its lead official or a unit is still 待定, so its deadline is not yet a commitment. */
export function isUnassigned(task: Pick<Task, 'lead' | 'units'>): boolean {
  return leadsOf(task).includes(UNASSIGNED) || task.units.includes(UNASSIGNED);
}

export function leadsOf(task: Pick<Task, 'lead'>): string[] {
  return typeof task.lead === 'string' ? [task.lead] : task.lead;
}

export function leadUnitOf(task: Task): string {
  return task.units[0] ?? '';
}

/** The deadline first set for the task, before any approved extension. */
export function originalDeadline(task: Task): IsoDate {
  return task.extensions?.[0]?.from ?? task.deadline;
}

/**
 * Where the schedule share is measured from: the task's start, else 1 January of the year of its
 * first deadline (an extension into the next year does not restart the clock).
 */
export function startOf(task: Task): IsoDate {
  return task.start ?? startOfYear(originalDeadline(task));
}

/**
 * Where an entry dated `date` goes in a list kept oldest first: after every entry of that date or
 * earlier, so that a late report of an earlier date goes before the later ones.
 */
export function dateOrderIndex<T>(list: readonly T[], date: IsoDate, dateOf: (item: T) => IsoDate): number {
  let index = list.length;
  while (index > 0 && dateOf(list[index - 1]!) > date) index--;
  return index;
}
