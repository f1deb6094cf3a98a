// A report document for the terminal: the title centred, numbered headings, paragraphs wrapped
// with a first-line indent as printed reports have, and tables drawn by renderTable to fit the width.
import type { Messages } from '../i18n/index.js';
import { alignOf, cellText, flatten, isNumeric, tableLines, type DocTable, type ReportDocument, type Span } from './document.js';
import { renderTableLines, type Column } from './table.js';
import { collect, displayWidth, sanitize } from './text.js';
import { wrap } from './wrap.js';

type TextStyle = 'title' | 'heading' | 'strong' | 'note' | 'red' | 'yellow';

export interface DocumentTextOptions {
  /** columns available; prose wraps at no more than PROSE_WIDTH so that lines stay readable */
  width: number;
  ascii: boolean;
  /** colours or emboldens a finished piece of a line; plain text when absent */
  style?: (text: string, style: TextStyle) => string;
}

const PROSE_WIDTH = 100;
const INDENT = '    ';

export function renderDocumentText(doc: ReportDocument, m: Messages, options: DocumentTextOptions): string {
  return collect((write) => writeDocumentText(doc, m, options, write));
}

/**
 * The same text as renderDocumentText, handed to `write` a line at a time: a month's report of
 * 10,000 tasks is 15 MB of text, written as it is made. Blocks are parted by a blank line.
 */
export function writeDocumentText(doc: ReportDocument, m: Messages, options: DocumentTextOptions, write: (text: string) => void): void {
  const style = options.style ?? ((text: string) => text);
  const measure = Math.max(20, Math.min(options.width, PROSE_WIDTH));
  // each line but a block's first starts with the end of the line before
  let first = true;
  const line = (text: string) => {
    write(first ? text : `\n${text}`);
    first = false;
  };
  const lines = (list: readonly string[]) => list.forEach(line);
  const centred = (text: string, s: TextStyle) =>
    wrap(text, measure).map((l) => ' '.repeat(Math.max(0, Math.floor((measure - displayWidth(l)) / 2))) + style(l, s));
  lines([...centred(doc.title, 'title'), ...doc.subtitle.flatMap((l) => centred(l, 'note'))]);
  for (const block of flatten(doc, m)) {
    write('\n\n');
    first = true;
    switch (block.kind) {
      case 'heading':
        lines(wrap(block.number + block.text, measure).map((l) => style(l, 'heading')));
        break;
      case 'paragraph':
        lines(prose(block.spans, measure, options.style));
        break;
      case 'list':
        lines(block.items.flatMap((item) => prose(item, measure, options.style)));
        break;
      case 'note':
        lines(wrap(block.text, measure).map((l) => style(l, 'note')));
        break;
      case 'table':
        line(style(block.caption, 'strong'));
        // a table without rows says so in a line rather than drawing an empty grid
        if (block.table.rows.length === 0 && !block.table.total) line(INDENT + (block.table.emptyText ?? m.document.empty));
        else textTable(block.table, m, options, line);
        break;
    }
  }
  write('\n');
}

/**
 * A paragraph wrapped with a first-line indent. Strong runs are styled after wrapping: the
 * wrapped lines hold the same characters in the same order, less the spaces dropped at breaks.
 */
function prose(spans: readonly Span[], width: number, style: DocumentTextOptions['style']): string[] {
  const text = INDENT + spans.map((s) => s.text).join('');
  const lines = wrap(text, width);
  if (!style || !spans.some((s) => s.strong)) return lines;
  const marks: Array<{ ch: string; strong: boolean }> = [...INDENT].map((ch) => ({ ch, strong: false }));
  for (const s of spans) for (const ch of sanitize(s.text).replace(/\t/g, ' ')) marks.push({ ch, strong: s.strong === true });
  let at = 0;
  return lines.map((line) => {
    let out = '';
    let run = '';
    let runStrong = false;
    const flush = () => {
      if (run) out += runStrong ? style(run, 'strong') : run;
      run = '';
    };
    for (const ch of line) {
      while (at < marks.length && marks[at]!.ch !== ch) at++;
      const strong = marks[at]?.strong ?? false;
      at++;
      if (strong !== runStrong) flush();
      runStrong = strong;
      run += ch;
    }
    flush();
    return out;
  });
}

function textTable(t: DocTable, m: Messages, options: DocumentTextOptions, emit: (line: string) => void): void {
  const columns: Column[] = t.columns.map((c) => ({
    header: c.header,
    ...(alignOf(c) === 'right' ? { align: 'right' as const } : {}),
    ...(isNumeric(c) ? {} : { wrap: true }),
  }));
  const lines = tableLines(t, m);
  const rows = lines.map((line) => t.columns.map((c, i) => cellText(line.cells[i], c)));
  const style = options.style;
  // a table too wide for the terminal is stacked by renderTable: one record per row
  renderTableLines(columns, rows, {
    width: options.width,
    ascii: options.ascii,
    ...(style
      ? {
          paint: (text: string, r: number) => {
            const line = lines[r];
            if (line?.total) return style(text, 'strong');
            return line?.emphasis ? style(text, line.emphasis) : text;
          },
        }
      : {}),
  }, emit);
}
