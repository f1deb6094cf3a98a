// The one grouping of every view and report: by lead official, by lead unit or by section, in
// the roster's protocol order (never pinyin), a task with two leads in both groups.
import type { Roster } from '../core/config.js';
import { leadNames, leadUnitNames, orderedNames } from '../core/roster.js';
import { leadsOf, leadUnitOf, type Task } from '../core/task.js';

export type GroupBy = 'lead' | 'unit' | 'section';

export interface Group<T> {
  name: string;
  items: T[];
}

function groupKeys(task: Task, by: GroupBy): string[] {
  if (by === 'lead') return leadsOf(task);
  if (by === 'unit') return [leadUnitOf(task)];
  return [task.section ?? ''];
}

/** The names of the groups in protocol order: the roster's first, then others in the order the tasks use them. */
export function groupOrder(by: GroupBy, roster: Roster, tasks: readonly Task[]): string[] {
  if (by === 'lead') return leadNames(roster, tasks);
  if (by === 'unit') return leadUnitNames(roster, tasks);
  return orderedNames([], tasks.map((t) => t.section ?? ''));
}

/** Items in groups in `order`; groups without items are left out unless `keepEmpty`. */
export function groupBy<T>(items: readonly T[], by: GroupBy, order: readonly string[], taskOf: (item: T) => Task, keepEmpty = false): Group<T>[] {
  const groups = new Map<string, T[]>(order.map((name) => [name, []]));
  for (const item of items) {
    for (const key of groupKeys(taskOf(item), by)) {
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return [...groups].filter(([, list]) => keepEmpty || list.length > 0).map(([name, list]) => ({ name, items: list }));
}
