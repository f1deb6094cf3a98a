// Calendar dates as 'YYYY-MM-DD' strings. All date logic of the tool lives here.
// Dates never become a JS Date in local time: arithmetic goes through day numbers (days since
// 1970-01-01, computed with Date.UTC), so the process time zone can never shift a day.
import { halfWidth, lookup } from './lookup.js';

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO.exec(value);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function ymd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

// Days before the first of each month in a common year.
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const ZERO = 48;

/** Days since 1970-01-01 (negative before). */
export function toDayNumber(date: IsoDate): number {
  // The views compare hundreds of thousands of dates: a well-formed date from year 100 on is
  // counted from its characters, with no object made; anything else goes through Date.UTC as before.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const year = digitsAt(date, 0, 4);
    const month = digitsAt(date, 5, 2);
    const day = digitsAt(date, 8, 2);
    if (year >= 100 && month >= 1 && month <= 12 && day >= 0) {
      const y = year - 1;
      const leapDay = month > 2 && isLeapYear(year) ? 1 : 0;
      // days from 0001-01-01 to the date, less those from 0001-01-01 to 1970-01-01 (719,162)
      return y * 365 + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + DAYS_BEFORE_MONTH[month - 1]! + leapDay + day - 1 - 719_162;
    }
  }
  const { year, month, day } = parts(date);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/**
 * The day number of a real calendar date written YYYY-MM-DD from year 100 on, or undefined for
 * anything else (2020-02-30, 2020-6-1): the dates whose day number gives them back unchanged.
 */
export function calendarDayNumber(date: string): number | undefined {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return toDayNumber(date);
}

/** The number written by `length` ASCII digits from `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * DAY_MS);
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** a − b in days (positive when a is later). */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Adds months, keeping the day but clamping it to the target month's length (1-31 + 1m = 2-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return ymd(y, m, Math.min(day, daysInMonth(y, m)));
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return ymd(year, month, 1);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return ymd(year, month, daysInMonth(year, month));
}

/** The first day of the date's 旬 (上旬 1–10, 中旬 11–20, 下旬 21 to the month's end): the 1st, 11th or 21st. */
export function startOfXun(date: IsoDate): IsoDate {
  const { year, month, day } = parts(date);
  return ymd(year, month, day <= 10 ? 1 : day <= 20 ? 11 : 21);
}

/** The last day of the date's 旬: the 10th, the 20th, or the month's last day. */
export function endOfXun(date: IsoDate): IsoDate {
  const { year, month, day } = parts(date);
  if (day <= 10) return ymd(year, month, 10);
  if (day <= 20) return ymd(year, month, 20);
  return ymd(year, month, daysInMonth(year, month));
}

export function startOfQuarter(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return ymd(year, Math.floor((month - 1) / 3) * 3 + 1, 1);
}

export function endOfQuarter(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  const last = Math.ceil(month / 3) * 3;
  return ymd(year, last, daysInMonth(year, last));
}

/** The first day of the date's half-year: 1 January or 1 July. */
export function startOfHalf(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return ymd(year, month <= 6 ? 1 : 7, 1);
}

export function endOfHalf(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return month <= 6 ? ymd(year, 6, 30) : ymd(year, 12, 31);
}

export function startOfYear(date: IsoDate): IsoDate {
  // every light asks for it: a well-formed date's year is its first four characters
  if (date.length === 10 && date.charCodeAt(4) === 45 && digitsAt(date, 0, 4) >= 0) return `${date.slice(0, 4)}-01-01`;
  return ymd(parts(date).year, 1, 1);
}

export function yearOf(date: IsoDate): number {
  return parts(date).year;
}

/** 09-30: a date within its year, for narrow table cells. */
export function monthDay(date: IsoDate): string {
  return date.slice(5);
}

/** Midnight UTC of a calendar date, for file formats that stamp times (zip entries, document properties). */
export function utcMidnight(date: IsoDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day));
}

export function endOfYear(date: IsoDate): IsoDate {
  return ymd(parts(date).year, 12, 31);
}

// Zones with one fixed offset for today's dates (China has kept UTC+8 without summer time since
// 1991). Answering these without ICU saves its time-zone data load, which costs more than
// everything else `tasks overdue` does on a small plan.
const FIXED_OFFSET_MINUTES: Readonly<Record<string, number>> = {
  'Asia/Shanghai': 480, 'Asia/Chongqing': 480, 'Asia/Chungking': 480, 'Asia/Harbin': 480, PRC: 480, 'Asia/Hong_Kong': 480,
  'Asia/Macau': 480, 'Asia/Taipei': 480, UTC: 0, 'Etc/UTC': 0, GMT: 0, 'Etc/GMT': 0,
};

