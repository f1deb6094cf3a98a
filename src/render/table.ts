// Tables for the terminal that fit its width and keep Chinese aligned. Widths are measured by
// display width, cells are wrapped where a line may break (src/render/wrap.ts), and borders can
// be ASCII for terminals that draw box characters double-wide. (cli-table3 was dropped: its word
// wrap loses Chinese text, and re-measuring every cell with its own string-width cost more than
// the whole rest of `tasks overdue` on a large plan.)
//
// A table that does not fit gets narrower step by step: long text wraps down to each column's
// least width; then headers wrap onto two lines; then the padding beside the borders goes; and
// when even that is too wide, every row becomes a block of `header：value` lines.
import { collect, displayWidth, oneLine, sanitize } from './text.js';
import { leastWidth, wrap, wrapParts, wrapVisible } from './wrap.js';

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
  /** the line between the rows of a stacked table */
  rule: string;
}

// [left, fill, junction, right]
const BOX: Border = { top: ['┌', '─', '┬', '┐'], middle: ['├', '─', '┼', '┤'], bottom: ['└', '─', '┴', '┘'], vertical: '│', rule: '─' };
const ASCII: Border = { top: ['+', '-', '+', '+'], middle: ['+', '-', '+', '+'], bottom: ['+', '-', '+', '+'], vertical: '|', rule: '-' };

/** How a table is laid out: headers on one line or two, and the spaces beside each border. */
interface Layout {
  headerLines: 1 | 2;
  /** spaces on each side of a cell: 1 normally, 0 when tight */
  padding: 0 | 1;
}

const LAYOUTS: readonly Layout[] = [
  { headerLines: 1, padding: 1 },
  { headerLines: 2, padding: 1 },
  { headerLines: 2, padding: 0 },
];

/** The least width at which `text` wraps onto at most `lines` lines. */
function widthForLines(text: string, lines: number): number {
  const full = displayWidth(text);
  if (lines <= 1) return full;
  for (let w = Math.ceil(full / lines); w < full; w++) if (wrap(text, w).length <= lines) return w;
  return full;
}

const overheadOf = (count: number, padding: number) => count * (2 * padding + 1) + 1;

// A header of two characters or fewer is never broken (红/灯 reads worse than a wider table).
const SHORT_HEADER = 4;

/**
 * Column widths (content only, without padding) that fit `width` in the given layout, or
 * undefined when the columns cannot get narrow enough. Headers wider than their column's content
 * wrap first (widest first), then long text, widest column first.
 */
function fitLayout(columns: readonly Column[], measured: Measured, width: number, layout: Layout): number[] | undefined {
  const headerFull = columns.map((c) => displayWidth(c.header));
  const headerFloor = columns.map((c, i) => (layout.headerLines === 2 && headerFull[i]! > SHORT_HEADER ? widthForLines(c.header, 2) : headerFull[i]!));
  const { content, unbreakable } = measured;
  const full = content.map((w, i) => Math.max(w, headerFull[i]!));
  // the least a column may get: a wrapping column its minimum, and never less than a date or a number it holds
  const least = columns.map((col, i) => {
    if (!col.wrap) return Math.max(content[i]!, headerFloor[i]!);
    return Math.min(Math.max(col.min ?? 6, headerFloor[i]!, unbreakable[i]!), full[i]!);
  });
  const natural = full.map((w, i) => Math.max(least[i]!, Math.min(w, Math.max(columns[i]!.max ?? Infinity, headerFull[i]!))));
  const overhead = overheadOf(columns.length, layout.padding);
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
  const widest = (wrapping: boolean) => {
    let found = -1;
    for (let i = 0; i < columns.length; i++) {
      if (Boolean(columns[i]!.wrap) !== wrapping || widths[i]! <= least[i]!) continue;
      if (found === -1 || widths[i]! > widths[found]!) found = i;
    }
    return found;
  };
  while (excess > 0) {
    const i = widest(false) >= 0 ? widest(false) : widest(true);
    if (i === -1) return undefined;
    widths[i]!--;
    excess--;
  }
  return widths;
}

