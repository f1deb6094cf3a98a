// A returned feedback form → the answers it holds, row by row, with every problem placed at its
// sheet, row and column. Pure: the command words the problems and writes the answers.
//
// A row is read whole or not at all: any cell that cannot be read refuses its row, and the other
// rows are still read. Problems with the form itself (another plan, a changed header, a date that
// cannot be) refuse the form.
import { excelSerialDate, parseFormDate, type IsoDate } from '../core/dates.js';
import type { Period } from '../core/periods.js';
import { cellHash, FORM_COLUMNS, INPUT_COLUMNS, META_SHEET, readMetaRows, type FormColumn, type FormMeta, type FormRow } from '../core/form-meta.js';
import type { Task } from '../core/task.js';
import { readChineseShare, readPercent, readYesNo } from '../core/words.js';
import type { Messages } from '../i18n/index.js';
import type { CellRange } from './ledger-header.js';
import type { RawCell, RawSheet } from './xlsx-read.js';

type FileCode = keyof Messages['feedback']['file'];
type RowCode = keyof Messages['feedback']['row'];

/** A problem with the whole form: nothing of it is written. */
export interface FormProblem {
  code: FileCode;
  params: ReadonlyArray<string | number>;
  sheet?: string;
  row?: number;
  column?: string;
}

/** A problem with one row (refused: the row is not written) or a note on how a cell was read. */
export interface RowIssue {
  level: 'refused' | 'note';
  sheet: string;
  /** 0 for a note about the whole sheet */
  row: number;
  column?: string;
  code: RowCode;
  params: ReadonlyArray<string | number>;
}

export interface Answer {
  id: string;
  row: number;
  block: 'lead' | 'co';
  note: string;
  problems?: string;
  nextSteps?: string;
  percent?: number;
  /** the unit reports the task finished on this date (是否办结 = 是) */
  doneOn?: IsoDate;
}

export interface ReadForm {
  meta: FormMeta;
  period: Period;
  sheet: string;
  /** the date the entries carry: the one the unit filled in, else the reply-by date (or today, if earlier) */
  date: IsoDate;
  dateGiven: boolean;
  answers: Answer[];
  /** rows the unit left empty */
  empty: string[];
  /** rows that had something in them, answered or refused */
  rowsRead: number;
  issues: RowIssue[];
}

export type FormResult = { ok: true; form: ReadForm } | { ok: false; problem: FormProblem; issues: RowIssue[] };

export interface FormContext {
  planTitle: string;
  year: number | undefined;
  tasks: ReadonlyMap<string, Task>;
  /** the import's date: nothing may be dated after it */
  asOf: IsoDate;
  /** --period: forms of other periods are refused */
  period: Period | undefined;
  readPeriod: (key: string) => Period | undefined;
  /** a period's name in the clerk's language, for the messages */
  label: (period: Period) => string;
}

const COLUMN_INDEX = Object.fromEntries(FORM_COLUMNS.map((k, i) => [k, i + 1])) as Record<FormColumn, number>;
// control characters other than tab and line feed never belong in a note
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function metaTexts(sheet: RawSheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.lastRow; r++) {
    const row: string[] = [];
    for (let c = 1; c <= 64; c++) row.push(sheet.cell(r, c)?.text ?? '');
    rows.push(row);
  }
  return rows;
}

function findMeta(sheets: readonly RawSheet[]): RawSheet | undefined {
  return sheets.find((s) => s.name === META_SHEET) ?? sheets.find((s) => s.state !== 'visible' && s.cell(1, 1)?.text === 'tasks-feedback-form');
}

