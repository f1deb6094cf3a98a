// Sheets → an .xlsx file, print-ready and byte-for-byte reproducible. The only module that loads
// exceljs, and only when an export runs (it costs more at start-up than all of `tasks overdue`).
//
// exceljs' streaming writer keeps memory flat on large plans. Its zip carries the time of writing
// on every entry, so the file is unzipped and zipped again with the as-of date on each entry and
// the entries in sorted order: the same tasks and date give the same bytes.
import { PassThrough } from 'node:stream';
import type { IsoDate } from '../core/dates.js';
import { utcMidnight } from '../core/dates.js';
import { exceljs } from '../packages.js';
import { displayWidth } from './text.js';
import { readZip, writeZip } from './zip.js';

type CellValue = string | number | null | undefined;

/** A check Excel and WPS make when a cell is filled in (数据有效性). */
type Validation =
  | { type: 'decimal'; min: number; max: number; prompt: string; error: string }
  | { type: 'list'; values: readonly string[]; prompt: string; error: string }
  /** a date on or after `min`; `warn` lets the reader keep a date outside it after a warning */
  | { type: 'date'; min: IsoDate; prompt: string; error: string; warn?: boolean };

export interface SheetColumn {
  header: string;
  /** width in Excel's character units (a Chinese character takes about 2) */
  width: number;
  /** general: whatever is typed (a number, or 80% as a percentage) */
  kind?: 'text' | 'number' | 'percent' | 'date' | 'general';
  align?: 'left' | 'center' | 'right';
  /** digits after the point: whole numbers and one-decimal percentages by default */
  decimals?: number;
  /** a column the reader fills in: left unlocked on a protected sheet, with this check */
  input?: { validation?: Validation };
}

export interface SheetRow {
  values: CellValue[];
  fill?: 'red' | 'yellow';
  /** the columns the fill colours (all when not given) */
  fillColumns?: readonly number[];
  bold?: boolean;
  /** a heading across the table's width, such as a block's title */
  heading?: boolean;
  /** input columns this row does not take: locked and greyed like the filled-in ones */
  locked?: readonly number[];
  /** the least number of lines the row is tall, to leave room for writing */
  minLines?: number;
}

/** A line above the table with a label and a cell for the reader to fill in (填报日期). */
interface SheetField {
  label: string;
  kind: 'date' | 'text';
  validation?: Validation;
}

/** A sheet the reader never sees, holding what identifies the workbook (as text cells). */
export interface HiddenSheet {
  name: string;
  rows: ReadonlyArray<readonly string[]>;
}

export interface SheetSpec {
  name: string;
  title: string;
  /** one line under the title, e.g. the counts */
  summary?: string;
  columns: SheetColumn[];
  rows: SheetRow[];
  /** left part of the printed footer, e.g. 截至2020年9月30日 */
  footerLeft: string;
  footerRight: string;
  /** the centre of the printed footer, with Excel's page codes (&P page, &N pages) */
  footerCenter: string;
  /** text of a row shown when there are no rows */
  emptyText?: string;
  /** landscape by default */
  orientation?: 'portrait' | 'landscape';
  /** lines of text between the summary and the table (a report's paragraphs, the table's caption) */
  lines?: SheetLine[];
  /** further tables below the first, as a report's section has; only the first is frozen and filtered */
  more?: SheetTable[];
  /** lines of text below the last table, such as notes */
  after?: SheetLine[];
  /** lines just above the table with a cell to fill in each */
  fields?: readonly SheetField[];
  /** lock every cell but the input columns and fields (sheet protection without a password) */
  protect?: boolean;
  /** rows repeated on every printed page: the title down to the header (default), or the header alone */
  repeat?: 'title' | 'header';
  /** an autofilter on the header (default true; a protected sheet cannot use one) */
  autoFilter?: boolean;
}

export interface SheetLine {
  text: string;
  bold?: boolean;
}

export interface SheetTable {
  /** lines of text above the table: a heading, a paragraph, the caption */
  lines?: SheetLine[];
  columns: SheetColumn[];
  rows: SheetRow[];
  emptyText?: string;
}

