// A responsibility ledger's header: which row names the columns, and what each column holds.
// Real ledgers have title and date rows above the header, two-row headers (责任单位 over 牵头 |
// 配合), and column names in many wordings; our own exports are recognised in either language.
import { parseCalendarDate, type IsoDate } from '../core/dates.js';
import type { Messages } from '../i18n/index.js';
import { clean, type ExportVocabulary } from './ledger-cells.js';

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

const EXPORT_COLUMN_FIELDS: Record<keyof Messages['exports']['col'], Field> = {
  no: 'no', id: 'id', title: 'task', lead: 'lead', point: 'point', leadUnit: 'lead_unit', coUnits: 'units', deadline: 'deadline',
  status: 'status', light: 'ignore', daysOverdue: 'ignore', latest: 'progress', latestDate: 'progress_date', targets: 'targets',
  reasons: 'ignore', original: 'ignore',
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

const CN_NUM = '[一二三四五六七八九十百零〇]+';
export const PART = new RegExp(`^${CN_NUM}\\s*[、.．]\\s*\\S`);
export const POINT = new RegExp(`^[（(]${CN_NUM}[）)]\\s*\\S`);
/** 序号 as written: 1, 1., 1、, （1）, 一、, （一）, 一 */
export const NUMBERING = new RegExp(`^(?:\\d{1,4}|${CN_NUM})\\s*[.．、]?$|^[（(](?:\\d{1,4}|${CN_NUM})[）)]$`);
export const CN_NUMBERING = new RegExp(`^(?:${CN_NUM}\\s*[、.．]?|[（(]${CN_NUM}[）)])$`);

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
