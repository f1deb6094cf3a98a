// Reporting periods: 旬 (上旬 1–10, 中旬 11–20, 下旬 21 to the month's end), month, quarter,
// half-year and year. A period is plain data, its first and last day as 'YYYY-MM-DD' strings;
// every step of arithmetic goes through core/dates.ts.
import {
  addDays, diffDays, endOfHalf, endOfMonth, endOfQuarter, endOfXun, endOfYear, englishMonthName, formatSmallNumber, isValidYmd,
  parseCalendarDate, parseSmallNumber, parts, startOfHalf, startOfMonth, startOfQuarter, startOfXun, startOfYear, ymd, type IsoDate,
} from './dates.js';
import { halfWidth } from './lookup.js';

export type PeriodKind = 'xun' | 'month' | 'quarter' | 'half' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['xun', 'month', 'quarter', 'half', 'year'];

export interface Period {
  readonly kind: PeriodKind;
  /** the first day */
  readonly start: IsoDate;
  /** the last day, inclusive */
  readonly end: IsoDate;
}

const BOUNDS: Record<PeriodKind, readonly [(date: IsoDate) => IsoDate, (date: IsoDate) => IsoDate]> = {
  xun: [startOfXun, endOfXun],
  month: [startOfMonth, endOfMonth],
  quarter: [startOfQuarter, endOfQuarter],
  half: [startOfHalf, endOfHalf],
  year: [startOfYear, endOfYear],
};

/** The period of `kind` that contains `date`. */
export function periodOf(kind: PeriodKind, date: IsoDate): Period {
  const [start, end] = BOUNDS[kind];
  return { kind, start: start(date), end: end(date) };
}

export function previousPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.start, -1));
}

export function nextPeriod(period: Period): Period {
  return periodOf(period.kind, addDays(period.end, 1));
}

/**
 * The latest period of `kind` that ended before `date`. The period containing `date` is never
 * complete on it, not even on its last day, since that day is not over: on 2020-09-30 the last
 * complete 旬 is 2020年9月中旬, on 2020-10-01 it is 2020年9月下旬.
 */
export function lastCompletePeriod(kind: PeriodKind, date: IsoDate): Period {
  return previousPeriod(periodOf(kind, date));
}

export function periodContains(period: Period, date: IsoDate): boolean {
  return date >= period.start && date <= period.end;
}

/** Days in the period. */
export function periodLength(period: Period): number {
  return diffDays(period.end, period.start) + 1;
}

/** The period's place in its year, from 1: 旬 1–36, month 1–12, quarter 1–4, half 1–2, year 1. */
export function periodNumber(period: Period): number {
  const { month, day } = parts(period.start);
  switch (period.kind) {
    case 'xun': return (month - 1) * 3 + xunOf(day);
    case 'month': return month;
    case 'quarter': return Math.ceil(month / 3);
    case 'half': return month <= 6 ? 1 : 2;
    case 'year': return 1;
  }
}

function xunOf(day: number): 1 | 2 | 3 {
  return day <= 10 ? 1 : day <= 20 ? 2 : 3;
}

/**
 * The share of the period elapsed on `date`, from 0 to 1 (序时进度): the date itself counts as
 * elapsed, so on the last day the share is 1; before the period it is 0, after it 1.
 */
export function elapsedShare(period: Period, date: IsoDate): number {
  if (date < period.start) return 0;
  if (date >= period.end) return 1;
  return (diffDays(date, period.start) + 1) / periodLength(period);
}

/** The periods of `kind` that overlap `from`…`to` (both included), in order; none when `to` is before `from`. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): Period[] {
  const out: Period[] = [];
  if (to < from) return out;
  for (let p = periodOf(kind, from); p.start <= to; p = nextPeriod(p)) out.push(p);
  return out;
}

const XUN_ZH = ['上旬', '中旬', '下旬'] as const;
const XUN_EN = ['early', 'mid', 'late'] as const;

/** The compact name: 2020-09-3, 2020-09, 2020-Q3, 2020-H1, 2020. */
export function periodKey(period: Period): string {
  const { year, month, day } = parts(period.start);
  const mm = String(month).padStart(2, '0');
  switch (period.kind) {
    case 'xun': return `${year}-${mm}-${xunOf(day)}`;
    case 'month': return `${year}-${mm}`;
    case 'quarter': return `${year}-Q${periodNumber(period)}`;
    case 'half': return `${year}-H${periodNumber(period)}`;
    case 'year': return String(year);
  }
}

