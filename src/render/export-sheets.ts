// What the exports say: tasks with their lights → the rows and sheets of the xlsx and CSV files.
// Pure: the same tasks, date and language always give the same sheets. An official reads them
// red first, then yellow, then the rest, each the most overdue first, with the reason for each
// light in words and the original deadline beside an extended one.
import { actualOn } from '../core/as-of.js';
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { SummaryRow } from '../reports/summary.js';
import { leadsOf, leadUnitOf, originalDeadline, type Target } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { statusText } from './task-view.js';
import type { CsvValue } from './csv.js';
import { feedbackText, fromSeveralPlans } from './task-view.js';
import type { SheetColumn, SheetRow, SheetSpec } from './xlsx.js';

export type ExportBy = 'lead' | 'unit' | 'office';

/** Which columns a sheet of tasks has: a per-official sheet leaves out the official, and so on. */
export interface TaskColumns {
  lead: boolean;
  leadUnit: boolean;
  targets: boolean;
  /** 原时限: some task has an extended (or advanced) deadline */
  original: boolean;
  /** the office of the task's plan: by default when the tasks come from a roll-up of several plans */
  office?: boolean;
}

function targetText(t: Target, asOf: IsoDate, m: Messages): string {
  const unit = t.unit ?? '';
  const actual = actualOn(t, asOf);
  return m.exports.target(t.name, `${t.direction === 'max' ? '≤' : ''}${t.target}${unit}`, actual === undefined ? undefined : `${actual}${unit}`);
}

/** Why a task has its light, in the words of the sheet: 节点“路基工程完成”逾期30天；序时进度滞后：已报40%，时间已过75%. */
function reasonCell(e: Evaluated, m: Messages): string {
  const w = m.exports.reason;
  const parts = e.result.reasons.flatMap((r): string[] => {
    switch (r.kind) {
      case 'overdue': return [w.overdue(r.days)];
      case 'milestone_overdue': return [w.milestone_overdue(r.title, r.days)];
      case 'due_soon': return [w.due_soon(r.days)];
      case 'milestone_due_soon': return [w.milestone_due_soon(r.title, r.days)];
      case 'behind': return [w.behind(r.percent, r.elapsed, r.reported)];
      case 'done_late': return [w.done_late(r.days)];
      default: return [];
    }
  });
  // an extended task overdue against its first deadline says so, when its own deadline has not passed
  if (originalDeadline(e.task) !== e.result.deadline && e.result.originalDaysOverdue > 0 && e.result.deadlineDaysOverdue === 0 && e.result.light !== 'done' && e.result.light !== 'done_late') {
    parts.push(w.original(e.result.originalDaysOverdue));
  }
  // feedback not in by its reply-by date: the same mark the terminal views give
  if (e.stale) parts.push(m.views.stale);
  return parts.join(m.exports.reasonSeparator);
}

const extended = (e: Evaluated) => originalDeadline(e.task) !== e.result.deadline;

function taskColumns(m: Messages, which: TaskColumns, asOf: IsoDate): Array<SheetColumn & { value: (e: Evaluated, i: number) => CsvValue }> {
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
    { header: c.deadline, width: 11, align: 'center', value: (e) => e.result.deadline },
    which.original && { header: c.original, width: 11, align: 'center', value: (e) => (extended(e) ? originalDeadline(e.task) : '') },
    { header: c.status, width: 7, align: 'center', value: (e) => statusText(e, m) },
    { header: c.light, width: 6, align: 'center', value: (e) => m.light[e.result.light] },
    { header: c.reasons, width: 24, value: (e) => reasonCell(e, m) },
    { header: c.daysOverdue, width: 6, kind: 'number', value: (e) => (e.result.daysOverdue > 0 ? e.result.daysOverdue : e.result.light === 'done_late' ? daysLate(e) : undefined) },
    { header: c.latest, width: 30, value: (e) => (e.result.latest ? feedbackText(e.result.latest, m) : '') },
    { header: c.latestDate, width: 11, align: 'center', value: (e) => e.result.latest?.date ?? '' },
    which.targets && { header: c.targets, width: 22, value: (e) => (e.task.targets ?? []).map((t) => targetText(t, asOf, m)).join('\n') },
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
  columns: Omit<TaskColumns, 'targets' | 'original'>;
  asOf: IsoDate;
  planTitle: string;
  /** a second block under the first: the tasks the unit shares as a co-unit */
  coBlock?: { title: string; items: readonly Evaluated[] };
}

const GROUP_OF_LIGHT: Partial<Record<Evaluated['result']['light'], number>> = { red: 0, yellow: 1 };

/** The days a row is judged by: overdue for an open task, late for one done late. */
function lateness(e: Evaluated): number {
  return e.result.daysOverdue > 0 ? e.result.daysOverdue : (daysLate(e) ?? 0);
}

/** Red first, then yellow, then the rest; each the most overdue first, then the nearest deadline, then by id. */
function forOfficials(items: readonly Evaluated[]): Evaluated[] {
  return [...items].sort(
    (a, b) =>
      (GROUP_OF_LIGHT[a.result.light] ?? 2) - (GROUP_OF_LIGHT[b.result.light] ?? 2) ||
      lateness(b) - lateness(a) ||
      (a.result.deadline < b.result.deadline ? -1 : a.result.deadline > b.result.deadline ? 1 : 0) ||
      (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
  );
}

export function taskSheet(input: TaskSheetInput, m: Messages): SheetSpec {
  const all = [...input.items, ...(input.coBlock?.items ?? [])];
  const targets = all.some((e) => (e.task.targets ?? []).length > 0);
  const cols = taskColumns(m, { office: fromSeveralPlans(all), ...input.columns, targets, original: all.some(extended) }, input.asOf);
  const rows = (items: readonly Evaluated[]) => forOfficials(items).map((e, i) => ({ values: cols.map((c) => c.value(e, i)), fill: fillOf(e) }));
  const co = input.coBlock && input.coBlock.items.length > 0 ? [{ values: [input.coBlock.title], heading: true }, ...rows(input.coBlock.items)] : [];
  return {
    name: input.name,
    title: input.title,
    summary: countsLine(input.total, m),
    columns: cols,
    rows: [...rows(input.items), ...co],
    footerLeft: m.exports.footer(input.asOf),
    footerRight: input.planTitle,
    footerCenter: m.exports.pageFooter,
    emptyText: m.exports.noTasks,
  };
}

/** The same rows as CSV: a header row, then one row per task, in the order of the workbooks. */
export function taskCsv(items: readonly Evaluated[], m: Messages, columns: Omit<TaskColumns, 'targets' | 'original'>, asOf: IsoDate): CsvValue[][] {
  const cols = taskColumns(m, { office: fromSeveralPlans(items), ...columns, targets: true, original: items.some(extended) }, asOf);
  return [cols.map((c) => c.header), ...forOfficials(items).map((e, i) => cols.map((c) => c.value(e, i)))];
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
