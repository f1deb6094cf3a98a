// A responsibility ledger (责任清单, 任务分解表, 台账) as a table of cell texts → draft tasks.
// Pure: the cells come as plain strings (from src/import/xlsx-read.ts, or a test), with the
// sheet's merged ranges; no files, no clock.
//
// Real ledgers have title and date rows above the header, headings (一、… / （一）…) between the
// tasks, officials and 所属要点 merged down over the rows they cover, several units in one cell,
// and deadlines written as phrases (6月底前, 长期坚持). Each row that cannot be read is reported
// with its row number, and the others are still read.
import { findDeadlinePhrase, fromDayNumber, parseCalendarDate, parseDeadline, ymd, type IsoDate } from '../core/dates.js';
import { STATUSES, STATUS_WORDS, type Milestone, type ProgressEntry, type Status, type Target, type Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { parseTargets, shortTitle, splitNames, UNASSIGNED } from './notice.js';

/** A merged range, 1-based and inclusive, as Excel numbers rows and columns. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface LedgerSheet {
  name: string;
  /** rows[r - 1][c - 1] is the text of the cell at row r, column c */
  rows: string[][];
  merges: CellRange[];
  /** a sheet Excel does not show; chosen only when asked for by name */
  hidden?: boolean;
}

/** What a column holds. `task` is the task's text: its detail, and a short title made from it. */
export const FIELDS = [
  'task', 'title', 'detail', 'no', 'id', 'section', 'point', 'lead', 'lead_unit', 'units', 'deadline', 'status',
  'progress', 'progress_date', 'percent', 'targets', 'done_on', 'tags', 'ignore',
] as const;
export type Field = (typeof FIELDS)[number];

/** How our own export (src/render/export-sheets.ts) writes a sheet of tasks, in one language. */
export interface ExportVocabulary {
  columns: Messages['exports']['col'];
  statuses: Readonly<Record<Status, string>>;
  target: Messages['exports']['target'];
  extended: Messages['exports']['extended'];
}

export function exportVocabulary(m: Messages): ExportVocabulary {
  return { columns: m.exports.col, statuses: m.status, target: m.exports.target, extended: m.exports.extended };
}

const EXPORT_COLUMN_FIELDS: Record<keyof Messages['exports']['col'], Field> = {
  no: 'no', id: 'id', title: 'task', lead: 'lead', point: 'point', leadUnit: 'lead_unit', coUnits: 'units', deadline: 'deadline',
  status: 'status', light: 'ignore', daysOverdue: 'ignore', latest: 'progress', latestDate: 'progress_date', targets: 'targets',
};

/** Column names as ledgers write them. The first names of task and of the others are what the "no header" message lists. */
const HEADER_NAMES: ReadonlyArray<readonly [Field, readonly string[]]> = [
  ['task', ['工作任务', '重点任务', '任务内容', '主要任务', '任务', '重点工作', '工作内容', '具体任务', '重点工作任务', '工作事项', '任务事项']],
  ['no', ['序号', '序', '顺序号', 'No.', 'No']],
  ['lead', ['牵头责任领导', '责任领导', '分管领导', '牵头领导', '分管区领导', '牵头区领导', '责任区领导', '包保领导', '联系领导', '分管县领导', '分管市领导']],
  ['lead_unit', ['牵头单位', '牵头部门', '主责单位', '主办单位', '牵头责任单位']],
  ['units', ['责任单位', '配合单位', '协办单位', '责任部门', '配合部门', '参与单位', '协同单位', '协助单位', '会办单位']],
  ['deadline', ['完成时限', '时间节点', '完成时间', '时限', '完成期限', '时限要求', '办结时限', '完成日期', '截止时间', '截止日期']],
  ['title', ['任务名称', '事项名称']],
  ['id', ['编号', '任务编号']],
  ['section', ['所属部分', '部分', '所属板块', '板块']],
  ['point', ['所属要点', '工作要点', '要点']],
  ['status', ['状态', '完成状态', '进展状态', '推进状态', '任务状态']],
  ['progress', ['最新进展', '进展情况', '工作进展', '推进情况', '进展', '完成情况', '目前进展', '最新进展情况']],
  ['progress_date', ['进展日期', '报送日期', '更新日期', '进展时间']],
  ['percent', ['完成进度', '完成比例', '完成百分比', '进度（%）', '完成进度（%）']],
  ['targets', ['指标（目标/实际）', '量化指标', '指标']],
  ['done_on', ['实际完成时间', '实际完成日期', '办结日期', '办结时间']],
  ['tags', ['标签']],
  // computed by the export from the other columns: read back, they would only go stale
  ['ignore', ['预警', '逾期天数', '灯色', '预警灯', '红黄绿灯']],
];

