// Who owes feedback (进展反馈) for which period, by when, and whether it came on time.
//
// The plan's rules (tasks.config.yaml `feedback`) give the cycle (旬 by default) and the day the
// feedback is due in each period (the period's last day by default; "monthly by the 28th" is
// due_day 28, "half-yearly by 6/25 and 12/25" is cycle half with due_day 25), and optionally an
// earlier tier for the co-units (配合单位), who report to the lead unit first (广丰: co-units by
// 6/15, lead units by 6/25).
//
// An open task owes, for every period of the cycle that starts on or after its start (and the
// rules' start), one report from its lead unit, and with the co-unit tier one from each co-unit.
// A task done, suspended or cancelled at the period's end owes nothing for it. A progress entry
// answers the period it names (`period: 2020-09-3`), or else the period containing its date; it
// is the lead unit's when its `by` is the lead unit, is missing, or names no co-unit of the task,
// and a co-unit's when `by` names it. The feedback is on time when an answer is dated on or before
// the due date, late when the only answers are later, missing when none came by the due date and
// the due date has passed, and not yet due before. A view of a day judges during that day (a report
// due today is not missing yet); a report judges at the end of its day, since the day is over.
import { statusOn } from './as-of.js';
import type { FeedbackConfig } from './config.js';
import { addDays, endOfMonth, parts, ymd, type IsoDate } from './dates.js';
import { nextPeriod, parsePeriod, periodKey, periodOf, periodsBetween, previousPeriod, type Period } from './periods.js';
import { leadUnitOf, originalDeadline, startOf, type ProgressEntry, type Task } from './task.js';

export type FeedbackRules = FeedbackConfig;

/** lead: the lead unit to the office; co: a co-unit to the lead unit */
export type Tier = 'lead' | 'co';

type Verdict = 'on_time' | 'late' | 'missing' | 'not_due';

export interface Obligation {
  task: Task;
  unit: string;
  tier: Tier;
  period: Period;
  due: IsoDate;
}

export interface Judged extends Obligation {
  verdict: Verdict;
  /** the answer that decided the verdict: the first on time, else the first late one */
  entry: ProgressEntry | undefined;
}

/** The day `day` of the period's last month, or that month's last day when it is shorter. */
function dayOfLastMonth(period: Period, day: number): IsoDate {
  // a month, quarter, half or year ends on the last day of its last month
  const { year, month, day: last } = parts(endOfMonth(period.end));
  return ymd(year, month, Math.min(day, last));
}

/** The date by which feedback for `period` is due from the lead unit, or from co-units (undefined without that tier). */
export function dueDate(rules: FeedbackRules, period: Period, tier: Tier): IsoDate | undefined {
  const lead = rules.due_day !== undefined && period.kind !== 'xun' ? dayOfLastMonth(period, rules.due_day) : period.end;
  if (tier === 'lead') return lead;
  if (rules.co_units_due_day !== undefined) return dayOfLastMonth(period, rules.co_units_due_day);
  if (rules.co_units_days_before !== undefined) return addDays(lead, -rules.co_units_days_before);
  return undefined;
}


/** The period of the feedback cycle containing `date`. */
export function cyclePeriod(rules: FeedbackRules, date: IsoDate): Period {
  return periodOf(rules.cycle, date);
}

/** What `task` owes for `period` (a period of the rules' cycle): nothing, or one report per unit and tier. */
export function obligations(task: Task, period: Period, rules: FeedbackRules, dues?: { lead: IsoDate; co: IsoDate | undefined }): Obligation[] {
  if (startsAfter(task, period.start) || !rulesCover(rules, period)) return [];
  const { status } = statusOn(task, period.end);
  if (status === 'done' || status === 'suspended' || status === 'cancelled') return [];
  const lead = dues?.lead ?? dueDate(rules, period, 'lead')!;
  const out: Obligation[] = [{ task, unit: leadUnitOf(task), tier: 'lead', period, due: lead }];
  const coDue = dues ? dues.co : dueDate(rules, period, 'co');
  if (coDue !== undefined) for (let i = 1; i < task.units.length; i++) out.push({ task, unit: task.units[i]!, tier: 'co', period, due: coDue });
  return out;
}

/**
 * Whether the task starts after `date`: startOf(task) > date, without making the start's string
 * for a task that names none (its deadline's year then starts it), since a period's judgement
 * asks it of every task.
 */
function startsAfter(task: Task, date: IsoDate): boolean {
  if (task.start !== undefined) return task.start > date;
  const deadline = originalDeadline(task);
  if (!isWellFormed(deadline) || !isWellFormed(date)) return startOf(task) > date;
  // the deadline's year begins after the date when its year is later than the date's
  for (let i = 0; i < 4; i++) {
    const d = deadline.charCodeAt(i) - date.charCodeAt(i);
    if (d !== 0) return d > 0;
  }
  return false;
}