/** Column widths (content only, without padding) that fit `width` with normal padding and one-line headers, as far as they can. */
export function fitWidths(columns: readonly Column[], rows: readonly string[][], width: number): number[] {
  const measured = measure(columns, rows);
  return fitLayout(columns, measured, width, LAYOUTS[0]!) ?? fitLayout(columns, measured, Number.MAX_SAFE_INTEGER, LAYOUTS[0]!)!;
}

/** What the cells ask of their columns, whatever the layout: measured once, not once per layout tried. */
interface Measured {
  /** per column, its widest line */
  content: number[];
  /** per wrapping column, its widest piece that should not break (a date, a number, a short bracketed phrase) */
  unbreakable: number[];
  /** each distinct cell's widest line */
  widthOf: Map<string, number>;
}

function measure(columns: readonly Column[], rows: readonly string[][]): Measured {
  // a long report repeats names, dates and texts from row to row: each distinct cell is measured once
  const widthOf = new Map<string, number>();
  const least = new Map<string, number>();
  const content = columns.map(() => 0);
  const unbreakable = columns.map(() => 0);
  columns.forEach((col, i) => {
    let w = 0;
    let u = 0;
    for (const row of rows) {
      const cell = row[i] ?? '';
      let cellWidth = widthOf.get(cell);
      if (cellWidth === undefined) widthOf.set(cell, (cellWidth = widestLine(cell)));
      if (cellWidth > w) w = cellWidth;
      // a cell's least width is never more than its widest line: one no wider than the least found cannot raise it
      if (col.wrap && cellWidth > u) {
        let cellLeast = least.get(cell);
        if (cellLeast === undefined) least.set(cell, (cellLeast = leastWidth(cell)));
        if (cellLeast > u) u = cellLeast;
      }
    }
    content[i] = w;
    unbreakable[i] = u;
  });
  return { content, unbreakable, widthOf };
}

function widestLine(text: string): number {
  if (!text.includes('\n')) return displayWidth(text);
  let w = 0;
  for (const line of text.split('\n')) w = Math.max(w, displayWidth(line));
  return w;
}

export function renderTable(columns: readonly Column[], rows: readonly string[][], options: TableOptions): string {
  return collect((emit) => renderTableLines(columns, rows, options, emit), '\n');
}

/**
 * The lines of the table, given one by one to `emit` (without their line ends): a table of many
 * thousand rows is then written out as it is made, and never held whole.
 */
export function renderTableLines(columns: readonly Column[], rows: readonly string[][], options: TableOptions, emit: (line: string) => void): void {
  const cleaned = rows.map((row) => columns.map((col, i) => (col.wrap ? sanitize(row[i] ?? '') : oneLine(row[i] ?? ''))));
  const measured = measure(columns, cleaned);
  for (const layout of LAYOUTS) {
    const widths = fitLayout(columns, measured, options.width, layout);
    if (widths) return boxed(columns, cleaned, measured.widthOf, widths, layout, options, emit);
  }
  stacked(columns, cleaned, options, emit);
}

/** A cell as it is set in its column: its lines, and the display width of each. */
interface SetCell {
  lines: readonly string[];
  widths: readonly number[];
}

