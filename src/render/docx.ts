// A report document as a .docx in the form offices print (GB/T 9704, as far as it applies to a
// report): A4, title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号 on a fixed 29 pt line (22
// lines a page), headings 黑体 then 楷体_GB2312, tables in a smaller 仿宋 with borders, their header
// row repeated on every page, and the page number as “— 1 —” at the outer edge of the footer.
//
// Chinese font names go on the eastAsia attribute, which is the one Word and WPS use for Chinese
// text; the font table names a common fallback (仿宋 for 仿宋_GB2312 …) for machines without them.
// The library stamps the time of writing into the package; the file is zipped again with the
// document's date instead, so that the same document always gives the same bytes.
import type * as Docx from 'docx';
import { utcMidnight } from '../core/dates.js';
import type { Messages } from '../i18n/index.js';
import { alignOf, cellText, flatten, tableLines, type Align, type DocTable, type ReportDocument, type Span } from './document.js';
import { docx as loadDocx } from '../packages.js';
import { readZip, writeZip, type ZipEntry } from './zip.js';
import { displayWidth, stripHidden } from './text.js';

export interface DocxOptions {
  /** the author written into the file's properties */
  creator: string;
}

const MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM);
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), header: twips(15), footer: twips(25) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

/** What the font table offers Word in place of a font the machine lacks. */
const FALLBACK: Record<string, string> = { 方正小标宋简体: '宋体', 仿宋_GB2312: '仿宋', 楷体_GB2312: '楷体' };

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { title: 44, body: 32, note: 28, caption: 28, table: 24, tableSmall: 21, pageNumber: 28 };
const BODY_LINE = 580; // 29 pt: 225 mm of text height holds 22 lines
const INDENT = 2 * 320; // two characters of 三号

/** Tables wider than this (in character units, as DocColumn.width counts them) print in 五号 rather than 小四. */
const WIDE_TABLE = 80;

const FILL = { red: 'FFC7CE', yellow: 'FFEB9C', header: 'E7E6E6' } as const;

function fonts(eastAsia: string, latin = FONT.latin) {
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' };
}

export async function renderDocx(doc: ReportDocument, m: Messages, options: DocxOptions): Promise<Buffer> {
  const d = loadDocx();
  const body: Array<Docx.Paragraph | Docx.Table> = [];
  // a blank line's space between the title (or the lines under it) and the text
  const titleSpace = doc.subtitle.length === 0 ? { spacing: { after: BODY_LINE } } : {};
  body.push(new d.Paragraph({ style: 'Title', ...titleSpace, children: runs(d, [{ text: doc.title }]) }));
  doc.subtitle.forEach((line, i) => {
    body.push(new d.Paragraph({ style: i === doc.subtitle.length - 1 ? 'SubtitleLast' : 'Subtitle', children: runs(d, [{ text: line }]) }));
  });
  for (const block of flatten(doc, m)) {
    switch (block.kind) {
      case 'heading':
        body.push(new d.Paragraph({ style: `Heading${Math.min(block.level, 4)}`, children: runs(d, [{ text: block.number + block.text }]) }));
        break;
      case 'paragraph':
        body.push(new d.Paragraph({ children: runs(d, block.spans) }));
        break;
      case 'list':
        for (const item of block.items) body.push(new d.Paragraph({ children: runs(d, item) }));
        break;
      case 'note':
        body.push(new d.Paragraph({ style: 'Note', children: runs(d, [{ text: block.text }]) }));
        break;
      case 'table':
        body.push(new d.Paragraph({ style: 'TableCaption', children: runs(d, [{ text: block.caption }]) }));
        body.push(table(d, block.table, m));
        // a paragraph after the table keeps the next caption or heading off its last row
        body.push(new d.Paragraph({ style: 'AfterTable' }));
        break;
    }
  }

  const pageNumber = (side: 'odd' | 'even') =>
    new d.Footer({
      children: [
        new d.Paragraph({
          style: 'PageNumber',
          alignment: side === 'odd' ? d.AlignmentType.RIGHT : d.AlignmentType.LEFT,
          // one character in from the outer edge (GB/T 9704 7.5)
          indent: side === 'odd' ? { right: 280 } : { left: 280 },
          children: [new d.TextRun({ children: ['— ', d.PageNumber.CURRENT, ' —'] })],
        }),
      ],
    });

  const document = new d.Document({
    creator: options.creator,
    lastModifiedBy: options.creator,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: styles(),
    sections: [
      {
        properties: {
          page: { size: PAGE, margin: MARGIN },
        },
        footers: { default: pageNumber('odd'), even: pageNumber('even') },
        children: body,
      },
    ],
  });
  return normalizePackage(await d.Packer.toBuffer(document), doc.date);
}

/**
 * Runs of text; a line break inside a span stays a line break. Task text is cleaned as for the
 * terminal: a bidi override pasted into a note would otherwise reverse what Word shows.
 */
