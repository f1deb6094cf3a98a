// tasks done ID [--on D] [--note TEXT] [--force]: mark a task done (办结), with its completion
// date. When a unit has reported it finished and the report waits for review, this accepts it (销号).
// A task with open milestones or targets not met is closed only when the clerk confirms it on a
// terminal or adds --force, and the commit message says what was still open.
import { diffDays, type IsoDate } from '../core/dates.js';
import { openRequest } from '../core/review.js';
import { targetMet } from '../core/targets.js';
import { dateOrderIndex, leadUnitOf, type Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { findTask, runEdit, type EditOptions } from '../cli/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export interface DoneOptions extends EditOptions {
  id: string;
  /** the completion date; the date the unit reported, or today, when not given */
  on: IsoDate | undefined;
  note: string | undefined;
  /** close it even with open milestones or unmet targets */
  force: boolean;
}

export async function runDone(options: DoneOptions, plan: Plan, session: Session): Promise<number> {
  const { m, asOf } = session;
  const target = findTask(session, plan, options.id);
  if (target.task.status === 'done') throw new UserError(m.edit.alreadyDone(target.task.id, target.task.done_on ?? ''));
  const pending = openRequest(target.task, asOf);
  const date = options.on ?? pending?.done_on ?? asOf;
  const issues = openIssues(target.task, date, m);
  if (issues && !options.force) {
    const answer = session.io.prompt ? await session.io.prompt(m.closing.ask(target.task.id, issues)) : undefined;
    if (answer === undefined) throw new UserError(m.closing.refused(target.task.id, issues));
    if (!/^\s*(y|yes|是|确定|确认)\s*$/i.test(answer)) {
      session.io.stderr.write(`${m.closing.cancelled}\n`);
      return EXIT.DATA;
    }
  }
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
      const note = issues ? m.closing.commitNote(issues) : '';
      const request = openRequest(task, asOf);
      if (request) {
        ops.push({ op: 'set', path: ['completion_requests', request.index, 'decision'], value: 'accepted' }, { op: 'set', path: ['completion_requests', request.index, 'decided'], value: asOf });
        return { ops, message: commitMessage(m.feedback.acceptCommit(task.id, short(task.title), date) + note, { command: 'done', task: task.id }) };
      }
      return { ops, message: commitMessage(m.edit.doneCommit(task.id, short(task.title), date) + note, { command: 'done', task: task.id }) };
    },
    (r) =>
      pending
        ? `${m.feedback.accepted(r.task.id, pending.by, pending.date, pending.done_on)}${date !== pending.done_on ? m.feedback.acceptedOn(date) : ''}`
        : m.edit.doneOk(r.task.id, date, Math.max(0, diffDays(date, r.task.deadline))),
  );
}

/** What is still open when a task is closed on `date`: milestones not done, targets not met (or not reported). */
function openIssues(task: Task, date: IsoDate, m: Messages): string | undefined {
  const milestones = (task.milestones ?? []).filter((ms) => ms.done_on === undefined || ms.done_on > date).map((ms) => ms.title);
  const targets = (task.targets ?? []).filter((t) => targetMet(t, date) !== true).map((t) => t.name);
  const parts = [...(milestones.length ? [m.closing.openMilestones(milestones)] : []), ...(targets.length ? [m.closing.unmetTargets(targets)] : [])];
  return parts.length > 0 ? parts.join('，') : undefined;
}