function columnLetter(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

function rangeText(m: CellRange): string {
  return `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`;
}

export function readForm(sheets: readonly RawSheet[], ctx: FormContext): FormResult {
  const issues: RowIssue[] = [];
  const fail = (problem: FormProblem): FormResult => ({ ok: false, problem, issues });
  const metaSheet = findMeta(sheets);
  if (!metaSheet) return fail({ code: 'not_a_form', params: [] });
  const read = readMetaRows(metaTexts(metaSheet));
  if (!read.ok) return fail({ code: read.problem === 'missing' ? 'not_a_form' : read.problem === 'version' ? 'version' : 'tampered', params: [] });
  const meta = read.meta;
  if (meta.plan !== ctx.planTitle || meta.year !== ctx.year) {
    return fail({ code: 'other_plan', params: [meta.year === undefined ? meta.plan : `${meta.plan}（${meta.year}）`, ctx.year === undefined ? ctx.planTitle : `${ctx.planTitle}（${ctx.year}）`] });
  }
  const period = ctx.readPeriod(meta.period);
  if (!period) return fail({ code: 'tampered', params: [] });
  if (ctx.period && (ctx.period.start !== period.start || ctx.period.end !== period.end)) return fail({ code: 'other_period', params: [ctx.label(period), ctx.label(ctx.period)] });
  if (period.start > ctx.asOf) return fail({ code: 'future_period', params: [ctx.label(period), ctx.asOf] });
  if (![...ctx.tasks.values()].some((t) => t.units.includes(meta.unit))) return fail({ code: 'unknown_unit', params: [meta.unit] });

  const visible = sheets.filter((s) => s !== metaSheet && s.state === 'visible');
  let sheet = sheets.find((s) => s.name === meta.sheet && s !== metaSheet);
  if (!sheet) {
    if (visible.length !== 1) return fail({ code: 'no_sheet', params: [meta.sheet] });
    sheet = visible[0]!;
    issues.push({ level: 'note', sheet: sheet.name, row: 0, code: 'renamed_sheet', params: [sheet.name, meta.sheet] });
  }
  const form = sheet;
  for (const other of visible) {
    if (other !== form && other.lastRow > 0) issues.push({ level: 'note', sheet: other.name, row: 0, code: 'other_sheet', params: [other.name] });
  }
  const text = (r: number, c: number) => form.cell(r, c)?.text ?? '';
  const topCells: Array<[number, number]> = [[1, 1], [2, 1], [meta.dateCell.row, 1]];
  for (let c = 1; c <= FORM_COLUMNS.length; c++) {
    const found = text(meta.headerRow, c).trim();
    const expected = meta.headers[c - 1] ?? '';
    if (found !== expected) return fail({ code: 'header_changed', params: [columnLetter(c), expected, found], sheet: form.name, row: meta.headerRow });
  }
  if (topCells.some(([r, c], i) => cellHash(text(r, c)) !== meta.top[i])) return fail({ code: 'top_changed', params: [], sheet: form.name });
  const header = (key: FormColumn) => meta.headers[COLUMN_INDEX[key] - 1] ?? key;

  // the date the unit filled in
  const dateHeader = text(meta.dateCell.row, 1) || 'date';
  const dateCell = form.cell(meta.dateCell.row, meta.dateCell.column);
  const replyBy = meta.replyBy;
  let date: IsoDate;
  let dateGiven = false;
  const sheetNote = (row: number, column: string | undefined, code: RowCode, params: ReadonlyArray<string | number>) =>
    issues.push({ level: 'note', sheet: form.name, row, column, code, params });
  if (!dateCell || (dateCell.type === 'empty' && !dateCell.formula) || dateCell.text.trim() === '') {
    date = replyBy <= ctx.asOf ? replyBy : ctx.asOf;
    sheetNote(meta.dateCell.row, dateHeader, ctx.asOf > replyBy ? 'no_date_late' : 'no_date', ctx.asOf > replyBy ? [replyBy, ctx.asOf] : [date]);
  } else {
    const read = readDateCell(dateCell, replyBy);
    if (!read.ok) return fail({ code: 'bad_date', params: [dateCell.text], sheet: form.name, row: meta.dateCell.row, column: dateHeader });
    for (const n of read.notes) sheetNote(meta.dateCell.row, dateHeader, n.code, n.params);
    date = read.date;
    dateGiven = true;
    if (date < period.start) return fail({ code: 'date_before_period', params: [date, period.start], sheet: form.name, row: meta.dateCell.row, column: dateHeader });
    if (date > ctx.asOf) return fail({ code: 'date_in_future', params: [date, ctx.asOf], sheet: form.name, row: meta.dateCell.row, column: dateHeader });
    // whether each answer is late is judged per task by the feedback rules (the command does)
  }

  // merged cells other than the form's own: the title, the summary, the date's label and the block headings
  const own = (m: CellRange) =>
    (m.top === m.bottom && m.left === 1 && (m.top <= 2 || meta.headings.includes(m.top)) && m.right >= FORM_COLUMNS.length) ||
    (m.top === meta.dateCell.row && m.bottom === m.top && m.left === 1 && m.right === 2);
  const mergedRows = new Map<number, string>();
  for (const m of form.merges) {
    if (own(m) || m.bottom <= meta.headerRow) continue;
    for (let r = m.top; r <= m.bottom; r++) mergedRows.set(r, rangeText(m));
  }

  const byId = new Map(meta.rows.map((r) => [r.id, r]));
  const byRow = new Map(meta.rows.map((r) => [r.row, r]));
  const seen = new Set<string>();
  const answers: Answer[] = [];
  const empty: string[] = [];
  let rowsRead = 0;
  const lastRow = Math.max(form.lastRow, ...meta.rows.map((r) => r.row));
  for (let r = meta.headerRow + 1; r <= lastRow; r++) {
    const id = text(r, COLUMN_INDEX.id).trim();
    const filled = INPUT_COLUMNS.filter((k) => {
      const cell = form.cell(r, COLUMN_INDEX[k]);
      return cell !== undefined && (cell.text.trim() !== '' || cell.formula);
    });
    const refuse = (code: RowCode, params: ReadonlyArray<string | number>, column?: string) => issues.push({ level: 'refused', sheet: form.name, row: r, column, code, params });
    const expected = byRow.get(r);
    const target = byId.get(id);
    if (!target) {
      // a block's heading, a blank line, or words beside the table: nothing to read
      if (id === '' && filled.length === 0) continue;
      rowsRead++;
      if (expected && !seen.has(expected.id)) {
        seen.add(expected.id);
        refuse('id_changed', [id], header('id'));
      } else refuse('added', [id], header('id'));
      continue;
    }
    if (seen.has(id)) {
      rowsRead++;
      refuse('duplicate', [id], header('id'));
      continue;
    }
    seen.add(id);
    if (target.row !== r) sheetNote(r, header('id'), 'moved', [id, target.row]);
    const inputs = INPUT_COLUMNS.filter((k) => target.locked[k] === undefined);
    const answered = filled.filter((k) => inputs.includes(k));
    const changed = (Object.keys(target.locked) as FormColumn[]).find((k) => cellHash(text(r, COLUMN_INDEX[k])) !== target.locked[k]);
    const merged = mergedRows.get(r);
    if (answered.length === 0 && !changed && !merged) {
      empty.push(id);
      continue;
    }
    rowsRead++;
    if (changed) {
      refuse('locked_changed', [], header(changed));
      continue;
    }
    if (merged) {
      refuse('merged', [merged]);
      continue;
    }
    const task = ctx.tasks.get(id);
    if (!task) {
      refuse('gone', [id]);
      continue;
    }
    if (!task.units.includes(meta.unit)) {
      refuse('not_unit', [id, meta.unit]);
      continue;
    }
    const result = readAnswer(target, r, (k) => form.cell(r, COLUMN_INDEX[k]), header, date, replyBy);
    for (const n of result.notes) sheetNote(r, n.column, n.code, n.params);
    if ('refused' in result) {
      refuse(result.refused.code, result.refused.params, result.refused.column);
      continue;
    }
    if (result.answer) answers.push(result.answer);
    else empty.push(id);
  }
  for (const row of meta.rows) {
    if (!seen.has(row.id)) issues.push({ level: 'note', sheet: form.name, row: row.row, code: 'deleted', params: [row.id, ctx.tasks.get(row.id)?.title ?? ''] });
  }
  if (rowsRead === 0) return fail({ code: 'empty', params: [], sheet: form.name });
  return { ok: true, form: { meta, period, sheet: form.name, date, dateGiven, answers, empty, rowsRead, issues } };
}

interface CellNote {
  code: RowCode;
  params: ReadonlyArray<string | number>;
  column?: string;
}

type DateRead = { ok: true; date: IsoDate; notes: CellNote[] } | { ok: false };

/** A date cell: a date, an Excel serial number, or text as clerks write dates (2020.9.28, 9月28日). */
function readDateCell(cell: RawCell, near: IsoDate): DateRead {
  const notes: CellNote[] = [];
  if (cell.formula) {
    if (cell.type === 'empty' || cell.type === 'error') return { ok: false };
    notes.push({ code: 'formula', params: [cell.text] });
  }
  if (cell.type === 'date') return { ok: true, date: cell.text, notes };
  const serial = cell.type === 'number' ? cell.number! : /^\s*\d{5}\s*$/.test(cell.text) ? Number(cell.text) : undefined;
  if (serial !== undefined) {
    const date = excelSerialDate(serial);
    if (!date) return { ok: false };
    notes.push({ code: 'serial_date', params: [cell.text.trim(), date] });
    return { ok: true, date, notes };
  }
  const parsed = parseFormDate(cell.text, near);
  if (!parsed) return { ok: false };
  if (parsed.yearAssumed) notes.push({ code: 'year_assumed', params: [cell.text.trim(), parsed.date] });
  return { ok: true, date: parsed.date, notes };
}

function cleanText(text: string): string {
  return text.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').replace(CONTROLS, '').trim();
}

type AnswerRead = { answer: Answer | undefined; notes: CellNote[] } | { refused: CellNote; notes: CellNote[] };

function readAnswer(
  target: FormRow,
  row: number,
  cell: (k: FormColumn) => RawCell | undefined,
  header: (k: FormColumn) => string,
  date: IsoDate,
  replyBy: IsoDate,
): AnswerRead {
  const notes: CellNote[] = [];
  const refused = (code: RowCode, params: ReadonlyArray<string | number>, column: FormColumn): AnswerRead => ({ refused: { code, params, column: header(column) }, notes });
  const textOf = (k: FormColumn): string | { error: AnswerRead } => {
    const c = cell(k);
    if (!c) return '';
    if (c.formula) {
      if (c.type === 'empty' || c.type === 'error') return { error: refused('formula_empty', [], k) };
      notes.push({ code: 'formula', params: [c.text], column: header(k) });
    }
    return cleanText(c.text);
  };
  const texts: Partial<Record<FormColumn, string>> = {};
  for (const k of ['progress', 'problems', 'next_steps'] as const) {
    const t = textOf(k);
    if (typeof t !== 'string') return t.error;
    texts[k] = t;
  }

  let percent: number | undefined;
  const pc = cell('percent');
  if (pc && (pc.text.trim() !== '' || pc.formula)) {
    if (pc.formula) {
      if (pc.type === 'empty' || pc.type === 'error') return refused('formula_empty', [], 'percent');
      notes.push({ code: 'formula', params: [pc.text], column: header('percent') });
    }
    const raw = pc.text.trim();
    const words = readChineseShare(raw);
    if (words !== undefined) {
      percent = words;
      notes.push({ code: 'percent_words', params: [raw, words], column: header('percent') });
    } else {
      const value = readPercent(raw);
      const number = Number(raw.replace(/[%％]$/, ''));
      if (value !== undefined && !(value > 0 && value < 1 && !/[%％]$/.test(raw))) percent = value;
      else if (/^\d*\.\d+$/.test(raw) && number > 0 && number < 1) return refused('percent_fraction', [raw], 'percent');
      else if (/^[-+]?\d+(\.\d+)?[%％]?$/.test(raw)) return refused('percent_range', [raw], 'percent');
      else return refused('bad_percent', [raw], 'percent');
    }
  }

  let done: boolean | undefined;
  const locked = (k: FormColumn) => target.locked[k] !== undefined;
  if (!locked('done')) {
    const t = textOf('done');
    if (typeof t !== 'string') return t.error;
    if (t !== '') {
      done = readYesNo(t);
      if (done === undefined) return refused('bad_done', [t], 'done');
    }
  }
  let doneOn: IsoDate | undefined;
  if (!locked('done_on')) {
    const c = cell('done_on');
    if (c && (c.text.trim() !== '' || c.formula)) {
      const read = readDateCell(c, replyBy);
      if (!read.ok) return refused(c.formula ? 'formula_empty' : 'bad_done_on', c.formula ? [] : [c.text], 'done_on');
      for (const n of read.notes) notes.push({ ...n, column: header('done_on') });
      doneOn = read.date;
    }
  }

  const note = texts.progress ?? '';
  const hasContent = note !== '' || texts.problems !== '' || texts.next_steps !== '' || percent !== undefined || done === true || doneOn !== undefined;
  // 否 alone is the answer a blank row would give
  if (!hasContent) return { answer: undefined, notes };
  if (note === '') return refused('no_progress', [], 'progress');
  if (doneOn !== undefined && done !== true) {
    if (done === false) notes.push({ code: 'done_on_ignored', params: [doneOn], column: header('done_on') });
    else return refused('done_on_without_done', [doneOn], 'done_on');
    doneOn = undefined;
  }
  if (done === true) {
    if (doneOn === undefined) {
      doneOn = date;
      notes.push({ code: 'done_no_date', params: [date], column: header('done_on') });
    } else if (doneOn > date) return refused('done_on_after', [doneOn, date], 'done_on');
  }
  return {
    answer: {
      id: target.id,
      row,
      block: target.block,
      note,
      ...(texts.problems ? { problems: texts.problems } : {}),
      ...(texts.next_steps ? { nextSteps: texts.next_steps } : {}),
      ...(percent !== undefined ? { percent } : {}),
      ...(doneOn !== undefined ? { doneOn } : {}),
    },
    notes,
  };
}
