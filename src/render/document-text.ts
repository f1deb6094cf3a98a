// A report document for the terminal: the title centred, numbered headings, paragraphs wrapped
// with a first-line indent as printed reports have, and tables drawn by renderTable to fit the width.
import type { Messages } from '../i18n/index.js';
import { alignOf, cellText, flatten, isNumeric, tableLines, type DocTable, type ReportDocument, type Span } from './document.js';
import { renderTable, type Column } from './table.js';
import { displayWidth, sanitize } from './text.js';
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
  const style = options.style ?? ((text: string) => text);
  const measure = Math.max(20, Math.min(options.width, PROSE_WIDTH));
  const centred = (text: string, s: TextStyle) =>
    wrap(text, measure).map((line) => ' '.repeat(Math.max(0, Math.floor((measure - displayWidth(line)) / 2))) + style(line, s));
  const blocks: string[][] = [[...centred(doc.title, 'title'), ...doc.subtitle.flatMap((line) => centred(line, 'note'))]];
  for (const block of flatten(doc, m)) {
    switch (block.kind) {
      case 'heading':
        blocks.push(wrap(block.number + block.text, measure).map((line) => style(line, 'heading')));
        break;
      case 'paragraph':
        blocks.push(prose(block.spans, measure, options.style));
        break;
      case 'list':
        blocks.push(block.items.flatMap((item) => prose(item, measure, options.style)));
        break;
      case 'note':
        blocks.push(wrap(block.text, measure).map((line) => style(line, 'note')));
        break;
      case 'table':
        // a table without rows says so in a line rather than drawing an empty grid
        blocks.push([
          style(block.caption, 'strong'),
          block.table.rows.length === 0 && !block.table.total ? INDENT + (block.table.emptyText ?? m.document.empty) : textTable(block.table, m, options),
        ]);
        break;
    }
  }
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
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

function textTable(t: DocTable, m: Messages, options: DocumentTextOptions): string {
  const columns: Column[] = t.columns.map((c) => ({
    header: c.header,
    ...(alignOf(c) === 'right' ? { align: 'right' as const } : {}),
    ...(isNumeric(c) ? {} : { wrap: true }),
  }));
  const lines = tableLines(t, m);
  const rows = lines.map((line) => t.columns.map((c, i) => cellText(line.cells[i], c)));
  const style = options.style;
  // a table too wide for the terminal is stacked by renderTable: one record per row
  return renderTable(columns, rows, {
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
  });
}
