// tasks reopen ID: a task marked done by mistake, or sent back by the office, is open again.
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { commitMessage, findTask, openForEdit, runEdit, short, type EditOptions } from './editing.js';

export async function run(session: Session, [id]: string[], opts: EditOptions): Promise<number> {
  const { m } = session;
  const opened = await openForEdit(session, opts);
  const target = findTask(session, opened.plan, id);
  if (target.task.status !== 'done') throw new UserError(m.edit.notDone(target.task.id));
  return runEdit(
    session,
    opened,
    target,
    (task) => ({
      ops: [
        { op: 'set', path: ['status'], value: 'in_progress' },
        { op: 'delete', path: ['done_on'] },
      ],
      message: commitMessage(m.edit.reopenCommit(task.id, short(task.title)), 'reopen', task.id),
    }),
    (r) => m.edit.reopenOk(r.task.id),
  );
}
