// Text for the terminal: strip what could steer the terminal, measure display width, wrap.
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';

// C0/C1 controls except tab and newline, zero-width and bidi controls.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Task text as it may be printed: escape sequences, control and bidi characters removed. */
export function sanitize(text: string): string {
  return stripVTControlCharacters(text).replace(UNSAFE, '');
}

/** One line: sanitized, with newlines and tabs turned into spaces. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/[\t\n]+/g, ' ');
}

export function displayWidth(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Wraps text to lines of at most `width` display columns, never splitting a character or a
 * grapheme (emoji, combining marks). Latin words are kept whole where they fit on a line.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of sanitize(text).replace(/\t/g, ' ').split('\n')) {
    let line = '';
    let lineWidth = 0;
    let lastSpace = -1;
    for (const { segment } of segmenter.segment(paragraph)) {
      const w = stringWidth(segment);
      if (lineWidth + w > width && line !== '') {
        if (segment !== ' ' && lastSpace > 0 && lastSpace < line.length - 1) {
          out.push(line.slice(0, lastSpace).trimEnd());
          line = line.slice(lastSpace + 1);
          lineWidth = stringWidth(line);
        } else {
          out.push(line.trimEnd());
          line = '';
          lineWidth = 0;
        }
        lastSpace = -1;
        if (segment === ' ') continue;
      }
      if (segment === ' ') lastSpace = line.length;
      line += segment;
      lineWidth += w;
    }
    out.push(line.trimEnd());
  }
  return out;
}

/** Cuts text to `width` columns, ending in '...' when it was longer. */
export function truncate(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > width - 3) break;
    out += segment;
    used += w;
  }
  return `${out}...`;
}
