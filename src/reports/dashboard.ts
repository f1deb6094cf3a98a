// The leadership dashboard as data: the tasks `tasks list` would show with the same filters, as
// they stand on the date, in the figures the terminal's views and the period reports already
// compute. The headline and its changes are headlineOf/headlineAt of the period reports, the bars
// the summary's rows in roster order, the feedback grid the feedback rules' own verdicts; nothing
// here decides a light, a period or a verdict by itself.
import type { Roster } from '../core/config.js';
import { addDays, endOfXun, type IsoDate } from '../core/dates.js';
import { lightsAt, type EvaluateSettings, type Evaluated, type Lights } from '../core/evaluate.js';
import { cyclePeriod, dueDate, judgeAll, periodsDueIn, type FeedbackRules, type Judged } from '../core/feedback.js';
import { filterOfLights, type Filter } from '../core/filter.js';
import { lightOfCode } from '../core/light-facts.js';
import { actualOn, statusOn } from '../core/as-of.js';
import { periodOf, periodsBetween, previousPeriod, type Period } from '../core/periods.js';
import { orderedNames, unitNames } from '../core/roster.js';
import { mostOverdueFirst } from '../core/sort.js';
import { leadsOf, leadUnitOf, startOf, type LoadedTask, type Task } from '../core/task.js';
import type {
  Completion, CompletionPoint, DashboardData, Headline, HeadlineKey, LightRow, ListedTask, Punctuality, PunctualityGrid, RedItem, ReviewItem, TargetItem,
} from './dashboard-data.js';
import { groupOrder } from './group.js';
import { headlineAt, headlineFrom, type Headline as Figures } from './headline.js';
import { completionRate, countRow, summarizeLights, type SummaryRow } from './summary.js';

export interface DashboardSettings {
  /** the plan's title */
  title: string;
  /** the plan's year; the as-of date's year when the plan names none */
  year: number | undefined;
  roster: Roster;
  light: EvaluateSettings;
  feedback: FeedbackRules;
}

export interface DashboardOptions {
  asOf: IsoDate;
  /** the filters of tasks list: the page shows only the tasks they leave */
  filter: Filter;
  /** task files that could not be read */
  unreadable: number;
  /**
   * the light facts of the tasks (one entry per evaluated task, store/load.ts), to judge the
   * earlier dates from; without them, the tasks are evaluated again on each date
   */
  facts?: { facts: Int32Array; at: Int32Array } | undefined;
}

/** Targets a page lists; the rest it counts. */
export const TARGETS_SHOWN = 100;

/** Columns of the feedback grid: enough to see a habit, few enough to print on the first page. */
const PUNCTUALITY_PERIODS = 6;

const byId = (a: Evaluated, b: Evaluated) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
/** a difference of two figures with one decimal, without the float's noise (23.6 − 18.6 = 5, not 5.000000000000002) */
const minus = (a: number, b: number) => Math.round((a - b) * 10) / 10;

/**
 * The page's data from the plan's lights on `options.asOf` (cli/output.ts judgePlan; one per task
 * of `tasks`): the counts come from the lights' codes, and only the tasks the page shows in rows
 * (red, awaiting review, with targets) are evaluated, as are all when a filter must look at them.
 * Changes are measured on the same tasks at the end of the previous 旬 and the previous month, as
 * they stood then.
 */
