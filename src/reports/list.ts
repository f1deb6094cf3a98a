// Every task that passes the filters, in the order asked for.
import type { Roster } from '../core/config.js';
import type { Evaluated } from '../core/evaluate.js';
import { matches, type Filter } from '../core/filter.js';
import { leadNames, rankIn } from '../core/roster.js';
import { sortBy, type SortKey } from '../core/sort.js';

export interface ListReport {
  /** the number of tasks in the plan */
  total: number;
  tasks: Evaluated[];
}

export function listReport(evaluated: readonly Evaluated[], roster: Roster, options: { filter: Filter; sort?: SortKey }): ListReport {
  const leadRank = rankIn(leadNames(roster, evaluated.map((e) => e.task)));
  const officeRank = roster.offices ? rankIn(roster.offices) : undefined;
  const tasks = evaluated.filter(matches(options.filter)).sort(sortBy(options.sort ?? 'id', leadRank, officeRank));
  return { total: evaluated.length, tasks };
}
