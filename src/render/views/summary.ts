// tasks summary as a table, JSON, CSV or the group names.
import type { Messages } from '../../i18n/index.js';
import type { SummaryReport, SummaryRow } from '../../reports/summary.js';
import type { GroupBy } from '../../reports/group.js';
import { renderTable, type Column } from '../table.js';
import type { ViewRenderer } from '../view.js';
import { fitLine } from '../wrap.js';

function rateText(r: SummaryRow): string {
  return r.rate === undefined ? '-' : `${r.rate.toFixed(1)}%`;
}

function summaryColumns(m: Messages, by: GroupBy): Array<{ header: string; value: (r: SummaryRow) => string | number }> {
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
    { header: s.rate, value: (r) => rateText(r) },
  ];
}

function rowJson(r: SummaryRow) {
  return {
    name: r.name, total: r.total, done: r.done, done_late: r.doneLate, open: r.open, not_started: r.notStarted, red: r.red,
    yellow: r.yellow, green: r.green, suspended: r.suspended, cancelled: r.cancelled, completion_rate: r.rate ?? null,
  };
}

export const summaryView: ViewRenderer<SummaryReport> = {
  table: (r, env) => {
    const { m, paint } = env;
    const cols = summaryColumns(m, r.by);
    const all = [...r.rows, { ...r.total, name: m.views.sum.totalRow }];
    const columns: Column[] = cols.map((c, i) => (i === 0 ? { header: c.header, wrap: true, min: 8, max: 30 } : { header: c.header, align: 'right' }));
    const body = all.map((row) => cols.map((c, i) => (i === 0 && row.name === '' ? m.views.unnamed : String(c.value(row)))));
    const table = renderTable(columns, body, {
      width: env.width,
      ascii: env.ascii,
      paint: (t, row, c) => (row === all.length - 1 ? paint.bold(t) : c === 5 && t !== '0' ? paint.red(t) : c === 6 && t !== '0' ? paint.yellow(t) : t),
    });
    return `${fitLine(m.views.sum.header(env.asOf, m.views.sum[r.by]), env.width, paint.bold)}\n${table}\n`;
  },
  json: (r, { m }) => ({ command: 'summary', by: r.by, rows: r.rows.map(rowJson), total: rowJson({ ...r.total, name: m.views.sum.totalRow }) }),
  csv: (r, { m }) => {
    const cols = summaryColumns(m, r.by);
    const all = [...r.rows, { ...r.total, name: m.views.sum.totalRow }];
    return [cols.map((c) => c.header), ...all.map((row) => cols.map((c, i) => (i === cols.length - 1 ? (row.rate ?? undefined) : c.value(row))))];
  },
  ids: (r) => r.rows.map((row) => row.name),
};