/** Names not in the list above, by their words; only for short cells, so that a title row never matches. */
const HEADER_PATTERNS: ReadonlyArray<readonly [RegExp, Field]> = [
  [/实际完成|办结(日期|时间)/, 'done_on'],
  [/预警|逾期天数|灯色/, 'ignore'],
  [/进展(日期|时间)|报送(日期|时间)/, 'progress_date'],
  [/领导(?:（[^）]*）)?$/, 'lead'],
  [/牵头(单位|部门)|主责(单位|部门)/, 'lead_unit'],
  [/(责任|配合|协办|参与|协同|协助|会办)(单位|部门)/, 'units'],
  [/时限|时间节点|完成时间|截止(日期|时间)/, 'deadline'],
  [/要点/, 'point'],
  [/进展|推进情况/, 'progress'],
  [/任务(?:内容|名称)?$|^重点工作(?:事项|内容)?$/, 'task'],
];
const PATTERN_MAX_LENGTH = 12;

/** How far down the header may be: title, subtitle, date and blank rows come above it. */
export const HEADER_SEARCH_ROWS = 20;

/** The column names the "no header" message lists: the task's, then one of each other kind. */
export const LOOKED_FOR: readonly string[] = [
  ...HEADER_NAMES.find(([f]) => f === 'task')![1].slice(0, 5),
  ...(['no', 'lead', 'lead_unit', 'units', 'deadline'] as const).map((f) => HEADER_NAMES.find(([g]) => g === f)![1][0]!),
];

export interface HeaderColumn {
  /** 0-based column index */
  index: number;
  /** the header text as written (with the sub-header, when there is one) */
  name: string;
  field: Field | undefined;
}

export interface Header {
  /** 1-based row of the header (the upper row of a two-row header) */
  row: number;
  /** 1-based row of the first data row */
  dataStart: number;
  columns: HeaderColumn[];
  /** the sheet is one of our own exports: its task column holds titles, word for word */
  ownExport: boolean;
  /** --map names that are not in the header */
  mapUnused: string[];
}

export interface HeaderOptions {
  /** --map: normalised column name → field */
  map?: ReadonlyMap<string, Field>;
  vocabularies?: readonly ExportVocabulary[];
}

/** A header name as compared: no spaces or line breaks, full-width brackets, no trailing colon or asterisk. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[:：*＊]+$/, '')
    .toLowerCase();
}

/** Normalised column name → field: the names ledgers use, and our own export's headers in each language. */
export function headerAliases(options: HeaderOptions = {}): Map<string, Field> {
  const table = new Map<string, Field>();
  for (const [field, names] of HEADER_NAMES) for (const name of names) table.set(normalizeHeader(name), field);
  for (const v of options.vocabularies ?? []) {
    for (const [key, field] of Object.entries(EXPORT_COLUMN_FIELDS) as Array<[keyof typeof EXPORT_COLUMN_FIELDS, Field]>) {
      table.set(normalizeHeader(v.columns[key]), field);
    }
  }
  return table;
}

export function classifyHeader(name: string, aliases: ReadonlyMap<string, Field>, map?: ReadonlyMap<string, Field>): Field | undefined {
  const n = normalizeHeader(name);
  if (n === '') return undefined;
  const mapped = map?.get(n);
  if (mapped) return mapped;
  const known = aliases.get(n);
  if (known) return known;
  if ([...n].length > PATTERN_MAX_LENGTH) return undefined;
  return HEADER_PATTERNS.find(([re]) => re.test(n))?.[1];
}

const TASK_FIELDS: ReadonlySet<Field | undefined> = new Set(['task', 'title', 'detail']);

/**
 * The header row: among the first rows, the one that names a task column and the most other
 * known columns (the earlier one on a tie). A row under it that repeats its task column (a
 * two-row header, 责任单位 over 牵头 | 配合) refines the columns it splits.
 */
