// tasks reopen ID [--reason R]: a task marked done by mistake, or sent back by the office, is open
// again. The reopening is dated and keeps the completion date it undoes, so that a view of a day
// before it still sees the task done.
import { dateOrderIndex } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';

export interface ReopenOptions extends EditOptions {
  id: string;
  reason: string | undefined;
}

export async function runReopen(options: ReopenOptions, plan: Plan, session: Session): Promise<number> {
  const { m, asOf } = session;
  const target = findTask(session, plan, options.id);
  if (target.task.status !== 'done') throw new UserError(m.edit.notDone(target.task.id));
  const doneOn = target.task.done_on;
  if (doneOn !== undefined && asOf < doneOn) throw new UserError(m.edit.reopenBeforeDone(target.task.id, doneOn, asOf));
  const reason = options.reason?.trim();
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const change = { date: asOf, from: 'done', to: 'in_progress', ...(reason ? { reason } : {}), ...(task.done_on !== undefined ? { done_on: task.done_on } : {}) };
      return {
        ops: [
          { op: 'set', path: ['status'], value: 'in_progress' },
          { op: 'delete', path: ['done_on'] },
          { op: 'insert', path: ['status_changes'], index: dateOrderIndex(task.status_changes ?? [], asOf, (c) => c.date), value: change },
        ],
        message: commitMessage(m.edit.reopenCommit(task.id, short(task.title), reason), { command: 'reopen', task: task.id }),
      };
    },
    (r) => m.edit.reopenOk(r.task.id),
  );
}
