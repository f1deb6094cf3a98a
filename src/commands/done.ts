// tasks done ID [--on D] [--note TEXT]: mark a task done (办结), with its completion date.
import { diffDays, type IsoDate } from '../core/dates.js';
import { dateOrderIndex, leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export interface DoneOptions extends EditOptions {
  id: string;
  on: IsoDate;
  note: string | undefined;
}

export async function runDone(options: DoneOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  if (target.task.status === 'done') throw new UserError(m.edit.alreadyDone(target.task.id, target.task.done_on ?? ''));
  const date = options.on;
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const ops: EditOp[] = [
        { op: 'set', path: ['status'], value: 'done' },
        { op: 'set', path: ['done_on'], value: date },
      ];
      if (options.note) {
        const value = { date, note: options.note.trim(), percent: 100, by: leadUnitOf(task) };
        ops.unshift({ op: 'insert', path: ['progress'], index: dateOrderIndex(task.progress ?? [], date, (p) => p.date), value });
      }
      return { ops, message: commitMessage(m.edit.doneCommit(task.id, short(task.title), date), { command: 'done', task: task.id }) };
    },
    (r) => m.edit.doneOk(r.task.id, date, Math.max(0, diffDays(date, r.task.deadline))),
  );
}
