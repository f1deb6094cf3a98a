// tasks overdue: the red tasks as of a date, most overdue first, optionally grouped by official or unit.
import type { Evaluated } from '../core/evaluate.js';
import { matches } from '../core/filter.js';
import { leadNames, leadUnitNames } from '../core/roster.js';
import { mostOverdueFirst } from '../core/sort.js';
import { leadsOf, leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { renderTable, type Column } from '../render/table.js';
import { taskJson } from '../render/task-view.js';
import { emit, openView, paintOut, tableWidth, tasksOf, useAscii, type Format, type ViewOptions } from './view.js';

export interface OverdueOptions extends ViewOptions {
  group?: 'lead' | 'unit';
  check?: boolean;
}

export interface Group {
  name: string;
  items: Evaluated[];
}

/** Items in groups, in the roster's protocol order; a task with two leads is in both groups. */
export function groupBy(items: readonly Evaluated[], by: 'lead' | 'unit', order: readonly string[]): Group[] {
  const groups = new Map<string, Evaluated[]>(order.map((name) => [name, []]));
  for (const e of items) {
    for (const key of by === 'lead' ? leadsOf(e.task) : [leadUnitOf(e.task)]) {
      const list = groups.get(key);
      if (list) list.push(e);
      else groups.set(key, [e]);
    }
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([name, list]) => ({ name, items: list }));
}

export function counts(items: readonly Evaluated[]) {
  const red = items.filter((e) => e.result.light === 'red');
  return {
    red: red.length,
    milestoneOnly: red.filter((e) => e.result.milestoneOnly).length,
    dueSoon: items.filter((e) => e.result.light === 'yellow' && e.result.dueSoon).length,
    behind: items.filter((e) => e.result.light === 'yellow' && e.result.behind).length,
  };
}

export function latestCell(e: Evaluated): string {
  const latest = e.result.latest;
  return latest ? `${latest.date.slice(5)} ${latest.note}` : '';
}

export async function run(session: Session, _args: string[], opts: OverdueOptions): Promise<number> {
  const opened = await openView(session, opts);
  const { plan, asOf, evaluated, filter } = opened;
  const { m } = session;
  const selected = evaluated.filter(matches(filter));
  const red = selected.filter((e) => e.result.light === 'red').sort(mostOverdueFirst);
  const c = counts(selected);
  const tasks = tasksOf(plan);
  const order = opts.group === 'unit' ? leadUnitNames(plan.config.roster, tasks) : leadNames(plan.config.roster, tasks);
  const groups = opts.group ? groupBy(red, opts.group, order) : [{ name: '', items: red }];
  const format: Format = opts.format ?? 'table';

  const code = emit(session, opened, format, {
    table: () => {
      const paint = paintOut(session);
      const lines = [paint.bold(m.views.overdueHeader(asOf, c))];
      if (red.length === 0) lines.push(m.views.noOverdue(asOf));
      for (const group of groups) {
        if (opts.group) lines.push('', paint.bold(m.views.group(group.name || m.views.unnamed, group.items.length)));
        lines.push(overdueTable(group.items, m, tableWidth(session), useAscii(session, plan.config), paint));
      }
      return `${lines.join('\n')}\n`;
    },
    json: () => ({
      command: 'overdue',
      counts: { red: c.red, milestone_only: c.milestoneOnly, due_soon: c.dueSoon, behind: c.behind },
      ...(opts.group ? { group_by: opts.group, groups: groups.map((g) => ({ name: g.name, ids: g.items.map((e) => e.task.id) })) } : {}),
      tasks: red.map((e) => taskJson(e, m)),
    }),
    csv: () => [
      [m.views.col.id, m.views.col.title, m.views.col.lead, m.views.col.leadUnit, m.views.col.coUnits, m.views.col.deadline,
        m.views.col.daysOverdue, m.views.col.milestone, m.views.col.latestDate, m.views.col.latest],
      ...groups.flatMap((g) =>
        g.items.map((e) => [
          e.task.id, e.task.title, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.task.units.slice(1).join('、'), e.task.deadline,
          e.result.daysOverdue,
          e.result.overdueMilestones.map((ms) => `${ms.title}（${ms.due}）`).join('；'),
          e.result.latest?.date, e.result.latest?.note,
        ]),
      ),
    ],
    ids: () => [...new Set(groups.flatMap((g) => g.items.map((e) => e.task.id)))],
  });
  if (opts.check && red.length > 0) return EXIT.CHECK;
  return code;
}

function overdueTable(items: readonly Evaluated[], m: Messages, width: number, ascii: boolean, paint: ReturnType<typeof paintOut>): string {
  if (items.length === 0) return '';
  const col = m.views.col;
  const columns: Column[] = [
    { header: col.id },
    { header: col.title, wrap: true, min: 10, max: 44 },
    { header: col.lead, wrap: true, min: 6, max: 20 },
    { header: col.leadUnit, wrap: true, min: 6, max: 16 },
    { header: col.deadline },
    { header: col.daysOverdue, align: 'right' },
    { header: col.latest, wrap: true, min: 10, max: 60 },
  ];
  const rows = items.map((e) => [
    e.task.id,
    [e.task.title, ...e.result.overdueMilestones.map((ms) => m.views.milestoneLine(ms.title, ms.due, ms.days))].join('\n'),
    leadsOf(e.task).join('、'),
    leadUnitOf(e.task),
    e.task.deadline,
    m.views.days(e.result.daysOverdue),
    latestCell(e),
  ]);
  return renderTable(columns, rows, { width, ascii, paint: (text, _r, c) => (c === 5 ? paint.red(text) : text) });
}