function runs(d: typeof Docx, spans: readonly Span[], extra: Partial<Docx.IRunOptions> = {}): Docx.TextRun[] {
  const out: Docx.TextRun[] = [];
  for (const span of spans) {
    stripHidden(span.text).split('\n').forEach((piece, i) => {
      out.push(new d.TextRun({ text: piece, ...(i > 0 ? { break: 1 } : {}), ...(span.strong ? { bold: true } : {}), ...extra }));
    });
  }
  return out;
}

const ALIGN = (d: typeof Docx, a: Align) => (a === 'right' ? d.AlignmentType.RIGHT : a === 'center' ? d.AlignmentType.CENTER : d.AlignmentType.LEFT);

const CELL_MARGIN = 80;
/** Tables of up to this many rows are kept on one page when they fit; longer ones run on with their header repeated. */
const SHORT_TABLE = 12;
/** Lines of table text that surely fit on a page below a heading and a caption. */
const KEEP_LINES = 28;

/** The lines a table's text takes at `size`, each row as tall as its fullest cell (Latin letters half a character wide). */
function tableLineCount(t: DocTable, m: Messages, widths: readonly number[], size: number): number {
  const half = (size / 2) * 10;
  const cellLines = (text: string, width: number) => {
    const room = Math.max(1, Math.floor((width - 2 * CELL_MARGIN) / half));
    return text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
  };
  const header = Math.max(...t.columns.map((c, i) => cellLines(c.header, widths[i]!)));
  return tableLines(t, m).reduce((sum, line) => sum + (line.empty ? 1 : Math.max(...t.columns.map((c, i) => cellLines(cellText(line.cells[i], c), widths[i]!)))), header);
}

/**
 * Column widths in twips: in proportion to DocColumn.width, but no column narrower than its
 * longest run that cannot wrap (a date, an id, a number) at the table's type size, nor than two
 * Chinese characters; the columns with room to spare give up what those need.
 */
export function columnWidths(t: DocTable, m: Messages, size: number): number[] {
  const em = (size / 2) * 20;
  const pad = 2 * CELL_MARGIN + 40;
  const units = t.columns.reduce((s, c) => s + c.width, 0);
  const lines = tableLines(t, m).filter((line) => !line.empty);
  const minimum = t.columns.map((c, i) => {
    let longest = 0;
    for (const line of lines) for (const run of cellText(line.cells[i], c).split(/[^\x21-\x7e]+/)) longest = Math.max(longest, run.length);
    // Latin letters and digits are about half as wide as a Chinese character
    return Math.max(Math.ceil(longest * 0.55 * em), 2 * em) + pad;
  });
  const widths = t.columns.map((c, i) => Math.max((c.width / units) * TEXT_WIDTH, minimum[i]!));
  const excess = widths.reduce((a, b) => a + b, 0) - TEXT_WIDTH;
  const slack = widths.map((w, i) => w - minimum[i]!);
  const room = slack.reduce((a, b) => a + b, 0);
  const fitted = room >= excess
    ? widths.map((w, i) => w - (room > 0 ? (excess * slack[i]!) / room : 0))
    : minimum.map((w) => (w * TEXT_WIDTH) / minimum.reduce((a, b) => a + b, 0));
  const rounded = fitted.map((w) => Math.floor(w));
  rounded[rounded.length - 1]! += TEXT_WIDTH - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}

