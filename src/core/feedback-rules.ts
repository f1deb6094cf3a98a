// Who owes feedback for which period, and by when: the one place the feedback forms and their
// import ask. Until the plan's configured feedback rules exist, the simplest rule stands: every
// task open on the date owes feedback each 旬 (上旬 1–10, 中旬 11–20, 下旬 21 to the month's end),
// from its lead unit and, in a second block, from its co-units, due on the period's last day.
import { addDays, diffDays, endOfXun, parseSmallNumber, type IsoDate } from './dates.js';
import type { Evaluated } from './evaluate.js';
import { isOpen } from './light.js';
import { orderedNames } from './roster.js';
import { leadUnitOf, startOf, type ProgressEntry } from './task.js';

export interface Period {
  readonly kind: 'xun';
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** The 旬 containing `date`. */
export function periodOf(date: IsoDate): Period {
  const end = endOfXun(date);
  const day = Number(date.slice(8, 10));
  return { kind: 'xun', start: `${date.slice(0, 8)}${day <= 10 ? '01' : day <= 20 ? '11' : '21'}`, end };
}

function previousPeriod(period: Period): Period {
  return periodOf(addDays(period.start, -1));
}

function xunNumber(period: Period): 1 | 2 | 3 {
  const day = Number(period.start.slice(8, 10));
  return day === 1 ? 1 : day === 11 ? 2 : 3;
}

/** 2020-09-3 */
export function periodKey(period: Period): string {
  return `${period.start.slice(0, 7)}-${xunNumber(period)}`;
}

/** 2020年9月下旬 / late September 2020 */
export function periodLabel(period: Period, lang: 'zh' | 'en'): string {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  const n = xunNumber(period);
  if (lang === 'zh') return `${year}年${month}月${['上', '中', '下'][n - 1]}旬`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${['early', 'mid-', 'late'][n - 1]}${n === 2 ? '' : ' '}${months[month - 1]} ${year}`;
}

/**
 * A 旬 as a clerk types it: its key (2020-09-3), 2020-09-下旬, 2020年9月下旬, or a date inside it
 * (read by `readDate`, which knows every way of writing a date).
 */
export function parsePeriod(input: string, readDate: (text: string) => IsoDate | undefined): Period | undefined {
  const text = input.trim().replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
  const words: Record<string, number> = { 上旬: 1, 中旬: 2, 下旬: 3, '1': 1, '2': 2, '3': 3 };
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](上旬|中旬|下旬|[123])$/.exec(text) ?? new RegExp(`^(\\d{4})年(\\d{1,2}|[一二三四五六七八九十]{1,2})月(上旬|中旬|下旬)$`).exec(text);
  if (m) {
    const month = parseSmallNumber(m[2]!);
    if (month === undefined || month < 1 || month > 12) return undefined;
    const day = [1, 11, 21][words[m[3]!]! - 1]!;
    return periodOf(`${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  // 2020-09-4 is a 旬 that does not exist, not the 4th of September
  if (/^\d{4}[-/.]\d{1,2}[-/.]\d$/.test(text)) return undefined;
  const date = readDate(text);
  return date ? periodOf(date) : undefined;
}

/** The date by which feedback for the period is due. */
export function replyBy(period: Period): IsoDate {
  return period.end;
}

/** The period whose form goes out on `date`: the first whose reply-by date is not yet past. */
export function currentPeriod(date: IsoDate): Period {
  let period = periodOf(date);
  while (replyBy(previousPeriod(period)) >= date) period = previousPeriod(period);
  return period;
}

/** The latest period whose feedback was due on or before `date`. */
export function lastDuePeriod(date: IsoDate): Period {
  let period = periodOf(date);
  while (replyBy(period) > date) period = previousPeriod(period);
  return period;
}

export interface OwingUnit {
  unit: string;
  /** tasks the unit leads */
  lead: Evaluated[];
  /** tasks where it is a co-unit */
  co: Evaluated[];
}

/**
 * The units that owe feedback for `period`, in the roster's order, each with its tasks: every task
 * open on the date of `evaluated` that has started by the period's end.
 */
export function unitsOwing(evaluated: readonly Evaluated[], period: Period, rosterUnits: readonly string[]): OwingUnit[] {
  const owing = new Map<string, OwingUnit>();
  const entry = (unit: string) => {
    let found = owing.get(unit);
    if (!found) owing.set(unit, (found = { unit, lead: [], co: [] }));
    return found;
  };
  for (const e of evaluated) {
    if (!isOpen(e.result.light) || startOf(e.task) > period.end) continue;
    e.task.units.forEach((unit, i) => (i === 0 ? entry(unit).lead : entry(unit).co).push(e));
  }
  const byId = (a: Evaluated, b: Evaluated) => (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0);
  return orderedNames(rosterUnits, owing.keys())
    .filter((unit) => owing.has(unit))
    .map((unit) => {
      const u = owing.get(unit)!;
      return { unit, lead: u.lead.sort(byId), co: u.co.sort(byId) };
    });
}

type ReturnState = 'on_time' | 'late' | 'missing' | 'pending';

export interface UnitReturn {
  unit: string;
  state: ReturnState;
  /** the tasks the unit owes feedback on */
  owed: string[];
  /** those it has answered for the period */
  answered: string[];
  /** the date of its latest answer for the period */
  returnedOn: IsoDate | undefined;
  /** days after the reply-by date that it answered; 0 when on time */
  daysLate: number;
}

/** Whether a progress entry answers the period for the unit: marked with the period, or dated in it. */
function answers(entry: ProgressEntry, unit: string, leadUnit: string, period: Period): boolean {
  const by = entry.by ?? leadUnit;
  if (by !== unit) return false;
  return entry.period !== undefined ? entry.period === periodKey(period) : entry.date >= period.start && entry.date <= period.end;
}

/** How each owing unit answered for the period, as of `asOf` (answers dated later do not count). */
export function unitReturns(owing: readonly OwingUnit[], period: Period, asOf: IsoDate): UnitReturn[] {
  const due = replyBy(period);
  return owing.map(({ unit, lead, co }) => {
    const owed = [...lead, ...co];
    let returnedOn: IsoDate | undefined;
    const answered = owed
      .filter((e) => {
        const mine = (e.task.progress ?? []).filter((p) => p.date <= asOf && answers(p, unit, leadUnitOf(e.task), period));
        for (const p of mine) if (!returnedOn || p.date > returnedOn) returnedOn = p.date;
        return mine.length > 0;
      })
      .map((e) => e.task.id);
    const daysLate = returnedOn !== undefined ? Math.max(0, diffDays(returnedOn, due)) : 0;
    const state: ReturnState = answered.length > 0 ? (daysLate > 0 ? 'late' : 'on_time') : asOf > due ? 'missing' : 'pending';
    return { unit, state, owed: owed.map((e) => e.task.id), answered, returnedOn, daysLate };
  });
}
