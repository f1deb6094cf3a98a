// Open tasks and unfinished milestones due between the date and some days later.
import type { Roster } from '../core/config.js';
import { addDays, diffDays, toDayNumber, type IsoDate } from '../core/dates.js';
import type { Evaluated, Lights } from '../core/evaluate.js';
import { filterOfLights, type Filter } from '../core/filter.js';
import { dueIn, lightOfCode } from '../core/light-facts.js';
import { isOpen } from '../core/light.js';
import type { LoadedTask } from '../core/task.js';
import { milestonesOn } from '../core/as-of.js';
import { groupBy, groupOrder, type Group } from './group.js';

export interface DueItem {
  e: Evaluated;
  kind: 'task' | 'milestone';
  title: string;
  due: IsoDate;
  daysLeft: number;
}

export interface DueReport {
  within: number;
  until: IsoDate;
  /** earliest first */
  items: DueItem[];
  taskCount: number;
  milestoneCount: number;
  group: 'lead' | 'unit' | 'office' | undefined;
  /** the items in groups; a single group named '' when not grouped */
  groups: Group<DueItem>[];
}

/** Open tasks and unfinished milestones due from `asOf` to `until`, inclusive, earliest first. */
function dueItems(items: readonly Evaluated[], asOf: IsoDate, until: IsoDate): DueItem[] {
  const out: DueItem[] = [];
  for (const e of items) {
    if (!isOpen(e.result.light)) continue;
    const deadline = e.result.deadline;
    if (deadline >= asOf && deadline <= until) out.push({ e, kind: 'task', title: e.task.title, due: deadline, daysLeft: diffDays(deadline, asOf) });
    for (const ms of milestonesOn(e.task, asOf)) {
      if (ms.done_on !== undefined && ms.done_on <= asOf) continue;
      if (ms.due >= asOf && ms.due <= until) out.push({ e, kind: 'milestone', title: ms.title, due: ms.due, daysLeft: diffDays(ms.due, asOf) });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.e.task.id < b.e.task.id ? -1 : a.e.task.id > b.e.task.id ? 1 : 0));
}

/**
 * The report from the plan's lights: a task judged from its facts is passed over on them when it
 * is closed or nothing of it falls due in the window, without being made or evaluated.
 */
export function dueReport(lights: Lights, tasks: readonly LoadedTask[], roster: Roster, asOf: IsoDate, options: { filter: Filter; within: number; group?: 'lead' | 'unit' | 'office' }): DueReport {
  const until = addDays(asOf, options.within);
  const keep = filterOfLights(options.filter, lights, tasks);
  const facts = lights.facts;
  const [day, last] = [toDayNumber(asOf), toDayNumber(until)];
  const looked: Evaluated[] = [];
  lights.codes.forEach((code, i) => {
    if (!isOpen(lightOfCode(code))) return;
    if (facts && facts.at[i]! >= 0 && !dueIn(facts.facts, facts.at[i]!, day, day, last)) return;
    if (!keep || keep(i)) looked.push(lights.evaluated(i));
  });
  const items = dueItems(looked, asOf, until);
  const taskCount = items.filter((i) => i.kind === 'task').length;
  const groups = options.group
    ? groupBy(items, options.group, groupOrder(options.group, roster, tasks.map((t) => t.task)), (i) => i.e)
    : [{ name: '', items }];
  return { within: options.within, until, items, taskCount, milestoneCount: items.length - taskCount, group: options.group, groups };
}
