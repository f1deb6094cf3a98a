// A report as a document: one value that the terminal, Markdown, .docx and .xlsx renderers all
// print. Builders say what the report holds (sections, paragraphs, tables); the renderers number
// headings and tables, so that numbers never go out of step when a section is left out.
import type { IsoDate } from '../core/dates.js';
import type { Messages } from '../i18n/index.js';

export type Align = 'left' | 'center' | 'right';
type ColumnKind = 'text' | 'number' | 'percent';
export type Emphasis = 'red' | 'yellow';

/** A run of text; a strong run prints bold (the lead-in of a paragraph: 一是…). */
export interface Span {
  text: string;
  strong?: boolean;
}

/** Plain text, or runs of text some of which are strong. */
export type Inline = string | readonly Span[];

export interface DocColumn {
  header: string;
  /** text by default */
  kind?: ColumnKind;
  /** left for text, right for numbers and percentages by default */
  align?: Align;
  /** width in character units (a Chinese character takes about 2), as the export sheets count it; sets the proportions in print */
  width: number;
  /** digits after the point; numbers print as given unless this is set, percentages with 1 */
  decimals?: number;
}

/** A percent cell holds a share from 0 to 1: 0.236 prints as 23.6%. */
export type DocCell = string | number | null | undefined;

export interface DocRow {
  cells: readonly DocCell[];
  emphasis?: Emphasis;
}

export interface DocTable {
  type: 'table';
  /** without its number: the renderers print 表1、表2… in document order */
  caption: string;
  columns: readonly DocColumn[];
  rows: readonly DocRow[];
  /** the totals line, printed bold below the rows */
  total?: readonly DocCell[];
  /** the one row printed when there are no rows (the catalog's “无” by default) */
  emptyText?: string;
}

export interface DocParagraph {
  type: 'paragraph';
  text: Inline;
}

/** Items printed one to a line, without bullets, as office documents list things. */
export interface DocList {
  type: 'list';
  items: readonly Inline[];
}

/** A remark in smaller print, after “注：”. */
export interface DocNote {
  type: 'note';
  text: string;
}

/** A heading and what it holds; sections inside sections are the lower heading levels. */
export interface DocSection {
  type: 'section';
  /** without its number: the renderers print 一、（一）1.（1） by level */
  heading: string;
  blocks: readonly DocBlock[];
}

export type DocBlock = DocParagraph | DocList | DocTable | DocNote | DocSection;

export interface ReportDocument {
  title: string;
  /** lines under the title, e.g. 第27期, 截至2020年9月30日 */
  subtitle: readonly string[];
  /**
   * a short line naming the document on printed pages beside the page number (第27期 2020年9月下旬);
   * the subtitle lines when absent. A4 portrait has room for about 20 Chinese characters there.
   */
  footer?: string;
  /** the date the document speaks as of; files carry it as their date, so that the same document gives the same bytes */
  date: IsoDate;
  blocks: readonly DocBlock[];
}

export const section = (heading: string, ...blocks: DocBlock[]): DocSection => ({ type: 'section', heading, blocks });
export const paragraph = (text: Inline): DocParagraph => ({ type: 'paragraph', text });
export const list = (items: readonly Inline[]): DocList => ({ type: 'list', items });
export const note = (text: string): DocNote => ({ type: 'note', text });
export const table = (t: Omit<DocTable, 'type'>): DocTable => ({ type: 'table', ...t });

/** The blocks of a document in reading order, numbered: what every renderer walks. */
export type FlatBlock =
  | { kind: 'heading'; level: number; number: string; text: string; top: number }
  | { kind: 'paragraph'; spans: readonly Span[]; level: number; top: number }
  | { kind: 'list'; items: ReadonlyArray<readonly Span[]>; level: number; top: number }
  | { kind: 'note'; text: string; level: number; top: number }
  | { kind: 'table'; table: DocTable; number: number; caption: string; level: number; top: number };

/**
 * Flattens the sections into headings and blocks, numbering headings by level (一、 （一） 1.
 * （1） in Chinese) and tables through the whole document. `level` is the depth of the section
 * a block is in (0 outside any section); `top` the index of its top-level section, -1 outside any.
 */
export function flatten(doc: ReportDocument, m: Messages): FlatBlock[] {
  const out: FlatBlock[] = [];
  let tables = 0;
  let topIndex = -1;
  const walk = (blocks: readonly DocBlock[], path: number[]) => {
    let sections = 0;
    const level = path.length;
    for (const block of blocks) {
      // blocks outside any section belong to none, wherever they stand
      const top = level === 0 ? -1 : topIndex;
      switch (block.type) {
        case 'section': {
          const at = [...path, ++sections];
          if (level === 0) topIndex++;
          out.push({ kind: 'heading', level: at.length, number: m.document.heading(at), text: block.heading, top: topIndex });
          walk(block.blocks, at);
          break;
        }
        case 'paragraph':
          out.push({ kind: 'paragraph', spans: spansOf(block.text), level, top });
          break;
        case 'list':
          out.push({ kind: 'list', items: block.items.map(spansOf), level, top });
          break;
        case 'note':
          out.push({ kind: 'note', text: m.document.note(block.text), level, top });
          break;
        case 'table': {
          const number = ++tables;
          out.push({ kind: 'table', table: block, number, caption: m.document.caption(number, block.caption), level, top });
          break;
        }
      }
    }
  };
  walk(doc.blocks, []);
  return out;
}

function spansOf(text: Inline): readonly Span[] {
  return typeof text === 'string' ? [{ text }] : text;
}

export function plainText(text: Inline): string {
  return spansOf(text).map((s) => s.text).join('');
}

export function isNumeric(column: DocColumn): boolean {
  return column.kind === 'number' || column.kind === 'percent';
}

export function alignOf(column: DocColumn): Align {
  return column.align ?? (isNumeric(column) ? 'right' : 'left');
}

/** A cell as printed: 23.6% for a percent share of 0.236, numbers to the column's decimals. */
export function cellText(value: DocCell, column: DocColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '';
  if (column.kind === 'percent') return `${(value * 100).toFixed(column.decimals ?? 1)}%`;
  return column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
}

/** The rows to print: the rows, the empty-table row when there are none, then the total. */
export function tableLines(t: DocTable, m: Messages): Array<{ cells: readonly DocCell[]; emphasis?: Emphasis; total?: boolean; empty?: boolean }> {
  const rows: Array<{ cells: readonly DocCell[]; emphasis?: Emphasis; total?: boolean; empty?: boolean }> =
    t.rows.length > 0 ? t.rows.map((r) => ({ cells: r.cells, ...(r.emphasis ? { emphasis: r.emphasis } : {}) })) : [{ cells: [t.emptyText ?? m.document.empty], empty: true }];
  if (t.total) rows.push({ cells: t.total, total: true });
  return rows;
}
