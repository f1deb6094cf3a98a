// The red tasks as of a date, most overdue first, optionally grouped by official or unit.
import type { Roster } from '../core/config.js';
import type { Evaluated, Lights } from '../core/evaluate.js';
import { filterOfLights, type Filter } from '../core/filter.js';
import { BEHIND, DUE_SOON, lightOfCode, MILESTONE_ONLY } from '../core/light-facts.js';
import type { LoadedTask } from '../core/task.js';
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

/**
 * The report from the plan's lights: the counts come from the lights' codes, and only the red
 * tasks are evaluated in full (and, with a filter, the tasks it has to look at).
 */
export function overdueReport(lights: Lights, tasks: readonly LoadedTask[], roster: Roster, options: { filter: Filter; group?: 'lead' | 'unit' | 'office' }): OverdueReport {
  const keep = filterOfLights(options.filter, lights, tasks);
  const counts: OverdueCounts = { red: 0, milestoneOnly: 0, dueSoon: 0, behind: 0 };
  const red: Evaluated[] = [];
  lights.codes.forEach((code, i) => {
    if (keep && !keep(i)) return;
    const light = lightOfCode(code);
    if (light === 'red') {
      counts.red++;
      if (code & MILESTONE_ONLY) counts.milestoneOnly++;
      red.push(lights.evaluated(i));
    } else if (light === 'yellow') {
      if (code & DUE_SOON) counts.dueSoon++;
      if (code & BEHIND) counts.behind++;
    }
  });
  red.sort(mostOverdueFirst);
  const groups = options.group
    ? groupBy(red, options.group, groupOrder(options.group, roster, tasks.map((t) => t.task)), (e) => e)
    : [{ name: '', items: red }];
  return { counts, group: options.group, groups, tasks: red };
}
