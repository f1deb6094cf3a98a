// What the editing commands share: finding the task, the edit context, names as clerks write
// them, turning a refused edit into a message, and the confirmation lines.
import type { Finding } from '../core/checks.js';
import { idFromFile } from '../core/checks.js';
import type { Problem } from '../core/problems.js';
import { leadNames, matchName, unitNames } from '../core/roster.js';
import { nearest, nearestIds } from '../core/suggest.js';
import type { LoadedTask, Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import { sanitize } from '../render/text.js';
import { EditRefused, editTask, type Change, type EditContext, type EditResult } from '../store/edit.js';
import type { Plan } from '../store/load.js';
import { validateTask } from '../store/schema.js';
import { note, say } from './output.js';

export interface EditOptions {
  /** false with --no-commit */
  commit: boolean;
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

/** The edit context of the store for this plan and session. */
export function editContext(session: Session, plan: Plan, options: EditOptions): EditContext {
  return {
    root: plan.root,
    config: plan.config,
    others: plan.tasks,
    commit: options.commit && plan.config.commit,
    nowMs: () => session.io.now().getTime(),
    pid: session.io.pid,
    isAlive: session.io.isAlive ?? (() => true),
    explain: (file, text) => explain(session, file, text),
    place: (file, text, findings) => place(session, file, text, findings),
  };
}

export function findTask(session: Session, plan: Plan, id: string): LoadedTask {
  const wanted = id.trim();
  const found = plan.tasks.find((t) => t.task.id === wanted);
  if (found) return found;
  const broken = plan.unreadable.find((f) => idFromFile(f) === wanted);
  if (broken) {
    const lines = plan.problems.filter((p) => p.file === broken).map((p) => sanitize(formatProblem(p, session.m)));
    throw new UserError([session.m.edit.unreadable(broken), ...lines].join('\n'), EXIT.DATA);
  }
  const office = plan.config.plans?.find((p) => wanted.startsWith(`${p.office}/`));
  if (office) throw new UserError(session.m.rollup.foreign(wanted, office.office));
  throw new UserError(session.m.edit.unknownId(wanted, nearestIds(wanted, plan.tasks.map((t) => t.task.id))));
}

/** A unit or official as typed: exact, or a unique part of a known name; otherwise kept as written, with a note. */
function readName(session: Session, names: string[], value: string, warn: (name: string, suggestion: string | undefined) => string): string {
  const match = matchName(value, names);
  if (match.ok) return match.name;
  note(session, warn(value, nearest(value, names, 1)[0]));
  return value.trim();
}

export function readUnit(session: Session, plan: Plan, value: string): string {
  return readName(session, unitNames(plan.config.roster, plan.tasks.map((t) => t.task)), value, session.m.edit.unknownUnit);
}

export function readLead(session: Session, plan: Plan, value: string): string {
  return readName(session, leadNames(plan.config.roster, plan.tasks.map((t) => t.task)), value, session.m.edit.unknownLead);
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

/** Runs an edit and says how it went; a refused edit becomes a message and an exit code. */
export async function runEdit(
  session: Session,
  plan: Plan,
  options: EditOptions,
  target: LoadedTask,
  change: (task: Task) => Change,
  confirm: (result: EditResult) => string,
): Promise<number> {
  let result: EditResult;
  try {
    result = await editTask(editContext(session, plan, options), target.file, target.task.id, change);
  } catch (error) {
    throw refusal(session, target.file, error);
  }
  say(session, confirm(result));
  sayUncommitted(session, result);
  return EXIT.OK;
}

/** When the change was saved but not committed, says why (unless --quiet). */
export function sayUncommitted(session: Session, result: { committed: boolean; versioned: boolean }): void {
  if (!result.committed && !session.flags.quiet) session.io.stderr.write(`${result.versioned ? session.m.edit.uncommitted : session.m.edit.notVersioned}\n`);
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
