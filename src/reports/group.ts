// The one grouping of every view and report: by lead official, by lead unit, by section or, in a
// roll-up of several plans, by office, in the roster's protocol order (never pinyin), a task with
// two leads in both groups.
import type { Roster } from '../core/config.js';
import { leadNames, leadUnitNames, orderedNames } from '../core/roster.js';
import { leadsOf, leadUnitOf, type Task } from '../core/task.js';

export type GroupBy = 'lead' | 'unit' | 'section' | 'office';

export interface Group<T> {
  name: string;
  items: T[];
}

/** A task with the office of its plan (an Evaluated or a LoadedTask will do). */
interface Placed {
  task: Task;
  office?: string;
}

function groupKeys(item: Placed, by: GroupBy): string[] {
  const { task } = item;
  if (by === 'lead') return leadsOf(task);
  if (by === 'unit') return [leadUnitOf(task)];
  if (by === 'office') return [item.office ?? ''];
  return [task.section ?? ''];
}

/** The names of the groups in protocol order: the roster's first, then others in the order the tasks use them. */
export function groupOrder(by: GroupBy, roster: Roster, tasks: readonly Task[]): string[] {
  if (by === 'lead') return leadNames(roster, tasks);
  if (by === 'unit') return leadUnitNames(roster, tasks);
  if (by === 'office') return [...(roster.offices ?? [])];
  return orderedNames([], tasks.map((t) => t.section ?? ''));
}

/**
 * Items in groups in `order`; groups without items are left out unless `keepEmpty`. `taskOf` gives
 * an item's task, or the task with its office, which grouping by office needs.
 */
export function groupBy<T>(items: readonly T[], by: GroupBy, order: readonly string[], taskOf: (item: T) => Task | Placed, keepEmpty = false): Group<T>[] {
  const groups = new Map<string, T[]>(order.map((name) => [name, []]));
  for (const item of items) {
    const of = taskOf(item);
    for (const key of groupKeys('task' in of ? of : { task: of }, by)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return [...groups].filter(([, list]) => keepEmpty || list.length > 0).map(([name, list]) => ({ name, items: list }));
}