export function findHeader(sheet: LedgerSheet, options: HeaderOptions = {}): Header | undefined {
  const aliases = headerAliases(options);
  let best: { row: number; columns: HeaderColumn[]; score: number } | undefined;
  const last = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  for (let r = 1; r <= last; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    const columns = cells.map((text, index) => ({ index, name: clean(text), field: classifyHeader(text, aliases, options.map) }));
    const fields = new Set(columns.map((c) => c.field).filter((f) => f !== undefined && f !== 'ignore'));
    if (![...fields].some((f) => TASK_FIELDS.has(f)) || fields.size < 2) continue;
    if (!best || fields.size > best.score) best = { row: r, columns, score: fields.size };
  }
  if (!best) return undefined;
  const { row, columns } = best;
  let dataStart = row + 1;

  const taskColumn = columns.find((c) => TASK_FIELDS.has(c.field));
  const below = sheet.rows[row] ?? [];
  if (taskColumn && normalizeHeader(below[taskColumn.index] ?? '') === normalizeHeader(taskColumn.name)) {
    dataStart = row + 2;
    for (const column of columns) {
      const sub = clean(below[column.index] ?? '');
      if (sub === '' || normalizeHeader(sub) === normalizeHeader(column.name)) continue;
      const field = classifyHeader(sub, aliases, options.map);
      const splitsUnits = column.field === 'units' || column.field === 'lead_unit';
      column.field =
        field ?? (splitsUnits && /牵头|主办|主责/.test(sub) ? 'lead_unit' : splitsUnits && /配合|协办|参与|协助|协同|责任/.test(sub) ? 'units' : column.field);
      column.name = column.name === '' ? sub : `${column.name}/${sub}`;
    }
  }

  // A second text column (任务名称 beside 任务内容, or two task columns) is the detail.
  const hasTitle = columns.some((c) => c.field === 'title');
  let seenTask = false;
  for (const column of columns) {
    if (column.field !== 'task') continue;
    if (hasTitle || seenTask) column.field = 'detail';
    seenTask = true;
  }
  // Many ledgers head their 1, 2, 3 column 编号: that is numbering, not ids to keep.
  const idColumns = columns.filter((c) => c.field === 'id' && !options.map?.has(normalizeHeader(c.name)));
  if (idColumns.length > 0 && !columns.some((c) => c.field === 'no')) {
    for (const column of idColumns) {
      const values = sheet.rows.slice(dataStart - 1).map((cells) => clean(cells[column.index] ?? '')).filter((v) => v !== '');
      if (values.length > 0 && values.every((v) => NUMBERING.test(v))) column.field = 'no';
    }
  }

  const names = new Set(columns.map((c) => normalizeHeader(c.name.split('/')[0] ?? '')).concat(columns.map((c) => normalizeHeader(c.name.split('/').at(-1) ?? ''))));
  const mapUnused = [...(options.map?.keys() ?? [])].filter((k) => !names.has(k));
  const ownExport = (options.vocabularies ?? []).some((v) => {
    const wanted = [v.columns.id, v.columns.title, v.columns.light].map(normalizeHeader);
    return wanted.every((w) => columns.some((c) => normalizeHeader(c.name) === w));
  });
  return { row, dataStart, columns, ownExport, mapUnused };
}

/** The year a sheet's title rows name (2020年…), for deadlines when neither --year nor the plan gives one. */
export function yearInTitle(sheet: LedgerSheet, header: Header): number | undefined {
  const text = titleText(sheet, header);
  const m = /((?:19|20)\d{2})\s*年/.exec(text) ?? /\b((?:19|20)\d{2})\b/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The date a sheet reports as of (截至2020年9月30日, 填报日期：2020-09-30), from its title rows. */
export function dateInTitle(sheet: LedgerSheet, header: Header): IsoDate | undefined {
  const m = /(?:截至|截止|填报日期|报送日期|统计日期|日期)\s*[:：]?\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})/.exec(titleText(sheet, header));
  return m ? parseCalendarDate(m[1]!.replace(/\s+/g, '')) : undefined;
}

function titleText(sheet: LedgerSheet, header: Header): string {
  return [...new Set(sheet.rows.slice(0, header.row - 1).flat().map(clean).filter(Boolean))].join('\n');
}

// ---- Rows → drafts ------------------------------------------------------------------------

export interface LedgerDraft {
  task: Omit<Task, 'id'>;
  /** the id the sheet gives (编号), when it is usable as a file name */
  id?: string;
  /** 1-based row of the sheet the task comes from */
  row: number;
}

export type RowProblemCode =
  | 'no_task_text' | 'bad_deadline' | 'no_deadline' | 'bad_status' | 'done_without_date' | 'progress_without_date'
  | 'bad_progress_date' | 'bad_percent' | 'bad_target' | 'bad_id' | 'duplicate_id' | 'bad_done_on';

export interface RowProblem {
  row: number;
  /** an error leaves the row out; a warning imports it with the assumption it names */
  severity: 'error' | 'warning';
  code: RowProblemCode;
  /** the cell text in question, or the date assumed */
  text: string;
  /** for bad_status: the status recorded instead */
  status?: Status;
}

export interface LedgerResult {
  drafts: LedgerDraft[];
  problems: RowProblem[];
  sections: number;
  points: number;
  /** drafts whose lead official or units the sheet does not give */
  unassigned: number;
  /** there is no deadline column: every deadline is the year's end */
  noDeadlineColumn: boolean;
  /** there is no progress date column: progress is dated with the sheet's own date */
  progressDateFromTitle: IsoDate | undefined;
}