/** Today's calendar date in the given IANA time zone (never the process's own zone). */
export function todayIn(now: Date, timeZone: string): IsoDate {
  const offset = lookup(FIXED_OFFSET_MINUTES, timeZone);
  if (offset !== undefined) return fromDayNumber(Math.floor((now.getTime() + offset * 60_000) / DAY_MS));
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const get = (type: string) => Number(fmt.formatToParts(now).find((p) => p.type === type)?.value);
  return ymd(get('year'), get('month'), get('day'));
}

/** The zone's offset from UTC at `now`, as ±HH:MM (for git's --since). */
export function utcOffset(now: Date, timeZone: string): string {
  let minutes = lookup(FIXED_OFFSET_MINUTES, timeZone);
  if (minutes === undefined) {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(now).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  }
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function isValidTimeZone(timeZone: string): boolean {
  if (lookup(FIXED_OFFSET_MINUTES, timeZone) !== undefined) return true;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** 2020年9月30日 */
export function formatChineseDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${year}年${month}月${day}日`;
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 9 → September */
export function englishMonthName(month: number): string {
  return ENGLISH_MONTHS[month - 1] ?? String(month);
}

/** 30 September 2020 */
export function formatEnglishDate(date: IsoDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${englishMonthName(month)} ${year}`;
}

// ---- Reading dates the way clerks write them ------------------------------------------------

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** '12' | '十二' | '二十' | '二十五' → number; undefined when it is not a small number. */
export function parseSmallNumber(text: string): number | undefined {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十]{1,3}$/.test(text)) return undefined;
  if (!text.includes('十')) return text.length === 1 ? CN_DIGITS[text] : undefined;
  const [tens, ones] = text.split('十') as [string, string];
  const t = tens === '' ? 1 : CN_DIGITS[tens];
  const o = ones === '' ? 0 : CN_DIGITS[ones];
  return t === undefined || o === undefined ? undefined : t * 10 + o;
}

