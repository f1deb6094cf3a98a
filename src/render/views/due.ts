// tasks due as a table, JSON, CSV or ids.
import { leadsOf, leadUnitOf } from '../../core/task.js';
import type { DueItem, DueReport } from '../../reports/due.js';
import { renderTable, type Column } from '../table.js';
import type { CsvValue } from '../csv.js';
import { fromSeveralPlans, reviewText, taskJson } from '../task-view.js';
import type { RenderEnv, ViewRenderer } from '../view.js';
import { fitLine } from '../wrap.js';

function dueTable(items: readonly DueItem[], env: RenderEnv): string {
  const { m, paint } = env;
  const col = m.views.col;
  const offices = fromSeveralPlans(items.map((i) => i.e));
  const columns: Column[] = [
    ...(offices ? [{ header: col.office, wrap: true, min: 4, max: 12 }] : []),
    { header: col.due }, { header: col.daysLeft }, { header: col.kind }, { header: col.id },
    { header: col.title, wrap: true, min: 10, max: 50 }, { header: col.lead, wrap: true, min: 6, max: 20 },
    { header: col.leadUnit, wrap: true, min: 6, max: 16 },
  ];
  const rows = items.map((i) => [
    ...(offices ? [i.e.office ?? ''] : []),
    i.due, m.views.dueIn(i.daysLeft), i.kind === 'task' ? m.views.kindTask : m.views.kindMilestone, i.e.task.id,
    [i.kind === 'task' ? i.title : `${i.title}\n（${i.e.task.title}）`, ...(i.e.review ? [reviewText(i.e, m)] : [])].join('\n'), leadsOf(i.e.task).join('、'), leadUnitOf(i.e.task),
  ]);
  return renderTable(columns, rows, { width: env.width, ascii: env.ascii, paint: (t, _r, c) => (c === (offices ? 2 : 1) ? paint.yellow(t) : t) });
}

export const dueView: ViewRenderer<DueReport> = {
  table: (r, env) => {
    const { m, paint } = env;
    const lines = [fitLine(m.views.dueHeader(env.asOf, r.until, r.taskCount, r.milestoneCount), env.width, paint.bold)];
    if (r.items.length === 0) lines.push(m.views.noMatch);
    else if (r.group) {
      for (const g of r.groups) {
        const tasks = new Set(g.items.map((i) => i.e.task.id)).size;
        lines.push('', fitLine(m.views.group(g.name || m.views.unnamed, tasks), env.width, paint.bold), dueTable(g.items, env));
      }
    } else lines.push(dueTable(r.items, env));
    return `${lines.join('\n')}\n`;
  },
  json: (r, { m }) => ({
    command: 'due',
    within: r.within,
    until: r.until,
    items: r.items.map((i) => ({ kind: i.kind, id: i.e.task.id, title: i.title, due: i.due, days_left: i.daysLeft, task: taskJson(i.e, m) })),
  }),
  csv: (r, { m }) => {
    const col = m.views.col;
    const offices = fromSeveralPlans(r.items.map((i) => i.e));
    const office = (cells: CsvValue[], e?: DueItem['e']): CsvValue[] => (offices ? [e ? (e.office ?? '') : col.office, ...cells] : cells);
    return [
      office([col.due, col.daysLeft, col.kind, col.id, col.title, col.lead, col.leadUnit]),
      ...r.items.map((i) => office([i.due, i.daysLeft, i.kind === 'task' ? m.views.kindTask : m.views.kindMilestone, i.e.task.id, i.title, leadsOf(i.e.task).join('、'), leadUnitOf(i.e.task)], i.e)),
    ];
  },
  ids: (r) => [...new Set(r.items.map((i) => i.e.task.id))],
};