function boxed(
  columns: readonly Column[],
  rows: readonly string[][],
  widthOf: ReadonlyMap<string, number>,
  widths: readonly number[],
  layout: Layout,
  options: TableOptions,
  emit: (line: string) => void,
): void {
  const b = options.ascii ? ASCII : BOX;
  const space = ' '.repeat(layout.padding);
  const rule = ([left, fill, junction, right]: Border['top']) => left + widths.map((w) => fill.repeat(w + 2 * layout.padding)).join(junction) + right;
  const open = b.vertical + space;
  const between = space + b.vertical + space;
  const close = space + b.vertical;
  const gaps: string[] = [];
  const gap = (n: number) => (n <= 0 ? '' : (gaps[n] ??= ' '.repeat(n)));
  const right = columns.map((c) => c.align === 'right');
  // each line is put together by hand: a long report has tens of thousands of them
  const block = (cells: readonly SetCell[], alignRight: readonly boolean[], paint?: (text: string, c: number) => string): void => {
    let height = 0;
    for (const cell of cells) if (cell.lines.length > height) height = cell.lines.length;
    for (let k = 0; k < height; k++) {
      let out = open;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c]!;
        const text = cell.lines[k] ?? '';
        const fill = gap(widths[c]! - (cell.widths[k] ?? 0));
        let set = alignRight[c] ? fill + text : text + fill;
        if (paint && text) set = paint(set, c);
        out += c === 0 ? set : between + set;
      }
      emit(out + close);
    }
  };
  const measuredLines = (lines: readonly string[]): SetCell => ({ lines, widths: lines.map((line) => displayWidth(line)) });
  const headers = columns.map((c, i) => measuredLines(displayWidth(c.header) > widths[i]! ? wrap(c.header, widths[i]!) : [c.header]));
  const middle = rule(b.middle);
  emit(rule(b.top));
  block(headers, columns.map(() => false));
  emit(middle);
  // each distinct cell of a column is set once (its lines are only read, never changed)
  const setOf = widths.map(() => new Map<string, SetCell>());
  const set = rows.map((row) =>
    row.map((cell, c) => {
      const known = setOf[c]!.get(cell);
      if (known) return known;
      const width = widthOf.get(cell) ?? widestLine(cell);
      const laid = columns[c]!.wrap || width > widths[c]! ? measuredLines(wrapVisible(cell, widths[c]!)) : { lines: [cell], widths: [width] };
      setOf[c]!.set(cell, laid);
      return laid;
    }),
  );
  // rows of one line each read best without a rule between them
  const ruled = set.some((cells) => cells.some((cell) => cell.lines.length > 1));
  set.forEach((cells, r) => {
    if (r > 0 && ruled) emit(middle);
    block(cells, right, options.paint ? (text, c) => options.paint!(text, r, c) : undefined);
  });
  emit(rule(b.bottom));
}

/**
 * Each row as a block: the first column's value with the second's when that is long text (an id
 * and a title), then `header：value` for every other non-empty cell — short ones side by side,
 * long ones on lines of their own with a hanging indent; a rule between the rows.
 */
function stacked(columns: readonly Column[], rows: readonly string[][], options: TableOptions, emit: (line: string) => void): void {
  const b = options.ascii ? ASCII : BOX;
  const width = Math.max(10, options.width);
  const emitAll = (lines: readonly string[]) => lines.forEach((line) => emit(line));
  const hang = (lead: string, value: string, paint: (text: string) => string) => {
    const indent = displayWidth(lead);
    const room = width - indent;
    if (room < 10) return [lead.trimEnd(), ...wrap(value, width - 4).map((t) => `    ${paint(t)}`)];
    return wrap(value, room).map((t, k) => `${k === 0 ? lead : ' '.repeat(indent)}${paint(t)}`);
  };
  rows.forEach((row, r) => {
    emit(b.rule.repeat(width));
    const paint = (c: number) => (text: string) => (options.paint && text ? options.paint(text, r, c) : text);
    const titled = columns.length > 1 && columns[1]!.wrap === true && !columns[0]!.wrap;
    if (titled) emitAll(hang(`${paint(0)(row[0] ?? '')}  `, row[1] ?? '', paint(1)));
    else emitAll(wrap(row[0] ?? '', width).map(paint(0)));
    const short: string[] = [];
    const flushShort = () => {
      if (short.length > 0) emitAll(wrapParts(short, '  ', width - 2).map((t) => `  ${t}`));
      short.length = 0;
    };
    for (let c = titled ? 2 : 1; c < columns.length; c++) {
      const value = row[c] ?? '';
      if (value === '') continue;
      const label = columns[c]!.header ? `${columns[c]!.header}：` : '';
      const one = !value.includes('\n') && displayWidth(label + value) <= Math.min(30, width - 2);
      if (one) short.push(`${label}${paint(c)(value)}`);
      else {
        flushShort();
        emitAll(hang(`  ${label}`, value, paint(c)));
      }
    }
    flushShort();
  });
  if (rows.length > 0) emit(b.rule.repeat(width));
}
