// Options as typed values: what commander hands over as strings becomes dates, numbers, names of
// the roster and words of the catalog here, once, with a message the clerk can act on.
import { parseDateInput, yearOf, type IsoDate } from '../core/dates.js';
import { parsePeriod, type Period, type PeriodInput } from '../core/periods.js';
import type { Filter } from '../core/filter.js';
import { leadNames, matchName, unitNames } from '../core/roster.js';
import type { SortKey } from '../core/sort.js';
import { PERCENT_MAX, PERCENT_MIN, readLight, readNumber, readPercent, readStatus, readYear, YEAR_MAX, YEAR_MIN } from '../core/words.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import type { Format } from '../render/view.js';
import type { Plan } from '../store/load.js';

export type Raw = Record<string, unknown>;

/** A repeatable option's values (commander gives a string, or a list with a collector). */
export function list(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A date as clerks write it (2020-09-30, 2020年9月30日, 9月30日, 昨天, 月底, -3d …); one without a year is in `year`, else today's. */
export function readDate(m: Messages, option: string, value: string, today: IsoDate, year?: number): IsoDate {
  const date = parseDateInput(value, today, year);
  if (!date) throw new UserError(m.errors.badDate(option, value));
  return date;
}

/** A date that must not be after `today` (progress and completion are never dated in the future). */
export function readPastDate(session: Session, option: string, value: unknown): IsoDate {
  if (typeof value !== 'string') return session.asOf;
  const date = readDate(session.m, option, value, session.asOf);
  if (date > session.asOf) throw new UserError(session.m.edit.dateAfterToday(date, session.asOf));
  return date;
}

function optionalDate(session: Session, option: string, value: unknown): IsoDate | undefined {
  return typeof value === 'string' ? readDate(session.m, option, value, session.asOf) : undefined;
}

export function percentOption(m: Messages, value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const percent = readPercent(value);
  if (percent === undefined) throw new UserError(m.errors.badPercent(value, PERCENT_MIN, PERCENT_MAX));
  return percent;
}

export function numberOption(m: Messages, value: string): number {
  const n = readNumber(value);
  if (n === undefined) throw new UserError(m.errors.badNumber(value));
  return n;
}

export function yearOption(m: Messages, option: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const year = readYear(String(value));
  if (year === undefined) throw new UserError(m.errors.badYear(option, String(value), YEAR_MIN, YEAR_MAX));
  return year;
}

/** Whole days from 0 to 3660 (ten years). */
export function daysOption(m: Messages, option: string, value: unknown, fallback: number): number {
  if (typeof value !== 'string') return fallback;
  const days = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || days > 3660) throw new UserError(m.filters.badDays(option, value));
  return days;
}

function resolveName(m: Messages, what: string, input: string, names: string[]): string {
  const match = matchName(input, names);
  if (match.ok) return match.name;
  throw new UserError(match.reason === 'ambiguous' ? m.filters.ambiguous(what, input, match.candidates) : m.filters.unknown(what, input, match.candidates));
}

export interface ViewOptions {
  filter: Filter;
  format: Format;
}

/** The filters of the views: names resolved against the roster, words against the catalog, dates read. */
export function viewOptions(raw: Raw, plan: Plan, session: Session): ViewOptions {
  const { m } = session;
  // the tasks are looked at only to resolve a name given (a view counting lights needs none of them)
  const tasks = () => plan.tasks.map((t) => t.task);
  const filter: Filter = {};
  const names = (option: unknown, what: string, known: () => string[]) => {
    const given = list(option);
    return given.length > 0 ? given.map((n) => resolveName(m, what, n, known())) : undefined;
  };
  filter.lead = names(raw.lead, m.filters.lead, () => leadNames(plan.config.roster, tasks()));
  filter.unit = names(raw.unit, m.filters.unit, () => unitNames(plan.config.roster, tasks()));
  filter.leadUnit = names(raw.leadUnit, m.filters.unit, () => unitNames(plan.config.roster, tasks()));
  // asked of a roll-up alone, whose words are read only then
  if (list(raw.office).length > 0) {
    if (!plan.config.roster.offices) throw new UserError(m.rollup.notRollup);
    filter.office = names(raw.office, m.rollup.office, () => plan.config.roster.offices ?? []);
  }
  const statuses = list(raw.status).map((s) => readStatus(s) ?? fail(m.filters.badStatus(s.trim())));
  if (statuses.length > 0) filter.status = statuses;
  const lights = list(raw.light).map((l) => readLight(l) ?? fail(m.filters.badLight(l)));
  if (lights.length > 0) filter.light = lights;
  for (const key of ['section', 'point', 'tag', 'search'] as const) {
    const values = list(raw[key]);
    if (values.length > 0) filter[key] = values;
  }
  filter.deadlineBefore = optionalDate(session, '--deadline-before', raw.deadlineBefore);
  filter.deadlineAfter = optionalDate(session, '--deadline-after', raw.deadlineAfter);
  for (const key of Object.keys(filter) as Array<keyof Filter>) if (filter[key] === undefined) delete filter[key];
  return { filter, format: (text(raw.format) ?? 'table') as Format };
}

function fail(message: string): never {
  throw new UserError(message);
}

export function groupOption(raw: Raw): 'lead' | 'unit' | 'office' | undefined {
  return raw.group === 'lead' || raw.group === 'unit' || raw.group === 'office' ? raw.group : undefined;
}

export function sortOption(raw: Raw): SortKey | undefined {
  return text(raw.sort) as SortKey | undefined;
}

/** The plan's year, else the year of the session's date: the year of what a clerk types without one. */
export function planYear(session: Session, plan: Plan): number {
  return plan.config.year ?? yearOf(session.asOf);
}

/**
 * A period as typed on the command line, of the given kind: one without its year (9月, 9月下旬,
 * 三季度) is in the plan's year, else in the year of the session's date, as a typed date is.
 */
export function typedPeriod(session: Session, plan: Plan, value: string, kind: Period['kind']): PeriodInput {
  return parsePeriod(value, kind, planYear(session, plan));
}

/** A feedback period as typed (2020-09-3, 2020年9月下旬, 9月下旬, a date in it); undefined when not given. */
export function periodOption(session: Session, value: unknown, plan: Plan): Period | undefined {
  if (typeof value !== 'string') return undefined;
  const read = typedPeriod(session, plan, value, plan.config.feedback.cycle);
  if (!read.ok) throw new UserError(session.m.feedback.badPeriod(session.m.periods.problem(read.problem)));
  return read.period;
}

/** Units as typed (a unique part of a name will do), resolved against the roster and the tasks. */
export function unitsOption(value: unknown, plan: Plan, session: Session): string[] {
  const known = unitNames(plan.config.roster, plan.tasks.map((t) => t.task));
  return list(value).map((name) => resolveName(session.m, session.m.filters.unit, name, known));
}
