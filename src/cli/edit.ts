// What the editing commands share: finding the task, the edit context, names as clerks write
// them, turning a refused edit into a message, and the confirmation lines.
import type { Finding } from '../core/checks.js';
import { idFromFile } from '../core/checks.js';
import type { Problem } from '../core/problems.js';
import { leadNames, resolveName, unitNames } from '../core/roster.js';
import { nearestIds } from '../core/suggest.js';
import { UNASSIGNED, type LoadedTask, type Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { problemText } from '../render/problem.js';
import { EditRefused, editTask, type Change, type EditContext, type EditResult } from '../store/edit.js';
import type { Plan } from '../store/load.js';
import type { ParseResult } from '../store/parse.js';
import { validateTask } from '../store/schema.js';
import { note, say } from './output.js';

export interface EditOptions {
  /** false with --no-commit */
  commit: boolean;
}

/** The full parse of a task text, with its problems worded (loads the slow parser only now). */
async function parseFull(session: Session, file: string, text: string): Promise<ParseResult> {
  const [d, sp] = await Promise.all([import('../store/diagnose.js'), import('../store/schema-problems.js')]);
  return d.diagnose(file, text, validateTask, sp.schemaProblems('task', validateTask, session.m));
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
    checkpoint: session.io.checkpoint,
    parseFull: (file, text) => parseFull(session, file, text),
    place: (file, text, findings) => place(session, file, text, findings),
  };
}

export function findTask(session: Session, plan: Plan, id: string): LoadedTask {
  const wanted = id.trim();
  const found = plan.tasks.find((t) => t.task.id === wanted);
  if (found) return found;
  const broken = plan.unreadable.find((f) => idFromFile(f) === wanted);
  if (broken) {
    const lines = plan.problems.filter((p) => p.file === broken).map((p) => problemText(p, session.m));
    throw new UserError([session.m.edit.unreadable(broken), ...lines].join('\n'), EXIT.DATA);
  }
  const office = plan.config.plans?.find((p) => wanted.startsWith(`${p.office}/`));
  if (office) throw new UserError(session.m.rollup.foreign(wanted, office.office));
  throw new UserError(session.m.edit.unknownId(wanted, nearestIds(wanted, plan.tasks.map((t) => t.task.id))));
}

/**
 * A unit or official as typed: a known name (exact, or the only one it starts with or is part of);
 * refused with the candidates when it fits several or is a near-miss of one (分管城建 beside
 * 分管城建副区长); else a new name, as written.
 */
function resolve(session: Session, known: string[], value: string, what: string): { name: string; known: boolean } {
  if (value.trim() === UNASSIGNED) return { name: UNASSIGNED, known: true };
  const found = resolveName(value, known.filter((n) => n !== UNASSIGNED));
  if (!found.ok) {
    const say = found.reason === 'ambiguous' ? session.m.names.ambiguous : session.m.names.near;
    throw new UserError(say(what, value.trim(), found.candidates));
  }
  return found;
}

export function resolveLead(session: Session, plan: Plan, value: string): { name: string; known: boolean } {
  return resolve(session, leadNames(plan.config.roster, plan.tasks.map((t) => t.task)), value, session.m.names.lead);
}

export function resolveUnit(session: Session, plan: Plan, value: string): { name: string; known: boolean } {
  return resolve(session, unitNames(plan.config.roster, plan.tasks.map((t) => t.task)), value, session.m.names.unit);
}

// a new name is noted once per run, however many tasks it is given to
const noted = new WeakMap<Session, Set<string>>();

function noteNew(session: Session, found: { name: string; known: boolean }, warn: (name: string, suggestion: string | undefined) => string): string {
  const seen = noted.get(session) ?? new Set<string>();
  noted.set(session, seen);
  if (!found.known && !seen.has(found.name)) {
    seen.add(found.name);
    note(session, warn(found.name, undefined));
  }
  return found.name;
}

/** An official as typed (see resolve); a new one is kept as written, with a note. */
export function readLead(session: Session, plan: Plan, value: string): string {
  return noteNew(session, resolveLead(session, plan, value), session.m.edit.unknownLead);
}

/** A unit as typed (see resolve); a new one is kept as written, with a note. */
export function readUnit(session: Session, plan: Plan, value: string): string {
  return noteNew(session, resolveUnit(session, plan, value), session.m.edit.unknownUnit);
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
  sayEditNotes(session, result);
  return EXIT.OK;
}

/** Files an interrupted edit had left, now put back; and when the change was saved but not committed, why (unless --quiet). */
export function sayEditNotes(session: Session, result: EditResult): void {
  if (result.recovered.length > 0) note(session, session.m.trail.recovered(result.recovered));
  sayUncommitted(session, result);
}

/** When the change was saved but not committed, says why (unless --quiet). */
export function sayUncommitted(session: Session, result: { committed: boolean; versioned: boolean }): void {
  if (!result.committed && !session.flags.quiet) note(session, result.versioned ? session.m.edit.uncommitted : session.m.edit.notVersioned);
}

export function refusal(session: Session, where: string, error: unknown): unknown {
  if (!(error instanceof EditRefused)) return error;
  const { m } = session;
  const f = error.failure;
  const file = error.file ?? where;
  const list = (problems: Problem[]) => problems.map((p) => problemText(p, m));
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
      return new UserError(m.trail.commitFailed(f.errno ? m.io.reason(f.errno) : m.trail.gitSaid(f.detail), f.status), EXIT.IO);
    case 'repository':
      return new UserError(m.trail.blocked(f.blocker), EXIT.IO);
    case 'nothing_to_do':
      return new UserError(m.edit.nothingToDo, EXIT.USAGE);
  }
}
