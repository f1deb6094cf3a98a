// The period report (旬调度, 月盘点, 季排查, half-year and year): what moved in the period, what is
// late, who has not reported, how the targets stand, and how that compares with the previous period
// of the same kind. Both ends are computed the same way, from the records of their own dates
// (core/as-of.ts), so nothing dated after the report's date counts and the report never changes.
import { deadlineOn, milestonesOn } from '../core/as-of.js';
import { categoryOf, CATEGORIES, type Category, type CategoryRules } from '../core/categories.js';
import type { Roster, ScoringConfig } from '../core/config.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { evaluate, judge, lightsOf, type EvaluateSettings, type Evaluated } from '../core/evaluate.js';
import { judgeAll, lateArrivals, periodsDueIn, type FeedbackRules, type Judged } from '../core/feedback.js';
import { isOpen, lightOf } from '../core/light.js';
import { lightOfCode } from '../core/light-facts.js';
import { nextPeriod, periodKey, previousPeriod, type Period } from '../core/periods.js';
import { orderedNames, unitNames } from '../core/roster.js';
import { scoreUnits, type UnitScore } from '../core/scoring.js';
import { mostOverdueFirst } from '../core/sort.js';
import { actualOn } from '../core/as-of.js';
import { targetMet } from '../core/targets.js';
import { leadUnitOf, startOf, type LoadedTask, type Target, type Task } from '../core/task.js';
import { groupBy, groupOrder, type Group } from './group.js';
import { headlineFrom, headlineOf, type Headline } from './headline.js';
import { summarize, type SummaryReport } from './summary.js';

export interface RhythmSettings {
  light: EvaluateSettings;
  feedback: FeedbackRules;
  categories: CategoryRules;
  scoring: ScoringConfig;
  roster: Roster;
}

export interface PeriodReportOptions {
  period: Period;
  /** the date the report is computed for: the period's end, or an earlier day within it */
  asOf: IsoDate;
  /** add the ranking of units (通报) and their scores (考核) */
  rank: boolean;
  /**
   * the light facts of the tasks (one entry per task, store/load.ts), to judge the end of the
   * previous period from; without them, every task is evaluated on that day too
   */
  facts?: { facts: Int32Array; at: Int32Array } | undefined;
}

type NoLongerRedWhy = 'done' | 'extended' | 'milestone_done' | 'suspended' | 'cancelled' | 'other';

interface NoLongerRed {
  e: Evaluated;
  /** the task at the end of the previous period, when it was red */
  before: Evaluated;
  why: NoLongerRedWhy;
  /** the extension granted in the period, when that is why */
  extension?: { date: IsoDate; from: IsoDate; to: IsoDate; reason: string };
}

interface ExtensionItem {
  e: Evaluated;
  date: IsoDate;
  from: IsoDate;
  to: IsoDate;
  reason: string;
  kind: 'extension' | 'advance';
}

interface DueNextItem {
  e: Evaluated;
  kind: 'task' | 'milestone';
  title: string;
  due: IsoDate;
}

interface UnitFeedback {
  unit: string;
  /** reports due by the date (not those whose due date is still ahead) */
  due: number;
  onTime: number;
  late: number;
  missing: number;
  /** on time ÷ due, 0–100, one decimal */
  onTimeRate: number | undefined;
}

interface FeedbackSection {
  /** the periods of the feedback cycle due in the report's period */
  periods: Period[];
  missing: Judged[];
  late: Judged[];
  /** late answers that came in the period for periods due before it (补报) */
  lateArrivals: Judged[];
  byUnit: UnitFeedback[];
  /** reports due by the date */
  due: number;
  /** no report at all came for any period due: the plan holds no feedback yet */
  noneAtAll: boolean;
}

interface CategoryItem {
  e: Evaluated;
  category: Category;
  percent: number | undefined;
  elapsed: number;
  floor: number | undefined;
}