export function dashboardReport(lights: Lights, tasks: readonly LoadedTask[], options: DashboardOptions, settings: DashboardSettings): DashboardData {
  const { asOf } = options;
  const keep = filterOfLights(options.filter, lights, tasks);
  const chosen: number[] = [];
  for (let i = 0; i < tasks.length; i++) if (!keep || keep(i)) chosen.push(i);
  const selected = chosen.map((i) => tasks[i]!);
  const mine = lightsAt(lights, chosen);
  const shown = (test: (code: number, k: number) => boolean) => chosen.flatMap((_, k) => (test(mine.codes[k]!, k) ? [mine.evaluated(k)] : []));
  const facts = options.facts && { facts: options.facts.facts, at: Int32Array.from(chosen, (i) => options.facts!.at[i]!) };
  const year = settings.year ?? Number(asOf.slice(0, 4));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  // the period reports leave the daily "feedback missing" marker out: they count feedback themselves
  const light = { ...settings.light, feedback: undefined };

  // feedback is judged for the latest round due, as the 旬 report judges its 旬
  const rules = settings.feedback;
  const roundStart = (date: IsoDate) => latestRound(rules, date).start;
  const selectedTasks = selected.map((t) => t.task);
  const comparable = (date: IsoDate) => date >= yearStart && selectedTasks.some((task) => startOf(task) <= date);
  const xunDate = previousPeriod(periodOf('xun', asOf)).end;
  const monthDate = previousPeriod(periodOf('month', asOf)).end;
  const grid = gridPeriods(rules, asOf, yearStart);
  // the figures' rounds and the grid's periods are mostly the same periods on other dates: judged together
  const counted = (date: IsoDate) => periodsDueIn(rules, roundStart(date), date);
  const verdicts = judgeAll(
    selectedTasks,
    rules,
    [asOf, xunDate, monthDate].filter((date) => date === asOf || comparable(date)).map((date) => ({ periods: counted(date), asOf: date })).concat({ periods: grid, asOf }),
    { endOfDay: true },
  );
  const judgedOn = (date: IsoDate) => counted(date).flatMap((p) => verdicts(p, date));
  const now = headlineFrom(mine, selectedTasks, asOf, { rules, from: roundStart(asOf), judged: judgedOn(asOf) });
  const at = (date: IsoDate) =>
    comparable(date) ? headlineAt(selected, date, { ...light, feedback: rules }, roundStart(date), facts, judgedOn(date)) : undefined;
  const thenXun = at(xunDate);
  const thenMonth = at(monthDate);

  const all = tasks.map((t) => t.task);
  const lightRows = (by: 'lead' | 'unit') => summarizeLights(mine, selected, by, groupOrder(by, settings.roster, all)).rows.map(lightRow);
  const data: DashboardData = {
    title: settings.title,
    asOf,
    compareTo: { ...(thenXun ? { xun: xunDate } : {}), ...(thenMonth ? { month: monthDate } : {}) },
    headlines: headlines(now, thenXun, thenMonth, latestRound(rules, asOf)),
    byLead: lightRows('lead'),
    byUnit: lightRows('unit'),
    completion: completion(selected, asOf, yearStart, yearEnd, countRow('', mine.codes)),
    red: shown((code) => lightOfCode(code) === 'red').sort(mostOverdueFirst).map(redItem),
    awaitingReview: shown((_, k) => mine.inFull(k) && mine.evaluated(k).review !== undefined)
      .sort((a, b) => (a.review!.date < b.review!.date ? -1 : a.review!.date > b.review!.date ? 1 : byId(a, b)))
      .map(reviewItem),
    ...listedTargets(selectedTasks, mine, asOf),
    punctuality: punctuality(selectedTasks, grid, settings, (period) => verdicts(period, asOf)),
    unreadable: options.unreadable,
  };
  if (chosen.length < tasks.length) data.scope = { filter: options.filter, tasks: chosen.length, of: tasks.length };
  return data;
}

const FIGURES: ReadonlyArray<readonly [HeadlineKey, (f: Figures) => number | undefined]> = [
  ['total', (f) => f.total],
  ['done', (f) => f.done],
  ['rate', (f) => f.completionRate],
  ['red', (f) => f.red],
  ['yellow', (f) => f.yellow],
  ['awaiting_review', (f) => f.awaitingReview],
  ['on_time_rate', (f) => f.onTimeRate],
];

/** The figures that have a value (a rate of nothing is left out), each with its changes when there is something to compare. */
function headlines(now: Figures, thenXun: Figures | undefined, thenMonth: Figures | undefined, round: Period): Headline[] {
  const out: Headline[] = [];
  for (const [key, of] of FIGURES) {
    const value = of(now);
    if (value === undefined) continue;
    const h: Headline = key === 'on_time_rate' ? { key, value, period: round } : { key, value };
    // the number of tasks changes only when tasks are added: a change there says nothing about the work
    if (key !== 'total') {
      const xun = thenXun && of(thenXun);
      const month = thenMonth && of(thenMonth);
      if (xun !== undefined) h.sinceXun = minus(value, xun);
      if (month !== undefined) h.sinceMonth = minus(value, month);
    }
    out.push(h);
  }
  return out;
}

/** The latest period of the feedback cycle whose reports were due by the end of `date`. */
function latestRound(rules: FeedbackRules, date: IsoDate): Period {
  const period = cyclePeriod(rules, date);
  return dueDate(rules, period, 'lead')! <= date ? period : previousPeriod(period);
}

function lightRow(r: SummaryRow): LightRow {
  return {
    name: r.name,
    counts: { red: r.red, yellow: r.yellow, green: r.green, done: r.done - r.doneLate, done_late: r.doneLate, suspended: r.suspended, cancelled: r.cancelled },
  };
}

/**
 * The completion rate at each 旬 end of the year up to the date, and on the date itself: the
 * summary's rate of the tasks as they stood on each day, so the last point is the headline's rate.
 * Only the status matters there, so the earlier days read the status alone (a whole light per task
 * and 旬 would cost seconds on a large plan): done and cancelled are what the light calls them.
 */
