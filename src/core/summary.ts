// Totals per lead official, lead unit or section, in protocol order, with a total row.
import type { Evaluated } from './evaluate.js';
import { leadsOf, leadUnitOf } from './task.js';

export type SummaryBy = 'lead' | 'unit' | 'section';

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

export function keysOf(e: Evaluated, by: SummaryBy): string[] {
  if (by === 'lead') return leadsOf(e.task);
  if (by === 'unit') return [leadUnitOf(e.task)];
  return [e.task.section ?? ''];
}

export function summarize(items: readonly Evaluated[], by: SummaryBy, order: readonly string[]): { rows: SummaryRow[]; total: SummaryRow } {
  const groups = new Map<string, Evaluated[]>(order.map((name) => [name, []]));
  for (const e of items) {
    for (const key of keysOf(e, by)) {
      const list = groups.get(key);
      if (list) list.push(e);
      else groups.set(key, [e]);
    }
  }
  const rows = [...groups].filter(([, list]) => list.length > 0).map(([name, list]) => row(name, list));
  return { rows, total: row('', items) };
}

export function row(name: string, items: readonly Evaluated[]): SummaryRow {
  const r: SummaryRow = { name, total: items.length, done: 0, doneLate: 0, open: 0, notStarted: 0, red: 0, yellow: 0, green: 0, suspended: 0, cancelled: 0, rate: undefined };
  for (const { result } of items) {
    switch (result.light) {
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
        r[result.light]++;
        if (result.status === 'not_started') r.notStarted++;
    }
  }
  const counted = r.total - r.cancelled;
  r.rate = counted > 0 ? Math.round((r.done / counted) * 1000) / 10 : undefined;
  return r;
}
