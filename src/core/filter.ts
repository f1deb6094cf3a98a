// Filters of the views, combined with AND. Names and words are already resolved by the caller.
import type { IsoDate } from './dates.js';
import type { Evaluated } from './evaluate.js';
import type { Light } from './light.js';
import { leadsOf, leadUnitOf, type Status } from './task.js';

export interface Filter {
  lead?: string;
  /** lead unit or co-unit */
  unit?: string;
  leadUnit?: string;
  status?: Status;
  /** red, yellow or green; done, done_late, suspended and cancelled also work */
  light?: Light;
  section?: string;
  point?: string;
  tag?: string;
  /** deadline strictly before this date */
  deadlineBefore?: IsoDate;
  /** deadline strictly after this date */
  deadlineAfter?: IsoDate;
  /** substring of title, detail or a progress note (case-insensitive) */
  search?: string;
}

export function matches(filter: Filter): (e: Evaluated) => boolean {
  const search = filter.search?.toLowerCase();
  return ({ task, result }) =>
    (filter.lead === undefined || leadsOf(task).includes(filter.lead)) &&
    (filter.unit === undefined || task.units.includes(filter.unit)) &&
    (filter.leadUnit === undefined || leadUnitOf(task) === filter.leadUnit) &&
    (filter.status === undefined || result.status === filter.status) &&
    (filter.light === undefined || result.light === filter.light) &&
    (filter.section === undefined || (task.section ?? '').includes(filter.section)) &&
    (filter.point === undefined || (task.point ?? '').includes(filter.point)) &&
    (filter.tag === undefined || (task.tags ?? []).includes(filter.tag)) &&
    (filter.deadlineBefore === undefined || task.deadline < filter.deadlineBefore) &&
    (filter.deadlineAfter === undefined || task.deadline > filter.deadlineAfter) &&
    (search === undefined ||
      task.title.toLowerCase().includes(search) ||
      (task.detail ?? '').toLowerCase().includes(search) ||
      (task.progress ?? []).some((p) => p.note.toLowerCase().includes(search)));
}