function completion(tasks: readonly LoadedTask[], asOf: IsoDate, yearStart: IsoDate, yearEnd: IsoDate, today: SummaryRow): Completion {
  const points: CompletionPoint[] = [];
  // A task without status changes is cancelled on every day or on none, and done from its
  // completion date on (statusOn): those are counted from sorted dates, the others day by day.
  let alwaysCancelled = 0;
  const doneFrom: IsoDate[] = [];
  const changing: Task[] = [];
  for (const { task } of tasks) {
    if (task.status_changes?.length) changing.push(task);
    else if (task.status === 'cancelled') alwaysCancelled++;
    else if (task.status === 'done' && task.done_on !== undefined) doneFrom.push(task.done_on);
  }
  doneFrom.sort();
  let doneBy = 0;
  for (let date = endOfXun(yearStart); date < asOf && date <= yearEnd; date = endOfXun(addDays(date, 1))) {
    while (doneBy < doneFrom.length && doneFrom[doneBy]! <= date) doneBy++;
    let done = doneBy;
    let cancelled = alwaysCancelled;
    for (const task of changing) {
      const { status, doneOn } = statusOn(task, date);
      if (status === 'cancelled') cancelled++;
      else if (doneOn !== undefined) done++;
    }
    points.push({ date, done, share: completionRate(done, tasks.length, cancelled) ?? 0 });
  }
  points.push({ date: asOf, done: today.done, share: today.rate ?? 0 });
  return { yearStart, yearEnd, total: today.total - today.cancelled, points };
}

function listed(e: Evaluated): ListedTask {
  return { id: e.task.id, title: e.task.title, leads: leadsOf(e.task), leadUnit: leadUnitOf(e.task), light: e.result.light };
}

function redItem(e: Evaluated): RedItem {
  const latest = e.result.latest;
  return { ...listed(e), daysOverdue: e.result.daysOverdue, reasons: e.result.reasons, ...(latest ? { latest: { date: latest.date, note: latest.note } } : {}) };
}

function reviewItem(e: Evaluated): ReviewItem {
  return { ...listed(e), reportedOn: e.review!.date, note: e.review!.note ?? '' };
}

/**
 * The first TARGETS_SHOWN targets, by task id, and how many there are: only the tasks whose
 * targets are listed are evaluated (a city's plan has thousands of targets).
 */
function listedTargets(tasks: readonly Task[], lights: Lights, asOf: IsoDate): Pick<DashboardData, 'targets' | 'targetCount'> {
  const holding: number[] = [];
  let targetCount = 0;
  tasks.forEach((task, k) => {
    const count = task.targets?.length ?? 0;
    targetCount += count;
    if (count > 0) holding.push(k);
  });
  holding.sort((a, b) => (tasks[a]!.id < tasks[b]!.id ? -1 : tasks[a]!.id > tasks[b]!.id ? 1 : 0));
  const targets: TargetItem[] = [];
  for (const k of holding) {
    if (targets.length >= TARGETS_SHOWN) break;
    targets.push(...targetItems(lights.evaluated(k), asOf));
  }
  return { targets: targets.slice(0, TARGETS_SHOWN), targetCount };
}

function targetItems(e: Evaluated, asOf: IsoDate): TargetItem[] {
  return (e.task.targets ?? []).map((t) => {
    const actual = actualOn(t, asOf);
    return {
      ...listed(e),
      name: t.name,
      ...(actual !== undefined ? { actual } : {}),
      target: t.target,
      ...(t.unit !== undefined ? { unit: t.unit } : {}),
      direction: t.direction ?? 'min',
      elapsed: e.result.elapsed,
    };
  });
}

/** Worst first: one missing report marks the unit's period as missing. */
const SEVERITY: readonly Punctuality[] = ['missing', 'late', 'not_due', 'on_time'];

/** The grid's periods: the latest of the feedback cycle begun by the date, within the plan's year and the rules. */
function gridPeriods(rules: FeedbackRules, asOf: IsoDate, yearStart: IsoDate): Period[] {
  const from = rules.start !== undefined && rules.start > yearStart ? rules.start : yearStart;
  return periodsBetween(rules.cycle, from, asOf).slice(-PUNCTUALITY_PERIODS);
}

/**
 * Each unit's feedback for the grid's periods, judged at the end of the day as the period reports
 * judge it (`judged`); units that owed nothing in any of them are left out.
 */
function punctuality(tasks: readonly Task[], periods: readonly Period[], settings: DashboardSettings, judged: (period: Period) => readonly Judged[]): PunctualityGrid {
  const verdicts = new Map<string, Set<Punctuality>[]>();
  periods.forEach((period, i) => {
    for (const j of judged(period)) {
      let cells = verdicts.get(j.unit);
      if (!cells) verdicts.set(j.unit, (cells = periods.map(() => new Set<Punctuality>())));
      cells[i]!.add(j.verdict);
    }
  });
  const units = orderedNames(unitNames(settings.roster, tasks), verdicts.keys()).filter((u) => verdicts.has(u));
  return {
    periods: [...periods],
    rows: units.map((unit) => ({ unit, cells: verdicts.get(unit)!.map((seen) => SEVERITY.find((v) => seen.has(v)) ?? 'none') })),
  };
}
