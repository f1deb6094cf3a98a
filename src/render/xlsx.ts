// Sheets → an .xlsx file, print-ready and byte-for-byte reproducible. The only module that loads
// exceljs, and only when an export runs (it costs more at start-up than all of `tasks overdue`).
//
// exceljs' streaming writer keeps memory flat on large plans. Its zip carries the time of writing
// on every entry, so the file is unzipped and zipped again with the as-of date on each entry and
// the entries in sorted order: the same tasks and date give the same bytes.
import { PassThrough } from 'node:stream';
import type { IsoDate } from '../core/dates.js';
import { utcMidnight } from '../core/dates.js';
import { exceljs, jszip } from '../packages.js';
import { displayWidth } from './text.js';

type CellValue = string | number | null | undefined;

export interface SheetColumn {
  header: string;
  /** width in Excel's character units (a Chinese character takes about 2) */
  width: number;
  kind?: 'text' | 'number' | 'percent';
  align?: 'left' | 'center' | 'right';
}

export interface SheetRow {
  values: CellValue[];
  fill?: 'red' | 'yellow';
  bold?: boolean;
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
}

const FONT = '宋体';
const FILLS = { red: 'FFFFC7CE', yellow: 'FFFFEB9C' } as const;
const HEADER_FILL = 'FFD9D9D9';
const LINE_HEIGHT = 13.5;
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
  return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** `&` starts a code in Excel's header and footer texts; a literal one is written `&&`. */
function footerText(text: string): string {
  return text.replace(/&/g, '&&');
}

export async function writeWorkbook(sheets: readonly SheetSpec[], asOf: IsoDate, creator: string): Promise<Buffer> {
  const ExcelJS = exceljs();
  const fixedDate = utcMidnight(asOf);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  workbook.creator = creator;
  workbook.lastModifiedBy = creator;
  workbook.created = fixedDate;
  workbook.modified = fixedDate;

  for (const spec of sheets) {
    const last = columnLetter(spec.columns.length - 1);
    const headerRow = spec.summary ? 3 : 2;
    const sheet = workbook.addWorksheet(spec.name, {
      pageSetup: {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: `1:${headerRow}`,
      },
      headerFooter: {
        oddFooter: `&L${footerText(spec.footerLeft)}&C${spec.footerCenter}&R${footerText(spec.footerRight)}`,
      },
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow }],
      properties: { defaultRowHeight: 15 },
    });
    sheet.columns = spec.columns.map((c) => ({ width: c.width }));

    const title = sheet.addRow([spec.title]);
    title.height = Math.max(28, linesIn(spec.title, spec.columns.reduce((s, c) => s + c.width, 0) / 1.6) * 24);
    title.getCell(1).style = {
      font: { name: FONT, size: 16, bold: true, charset: 134 },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    };
    sheet.mergeCells(`A1:${last}1`);
    title.commit();
    if (spec.summary) {
      const summary = sheet.addRow([spec.summary]);
      summary.height = LINE_HEIGHT * linesIn(spec.summary, spec.columns.reduce((s, c) => s + c.width, 0)) + 6;
      summary.getCell(1).style = { font: { name: FONT, size: 10, charset: 134 }, alignment: { vertical: 'middle', wrapText: true } };
      sheet.mergeCells(`A2:${last}2`);
      summary.commit();
    }
    const header = sheet.addRow(spec.columns.map((c) => c.header));
    header.height = LINE_HEIGHT * Math.max(...spec.columns.map((c) => linesIn(c.header, c.width))) + 6;
    header.eachCell((cell) => {
      cell.style = {
        font: { name: FONT, size: 10, bold: true, charset: 134 },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
        border: BORDER,
      };
    });
    header.commit();

    const rows: SheetRow[] = spec.rows.length > 0 || !spec.emptyText ? spec.rows : [{ values: [spec.emptyText] }];
    for (const r of rows) {
      const values = spec.columns.map((c, i) => {
        const v = r.values[i];
        if (v === null || v === undefined || v === '') return null;
        return c.kind === 'number' || c.kind === 'percent' ? v : String(v);
      });
      const row = sheet.addRow(values);
      // numbers take one line; text is measured by display width, since Excel and LibreOffice do not grow rows themselves
      row.height = LINE_HEIGHT * Math.max(1, ...spec.columns.map((c, i) => (c.kind === 'number' || c.kind === 'percent' ? 1 : linesIn(String(values[i] ?? ''), c.width)))) + 4;
      spec.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        cell.style = {
          font: { name: FONT, size: 10, bold: r.bold === true, charset: 134 },
          alignment: { horizontal: c.align ?? (c.kind === 'number' || c.kind === 'percent' ? 'right' : 'left'), vertical: 'top', wrapText: true },
          border: BORDER,
          // text cells are formatted as Text, so that a clerk editing one never turns it into a formula
          numFmt: c.kind === 'percent' ? '0.0%' : c.kind === 'number' ? '0' : '@',
          ...(r.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[r.fill] } } } : {}),
        };
      });
      row.commit();
    }
    sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
    sheet.commit();
  }
  await workbook.commit();
  return normalizeZip(Buffer.concat(chunks), fixedDate);
}

/** The same zip with every entry dated `date` and the entries in sorted order. */
async function normalizeZip(zip: Buffer, date: Date): Promise<Buffer> {
  const JSZip = jszip();
  const source = await JSZip.loadAsync(zip);
  const out = new JSZip();
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
