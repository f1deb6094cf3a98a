// Who owes feedback for a period, and per answer whether it came on time, late or not at all, by
// the plan's feedback rules (core/feedback.ts, the same the period report judges by); and the tasks
// whose completion waits for the office's review (待销号).
import { diffDays, type IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import { dueDate, judgePeriod, rulesCover, type FeedbackRules, type Judged } from '../core/feedback.js';
import type { Period } from '../core/periods.js';
import { orderedNames } from '../core/roster.js';
import type { Task } from '../core/task.js';

type UnitState = 'on_time' | 'late' | 'missing' | 'pending';

interface UnitFeedback {
  unit: string;
  /** missing when any answer is missing, else late when any came late, else pending when any is not yet due */
  state: UnitState;
  /** every answer the unit owes for the period, judged, in task order */
  owed: Judged[];
}

export interface FeedbackStatusReport {
  period: Period;
  /** the lead units' reply-by date */
  replyBy: IsoDate;
  /** the co-units' earlier reply-by date, when the rules set one */
  coReplyBy: IsoDate | undefined;
  /** false when the period starts before the rules do: nothing is owed */
  covered: boolean;
  units: UnitFeedback[];
  /** answers owed, by verdict; `units` owing, `unitsMissing` with any answer missing */
  counts: { units: number; unitsMissing: number; owed: number; onTime: number; late: number; missing: number; pending: number };
  /** tasks awaiting review, oldest request first */
  awaiting: Evaluated[];
}

/** Days after its due date that an answer came; 0 when on time or missing. */
export function daysLate(j: Judged): number {
  return j.verdict === 'late' && j.entry ? diffDays(j.entry.date, j.due) : 0;
}

/**
 * The feedback for `period` judged as of the end of `asOf` (answers dated later do not count), as
 * the period report judges it; `now`: the tasks evaluated as of `asOf`, for the review list.
 */
export function feedbackStatusReport(
  tasks: readonly Task[],
  now: readonly Evaluated[],
  period: Period,
  asOf: IsoDate,
  rosterUnits: readonly string[],
  rules: FeedbackRules,
): FeedbackStatusReport {
  const judged = judgePeriod(tasks, period, rules, asOf, { endOfDay: true });
  const byUnit = new Map<string, Judged[]>();
  for (const j of judged) {
    const list = byUnit.get(j.unit);
    if (list) list.push(j);
    else byUnit.set(j.unit, [j]);
  }
  const byId = (a: Judged, b: Judged) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
  const units = orderedNames(rosterUnits, byUnit.keys())
    .filter((unit) => byUnit.has(unit))
    .map((unit): UnitFeedback => {
      const owed = byUnit.get(unit)!.sort(byId);
      const has = (v: Judged['verdict']) => owed.some((j) => j.verdict === v);
      return { unit, state: has('missing') ? 'missing' : has('late') ? 'late' : has('not_due') ? 'pending' : 'on_time', owed };
    });
  const count = (v: Judged['verdict']) => judged.filter((j) => j.verdict === v).length;
  const awaiting = now.filter((e) => e.review !== undefined).sort((a, b) => (a.review!.date < b.review!.date ? -1 : a.review!.date > b.review!.date ? 1 : a.task.id < b.task.id ? -1 : 1));
  return {
    period,
    replyBy: dueDate(rules, period, 'lead')!,
    coReplyBy: dueDate(rules, period, 'co'),
    covered: rulesCover(rules, period),
    units,
    counts: {
      units: units.length,
      unitsMissing: units.filter((u) => u.state === 'missing').length,
      owed: judged.length,
      onTime: count('on_time'),
      late: count('late'),
      missing: count('missing'),
      pending: count('not_due'),
    },
    awaiting,
  };
}