const FONT = '宋体';
const FILLS = { red: 'FFFFC7CE', yellow: 'FFFFEB9C' } as const;
const HEADER_FILL = 'FFD9D9D9';
// cells a form's reader cannot change are grey; the ones to fill in stay white
const LOCKED_FILL = 'FFF2F2F2';
const HEADING_FILL = 'FFE7E6E6';
const LINE_HEIGHT = 13.5;
const TEXT_ONLY_WIDTH = 80;
const THIN = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Lines a text takes in a wrapped cell of `width` character units. */
function linesIn(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  // most cells are one paragraph: measured without splitting (a workbook of 10,000 tasks has 100,000 cells)
  if (!text.includes('\n')) return Math.max(1, Math.ceil(displayWidth(text) / usable));
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** `&` starts a code in Excel's header and footer texts; a literal one is written `&&`. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

type Cell = import('exceljs').Cell;
type Style = import('exceljs').Style;
type DataValidation = import('exceljs').DataValidation;

function dataValidation(v: Validation): DataValidation {
  const messages = { showErrorMessage: true, showInputMessage: true, prompt: v.prompt, error: v.error, allowBlank: true };
  switch (v.type) {
    case 'decimal':
      return { type: 'decimal', operator: 'between', formulae: [v.min, v.max], errorStyle: 'stop', ...messages };
    case 'list':
      return { type: 'list', formulae: [`"${v.values.join(',')}"`], errorStyle: 'stop', ...messages };
    case 'date':
      return { type: 'date', operator: 'greaterThanOrEqual', formulae: [utcMidnight(v.min)], errorStyle: v.warn ? 'warning' : 'stop', ...messages };
  }
}

function solid(argb: string) {
  return { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb } };
}