interface CategorySection {
  counts: Record<Category, number>;
  total: number;
  /** the tasks 欠进度, furthest behind first */
  behind: CategoryItem[];
}

interface TargetItem {
  e: Evaluated;
  target: Target;
  actual: number | undefined;
  /** actual ÷ target, 0–∞, one decimal */
  percentOfTarget: number | undefined;
  /** the share of the task's time elapsed (序时进度) */
  elapsed: number;
  met: boolean | undefined;
  /** not met yet, but at least as far along as the time elapsed (a `max` target is judged only as met or not) */
  onPace: boolean | undefined;
}

interface RedInPeriod {
  e: Evaluated;
  /** still red on the report's date */
  redNow: boolean;
}

interface RankRow extends UnitFeedback {
  /** tasks the unit leads */
  tasks: number;
  done: number;
  red: number;
  completionRate: number | undefined;
  score: UnitScore;
}

interface RankSection {
  rows: RankRow[];
  /** named for praise: no deduction, the best scores first */
  best: string[];
  /** named for criticism: the lowest scores first */
  worst: string[];
}

export interface PeriodReport {
  period: Period;
  previous: Period;
  next: Period;
  asOf: IsoDate;
  /** the date the previous period is read as of: its last day */
  previousAsOf: IsoDate;
  /** the report's date is the period's last day */
  complete: boolean;
  /** the previous period saw some task under way, so changes against it mean something */
  comparable: boolean;
  headline: Headline;
  previousHeadline: Headline;
  doneInPeriod: Evaluated[];
  newlyRed: Evaluated[];
  noLongerRed: NoLongerRed[];
  stillRed: Evaluated[];
  extensions: ExtensionItem[];
  dueNext: DueNextItem[];
  feedback: FeedbackSection;
  categories: CategorySection;
  /** grouped by the point (要点) of their task, in plan order */
  targets: Group<TargetItem>[];
  byLead: SummaryReport;
  byUnit: SummaryReport;
  /** quarter, half and year: open tasks with no feedback at all in the period */
  silent?: Evaluated[];
  /** quarter, half and year: the tasks red at some time in the period, by lead unit */
  redInPeriod?: Group<RedInPeriod>[];
  rank?: RankSection;
}

const byId = (a: { task: Task }, b: { task: Task }) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : undefined);