function table(d: typeof Docx, t: DocTable, m: Messages): Docx.Table {
  const units = t.columns.reduce((s, c) => s + c.width, 0);
  const size = units > WIDE_TABLE ? SIZE.tableSmall : SIZE.table;
  // exact line height a little over the type size, as table text is set
  const line = Math.round(size * 10 * 1.3);
  const widths = columnWidths(t, m, size);
  const rowsOut = tableLines(t, m);
  // kept together only when it surely fits a page: a taller one held together leaves its caption alone on a blank page
  const keepTogether = rowsOut.length <= SHORT_TABLE && tableLineCount(t, m, widths, size) <= KEEP_LINES;
  const cellParagraph = (text: string, align: Align, bold: boolean, keepNext: boolean) =>
    new d.Paragraph({
      style: 'TableText',
      alignment: ALIGN(d, align),
      spacing: { line, lineRule: d.LineRuleType.EXACT },
      keepNext,
      children: runs(d, [{ text, strong: bold }], { size }),
    });
  const cell = (text: string, i: number, align: Align, bold: boolean, keepNext: boolean, fill?: string, span?: number) =>
    new d.TableCell({
      width: { size: span ? TEXT_WIDTH : widths[i]!, type: d.WidthType.DXA },
      verticalAlign: d.VerticalAlignTable.CENTER,
      ...(span ? { columnSpan: span } : {}),
      ...(fill ? { shading: { type: d.ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: [cellParagraph(text, align, bold, keepNext)],
    });

  const header = new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    // the header stays with the first row; a short table stays together as a whole
    children: t.columns.map((c, i) => cell(c.header, i, 'center', true, true, FILL.header)),
  });
  const rows = rowsOut.map((row, r) => {
    const keepNext = keepTogether && r < rowsOut.length - 1;
    if (row.empty) return new d.TableRow({ cantSplit: true, children: [cell(String(row.cells[0] ?? ''), 0, 'center', false, keepNext, undefined, t.columns.length)] });
    const fill = row.emphasis ? FILL[row.emphasis] : undefined;
    return new d.TableRow({
      cantSplit: true,
      children: t.columns.map((c, i) => cell(cellText(row.cells[i], c), i, alignOf(c), row.total === true, keepNext, fill)),
    });
  });
  const border = { style: d.BorderStyle.SINGLE, size: 4, color: '000000' };
  return new d.Table({
    rows: [header, ...rows],
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    alignment: d.AlignmentType.CENTER,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 30, bottom: 30 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function styles(): Docx.IStylesOptions {
  const exact = (line: number) => ({ line, lineRule: 'exact' as const });
  const heading = (level: number, font: string, bold = false) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: fonts(font), size: SIZE.body, bold, color: '000000' },
    paragraph: { outlineLevel: level - 1, keepNext: true, keepLines: true, spacing: { ...exact(BODY_LINE), before: 0, after: 0 } },
  });
  return {
    default: {
      document: {
        run: { font: fonts(FONT.body), size: SIZE.body, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { alignment: 'both', indent: { firstLine: INDENT }, spacing: { ...exact(BODY_LINE), before: 0, after: 0 } },
      },
    },
    paragraphStyles: [
      {
        id: 'Title',
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fonts(FONT.title), size: SIZE.title, bold: false, color: '000000' },
        paragraph: { alignment: 'center', indent: { firstLine: 0 }, keepNext: true, spacing: exact(700) },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { font: fonts(FONT.heading2) },
        paragraph: { alignment: 'center', indent: { firstLine: 0 }, keepNext: true },
      },
      {
        id: 'SubtitleLast',
        name: 'Subtitle (last line)',
        basedOn: 'Subtitle',
        next: 'Normal',
        paragraph: { spacing: { ...exact(BODY_LINE), after: BODY_LINE } },
      },
      heading(1, FONT.heading1),
      heading(2, FONT.heading2),
      heading(3, FONT.body, true),
      heading(4, FONT.body),
      {
        id: 'TableCaption',
        name: 'Table Caption',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: fonts(FONT.heading1), size: SIZE.caption },
        paragraph: { alignment: 'center', indent: { firstLine: 0 }, keepNext: true, keepLines: true, spacing: { ...exact(440), before: 160, after: 80 } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { font: fonts(FONT.body), size: SIZE.table },
        paragraph: { alignment: 'left', indent: { firstLine: 0 } },
      },
      {
        id: 'AfterTable',
        name: 'After Table',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: SIZE.tableSmall },
        paragraph: { spacing: exact(200) },
      },
      {
        id: 'Note',
        name: 'Note',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: SIZE.note },
        paragraph: { spacing: exact(460) },
      },
      {
        id: 'PageNumber',
        name: 'Page Number',
        basedOn: 'Normal',
        run: { font: fonts(FONT.pageNumber, FONT.pageNumber), size: SIZE.pageNumber },
        paragraph: { indent: { firstLine: 0 }, spacing: { line: 240, lineRule: 'auto' } },
      },
    ],
  };
}

/** The font table: each font with its fallback and the Chinese character set, so that a machine without it picks a like one. */
function fontTable(): string {
  const names = [...new Set([...Object.values(FONT)])];
  const entries = names.map((name) => {
    const chinese = /[^\x00-\x7f]/.test(name);
    const alt = FALLBACK[name] ? `<w:altName w:val="${FALLBACK[name]}"/>` : '';
    return chinese
      ? `<w:font w:name="${name}">${alt}<w:charset w:val="86"/><w:family w:val="${name === FONT.heading1 ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`
      : `<w:font w:name="${name}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join('')}</w:fonts>`;
}

/** The same package with the document's date in its properties and on every entry, and the font table filled in. */
async function normalizePackage(file: Buffer, date: string): Promise<Buffer> {
  const fixed = utcMidnight(date);
  const stamp = `${date}T00:00:00Z`;
  const entries = readZip(file).map((entry): ZipEntry => {
    if (entry.name === 'docProps/core.xml') {
      const core = Buffer.from(entry.data).toString('utf8').replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${stamp}`);
      return { name: entry.name, data: Buffer.from(core, 'utf8') };
    }
    if (entry.name === 'word/fontTable.xml') return { name: entry.name, data: Buffer.from(fontTable(), 'utf8') };
    return entry;
  });
  // [Content_Types].xml first, as Office writes it: tools that sniff a file's type look there
  const names = entries.map((e) => e.name).sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  const byName = new Map(entries.map((e) => [e.name, e]));
  return writeZip(names.map((name) => byName.get(name)!), fixed);
}
