// tasks overdue as a table, JSON, CSV or ids.
import type { Evaluated } from '../../core/evaluate.js';
import { leadsOf, leadUnitOf } from '../../core/task.js';
import type { OverdueReport } from '../../reports/overdue.js';
import { renderTableLines, type Column } from '../table.js';
import type { CsvValue } from '../csv.js';
import { oneLine } from '../text.js';
import { fromSeveralPlans, latestCell, paintStale, reviewText, staleMark, taskJson, withStale } from '../task-view.js';
import { collected, type RenderEnv, type ViewRenderer } from '../view.js';
import { fitLine } from '../wrap.js';

function overdueTable(items: readonly Evaluated[], env: RenderEnv, write: (text: string) => void): void {
  if (items.length === 0) {
    write('\n');
    return;
  }
  const { m, paint } = env;
  const col = m.views.col;
  const offices = fromSeveralPlans(items);
  const columns: Column[] = [
    ...(offices ? [{ header: col.office, wrap: true, min: 4, max: 12 }] : []),
    { header: col.id },
    { header: col.title, wrap: true, min: 10, max: 44 },
    { header: col.lead, wrap: true, min: 6, max: 20 },
    { header: col.leadUnit, wrap: true, min: 6, max: 16 },
    { header: col.deadline },
    { header: col.daysOverdue, align: 'right' },
    { header: col.latest, wrap: true, min: 10, max: 60 },
  ];
  const rows = items.map((e) => [
    ...(offices ? [e.office ?? ''] : []),
    e.task.id,
    [e.task.title, ...e.result.overdueMilestones.map((ms) => m.views.milestoneLine(ms.title, ms.due, ms.days)), ...(e.review ? [reviewText(e, m)] : [])].join('\n'),
    leadsOf(e.task).join('、'),
    leadUnitOf(e.task),
    e.result.deadline,
    withStale(m.views.days(e.result.daysOverdue), e, m),
    latestCell(e),
  ]);
  const options = { width: env.width, ascii: env.ascii, paint: (text: string, _r: number, c: number) => (c === (offices ? 6 : 5) ? paintStale(text, m, paint, paint.red) : text) };
  renderTableLines(columns, rows, options, (line) => write(`${line}\n`));
}

function overdueTableTo(r: OverdueReport, env: RenderEnv, write: (text: string) => void): void {
  const { m, paint } = env;
  write(`${fitLine(m.views.overdueHeader(env.asOf, r.counts), env.width, paint.bold)}\n`);
  if (r.tasks.length === 0) write(`${fitLine(m.views.noOverdue(env.asOf), env.width)}\n`);
  for (const group of r.groups) {
    if (r.group) write(`\n${fitLine(m.views.group(oneLine(group.name) || m.views.unnamed, group.items.length), env.width, paint.bold)}\n`);
    overdueTable(group.items, env, write);
  }
}

export const overdueView: ViewRenderer<OverdueReport> = {
  table: collected(overdueTableTo),
  tableTo: overdueTableTo,
  json: (r, { m }) => ({
    command: 'overdue',
    counts: { red: r.counts.red, milestone_only: r.counts.milestoneOnly, due_soon: r.counts.dueSoon, behind: r.counts.behind },
    ...(r.group ? { group_by: r.group, groups: r.groups.map((g) => ({ name: g.name, ids: g.items.map((e) => e.task.id) })) } : {}),
    tasks: r.tasks.map((e) => taskJson(e, m)),
  }),
  csv: (r, { m }) => {
    const col = m.views.col;
    const offices = fromSeveralPlans(r.tasks);
    const office = (cells: CsvValue[], e?: Evaluated): CsvValue[] => (offices ? [e ? (e.office ?? '') : col.office, ...cells] : cells);
    return [
      office([col.id, col.title, col.lead, col.leadUnit, col.coUnits, col.deadline, col.daysOverdue, col.milestone, col.latestDate, col.latest, col.feedback]),
      ...r.groups.flatMap((g) =>
        g.items.map((e) => office([
          e.task.id, e.task.title, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.task.units.slice(1).join('、'), e.result.deadline,
          e.result.daysOverdue,
          e.result.overdueMilestones.map((ms) => `${ms.title}（${ms.due}）`).join('；'),
          e.result.latest?.date, e.result.latest?.note, staleMark(e, m),
        ], e)),
      ),
    ];
  },
  ids: (r) => [...new Set(r.groups.flatMap((g) => g.items.map((e) => e.task.id)))],
};
