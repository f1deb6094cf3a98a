// The greeting of `tasks` without a command: the counts of the day and the most overdue tasks.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated, Lights } from '../core/evaluate.js';
import { lightOfCode } from '../core/light-facts.js';
import { mostOverdueFirst } from '../core/sort.js';
import { countRow, type SummaryRow } from './summary.js';

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

/**
 * The report from the plan's lights: the counts come from the lights' codes, and only the red
 * tasks, and those judged in full (the only ones that can wait for a review), are evaluated.
 */
export function statusReport(lights: Lights, options: { title: string; asOf: IsoDate; today: IsoDate }): StatusReport {
  const red: Evaluated[] = [];
  let awaitingReview = 0;
  lights.codes.forEach((code, i) => {
    if (lightOfCode(code) === 'red') red.push(lights.evaluated(i));
    if (lights.inFull(i) && lights.evaluated(i).review !== undefined) awaitingReview++;
  });
  red.sort(mostOverdueFirst);
  return { title: options.title, isToday: options.asOf === options.today, totals: countRow('', lights.codes), mostOverdue: red.slice(0, 5), awaitingReview };
}
