// tasks reject ID --reason TEXT: send a unit's report that a task is finished back (退回); the
// task stays open and the decision is kept with its date and reason.
import { openRequest } from '../core/review.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';

export interface RejectOptions extends EditOptions {
  id: string;
  reason: string | undefined;
}

export async function runReject(options: RejectOptions, plan: Plan, session: Session): Promise<number> {
  const { m, asOf } = session;
  const f = m.feedback;
  const reason = options.reason?.trim();
  if (!reason) throw new UserError(f.needReason);
  const target = findTask(session, plan, options.id);
  if (!openRequest(target.task, asOf)) throw new UserError(f.noRequest(target.task.id));
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const request = openRequest(task, asOf);
      if (!request) return { ops: [], message: '' };
      const at = ['completion_requests', request.index];
      return {
        ops: [
          { op: 'set', path: [...at, 'decision'], value: 'rejected' },
          { op: 'set', path: [...at, 'decided'], value: asOf },
          { op: 'set', path: [...at, 'reason'], value: reason },
        ],
        message: commitMessage(f.rejectCommit(task.id, short(task.title), short(reason)), { command: 'reject', task: task.id }),
      };
    },
    (r) => f.rejected(r.task.id, reason),
  );
}
