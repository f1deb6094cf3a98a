// tasks list as a table, JSON, CSV or ids.
import { leadsOf, leadUnitOf } from '../../core/task.js';
import type { ListReport } from '../../reports/list.js';
import { paintLight } from '../color.js';
import { renderTableLines, type Column } from '../table.js';
import type { Evaluated } from '../../core/evaluate.js';
import type { CsvValue } from '../csv.js';
import { fromSeveralPlans, lightText, paintStale, staleMark, statusText, taskJson, whyText } from '../task-view.js';
import { collected, type RenderEnv, type ViewRenderer } from '../view.js';
import { fitLine } from '../wrap.js';

/** The table, written line by line: a list of 50,000 tasks is never held whole. */
function listTableTo(r: ListReport, env: RenderEnv, write: (text: string) => void): void {
  const { m, paint } = env;
  write(`${fitLine(m.views.listHeader(r.tasks.length, r.total, env.asOf), env.width, paint.bold)}\n`);
  if (r.tasks.length === 0) {
    write(`${m.views.noMatch}\n`);
    return;
  }
  const col = m.views.col;
  const offices = fromSeveralPlans(r.tasks);
  const columns: Column[] = [
    ...(offices ? [{ header: col.office, wrap: true, min: 4, max: 12 }] : []),
    { header: col.id },
    { header: col.title, wrap: true, min: 10, max: 40 },
    { header: col.lead, wrap: true, min: 6, max: 20 },
    { header: col.leadUnit, wrap: true, min: 6, max: 16 },
    { header: col.deadline },
    { header: col.light },
    { header: col.reasons, wrap: true, min: 10, max: 50 },
  ];
  // the stale mark goes under the reasons, so that the light column stays narrow
  const rows = r.tasks.map((e) => [
    ...(offices ? [e.office ?? ''] : []), e.task.id, e.task.title, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.result.deadline, lightText(e, m),
    e.stale ? `${whyText(e, m)}\n${m.views.stale}` : whyText(e, m),
  ]);
  const light = offices ? 6 : 5;
  renderTableLines(columns, rows, {
    width: env.width,
    ascii: env.ascii,
    paint: (text, row, c) => (c === light ? paintLight(paint, r.tasks[row]!.result.light, text) : c === light + 1 ? paintStale(text, m, paint, (s) => s) : text),
  }, (line) => write(`${line}\n`));
}

export const listView: ViewRenderer<ListReport> = {
  table: collected(listTableTo),
  tableTo: listTableTo,
  json: (r, { m }) => ({ command: 'list', count: r.tasks.length, tasks: r.tasks.map((e) => taskJson(e, m)) }),
  csv: (r, { m }) => {
    const col = m.views.col;
    const offices = fromSeveralPlans(r.tasks);
    const office = (cells: unknown[], e?: Evaluated) => (offices ? [e ? (e.office ?? '') : col.office, ...cells] : cells);
    return [
      office([col.id, col.title, col.section, col.point, col.lead, col.leadUnit, col.coUnits, col.deadline, col.status, col.light, col.daysOverdue, col.percent,
        col.reasons, col.latestDate, col.latest, col.feedback]),
      ...r.tasks.map((e) => office([
        e.task.id, e.task.title, e.task.section, e.task.point, leadsOf(e.task).join('、'), leadUnitOf(e.task), e.task.units.slice(1).join('、'),
        // the light alone, so that a spreadsheet can filter on it; the stale mark has its column
        e.result.deadline, statusText(e, m), m.light[e.result.light], e.result.daysOverdue, e.result.percent, whyText(e, m),
        e.result.latest?.date, e.result.latest?.note, staleMark(e, m),
      ], e)),
    ] as CsvValue[][];
  },
  ids: (r) => r.tasks.map((e) => e.task.id),
};
