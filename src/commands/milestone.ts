// tasks milestone ID add TITLE --due D | tasks milestone ID done TITLE|NUMBER [--on D]: 节点目标.
import { parseDeadline, yearOf, type IsoDate } from '../core/dates.js';
import { dateOrderIndex, startOf, type Task } from '../core/task.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, pickIndex, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';

export interface MilestoneOptions extends EditOptions {
  id: string;
  action: string;
  /** the milestone's title, or for done its number */
  which: string;
  /** --due as written: a date or a deadline phrase */
  due: string | undefined;
  on: IsoDate;
}

export async function runMilestone(options: MilestoneOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  const title = options.which.trim();
  if (options.action === 'add') {
    if (!options.due) throw new UserError(m.edit.needDue);
    const year = plan.config.year ?? yearOf(target.task.deadline);
    const due = parseDeadline(options.due, year);
    if (!due) throw new UserError(m.edit.badDeadline(options.due, year));
    return runEdit(
      session,
      plan,
      options,
      target,
      (task) => ({
        ops: [{ op: 'insert', path: ['milestones'], index: dateOrderIndex(task.milestones ?? [], due.date, (ms) => ms.due), value: { title, due: due.date, ...addedOn(task, session.asOf) } }],
        message: commitMessage(m.edit.milestoneAddCommit(task.id, short(title), due.date), { command: 'milestone', task: task.id }),
      }),
      (r) => m.edit.milestoneAdded(r.task.id, title, due.date),
    );
  }
  if (options.action !== 'done') throw new UserError(m.edit.badMilestoneAction(options.action));
  const date = options.on;
  const titles = (target.task.milestones ?? []).map((ms) => ms.title);
  const pick = (list: string[]) => pickIndex(list, title, true);
  const index = pick(titles);
  if (index < 0 || title === '') {
    const several = titles.filter((t) => title !== '' && t.includes(title));
    throw new UserError(several.length > 1 ? m.edit.ambiguousMilestone(title, several) : m.edit.unknownMilestone(target.task.id, title, titles));
  }
  const chosen = target.task.milestones![index]!;
  if (chosen.done_on) throw new UserError(m.edit.milestoneAlreadyDone(chosen.title, chosen.done_on));
  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const i = pick((task.milestones ?? []).map((ms) => ms.title));
      if (i < 0) throw new UserError(m.edit.unknownMilestone(task.id, title, titles));
      return {
        ops: [{ op: 'set', path: ['milestones', i, 'done_on'], value: date }],
        message: commitMessage(m.edit.milestoneDoneCommit(task.id, short(chosen.title), date), { command: 'milestone', task: task.id }),
      };
    },
    (r) => m.edit.milestoneDone(r.task.id, chosen.title, date),
  );
}

/**
 * A milestone set in the course of the work carries the day it was added, so that views of the
 * days before do not count it; one set before the work starts belongs to the plan from its start.
 */
function addedOn(task: Task, date: IsoDate): { added?: IsoDate } {
  const started = task.status !== 'not_started' || (task.progress ?? []).some((p) => p.date <= date);
  return started || date > startOf(task) ? { added: date } : {};
}
