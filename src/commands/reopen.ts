// tasks reopen ID: a task marked done by mistake, or sent back by the office, is open again.
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';

export interface ReopenOptions extends EditOptions {
  id: string;
}

export async function runReopen(options: ReopenOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  if (target.task.status !== 'done') throw new UserError(m.edit.notDone(target.task.id));
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => ({
      ops: [
        { op: 'set', path: ['status'], value: 'in_progress' },
        { op: 'delete', path: ['done_on'] },
      ],
      message: commitMessage(m.edit.reopenCommit(task.id, short(task.title)), { command: 'reopen', task: task.id }),
    }),
    (r) => m.edit.reopenOk(r.task.id),
  );
}
