// Tables for the terminal that fit its width and keep Chinese aligned. We choose the column
// widths and wrap the cells ourselves (by display width, never inside a character): cli-table3's
// own word wrap drops Chinese text. ASCII borders for terminals that draw box characters double-wide.
import Table from 'cli-table3';
import { displayWidth, oneLine, sanitize, wrap } from './text.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** the narrowest the column may get when the terminal is narrow (wrapping columns only) */
  min?: number;
  /** the widest the column may get */
  max?: number;
  /** long text: wraps onto several lines; other columns keep their natural width */
  wrap?: boolean;
}

export interface TableOptions {
  /** total width available, borders included */
  width: number;
  ascii: boolean;
  /** colours a finished cell (text already wrapped); gets the row and column index */
  paint?: (text: string, row: number, column: number) => string;
}

const ASCII = {
  top: '-', 'top-mid': '+', 'top-left': '+', 'top-right': '+',
  bottom: '-', 'bottom-mid': '+', 'bottom-left': '+', 'bottom-right': '+',
  left: '|', 'left-mid': '+', mid: '-', 'mid-mid': '+',
  right: '|', 'right-mid': '+', middle: '|',
};

/** Column widths (content only, without padding) that fit `width`. */
export function fitWidths(columns: readonly Column[], rows: readonly string[][], width: number): number[] {
  const natural = columns.map((col, i) => {
    let w = displayWidth(col.header);
    for (const row of rows) for (const line of (row[i] ?? '').split('\n')) w = Math.max(w, displayWidth(line));
    return Math.min(w, col.max ?? Infinity);
  });
  const overhead = columns.length * 3 + 1;
  const widths = [...natural];
  let excess = widths.reduce((a, b) => a + b, 0) + overhead - width;
  // Shrink the wrapping columns, widest first, one column step at a time, down to their minimum.
  while (excess > 0) {
    let widest = -1;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i]!;
      if (!col.wrap || widths[i]! <= Math.max(col.min ?? 6, displayWidth(col.header))) continue;
      if (widest === -1 || widths[i]! > widths[widest]!) widest = i;
    }
    if (widest === -1) break;
    widths[widest]!--;
    excess--;
  }
  return widths;
}

export function renderTable(columns: readonly Column[], rows: readonly string[][], options: TableOptions): string {
  const cleaned = rows.map((row) => row.map((cell, i) => (columns[i]?.wrap ? sanitize(cell) : oneLine(cell))));
  const widths = fitWidths(columns, cleaned, options.width);
  const table = new Table({
    head: columns.map((c) => c.header),
    colWidths: widths.map((w) => w + 2),
    colAligns: columns.map((c) => c.align ?? 'left'),
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    ...(options.ascii ? { chars: ASCII } : {}),
  });
  cleaned.forEach((row, r) => {
    table.push(
      row.map((cell, c) => {
        const text = wrap(cell, widths[c]!).join('\n');
        return options.paint ? options.paint(text, r, c) : text;
      }),
    );
  });
  return table.toString();
}
