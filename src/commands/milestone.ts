// tasks milestone ID add TITLE --due D | tasks milestone ID done TITLE|NUMBER [--on D]: 节点目标.
import { parseDeadline } from '../core/dates.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { commitMessage, findTask, openForEdit, pickIndex, readPastDate, runEdit, short, type EditOptions } from './editing.js';

export interface MilestoneOptions extends EditOptions {
  due?: string;
  on?: string;
}

export async function run(session: Session, [id, action, which]: string[], opts: MilestoneOptions): Promise<number> {
  const { m } = session;
  const opened = await openForEdit(session, opts);
  const target = findTask(session, opened.plan, id);
  const title = (which ?? '').trim();
  if (action === 'add') {
    if (!opts.due) throw new UserError(m.edit.needDue);
    const year = opened.plan.config.year ?? Number(target.task.deadline.slice(0, 4));
    const due = parseDeadline(opts.due, year);
    if (!due) throw new UserError(m.edit.badDeadline(opts.due, year));
    return runEdit(
      session,
      opened,
      target,
      (task) => {
        const list = task.milestones ?? [];
        let index = list.length;
        while (index > 0 && list[index - 1]!.due > due.date) index--;
        return {
          ops: [{ op: 'insert', path: ['milestones'], index, value: { title, due: due.date } }],
          message: commitMessage(m.edit.milestoneAddCommit(task.id, short(title), due.date), 'milestone', task.id),
        };
      },
      (r) => m.edit.milestoneAdded(r.task.id, title, due.date),
    );
  }
  if (action !== 'done') throw new UserError(m.edit.badMilestoneAction(action ?? ''));
  const date = readPastDate(session, '--on', opts.on, opened.today);
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
    opened,
    target,
    (task) => {
      const i = pick((task.milestones ?? []).map((ms) => ms.title));
      if (i < 0) throw new UserError(m.edit.unknownMilestone(task.id, title, titles));
      return {
        ops: [{ op: 'set', path: ['milestones', i, 'done_on'], value: date }],
        message: commitMessage(m.edit.milestoneDoneCommit(task.id, short(chosen.title), date), 'milestone', task.id),
      };
    },
    (r) => m.edit.milestoneDone(r.task.id, chosen.title, date),
  );
}
