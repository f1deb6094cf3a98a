// tasks progress ID "note" [--date D] [--percent P] [--by UNIT]: a feedback entry (旬调度反馈).
import type { ProgressEntry } from '../core/task.js';
import { leadUnitOf } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import type { EditOp } from '../store/yaml-edit.js';
import { commitMessage, findTask, openForEdit, readPastDate, readUnit, runEdit, short, type EditOptions } from './editing.js';

export interface ProgressOptions extends EditOptions {
  date?: string;
  percent?: string;
  by?: string;
}

export async function run(session: Session, [id, note]: string[], opts: ProgressOptions): Promise<number> {
  const { m } = session;
  const opened = await openForEdit(session, opts);
  const target = findTask(session, opened.plan, id);
  const date = readPastDate(session, '--date', opts.date, opened.today);
  let percent: number | undefined;
  if (opts.percent !== undefined) {
    percent = Number(opts.percent.replace(/%$/, ''));
    if (opts.percent.trim() === '' || !Number.isFinite(percent) || percent < 0 || percent > 100) throw new UserError(m.edit.badPercent(opts.percent));
  }
  const by = opts.by !== undefined ? readUnit(session, opened.plan, opts.by) : leadUnitOf(target.task);
  const text = (note ?? '').trim();
  let started = false;
  return runEdit(
    session,
    opened,
    target,
    (task) => {
      const entry: ProgressEntry = { date, note: text, ...(percent !== undefined ? { percent } : {}), ...(by ? { by } : {}) };
      // entries stay oldest first: a late report of an earlier date goes before the later ones
      const list = task.progress ?? [];
      let index = list.length;
      while (index > 0 && list[index - 1]!.date > date) index--;
      const ops: EditOp[] = [{ op: 'insert', path: ['progress'], index, value: entry }];
      started = task.status === 'not_started';
      if (started) ops.push({ op: 'set', path: ['status'], value: 'in_progress' });
      return { ops, message: commitMessage(m.edit.progressCommit(task.id, short(text), by), 'progress', task.id) };
    },
    (r) => `${m.edit.progressAdded(r.task.id, date, short(text, 60))}${started ? m.edit.startedNote : ''}`,
  );
}
