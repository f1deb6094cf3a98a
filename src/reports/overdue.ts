// The red tasks as of a date, most overdue first, optionally grouped by official or unit.
import type { Roster } from '../core/config.js';
import type { Evaluated } from '../core/evaluate.js';
import { matches, type Filter } from '../core/filter.js';
import { mostOverdueFirst } from '../core/sort.js';
import { groupBy, groupOrder, type Group } from './group.js';

interface OverdueCounts {
  red: number;
  /** red only because of a milestone */
  milestoneOnly: number;
  dueSoon: number;
  behind: number;
}

export interface OverdueReport {
  counts: OverdueCounts;
  group: 'lead' | 'unit' | 'office' | undefined;
  /** the red tasks in groups; a single group named '' when not grouped */
  groups: Group<Evaluated>[];
  /** the red tasks, most overdue first */
  tasks: Evaluated[];
}

function overdueCounts(items: readonly Evaluated[]): OverdueCounts {
  const red = items.filter((e) => e.result.light === 'red');
  return {
    red: red.length,
    milestoneOnly: red.filter((e) => e.result.milestoneOnly).length,
    dueSoon: items.filter((e) => e.result.light === 'yellow' && e.result.dueSoon).length,
    behind: items.filter((e) => e.result.light === 'yellow' && e.result.behind).length,
  };
}

export function overdueReport(evaluated: readonly Evaluated[], roster: Roster, options: { filter: Filter; group?: 'lead' | 'unit' | 'office' }): OverdueReport {
  const selected = evaluated.filter(matches(options.filter));
  const red = selected.filter((e) => e.result.light === 'red').sort(mostOverdueFirst);
  const groups = options.group
    ? groupBy(red, options.group, groupOrder(options.group, roster, evaluated.map((e) => e.task)), (e) => e)
    : [{ name: '', items: red }];
  return { counts: overdueCounts(selected), group: options.group, groups, tasks: red };
}
