// Filters of the views. Several values of one field are alternatives (--light 红 --light 黄: red
// or yellow); different fields must all hold. Names and words are already resolved by the caller.
import type { IsoDate } from './dates.js';
import type { Evaluated, Lights } from './evaluate.js';
import type { Light } from './light.js';
import { leadsOf, leadUnitOf, type LoadedTask, type Status, type Task } from './task.js';

export interface Filter {
  /** in a roll-up: the office of the task's plan */
  office?: string[];
  lead?: string[];
  /** lead unit or co-unit */
  unit?: string[];
  leadUnit?: string[];
  status?: Status[];
  /** red, yellow or green; done, done_late, suspended and cancelled also work */
  light?: Light[];
  /** part of the section's text */
  section?: string[];
  /** part of the point's text */
  point?: string[];
  tag?: string[];
  /** deadline strictly before this date */
  deadlineBefore?: IsoDate;
  /** deadline strictly after this date */
  deadlineAfter?: IsoDate;
  /** substring of title, detail or a progress note (case-insensitive) */
  search?: string[];
}

const any = <T>(wanted: readonly T[] | undefined, test: (value: T) => boolean) => wanted === undefined || wanted.length === 0 || wanted.some(test);

/** Whether the filter lets every task through (nothing asked for). */
function selectsAll(filter: Filter): boolean {
  return Object.values(filter).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));
}

export function matches(filter: Filter): (e: Evaluated) => boolean {
  const onTask = matchesTask(filter);
  const onResult = matchesResult(filter);
  return (e) => onTask(e) && (onResult === undefined || onResult(e));
}

/** The filter's tests of the task's own fields (and its office): they need no light. */
function matchesTask(filter: Filter): (t: { task: Task; office?: string | undefined }) => boolean {
  const search = filter.search?.map((s) => s.toLowerCase());
  return ({ task, office }) =>
    any(filter.office, (name) => office === name) &&
    any(filter.lead, (name) => leadsOf(task).includes(name)) &&
    any(filter.unit, (name) => task.units.includes(name)) &&
    any(filter.leadUnit, (name) => leadUnitOf(task) === name) &&
    any(filter.section, (text) => (task.section ?? '').includes(text)) &&
    any(filter.point, (text) => (task.point ?? '').includes(text)) &&
    any(filter.tag, (tag) => (task.tags ?? []).includes(tag)) &&
    any(search, (text) =>
      task.title.toLowerCase().includes(text) ||
      (task.detail ?? '').toLowerCase().includes(text) ||
      (task.progress ?? []).some((p) => p.note.toLowerCase().includes(text)));
}

/** The filter's tests of the task as it stood on the date (status, light, deadline in force), or undefined when it has none. */
function matchesResult(filter: Filter): ((e: Evaluated) => boolean) | undefined {
  const none = (list?: readonly unknown[]) => list === undefined || list.length === 0;
  if (none(filter.status) && none(filter.light) && filter.deadlineBefore === undefined && filter.deadlineAfter === undefined) return undefined;
  return ({ result }) =>
    any(filter.status, (status) => result.status === status) &&
    any(filter.light, (light) => result.light === light) &&
    (filter.deadlineBefore === undefined || result.deadline < filter.deadlineBefore) &&
    (filter.deadlineAfter === undefined || result.deadline > filter.deadlineAfter);
}

/**
 * The filter over a plan's lights (one per task of `tasks`), or undefined when it lets every task
 * through: a task's own fields are tested first, and the task is evaluated only when the filter
 * asks of its light, status or deadline.
 */
export function filterOfLights(filter: Filter, lights: Lights, tasks: readonly LoadedTask[]): ((index: number) => boolean) | undefined {
  if (selectsAll(filter)) return undefined;
  const onTask = matchesTask(filter);
  const onResult = matchesResult(filter);
  return (i) => onTask(tasks[i]!) && (onResult === undefined || onResult(lights.evaluated(i)));
}