/** 2020年9月下旬, 2020年9月, 2020年第三季度, 2020年上半年, 2020年 */
export function periodLabelZh(period: Period): string {
  const { year, month, day } = parts(period.start);
  switch (period.kind) {
    case 'xun': return `${year}年${month}月${XUN_ZH[xunOf(day) - 1]}`;
    case 'month': return `${year}年${month}月`;
    case 'quarter': return `${year}年第${formatSmallNumber(periodNumber(period))}季度`;
    case 'half': return `${year}年${month <= 6 ? '上' : '下'}半年`;
    case 'year': return `${year}年`;
  }
}

/** late September 2020, September 2020, Q3 2020, H1 2020, 2020 */
export function periodLabelEn(period: Period): string {
  const { year, month, day } = parts(period.start);
  switch (period.kind) {
    case 'xun': {
      const part = XUN_EN[xunOf(day) - 1];
      return `${part === 'mid' ? 'mid-' : `${part} `}${englishMonthName(month)} ${year}`;
    }
    case 'month': return `${englishMonthName(month)} ${year}`;
    case 'quarter': return `Q${periodNumber(period)} ${year}`;
    case 'half': return `H${periodNumber(period)} ${year}`;
    case 'year': return String(year);
  }
}

export function periodLabel(period: Period, lang: 'zh' | 'en'): string {
  return lang === 'en' ? periodLabelEn(period) : periodLabelZh(period);
}

// ---- What a clerk can type -------------------------------------------------------------------

/** Why a text names no period. */
export type PeriodInputProblem =
  | { code: 'empty' }
  | { code: 'unrecognised'; text: string }
  | { code: 'bad_year'; year: number }
  | { code: 'bad_month'; month: number }
  | { code: 'bad_xun'; xun: number }
  | { code: 'bad_quarter'; quarter: number }
  | { code: 'bad_half'; half: number }
  | { code: 'bad_date'; text: string }
  /** a calendar date, when no kind was given to pick its period */
  | { code: 'date_needs_kind'; date: IsoDate }
  /** a period of another kind than the one asked for (2020-09 for a quarter report) */
  | { code: 'kind_mismatch'; expected: PeriodKind; found: Period };

export type PeriodInput = { ok: true; period: Period } | { ok: false; problem: PeriodInputProblem };

const YEAR = '(\\d{4})';
const CN_OR_DIGITS = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const FORMS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => PeriodInput]> = [
  [new RegExp(`^${YEAR}(?:年度?|年全年)?$`), (m) => yearInput(m[1]!)],
  [new RegExp(`^${YEAR}-?h(\\d)$`), (m) => halfInput(m[1]!, Number(m[2]))],
  [new RegExp(`^${YEAR}年(上|下)半年度?$`), (m) => halfInput(m[1]!, m[2] === '上' ? 1 : 2)],
  [new RegExp(`^${YEAR}-?q(\\d)$`), (m) => quarterInput(m[1]!, Number(m[2]))],
  [new RegExp(`^${YEAR}年第?${CN_OR_DIGITS}季度?$`), (m) => quarterInput(m[1]!, parseSmallNumber(m[2]!) ?? 0)],
  [new RegExp(`^${YEAR}[-/.](\\d{1,2})$`), (m) => monthInput(m[1]!, Number(m[2]))],
  [new RegExp(`^${YEAR}年${CN_OR_DIGITS}月份?$`), (m) => monthInput(m[1]!, parseSmallNumber(m[2]!) ?? 0)],
  [new RegExp(`^${YEAR}[-/.](\\d{1,2})[-/.](\\d|上旬|中旬|下旬)$`), (m) => xunInput(m[1]!, Number(m[2]), xunNumber(m[3]!))],
  [new RegExp(`^${YEAR}年${CN_OR_DIGITS}月份?(上旬|中旬|下旬)$`), (m) => xunInput(m[1]!, parseSmallNumber(m[2]!) ?? 0, xunNumber(m[3]!))],
];

