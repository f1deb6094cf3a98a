// What the editing commands share: finding the task, the edit context, dates and names as clerks
// write them, turning a refused edit into a message, and the confirmation lines.
import { parseDateInput, type IsoDate } from '../core/dates.js';
import type { Finding } from '../core/checks.js';
import type { Problem } from '../core/problems.js';
import { matchName, unitNames, leadNames } from '../core/roster.js';
import { nearest, nearestIds } from '../core/suggest.js';
import type { LoadedTask, Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import { sanitize } from '../render/text.js';
import { EditRefused, editTask, type Change, type EditContext, type EditResult } from '../store/edit.js';
import type { Plan } from '../store/load.js';
import { validateTask } from '../store/schema.js';
import { openPlan } from './common.js';
import { tasksOf } from './view.js';

export interface EditOptions {
  commit?: boolean;
}

export interface OpenedEdit {
  plan: Plan;
  today: IsoDate;
  ctx: EditContext;
}

/** Why a text is not a valid task, at line and column (loads the slow parser only now). */
async function explain(session: Session, file: string, text: string): Promise<Problem[]> {
  const [d, sp] = await Promise.all([import('../store/diagnose.js'), import('../store/schema-problems.js')]);
  const result = d.diagnose(file, text, validateTask, sp.schemaProblems('task', validateTask, session.m));
  return result.ok ? [] : result.problems;
}

/** Cross-file findings about a text, at their line and column, worded like the loader's. */
async function place(session: Session, file: string, text: string, findings: readonly Finding[]): Promise<Problem[]> {
  const d = await import('../store/diagnose.js');
  const parsed = d.parseLocated(file, text);
  return findings.map((f) => ({
    file,
    ...(parsed.ok ? d.locate(parsed.located, f.path, { key: f.atKey }) : { line: 1, column: 1 }),
    severity: f.severity,
    code: f.code,
    params: { ...f.params, field: session.m.fieldPath(f.path) },
  }));
}

export async function openForEdit(session: Session, opts: EditOptions): Promise<OpenedEdit> {
  const { plan, asOf } = await openPlan(session);
  return {
    plan,
    // the date edits are judged against: --as-of when given, else today in the plan's time zone
    today: asOf,
    ctx: {
      root: plan.root,
      config: plan.config,
      others: plan.tasks,
      commit: opts.commit !== false && plan.config.commit,
      nowMs: () => session.ctx.now().getTime(),
      pid: session.ctx.pid,
      explain: (file, text) => explain(session, file, text),
      place: (file, text, findings) => place(session, file, text, findings),
    },
  };
}

export function findTask(session: Session, plan: Plan, id: string | undefined): LoadedTask {
  const wanted = (id ?? '').trim();
  const found = plan.tasks.find((t) => t.task.id === wanted);
  if (found) return found;
  const broken = plan.unreadable.find((f) => f.replace(/^.*\//, '').replace(/\.ya?ml$/i, '') === wanted);
  if (broken) {
    const lines = plan.problems.filter((p) => p.file === broken).map((p) => sanitize(formatProblem(p, session.m)));
    throw new UserError([session.m.edit.unreadable(broken), ...lines].join('\n'), EXIT.DATA);
  }
  throw new UserError(session.m.edit.unknownId(wanted, nearestIds(wanted, plan.tasks.map((t) => t.task.id))));
}

/** A date as clerks write it (2020-06-10, 2020年6月10日, today, -3d …), never after `today`. */
export function readPastDate(session: Session, option: string, value: string | undefined, today: IsoDate): IsoDate {
  if (value === undefined) return today;
  const date = parseDateInput(value, today);
  if (!date) throw new UserError(session.m.edit.badDate(option, value));
  if (date > today) throw new UserError(session.m.edit.dateAfterToday(date, today));
  return date;
}

export function readDate(session: Session, option: string, value: string, today: IsoDate): IsoDate {
  const date = parseDateInput(value, today);
  if (!date) throw new UserError(session.m.edit.badDate(option, value));
  return date;
}

/** A unit or official as typed: exact, or a unique part of a known name; otherwise kept as written, with a note. */
function readName(session: Session, names: string[], value: string, note: (name: string, suggestion: string | undefined) => string): string {
  const match = matchName(value, names);
  if (match.ok) return match.name;
  session.ctx.stderr.write(`${note(value, nearest(value, names, 1)[0])}\n`);
  return value.trim();
}

export function readUnit(session: Session, plan: Plan, value: string): string {
  return readName(session, unitNames(plan.config.roster, tasksOf(plan)), value, session.m.edit.unknownUnit);
}

export function readLead(session: Session, plan: Plan, value: string): string {
  return readName(session, leadNames(plan.config.roster, tasksOf(plan)), value, session.m.edit.unknownLead);
}

/** Which item a clerk means: its number (1-based, when `byNumber`), its exact name, or the only name containing the text; -1 if none. */
export function pickIndex(names: readonly string[], wanted: string, byNumber: boolean): number {
  const n = byNumber && /^\d+$/.test(wanted) ? Number(wanted) - 1 : -1;
  if (n >= 0 && n < names.length) return n;
  const exact = names.indexOf(wanted);
  if (exact >= 0) return exact;
  const containing = names.flatMap((name, i) => (name.includes(wanted) ? [i] : []));
  return wanted !== '' && containing.length === 1 ? containing[0]! : -1;
}

/** The commit message: the summary line, a blank line, and trailers that mark the commit as ours. */
export function commitMessage(summary: string, command: string, id: string): string {
  return `${summary.replace(/\s+/g, ' ').trim()}\n\nTasks-Command: ${command}\nTasks-Task: ${id}\n`;
}

/** A note cut short for a commit's summary line. */
export function short(text: string, max = 30): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : one;
}

/** Runs an edit and says how it went; a refused edit becomes a message and an exit code. */
export async function runEdit(
  session: Session,
  opened: OpenedEdit,
  target: LoadedTask,
  change: (task: Task) => Change,
  confirm: (result: EditResult) => string,
): Promise<number> {
  const { m, ctx } = session;
  let result: EditResult;
  try {
    result = await editTask(opened.ctx, target.file, target.task.id, change);
  } catch (error) {
    throw refusal(session, target.file, error);
  }
  if (!session.global.quiet) ctx.stdout.write(`${sanitize(confirm(result))}\n`);
  if (!result.committed && !session.global.quiet) ctx.stderr.write(`${result.versioned ? m.edit.uncommitted : m.edit.notVersioned}\n`);
  return EXIT.OK;
}

export function refusal(session: Session, file: string, error: unknown): unknown {
  if (!(error instanceof EditRefused)) return error;
  const { m } = session;
  const f = error.failure;
  const list = (problems: Problem[]) => problems.map((p) => sanitize(formatProblem(p, m)));
  switch (f.kind) {
    case 'invalid':
      return new UserError([m.edit.invalid(file), ...list(f.problems)].join('\n'), EXIT.DATA);
    case 'unreadable':
      return new UserError([m.edit.unreadable(file), ...list(f.problems)].join('\n'), EXIT.DATA);
    case 'dirty':
      return new UserError(m.edit.dirty(file, f.state), EXIT.DATA);
    case 'no_identity':
      return new UserError(m.edit.noIdentity, EXIT.USAGE);
    case 'busy':
      return new UserError(m.edit.busy(file), EXIT.IO);
    case 'commit_failed':
      return new UserError(m.edit.commitFailed(f.detail), EXIT.IO);
    case 'nothing_to_do':
      return new UserError(m.edit.nothingToDo, EXIT.USAGE);
  }
}
