// A task with its light, worded for people (reasons) and for programs (the JSON contract).
import { monthDay } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { Reason } from '../core/light.js';
import { leadsOf, leadUnitOf, originalDeadline, type ProgressEntry } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { Paint } from './color.js';
import { periodKey, periodLabel } from '../core/periods.js';

export function reasonText(reason: Reason, m: Messages): string {
  const r = m.reasons;
  switch (reason.kind) {
    case 'overdue':
      return r.overdue(reason.deadline, reason.days);
    case 'milestone_overdue':
      return r.milestone_overdue(reason.title, reason.due, reason.days);
    case 'due_soon':
      return r.due_soon(reason.deadline, reason.days);
    case 'milestone_due_soon':
      return r.milestone_due_soon(reason.title, reason.due, reason.days);
    case 'behind':
      return r.behind(reason.percent, reason.elapsed, reason.reported);
    case 'done_late':
      return r.done_late(reason.doneOn, reason.deadline, reason.days);
    case 'done':
      return r.done(reason.doneOn);
    case 'suspended':
      return r.suspended;
    case 'cancelled':
      return r.cancelled;
  }
}

/** Why the task has its light, in one line; green tasks say they are on schedule. A completion awaiting review comes first. */
export function whyText(e: Evaluated, m: Messages): string {
  const why = e.result.reasons.length ? e.result.reasons.map((r) => reasonText(r, m)).join('；') : m.reasons.green;
  return e.review ? `${reviewText(e, m)}；${why}` : why;
}

/** 待销号（区发改委 2020-09-28 报称 2020-09-27 办结）, or nothing when no completion awaits review. */
export function reviewText(e: Evaluated, m: Messages): string {
  const r = e.review;
  return r ? m.feedback.awaitingWhy(r.by, r.date, r.done_on) : '';
}

/** The light's word, with 待销号 beside it while a reported completion awaits review. */
export function lightText(e: Evaluated, m: Messages): string {
  return e.review ? `${m.light[e.result.light]} ${m.feedback.awaiting}` : m.light[e.result.light];
}

/** The status's word, with （待销号） while a reported completion awaits review. */
export function statusText(e: Evaluated, m: Messages): string {
  return e.review ? m.feedback.awaitingStatus(m.status[e.result.status]) : m.status[e.result.status];
}

/**
 * The JSON form of a task in every view (`--format json`). Field names are a stable contract,
 * documented in the README: add fields, never rename or remove them.
 */
export function taskJson(e: Evaluated, m: Messages) {
  const { task, result } = e;
  return {
    id: task.id,
    ...(e.office === undefined ? {} : { office: e.office }),
    title: task.title,
    section: task.section ?? null,
    point: task.point ?? null,
    lead: leadsOf(task),
    units: task.units,
    lead_unit: leadUnitOf(task),
    deadline: result.deadline,
    deadline_text: task.deadline_text ?? null,
    original_deadline: originalDeadline(task),
    status: task.status,
    status_as_of: result.status,
    done_on: result.doneOn ?? null,
    light: result.light,
    reasons: result.reasons.map((r) => ({ ...snakeKeys(r), text: reasonText(r, m) })),
    days_overdue: result.daysOverdue,
    deadline_days_overdue: result.deadlineDaysOverdue,
    original_days_overdue: result.originalDaysOverdue,
    overdue_milestones: result.overdueMilestones.map((ms) => ({ title: ms.title, due: ms.due, days_overdue: ms.days })),
    percent: result.percent ?? null,
    elapsed_percent: result.elapsed,
    latest_progress: feedbackJson(result.latest),
    awaiting_review: e.review ? { date: e.review.date, by: e.review.by ?? null, done_on: e.review.done_on, period: e.review.period ?? null } : null,
    feedback_overdue: e.stale ? { period: periodKey(e.stale.period), label: periodLabel(e.stale.period, m.lang), due: e.stale.due } : null,
    tags: task.tags ?? [],
    file: e.file,
  };
}

function snakeKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
}

/** The grey marker beside a light when the lead unit's feedback is overdue (未按期反馈), or ''. */
export function staleMark(e: Evaluated, m: Messages): string {
  return e.stale ? m.views.stale : '';
}

/** A light's word followed by the stale marker when there is one. */
export function withStale(text: string, e: Evaluated, m: Messages): string {
  return e.stale ? `${text} ${m.views.stale}` : text;
}

/** A cell's text with its light (or other) part painted by `base` and the stale marker in grey. */
export function paintStale(text: string, m: Messages, paint: Paint, base: (s: string) => string): string {
  const at = text.indexOf(m.views.stale);
  if (at < 0) return base(text);
  return base(text.slice(0, at)) + paint.gray(text.slice(at, at + m.views.stale.length)) + text.slice(at + m.views.stale.length);
}

/** A feedback entry's three parts, one to a line: 进展情况, then 存在问题 and 下步打算 when given. */
export function feedbackText(entry: ProgressEntry, m: Messages): string {
  const lines = [entry.note];
  if (entry.problems) lines.push(`${m.fields.problems}：${entry.problems}`);
  if (entry.next_steps) lines.push(`${m.fields.next_steps}：${entry.next_steps}`);
  return lines.join('\n');
}

/**
 * A feedback entry in one table cell, for reports and notices printed on A4: its date (month and
 * day), the percent reported and the note on the first line, then 存在问题 and 下步打算 one to a line.
 */
export function feedbackCell(entry: ProgressEntry | undefined, m: Messages): string {
  if (!entry) return '';
  return `${monthDay(entry.date)}${entry.percent === undefined ? '' : ` ${entry.percent}%`} ${feedbackText(entry, m)}`;
}

/** A feedback entry in the JSON contracts of the reports: the same keys as a view's `latest_progress`. */
export function feedbackJson(entry: ProgressEntry | undefined) {
  return entry
    ? { date: entry.date, note: entry.note, percent: entry.percent ?? null, by: entry.by ?? null, problems: entry.problems ?? null, next_steps: entry.next_steps ?? null }
    : null;
}

/** Whether a view of these tasks needs an office column: they come from a roll-up of several plans. */
export function fromSeveralPlans(items: readonly Evaluated[]): boolean {
  return items.some((e) => e.office !== undefined);
}

/** The latest feedback in one cell: its date (month and day) and note. */
export function latestCell(e: Evaluated): string {
  const latest = e.result.latest;
  return latest ? `${monthDay(latest.date)} ${latest.note}` : '';
}