/** A date of four digits of year, a dash, then month and day: its first four characters are its year. */
function isWellFormed(date: IsoDate): boolean {
  if (date.length !== 10 || date.charCodeAt(4) !== 45) return false;
  for (let i = 0; i < 4; i++) {
    const c = date.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Whether a progress entry answers the period whose key (periodKey) is `key`. */
function answers(entry: ProgressEntry, period: Period, key: string): boolean {
  return entry.period !== undefined ? entry.period === key : entry.date >= period.start && entry.date <= period.end;
}

function byMatches(entry: ProgressEntry, obligation: Obligation): boolean {
  if (obligation.tier === 'co') return entry.by === obligation.unit;
  // the lead unit's: any entry not by one of the task's co-units
  return entry.by === undefined || obligation.task.units.indexOf(entry.by, 1) < 0;
}

export interface JudgeOptions {
  /** the as-of day is over (a period report), so feedback due that day and not in is missing */
  endOfDay?: boolean;
}

/** Whether an answer dated `date` is on time for the obligation (else it is late). */
export function answeredInTime(obligation: Obligation, date: IsoDate): boolean {
  return date <= obligation.due;
}

/** The verdict on one obligation as of `asOf`: nothing dated after it counts. */
export function judge(obligation: Obligation, asOf: IsoDate, options: JudgeOptions = {}, key = periodKey(obligation.period)): Judged {
  return decide(obligation, obligation.task.progress ?? [], asOf, options, key);
}

/** The verdict on an obligation as of `asOf` from `entries`: the task's progress, or those of its entries that may answer it. */
function decide(obligation: Obligation, entries: readonly ProgressEntry[], asOf: IsoDate, options: JudgeOptions, key: string): Judged {
  let onTime: ProgressEntry | undefined;
  let late: ProgressEntry | undefined;
  for (const entry of entries) {
    if (entry.date > asOf || !answers(entry, obligation.period, key) || !byMatches(entry, obligation)) continue;
    if (answeredInTime(obligation, entry.date)) {
      // the first answer on time decides, whatever came late
      onTime = entry;
      break;
    }
    late ??= entry;
  }
  const passed = options.endOfDay ? asOf >= obligation.due : asOf > obligation.due;
  const verdict: Verdict = onTime ? 'on_time' : late ? 'late' : passed ? 'missing' : 'not_due';
  const { task, unit, tier, period, due } = obligation;
  return { task, unit, tier, period, due, verdict, entry: onTime ?? late };
}

/** Whether the rules ask for feedback for `period` at all: not for a period starting before their start. */
export function rulesCover(rules: FeedbackRules, period: Period): boolean {
  return rules.start === undefined || period.start >= rules.start;
}

/** The latest period of the cycle whose lead units' feedback is due on or before `date`. */
export function periodDueBy(rules: FeedbackRules, date: IsoDate): Period {
  let period = cyclePeriod(rules, date);
  while (dueDate(rules, period, 'lead')! > date) period = previousPeriod(period);
  return period;
}

/** The period whose feedback a form sent on `date` asks for: the first whose lead due date is not yet past. */
export function periodOpenOn(rules: FeedbackRules, date: IsoDate): Period {
  const period = cyclePeriod(rules, date);
  return dueDate(rules, period, 'lead')! >= date ? period : nextPeriod(period);
}

/** The periods of the cycle whose lead due date falls from `from` to `to`, both included, in order. */
export function periodsDueIn(rules: FeedbackRules, from: IsoDate, to: IsoDate): Period[] {
  // due dates lie within their period, so the periods overlapping the window hold them all
  return periodsBetween(rules.cycle, from, to).filter((p) => {
    const due = dueDate(rules, p, 'lead')!;
    return due >= from && due <= to;
  });
}

/** Every obligation of `tasks` for `period`, judged as of `asOf`. */
export function judgePeriod(tasks: readonly Task[], period: Period, rules: FeedbackRules, asOf: IsoDate, options: JudgeOptions = {}): Judged[] {
  const dues = { lead: dueDate(rules, period, 'lead')!, co: dueDate(rules, period, 'co') };
  const key = periodKey(period);
  const out: Judged[] = [];
  for (const task of tasks) for (const o of obligations(task, period, rules, dues)) out.push(judge(o, asOf, options, key));
  return out;
}

/**
 * The verdicts of one set of tasks for many periods, each judged on the dates asked of it: every
 * (period, date) pair of `asks` judged as judgePeriod judges it, in one pass over each task's
 * progress for all the periods, rather than one pass per period and date. A pair not asked is
 * judged when it is read.
 */
export function judgeAll(
  tasks: readonly Task[],
  rules: FeedbackRules,
  asks: ReadonlyArray<{ periods: readonly Period[]; asOf: IsoDate }>,
  options: JudgeOptions = {},
): (period: Period, asOf: IsoDate) => Judged[] {
  const asked: Array<{ period: Period; key: string; dues: { lead: IsoDate; co: IsoDate | undefined }; dates: IsoDate[]; out: Judged[][] }> = [];
  for (const { periods, asOf } of asks) {
    for (const period of periods) {
      const key = periodKey(period);
      let known = asked.find((a) => a.key === key);
      if (!known) asked.push((known = { period, key, dues: { lead: dueDate(rules, period, 'lead')!, co: dueDate(rules, period, 'co') }, dates: [], out: [] }));
      if (!known.dates.includes(asOf)) {
        known.dates.push(asOf);
        known.out.push([]);
      }
    }
  }
  const owed: Obligation[][] = asked.map(() => []);
  const answering: ProgressEntry[][] = asked.map(() => []);
  for (const task of tasks) {
    let owes = false;
    for (let p = 0; p < asked.length; p++) {
      owed[p] = obligations(task, asked[p]!.period, rules, asked[p]!.dues);
      answering[p]!.length = 0;
      if (owed[p]!.length > 0) owes = true;
    }
    if (!owes) continue;
    // each entry goes to the periods it answers; whose it is, and whether it came in time, decide() tells
    for (const entry of task.progress ?? []) {
      for (let p = 0; p < asked.length; p++) if (owed[p]!.length > 0 && answers(entry, asked[p]!.period, asked[p]!.key)) answering[p]!.push(entry);
    }
    for (let p = 0; p < asked.length; p++) {
      const { key, dates, out } = asked[p]!;
      for (const o of owed[p]!) for (let i = 0; i < dates.length; i++) out[i]!.push(decide(o, answering[p]!, dates[i]!, options, key));
    }
  }
  const judged = new Map<string, Judged[]>();
  for (const { key, dates, out } of asked) dates.forEach((date, i) => judged.set(`${key} ${date}`, out[i]!));
  return (period, asOf) => judged.get(`${periodKey(period)} ${asOf}`) ?? judgePeriod(tasks, period, rules, asOf, options);
}

/**
 * Late answers that came from `from` to `to` for periods due before `from` (补报): each judged
 * as of `to`, with the answering entry.
 */
export function lateArrivals(tasks: readonly Task[], rules: FeedbackRules, from: IsoDate, to: IsoDate, options: JudgeOptions = {}): Judged[] {
  const out: Judged[] = [];
  for (const task of tasks) {
    for (const entry of task.progress ?? []) {
      if (entry.period === undefined || entry.date < from || entry.date > to) continue;
      const named = parsePeriod(entry.period, rules.cycle);
      if (!named.ok || dueDate(rules, named.period, 'lead')! >= from) continue;
      for (const o of obligations(task, named.period, rules)) {
        const judged = judge(o, to, options);
        if (judged.verdict === 'late' && judged.entry === entry) out.push(judged);
      }
    }
  }
  return out;
}

/** The tasks a unit owes feedback on for `period`, as the lead unit or as a co-unit. */
export function owedBy(tasks: readonly Task[], unit: string, period: Period, rules: FeedbackRules): Obligation[] {
  return tasks.flatMap((task) => obligations(task, period, rules).filter((o) => o.unit === unit));
}

export interface StaleFeedback {
  period: Period;
  due: IsoDate;
}

/**
 * The lead unit's feedback overdue on `asOf`: for the latest period of the cycle whose due date
 * has passed, none has come. Undefined when the task owes nothing or has answered.
 */
export function staleFeedback(task: Task, rules: FeedbackRules, asOf: IsoDate): StaleFeedback | undefined {
  return staleFeedbackOn(rules, asOf)(task);
}

/**
 * staleFeedback for many tasks of one plan: the period and its due dates depend on the plan's
 * rules and the date alone, so they are found once, not once per task.
 */
export function staleFeedbackOn(rules: FeedbackRules, asOf: IsoDate): (task: Task) => StaleFeedback | undefined {
  let period = cyclePeriod(rules, asOf);
  if (dueDate(rules, period, 'lead')! >= asOf) period = previousPeriod(period);
  const dues = { lead: dueDate(rules, period, 'lead')!, co: dueDate(rules, period, 'co') };
  return (task) => {
    const lead = obligations(task, period, rules, dues).find((o) => o.tier === 'lead');
    if (!lead) return undefined;
    const { status } = statusOn(task, asOf);
    if (status === 'done' || status === 'suspended' || status === 'cancelled') return undefined;
    return judge(lead, asOf).verdict === 'missing' ? { period, due: lead.due } : undefined;
  };
}
