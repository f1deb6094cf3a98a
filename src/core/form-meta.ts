// What a feedback form carries about itself, in a hidden sheet: the plan, period and unit it was
// made for, where its parts are, and a hash of every cell the unit may not change, so that a
// returned form is recognised and a changed one detected. Written by render/feedback-form.ts,
// read by import/feedback-form.ts; the format lives here only.
import { createHash } from 'node:crypto';

const FORM_FORMAT = 'tasks-feedback-form';
const FORM_VERSION = '1';
/** The hidden sheet's name: Excel refuses names over 31 characters and a few others. */
export const META_SHEET = '_tasks_form';

export const FORM_COLUMNS = ['no', 'id', 'task', 'lead', 'deadline', 'light', 'latest', 'progress', 'problems', 'next_steps', 'percent', 'done', 'done_on'] as const;
export type FormColumn = (typeof FORM_COLUMNS)[number];
/** The columns the unit fills in; the others come from the ledger and are locked. */
export const INPUT_COLUMNS: readonly FormColumn[] = ['progress', 'problems', 'next_steps', 'percent', 'done', 'done_on'];

export interface FormRow {
  /** the row's number in the sheet, from 1 */
  row: number;
  id: string;
  block: 'lead' | 'co';
  /** hashes of the locked cells of the row, by column */
  locked: Partial<Record<FormColumn, string>>;
}

export interface FormMeta {
  plan: string;
  year: number | undefined;
  /** the period's key, e.g. 2020-09-3 */
  period: string;
  unit: string;
  replyBy: string;
  asOf: string;
  sheet: string;
  /** the cell of the date the unit fills in (row and column from 1) */
  dateCell: { row: number; column: number };
  headerRow: number;
  /** the header texts in the order of FORM_COLUMNS, as the form shows them */
  headers: string[];
  /** hashes of the title and summary rows (plan, unit, period, reply-by as shown) */
  top: string[];
  /** row numbers of the block headings */
  headings: number[];
  rows: FormRow[];
}

/** A short hash of a cell's text, blind to how line ends were saved and to spaces around it. */
export function cellHash(text: string): string {
  return createHash('sha256').update(normalizeCell(text)).digest('hex').slice(0, 12);
}

function normalizeCell(text: string): string {
  return text.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').trim();
}

function checksum(rows: ReadonlyArray<readonly string[]>): string {
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
}

/** The meta as the hidden sheet's rows: `key, value…` lines ending with the checksum of the rest. */
export function metaRows(meta: FormMeta): string[][] {
  const rows: string[][] = [
    [FORM_FORMAT, FORM_VERSION],
    ['plan', meta.plan],
    ['year', meta.year === undefined ? '' : String(meta.year)],
    ['period', meta.period],
    ['unit', meta.unit],
    ['reply_by', meta.replyBy],
    ['as_of', meta.asOf],
    ['sheet', meta.sheet],
    ['date_cell', String(meta.dateCell.row), String(meta.dateCell.column)],
    ['header_row', String(meta.headerRow)],
    ['headers', ...meta.headers],
    ['top', ...meta.top],
    ['headings', ...meta.headings.map(String)],
    ...meta.rows.map((r) => ['row', String(r.row), r.id, r.block, ...Object.entries(r.locked).map(([k, v]) => `${k}=${v}`)]),
  ].map(trimEnd);
  return [...rows, ['checksum', checksum(rows)]];
}

export type MetaProblem = 'missing' | 'version' | 'tampered';

/** The meta read back from the hidden sheet's cell texts, or why it cannot be trusted. */
export function readMetaRows(rows: ReadonlyArray<readonly string[]>): { ok: true; meta: FormMeta } | { ok: false; problem: MetaProblem } {
  const lines = rows.map((r) => r.map((t) => t ?? '')).filter((r) => r.some((t) => t !== ''));
  const first = lines[0];
  if (!first || first[0] !== FORM_FORMAT) return { ok: false, problem: 'missing' };
  if (first[1] !== FORM_VERSION) return { ok: false, problem: 'version' };
  const last = lines.at(-1)!;
  const body = lines.slice(0, -1).map(trimEnd);
  if (last[0] !== 'checksum' || last[1] !== checksum(body)) return { ok: false, problem: 'tampered' };
  const get = (key: string) => body.find((r) => r[0] === key)?.slice(1) ?? [];
  const one = (key: string) => get(key)[0] ?? '';
  const year = one('year');
  const [dateRow, dateColumn] = get('date_cell').map(Number);
  const rowsOf = body.filter((r) => r[0] === 'row').map((r): FormRow => ({
    row: Number(r[1]),
    id: r[2] ?? '',
    block: r[3] === 'co' ? 'co' : 'lead',
    locked: Object.fromEntries(r.slice(4).map((pair) => pair.split('=') as [string, string])),
  }));
  return {
    ok: true,
    meta: {
      plan: one('plan'),
      year: year === '' ? undefined : Number(year),
      period: one('period'),
      unit: one('unit'),
      replyBy: one('reply_by'),
      asOf: one('as_of'),
      sheet: one('sheet'),
      dateCell: { row: dateRow ?? 0, column: dateColumn ?? 0 },
      headerRow: Number(one('header_row')),
      headers: get('headers'),
      top: get('top'),
      headings: get('headings').map(Number),
      rows: rowsOf,
    },
  };
}

/** Empty cells at the end of a line are not kept by every program that saves the sheet. */
function trimEnd(row: readonly string[]): string[] {
  const out = [...row];
  while (out.length > 0 && out.at(-1) === '') out.pop();
  return out;
}
