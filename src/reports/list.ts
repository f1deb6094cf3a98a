// Every task that passes the filters, in the order asked for.
import type { Roster } from '../core/config.js';
import type { Evaluated, Lights } from '../core/evaluate.js';
import { filterOfLights, type Filter } from '../core/filter.js';
import { lightOfCode } from '../core/light-facts.js';
import type { Light } from '../core/light.js';
import type { LoadedTask } from '../core/task.js';
import { leadNames, rankIn } from '../core/roster.js';
import { sortBy, type SortKey } from '../core/sort.js';

export interface ListReport {
  /** the number of tasks in the plan */
  total: number;
  tasks: Evaluated[];
}

/**
 * The report from the plan's lights: with a filter of lights, a task of another light is passed
 * over on its code, without being evaluated (tasks list --light 黄 on a large plan).
 */
export function listReport(lights: Lights, tasks: readonly LoadedTask[], roster: Roster, options: { filter: Filter; sort?: SortKey }): ListReport {
  const leadRank = rankIn(leadNames(roster, tasks.map((t) => t.task)));
  const officeRank = roster.offices ? rankIn(roster.offices) : undefined;
  const keep = filterOfLights(options.filter, lights, tasks);
  const wanted = options.filter.light && new Set<Light>(options.filter.light);
  const selected: Evaluated[] = [];
  lights.codes.forEach((code, i) => {
    if (wanted && !wanted.has(lightOfCode(code))) return;
    if (!keep || keep(i)) selected.push(lights.evaluated(i));
  });
  return { total: tasks.length, tasks: selected.sort(sortBy(options.sort ?? 'id', leadRank, officeRank)) };
}
