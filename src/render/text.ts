// Text for the terminal: strip what could steer the terminal, measure display width, wrap.
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';

// C0/C1 controls except tab and newline, zero-width and bidi controls.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

// Operating-system commands (window title, hyperlinks): ESC ] … BEL or ESC ] … ESC \, payload and all.
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/** Task text as it may be printed: escape sequences, control and bidi characters removed. */
export function sanitize(text: string): string {
  return stripVTControlCharacters(text.replace(OSC, '')).replace(UNSAFE, '');
}

/** One line: sanitized, with newlines and tabs turned into spaces. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/[\t\n]+/g, ' ');
}

export function displayWidth(text: string): number {
  return stringWidth(text);
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// Runs kept together on a line when they fit: Latin words, numbers, dates (2020-06-30), 92天-style counts.
const WORD = /^[\x21-\x7e]+$/;
// Characters that must not begin a line (Chinese typesetting: closing punctuation stays with the text before it).
const NO_LINE_START = /^[，。、；：？！）》」』”’%…—,.;:?!)\]}]$/;

function tokens(paragraph: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(paragraph)) {
    const last = out.at(-1);
    if (last !== undefined && WORD.test(segment) && WORD.test(last)) out[out.length - 1] = last + segment;
    else out.push(segment);
  }
  return out;
}

/**
 * Wraps text to lines of at most `width` display columns, never splitting a character or a
 * grapheme (emoji, combining marks). Latin words, numbers and dates stay whole where they fit,
 * and closing punctuation never starts a line.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const limit = Math.max(2, width);
  for (const paragraph of sanitize(text).replace(/\t/g, ' ').split('\n')) {
    let line: string[] = [];
    let lineWidth = 0;
    const flush = () => {
      out.push(line.join('').trimEnd());
      line = [];
      lineWidth = 0;
    };
    for (const token of tokens(paragraph)) {
      const w = stringWidth(token);
      if (lineWidth + w <= limit) {
        line.push(token);
        lineWidth += w;
        continue;
      }
      if (token === ' ') {
        flush();
        continue;
      }
      if (w > limit) {
        // a word longer than a line: cut it by characters
        for (const { segment } of segmenter.segment(token)) {
          const sw = stringWidth(segment);
          if (lineWidth + sw > limit && line.length > 0) flush();
          line.push(segment);
          lineWidth += sw;
        }
        continue;
      }
      // Keep closing punctuation with the character before it by moving that character down too.
      const carry = NO_LINE_START.test(token) && line.length > 1 ? [line.pop()!] : [];
      flush();
      line = [...carry, token];
      lineWidth = stringWidth(line.join(''));
    }
    out.push(line.join('').trimEnd());
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
