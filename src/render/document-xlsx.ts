// A report document as workbook sheets for writeWorkbook: one sheet per top-level section, its
// heading as the sheet's title, its text as lines above its tables; what stands before the first
// section (the headline) gets a sheet of its own. Pure: the document gives the sheets.
import type { Messages } from '../i18n/index.js';
import { flatten, isNumeric, plainText, tableLines, type DocCell, type DocColumn, type DocTable, type FlatBlock, type ReportDocument } from './document.js';
import { stripHidden } from './text.js';
import type { SheetColumn, SheetLine, SheetSpec, SheetTable } from './xlsx.js';

// Excel refuses these in sheet names, and names longer than 31 characters
const SHEET_NAME_BAD = /[\\/?*[\]:]/g;
const SHEET_NAME_MAX = 31;
/** Sheets whose tables are at most this wide (in Excel's character units) print upright on A4. */
const PORTRAIT_WIDTH = 100;

export function sheetName(text: string, used: Set<string>): string {
  const base = [...text.replace(SHEET_NAME_BAD, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '')].slice(0, SHEET_NAME_MAX).join('') || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`;
    name = [...base].slice(0, SHEET_NAME_MAX - suffix.length).join('') + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

function sheetColumn(c: DocColumn): SheetColumn {
  return {
    header: c.header,
    width: c.width,
    ...(c.kind ? { kind: c.kind } : {}),
    ...(c.align ? { align: c.align } : {}),
    ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
  };
}

function sheetTable(t: DocTable, m: Messages, lines: SheetLine[]): SheetTable {
  const value = (v: DocCell, c: DocColumn) => (v === null || v === undefined ? undefined : isNumeric(c) && typeof v === 'number' ? v : stripHidden(String(v)));
  // an empty table's text goes to the writer, which spreads it across the table
  if (t.rows.length === 0 && !t.total) return { lines, columns: t.columns.map(sheetColumn), rows: [], emptyText: t.emptyText ?? m.document.empty };
  return {
    lines,
    columns: t.columns.map(sheetColumn),
    rows: tableLines(t, m).map((line) => ({
      values: t.columns.map((c, i) => value(line.cells[i], c)),
      ...(line.emphasis ? { fill: line.emphasis } : {}),
      ...(line.total ? { bold: true } : {}),
    })),
  };
}

/** A block's text as lines of the sheet, cleaned of controls as for the terminal. */
function textOf(block: Exclude<FlatBlock, { kind: 'table' }>): SheetLine[] {
  switch (block.kind) {
    case 'heading': return [{ text: stripHidden(block.number + block.text), bold: true }];
    case 'paragraph': return [{ text: stripHidden(plainText(block.spans)) }];
    case 'list': return block.items.map((item) => ({ text: stripHidden(plainText(item)) }));
    case 'note': return [{ text: stripHidden(block.text) }];
  }
}

export interface DocumentSheetsOptions {
  /** the left part of each printed footer; the document's footer, else its subtitle lines, by default */
  footerLeft?: string;
  /** the right part; the document's title by default */
  footerRight?: string;
}

export function documentSheets(doc: ReportDocument, m: Messages, options: DocumentSheetsOptions = {}): SheetSpec[] {
  const footerLeft = options.footerLeft ?? doc.footer ?? doc.subtitle.join('  ');
  const footerRight = options.footerRight ?? doc.title;
  const groups = new Map<number, FlatBlock[]>();
  for (const block of flatten(doc, m)) {
    const group = groups.get(block.top) ?? [];
    group.push(block);
    groups.set(block.top, group);
  }
  const used = new Set<string>();
  const sheets: SheetSpec[] = [];
  for (const [top, blocks] of [...groups].sort((a, b) => a[0] - b[0])) {
    // a section's own heading is the sheet's title
    const heading = top >= 0 && blocks[0]?.kind === 'heading' ? blocks.shift() : undefined;
    const title = heading?.kind === 'heading' ? heading.number + heading.text : doc.title;
    const name = sheetName(heading?.kind === 'heading' ? heading.text : m.document.overviewSheet, used);
    const tables: SheetTable[] = [];
    let pending: SheetLine[] = [];
    for (const block of blocks) {
      if (block.kind === 'table') {
        tables.push(sheetTable(block.table, m, [...pending, { text: stripHidden(block.caption), bold: true }]));
        pending = [];
      } else {
        pending.push(...textOf(block));
      }
    }
    const widest = Math.max(0, ...tables.map((t) => t.columns.reduce((sum, c) => sum + c.width, 0)));
    const base = {
      name,
      title,
      // the overview repeats the lines under the document's title
      ...(heading || doc.subtitle.length === 0 ? {} : { summary: doc.subtitle.join('　') }),
      footerLeft,
      footerCenter: m.exports.pageFooter,
      footerRight,
      orientation: widest <= PORTRAIT_WIDTH ? ('portrait' as const) : ('landscape' as const),
    };
    const [first, ...more] = tables;
    if (!first) {
      sheets.push({ ...base, columns: [], rows: [], lines: pending });
      continue;
    }
    sheets.push({
      ...base,
      lines: first.lines ?? [],
      columns: first.columns,
      rows: first.rows,
      ...(first.emptyText ? { emptyText: first.emptyText } : {}),
      ...(more.length ? { more } : {}),
      ...(pending.length ? { after: pending } : {}),
    });
  }
  return sheets;
}
