// Who has returned the feedback form for a period, who returned it late and who has not, and the
// tasks whose completion waits for the office's review (待销号).
import type { FeedbackConfig } from '../core/config.js';
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { replyBy, unitReturns, unitsOwing, type UnitReturn } from '../core/feedback-rules.js';
import type { Period } from '../core/periods.js';

export interface FeedbackStatusReport {
  period: Period;
  replyBy: IsoDate;
  units: UnitReturn[];
  counts: { units: number; returned: number; late: number; missing: number; pending: number };
  /** tasks awaiting review, oldest request first */
  awaiting: Evaluated[];
}

/**
 * `owedAsOf`: the tasks with their lights on the last day that decides who owes the period
 * (its end, or the date asked for if earlier); `now`: the same tasks as of the date asked for.
 */
export function feedbackStatusReport(
  owedAsOf: readonly Evaluated[],
  now: readonly Evaluated[],
  period: Period,
  asOf: IsoDate,
  rosterUnits: readonly string[],
  rules: FeedbackConfig,
): FeedbackStatusReport {
  const units = unitReturns(unitsOwing(owedAsOf, period, rosterUnits), period, asOf, rules);
  const count = (state: UnitReturn['state']) => units.filter((u) => u.state === state).length;
  const awaiting = now.filter((e) => e.review !== undefined).sort((a, b) => (a.review!.date < b.review!.date ? -1 : a.review!.date > b.review!.date ? 1 : a.task.id < b.task.id ? -1 : 1));
  return {
    period,
    replyBy: replyBy(period, rules),
    units,
    counts: { units: units.length, returned: count('on_time'), late: count('late'), missing: count('missing'), pending: count('pending') },
    awaiting,
  };
}