/**
 * Writes the sheets (and any hidden ones) into one .xlsx file. `asOf` dates the file and every
 * entry of its zip, so the same input always gives the same bytes.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[], asOf: IsoDate, creator: string, hidden: readonly HiddenSheet[] = []): Promise<Buffer> {
  const ExcelJS = exceljs();
  const fixedDate = utcMidnight(asOf);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  // stored, not deflated: the zip is read back and deflated once, in normalizeZip
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false, zip: { store: true } });
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = fixedDate;
  workbook.modified = fixedDate;

  // exceljs knows a style object it has seen by the object: cells of one look share one object,
  // instead of each having its style written out and compared with every style before
  const styles = new Map<string, Partial<Style>>();
  const shared = (key: string, make: () => Partial<Style>): Partial<Style> => {
    let style = styles.get(key);
    if (!style) styles.set(key, (style = make()));
    return style;
  };

  for (const spec of sheets) {
    const more = spec.more ?? [];
    // a sheet without columns holds only lines of text
    const hasTable = spec.columns.length > 0;
    const single = hasTable && more.length === 0;
    const allColumns = [spec.columns, ...more.map((t) => t.columns)];
    const count = Math.max(...allColumns.map((c) => c.length));
    const widths = count > 0 ? Array.from({ length: count }, (_, i) => Math.max(...allColumns.map((c) => c[i]?.width ?? 0))) : [TEXT_ONLY_WIDTH];
    const totalWidth = widths.reduce((s, w) => s + w, 0);
    const last = columnLetter(widths.length - 1);
    const fields = spec.fields ?? [];
    const headerRow = (spec.summary ? 3 : 2) + (spec.lines?.length ?? 0) + fields.length;
    const protect = spec.protect === true;
    const sheet = workbook.addWorksheet(spec.name, {
      pageSetup: {
        paperSize: 9,
        orientation: spec.orientation ?? 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        // the first table's header repeats on printed pages only when it is the sheet's one table
        ...(single ? { printTitlesRow: spec.repeat === 'header' ? `${headerRow}:${headerRow}` : `1:${headerRow}` } : {}),
      },
      headerFooter: {
        oddFooter: `&L${footerText(spec.footerLeft)}&C${spec.footerCenter}&R${footerText(spec.footerRight)}`,
      },
      views: single ? [{ state: 'frozen', xSplit: 0, ySplit: headerRow }] : [{ state: 'normal' }],
      properties: { defaultRowHeight: 15 },
    });
    sheet.columns = widths.map((width) => ({ width }));

    let rowCount = 0;
    // a line of text across the sheet's width
    const textRow = (text: string, font: { size: number; bold?: boolean }, height: number, centre = false) => {
      const row = sheet.addRow([text]);
      rowCount++;
      row.height = height;
      row.getCell(1).style = {
        font: { name: FONT, charset: 134, ...font },
        alignment: { ...(centre ? { horizontal: 'center' as const } : {}), vertical: 'middle', wrapText: true },
      };
      sheet.mergeCells(`A${rowCount}:${last}${rowCount}`);
      row.commit();
    };
    textRow(spec.title, { size: 16, bold: true }, Math.max(28, linesIn(spec.title, totalWidth / 1.6) * 24), true);
    if (spec.summary) textRow(spec.summary, { size: 10 }, LINE_HEIGHT * linesIn(spec.summary, totalWidth) + 6);
    const lines = (items: readonly SheetLine[]) => {
      for (const line of items) textRow(line.text, { size: 10, bold: line.bold === true }, LINE_HEIGHT * linesIn(line.text, totalWidth) + 6);
    };
    const field = (f: SheetField) => {
      const row = sheet.addRow([f.label]);
      rowCount++;
      row.height = LINE_HEIGHT + 10;
      row.getCell(1).style = { font: { name: FONT, size: 10, bold: true, charset: 134 }, alignment: { horizontal: 'center', vertical: 'middle' }, border: BORDER, fill: solid(HEADER_FILL) };
      row.getCell(2).style = { border: BORDER };
      const input = row.getCell(3);
      input.style = {
        font: { name: FONT, size: 10, charset: 134 },
        alignment: { horizontal: 'center', vertical: 'middle' },
        border: BORDER,
        numFmt: f.kind === 'date' ? 'yyyy-mm-dd' : '@',
        protection: { locked: false },
      };
      if (f.validation) input.dataValidation = dataValidation(f.validation);
      sheet.mergeCells(`A${rowCount}:B${rowCount}`);
      row.commit();
    };
    const table = (columns: readonly SheetColumn[], tableRows: readonly SheetRow[], emptyText: string | undefined) => {
      const header = sheet.addRow(columns.map((c) => c.header));
      rowCount++;
      header.height = LINE_HEIGHT * Math.max(...columns.map((c) => linesIn(c.header, c.width))) + 6;
      header.eachCell((cell) => {
        cell.style = {
          font: { name: FONT, size: 10, bold: true, charset: 134 },
          alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
          fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
          border: BORDER,
        };
      });
      header.commit();
      const rows: readonly SheetRow[] = tableRows.length > 0 || !emptyText ? tableRows : [{ values: [emptyText] }];
      const formats = columns.map(numberFormat);
      const aligns = columns.map((c) => c.align ?? (c.kind === 'number' || c.kind === 'percent' || c.kind === 'general' ? 'right' : 'left'));
      // rows of one look (bold or not, filled or not, locked cells) share their cells' style objects
      const looks = new Map<string, Array<Partial<Style> | undefined>>();
      for (const r of rows) {
        if (r.heading) {
          const row = sheet.addRow([r.values[0] === undefined || r.values[0] === null ? null : String(r.values[0])]);
          rowCount++;
          row.height = LINE_HEIGHT + 8;
          row.getCell(1).style = { font: { name: FONT, size: 10, bold: true, charset: 134 }, alignment: { vertical: 'middle' }, border: BORDER, fill: solid(HEADING_FILL), numFmt: '@' };
          sheet.mergeCells(`A${rowCount}:${columnLetter(columns.length - 1)}${rowCount}`);
          row.commit();
          continue;
        }
        const values = columns.map((c, i) => {
          const v = r.values[i];
          if (v === null || v === undefined || v === '') return null;
          return c.kind === 'number' || c.kind === 'percent' || c.kind === 'general' ? v : String(v);
        });
        const row = sheet.addRow(values);
        rowCount++;
        // numbers take one line; text is measured by display width, since Excel and LibreOffice do not grow rows themselves
        const measured = Math.max(1, ...columns.map((c, i) => (c.kind === 'number' || c.kind === 'percent' ? 1 : linesIn(String(values[i] ?? ''), c.width))));
        // a row to write in gets a spare line: the estimate of wrapped Chinese text can fall a little short
        row.height = LINE_HEIGHT * (r.minLines === undefined ? measured : Math.max(r.minLines, measured + 1)) + 4;
        const spread = tableRows.length === 0 && emptyText !== undefined && columns.length > 1;
        if (spread) row.height = LINE_HEIGHT * linesIn(emptyText, columns.reduce((sum, c) => sum + c.width, 0)) + 4;
        const lookKey = `${r.bold === true}|${r.fill ?? ''}|${r.fillColumns?.join(',') ?? '*'}|${r.locked?.join(',') ?? ''}`;
        let look = looks.get(lookKey);
        if (!look) looks.set(lookKey, (look = []));
        columns.forEach((c, i) => {
          const cell: Cell = row.getCell(i + 1);
          const open = protect && c.input !== undefined && !(r.locked ?? []).includes(i);
          const make = (): Partial<Style> => {
            const fill = r.fill && (r.fillColumns === undefined || r.fillColumns.includes(i)) ? FILLS[r.fill] : protect && !open ? LOCKED_FILL : undefined;
            const horizontal = aligns[i]!;
            return shared(`${r.bold === true}|${horizontal}|${formats[i]}|${fill}|${open}`, () => ({
              font: { name: FONT, size: 10, bold: r.bold === true, charset: 134 },
              alignment: { horizontal, vertical: 'top', wrapText: true },
              border: BORDER,
              // text cells are formatted as Text, so that a clerk editing one never turns it into a formula
              numFmt: formats[i]!,
              ...(fill ? { fill: solid(fill) } : {}),
              ...(open ? { protection: { locked: false } } : {}),
            }));
          };
          // the spread cell's alignment is changed below, which would change every cell sharing its style
          if (spread && i === 0) cell.style = { ...make() };
          else cell.style = look[i] ??= make();
          if (open && c.input?.validation) cell.dataValidation = dataValidation(c.input.validation);
        });
        // the empty-table text spans the table, rather than squeezing into its first column
        if (spread) {
          row.getCell(1).alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
          sheet.mergeCells(`A${rowCount}:${columnLetter(columns.length - 1)}${rowCount}`);
        }
        row.commit();
      }
    };
    lines(spec.lines ?? []);
    for (const f of fields) field(f);
    if (hasTable) table(spec.columns, spec.rows, spec.emptyText);
    for (const t of more) {
      textRow('', { size: 10 }, LINE_HEIGHT);
      lines(t.lines ?? []);
      table(t.columns, t.rows, t.emptyText);
    }
    if (spec.after?.length) {
      textRow('', { size: 10 }, LINE_HEIGHT);
      lines(spec.after);
    }
    if (hasTable && spec.autoFilter !== false) sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
    // no password: the lock keeps the filled-in columns from being changed by accident, and an
    // office that needs to correct a form can lift it (审阅 → 撤销工作表保护)
    if (protect) await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
    sheet.commit();
  }
  for (const h of hidden) {
    const sheet = workbook.addWorksheet(h.name, { state: 'veryHidden' });
    for (const values of h.rows) {
      const row = sheet.addRow([...values]);
      row.eachCell((cell) => {
        cell.numFmt = '@';
      });
      row.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
  return normalizeZip(Buffer.concat(chunks), fixedDate);
}

function numberFormat(c: SheetColumn): string {
  const places = (n: number) => (n > 0 ? `0.${'0'.repeat(n)}` : '0');
  if (c.kind === 'percent') return `${places(c.decimals ?? 1)}%`;
  if (c.kind === 'date') return 'yyyy-mm-dd';
  if (c.kind === 'general') return 'General';
  return c.kind === 'number' ? places(c.decimals ?? 0) : '@';
}

/** The same zip with every entry dated `date` and the entries in sorted order. */
function normalizeZip(zip: Buffer, date: Date): Buffer {
  const entries = readZip(zip).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return writeZip(entries, date);
}
