// Progress categories as offices publish them (金寨: 超进度 / 达进度 / 欠进度 / 已完成和提前完成 / 其它):
// a task's reported percent against 序时进度, the share of its time elapsed (core/light.ts), with
// the lines from tasks.config.yaml `progress_categories`. The default line is the light's own
// behind_tolerance, so a task 欠进度 is the task the light calls behind schedule; a quarterly floor
// (宣城: below 25% at the end of Q1) takes the place of 序时进度 once its quarter has ended.
import type { Config } from './config.js';
import { diffDays, ymd, yearOf, type IsoDate } from './dates.js';
import type { LightResult } from './light.js';

export const CATEGORIES = ['ahead', 'on_track', 'behind', 'done_early', 'done', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryRules {
  behind: number;
  ahead: number;
  earlyDays: number;
  floors: Partial<Record<'Q1' | 'Q2' | 'Q3' | 'Q4', number>>;
}

export function categoryRules(config: Pick<Config, 'behind_tolerance' | 'progress_categories'>): CategoryRules {
  const c = config.progress_categories;
  const behind = c.behind ?? config.behind_tolerance;
  return { behind, ahead: c.ahead ?? behind, earlyDays: c.early_days, floors: c.floors };
}

/** The floor in force on `date`: that of the latest quarter ended on or before it, if one is set. */
function floorOn(rules: CategoryRules, date: IsoDate): number | undefined {
  const year = yearOf(date);
  const ends = [ymd(year, 3, 31), ymd(year, 6, 30), ymd(year, 9, 30), ymd(year, 12, 31)];
  let floor: number | undefined;
  (['Q1', 'Q2', 'Q3', 'Q4'] as const).forEach((q, i) => {
    if (ends[i]! <= date && rules.floors[q] !== undefined) floor = rules.floors[q];
  });
  return floor;
}

export interface Categorised {
  category: Category;
  /** the percent judged (0 for a task not started and never reported) */
  percent: number | undefined;
  /** 序时进度: the share of the task's time elapsed, 0–100 */
  elapsed: number;
  /** the line the percent was held against: 序时进度 or the quarter's floor */
  floor: number | undefined;
}

/** The category of a task on `asOf`, from its light on that date. */
export function categoryOf(result: LightResult, asOf: IsoDate, rules: CategoryRules): Categorised {
  const base = { percent: result.percent, elapsed: result.elapsed, floor: undefined };
  if (result.light === 'done' || result.light === 'done_late') {
    const early = diffDays(result.deadline, result.doneOn!) > rules.earlyDays;
    return { ...base, percent: 100, category: early ? 'done_early' : 'done' };
  }
  if (result.light === 'suspended' || result.light === 'cancelled') return { ...base, category: 'other' };
  const percent = result.percent ?? (result.status === 'not_started' ? 0 : undefined);
  if (percent === undefined) return { ...base, category: 'other' };
  const floor = floorOn(rules, asOf);
  const behind = floor !== undefined ? percent < floor : result.elapsed - percent > rules.behind;
  const category: Category = behind ? 'behind' : percent - result.elapsed > rules.ahead ? 'ahead' : 'on_track';
  return { category, percent, elapsed: result.elapsed, floor };
}
