// Text for the terminal: show what could steer the terminal, measure display width, wrap.
import { stripVTControlCharacters } from 'node:util';
import { eastAsianWidth } from 'get-east-asian-width';
import { visible } from '../core/visible.js';

/**
 * Task text and echoed arguments as they may be printed: escape, control, bidi and zero-width
 * characters written out visibly (\x1b, \x0d, \u202e), newlines and tabs kept.
 */
export function sanitize(text: string): string {
  return visible(text);
}

// C0/C1 controls except tab and newline, zero-width and bidi controls.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

// Operating-system commands (window title, hyperlinks): ESC ] … BEL or ESC ] … ESC \, payload and all.
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

/**
 * Task text for a document meant for print (.docx, report sheets, Markdown): escape sequences,
 * controls and bidi overrides removed rather than shown, since a reader of a printed report
 * cannot act on them. Anything shown on a terminal goes through sanitize() instead.
 */
export function stripHidden(text: string): string {
  if (!mayHide(text)) return text;
  return stripVTControlCharacters(text.replace(OSC, '')).replace(UNSAFE, '');
}

/**
 * Whether the text holds a character that stripHidden() removes or that starts an escape sequence
 * (C0 and C1 controls, zero-width and bidi controls). Most task text holds none, and this loop is
 * many times faster than the three expressions finding nothing, which matters in an export or a
 * page of thousands of rows.
 */
function mayHide(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return true;
    if (c >= 0x200b && ((c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))) return true;
  }
  return false;
}

// The colours and text attributes our own output uses (SGR: ESC [ … m); never conceal (8) or
// extended colours, which task data could use to hide or disguise text.
const OUR_SGR = /\u001b\[((?:\d{1,3};)*\d{0,3})m/g;
const ALLOWED_SGR = /^(?:0|1|2|3|4|9|2[1-479]|3[0-79]|4[0-79]|9[0-7]|10[0-7])?$/;

/**
 * The last guard before a terminal: everything hidden is written out visibly, except the colour
 * codes of our own painter when colour is on. Applied to every write to stderr and to a terminal
 * on stdout, so that a command that forgot to sanitise still cannot steer the terminal.
 */
export function terminalSafe(text: string, colour: boolean): string {
  if (!colour || !text.includes('\u001b')) return visible(text);
  let out = '';
  let from = 0;
  for (const m of text.matchAll(OUR_SGR)) {
    if (!m[1]!.split(';').every((p) => ALLOWED_SGR.test(p))) continue;
    out += visible(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + visible(text.slice(from));
}

/** One line: sanitized, with newlines and tabs turned into spaces. */
export function oneLine(text: string): string {
  return sanitize(text).replace(/[\t\n]+/g, ' ');
}

/**
 * Display width in terminal columns: East Asian wide and fullwidth characters count 2, ambiguous
 * ones 1 (as most terminals draw them), emoji 2, controls, combining marks and joiners 0.
 * ANSI colour codes do not count.
 */
export function displayWidth(text: string): number {
  // one character, as the line breaker measures most of them: its own width, or 0 for a control
  if (text.length === 1) return codeWidth(text.charCodeAt(0));
  const plain = text.includes('\u001b') ? stripVTControlCharacters(text) : text;
  if (COMPLEX.test(plain)) return graphemes(plain).reduce((sum, g) => sum + graphemeWidth(g), 0);
  let width = 0;
  for (let i = 0; i < plain.length; i++) width += codeWidth(plain.charCodeAt(i));
  return width;
}

function codeWidth(cp: number): number {
  if (cp >= 0x20 && cp < 0x7f) return 1;
  // the characters of Chinese text and of table borders, as eastAsianWidth() counts them, without the lookup
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3000 && cp <= 0x303e) || (cp >= 0xff01 && cp <= 0xff60)) return 2;
  if (cp >= 0x2500 && cp <= 0x257f) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  return eastAsianWidth(cp);
}

let pictographic: RegExp | undefined;

function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0) ?? 0;
  if (g.length > 1 || cp > 0xffff) {
    pictographic ??= /\p{Extended_Pictographic}/u;
    if (pictographic.test(g) && (cp >= 0x1f000 || g.includes('\ufe0f'))) return 2;
    if (/^[\u{1F1E6}-\u{1F1FF}]{2}$/u.test(g)) return 2;
  }
  return codeWidth(cp);
}

// Created on first use: building an ICU segmenter costs more than a whole `tasks --help`.
let segmenter: Intl.Segmenter | undefined;

// Text that needs grapheme segmentation: surrogate pairs, combining marks, joiners, variation selectors.
const COMPLEX = /[\uD800-\uDFFF\u0300-\u036F\u200D\uFE00-\uFE0F\u20D0-\u20FF]/;

/** The characters of a text as the eye sees them: emoji with modifiers and marks with their base stay whole. */
export function graphemes(text: string): string[] {
  if (!COMPLEX.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Cuts text to `width` columns, ending in '...' when it was longer. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const segment of graphemes(text)) {
    const w = displayWidth(segment);
    if (used + w > width - 3) break;
    out += segment;
    used += w;
  }
  return `${out}...`;
}

/** The text that `produce` hands out piece by piece, whole; `separator` goes between the pieces. */
export function collect(produce: (emit: (piece: string) => void) => void, separator = ''): string {
  const pieces: string[] = [];
  produce((piece) => pieces.push(piece));
  return pieces.join(separator);
}
