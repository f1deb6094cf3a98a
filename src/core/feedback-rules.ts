// What the feedback forms and their import ask of the plan's feedback rules (core/feedback.ts,
// tasks.config.yaml `feedback`): the period a form is for, its reply-by date, and which units owe
// it. The rules default to the notice's: every 旬, due on the period's last day.
import type { FeedbackConfig } from './config.js';
import { diffDays, type IsoDate } from './dates.js';
import type { Evaluated } from './evaluate.js';
import { cyclePeriod, dueDate } from './feedback.js';
import { isOpen } from './light.js';
import { periodKey, previousPeriod, type Period } from './periods.js';
import { orderedNames } from './roster.js';
import { leadUnitOf, startOf, type ProgressEntry } from './task.js';

const DEFAULT_RULES: FeedbackConfig = { cycle: 'xun' };

/** The date by which the lead units' feedback for the period is due. */
export function replyBy(period: Period, rules: FeedbackConfig = DEFAULT_RULES): IsoDate {
  return dueDate(rules, period, 'lead')!;
}

/** The period whose form goes out on `date`: the first whose reply-by date is not yet past. */
export function currentPeriod(date: IsoDate, rules: FeedbackConfig = DEFAULT_RULES): Period {
  let period = cyclePeriod(rules, date);
  while (replyBy(previousPeriod(period), rules) >= date) period = previousPeriod(period);
  return period;
}

/** The latest period whose feedback was due on or before `date`. */
export function lastDuePeriod(date: IsoDate, rules: FeedbackConfig = DEFAULT_RULES): Period {
  let period = cyclePeriod(rules, date);
  while (replyBy(period, rules) > date) period = previousPeriod(period);
  return period;
}

export interface OwingUnit {
  unit: string;
  /** tasks the unit leads */
  lead: Evaluated[];
  /** tasks where it is a co-unit */
  co: Evaluated[];
}

/**
 * The units that owe feedback for `period`, in the roster's order, each with its tasks: every task
 * open on the date of `evaluated` that has started by the period's end.
 */
export function unitsOwing(evaluated: readonly Evaluated[], period: Period, rosterUnits: readonly string[]): OwingUnit[] {
  const owing = new Map<string, OwingUnit>();
  const entry = (unit: string) => {
    let found = owing.get(unit);
    if (!found) owing.set(unit, (found = { unit, lead: [], co: [] }));
    return found;
  };
  for (const e of evaluated) {
    if (!isOpen(e.result.light) || startOf(e.task) > period.end) continue;
    e.task.units.forEach((unit, i) => (i === 0 ? entry(unit).lead : entry(unit).co).push(e));
  }
  const byId = (a: Evaluated, b: Evaluated) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
  return orderedNames(rosterUnits, owing.keys())
    .filter((unit) => owing.has(unit))
    .map((unit) => {
      const u = owing.get(unit)!;
      return { unit, lead: u.lead.sort(byId), co: u.co.sort(byId) };
    });
}

type ReturnState = 'on_time' | 'late' | 'missing' | 'pending';

export interface UnitReturn {
  unit: string;
  state: ReturnState;
  /** the tasks the unit owes feedback on */
  owed: string[];
  /** those it has answered for the period */
  answered: string[];
  /** the date of its latest answer for the period */
  returnedOn: IsoDate | undefined;
  /** days after the reply-by date that it answered; 0 when on time */
  daysLate: number;
}

/** Whether a progress entry answers the period for the unit: marked with the period, or dated in it. */
function answers(entry: ProgressEntry, unit: string, leadUnit: string, period: Period): boolean {
  const by = entry.by ?? leadUnit;
  if (by !== unit) return false;
  return entry.period !== undefined ? entry.period === periodKey(period) : entry.date >= period.start && entry.date <= period.end;
}

/** How each owing unit answered for the period, as of `asOf` (answers dated later do not count). */
export function unitReturns(owing: readonly OwingUnit[], period: Period, asOf: IsoDate, rules: FeedbackConfig = DEFAULT_RULES): UnitReturn[] {
  const due = replyBy(period, rules);
  return owing.map(({ unit, lead, co }) => {
    const owed = [...lead, ...co];
    let returnedOn: IsoDate | undefined;
    const answered = owed
      .filter((e) => {
        const mine = (e.task.progress ?? []).filter((p) => p.date <= asOf && answers(p, unit, leadUnitOf(e.task), period));
        for (const p of mine) if (!returnedOn || p.date > returnedOn) returnedOn = p.date;
        return mine.length > 0;
      })
      .map((e) => e.task.id);
    const daysLate = returnedOn !== undefined ? Math.max(0, diffDays(returnedOn, due)) : 0;
    const state: ReturnState = answered.length > 0 ? (daysLate > 0 ? 'late' : 'on_time') : asOf > due ? 'missing' : 'pending';
    return { unit, state, owed: owed.map((e) => e.task.id), answered, returnedOn, daysLate };
  });
}
