// What a clerk may type, read in one place: statuses, lights, percentages, lists of names, ids,
// years, and whether a deadline is an exact date or a phrase. The limits come from the schemas,
// which are the one source of the field rules.
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import { parseCalendarDate, parseSmallNumber } from './dates.js';
import { LIGHTS, type Light } from './light.js';
import { halfWidth, lookup } from './lookup.js';
import { STATUSES, type Status } from './task.js';

/** Words a clerk may write for a status, and the status they mean. */
export const STATUS_WORDS: Readonly<Record<string, Status>> = {
  未启动: 'not_started', 未开始: 'not_started', 推进中: 'in_progress', 进行中: 'in_progress', 已完成: 'done', 完成: 'done',
  暂缓: 'suspended', 已取消: 'cancelled', 取消: 'cancelled',
};

/** Status words that spreadsheet ledgers use beyond the tool's own. */
export const LEDGER_STATUS_WORDS: Readonly<Record<string, Status>> = {
  尚未启动: 'not_started', 未开展: 'not_started',
  正在推进: 'in_progress', 正常推进: 'in_progress', 序时推进: 'in_progress', 按序时推进: 'in_progress', 已启动: 'in_progress',
  持续推进: 'in_progress', 滞后: 'in_progress', 进度滞后: 'in_progress', 逾期: 'in_progress', 逾期未完成: 'in_progress', 未完成: 'in_progress',
  逾期完成: 'done', 按期完成: 'done', 已办结: 'done', 办结: 'done',
  暂停: 'suspended', 缓办: 'suspended', 已暂缓: 'suspended',
  撤销: 'cancelled', 已撤销: 'cancelled',
};

/** Words a clerk may write for a light (红, 黄灯 …), and the light they mean. */
const LIGHT_WORDS: Readonly<Record<string, Light>> = {
  红: 'red', 红灯: 'red', 黄: 'yellow', 黄灯: 'yellow', 绿: 'green', 绿灯: 'green', 完成: 'done', 已完成: 'done',
  逾期完成: 'done_late', 暂缓: 'suspended', 取消: 'cancelled', 已取消: 'cancelled',
};

/** A status as typed on the command line: its key (in_progress) or one of its words (推进中). */
export function readStatus(text: string): Status | undefined {
  const s = text.trim();
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : lookup(STATUS_WORDS, s);
}

/** A light as typed: its key (red, any case) or one of its words (红, 红灯). */
export function readLight(text: string): Light | undefined {
  const l = text.trim().toLowerCase();
  return (LIGHTS as readonly string[]).includes(l) ? (l as Light) : lookup(LIGHT_WORDS, l);
}

const percentSchema = taskSchema.properties.progress.items.properties.percent;
export const PERCENT_MIN = percentSchema.minimum;
export const PERCENT_MAX = percentSchema.maximum;

/**
 * A percentage as a clerk writes it: `80`, `80%`, `80％`, `62.5`. Decimal digits only (no `0x20`,
 * no `1e2`), within the schema's range. With `fractions`, a bare number between 0 and 1 is a
 * fraction (a spreadsheet cell formatted as percent reads 0.6 for 60%).
 */
export function readPercent(text: string, options: { fractions?: boolean } = {}): number | undefined {
  const m = /^\s*([+]?\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(halfWidth(text));
  if (!m) return undefined;
  let value = Number(m[1]);
  if (options.fractions && m[2] === '' && value > 0 && value < 1) value = Math.round(value * 10000) / 100;
  return value >= PERCENT_MIN && value <= PERCENT_MAX ? value : undefined;
}

/** A number as a clerk writes it for a target's value: decimal digits, an optional sign and decimals, an optional %. */
export function readNumber(text: string): number | undefined {
  const m = /^\s*([-+]?\d+(?:\.\d+)?)\s*%?\s*$/.exec(halfWidth(text));
  return m ? Number(m[1]) : undefined;
}

/** Several names in one text: split at 、，,；; / and line breaks, or two spaces. */
export function splitNames(value: string): string[] {
  return value
    .split(/[、，,；;\n/]|\s{2,}/)
    .map((s) => s.trim().replace(/^(?:和|及|以及)/, '').replace(/[。.]$/, ''))
    .filter((s) => s !== '');
}

const ID_PATTERN = new RegExp(taskSchema.properties.id.pattern);

/** Whether a text can be a task id (the schema's pattern): letters, digits, `-`, `_` and `.`. */
export function isValidId(text: string): boolean {
  return ID_PATTERN.test(text);
}

const yearSchema = configSchema.properties.year;
export const YEAR_MIN = yearSchema.minimum;
export const YEAR_MAX = yearSchema.maximum;

/** A plan's year as typed (`2020`), within the schema's range. */
export function readYear(text: string | number): number | undefined {
  const year = typeof text === 'number' ? text : /^\s*\d{4}\s*$/.test(text) ? Number(text) : NaN;
  return Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX ? year : undefined;
}

/**
 * Whether a deadline as written is an exact calendar date (2020-06-30, 2020年6月30日) rather
 * than a phrase (6月底前, 2020年底前), whose words are then kept beside the date.
 */
export function isExactDate(text: string): boolean {
  return parseCalendarDate(text) !== undefined;
}

/** 八成 → 80, 八成五 → 85, 十成 → 100: a share as said in Chinese. */
export function readChineseShare(text: string): number | undefined {
  const m = /^\s*([一二三四五六七八九十])成([一二三四五六七八九])?\s*$/.exec(text);
  if (!m) return undefined;
  const tens = parseSmallNumber(m[1]!)!;
  const ones = m[2] === undefined ? 0 : parseSmallNumber(m[2])!;
  return tens === 10 && ones > 0 ? undefined : tens * 10 + ones;
}

const YES = new Set(['是', '是的', 'y', 'yes', '√', '✓', '已办结', '办结', '已完成', '完成']);
const NO = new Set(['否', '不是', 'n', 'no', '×', '未办结', '未完成', '无']);

/** 是否 as answered in a form: true for 是 (and 已办结, √ …), false for 否, undefined for anything else. */
export function readYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return YES.has(t) ? true : NO.has(t) ? false : undefined;
}
