// tasks due [--within N]: open tasks and milestones due between the date and N days later.
import { addDays, diffDays, type IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { matches } from '../core/filter.js';
import { leadNames, leadUnitNames } from '../core/roster.js';
import { isOpen } from '../core/light.js';
import { leadsOf, leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { renderTable, type Column } from '../render/table.js';
import { taskJson } from '../render/task-view.js';
import { groupBy } from './overdue.js';
import { emit, openView, paintOut, tableWidth, tasksOf, useAscii, type ViewOptions } from './view.js';

export interface DueOptions extends ViewOptions {
  within?: string;
  group?: 'lead' | 'unit';
}

export interface DueItem {
  e: Evaluated;
  kind: 'task' | 'milestone';
  title: string;
  due: IsoDate;
  daysLeft: number;
}

/** Open tasks and unfinished milestones due from `asOf` to `until`, inclusive, earliest first. */
export function dueItems(items: readonly Evaluated[], asOf: IsoDate, until: IsoDate): DueItem[] {
  const out: DueItem[] = [];
  for (const e of items) {
    if (!isOpen(e.result.light)) continue;
    if (e.task.deadline >= asOf && e.task.deadline <= until) {
      out.push({ e, kind: 'task', title: e.task.title, due: e.task.deadline, daysLeft: diffDays(e.task.deadline, asOf) });
    }
    for (const ms of e.task.milestones ?? []) {
      if (ms.done_on !== undefined && ms.done_on <= asOf) continue;
      if (ms.due >= asOf && ms.due <= until) out.push({ e, kind: 'milestone', title: ms.title, due: ms.due, daysLeft: diffDays(ms.due, asOf) });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.e.task.id < b.e.task.id ? -1 : a.e.task.id > b.e.task.id ? 1 : 0));
}

export async function run(session: Session, _args: string[], opts: DueOptions): Promise<number> {
  const opened = await openView(session, opts);
  const { plan, asOf, evaluated, filter } = opened;
  const { m } = session;
  let within = plan.config.warning_days;
  if (opts.within !== undefined) {
    within = Number(opts.within);
    if (!/^\d+$/.test(opts.within.trim()) || within > 3660) throw new UserError(m.filters.badDays('--within', opts.within));
  }
  const until = addDays(asOf, within);
  const items = dueItems(evaluated.filter(matches(filter)), asOf, until);
  const tasks = tasksOf(plan);
  const col = m.views.col;
  const toRow = (i: DueItem) => [
    i.due, m.views.dueIn(i.daysLeft), i.kind === 'task' ? m.views.kindTask : m.views.kindMilestone, i.e.task.id,
    i.kind === 'task' ? i.title : `${i.title}\n（${i.e.task.title}）`, leadsOf(i.e.task).join('、'), leadUnitOf(i.e.task),
  ];
  return emit(session, opened, opts.format ?? 'table', {
    table: () => {
      const paint = paintOut(session);
      const taskCount = items.filter((i) => i.kind === 'task').length;
      const lines = [paint.bold(m.views.dueHeader(asOf, until, taskCount, items.length - taskCount))];
      if (items.length === 0) lines.push(m.views.noMatch);
      const columns: Column[] = [
        { header: col.due }, { header: col.daysLeft }, { header: col.kind }, { header: col.id },
        { header: col.title, wrap: true, min: 10, max: 50 }, { header: col.lead, wrap: true, min: 6, max: 20 },
        { header: col.leadUnit, wrap: true, min: 6, max: 16 },
      ];
      const render = (list: DueItem[]) =>
        renderTable(columns, list.map(toRow), { width: tableWidth(session), ascii: useAscii(session, plan.config), paint: (t, _r, c) => (c === 1 ? paint.yellow(t) : t) });
      if (items.length > 0 && opts.group) {
        const order = opts.group === 'unit' ? leadUnitNames(plan.config.roster, tasks) : leadNames(plan.config.roster, tasks);
        for (const g of groupBy(items.map((i) => i.e), opts.group, order)) {
          const ids = new Set(g.items.map((e) => e.task.id));
          lines.push('', paint.bold(m.views.group(g.name || m.views.unnamed, ids.size)), render(items.filter((i) => ids.has(i.e.task.id))));
        }
      } else if (items.length > 0) lines.push(render(items));
      return `${lines.join('\n')}\n`;
    },
    json: () => ({
      command: 'due',
      within,
      until,
      items: items.map((i) => ({ kind: i.kind, id: i.e.task.id, title: i.title, due: i.due, days_left: i.daysLeft, task: taskJson(i.e, m) })),
    }),
    csv: () => [
      [col.due, col.daysLeft, col.kind, col.id, col.title, col.lead, col.leadUnit],
      ...items.map((i) => [i.due, i.daysLeft, i.kind === 'task' ? m.views.kindTask : m.views.kindMilestone, i.e.task.id, i.title, leadsOf(i.e.task).join('、'), leadUnitOf(i.e.task)]),
    ],
    ids: () => [...new Set(items.map((i) => i.e.task.id))],
  });
}
