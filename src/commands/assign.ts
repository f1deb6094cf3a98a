// tasks assign [ID…] --lead … --unit … --deadline … | tasks assign --from 责任分解表.xlsx|.csv: fill
// in the lead officials, units and deadlines of many tasks at once, in one commit. A table's rows
// find their tasks by the id column, else by title; names go through the roster as anywhere else
// (a near-miss is refused, never added; a table's new names join the roster in protocol order, in
// the same commit); a draft's first deadline is no extension, while moving the deadline of a task
// already assigned needs --reason, as tasks set does.
import { basename } from 'node:path';
import { parseDeadline, yearOf, type IsoDate } from '../core/dates.js';
import { isUnassigned, leadsOf, UNASSIGNED, type LoadedTask, type Task } from '../core/task.js';
import { isExactDate, splitNames } from '../core/words.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { messages } from '../i18n/index.js';
import { deadlineKind, deadlineOps } from '../cli/deadlines.js';
import { readImportFile } from '../cli/drafts.js';
import { editContext, findTask, readLead, readUnit, refusal, resolveLead, resolveUnit, sayUncommitted, type EditOptions } from '../cli/edit.js';
import { note, say } from '../cli/output.js';
import { planYear } from '../cli/options.js';
import { readCsvSheet } from '../import/csv-read.js';
import { exportVocabulary } from '../import/ledger-cells.js';
import { findHeader, HEADER_SEARCH_ROWS, LOOKED_FOR, type LedgerSheet } from '../import/ledger-header.js';
import { readLedger } from '../import/ledger-rows.js';
import { readWorkbook, WorkbookReadError } from '../import/xlsx-read.js';
import { editTasks, EditRefused, type TaskChange, type Write } from '../store/edit.js';
import { rosterWithNames } from '../store/plan-files.js';
import { CONFIG_FILE, type Plan } from '../store/load.js';
import { commitMessage } from '../store/trailers.js';
import type { EditOp } from '../store/yaml-edit.js';

export interface AssignOptions extends EditOptions {
  ids: string[];
  lead: string[];
  unit: string[];
  deadline: string | undefined;
  /** the responsibility table, absolute */
  from: string | undefined;
  sheet: string | undefined;
  reason: string | undefined;
  /** when a deadline change was approved */
  approved: IsoDate;
  dryRun: boolean;
}

/** What one row (or the command line) asks of one task, names as typed. */
interface Wanted {
  target: LoadedTask;
  /** where it was asked: a sheet's row, or the command line */
  where: string;
  lead?: string[];
  units?: string[];
  deadline?: string;
}

interface Planned {
  target: LoadedTask;
  lead?: string | string[];
  units?: string[];
  deadline?: { date: IsoDate; text: string; exact: boolean };
}

