// What the leadership dashboard shows, as plain data: the report layer fills it from the evaluated
// tasks, render/dashboard turns it into the page. Only strings, numbers, arrays and plain objects,
// so it can also be written as JSON and a page re-rendered from it.
import type { IsoDate } from '../core/dates.js';
import type { Filter } from '../core/filter.js';
import type { Light, Reason } from '../core/light.js';
import type { Period } from '../core/periods.js';

/** The headline figures the page knows how to word; the report picks which to show, in order. */
export type HeadlineKey = 'total' | 'done' | 'rate' | 'red' | 'yellow' | 'awaiting_review' | 'on_time_rate';

export interface Headline {
  key: HeadlineKey;
  /** a count, or a percent 0–100 (one decimal) for the *_rate keys */
  value: number;
  /** value now minus value at the end of the previous 旬; absent when there is nothing to compare */
  sinceXun?: number;
  /** value now minus value at the end of the previous month; absent when there is nothing to compare */
  sinceMonth?: number;
  /** the round of feedback a feedback figure is of (the latest due by the date; each change compares the round due then) */
  period?: Period;
}

/** Tasks of one official or one unit by light as of the date. */
export interface LightRow {
  name: string;
  counts: Record<Light, number>;
}

/** Share of tasks done by one date (a 旬 end, or the as-of date itself as the last point). */
export interface CompletionPoint {
  date: IsoDate;
  /** tasks done on or before the date */
  done: number;
  /** done ÷ tasks that count (not cancelled), 0–100 */
  share: number;
}

export interface Completion {
  /** first and last day of the plan's year: the x axis, and the ends of the time-elapsed diagonal */
  yearStart: IsoDate;
  yearEnd: IsoDate;
  /** tasks that count (not cancelled) */
  total: number;
  /** oldest first */
  points: CompletionPoint[];
}

export interface LatestFeedback {
  date: IsoDate;
  note: string;
}

/** Who a listed task belongs to and how it stands: what a click on the charts filters by. */
export interface ListedTask {
  id: string;
  title: string;
  leads: string[];
  leadUnit: string;
  light: Light;
}

export interface RedItem extends ListedTask {
  daysOverdue: number;
  /** why it is red, most serious first (the light's own reasons) */
  reasons: Reason[];
  latest?: LatestFeedback;
}

/** A task whose unit has reported it done (销号申请) and which waits for the office's check. */
export interface ReviewItem extends ListedTask {
  reportedOn: IsoDate;
  note: string;
}

export interface TargetItem extends ListedTask {
  /** the target's name, e.g. 地区生产总值增速 */
  name: string;
  /** absent until a figure is reported */
  actual?: number;
  target: number;
  unit?: string;
  /** min: at least the target (the default); max: at most the target */
  direction: 'min' | 'max';
  /** share of the task's time (start to deadline; the year for most tasks) elapsed, 0–100 */
  elapsed: number;
}

/** A unit's feedback for one period: the worst of its reports (missing, late, not yet due, on time), or none owed. */
export const PUNCTUALITY = ['on_time', 'late', 'missing', 'not_due', 'none'] as const;
export type Punctuality = (typeof PUNCTUALITY)[number];

export interface PunctualityGrid {
  /** the periods of the feedback cycle (旬 unless the plan's rules say otherwise), oldest first */
  periods: Period[];
  /** one row per unit in roster order; cells[i] is the unit's feedback for periods[i] */
  rows: Array<{ unit: string; cells: Punctuality[] }>;
}

/** The filters the page was made with (those of tasks list), and how many tasks they left. */
export interface Scope {
  filter: Filter;
  tasks: number;
  /** tasks in the plan */
  of: number;
}

export interface DashboardData {
  /** the plan's title, e.g. 屯溪区2020年重点工作 */
  title: string;
  asOf: IsoDate;
  /** the dates the headline changes are measured from, when there are any */
  compareTo: { xun?: IsoDate; month?: IsoDate };
  headlines: Headline[];
  /** roster order; officials and units with no task left out */
  byLead: LightRow[];
  byUnit: LightRow[];
  completion: Completion;
  /** every red task, most overdue first */
  red: RedItem[];
  /** oldest report first; empty when none waits */
  awaitingReview: ReviewItem[];
  /** the first targets in the order of their tasks' ids, as many as a page lists (reports/dashboard.ts TARGETS_SHOWN) */
  targets: TargetItem[];
  /** every target of the tasks, listed or not */
  targetCount: number;
  punctuality: PunctualityGrid;
  /** task files that could not be read and are missing from every figure */
  unreadable: number;
  /** present when filters left out some of the plan */
  scope?: Scope;
}