function xunNumber(text: string): number {
  const index = (XUN_ZH as readonly string[]).indexOf(text);
  return index >= 0 ? index + 1 : Number(text);
}

function fail(problem: PeriodInputProblem): PeriodInput {
  return { ok: false, problem };
}

function checkYear(text: string): number | PeriodInput {
  const y = Number(text);
  return isValidYmd(y, 1, 1) ? y : fail({ code: 'bad_year', year: y });
}

function yearInput(text: string): PeriodInput {
  const y = checkYear(text);
  return typeof y === 'number' ? { ok: true, period: periodOf('year', ymd(y, 1, 1)) } : y;
}

function halfInput(text: string, n: number): PeriodInput {
  const y = checkYear(text);
  if (typeof y !== 'number') return y;
  return n === 1 || n === 2 ? { ok: true, period: periodOf('half', ymd(y, n === 1 ? 1 : 7, 1)) } : fail({ code: 'bad_half', half: n });
}

function quarterInput(text: string, n: number): PeriodInput {
  const y = checkYear(text);
  if (typeof y !== 'number') return y;
  return n >= 1 && n <= 4 ? { ok: true, period: periodOf('quarter', ymd(y, n * 3 - 2, 1)) } : fail({ code: 'bad_quarter', quarter: n });
}

function monthInput(text: string, n: number): PeriodInput {
  const y = checkYear(text);
  if (typeof y !== 'number') return y;
  return n >= 1 && n <= 12 ? { ok: true, period: periodOf('month', ymd(y, n, 1)) } : fail({ code: 'bad_month', month: n });
}

function xunInput(text: string, m: number, n: number): PeriodInput {
  const monthly = monthInput(text, m);
  if (!monthly.ok) return monthly;
  if (n < 1 || n > 3) return fail({ code: 'bad_xun', xun: n });
  return { ok: true, period: periodOf('xun', addDays(monthly.period.start, (n - 1) * 10)) };
}

/** Full-width digits, letters and dashes as typed with a Chinese input method → ASCII, without spaces. */
function normalise(text: string): string {
  return halfWidth(text).trim().replace(/\s+/g, '').toLowerCase();
}

function readForms(text: string): PeriodInput | undefined {
  for (const [re, read] of FORMS) {
    const m = re.exec(text);
    if (m) return read(m);
  }
  return undefined;
}

/**
 * Reads a period as a clerk types it: the keys (2020-09-3, 2020-09, 2020-Q3, 2020-H1, 2020),
 * 2020-09-上旬/中旬/下旬, and the Chinese labels (2020年9月下旬, 2020年9月, 2020年第三季度,
 * 2020年三季度, 2020年上半年, 2020年). Given a `year` (the plan's, for what a clerk types), a
 * period without its year is in it: 9月, 9月下旬, 三季度, 上半年, Q3, 09-3. With a `kind`, a
 * calendar date names the period of that kind containing it, and a period of another kind is
 * refused. Never throws: a text that names no period gives the reason.
 */
export function parsePeriod(input: string, kind?: PeriodKind, year?: number): PeriodInput {
  const text = normalise(input);
  if (text === '') return fail({ code: 'empty' });
  let result = readForms(text);
  if (!result && year !== undefined && !/^\d{4}/.test(text)) result = readForms(`${year}年${text}`) ?? readForms(`${year}-${text}`);
  if (!result) {
    const date = parseCalendarDate(text);
    if (date) return kind ? { ok: true, period: periodOf(kind, date) } : fail({ code: 'date_needs_kind', date });
    const looksLikeDate = /^\d{4}[-/.]\d{1,2}[-/.]\d{2}$|^\d{4}年\d{1,2}月\d{1,2}[日号]?$/.test(text);
    return fail(looksLikeDate ? { code: 'bad_date', text: input.trim() } : { code: 'unrecognised', text: input.trim() });
  }
  if (result.ok && kind && result.period.kind !== kind) return fail({ code: 'kind_mismatch', expected: kind, found: result.period });
  return result;
}
