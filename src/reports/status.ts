// The greeting of `tasks` without a command: the counts of the day and the most overdue tasks.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { mostOverdueFirst } from '../core/sort.js';
import { row, type SummaryRow } from './summary.js';

export interface StatusReport {
  title: string;
  /** the date asked for is today */
  isToday: boolean;
  totals: SummaryRow;
  /** the five most overdue tasks */
  mostOverdue: Evaluated[];
  /** tasks a unit reported finished, waiting for review (待销号) */
  awaitingReview: number;
}

export function statusReport(evaluated: readonly Evaluated[], options: { title: string; asOf: IsoDate; today: IsoDate }): StatusReport {
  const red = evaluated.filter((e) => e.result.light === 'red').sort(mostOverdueFirst);
  const awaitingReview = evaluated.filter((e) => e.review !== undefined).length;
  return { title: options.title, isToday: options.asOf === options.today, totals: row('', evaluated), mostOverdue: red.slice(0, 5), awaitingReview };
}
