// tasks summary [--by lead|unit|section]: totals per row in protocol order, and a total row.
import { matches } from '../core/filter.js';
import { leadNames, leadUnitNames, orderedNames } from '../core/roster.js';
import { summarize, type SummaryBy, type SummaryRow } from '../core/summary.js';
import type { Session } from '../context.js';
import type { Messages } from '../i18n/index.js';
import { renderTable, type Column } from '../render/table.js';
import { emit, openView, paintOut, tableWidth, tasksOf, useAscii, type ViewOptions } from './view.js';

export interface SummaryOptions extends ViewOptions {
  by?: SummaryBy;
}

export function rate(r: SummaryRow): string {
  return r.rate === undefined ? '-' : `${r.rate.toFixed(1)}%`;
}

export function summaryColumns(m: Messages, by: SummaryBy): Array<{ header: string; value: (r: SummaryRow) => string | number }> {
  const s = m.views.sum;
  return [
    { header: s[by], value: (r) => r.name },
    { header: s.total, value: (r) => r.total },
    { header: s.done, value: (r) => r.done },
    { header: s.doneLate, value: (r) => r.doneLate },
    { header: s.open, value: (r) => r.open },
    { header: s.red, value: (r) => r.red },
    { header: s.yellow, value: (r) => r.yellow },
    { header: s.green, value: (r) => r.green },
    { header: s.suspended, value: (r) => r.suspended },
    { header: s.cancelled, value: (r) => r.cancelled },
    { header: s.rate, value: (r) => rate(r) },
  ];
}

export async function run(session: Session, _args: string[], opts: SummaryOptions): Promise<number> {
  const opened = await openView(session, opts);
  const { plan, asOf, evaluated, filter } = opened;
  const { m } = session;
  const by = opts.by ?? 'lead';
  const tasks = tasksOf(plan);
  const order =
    by === 'lead' ? leadNames(plan.config.roster, tasks) : by === 'unit' ? leadUnitNames(plan.config.roster, tasks) : orderedNames([], tasks.map((t) => t.section ?? ''));
  const { rows, total } = summarize(evaluated.filter(matches(filter)), by, order);
  total.name = m.views.sum.totalRow;
  const cols = summaryColumns(m, by);
  const all = [...rows, total];
  return emit(session, opened, opts.format ?? 'table', {
    table: () => {
      const paint = paintOut(session);
      const columns: Column[] = cols.map((c, i) => (i === 0 ? { header: c.header, wrap: true, min: 8, max: 30 } : { header: c.header, align: 'right' }));
      const body = all.map((r) => cols.map((c, i) => (i === 0 && r.name === '' ? m.views.unnamed : String(c.value(r)))));
      const table = renderTable(columns, body, {
        width: tableWidth(session),
        ascii: useAscii(session, plan.config),
        paint: (t, r, c) => (r === all.length - 1 ? paint.bold(t) : c === 5 && t !== '0' ? paint.red(t) : c === 6 && t !== '0' ? paint.yellow(t) : t),
      });
      return `${paint.bold(m.views.sum.header(asOf, m.views.sum[by]))}\n${table}\n`;
    },
    json: () => ({
      command: 'summary',
      by,
      rows: rows.map(rowJson),
      total: rowJson(total),
    }),
    csv: () => [cols.map((c) => c.header), ...all.map((r) => cols.map((c, i) => (i === cols.length - 1 ? (r.rate ?? undefined) : c.value(r))))],
    ids: () => rows.map((r) => r.name),
  });
}

function rowJson(r: SummaryRow) {
  return {
    name: r.name, total: r.total, done: r.done, done_late: r.doneLate, open: r.open, not_started: r.notStarted, red: r.red,
    yellow: r.yellow, green: r.green, suspended: r.suspended, cancelled: r.cancelled, completion_rate: r.rate ?? null,
  };
}
