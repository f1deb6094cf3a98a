// A task with its light, worded for people (reasons) and for programs (the JSON contract).
import { monthDay } from '../core/dates.js';
import type { Evaluated } from '../core/evaluate.js';
import type { Reason } from '../core/light.js';
import { leadsOf, leadUnitOf, originalDeadline } from '../core/task.js';
import type { Messages } from '../i18n/index.js';

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

/** Why the task has its light, in one line; green tasks say they are on schedule. */
export function whyText(e: Evaluated, m: Messages): string {
  return e.result.reasons.length ? e.result.reasons.map((r) => reasonText(r, m)).join('；') : m.reasons.green;
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
    deadline: task.deadline,
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
    latest_progress: result.latest
      ? { date: result.latest.date, note: result.latest.note, percent: result.latest.percent ?? null, by: result.latest.by ?? null }
      : null,
    tags: task.tags ?? [],
    file: e.file,
  };
}

function snakeKeys(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
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
