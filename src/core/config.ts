// Plan settings (tasks.config.yaml, schemas/config.schema.json) and their defaults.
import type { IsoDate } from './dates.js';
import type { PeriodKind } from './periods.js';

export interface Roster {
  leads: string[];
  units: string[];
  /** in a roll-up: the offices whose plans it reads, in the order the settings list them */
  offices?: string[];
}

/** A plan a roll-up reads: a folder, or a git remote fetched read-only. */
export interface PlanRef {
  office: string;
  path?: string;
  url?: string;
  branch?: string;
}

/** When feedback is owed (core/feedback.ts): the cycle, and the day it is due in each period. */
export interface FeedbackConfig {
  cycle: PeriodKind;
  /** the day of the period's last month by which the lead unit reports; the period's last day when absent */
  due_day?: number;
  /** the day of the period's last month by which co-units report to the lead unit */
  co_units_due_day?: number;
  /** how many days before the lead unit's due date the co-units report */
  co_units_days_before?: number;
  /** periods starting before this date owe nothing */
  start?: IsoDate;
}

/** 超进度 / 达进度 / 欠进度 against 序时进度 (core/categories.ts). */
interface CategoryConfig {
  /** points below the share of time elapsed that make a task 欠进度; behind_tolerance when absent */
  behind?: number;
  /** points above it that make a task 超进度; the same as behind when absent */
  ahead?: number;
  /** a task done more than this many days before its deadline is 提前完成 */
  early_days: number;
  /** the lowest percent due by the end of a quarter (宣城: Q1 25) */
  floors: Partial<Record<'Q1' | 'Q2' | 'Q3' | 'Q4', number>>;
}

/** 考核: a base, deductions per item and a capped bonus (core/scoring.ts). */
export interface ScoringConfig {
  base: number;
  missing_feedback: number;
  late_feedback: number;
  red_task: number;
  sent_back: number;
  done_on_time: number;
  max_bonus: number;
}

export interface Config {
  title: string;
  year: number | undefined;
  lang: 'zh' | 'en';
  timezone: string;
  warning_days: number;
  behind_tolerance: number;
  commit: boolean;
  table_border: 'box' | 'ascii';
  roster: Roster;
  feedback: FeedbackConfig;
  progress_categories: CategoryConfig;
  scoring: ScoringConfig;
  /** in a roll-up, the office of this plan's own tasks */
  office?: string;
  plans?: PlanRef[];
}

const DEFAULT_SCORING: ScoringConfig = { base: 100, missing_feedback: 2, late_feedback: 1, red_task: 3, sent_back: 2, done_on_time: 1, max_bonus: 5 };

export const DEFAULT_CONFIG: Config = {
  title: '',
  year: undefined,
  lang: 'zh',
  timezone: 'Asia/Shanghai',
  warning_days: 10,
  behind_tolerance: 10,
  commit: true,
  table_border: 'box',
  roster: { leads: [], units: [] },
  feedback: { cycle: 'xun' },
  progress_categories: { early_days: 0, floors: {} },
  scoring: DEFAULT_SCORING,
};

type RawConfig = Partial<Omit<Config, 'roster' | 'feedback' | 'progress_categories' | 'scoring'>> & {
  roster?: Partial<Roster>;
  feedback?: Partial<FeedbackConfig>;
  progress_categories?: Partial<CategoryConfig>;
  scoring?: Partial<ScoringConfig>;
};

/** Settings read from the file, over the defaults. */
export function withDefaults(raw: RawConfig): Config {
  return {
    ...DEFAULT_CONFIG,
    ...raw,
    roster: { leads: raw.roster?.leads ?? [], units: raw.roster?.units ?? [] },
    feedback: { ...DEFAULT_CONFIG.feedback, ...raw.feedback },
    progress_categories: { ...DEFAULT_CONFIG.progress_categories, ...raw.progress_categories, floors: { ...raw.progress_categories?.floors } },
    scoring: { ...DEFAULT_SCORING, ...raw.scoring },
  };
}
