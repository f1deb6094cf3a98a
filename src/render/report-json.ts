// The period report as JSON (`tasks report … --format json`): a stable contract, documented in the
// README. Keys are added, never renamed or removed, within version 1. Every list of tasks is a list
// of objects with `id`; dates are YYYY-MM-DD; rates are percents 0–100 with one decimal.
import type { IsoDate } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { Judged } from '../core/feedback.js';
import { latestEntry } from '../core/light.js';
import { periodKey, periodLabel, type Period } from '../core/periods.js';
import type { UnitScore } from '../core/scoring.js';
import { leadsOf, leadUnitOf } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { Headline } from '../reports/headline.js';
import type { PeriodReport } from '../reports/period.js';
import type { SummaryRow } from '../reports/summary.js';
import { feedbackJson } from './task-view.js';

function periodJson(period: Period, m: Messages) {
  return { kind: period.kind, key: periodKey(period), start: period.start, end: period.end, label: periodLabel(period, m.lang) };
}

function brief(e: Evaluated) {
  return {
    id: e.task.id,
    title: e.task.title,
    lead: leadsOf(e.task),
    lead_unit: leadUnitOf(e.task),
    deadline: e.result.deadline,
    light: e.result.light,
    days_overdue: e.result.daysOverdue,
    latest_feedback: feedbackJson(e.result.latest),
  };
}

const HEADLINE_KEYS = [
  ['total', 'total'],
  ['done', 'done'],
  ['done_late', 'doneLate'],
  ['in_progress', 'inProgress'],
  ['red', 'red'],
  ['yellow', 'yellow'],
  ['suspended', 'suspended'],
  ['cancelled', 'cancelled'],
  ['completion_rate', 'completionRate'],
  ['targets_met', 'targetsMet'],
  ['targets_total', 'targetsTotal'],
  ['feedback_due', 'feedbackDue'],
  ['feedback_on_time', 'feedbackOnTime'],
  ['feedback_late', 'feedbackLate'],
  ['feedback_missing', 'feedbackMissing'],
  ['on_time_rate', 'onTimeRate'],
  ['awaiting_review', 'awaitingReview'],
] as const;

/** Each figure with its value, the previous period's, and the change (percentage points for rates). */
function headlineJson(now: Headline, before: Headline) {
  return Object.fromEntries(
    HEADLINE_KEYS.map(([key, field]) => {
      const value = now[field] ?? null;
      const previous = before[field] ?? null;
      const change = value === null || previous === null ? null : Math.round((value - previous) * 10) / 10;
      return [key, { value, previous, change }];
    }),
  );
}

/** An obligation judged: a late one carries the report that came (`reported`), every one the task's latest feedback on the date. */
function judgedJson(j: Judged, asOf: IsoDate) {
  return {
    id: j.task.id,
    unit: j.unit,
    tier: j.tier,
    period: periodKey(j.period),
    due: j.due,
    ...(j.entry ? { reported_on: j.entry.date, reported: feedbackJson(j.entry) } : {}),
    latest_feedback: feedbackJson(latestEntry(j.task.progress, asOf)),
  };
}

function summaryJson(r: SummaryRow) {
  return {
    name: r.name, total: r.total, done: r.done, done_late: r.doneLate, open: r.open, not_started: r.notStarted, red: r.red, yellow: r.yellow,
    green: r.green, suspended: r.suspended, cancelled: r.cancelled, completion_rate: r.rate ?? null,
  };
}

function scoreJson(s: UnitScore) {
  const item = (i: UnitScore['deductions'][number]) => ({
    kind: i.kind, id: i.taskId, points: i.points, ...(i.period ? { period: i.period } : {}), ...(i.date ? { date: i.date } : {}), ...(i.days !== undefined ? { days: i.days } : {}),
  });
  return { base: s.base, score: s.score, bonus: s.bonus, deductions: s.deductions.map(item), bonuses: s.bonuses.map(item) };
}

