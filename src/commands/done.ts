// tasks done ID [--on D] [--note TEXT]: mark a task done (办结), with its completion date.
import { diffDays } from '../core/dates.js';
import { leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import type { EditOp } from '../store/yaml-edit.js';
import { commitMessage, findTask, openForEdit, readPastDate, runEdit, short, type EditOptions } from './editing.js';

export interface DoneOptions extends EditOptions {
  on?: string;
  note?: string;
}

export async function run(session: Session, [id]: string[], opts: DoneOptions): Promise<number> {
  const { m } = session;
  const opened = await openForEdit(session, opts);
  const target = findTask(session, opened.plan, id);
  if (target.task.status === 'done') throw new UserError(m.edit.alreadyDone(target.task.id, target.task.done_on ?? ''));
  const date = readPastDate(session, '--on', opts.on, opened.today);
  return runEdit(
    session,
    opened,
    target,
    (task) => {
      const ops: EditOp[] = [
        { op: 'set', path: ['status'], value: 'done' },
        { op: 'set', path: ['done_on'], value: date },
      ];
      if (opts.note) {
        const list = task.progress ?? [];
        let index = list.length;
        while (index > 0 && list[index - 1]!.date > date) index--;
        ops.unshift({ op: 'insert', path: ['progress'], index, value: { date, note: opts.note.trim(), percent: 100, by: leadUnitOf(task) } });
      }
      return { ops, message: commitMessage(m.edit.doneCommit(task.id, short(task.title), date), 'done', task.id) };
    },
    (r) => m.edit.doneOk(r.task.id, date, Math.max(0, diffDays(date, r.task.deadline))),
  );
}
