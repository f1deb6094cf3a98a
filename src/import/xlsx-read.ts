// An .xlsx file → its sheets as plain rows of cell texts, merged cells filled in, date cells as
// YYYY-MM-DD. The only module of the import that touches exceljs (loaded on first use).
import { ymd } from '../core/dates.js';
import { exceljs } from '../packages.js';
import { fillMerged, type CellRange, type LedgerSheet } from './ledger-header.js';

// types only: exceljs itself is loaded on first use through render/packages.ts
type CellValue = import('exceljs').CellValue;
type Worksheet = import('exceljs').Worksheet;

export type ReadFailure = 'legacy-xls' | 'encrypted' | 'corrupt';

/** Why a workbook cannot be read; the command words it for the clerk. */
export class WorkbookReadError extends Error {
  constructor(
    readonly kind: ReadFailure,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${kind}: ${detail}`, options);
    this.name = 'WorkbookReadError';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// An OLE compound file: the old .xls format, and also what Excel and WPS make of an .xlsx when
// it is given a password (the encrypted package inside an OLE container).
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An encrypted OOXML file names its streams EncryptionInfo and EncryptedPackage (UTF-16LE in the OLE directory). */
function isEncryptedPackage(bytes: Buffer): boolean {
  return bytes.includes(Buffer.from('EncryptedPackage', 'utf16le')) || bytes.includes(Buffer.from('EncryptionInfo', 'utf16le'));
}

/** The bytes of an .xlsx file → its sheets; `name` is the file's name, for its extension. */
export async function readWorkbook(bytes: Buffer, name: string): Promise<LedgerSheet[]> {
  return (await loadWorkbook(bytes, name)).worksheets.map(sheetData);
}

async function loadWorkbook(bytes: Buffer, name: string): Promise<import('exceljs').Workbook> {
  if (startsWith(bytes, OLE)) throw new WorkbookReadError(isEncryptedPackage(bytes) ? 'encrypted' : 'legacy-xls', '');
  if (!startsWith(bytes, ZIP)) {
    // .xls files saved by some systems are really HTML or text tables: Excel or WPS opens them and saves .xlsx
    if (/\.xls$/i.test(name)) throw new WorkbookReadError('legacy-xls', '');
    throw new WorkbookReadError('corrupt', bytes.length === 0 ? 'empty file' : 'not a zip package');
  }
  const ExcelJS = exceljs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new WorkbookReadError('corrupt', (error as Error).message, { cause: error });
  }
  return workbook;
}

/** A cell as the form reader needs it: what it shows, and what kind of value it holds. */
export interface RawCell {
  text: string;
  type: 'text' | 'number' | 'date' | 'boolean' | 'error' | 'empty';
  /** the number a number cell holds */
  number?: number;
  /** the cell holds a formula; `text` is its cached result, never evaluated here */
  formula: boolean;
}

export interface RawSheet {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  merges: CellRange[];
  /** cells by row and column, from 1; only cells with a value or a formula */
  cell(row: number, column: number): RawCell | undefined;
  /** the last row holding a value */
  lastRow: number;
}

/** The bytes of an .xlsx file → its sheets, cell by cell with their kinds (for returned forms). */
export async function readCells(bytes: Buffer, name: string): Promise<RawSheet[]> {
  const workbook = await loadWorkbook(bytes, name);
  return workbook.worksheets.map((ws) => {
    const cells = new Map<string, RawCell>();
    let lastRow = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const raw = rawCell(cell.value, cell.numFmt);
        if (raw.type === 'empty' && !raw.formula) return;
        cells.set(`${r},${c}`, raw);
        lastRow = Math.max(lastRow, r);
      });
    });
    const merges = ws.model.merges.map(parseRange).filter((m): m is CellRange => m !== undefined);
    return { name: ws.name, state: ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible', merges, cell: (r, c) => cells.get(`${r},${c}`), lastRow };
  });
}

function rawCell(value: CellValue, numFmt: string | undefined): RawCell {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value.result ?? null) as CellValue;
    return { ...rawCell(result, numFmt), formula: true };
  }
  const text = cellText(value, numFmt);
  if (value === null || value === undefined || (typeof value === 'string' && value === '')) return { text: '', type: 'empty', formula: false };
  if (typeof value === 'number') return { text, type: 'number', number: value, formula: false };
  if (typeof value === 'boolean') return { text, type: 'boolean', formula: false };
  if (value instanceof Date) return { text, type: Number.isNaN(value.getTime()) ? 'error' : 'date', formula: false };
  if (typeof value === 'object' && 'error' in value) return { text: String(value.error), type: 'error', formula: false };
  return { text, type: 'text', formula: false };
}

function sheetData(ws: Worksheet): LedgerSheet {
  // Only cells with values: a sheet formatted down to row 1048576 or across to column XFD must not
  // become a million empty rows.
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // a merged cell's value is its master's; fillMerged below gives it that text
      if (!cell.isMerged || cell.master === cell) cells[c - 1] = cellText(cell.value, cell.numFmt);
    });
    rows[r - 1] = Array.from(cells, (t) => t ?? '');
  });
  const filled = Array.from(rows, (r) => r ?? []);
  while (filled.length > 0 && filled.at(-1)!.every((t) => t.trim() === '')) filled.pop();
  const width = Math.max(0, ...filled.map((r) => r.length));
  const merges = ws.model.merges
    .map(parseRange)
    .filter((m): m is CellRange => m !== undefined && m.top <= filled.length && m.left <= width)
    .map((m) => ({ ...m, bottom: Math.min(m.bottom, filled.length), right: Math.min(m.right, width) }));
  return { name: ws.name, rows: fillMerged(filled, merges), merges, hidden: ws.state !== 'visible' };
}

/**
 * The text a cell shows. exceljs gives a string, a number, a Date (date cells: UTC midnight of
 * the calendar date), rich text, a formula with its cached result, or a hyperlink with its text.
 */
export function cellText(value: CellValue, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n');
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return ymd(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('').replace(/\r\n?/g, '\n');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value.result ?? null) as CellValue, numFmt);
  if ('hyperlink' in value) return cellText(value.text as CellValue, numFmt);
  // an error value (#N/A, #REF!) shows nothing worth importing
  return '';
}

function numberText(value: number, numFmt: string | undefined): string {
  // floating-point noise such as 0.30000000000000004 is not what the cell shows
  const clean = (n: number) => String(Number(n.toPrecision(12)));
  return numFmt !== undefined && numFmt.includes('%') ? `${clean(value * 100)}%` : clean(value);
}

/** 'B3:D7' → its corners. */
function parseRange(range: string): CellRange | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.replace(/\$/g, '').toUpperCase());
  if (!m) return undefined;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const a = { row: Number(m[2]), col: col(m[1]!) };
  const b = m[3] ? { row: Number(m[4]), col: col(m[3]) } : a;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}