export function periodReportJson(r: PeriodReport, m: Messages): Record<string, unknown> {
  return {
    command: 'report',
    period: periodJson(r.period, m),
    previous: { ...periodJson(r.previous, m), as_of: r.previousAsOf },
    complete: r.complete,
    headline: headlineJson(r.headline, r.previousHeadline),
    done_in_period: r.doneInPeriod.map((e) => ({ ...brief(e), done_on: e.result.doneOn ?? null, late: e.result.light === 'done_late' })),
    newly_red: r.newlyRed.map(brief),
    no_longer_red: r.noLongerRed.map((x) => ({
      ...brief(x.e),
      why: x.why,
      days_overdue_before: x.before.result.daysOverdue,
      ...(x.e.result.doneOn ? { done_on: x.e.result.doneOn } : {}),
      ...(x.extension ? { extension: { date: x.extension.date, from: x.extension.from, to: x.extension.to, reason: x.extension.reason } } : {}),
    })),
    still_red: r.stillRed.map((e) => ({ ...brief(e), overdue_milestones: e.result.overdueMilestones.map((ms) => ({ title: ms.title, due: ms.due, days_overdue: ms.days })) })),
    extensions: r.extensions.map((x) => ({ id: x.e.task.id, title: x.e.task.title, lead_unit: leadUnitOf(x.e.task), date: x.date, from: x.from, to: x.to, reason: x.reason, kind: x.kind })),
    due_next: {
      period: periodJson(r.next, m),
      items: r.dueNext.map((d) => ({ id: d.e.task.id, kind: d.kind, title: d.title, due: d.due, lead_unit: leadUnitOf(d.e.task), latest_feedback: feedbackJson(d.e.result.latest) })),
    },
    feedback: {
      periods: r.feedback.periods.map((p) => periodJson(p, m)),
      due: r.feedback.due,
      none_at_all: r.feedback.noneAtAll,
      missing: r.feedback.missing.map((j) => judgedJson(j, r.asOf)),
      late: r.feedback.late.map((j) => judgedJson(j, r.asOf)),
      late_arrivals: r.feedback.lateArrivals.map((j) => judgedJson(j, r.asOf)),
      by_unit: r.feedback.byUnit.map((u) => ({ unit: u.unit, due: u.due, on_time: u.onTime, late: u.late, missing: u.missing, on_time_rate: u.onTimeRate ?? null })),
    },
    categories: {
      total: r.categories.total,
      counts: r.categories.counts,
      shares: Object.fromEntries(Object.entries(r.categories.counts).map(([k, n]) => [k, r.categories.total > 0 ? Math.round((n / r.categories.total) * 1000) / 10 : null])),
      behind: r.categories.behind.map((i) => ({ ...brief(i.e), percent: i.percent ?? null, elapsed_percent: i.elapsed, floor: i.floor ?? null })),
    },
    targets: r.targets.map((g) => ({
      point: g.name,
      items: g.items.map((t) => ({
        id: t.e.task.id,
        name: t.target.name,
        unit: t.target.unit ?? null,
        direction: t.target.direction ?? 'min',
        target: t.target.target,
        actual: t.actual ?? null,
        percent_of_target: t.percentOfTarget ?? null,
        elapsed_percent: t.elapsed,
        met: t.met ?? null,
        on_pace: t.onPace ?? null,
      })),
    })),
    by_lead: { rows: r.byLead.rows.map(summaryJson), total: summaryJson(r.byLead.total) },
    by_unit: { rows: r.byUnit.rows.map(summaryJson), total: summaryJson(r.byUnit.total) },
    ...(r.silent ? { silent: r.silent.map(brief) } : {}),
    ...(r.redInPeriod ? { red_in_period: r.redInPeriod.map((g) => ({ unit: g.name, tasks: g.items.map((i) => ({ ...brief(i.e), red_now: i.redNow })) })) } : {}),
    ...(r.rank
      ? {
          rank: {
            best: r.rank.best,
            worst: r.rank.worst,
            rows: r.rank.rows.map((row, i) => ({
              rank: i + 1, unit: row.unit, feedback_due: row.due, on_time: row.onTime, late: row.late, missing: row.missing, on_time_rate: row.onTimeRate ?? null,
              tasks: row.tasks, done: row.done, red: row.red, completion_rate: row.completionRate ?? null, ...scoreJson(row.score),
            })),
          },
        }
      : {}),
  };
}
