// tasks target ID NAME --actual N: the actual value of a quantified target (量化指标).
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, pickIndex, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage } from '../store/trailers.js';

export interface TargetOptions extends EditOptions {
  id: string;
  name: string;
  actual: number | undefined;
}

export async function runTarget(options: TargetOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  const { actual } = options;
  if (actual === undefined) throw new UserError(m.edit.needActual);
  const wanted = options.name.trim();
  const names = (target.task.targets ?? []).map((t) => t.name);
  const index = (list: string[]) => pickIndex(list, wanted, false);
  const i = index(names);
  if (i < 0 || wanted === '') throw new UserError(m.edit.unknownTarget(target.task.id, wanted, names));
  const t = target.task.targets![i]!;
  const unit = t.unit ?? '';
  const before = t.actual === undefined ? m.edit.empty : `${t.actual}${unit}`;
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => ({
      ops: [{ op: 'set', path: ['targets', index((task.targets ?? []).map((x) => x.name)), 'actual'], value: actual }],
      message: commitMessage(m.edit.targetCommit(task.id, t.name, `${actual}${unit}`), { command: 'target', task: task.id }),
    }),
    (r) => m.edit.targetSet(r.task.id, t.name, before, `${actual}${unit}`),
  );
}