export async function runAssign(options: AssignOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const w = m.assign;
  let wanted: Wanted[];
  let source: string;
  if (options.from) {
    if (options.ids.length > 0 || options.lead.length + options.unit.length > 0 || options.deadline) throw new UserError(w.needWork);
    wanted = await fromTable(options.from, options.sheet, plan, session);
    source = basename(options.from);
  } else {
    if (options.ids.length === 0) throw new UserError(w.needWork);
    if (options.lead.length + options.unit.length === 0 && !options.deadline) throw new UserError(w.needField);
    const lead = options.lead.length > 0 ? options.lead.flatMap(splitNames) : undefined;
    const units = options.unit.length > 0 ? options.unit.flatMap(splitNames) : undefined;
    wanted = [...new Set(options.ids)].map((id) => ({ target: findTask(session, plan, id), where: w.fromArgs, lead, units, deadline: options.deadline }));
    source = w.fromArgs;
  }

  // every name and deadline read before anything is written; all that is wrong is said at once
  const errors: string[] = [];
  const planned: Planned[] = [];
  // names a table brings that the roster lacks join it; names typed on the command line are noted
  const fresh = { leads: [] as string[], units: [] as string[] };
  const lead = (n: string) => {
    if (!options.from) return readLead(session, plan, n);
    const found = resolveLead(session, plan, n);
    if (!found.known) fresh.leads.push(found.name);
    return found.name;
  };
  const unit = (n: string) => {
    if (!options.from) return readUnit(session, plan, n);
    const found = resolveUnit(session, plan, n);
    if (!found.known) fresh.units.push(found.name);
    return found.name;
  };
  const year = (task: Task) => plan.config.year ?? yearOf(task.deadline);
  for (const x of wanted) {
    try {
      const p: Planned = { target: x.target };
      const task = x.target.task;
      if (x.lead?.length) {
        const names = [...new Set(x.lead.map(lead))];
        const value = names.length === 1 ? names[0]! : names;
        if (!sameNames(leadsOf({ lead: value }), leadsOf(task))) p.lead = value;
      }
      if (x.units?.length) {
        const units = [...new Set(x.units.map(unit))];
        if (!sameNames(units, task.units)) p.units = units;
      }
      if (x.deadline) {
        const parsed = parseDeadline(x.deadline, year(task));
        if (!parsed) throw new UserError(m.edit.badDeadline(x.deadline, year(task)));
        if (parsed.date !== task.deadline) p.deadline = { date: parsed.date, text: parsed.text, exact: isExactDate(x.deadline) };
      }
      if (p.lead !== undefined || p.units !== undefined || p.deadline !== undefined) planned.push(p);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(x.where === w.fromArgs ? error.message : `${x.where}：${error.message}`);
    }
  }
  if (errors.length > 0) throw new UserError(errors.join('\n'));
  if (planned.length === 0) {
    say(session, w.nothing);
    return EXIT.OK;
  }
  const reason = options.reason?.trim() || undefined;
  const moved = planned.filter((p) => p.deadline && deadlineKind(p.target.task, p.deadline.date) !== 'first').map((p) => p.target.task.id);
  if (moved.length > 0 && !reason) throw new UserError(w.needReason(moved));

  for (const p of planned) say(session, w.planned(p.target.task.id, describe(session, p)));
  if (options.dryRun) {
    say(session, w.dryRun(planned.length));
    return EXIT.OK;
  }
  const byFile = new Map(planned.map((p) => [p.target.file, p]));
  const edits = planned.map((p) => ({
    file: p.target.file,
    id: p.target.task.id,
    change: (task: Task): EditOp[] => {
      const want = byFile.get(p.target.file)!;
      const ops: EditOp[] = [];
      // whether the deadline is a draft's first is judged on the task before the lead and units fill it
      if (want.deadline && want.deadline.date !== task.deadline) ops.push(...deadlineOps(task, want.deadline.date, want.deadline, { date: options.approved, reason }));
      if (want.lead !== undefined) ops.push({ op: 'set', path: ['lead'], value: want.lead });
      if (want.units !== undefined) ops.push({ op: 'set', path: ['units'], value: want.units });
      return ops;
    },
  }));
  let added: { leads: string[]; units: string[] } = { leads: [], units: [] };
  // the roster grows in the same commit, its text made under the locks
  const roster = (): Write | undefined => {
    const outcome = rosterWithNames(plan.root, fresh.leads, fresh.units);
    if ('refused' in outcome || outcome.text === undefined) return undefined;
    added = outcome.added;
    return { file: CONFIG_FILE, text: outcome.text, before: outcome.before };
  };
  const changes: TaskChange[] = edits.map((e) => ({ file: e.file, id: e.id, ops: e.change }));
  let result;
  try {
    const message = commitMessage(w.commit(planned.length, source), { command: 'assign' });
    result = await editTasks(editContext(session, plan, options), changes, () => message, {
      allOrNothing: true,
      ...(fresh.leads.length + fresh.units.length > 0 ? { also: roster } : {}),
    });
  } catch (error) {
    throw refusal(session, error instanceof EditRefused ? (error.file ?? '') : '', error);
  }
  const written = result.outcomes.flatMap((o) => (o.kind === 'written' ? [o.task] : []));
  say(session, w.done(written.length));
  if (added.leads.length + added.units.length > 0) note(session, m.importXlsx.roster(added.leads, added.units, CONFIG_FILE, false));
  sayUncommitted(session, result);
  const after = new Map(written.map((t) => [t.id, t]));
  const left = plan.tasks.map((t) => after.get(t.task.id) ?? t.task).filter(isUnassigned).length;
  if (left > 0) note(session, w.unassignedLeft(left));
  return EXIT.OK;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function describe(session: Session, p: Planned): string {
  const { m } = session;
  const task = p.target.task;
  const parts: string[] = [];
  if (p.lead !== undefined) parts.push(m.assign.change(m.fields.lead!, leadsOf(task).join('、'), leadsOf({ lead: p.lead }).join('、')));
  if (p.units !== undefined) parts.push(m.assign.change(m.fields.units!, task.units.join('、'), p.units.join('、')));
  if (p.deadline !== undefined) parts.push(m.assign.change(m.fields.deadline!, task.deadline, p.deadline.date));
  return parts.join('；');
}

/** The rows of a responsibility table, each matched to its task; rows that match none, or several, are said and left out. */
async function fromTable(file: string, sheetName: string | undefined, plan: Plan, session: Session): Promise<Wanted[]> {
  const { m, io } = session;
  const w = m.assign;
  const name = basename(file);
  const bytes = readImportFile(session, file);
  let sheets: LedgerSheet[];
  if (/\.csv$/i.test(name)) {
    const sheet = readCsvSheet(bytes, name);
    if (!sheet) throw new UserError(m.importNotice.notText(file), EXIT.DATA);
    sheets = [sheet];
  } else {
    try {
      sheets = await readWorkbook(bytes, name);
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      const x = m.importXlsx;
      throw new UserError(error.kind === 'legacy-xls' ? x.legacyXls(name) : error.kind === 'encrypted' ? x.encrypted(name) : x.corrupt(name, error.detail), EXIT.DATA, { cause: error });
    }
  }
  const vocabularies = [exportVocabulary(messages('zh')), exportVocabulary(messages('en'))];
  const candidates = sheetName === undefined ? sheets.filter((s) => !s.hidden) : sheets.filter((s) => s.name === sheetName);
  if (sheetName !== undefined && candidates.length === 0) throw new UserError(m.importXlsx.noSuchSheet(name, sheetName, sheets.map((s) => s.name)));
  let found: { sheet: LedgerSheet; header: NonNullable<ReturnType<typeof findHeader>> } | undefined;
  for (const sheet of candidates) {
    const header = findHeader(sheet, { vocabularies });
    if (header) {
      found = { sheet, header };
      break;
    }
  }
  if (!found) throw new UserError(m.importXlsx.noHeader(name, candidates.map((s) => s.name), HEADER_SEARCH_ROWS, LOOKED_FOR), EXIT.DATA);
  const year = planYear(session, plan);
  const ledger = readLedger(found.sheet, found.header, year, { vocabularies });
  const where = (row: number) => w.row(found!.sheet.name, row);
  for (const p of ledger.problems.filter((x) => x.severity === 'error')) {
    const render = m.importXlsx.problem[p.code] as (text: string, status: string) => string;
    io.stderr.write(`${m.importXlsx.rowProblem(found.sheet.name, p.row, render(p.text, ''), true)}\n`);
  }
  const rowsOf = new Map<string, number[]>();
  const out: Wanted[] = [];
  for (const d of ledger.drafts) {
    const target = matchRow(plan, d.id, d.task.title, d.task.detail);
    if (target.length !== 1) {
      io.stderr.write(`${target.length === 0 ? w.noMatch(where(d.row), d.id ?? d.task.title) : w.several(where(d.row), d.task.title, target.map((t) => t.task.id))}\n`);
      continue;
    }
    const t = target[0]!;
    rowsOf.set(t.task.id, [...(rowsOf.get(t.task.id) ?? []), d.row]);
    const leads = leadsOf(d.task).filter((n) => n !== UNASSIGNED);
    const units = d.task.units.filter((n) => n !== UNASSIGNED);
    out.push({
      target: t,
      where: where(d.row),
      ...(d.defaults.includes('lead') || leads.length === 0 ? {} : { lead: leads }),
      ...(d.defaults.includes('units') || units.length === 0 ? {} : { units }),
      ...(d.defaults.includes('deadline') ? {} : { deadline: d.task.deadline_text ?? d.task.deadline }),
    });
  }
  for (const [id, rows] of rowsOf) if (rows.length > 1) io.stderr.write(`${w.twice(id, rows.map(where))}\n`);
  // the last row about a task counts
  return out.filter((x, i) => !out.slice(i + 1).some((later) => later.target.file === x.target.file));
}

const key = (text: string) => text.replace(/[\s，,。.；;：:、“”"'‘’（）()【】[\]…]/g, '').toLowerCase();

/** The tasks a row means: the one with its id; else those with its title; else those whose title holds its text, or whose text holds their title. */
function matchRow(plan: Plan, id: string | undefined, title: string, detail: string | undefined): LoadedTask[] {
  if (id) {
    const byId = plan.tasks.find((t) => t.task.id === id);
    if (byId) return [byId];
  }
  const wanted = key(title);
  const same = plan.tasks.filter((t) => key(t.task.title) === wanted);
  if (same.length > 0) return same;
  const text = key(`${title}${detail ?? ''}`);
  return plan.tasks.filter((t) => {
    const own = key(t.task.title);
    return own.length >= 6 && (text.includes(own) || (wanted.length >= 6 && own.includes(wanted)));
  });
}
