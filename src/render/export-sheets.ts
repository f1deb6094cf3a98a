// What the exports say: tasks with their lights → the rows and sheets of the xlsx and CSV files.
// Pure: the same tasks, date and language always give the same sheets.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { SummaryRow } from '../reports/summary.js';
import { leadsOf, leadUnitOf, originalDeadline, type Target } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { CsvValue } from './csv.js';
import { fromSeveralPlans } from './task-view.js';
import type { SheetColumn, SheetRow, SheetSpec } from './xlsx.js';

export type ExportBy = 'lead' | 'unit' | 'office';

/** Which columns a sheet of tasks has: a per-official sheet leaves out the official, and so on. */
export interface TaskColumns {
  lead: boolean;
  leadUnit: boolean;
  targets: boolean;
  /** the office of the task's plan: by default when the tasks come from a roll-up of several plans */
  office?: boolean;
}

function targetText(t: Target, m: Messages): string {
  const unit = t.unit ?? '';
  return m.exports.target(t.name, `${t.direction === 'max' ? '≤' : ''}${t.target}${unit}`, t.actual === undefined ? undefined : `${t.actual}${unit}`);
}

function deadlineText(e: Evaluated, m: Messages): string {
  const original = originalDeadline(e.task);
  return original === e.task.deadline ? e.task.deadline : m.exports.extended(e.task.deadline, original);
}

function taskColumns(m: Messages, which: TaskColumns): Array<SheetColumn & { value: (e: Evaluated, i: number) => CsvValue }> {
  const c = m.exports.col;
  const all: Array<(SheetColumn & { value: (e: Evaluated, i: number) => CsvValue }) | false> = [
    { header: c.no, width: 5, kind: 'number', align: 'center', value: (_e, i) => i + 1 },
    which.office === true && { header: m.views.col.office, width: 10, value: (e) => e.office ?? '' },
    { header: c.id, width: 10, value: (e) => e.task.id },
    { header: c.title, width: 26, value: (e) => e.task.title },
    which.lead && { header: c.lead, width: 11, value: (e) => leadsOf(e.task).join('、') },
    { header: c.point, width: 14, value: (e) => e.task.point ?? '' },
    which.leadUnit && { header: c.leadUnit, width: 10, value: (e) => leadUnitOf(e.task) },
    { header: c.coUnits, width: 12, value: (e) => e.task.units.slice(1).join('、') },
    { header: c.deadline, width: 11, align: 'center', value: (e) => deadlineText(e, m) },
    { header: c.status, width: 7, align: 'center', value: (e) => m.status[e.result.status] },
    { header: c.light, width: 6, align: 'center', value: (e) => m.light[e.result.light] },
    { header: c.daysOverdue, width: 6, kind: 'number', value: (e) => (e.result.daysOverdue > 0 ? e.result.daysOverdue : e.result.light === 'done_late' ? daysLate(e) : undefined) },
    { header: c.latest, width: 30, value: (e) => e.result.latest?.note ?? '' },
    { header: c.latestDate, width: 11, align: 'center', value: (e) => e.result.latest?.date ?? '' },
    which.targets && { header: c.targets, width: 22, value: (e) => (e.task.targets ?? []).map((t) => targetText(t, m)).join('\n') },
  ];
  return all.filter((x): x is SheetColumn & { value: (e: Evaluated, i: number) => CsvValue } => x !== false);
}

function daysLate(e: Evaluated): number | undefined {
  const r = e.result.reasons.find((x) => x.kind === 'done_late');
  return r && r.kind === 'done_late' ? r.days : undefined;
}

function fillOf(e: Evaluated): SheetRow['fill'] {
  return e.result.light === 'red' ? 'red' : e.result.light === 'yellow' ? 'yellow' : undefined;
}

function countsLine(total: SummaryRow, m: Messages): string {
  return m.exports.counts({ ...total, rate: total.rate === undefined ? '-' : `${total.rate.toFixed(1)}%` });
}

export interface TaskSheetInput {
  name: string;
  title: string;
  items: readonly Evaluated[];
  total: SummaryRow;
  columns: Omit<TaskColumns, 'targets'>;
  asOf: IsoDate;
  planTitle: string;
}

export function taskSheet(input: TaskSheetInput, m: Messages): SheetSpec {
  const targets = input.items.some((e) => (e.task.targets ?? []).length > 0);
  const cols = taskColumns(m, { office: fromSeveralPlans(input.items), ...input.columns, targets });
  return {
    name: input.name,
    title: input.title,
    summary: countsLine(input.total, m),
    columns: cols,
    rows: input.items.map((e, i) => ({ values: cols.map((c) => c.value(e, i)), fill: fillOf(e) })),
    footerLeft: m.exports.footer(input.asOf),
    footerRight: input.planTitle,
    footerCenter: m.exports.pageFooter,
    emptyText: m.exports.noTasks,
  };
}

/** The same rows as CSV: a header row, then one row per task. */
export function taskCsv(items: readonly Evaluated[], m: Messages, columns: Omit<TaskColumns, 'targets'>): CsvValue[][] {
  const cols = taskColumns(m, { office: fromSeveralPlans(items), ...columns, targets: true });
  return [cols.map((c) => c.header), ...items.map((e, i) => cols.map((c) => c.value(e, i)))];
}

export function summarySheet(name: string, title: string, nameHeader: string, rows: readonly SummaryRow[], total: SummaryRow, asOf: IsoDate, planTitle: string, m: Messages): SheetSpec {
  const s = m.views.sum;
  const columns: SheetColumn[] = [
    { header: m.exports.col.no, width: 5, kind: 'number', align: 'center' },
    { header: nameHeader, width: 20 },
    { header: s.total, width: 8, kind: 'number' },
    { header: s.done, width: 8, kind: 'number' },
    { header: s.doneLate, width: 9, kind: 'number' },
    { header: s.open, width: 8, kind: 'number' },
    { header: s.red, width: 7, kind: 'number' },
    { header: s.yellow, width: 7, kind: 'number' },
    { header: s.green, width: 7, kind: 'number' },
    { header: s.suspended, width: 7, kind: 'number' },
    { header: s.cancelled, width: 7, kind: 'number' },
    { header: s.rate, width: 9, kind: 'percent' },
  ];
  const line = (r: SummaryRow, no: number | undefined, bold = false): SheetRow => ({
    values: [no, r.name, r.total, r.done, r.doneLate, r.open, r.red, r.yellow, r.green, r.suspended, r.cancelled, r.rate === undefined ? undefined : r.rate / 100],
    bold,
  });
  return {
    name,
    title,
    columns,
    rows: [...rows.map((r, i) => line(r, i + 1)), line({ ...total, name: s.totalRow }, undefined, true)],
    footerLeft: m.exports.footer(asOf),
    footerRight: planTitle,
    footerCenter: m.exports.pageFooter,
  };
}
