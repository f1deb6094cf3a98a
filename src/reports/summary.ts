// Totals per lead official, lead unit or section, in protocol order, with a total row.
import type { Roster } from '../core/config.js';
import { codeOf, lightsAt, lightsOf, type Evaluated, type Lights } from '../core/evaluate.js';
import { lightOfCode, UNSTARTED } from '../core/light-facts.js';
import { filterOfLights, type Filter } from '../core/filter.js';
import type { LoadedTask } from '../core/task.js';
import { groupBy, groupOrder, type GroupBy } from './group.js';

export interface SummaryRow {
  name: string;
  total: number;
  done: number;
  doneLate: number;
  open: number;
  notStarted: number;
  red: number;
  yellow: number;
  green: number;
  suspended: number;
  cancelled: number;
  /** done ÷ (total − cancelled), 0–100, one decimal; undefined when nothing counts */
  rate: number | undefined;
}

export interface SummaryReport {
  by: GroupBy;
  rows: SummaryRow[];
  total: SummaryRow;
}

/**
 * The report from the plan's lights: each task is made once, to be placed in its groups, and its
 * light read from its code; tasks are evaluated only for a filter to look at.
 */
/**
 * The report from the plan's lights: each task is made once, to be placed in its groups, and its
 * light read from its code; tasks are evaluated only for a filter to look at.
 */
export function summaryReport(lights: Lights, tasks: readonly LoadedTask[], roster: Roster, options: { by: GroupBy; filter?: Filter }): SummaryReport {
  const keep = filterOfLights(options.filter ?? {}, lights, tasks);
  const selected: number[] = [];
  for (let i = 0; i < tasks.length; i++) if (!keep || keep(i)) selected.push(i);
  return summarizeLights(lightsAt(lights, selected), selected.map((i) => tasks[i]!), options.by, groupOrder(options.by, roster, tasks.map((t) => t.task)));
}

export function summarize(items: readonly Evaluated[], by: GroupBy, order: readonly string[]): SummaryReport {
  return summarizeLights(lightsOf(items), items, by, order);
}

/** Rows per group in `order` and a total row, of tasks with their lights (one per task). */
export function summarizeLights(lights: Lights, tasks: readonly LoadedTask[], by: GroupBy, order: readonly string[]): SummaryReport {
  const codes = (indices: readonly number[]) => indices.map((i) => lights.codes[i]!);
  const rows = groupBy(tasks.map((_, i) => i), by, order, (i) => tasks[i]!).map((g) => countRow(g.name, codes(g.items)));
  return { by, rows, total: countRow('', lights.codes) };
}

export function row(name: string, items: readonly Evaluated[]): SummaryRow {
  return countRow(name, items.map((e) => codeOf(e.result)));
}

/** A row's counts from its tasks' light codes (core/evaluate.ts codeOf, or judged from the tasks' facts). */
export function countRow(name: string, codes: Iterable<number>): SummaryRow {
  const r: SummaryRow = { name, total: 0, done: 0, doneLate: 0, open: 0, notStarted: 0, red: 0, yellow: 0, green: 0, suspended: 0, cancelled: 0, rate: undefined };
  for (const code of codes) {
    r.total++;
    const light = lightOfCode(code);
    switch (light) {
      case 'done_late':
        r.doneLate++;
        r.done++;
        break;
      case 'done':
        r.done++;
        break;
      case 'suspended':
        r.suspended++;
        break;
      case 'cancelled':
        r.cancelled++;
        break;
      default:
        r.open++;
        r[light]++;
        if (code & UNSTARTED) r.notStarted++;
    }
  }
  r.rate = completionRate(r.done, r.total, r.cancelled);
  return r;
}

/** done ÷ (total − cancelled), 0–100 with one decimal; undefined when nothing counts. */
export function completionRate(done: number, total: number, cancelled: number): number | undefined {
  const counted = total - cancelled;
  return counted > 0 ? Math.round((done / counted) * 1000) / 10 : undefined;
}
