// The Task type mirrors schemas/task.schema.json, which is the one source of the field rules.
import type { IsoDate } from './dates.js';

export const STATUSES = ['not_started', 'in_progress', 'done', 'suspended', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** Words a clerk may write for a status, and the status they mean. */
export const STATUS_WORDS: Readonly<Record<string, Status>> = {
  未启动: 'not_started', 未开始: 'not_started', 推进中: 'in_progress', 进行中: 'in_progress', 已完成: 'done', 完成: 'done',
  暂缓: 'suspended', 已取消: 'cancelled', 取消: 'cancelled',
};

export interface Milestone {
  title: string;
  due: IsoDate;
  done_on?: IsoDate;
}

export interface Target {
  name: string;
  target: number;
  unit?: string;
  actual?: number;
  direction?: 'min' | 'max';
}

export interface ProgressEntry {
  date: IsoDate;
  note: string;
  percent?: number;
  by?: string;
}

export interface Extension {
  date: IsoDate;
  from: IsoDate;
  to: IsoDate;
  reason: string;
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
  tags?: string[];
}

/** A task as read from its file. */
export interface LoadedTask {
  task: Task;
  /** path relative to the plan's root, with forward slashes, e.g. tasks/2020-017.yaml */
  file: string;
}

export function leadsOf(task: Task): string[] {
  return typeof task.lead === 'string' ? [task.lead] : task.lead;
}

export function leadUnitOf(task: Task): string {
  return task.units[0] ?? '';
}

/** The deadline first set for the task, before any approved extension. */
export function originalDeadline(task: Task): IsoDate {
  return task.extensions?.[0]?.from ?? task.deadline;
}

export function startOf(task: Task): IsoDate {
  return task.start ?? `${task.deadline.slice(0, 4)}-01-01`;
}
