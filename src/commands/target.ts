// tasks target ID NAME --actual N: the actual value of a quantified target (量化指标).
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { commitMessage, findTask, openForEdit, pickIndex, runEdit, type EditOptions } from './editing.js';

export interface TargetOptions extends EditOptions {
  actual?: string;
}

export async function run(session: Session, [id, name]: string[], opts: TargetOptions): Promise<number> {
  const { m } = session;
  const opened = await openForEdit(session, opts);
  const target = findTask(session, opened.plan, id);
  if (opts.actual === undefined) throw new UserError(m.edit.needActual);
  const actual = Number(opts.actual.replace(/%$/, ''));
  if (opts.actual.trim() === '' || !Number.isFinite(actual)) throw new UserError(m.edit.badNumber(opts.actual));
  const wanted = (name ?? '').trim();
  const names = (target.task.targets ?? []).map((t) => t.name);
  const index = (list: string[]) => pickIndex(list, wanted, false);
  const i = index(names);
  if (i < 0 || wanted === '') throw new UserError(m.edit.unknownTarget(target.task.id, wanted, names));
  const t = target.task.targets![i]!;
  const unit = t.unit ?? '';
  const before = t.actual === undefined ? m.edit.empty : `${t.actual}${unit}`;
  return runEdit(
    session,
    opened,
    target,
    (task) => {
      const j = index((task.targets ?? []).map((x) => x.name));
      return {
        ops: [{ op: 'set', path: ['targets', j, 'actual'], value: actual }],
        message: commitMessage(m.edit.targetCommit(task.id, t.name, `${actual}${unit}`), 'target', task.id),
      };
    },
    (r) => m.edit.targetSet(r.task.id, t.name, before, `${actual}${unit}`),
  );
}
