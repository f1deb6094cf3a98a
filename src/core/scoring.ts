// 考核: each unit starts from the base score of tasks.config.yaml `scoring`, loses points item by
// item (a missing or late feedback, a task red at the period's end, a completion sent back) and
// gains a capped bonus per task done on time, so that a unit can check every point it lost.
import type { ScoringConfig } from './config.js';
import type { IsoDate } from './dates.js';

type DeductionKind = 'missing_feedback' | 'late_feedback' | 'red_task' | 'sent_back';

interface ScoreItem {
  kind: DeductionKind | 'done_on_time';
  unit: string;
  taskId: string;
  /** points lost (negative) or gained (positive) */
  points: number;
  /** the feedback period (a key such as 2020-09-3), for feedback items */
  period?: string;
  /** the due date of the feedback, the date sent back, or the completion date */
  date?: IsoDate;
  /** days overdue, for a red task */
  days?: number;
}

export interface UnitScore {
  unit: string;
  base: number;
  deductions: ScoreItem[];
  bonuses: ScoreItem[];
  /** the bonus counted, after the cap */
  bonus: number;
  score: number;
}

export interface ScoreInput {
  /** the units scored, in roster order */
  units: readonly string[];
  missing: ReadonlyArray<{ unit: string; taskId: string; period: string; due: IsoDate }>;
  late: ReadonlyArray<{ unit: string; taskId: string; period: string; due: IsoDate }>;
  red: ReadonlyArray<{ unit: string; taskId: string; days: number }>;
  sentBack: ReadonlyArray<{ unit: string; taskId: string; date: IsoDate }>;
  doneOnTime: ReadonlyArray<{ unit: string; taskId: string; date: IsoDate }>;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function scoreUnits(input: ScoreInput, rules: ScoringConfig): UnitScore[] {
  const items = new Map<string, ScoreItem[]>(input.units.map((u) => [u, []]));
  const add = (item: ScoreItem) => {
    if (item.points === 0) return;
    const list = items.get(item.unit);
    if (list) list.push(item);
    else items.set(item.unit, [item]);
  };
  for (const f of input.missing) add({ kind: 'missing_feedback', unit: f.unit, taskId: f.taskId, points: -rules.missing_feedback, period: f.period, date: f.due });
  for (const f of input.late) add({ kind: 'late_feedback', unit: f.unit, taskId: f.taskId, points: -rules.late_feedback, period: f.period, date: f.due });
  for (const r of input.red) add({ kind: 'red_task', unit: r.unit, taskId: r.taskId, points: -rules.red_task, days: r.days });
  for (const s of input.sentBack) add({ kind: 'sent_back', unit: s.unit, taskId: s.taskId, points: -rules.sent_back, date: s.date });
  for (const d of input.doneOnTime) add({ kind: 'done_on_time', unit: d.unit, taskId: d.taskId, points: rules.done_on_time, date: d.date });
  return [...items].map(([unit, list]) => {
    const deductions = list.filter((i) => i.points < 0);
    const bonuses = list.filter((i) => i.points > 0);
    const bonus = Math.min(rules.max_bonus, bonuses.reduce((s, i) => s + i.points, 0));
    const lost = deductions.reduce((s, i) => s + i.points, 0);
    return { unit, base: rules.base, deductions, bonuses, bonus: round(bonus), score: round(rules.base + lost + bonus) };
  });
}