export interface LedgerOptions {
  vocabularies?: readonly ExportVocabulary[];
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const PART = new RegExp(`^${CN_NUM}\\s*[、.．]\\s*\\S`);
const POINT = new RegExp(`^[（(]${CN_NUM}[）)]\\s*\\S`);
/** 序号 as written: 1, 1., 1、, （1）, 一、, （一）, 一 */
const NUMBERING = new RegExp(`^(?:\\d{1,4}|${CN_NUM})\\s*[.．、]?$|^[（(](?:\\d{1,4}|${CN_NUM})[）)]$`);
const CN_NUMBERING = new RegExp(`^(?:${CN_NUM}\\s*[、.．]?|[（(]${CN_NUM}[）)])$`);
/** A number the clerk typed before the text (1. / 1、 / （1）), but not 1.5万亩. */
const LEADING_NUMBER = /^\s*(?:\d{1,3}\s*[.．、](?!\d)|[（(]\d{1,3}[）)])\s*/;
const FOOTER = /^(?:注\s*\d?|备注|说明|附注|填表人|填报人|审核人|制表人|联系人|联系电话|填报单位|制表|审核|签发|负责人)\s*[:：]/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Columns whose content alone does not make a row a task. */
const NOT_TASK_CONTENT: ReadonlySet<Field | undefined> = new Set(['no', 'ignore', undefined]);

/** Status words ledgers use beyond the tool's own (core/task.ts STATUS_WORDS). */
const LEDGER_STATUS_WORDS: Readonly<Record<string, Status>> = {
  尚未启动: 'not_started', 未开展: 'not_started',
  正在推进: 'in_progress', 正常推进: 'in_progress', 序时推进: 'in_progress', 按序时推进: 'in_progress', 已启动: 'in_progress',
  持续推进: 'in_progress', 滞后: 'in_progress', 进度滞后: 'in_progress', 逾期: 'in_progress', 逾期未完成: 'in_progress', 未完成: 'in_progress',
  逾期完成: 'done', 按期完成: 'done', 已办结: 'done', 办结: 'done',
  暂停: 'suspended', 缓办: 'suspended', 已暂缓: 'suspended',
  撤销: 'cancelled', 已撤销: 'cancelled',
};

function statusKey(text: string): string {
  return text.toLowerCase().replace(/[\s_]+/g, '');
}

/** Every word for a status the importer knows: the tool's own, ledgers' usual ones, and our export's in each language. */
export function statusWords(vocabularies: readonly ExportVocabulary[]): Map<string, Status> {
  const table = new Map<string, Status>();
  for (const s of STATUSES) table.set(statusKey(s), s);
  for (const [word, s] of Object.entries({ ...LEDGER_STATUS_WORDS, ...STATUS_WORDS })) table.set(statusKey(word), s);
  for (const v of vocabularies) for (const s of STATUSES) table.set(statusKey(v.statuses[s]), s);
  return table;
}

/** A status as written: an exact word, else the longest word the cell starts with (已完成（6月20日）). */
export function parseStatus(text: string, table: ReadonlyMap<string, Status>): Status | undefined {
  const key = statusKey(text);
  const exact = table.get(key);
  if (exact) return exact;
  let best: [string, Status] | undefined;
  for (const entry of table) if (key.startsWith(entry[0]) && entry[0].length >= 2 && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

/** Text of a cell: line ends as \n, no trailing spaces on a line, no blank lines at either end. */
function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').split('\n').map((l) => l.trimEnd()).join('\n').trim();
}

/** Every cell of a merged range takes the text of its top-left cell (how the sheet reads on screen). */
export function fillMerged(rows: string[][], merges: readonly CellRange[]): string[][] {
  const out = rows.map((r) => [...r]);
  for (const m of merges) {
    const value = rows[m.top - 1]?.[m.left - 1] ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      const row = (out[r - 1] ??= []);
      for (let c = m.left; c <= m.right; c++) row[c - 1] = value;
    }
  }
  const width = Math.max(0, ...out.map((r) => r.length));
  return out.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

export interface ResolvedDeadline {
  date: IsoDate;
  /** the phrase as written, when the cell is not simply a date */
  text?: string;
  milestones?: Milestone[];
}

/**
 * A deadline cell → the deadline: an exact date (also Excel's day number), a phrase (6月底前,
 * 三季度末, 长期坚持 → 31 December), our export's `2020-10-31（原2020-06-30，已延期）`, or steps
 * (`6月底前完成方案；年底前建成`: the last is the deadline, the others milestones).
 */
export function resolveDeadline(cell: string, year: number, vocabularies: readonly ExportVocabulary[] = []): ResolvedDeadline | undefined {
  const text = clean(cell);
  if (text === '') return undefined;
  const serial = excelDay(text);
  if (serial) return { date: serial };
  const whole = parseDeadline(text.replace(/\s*\n\s*/g, ''), year);
  if (whole) return parseCalendarDate(text) ? { date: whole.date } : { date: whole.date, text };

  const leading = /^(\d{4}-\d{1,2}-\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*([（(].*[）)])$/s.exec(text);
  const leadingDate = leading ? parseCalendarDate(leading[1]!.replace(/\s+/g, '')) : undefined;
  if (leading && leadingDate) {
    const extensionNote = vocabularies.some((v) => extensionPattern(v).test(text));
    return extensionNote ? { date: leadingDate } : { date: leadingDate, text };
  }

  const steps = text.split(/[\n；;]+/).map((s) => s.trim().replace(/[。，,]$/, '')).filter(Boolean);
  if (steps.length > 1) {
    const found = steps.map((s) => ({ step: s, phrase: findDeadlinePhrase(s, year) }));
    if (found.every((f) => f.phrase)) {
      const latest = found.reduce((a, b) => (b.phrase!.date >= a.phrase!.date ? b : a));
      const milestones = found
        .filter((f) => f !== latest)
        .map((f) => ({ title: stepTitle(f.step, f.phrase!.text), due: f.phrase!.date }))
        .filter((ms) => ms.title !== '' && ms.due < latest.phrase!.date);
      return { date: latest.phrase!.date, text, ...(milestones.length > 0 ? { milestones } : {}) };
    }
  }
  // Words around the phrase (6月底前完成主体工程): in a deadline column, the phrase is the deadline.
  const phrase = findDeadlinePhrase(text, year);
  return phrase ? { date: phrase.date, text } : undefined;
}

/** 6月底前完成方案 → 完成方案; 完成方案（6月底前） → 完成方案 */
function stepTitle(step: string, phrase: string): string {
  return step.replace(phrase, '').replace(/[（(]\s*[）)]/g, '').replace(/^[\s，,、：:]+|[\s，,、：:]+$/g, '').replace(/^之?前/, '').trim();
}

function extensionPattern(v: ExportVocabulary): RegExp {
  const sample = v.extended('\u0001', '\u0002');
  const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace('\u0001', '\\d{4}-\\d{2}-\\d{2}').replace('\u0002', '\\d{4}-\\d{2}-\\d{2}')}$`);
}

/** Excel's day number (44012 = 2020-06-30), as a date cell reads when its format was lost. */
function excelDay(text: string): IsoDate | undefined {
  if (!/^\d{5}(?:\.\d+)?$/.test(text)) return undefined;
  const serial = Math.floor(Number(text));
  // 1954 to 2119: no other five-digit number is likely in a deadline column
  return serial > 20_000 && serial < 80_000 ? fromDayNumber(serial - 25_569) : undefined;
}

/** A date cell: YYYY-MM-DD, 2020年9月20日, 2020/9/20, 9月20日 (in the plan's year), or Excel's day number. */
export function readDate(cell: string, year: number): IsoDate | undefined {
  const text = clean(cell).replace(/\s+/g, '');
  if (text === '') return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return parseCalendarDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
  const found = excelDay(text) ?? parseCalendarDate(text);
  if (found) return found;
  const phrase = parseDeadline(text, year);
  return phrase && !phrase.ongoing ? phrase.date : undefined;
}

/** Our export's target text (`name：目标≤5%，实际3%`, either language) → a target; undefined for anything else. */
export function parseTargetText(line: string, vocabularies: readonly ExportVocabulary[]): Target | undefined {
  const NUM = '([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)';
  for (const v of vocabularies) {
    for (const withActual of [true, false]) {
      const sample = v.target('\u0001', '\u0002', withActual ? '\u0003' : undefined);
      const escaped = sample.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const re = new RegExp(`^${escaped.replace('\u0001', '(.+?)').replace('\u0002', `(≤?)${NUM}(.*?)`).replace('\u0003', `${NUM}(.*?)`)}$`, 's');
      const m = re.exec(line.trim());
      if (!m) continue;
      const unit = m[4] ?? '';
      const target: Target = { name: m[1]!.trim(), target: Number(m[3]) };
      if (unit !== '') target.unit = unit;
      if (withActual) target.actual = Number(m[5]);
      if (m[2] === '≤') target.direction = 'max';
      return target;
    }
  }
  return undefined;
}

function stripNumbering(text: string): string {
  return text.replace(LEADING_NUMBER, '');
}

/** A short title from a task's text: its first sentence, shortened as notice titles are. */
export function titleOf(text: string): string {
  const lines = text.split('\n').map((l) => stripNumbering(l).trim()).filter(Boolean);
  let first = lines[0] ?? '';
  // a sentence the clerk broke with Alt+Enter goes on in the next line
  for (let i = 1; i < lines.length && [...first].length < 8 && !/[。；;：:！!？?]$/.test(first); i++) first += lines[i];
  const sentence = (first.split(/(?<=[。；;！!？?])/)[0] ?? first).replace(/[：:]$/, '');
  return shortTitle(sentence);
}

function clipTitle(text: string): string {
  const chars = [...text.replace(/\s*\n\s*/g, ' ')];
  return chars.length > 300 ? `${chars.slice(0, 299).join('')}…` : chars.join('');
}

/** Names in a cell: split at 、，,；; / and line breaks, and at spaces between Chinese names. */
function namesIn(text: string): string[] {
  return splitNames(text.replace(/(?<=[\u4e00-\u9fff）)])[ \u3000]+(?=[\u4e00-\u9fff（(])/g, '、'));
}

const LEAD_MARK = /\s*[（(]?(?:牵头|主办|主责)(?:单位)?[）)]?$/;
const CO_MARK = /\s*[（(]?(?:配合|协办|参与|协助|协同)(?:单位)?[）)]?$/;

/** Units, lead unit first: the 牵头单位 column, then units marked （牵头） in the others, then the rest. */
export function unitsOf(leadCells: readonly string[], otherCells: readonly string[]): string[] {
  const leading = leadCells.flatMap(namesIn).map((n) => n.replace(LEAD_MARK, '').trim());
  const marked: string[] = [];
  const rest: string[] = [];
  for (const name of otherCells.flatMap(namesIn)) {
    if (LEAD_MARK.test(name) && name.replace(LEAD_MARK, '').trim() !== '') marked.push(name.replace(LEAD_MARK, '').trim());
    else rest.push(name.replace(CO_MARK, '').trim());
  }
  return [...new Set([...leading, ...marked, ...rest].filter((n) => n !== ''))];
}

function parsePercent(text: string): number | undefined {
  const m = /^([-+]?\d+(?:\.\d+)?)\s*([%％]?)$/.exec(clean(text));
  if (!m) return undefined;
  let value = Number(m[1]);
  // 0.6 in a cell without % is a fraction: Excel shows it as 60% when formatted so
  if (m[2] === '' && value > 0 && value < 1) value = Math.round(value * 10000) / 100;
  return value >= 0 && value <= 100 ? value : undefined;
}

/**
 * The data rows under the header → drafts, and the rows that could not be read. `year` resolves
 * deadline phrases; headings between the rows set the section and point of the rows below them.
 */
export function readLedger(sheet: LedgerSheet, header: Header, year: number, options: LedgerOptions = {}): LedgerResult {
  const vocabularies = options.vocabularies ?? [];
  const statuses = statusWords(vocabularies);
  const problems: RowProblem[] = [];
  const drafts: LedgerDraft[] = [];
  const columnsOf = (field: Field) => header.columns.filter((c) => c.field === field).map((c) => c.index);
  const cleaned = sheet.rows.map((cells) => cells.map(clean));
  const cellAt = (r: number, c: number) => cleaned[r - 1]?.[c] ?? '';
  const taskColumn = header.columns.find((c) => c.field === 'task' || c.field === 'title') ?? header.columns.find((c) => c.field === 'detail');
  const fieldOf = new Map(header.columns.map((c) => [c.index, c.field]));
  const has = (field: Field) => columnsOf(field).length > 0;
  const sheetDate = has('progress_date') ? undefined : dateInTitle(sheet, header);
  const usedIds = new Set<string>();
  let section: string | undefined;
  let point: string | undefined;
  let progressDateFromTitle: IsoDate | undefined;

  for (let r = header.dataStart; r <= sheet.rows.length; ) {
    const group = rowsOfTask(sheet, taskColumn?.index, r);
    const next = group.at(-1)! + 1;
    const valuesOf = (field: Field) => [...new Set(group.flatMap((row) => columnsOf(field).map((c) => cellAt(row, c))).filter((v) => v !== ''))];
    const firstOf = (field: Field) => valuesOf(field)[0] ?? '';
    const cells = (sheet.rows[r - 1] ?? []).map((_, c) => ({ c, text: cellAt(r, c) })).filter((x) => x.text !== '');
    const report = (severity: RowProblem['severity'], code: RowProblemCode, text: string, status?: Status) =>
      problems.push({ row: r, severity, code, text, ...(status ? { status } : {}) });

    // blank rows, a header repeated on each printed page, a 栏次 row and notes under the table are not tasks
    if (
      cells.length === 0 ||
      isRepeatedHeader(taskColumn, cellAt(r, taskColumn?.index ?? -1)) ||
      isColumnNumbers(cells.map((x) => x.text)) ||
      FOOTER.test(cells[0]!.text)
    ) {
      r = next;
      continue;
    }
    const heading = headingOf(sheet, r, cells.map((x) => x.text), firstOf('no'), taskColumn ? cellAt(r, taskColumn.index) : '', firstOf('units') + firstOf('lead_unit') + firstOf('deadline'));
    if (heading) {
      if (heading.kind === 'point') point = heading.text;
      else {
        section = heading.text;
        point = undefined;
      }
      r = next;
      continue;
    }
    const titleText = firstOf('title');
    const taskText = stripNumbering(firstOf('task'));
    const detailParts = valuesOf('detail');
    if (titleText === '' && taskText === '' && detailParts.length === 0) {
      // numbering or computed cells alone are a template's empty rows
      const meaningful = cells.filter((x) => !NOT_TASK_CONTENT.has(fieldOf.get(x.c)));
      if (meaningful.length > 0) report('error', 'no_task_text', '');
      r = next;
      continue;
    }

    // deadline: the latest of the rows a merged task cell covers
    const deadlineTexts = valuesOf('deadline');
    const resolved = deadlineTexts.map((text) => ({ text, deadline: resolveDeadline(text, year, vocabularies) }));
    const unresolved = resolved.find((x) => !x.deadline);
    if (unresolved) {
      report('error', 'bad_deadline', unresolved.text);
      r = next;
      continue;
    }
    let deadline = resolved.map((x) => x.deadline!).reduce<ResolvedDeadline | undefined>((a, b) => (!a || b.date > a.date ? b : a), undefined);
    if (deadline && resolved.length > 1) deadline = { date: deadline.date, text: deadlineTexts.join('；') };
    const yearEnd = ymd(year, 12, 31);
    if (!deadline && has('deadline')) report('warning', 'no_deadline', yearEnd);

    // title and detail
    const body = [taskText, ...detailParts].filter(Boolean).join('\n');
    const title = titleText !== '' ? clipTitle(titleText) : header.ownExport ? clipTitle(taskText || body) : titleOf(body);
    const detail = (header.ownExport ? detailParts.join('\n') : body) || undefined;

    // officials and units; our export for one official (or one lead unit) names them in the sheet's name only
    const leads = [...new Set((has('lead') || !header.ownExport ? valuesOf('lead') : [sheet.name]).flatMap(namesIn))];
    const units = unitsOf(has('lead_unit') || !header.ownExport ? valuesOf('lead_unit') : [sheet.name], valuesOf('units'));

    // status, progress, completion
    const statusText = firstOf('status');
    let status = statusText === '' ? undefined : parseStatus(statusText, statuses);
    const percentText = firstOf('percent');
    const percent = percentText === '' ? undefined : parsePercent(percentText);
    if (percentText !== '' && percent === undefined) report('warning', 'bad_percent', percentText);
    const note = firstOf('progress');
    let progress: ProgressEntry | undefined;
    if (note !== '') {
      const dateText = firstOf('progress_date');
      const date = dateText !== '' ? readDate(dateText, year) : sheetDate;
      if (date) {
        progress = { date, note, ...(percent !== undefined ? { percent } : {}) };
        if (dateText === '') progressDateFromTitle = date;
      } else report('warning', dateText === '' ? 'progress_without_date' : 'bad_progress_date', dateText || note);
    }
    const doneText = firstOf('done_on');
    let doneOn = doneText === '' ? undefined : readDate(doneText, year);
    if (doneText !== '' && !doneOn) report('warning', 'bad_done_on', doneText);
    if (!status) {
      status = doneOn ? 'done' : progress ? 'in_progress' : 'not_started';
      if (statusText !== '') report('warning', 'bad_status', statusText, status);
    }
    if (status !== 'done') doneOn = undefined;
    else if (!doneOn) {
      doneOn = progress?.date ?? deadline?.date ?? yearEnd;
      report('warning', 'done_without_date', doneOn);
    }

    // targets
    const targets: Target[] = [];
    for (const line of valuesOf('targets').flatMap((t) => t.split('\n')).map((l) => l.trim()).filter(Boolean)) {
      const own = parseTargetText(line, vocabularies);
      const found = own ? [own] : parseTargets(line);
      if (found.length === 0) report('warning', 'bad_target', line);
      targets.push(...found);
    }

    // id
    let id: string | undefined;
    const idText = firstOf('id');
    if (idText !== '') {
      if (!ID.test(idText)) report('warning', 'bad_id', idText);
      else if (usedIds.has(idText)) report('warning', 'duplicate_id', idText);
      else id = idText;
      if (id) usedIds.add(id);
    }

    const sectionText = firstOf('section') || section;
    const pointText = firstOf('point') || point;
    const tags = [...new Set(valuesOf('tags').flatMap(namesIn))];
    const task: Omit<Task, 'id'> = {
      title: title === '' ? clipTitle(body) : title,
      ...(detail ? { detail } : {}),
      ...(sectionText ? { section: sectionText } : {}),
      ...(pointText ? { point: pointText } : {}),
      lead: leads.length === 0 ? UNASSIGNED : leads.length === 1 ? leads[0]! : leads,
      units: units.length === 0 ? [UNASSIGNED] : units,
      deadline: deadline?.date ?? yearEnd,
      ...(deadline?.text ? { deadline_text: deadline.text } : {}),
      status,
      ...(doneOn ? { done_on: doneOn } : {}),
      ...(deadline?.milestones && deadline.milestones.length > 0 ? { milestones: deadline.milestones } : {}),
      ...(targets.length > 0 ? { targets } : {}),
      ...(progress ? { progress: [progress] } : {}),
      ...(tags.length > 0 ? { tags } : {}),
    };
    drafts.push({ task, row: r, ...(id ? { id } : {}) });
    r = next;
  }
  return {
    drafts,
    problems,
    sections: new Set(drafts.map((d) => d.task.section).filter(Boolean)).size,
    points: new Set(drafts.map((d) => `${d.task.section ?? ''}\u0000${d.task.point ?? ''}`).filter((k) => !k.endsWith('\u0000'))).size,
    unassigned: drafts.filter((d) => d.task.lead === UNASSIGNED || d.task.units[0] === UNASSIGNED).length,
    noDeadlineColumn: !has('deadline'),
    progressDateFromTitle,
  };
}

/** The rows one task takes: its own, or all the rows its task cell is merged down over. */
function rowsOfTask(sheet: LedgerSheet, taskIndex: number | undefined, r: number): number[] {
  if (taskIndex === undefined) return [r];
  const merge = sheet.merges.find((m) => m.left <= taskIndex + 1 && m.right >= taskIndex + 1 && m.top <= r && m.bottom >= r && m.bottom > m.top);
  if (!merge) return [r];
  const bottom = Math.min(merge.bottom, sheet.rows.length);
  return Array.from({ length: bottom - r + 1 }, (_, i) => r + i);
}

/**
 * A heading between the tasks: one text across the row (merged, or numbered 一、/（一）), or a
 * Chinese number in 序号 with the heading beside it and no units or deadline of its own.
 */
function headingOf(sheet: LedgerSheet, r: number, texts: readonly string[], no: string, taskText: string, own: string): { kind: 'section' | 'point'; text: string } | undefined {
  const distinct = [...new Set(texts)];
  let text: string | undefined;
  if (distinct.length === 1) {
    const only = distinct[0]!;
    const across = texts.length >= 3 || sheet.merges.some((m) => m.top <= r && m.bottom >= r && m.right > m.left && (sheet.rows[m.top - 1]?.[m.left - 1] ?? '').trim() !== '');
    if (across || PART.test(only) || POINT.test(only)) text = only;
  }
  if (text === undefined && own === '') {
    if (CN_NUMBERING.test(no) && taskText !== '' && !NUMBERING.test(taskText)) text = PART.test(taskText) || POINT.test(taskText) ? taskText : `${/[、.．）)]$/.test(no) ? no : `${no}、`}${taskText}`;
    else if (no === '' && (PART.test(taskText) || POINT.test(taskText))) text = taskText;
  }
  if (text === undefined) return undefined;
  const normalized = text.replace(/^\(([^()]+)\)/, '（$1）');
  return { kind: POINT.test(normalized) ? 'point' : 'section', text: normalized };
}

function isRepeatedHeader(taskColumn: HeaderColumn | undefined, text: string): boolean {
  return taskColumn !== undefined && text !== '' && normalizeHeader(text) === normalizeHeader(taskColumn.name.split('/')[0] ?? '');
}

/** The 栏次 row some forms put under the header: 1 2 3 4 … */
function isColumnNumbers(texts: readonly string[]): boolean {
  return texts.length >= 3 && texts.every((t) => /^\d{1,2}$/.test(t)) && new Set(texts).size === texts.length;
}
