// tasks target ID add NAME --target N [--unit U] [--max] | rename NAME NEW | remove NAME |
// set NAME --actual N [--date D] [--note T]: the quantified targets (量化指标) of a task. Names are
// unique within a task; a reported value is dated, so that past views see the value of their day.
// `tasks target ID NAME --actual N` is short for set.
import type { IsoDate } from '../core/dates.js';
import { currentActual, pickTargets } from '../core/targets.js';
import { dateOrderIndex, type LoadedTask, type Target, type Task } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export type TargetAction = 'add' | 'rename' | 'remove' | 'set';
const ACTIONS: readonly string[] = ['add', 'rename', 'remove', 'set'];

export interface TargetOptions extends EditOptions {
  id: string;
  /** the action, or (for the short form) the target's name */
  action: string;
  /** what follows: the name, and for rename the new name */
  args: string[];
  actual: number | undefined;
  /** --target: the value to reach, for add */
  value: number | undefined;
  unit: string | undefined;
  /** --max: a ceiling (控制在……以内) rather than a floor */
  max: boolean;
  /** when the actual value was reported */
  date: IsoDate;
  note: string | undefined;
}

export async function runTarget(options: TargetOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  const shortForm = !ACTIONS.includes(options.action);
  if (shortForm && options.actual === undefined) {
    throw new UserError(/^[a-z]+$/.test(options.action) ? m.targets.badAction(options.action) : m.edit.needActual);
  }
  const action = (shortForm ? 'set' : options.action) as TargetAction;
  const [name = '', newName = ''] = shortForm ? [options.action, ...options.args] : options.args;
  const names = (task: Task) => (task.targets ?? []).map((t) => t.name);

  if (action === 'add') {
    const wanted = name.trim();
    if (wanted === '' || options.value === undefined) throw new UserError(m.targets.needValue);
    if (names(target.task).includes(wanted)) throw new UserError(m.targets.exists(target.task.id, wanted));
    const value: Target = { name: wanted, target: options.value, ...(options.unit ? { unit: options.unit.trim() } : {}), ...(options.max ? { direction: 'max' as const } : {}) };
    const shown = `${options.max ? '≤' : ''}${options.value}${value.unit ?? ''}`;
    return runEdit(
      session, plan, options, target,
      (task) => {
        if (names(task).includes(wanted)) throw new UserError(m.targets.exists(task.id, wanted));
        return {
          ops: [{ op: 'insert', path: ['targets'], index: (task.targets ?? []).length, value }],
          message: commitMessage(m.targets.addCommit(task.id, short(wanted), shown), { command: 'target', task: task.id }),
        };
      },
      (r) => m.targets.added(r.task.id, wanted, shown),
    );
  }

  const chosen = pickOne(session, target, name);
  const old = target.task.targets![chosen]!;
  // under the lock the task is read again: find the same target there, by name and its place among those of that name
  const again = (task: Task) => {
    const list = names(task);
    const nth = names(target.task).slice(0, chosen).filter((n) => n === old.name).length;
    const i = list.flatMap((n, k) => (n === old.name ? [k] : []))[nth];
    if (i === undefined) throw new UserError(m.edit.unknownTarget(task.id, name, list));
    return i;
  };

  if (action === 'rename') {
    const wanted = newName.trim();
    if (wanted === '') throw new UserError(m.targets.needNewName);
    if (names(target.task).includes(wanted)) throw new UserError(m.targets.exists(target.task.id, wanted));
    return runEdit(
      session, plan, options, target,
      (task) => {
        if (names(task).includes(wanted)) throw new UserError(m.targets.exists(task.id, wanted));
        return {
          ops: [{ op: 'set', path: ['targets', again(task), 'name'], value: wanted }],
          message: commitMessage(m.targets.renameCommit(task.id, short(old.name), short(wanted)), { command: 'target', task: task.id }),
        };
      },
      (r) => m.targets.renamed(r.task.id, old.name, wanted),
    );
  }

  if (action === 'remove') {
    return runEdit(
      session, plan, options, target,
      (task) => ({
        ops: [(task.targets ?? []).length === 1 ? { op: 'delete', path: ['targets'] } : { op: 'delete', path: ['targets', again(task)] }],
        message: commitMessage(m.targets.removeCommit(task.id, short(old.name)), { command: 'target', task: task.id }),
      }),
      (r) => m.targets.removed(r.task.id, old.name),
    );
  }

  const { actual } = options;
  if (actual === undefined) throw new UserError(m.edit.needActual);
  const unit = old.unit ?? '';
  const previous = currentActual(old);
  const before = previous === undefined ? m.edit.empty : `${previous}${unit}`;
  const entry = { date: options.date, value: actual, ...(options.note?.trim() ? { note: options.note.trim() } : {}) };
  return runEdit(
    session, plan, options, target,
    (task) => {
      const i = again(task);
      const list = task.targets![i]!.actuals ?? [];
      const ops: EditOp[] = [{ op: 'insert', path: ['targets', i, 'actuals'], index: dateOrderIndex(list, options.date, (a) => a.date), value: entry }];
      return { ops, message: commitMessage(m.targets.reportCommit(task.id, short(old.name), `${actual}${unit}`, options.date), { command: 'target', task: task.id }) };
    },
    (r) => m.targets.reported(r.task.id, old.name, before, `${actual}${unit}`, options.date),
  );
}

/** The one target a clerk means, or a refusal naming the candidates. */
function pickOne(session: Session, target: LoadedTask, wanted: string): number {
  const { m } = session;
  const names = (target.task.targets ?? []).map((t) => t.name);
  const found = pickTargets(names, wanted);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new UserError(m.edit.unknownTarget(target.task.id, wanted, names));
  throw new UserError(m.targets.ambiguous(target.task.id, wanted, found.map((i) => ({ no: i + 1, name: names[i]! }))));
}