const CN_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (0 to 99; the counterpart of parseSmallNumber). */
export function formatSmallNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CN_NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_NUMERALS[tens]}十${ones === 0 ? '' : CN_NUMERALS[ones]}`;
}

const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';

/**
 * The `--as-of` forms: 2020-09-30, 2020/9/30, 2020.9.30, 2020年9月30日, a date within today's year
 * (9月30日, 9.30, 9/30), a month (10月: its last day), today/今天, 昨天, 前天, the period ends
 * 旬末/eox, 上旬末/中旬末/下旬末, 月底/eom, 上月底, 季末/eoq, 年底/eoy, a deadline phrase of today's year
 * (6月底, 三季度末, 上半年), and offsets such as +10d, -1m, +2w, -1y. A date without its year is in
 * `year` (the plan's, for --as-of), else today's. Returns undefined when the text is none of them.
 */
export function parseDateInput(input: string, today: IsoDate, year: number = yearOf(today)): IsoDate | undefined {
  const date = readDateInput(input, today, year);
  // an offset can run off the calendar (-2020y is the year 0); no ledger has such a date
  return date !== undefined && isIsoDate(date) && date >= '1900-01-01' && date <= '2999-12-31' ? date : undefined;
}

function readDateInput(input: string, today: IsoDate, year: number): IsoDate | undefined {
  const text = halfWidth(input).trim().toLowerCase();
  if (text === '') return undefined;
  const relative = lookup(RELATIVE_DAYS, text);
  if (relative !== undefined) return addDays(today, relative);
  const periodEnd = lookup(PERIOD_ENDS, text);
  if (periodEnd) return periodEnd(today);
  const offset = /^([+-])(\d{1,4})([dwmy])$/.exec(text);
  if (offset) {
    const n = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    switch (offset[3]) {
      case 'd': return addDays(today, n);
      case 'w': return addDays(today, 7 * n);
      case 'm': return addMonths(today, n);
      default: return addMonths(today, 12 * n);
    }
  }
  return parseCalendarDate(text) ?? parseShortDate(text, year) ?? parseMonth(text, year) ?? datedPhrase(text, year);
}

/** A deadline phrase that names a day (6月底, 三季度末), not ongoing work. */
function datedPhrase(text: string, year: number): IsoDate | undefined {
  const phrase = parseDeadline(text, year);
  return phrase && !phrase.ongoing ? phrase.date : undefined;
}

const RELATIVE_DAYS: Readonly<Record<string, number>> = {
  today: 0, 今天: 0, 今日: 0, yesterday: -1, 昨天: -1, 昨日: -1, 前天: -2, tomorrow: 1, 明天: 1, 明日: 1, 后天: 2,
};

const xunEnd = (day: 10 | 20) => (today: IsoDate) => ymd(yearOf(today), parts(today).month, day);

const PERIOD_ENDS: Record<string, (today: IsoDate) => IsoDate> = {
  旬末: endOfXun, eox: endOfXun, 本旬末: endOfXun,
  上旬末: xunEnd(10), 中旬末: xunEnd(20), 下旬末: endOfMonth,
  月底: endOfMonth, 月末: endOfMonth, eom: endOfMonth, 本月底: endOfMonth, 本月末: endOfMonth,
  上月底: (today) => endOfMonth(addMonths(today, -1)), 上月末: (today) => endOfMonth(addMonths(today, -1)),
  季末: endOfQuarter, 季度末: endOfQuarter, eoq: endOfQuarter,
  年底: endOfYear, 年末: endOfYear, eoy: endOfYear,
};

/** A day within a year the text leaves out: 9月30日, 9月30号, 9月30, 9.30, 9/30, 9-30. */
function parseShortDate(text: string, year: number): IsoDate | undefined {
  const m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text) ?? /^(\d{1,2})[./-](\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  return isValidYmd(year, month, day) ? ymd(year, month, day) : undefined;
}

/** A month alone (10月, 十月份, 2020年10月): its last day. */
function parseMonth(text: string, year: number): IsoDate | undefined {
  const m = new RegExp(`^(?:(\\d{4})\\s*年)?\\s*${NUM}\\s*月份?$`).exec(text);
  if (!m) return undefined;
  const month = parseSmallNumber(m[2]!);
  if (month === undefined || month < 1 || month > 12) return undefined;
  const y = m[1] ? Number(m[1]) : year;
  return ymd(y, month, daysInMonth(y, month));
}

/** 2020-09-30, 2020-9-30, 2020/9/30, 2020.9.30, 2020年9月30日 (日/号 optional). */
export function parseCalendarDate(input: string): IsoDate | undefined {
  const text = input.trim();
  const m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? ymd(year, month, day) : undefined;
}

/**
 * An Excel date serial number (days in the 1900 system, as a date cell holds them, 44102 for
 * 2020-09-28) → its date; undefined for numbers that are no whole day between 1900 and 9999.
 */
export function excelSerialDate(serial: number): IsoDate | undefined {
  if (!Number.isInteger(serial) || serial < 61 || serial > 2_958_465) return undefined;
  // Excel counts a 29 February 1900 that never was, so from 1 March 1900 on day 0 is 1899-12-30
  return addDays('1899-12-30', serial);
}

/**
 * A date as written in a form cell: a full date (2020-09-28, 2020.9.28, 2020年9月28日), or a
 * month and day without the year (9月28日, 9.28, 9-28, 9/28), which takes the year that puts it
 * nearest to `near`. `yearAssumed` tells the caller a year was supplied.
 */
export function parseFormDate(input: string, near: IsoDate): { date: IsoDate; yearAssumed: boolean } | undefined {
  const text = halfWidth(input).trim();
  const full = parseCalendarDate(text);
  if (full) return { date: full, yearAssumed: false };
  const m = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(text) ?? /^(\d{1,2})[.\-/](\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  const year = yearOf(near);
  const candidates = [year - 1, year, year + 1].filter((y) => isValidYmd(y, month, day)).map((y) => ymd(y, month, day));
  if (candidates.length === 0) return undefined;
  const nearest = candidates.reduce((best, d) => (Math.abs(diffDays(d, near)) < Math.abs(diffDays(best, near)) ? d : best));
  return { date: nearest, yearAssumed: true };
}

export interface DeadlinePhrase {
  /** the resolved deadline */
  date: IsoDate;
  /** the phrase as written, e.g. 6月底前 */
  text: string;
  /** the work has no end (长期坚持, 持续推进, 每季度): the deadline is the year's end */
  ongoing: boolean;
}

const ONGOING = /长期坚持|长期推进|持续推进|持续开展|长期|常态化|每季度|每月|每年|每旬|全年持续/;

/**
 * Finds the first deadline phrase in a text and resolves it against the plan's year:
 * 年底前, 6月底前, 2020年12月底前, 6月30日前, 上半年, 三季度末, 9月中旬, 长期坚持 …
 */
export function findDeadlinePhrase(text: string, year: number, options: { inText?: boolean } = {}): DeadlinePhrase | undefined {
  const candidates: Array<{ index: number; phrase: DeadlinePhrase }> = [];
  const add = (re: RegExp, resolve: (m: RegExpExecArray) => { date: IsoDate; ongoing?: boolean } | undefined) => {
    const m = re.exec(text);
    if (!m) return;
    const r = resolve(m);
    if (r) candidates.push({ index: m.index, phrase: { date: r.date, text: m[0], ongoing: r.ongoing ?? false } });
  };
  const yearOf = (y: string | undefined) => (y ? Number(y) : year);
  const month = (s: string | undefined) => {
    const n = s === undefined ? undefined : parseSmallNumber(s);
    return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
  };
  add(/(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号](?:之?前)?/, (m) => {
    const y = yearOf(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return isValidYmd(y, mo, d) ? { date: ymd(y, mo, d) } : undefined;
  });
  add(new RegExp(`(?:(\\d{4})\\s*年)?${NUM}\\s*月\\s*(?:份)?(底|末|下旬|中旬|上旬)(?:之?前)?`), (m) => {
    const y = yearOf(m[1]);
    const mo = month(m[2]);
    if (mo === undefined) return undefined;
    const day = m[3] === '上旬' ? 10 : m[3] === '中旬' ? 20 : daysInMonth(y, mo);
    return { date: ymd(y, mo, day) };
  });
  add(/(?:(\d{4})\s*年)?\s*(?:第)?([一二三四1-4])\s*季度(?:末|底)?(?:之?前)?/, (m) => {
    const q = parseSmallNumber(m[2] ?? '');
    if (q === undefined || q < 1 || q > 4) return undefined;
    const y = yearOf(m[1]);
    return { date: ymd(y, q * 3, daysInMonth(y, q * 3)) };
  });
  add(/(?:(\d{4})\s*年)?\s*上半年(?:之?前|底)?/, (m) => ({ date: ymd(yearOf(m[1]), 6, 30) }));
  add(/(?:(\d{4})\s*年)?\s*下半年(?:之?前|底)?/, (m) => ({ date: ymd(yearOf(m[1]), 12, 31) }));
  // In running text (a notice's sentences) only deadlines proper count: 全年 or 常态化 there
  // describe the work, not when it is due.
  const yearEnd = options.inText ? '年底|年末' : '年底|年末|年内|全年|本年度';
  add(new RegExp(`(?:(\\d{4})\\s*年)?\\s*(?:${yearEnd})(?:之?前)?|(\\d{4})\\s*年\\s*(?:底|末)(?:之?前)?`), (m) => ({
    date: ymd(yearOf(m[1] ?? m[2]), 12, 31),
  }));
  if (!options.inText) add(ONGOING, () => ({ date: ymd(year, 12, 31), ongoing: true }));
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.phrase;
}

/**
 * A deadline as a clerk writes it on the command line or in a spreadsheet cell: an exact date
 * (2020-06-30, 2020年6月30日) or a phrase (6月底, 年底前, 三季度末, 上半年, 长期坚持).
 * The whole text must be one of these forms.
 */
export function parseDeadline(text: string, year: number): DeadlinePhrase | undefined {
  const trimmed = text.trim();
  const exact = parseCalendarDate(trimmed);
  if (exact) return { date: exact, text: trimmed, ongoing: false };
  const day = parseShortDate(trimmed, year) ?? parseMonth(trimmed, year);
  if (day) return { date: day, text: trimmed, ongoing: false };
  // 明年 (next year) and 今年 (this year) before a phrase say which year it means
  const next = /^(明年|下一年度?|次年)/.exec(trimmed);
  const body = trimmed.replace(/^今(?=年[底末])/, '').replace(/^(明年|下一年度?|次年|今年|本年度?)/, '');
  const phrase = findDeadlinePhrase(body, next ? year + 1 : year);
  if (!phrase) return undefined;
  // Allow the words around a phrase that say nothing more (完成时限：6月底前完成), but nothing else.
  const rest = body.replace(phrase.text, '').replace(/完成时限|时间节点|完成时间|完成|之前|以前|[：:。，,\s前内]/g, '');
  return rest === '' ? { ...phrase, text: trimmed } : undefined;
}