export function periodReport(tasks: readonly LoadedTask[], options: PeriodReportOptions, settings: RhythmSettings): PeriodReport {
  const { period, asOf } = options;
  const previous = previousPeriod(period);
  const previousAsOf = previous.end;
  // the report lists missing feedback itself: the daily marker would only cost time here
  const light = { ...settings.light, feedback: undefined };
  const now = evaluate(tasks, asOf, light);
  // the previous period's end is compared by light alone: only the tasks red then and not now are looked at in full
  const then = options.facts ? judge(tasks, options.facts, previousAsOf, light) : lightsOf(evaluate(tasks, previousAsOf, light));
  // now[i] is tasks[i]'s, as then's codes are
  const index = new Map(now.map((e, i) => [e, i]));
  const inPeriod = (date: IsoDate) => date >= period.start && date <= asOf;
  const wide = period.kind === 'quarter' || period.kind === 'half' || period.kind === 'year';

  const red = now.filter((e) => e.result.light === 'red');
  const wasRed = (e: Evaluated) => lightOfCode(then.codes[index.get(e)!]!) === 'red';
  // this period's feedback and the previous period's (for its headline), judged in one pass over the tasks
  const rules = settings.feedback;
  const periods = periodsDueIn(rules, period.start, period.end);
  const previousPeriods = periodsDueIn(rules, previous.start, previousAsOf);
  const verdicts = judgeAll(now.map((e) => e.task), rules, [{ periods, asOf }, { periods: previousPeriods, asOf: previousAsOf }], { endOfDay: true });
  const feedback = feedbackSection(now, period, periods, (p) => verdicts(p, asOf), asOf, settings);
  const report: PeriodReport = {
    period,
    previous,
    next: nextPeriod(period),
    asOf,
    previousAsOf,
    complete: asOf === period.end,
    comparable: tasks.some(({ task }) => startOf(task) <= previousAsOf),
    headline: headlineOf(now, asOf, { rules: settings.feedback, from: period.start, judged: feedback.judged }),
    previousHeadline: headlineFrom(then, now.map((e) => e.task), previousAsOf, {
      rules,
      from: previous.start,
      judged: previousPeriods.flatMap((p) => verdicts(p, previousAsOf)),
    }),
    doneInPeriod: now
      .filter((e) => e.result.doneOn !== undefined && inPeriod(e.result.doneOn))
      .sort((a, b) => (a.result.doneOn! < b.result.doneOn! ? -1 : a.result.doneOn! > b.result.doneOn! ? 1 : byId(a, b))),
    newlyRed: red.filter((e) => !wasRed(e)).sort(mostOverdueFirst),
    noLongerRed: now.filter((e) => e.result.light !== 'red' && wasRed(e)).map((e) => noLongerRed(e, then.evaluated(index.get(e)!), previousAsOf, asOf)),
    stillRed: red.filter(wasRed).sort(mostOverdueFirst),
    extensions: extensionsIn(now, period.start, asOf),
    dueNext: dueIn(now, nextPeriod(period), asOf),
    feedback,
    categories: categorySection(now, asOf, settings.categories),
    targets: targetGroups(now, asOf),
    byLead: summarize(now, 'lead', groupOrder('lead', settings.roster, now.map((e) => e.task))),
    byUnit: summarize(now, 'unit', groupOrder('unit', settings.roster, now.map((e) => e.task))),
  };
  if (wide) {
    report.silent = now.filter((e) => isOpen(e.result.light) && startOf(e.task) <= asOf && !(e.task.progress ?? []).some((p) => inPeriod(p.date))).sort(byId);
    report.redInPeriod = redInPeriod(now, period, asOf, settings);
  }
  if (options.rank) report.rank = rankSection(now, feedback, period, asOf, settings);
  return report;
}

function noLongerRed(e: Evaluated, before: Evaluated, previousAsOf: IsoDate, asOf: IsoDate): NoLongerRed {
  const light = e.result.light;
  if (light === 'done' || light === 'done_late') return { e, before, why: 'done' };
  if (light === 'suspended' || light === 'cancelled') return { e, before, why: light };
  const extension = (e.task.extensions ?? []).filter((x) => x.date > previousAsOf && x.date <= asOf).at(-1);
  if (extension && before.result.deadlineDaysOverdue > 0) return { e, before, why: 'extended', extension };
  if (before.result.overdueMilestones.length > 0) return { e, before, why: 'milestone_done' };
  return { e, before, why: 'other' };
}

function extensionsIn(evaluated: readonly Evaluated[], from: IsoDate, to: IsoDate): ExtensionItem[] {
  const out: ExtensionItem[] = [];
  for (const e of evaluated) {
    for (const x of e.task.extensions ?? []) {
      if (x.date >= from && x.date <= to) out.push({ e, date: x.date, from: x.from, to: x.to, reason: x.reason, kind: x.kind ?? (x.to < x.from ? 'advance' : 'extension') });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : byId(a.e, b.e)));
}

function dueIn(evaluated: readonly Evaluated[], next: Period, asOf: IsoDate): DueNextItem[] {
  const out: DueNextItem[] = [];
  for (const e of evaluated) {
    if (!isOpen(e.result.light)) continue;
    const deadline = e.result.deadline;
    if (deadline >= next.start && deadline <= next.end) out.push({ e, kind: 'task', title: e.task.title, due: deadline });
    for (const ms of milestonesOn(e.task, asOf)) {
      if (ms.done_on !== undefined && ms.done_on <= asOf) continue;
      if (ms.due >= next.start && ms.due <= next.end) out.push({ e, kind: 'milestone', title: ms.title, due: ms.due });
    }
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : byId(a.e, b.e)));
}

