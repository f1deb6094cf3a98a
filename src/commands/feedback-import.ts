// tasks feedback import FILE… [--period P] [--dry-run]: returned feedback forms into the ledger,
// one commit per form, each row a progress entry of the unit for the period (a second return of
// the same period replaces the first), 是否办结 = 是 a completion request awaiting review.
import { basename, extname } from 'node:path';
import { answeredInTime, obligations } from '../core/feedback.js';
import { parsePeriod, periodLabel, type Period } from '../core/periods.js';
import type { Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { readImportFile } from '../cli/drafts.js';
import { editContext, refusal, sayUncommitted } from '../cli/edit.js';
import { note, say } from '../cli/output.js';
import { answerOps, type Return } from '../import/feedback-entries.js';
import { readForm, type FormProblem, type ReadForm, type RowIssue } from '../import/feedback-form.js';
import { readCells, WorkbookReadError, type RawSheet } from '../import/xlsx-read.js';
import { editTasks, EditRefused, type TaskChange } from '../store/edit.js';
import type { Plan } from '../store/load.js';
import { commitMessage } from '../store/trailers.js';

export interface FeedbackImportOptions {
  /** the returned forms, absolute */
  files: string[];
  period: Period | undefined;
  dryRun: boolean;
  commit: boolean;
}

type Words = Messages['feedback'];

export async function runFeedbackImport(options: FeedbackImportOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const f = m.feedback;
  if (options.files.length === 0) throw new UserError(f.needFile);
  let failed = false;
  for (const file of options.files) {
    const shown = basename(file);
    const sheets = await openForm(session, file, shown, f);
    if (typeof sheets === 'string') {
      note(session, f.refusedForm(shown, sheets));
      failed = true;
      continue;
    }
    const ok = await importForm(session, plan, options, shown, sheets);
    failed ||= !ok;
  }
  return failed ? EXIT.DATA : EXIT.OK;
}

/** The form's sheets, or why the file cannot be one (in the clerk's words). */
async function openForm(session: Session, file: string, shown: string, f: Words): Promise<RawSheet[] | string> {
  const ext = extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = readImportFile(session, file);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  if (ext === '.csv') return f.file.csv();
  try {
    return await readCells(bytes, shown);
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    if (error.kind === 'encrypted') return f.file.encrypted();
    if (ext === '.et') return f.file.et();
    if (error.kind === 'legacy-xls') return f.file.legacy_xls(shown);
    return f.file.corrupt(error.detail || error.message);
  }
}

function where(f: Words, file: string, issue: { sheet?: string; row?: number; column?: string }): string {
  return issue.sheet === undefined ? file : issue.row ? f.place(file, issue.sheet, issue.row, issue.column) : f.placeSheet(file, issue.sheet);
}

function issueText(f: Words, issue: RowIssue): string {
  return (f.row[issue.code] as (...params: ReadonlyArray<string | number>) => string)(...issue.params);
}

function problemText(f: Words, problem: FormProblem): string {
  return (f.file[problem.code] as (...params: ReadonlyArray<string | number>) => string)(...problem.params);
}

/** Reads and writes one form; false when something in it was refused. */
async function importForm(session: Session, plan: Plan, options: FeedbackImportOptions, shown: string, sheets: RawSheet[]): Promise<boolean> {
  const { m, asOf } = session;
  const f = m.feedback;
  const tasks = new Map<string, Task>(plan.tasks.map((t) => [t.task.id, t.task]));
  const result = readForm(sheets, {
    planTitle: plan.config.title || m.exports.csvAll,
    year: plan.config.year,
    tasks,
    asOf,
    period: options.period,
    readPeriod: (key) => {
      const read = parsePeriod(key, plan.config.feedback.cycle);
      return read.ok ? read.period : undefined;
    },
    label: (p) => periodLabel(p, m.lang),
  });
  for (const issue of result.ok ? result.form.issues : result.issues) {
    note(session, issue.level === 'refused' ? f.refusedRow(where(f, shown, issue), issueText(f, issue)) : f.noteRow(where(f, shown, issue), issueText(f, issue)));
  }
  if (!result.ok) {
    const p = result.problem;
    note(session, f.refusedForm(p.sheet === undefined ? shown : where(f, shown, p), problemText(f, p)));
    return false;
  }
  noteLateAnswers(session, plan, shown, result.form, tasks);
  return writeForm(session, plan, options, shown, result.form);
}

/** Each answer judged by the feedback rules against its own reply-by date (a co-unit's may be earlier than the lead unit's). */
function noteLateAnswers(session: Session, plan: Plan, shown: string, form: ReadForm, tasks: ReadonlyMap<string, Task>): void {
  const f = session.m.feedback;
  for (const answer of form.answers) {
    const task = tasks.get(answer.id);
    if (!task) continue;
    const owed = obligations(task, form.period, plan.config.feedback).find((o) => o.unit === form.meta.unit);
    if (owed && !answeredInTime(owed, form.date)) {
      note(session, f.noteRow(f.place(shown, form.sheet, answer.row, f.col.id), f.row.answer_late(answer.id, form.date, owed.due)));
    }
  }
}

async function writeForm(session: Session, plan: Plan, options: FeedbackImportOptions, shown: string, form: ReadForm): Promise<boolean> {
  const { m } = session;
  const f = m.feedback;
  const label = periodLabel(form.period, m.lang);
  const r: Return = { unit: form.meta.unit, period: form.meta.period, date: form.date, dateGiven: form.dateGiven };
  const files = new Map(plan.tasks.map((t) => [t.task.id, t.file]));
  const answers = new Map(form.answers.map((a) => [a.id, a]));
  const touched = [...form.answers.map((a) => a.id), ...form.empty].filter((id) => files.has(id));
  const outcomes = new Map<string, ReturnType<typeof answerOps>>();
  const changes: TaskChange[] = touched.map((id) => ({
    id,
    file: files.get(id)!,
    ops: (task) => {
      const outcome = answerOps(task, answers.get(id), r);
      outcomes.set(id, outcome);
      return outcome.ops;
    },
  }));
  const body = (written: readonly string[]) =>
    written.flatMap((id) => {
      const o = outcomes.get(id);
      if (!o) return [];
      const what = [o.entry === 'added' ? f.commitWhat.entry : o.entry === 'replaced' ? f.commitWhat.replaced : o.entry === 'removed' ? f.commitWhat.removed : '', o.request ? f.commitWhat.request : ''];
      return [f.commitLine(id, what.filter(Boolean).join('、'))];
    });
  let result: Awaited<ReturnType<typeof editTasks>>;
  try {
    // worded once every task has been read again under its lock, just before the commit
    const message = (written: readonly string[]) => commitMessage(f.commit(label, r.unit, written.length), { command: 'feedback' }, body(written));
    result = await editTasks(editContext(session, plan, options), changes, message, { dryRun: options.dryRun });
  } catch (error) {
    if (error instanceof EditRefused && error.failure.kind === 'commit_failed') throw new UserError(f.commitFailed(shown, error.failure.detail.split('\n')[0] ?? ''), EXIT.IO, { cause: error });
    throw refusal(session, shown, error);
  }
  let refusedRows = form.issues.filter((i) => i.level === 'refused').length;
  const rows = new Map([...form.meta.rows.map((row): [string, number] => [row.id, row.row]), ...form.answers.map((a): [string, number] => [a.id, a.row])]);
  for (const o of result.outcomes) {
    if (o.kind !== 'refused') continue;
    refusedRows++;
    const detail = refusal(session, o.file, new EditRefused(o.failure));
    const text = detail instanceof Error ? detail.message : String(detail);
    note(session, f.refusedRow(f.place(shown, form.sheet, rows.get(o.id) ?? 0, undefined), f.row.file_refused(text)));
  }
  for (const a of form.answers) {
    const done = outcomes.get(a.id)?.alreadyDone;
    if (done !== undefined) note(session, f.noteRow(f.place(shown, form.sheet, a.row, f.col.done), f.row.already_done(a.id, done)));
  }
  const written = result.outcomes.filter((o) => o.kind === 'written');
  const count = (pick: (o: ReturnType<typeof answerOps>) => boolean) => written.filter((o) => pick(outcomes.get(o.id)!)).length;
  const requests = form.answers.filter((a) => a.doneOn !== undefined && result.outcomes.some((o) => o.id === a.id && o.kind !== 'refused') && outcomes.get(a.id)?.request).length;
  say(
    session,
    f.summary({
      file: shown,
      unit: r.unit,
      period: label,
      read: form.rowsRead,
      written: count((o) => o.entry === 'added' || o.entry === 'replaced' || (o.entry === 'unchanged' && o.ops.length > 0)),
      unchanged: result.outcomes.filter((o) => o.kind === 'unchanged' && answers.has(o.id)).length,
      blank: form.empty.length,
      removed: count((o) => o.entry === 'removed'),
      refused: refusedRows,
      requests,
      dryRun: options.dryRun,
    }),
  );
  if (!options.dryRun && written.length > 0) sayUncommitted(session, result);
  return refusedRows === 0;
}
