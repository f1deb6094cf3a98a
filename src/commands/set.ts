// tasks set ID FIELD VALUE [--reason R] [--date D]: change one field. Moving a deadline records the
// change with the deadline it replaces, approved on --date: a later deadline is an extension (延期),
// an earlier one an advance (提前), so reports can judge lateness against either. A draft not yet
// assigned (待定) gets its first real deadline without any record: that is not a 延期.
import { parseDeadline, yearOf, type IsoDate } from '../core/dates.js';
import { nearest } from '../core/suggest.js';
import { dateOrderIndex, isUnassigned, leadsOf, type Status, type Task } from '../core/task.js';
import { isExactDate, readStatus, splitNames } from '../core/words.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findTask, readLead, readUnit, runEdit, type EditOptions } from '../cli/edit.js';
import { note } from '../cli/output.js';
import { readDate } from '../cli/options.js';
import { deadlineKind, deadlineOps } from '../cli/deadlines.js';
import type { Plan } from '../store/load.js';
import { commitMessage, short } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export interface SetOptions extends EditOptions {
  id: string;
  field: string;
  value: string;
  reason: string | undefined;
  /** when a deadline change was approved (--date), else the session's date */
  approved: IsoDate;
}

const SETTABLE = ['title', 'detail', 'section', 'point', 'lead', 'units', 'deadline', 'deadline_text', 'start', 'status', 'tags'] as const;
type Field = (typeof SETTABLE)[number];

function show(value: unknown, empty: string): string {
  if (value === undefined || value === '') return empty;
  return Array.isArray(value) ? value.join('、') : String(value);
}

export async function runSet(options: SetOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const target = findTask(session, plan, options.id);
  const field = readField(session, options.field);
  const label = m.fields[field] ?? field;
  const text = options.value.trim();
  const year = plan.config.year ?? yearOf(target.task.deadline);

  // what the new value is, read once outside the lock (names may print notes)
  let newValue: unknown;
  let phrase: { date: IsoDate; text: string; exact: boolean } | undefined;
  switch (field) {
    case 'lead': {
      const names = splitNames(text).map((n) => readLead(session, plan, n));
      newValue = names.length === 1 ? names[0] : names;
      break;
    }
    case 'units':
      newValue = splitNames(text).map((n) => readUnit(session, plan, n));
      break;
    case 'tags':
      newValue = splitNames(text);
      break;
    case 'status': {
      const status = readStatus(text);
      if (!status) throw new UserError(m.edit.badStatus(text));
      if (status === 'done') throw new UserError(m.edit.useDone(target.task.id));
      // suspending or cancelling a task is a decision the office must be able to account for
      if ((status === 'suspended' || status === 'cancelled') && !options.reason?.trim()) throw new UserError(m.edit.needStatusReason(m.status[status]));
      newValue = status;
      break;
    }
    case 'deadline': {
      const parsed = parseDeadline(text, year);
      if (!parsed) throw new UserError(m.edit.badDeadline(text, year));
      if (!options.reason?.trim() && !isUnassigned(target.task)) throw new UserError(m.deadline.needReason(target.task.id));
      phrase = { date: parsed.date, text: parsed.text, exact: isExactDate(text) };
      if (!phrase.exact) note(session, m.edit.deadlineResolved(text, parsed.date));
      newValue = parsed.date;
      break;
    }
    case 'start':
      newValue = readDate(m, '--start', text, session.asOf);
      break;
    default:
      newValue = text;
  }
  const before = show(field === 'lead' ? leadsOf(target.task) : target.task[field as keyof Task], m.edit.empty);
  const after = show(newValue, m.edit.empty);
  if (before === after) throw new UserError(m.edit.sameValue(label));
  const reason = options.reason?.trim() || undefined;
  let confirmation: string | undefined;

  return runEdit(
    session,
    plan,
    options,
    target,
    (task) => {
      const ops: EditOp[] = [];
      if (field === 'deadline') {
        const kind = deadlineKind(task, newValue as IsoDate);
        ops.push(...deadlineOps(task, newValue as IsoDate, phrase, { date: options.approved, reason }));
        const summary = m.deadline.commit(task.id, kind, task.deadline, newValue as IsoDate, reason);
        confirmation = m.deadline.done(task.id, kind, task.deadline, newValue as IsoDate, options.approved);
        return { ops, message: commitMessage(summary, { command: 'set', task: task.id }) };
      } else if (field === 'status') {
        ops.push({ op: 'set', path: ['status'], value: newValue });
        if (task.done_on !== undefined) ops.push({ op: 'delete', path: ['done_on'] });
        // dated, so that a view of an earlier day still sees the status of that day
        const change = {
          date: session.asOf,
          from: task.status,
          to: newValue as Status,
          ...(reason ? { reason } : {}),
          ...(task.done_on !== undefined ? { done_on: task.done_on } : {}),
        };
        ops.push({ op: 'insert', path: ['status_changes'], index: dateOrderIndex(task.status_changes ?? [], session.asOf, (c) => c.date), value: change });
      } else if (newValue === '' && field !== 'title') {
        ops.push({ op: 'delete', path: [field] });
      } else {
        ops.push({ op: 'set', path: [field], value: newValue });
      }
      const summary = m.edit.setCommit(task.id, label, short(before, 20), short(after, 20), field === 'status' ? reason : undefined);
      return { ops, message: commitMessage(summary, { command: 'set', task: task.id }) };
    },
    (r) => confirmation ?? m.edit.setOk(r.task.id, label, before, after),
  );
}

/** The field a clerk names: its key (deadline) or its label (完成时限). */
function readField(session: Session, input: string): Field {
  const { m } = session;
  const text = input.trim();
  if ((SETTABLE as readonly string[]).includes(text)) return text as Field;
  const byLabel = SETTABLE.find((f) => m.fields[f] === text);
  if (byLabel) return byLabel;
  const candidates = [...SETTABLE, ...SETTABLE.map((f) => m.fields[f] ?? f)];
  const guess = nearest(text, candidates, 1)[0];
  throw new UserError(m.edit.unknownField(text, guess, SETTABLE.map((f) => `${f}（${m.fields[f]}）`).join('、')));
}