/** The feedback of the periods due in the report's period (`periods`), as `judgedIn` judged it at the end of the as-of day. */
function feedbackSection(
  now: readonly Evaluated[],
  period: Period,
  periods: Period[],
  judgedIn: (period: Period) => Judged[],
  asOf: IsoDate,
  settings: RhythmSettings,
): FeedbackSection & { judged: Judged[] } {
  const tasks = now.map((e) => e.task);
  const judged = periods.flatMap(judgedIn);
  const due = judged.filter((j) => j.verdict !== 'not_due');
  const units = orderedNames(unitNames(settings.roster, tasks), due.map((j) => j.unit));
  const rank = new Map(units.map((u, i) => [u, i]));
  const counts = new Map<string, { due: number; onTime: number; late: number; missing: number }>();
  for (const j of due) {
    let c = counts.get(j.unit);
    if (!c) counts.set(j.unit, (c = { due: 0, onTime: 0, late: 0, missing: 0 }));
    c.due++;
    if (j.verdict === 'on_time') c.onTime++;
    else if (j.verdict === 'late') c.late++;
    else c.missing++;
  }
  const byUnit = units.flatMap((unit) => {
    const c = counts.get(unit);
    return c ? [{ unit, ...c, onTimeRate: share(c.onTime, c.due) }] : [];
  });
  const order = (a: Judged, b: Judged) => rank.get(a.unit)! - rank.get(b.unit)! || (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0) || (a.period.start < b.period.start ? -1 : 1);
  return {
    judged,
    periods,
    missing: due.filter((j) => j.verdict === 'missing').sort(order),
    late: due.filter((j) => j.verdict === 'late').sort(order),
    lateArrivals: lateArrivals(tasks, settings.feedback, period.start, asOf, { endOfDay: true }).sort(order),
    byUnit,
    due: due.length,
    noneAtAll: due.length > 0 && due.every((j) => j.verdict === 'missing') && tasks.every((t) => (t.progress ?? []).every((p) => p.date > asOf)),
  };
}

function categorySection(now: readonly Evaluated[], asOf: IsoDate, rules: CategoryRules): CategorySection {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const behind: CategoryItem[] = [];
  for (const e of now) {
    const c = categoryOf(e.result, asOf, rules);
    counts[c.category]++;
    if (c.category === 'behind') behind.push({ e, ...c });
  }
  const gap = (i: CategoryItem) => (i.floor ?? i.elapsed) - (i.percent ?? 0);
  behind.sort((a, b) => gap(b) - gap(a) || byId(a.e, b.e));
  return { counts, total: now.length, behind };
}

function targetGroups(now: readonly Evaluated[], asOf: IsoDate): Group<TargetItem>[] {
  const items: TargetItem[] = [];
  for (const e of [...now].sort(byId)) {
    for (const target of e.task.targets ?? []) {
      const actual = actualOn(target, asOf);
      const percentOfTarget = actual === undefined || target.target === 0 ? undefined : Math.round((actual / target.target) * 1000) / 10;
      const met = targetMet(target, asOf);
      const onPace = met !== false || target.direction === 'max' || percentOfTarget === undefined ? undefined : percentOfTarget >= e.result.elapsed;
      items.push({ e, target, actual, percentOfTarget, elapsed: e.result.elapsed, met, onPace });
    }
  }
  const groups = new Map<string, TargetItem[]>();
  for (const item of items) {
    const key = item.e.task.point ?? item.e.task.section ?? '';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].map(([name, list]) => ({ name, items: list }));
}

