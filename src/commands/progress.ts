// tasks progress ID "note" [--date D] [--percent P] [--by UNIT] [--problems T] [--next T]: a feedback
// entry (旬调度反馈) with the three parts of every office's form: 进展情况, 存在问题, 下步打算.
import { dateOrderIndex, leadUnitOf, type ProgressEntry } from '../core/task.js';
import type { Session } from '../context.js';
import { findTask, readUnit, runEdit, type EditOptions } from '../cli/edit.js';
import { typedPeriod } from '../cli/options.js';
import type { IsoDate } from '../core/dates.js';
import { periodKey } from '../core/periods.js';
import { UserError } from '../errors.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export interface ProgressOptions extends EditOptions {
  id: string;
  note: string;
  date: IsoDate;
  percent: number | undefined;
  /** the reporting unit as typed; the lead unit when not given */
  by: string | undefined;
  /** 存在问题 */
  problems: string | undefined;
  /** 下步打算 */
  next: string | undefined;
  /** the feedback period answered (a late report for an earlier period), as typed */
  period: string | undefined;
}

export async function runProgress(options: ProgressOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  const by = options.by !== undefined ? readUnit(session, plan, options.by) : leadUnitOf(target.task);
  const text = options.note.trim();
  const { date, percent } = options;
  let period: string | undefined;
  if (options.period !== undefined) {
    const parsed = typedPeriod(session, plan, options.period, plan.config.feedback.cycle);
    if (!parsed.ok) throw new UserError(m.periods.problem(parsed.problem));
    period = periodKey(parsed.period);
  }
  const problems = options.problems?.trim() || undefined;
  const next = options.next?.trim() || undefined;
  let started = false;
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const entry: ProgressEntry = {
        date,
        note: text,
        ...(percent !== undefined ? { percent } : {}),
        ...(by ? { by } : {}),
        ...(problems ? { problems } : {}),
        ...(next ? { next_steps: next } : {}),
        ...(period ? { period } : {}),
      };
      const ops: EditOp[] = [{ op: 'insert', path: ['progress'], index: dateOrderIndex(task.progress ?? [], date, (p) => p.date), value: entry }];
      started = task.status === 'not_started';
      if (started) ops.push({ op: 'set', path: ['status'], value: 'in_progress' });
      return { ops, message: commitMessage(m.edit.progressCommit(task.id, short(text), by), { command: 'progress', task: task.id }) };
    },
    (r) => `${m.edit.progressAdded(r.task.id, date, short(text, 60))}${started ? m.edit.startedNote : ''}`,
  );
}
