// What the views (overdue, due, list, summary, show, status) share: reading their options,
// resolving names against the roster, and writing table, JSON, CSV or ids.
import type { Config } from '../core/config.js';
import { parseDateInput, type IsoDate } from '../core/dates.js';
import { evaluate, settingsOf, type Evaluated } from '../core/evaluate.js';
import type { Filter } from '../core/filter.js';
import { LIGHT_WORDS, LIGHTS, type Light } from '../core/light.js';
import { leadNames, matchName, unitNames } from '../core/roster.js';
import { STATUS_WORDS, STATUSES, type Status, type Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { problemMessage } from '../i18n/index.js';
import { colorLevel, painter } from '../render/color.js';
import { toCsv, UTF8_BOM, type CsvValue } from '../render/csv.js';
import { toJson } from '../render/json.js';
import { LARGE_PLAN, type Plan } from '../store/load.js';
import { openPlan, reportProblems, type Opened } from './common.js';

export type Format = 'table' | 'json' | 'csv' | 'ids';

export interface ViewOptions {
  lead?: string;
  unit?: string;
  leadUnit?: string;
  status?: string;
  light?: string;
  section?: string;
  point?: string;
  tag?: string;
  deadlineBefore?: string;
  deadlineAfter?: string;
  search?: string;
  format?: Format;
}

export interface OpenedView extends Opened {
  evaluated: Evaluated[];
  filter: Filter;
}

/** Opens the plan, evaluates every task as of the date, and reads the filter options. */
export async function openView(session: Session, opts: ViewOptions): Promise<OpenedView> {
  const opened = await openPlan(session);
  const evaluated = evaluate(opened.plan.tasks, opened.asOf, settingsOf(opened.plan.config));
  if (evaluated.length >= LARGE_PLAN) session.ctx.collectGarbage?.();
  return { ...opened, evaluated, filter: readFilter(session, opts, opened.plan, opened.today) };
}

export function readFilter(session: Session, opts: ViewOptions, plan: Plan, today: IsoDate): Filter {
  const { m } = session;
  const tasks = plan.tasks.map((t) => t.task);
  const filter: Filter = {};
  if (opts.lead !== undefined) filter.lead = resolveName(session, m.filters.lead, opts.lead, leadNames(plan.config.roster, tasks));
  if (opts.unit !== undefined) filter.unit = resolveName(session, m.filters.unit, opts.unit, unitNames(plan.config.roster, tasks));
  if (opts.leadUnit !== undefined) filter.leadUnit = resolveName(session, m.filters.unit, opts.leadUnit, unitNames(plan.config.roster, tasks));
  if (opts.status !== undefined) {
    const s = opts.status.trim();
    const status = (STATUSES as readonly string[]).includes(s) ? (s as Status) : STATUS_WORDS[s];
    if (!status) throw new UserError(m.filters.badStatus(s));
    filter.status = status;
  }
  if (opts.light !== undefined) {
    const l = opts.light.trim().toLowerCase();
    const light = (LIGHTS as readonly string[]).includes(l) ? (l as Light) : LIGHT_WORDS[l];
    if (!light) throw new UserError(m.filters.badLight(opts.light));
    filter.light = light;
  }
  if (opts.section !== undefined) filter.section = opts.section;
  if (opts.point !== undefined) filter.point = opts.point;
  if (opts.tag !== undefined) filter.tag = opts.tag;
  if (opts.search !== undefined) filter.search = opts.search;
  if (opts.deadlineBefore !== undefined) filter.deadlineBefore = readDate(session, '--deadline-before', opts.deadlineBefore, today);
  if (opts.deadlineAfter !== undefined) filter.deadlineAfter = readDate(session, '--deadline-after', opts.deadlineAfter, today);
  return filter;
}

function readDate(session: Session, option: string, value: string, today: IsoDate): IsoDate {
  const date = parseDateInput(value, today);
  if (!date) throw new UserError(session.m.filters.badDate(option, value));
  return date;
}

function resolveName(session: Session, what: string, input: string, names: string[]): string {
  const match = matchName(input, names);
  if (match.ok) return match.name;
  const { m } = session;
  throw new UserError(match.reason === 'ambiguous' ? m.filters.ambiguous(what, input, match.candidates) : m.filters.unknown(what, input, match.candidates));
}

/** The tasks a plan's roster and tasks name, for callers that need the lead order. */
export function tasksOf(plan: Plan): Task[] {
  return plan.tasks.map((t) => t.task);
}

export interface Outputs {
  table: () => string;
  json: () => Record<string, unknown>;
  csv: () => CsvValue[][];
  ids: () => string[];
}

/**
 * Writes the view in the chosen format, then the unreadable files on stderr. Returns the exit
 * code: 1 when some task files could not be read, else 0.
 */
export function emit(session: Session, opened: Opened, format: Format, outputs: Outputs): number {
  const { ctx, m } = session;
  const { plan } = opened;
  if (format === 'json') {
    const unreadable = plan.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ file: p.file, line: p.line, column: p.column, message: problemMessage(p, m) }));
    ctx.stdout.write(toJson({ version: 1, as_of: opened.asOf, ...outputs.json(), unreadable }));
  } else if (format === 'csv') {
    ctx.stdout.write(UTF8_BOM + toCsv(outputs.csv()));
  } else if (format === 'ids') {
    const ids = outputs.ids();
    if (ids.length > 0) ctx.stdout.write(`${ids.join('\n')}\n`);
  } else {
    ctx.stdout.write(outputs.table());
  }
  const errors = reportProblems(session, plan, { warnings: false });
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}

/** Colour functions for stdout, following --color/--no-color, NO_COLOR and the terminal. */
export function paintOut(session: Session) {
  return painter(colorLevel(session.ctx.stdout.isTTY, session.ctx.env, session.global.color));
}

/** Width to fit tables into: the terminal's, else COLUMNS, else 120. */
export function tableWidth(session: Session): number {
  const fromEnv = Number(session.ctx.env.COLUMNS);
  return session.ctx.stdout.columns ?? (Number.isInteger(fromEnv) && fromEnv > 20 ? fromEnv : 120);
}

export function useAscii(session: Session, config: Config): boolean {
  return session.global.ascii || config.table_border === 'ascii';
}
