// Tables for the terminal that fit its width and keep Chinese aligned. Widths are measured by
// display width, cells are wrapped without splitting a character, and borders can be ASCII for
// terminals that draw box characters double-wide. (cli-table3 was dropped: its word wrap loses
// Chinese text, and re-measuring every cell with its own string-width cost more than the whole
// rest of `tasks overdue` on a large plan.)
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
  /** colours one line of a finished cell; gets the row and column index */
  paint?: (text: string, row: number, column: number) => string;
}

interface Border {
  top: [string, string, string, string];
  middle: [string, string, string, string];
  bottom: [string, string, string, string];
  vertical: string;
}

// [left, fill, junction, right]
const BOX: Border = { top: ['┌', '─', '┬', '┐'], middle: ['├', '─', '┼', '┤'], bottom: ['└', '─', '┴', '┘'], vertical: '│' };
const ASCII: Border = { top: ['+', '-', '+', '+'], middle: ['+', '-', '+', '+'], bottom: ['+', '-', '+', '+'], vertical: '|' };

/** Column widths (content only, without padding) that fit `width`. */
export function fitWidths(columns: readonly Column[], rows: readonly string[][], width: number): number[] {
  const full = columns.map((col, i) => {
    let w = displayWidth(col.header);
    for (const row of rows) for (const line of (row[i] ?? '').split('\n')) w = Math.max(w, displayWidth(line));
    return w;
  });
  const natural = full.map((w, i) => Math.min(w, Math.max(columns[i]!.max ?? Infinity, displayWidth(columns[i]!.header))));
  const overhead = columns.length * 3 + 1;
  const widths = [...natural];
  // A wide terminal lets long text spread past its usual maximum, so that it wraps less.
  let slack = width - (widths.reduce((a, b) => a + b, 0) + overhead);
  while (slack > 0) {
    const growing = columns.flatMap((col, i) => (col.wrap && widths[i]! < full[i]! ? [i] : []));
    if (growing.length === 0) break;
    for (const i of growing) {
      if (slack === 0) break;
      widths[i]!++;
      slack--;
    }
  }
  let excess = widths.reduce((a, b) => a + b, 0) + overhead - width;
  // Shrink the wrapping columns, widest first, one column at a time, down to their minimum.
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

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'right' ? gap + text : text + gap;
}

export function renderTable(columns: readonly Column[], rows: readonly string[][], options: TableOptions): string {
  const cleaned = rows.map((row) => columns.map((col, i) => (col.wrap ? sanitize(row[i] ?? '') : oneLine(row[i] ?? ''))));
  const widths = fitWidths(columns, cleaned, options.width);
  const b = options.ascii ? ASCII : BOX;
  const rule = ([left, fill, junction, right]: Border['top']) => left + widths.map((w) => fill.repeat(w + 2)).join(junction) + right;
  const line = (cells: string[]) => `${b.vertical} ${cells.join(` ${b.vertical} `)} ${b.vertical}`;
  const out = [rule(b.top), line(columns.map((c, i) => pad(c.header, widths[i]!, 'left'))), rule(b.middle)];
  cleaned.forEach((row, r) => {
    if (r > 0) out.push(rule(b.middle));
    const cells = row.map((cell, c) => (columns[c]!.wrap || displayWidth(cell) > widths[c]! ? wrap(cell, widths[c]!) : [cell]));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      out.push(
        line(
          cells.map((lines, c) => {
            const text = pad(lines[k] ?? '', widths[c]!, columns[c]!.align ?? 'left');
            return options.paint && lines[k] ? options.paint(text, r, c) : text;
          }),
        ),
      );
    }
  });
  out.push(rule(b.bottom));
  return out.join('\n');
}
