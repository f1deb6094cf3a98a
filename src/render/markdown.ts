// A report document as Markdown (CommonMark with GitHub's pipe tables), for a clerk to edit and
// paste on. Text from task files is escaped so that it always reads as text: a title starting
// with “1.” or “#” stays a title, and a | or a line break inside a cell stays in its cell.
import type { Messages } from '../i18n/index.js';
import { alignOf, cellText, flatten, tableLines, type DocTable, type ReportDocument, type Span } from './document.js';
import { stripHidden } from './text.js';

/** Backslash-escapes what Markdown would read as markup anywhere in a line. */
function escapeInline(text: string): string {
  return stripHidden(text).replace(/[\\`*_[\]<>|~#&!]/g, '\\$&');
}

/** Escapes the markers that only count at the start of a line (lists, quotes, setext headings) in escaped text. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

function escapeLine(text: string): string {
  return escapeLineStart(escapeInline(text));
}

// Punctuation stays outside the stars: CommonMark does not close “**一是：**抓好” (a closing run after
// punctuation must be followed by a space or punctuation), but it does close “**一是**：抓好”.
const EDGES = /^([\s\p{P}\p{S}]*)(.*?)([\s\p{P}\p{S}]*)$/su;

function inline(spans: readonly Span[]): string {
  return spans
    .map((s) => {
      if (!s.strong) return escapeInline(s.text);
      const [, lead = '', core = '', tail = ''] = EDGES.exec(s.text) ?? [];
      return core === '' ? escapeInline(s.text) : `${escapeInline(lead)}**${escapeInline(core)}**${escapeInline(tail)}`;
    })
    .join('');
}

/** A paragraph's text: line breaks inside it become hard breaks, and each line is escaped as a line. */
function paragraph(spans: readonly Span[]): string {
  return inline(spans).split('\n').map(escapeLineStart).join('\\\n');
}

function cell(text: string): string {
  return escapeInline(text).replace(/\r?\n/g, '<br>');
}

function pipeTable(t: DocTable, m: Messages): string {
  const rule = t.columns.map((c) => {
    const align = alignOf(c);
    return align === 'right' ? '---:' : align === 'center' ? ':---:' : '---';
  });
  const out = [`| ${t.columns.map((c) => cell(c.header)).join(' | ')} |`, `| ${rule.join(' | ')} |`];
  for (const line of tableLines(t, m)) {
    const cells = t.columns.map((c, i) => {
      const text = cell(cellText(line.cells[i], c));
      return line.total && text.trim() !== '' ? `**${text}**` : text;
    });
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

export function renderMarkdown(doc: ReportDocument, m: Messages): string {
  const out: string[] = [`# ${escapeInline(doc.title).replace(/\n/g, ' ')}`];
  for (const line of doc.subtitle) out.push(escapeLine(line));
  for (const block of flatten(doc, m)) {
    switch (block.kind) {
      case 'heading':
        out.push(`${'#'.repeat(Math.min(6, block.level + 1))} ${escapeInline(block.number + block.text).replace(/\n/g, ' ')}`);
        break;
      case 'paragraph':
        out.push(paragraph(block.spans));
        break;
      case 'list':
        out.push(...block.items.map(paragraph));
        break;
      case 'note':
        out.push(escapeLine(block.text).replace(/\n/g, ' '));
        break;
      case 'table':
        out.push(
          `**${escapeInline(block.caption)}**`,
          // a table without rows says so in a line rather than printing an empty grid
          block.table.rows.length === 0 && !block.table.total ? escapeLine(block.table.emptyText ?? m.document.empty) : pipeTable(block.table, m),
        );
        break;
    }
  }
  return `${out.join('\n\n')}\n`;
}