/** Red on some day of the period: red begins only on the period's first day or the day after a due date, so those days are enough to look at. */
function redInPeriod(now: readonly Evaluated[], period: Period, asOf: IsoDate, settings: RhythmSettings): Group<RedInPeriod>[] {
  const items: RedInPeriod[] = [];
  for (const e of now) {
    const redNow = e.result.light === 'red';
    let red = redNow;
    if (!red) {
      const dues = [deadlineOn(e.task, period.start), ...(e.task.extensions ?? []).map((x) => x.to), e.task.deadline, ...(e.task.milestones ?? []).map((ms) => ms.due)];
      const days = new Set([period.start, ...dues.map((d) => addDays(d, 1)).filter((d) => d >= period.start && d <= asOf)]);
      red = [...days].some((day) => lightOf(e.task, day, settings.light).light === 'red');
    }
    if (red) items.push({ e, redNow });
  }
  items.sort((a, b) => mostOverdueFirst(a.e, b.e));
  return groupBy(items, 'unit', groupOrder('unit', settings.roster, now.map((e) => e.task)), (i) => i.e.task);
}

function rankSection(now: readonly Evaluated[], feedback: FeedbackSection, period: Period, asOf: IsoDate, settings: RhythmSettings): RankSection {
  const tasks = now.map((e) => e.task);
  const involved = new Set([...tasks.map(leadUnitOf), ...feedback.byUnit.map((u) => u.unit)]);
  const units = unitNames(settings.roster, tasks).filter((u) => involved.has(u));
  const inPeriod = (date: IsoDate) => date >= period.start && date <= asOf;
  const sentBack = tasks.flatMap((t) =>
    (t.completion_requests ?? [])
      .filter((r) => r.decision === 'rejected' && r.decided !== undefined && inPeriod(r.decided))
      .map((r) => ({ unit: r.by ?? leadUnitOf(t), taskId: t.id, date: r.decided! })),
  );
  const toScore = (j: Judged) => ({ unit: j.unit, taskId: j.task.id, period: periodKey(j.period), due: j.due });
  const scores = scoreUnits(
    {
      units,
      missing: feedback.missing.map(toScore),
      late: feedback.late.map(toScore),
      red: now.filter((e) => e.result.light === 'red').map((e) => ({ unit: leadUnitOf(e.task), taskId: e.task.id, days: e.result.daysOverdue })),
      sentBack,
      doneOnTime: now.filter((e) => e.result.light === 'done' && inPeriod(e.result.doneOn!)).map((e) => ({ unit: leadUnitOf(e.task), taskId: e.task.id, date: e.result.doneOn! })),
    },
    settings.scoring,
  );
  const rows: RankRow[] = scores.map((score) => {
    const fb = feedback.byUnit.find((u) => u.unit === score.unit) ?? { unit: score.unit, due: 0, onTime: 0, late: 0, missing: 0, onTimeRate: undefined };
    const led = now.filter((e) => leadUnitOf(e.task) === score.unit);
    const done = led.filter((e) => e.result.light === 'done' || e.result.light === 'done_late').length;
    const counted = led.filter((e) => e.result.light !== 'cancelled').length;
    return { ...fb, tasks: led.length, done, red: led.filter((e) => e.result.light === 'red').length, completionRate: share(done, counted), score };
  });
  const rosterRank = (u: string) => units.indexOf(u);
  rows.sort(
    (a, b) =>
      b.score.score - a.score.score ||
      (b.onTimeRate ?? 100) - (a.onTimeRate ?? 100) ||
      a.red - b.red ||
      (b.completionRate ?? 0) - (a.completionRate ?? 0) ||
      rosterRank(a.unit) - rosterRank(b.unit),
  );
  const best = rows.filter((r) => r.score.deductions.length === 0 && (r.due > 0 || r.tasks > 0)).slice(0, 3).map((r) => r.unit);
  const worst = rows.filter((r) => r.score.deductions.length > 0).slice(-3).reverse().map((r) => r.unit);
  return { rows, best, worst };
}
