// Line breaking for the terminal, by display width, the way Chinese is set in print: a line may
// break between two Chinese characters or at a space, but never inside a number, a date, a count
// with its measure word (92天, 12 项) or a bracketed phrase that fits on a line; closing
// punctuation never starts a line and opening punctuation never ends one.
import { displayWidth, graphemes, sanitize } from './text.js';

// Runs kept whole: Latin words, numbers, dates (2020-06-30), ranges (1—4月 as 1—4).
// A measure word after a number belongs to it: 92天, 12 项, 3.5亿元.
const MEASURE = new Set('天日月年号个项件次条户所座名台辆吨米亩家人元倍周旬期批处栋幢');
const RANGE_DASH = new Set('—–～');
// Characters that must not begin a line (closing punctuation stays with the text before it).
const NO_LINE_START = /^[，。、；：？！）》」』”’〕】%…—,.;:?!)\]}]$/;
// Characters that must not end a line (opening punctuation goes with the text after it).
const NO_LINE_END = /^[（《「『“‘〔【(\[{]$/;
const OPENING: Readonly<Record<string, string>> = { '（': '）', '(': ')', '《': '》', '“': '”', '【': '】', '「': '」', '〔': '〕' };

/** Printable ASCII but the space: a Latin word, a number, a date. */
function isAsciiRun(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x21 || code > 0x7e) return false;
  }
  return true;
}

const isDigitCode = (code: number) => code >= 48 && code <= 57;
const endsInDigit = (text: string) => isDigitCode(text.charCodeAt(text.length - 1));
const isDigit = (text: string | undefined) => text !== undefined && text.length === 1 && isDigitCode(text.charCodeAt(0));
const isMeasure = (text: string | undefined) => text !== undefined && text.length === 1 && MEASURE.has(text);
const isRangeDash = (text: string) => text.length === 1 && RANGE_DASH.has(text);

/** The text as pieces that never break inside: a grapheme, or a run of Latin letters and digits with what belongs to it. */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  const parts = graphemes(paragraph);
  // whether the last token is a run of printable ASCII, kept rather than tested again as it grows
  let lastAscii = false;
  for (let i = 0; i < parts.length; i++) {
    const segment = parts[i]!;
    const n = out.length;
    const last = n > 0 ? out[n - 1]! : undefined;
    if (last !== undefined && lastAscii && isAsciiRun(segment)) out[n - 1] = last + segment;
    else if (last !== undefined && isRangeDash(segment) && endsInDigit(last) && isDigit(parts[i + 1])) {
      out[n - 1] = last + segment;
      lastAscii = false;
    } else if (last !== undefined && isDigit(segment) && RANGE_DASH.has(last.charAt(last.length - 1)) && last.length > 1) {
      out[n - 1] = last + segment;
      lastAscii = false;
    } else if (last !== undefined && isMeasure(segment) && endsInDigit(last)) {
      out[n - 1] = last + segment;
      lastAscii = false;
    } else if (last !== undefined && segment === ' ' && endsInDigit(last) && isMeasure(parts[i + 1])) {
      out[n - 1] = last + segment + parts[i + 1]!;
      lastAscii = false;
      i++;
    } else {
      out.push(segment);
      lastAscii = isAsciiRun(segment);
    }
  }
  return out;
}

/** Tokens grouped into atoms: a bracketed phrase (with its brackets) is one atom, every other token its own. */
function atoms(list: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < list.length; i++) {
    const close = OPENING[list[i]!];
    if (close) {
      let depth = 0;
      let end = -1;
      for (let j = i; j < list.length; j++) {
        if (list[j] === list[i]) depth++;
        else if (list[j] === close && --depth === 0) {
          end = j;
          break;
        }
      }
      if (end > i) {
        // punctuation right after the phrase stays with it
        while (end + 1 < list.length && NO_LINE_START.test(list[end + 1]!) && !OPENING[list[end + 1]!]) end++;
        out.push(list.slice(i, end + 1));
        i = end;
        continue;
      }
    }
    out.push([list[i]!]);
  }
  return out;
}

const widthOf = (parts: readonly string[]) => parts.reduce((sum, t) => sum + displayWidth(t), 0);

// A bracketed phrase up to this wide is worth a wider column rather than a break inside it.
const PHRASE_KEPT = 18;

/**
 * The least width a column of this text should get: its widest date, number or count, and its
 * widest bracketed phrase up to PHRASE_KEPT columns, so that none of them has to break. For text
 * already through sanitize(), as a table's cells are.
 */
export function leastWidth(text: string): number {
  let widest = 0;
  for (const paragraph of text.includes('\n') ? text.split('\n') : [text]) {
    const simple = widestOfPlain(paragraph);
    if (simple !== undefined) {
      widest = Math.max(widest, simple);
      continue;
    }
    for (const atom of atoms(tokens(paragraph))) {
      const w = widthOf(atom);
      widest = Math.max(widest, w <= PHRASE_KEPT ? w : Math.max(...atom.map(displayWidth)));
    }
  }
  return widest;
}

/**
 * The widest character of a paragraph every character of which is a piece of its own: no Latin
 * letter, digit or ASCII punctuation (which join into runs and numbers), no opening bracket (which
 * starts a phrase) and nothing that needs grapheme segmentation. Undefined for any other paragraph.
 */
function widestOfPlain(paragraph: string): number | undefined {
  let widest = 0;
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    if ((code >= 0x21 && code <= 0x7e) || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x300 && code <= 0x36f) || code === 0x200d) return undefined;
    if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x20d0 && code <= 0x20ff)) return undefined;
    const char = paragraph.charAt(i);
    if (OPENING[char] !== undefined) return undefined;
    const w = displayWidth(char);
    if (w > widest) widest = w;
  }
  return widest;
}

/** Wraps text to lines of at most `width` display columns (see the head of this file). */
export function wrap(text: string, width: number): string[] {
  return wrapVisible(sanitize(text), width);
}

/** wrap() of text already through sanitize(), as a table's cells are. */
export function wrapVisible(text: string, width: number): string[] {
  const out: string[] = [];
  const limit = Math.max(2, width);
  const plain = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
  for (const paragraph of plain.includes('\n') ? plain.split('\n') : [plain]) {
    // a paragraph that fits is one line, as layout() would make it, without taking it apart
    if (displayWidth(paragraph) <= limit) out.push(paragraph.trimEnd());
    else out.push(...layout(atoms(tokens(paragraph)), limit));
  }
  return out;
}

/**
 * Parts joined by `separator` on lines of at most `width` columns, breaking only between parts
 * (a part wider than a line is wrapped on its own): `红灯 12 · 黄灯 16 · 取消 1` never breaks inside
 * `取消 1`.
 */
export function wrapParts(parts: readonly string[], separator: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const part of parts) {
    const joined = line === '' ? part : `${line}${separator}${part}`;
    if (displayWidth(joined) <= width || line === '') {
      line = joined;
      continue;
    }
    out.push(line + separator.trimEnd());
    line = part;
  }
  if (line !== '') out.push(line);
  return out.flatMap((l) => (displayWidth(l) > width ? wrap(l, width) : [l]));
}

function layout(pieces: readonly string[][], limit: number): string[] {
  const out: string[] = [];
  let line: string[][] = [];
  let lineWidth = 0;
  const flush = () => {
    let text = '';
    for (const atom of line) for (const token of atom) text += token;
    out.push(text.trimEnd());
    line = [];
    lineWidth = 0;
  };
  const put = (atom: string[]) => {
    line.push(atom);
    lineWidth += widthOf(atom);
  };
  const startLineWith = (atom: string[]) => {
    const first = atom[0] ?? '';
    // the last atom goes down too when the new line would start with closing punctuation or the old would end with opening punctuation
    let carry: string[][] = [];
    const last = line.at(-1);
    const before = line.at(-2);
    // a carry never leaves the line ending in opening punctuation, nor a line of it alone
    const leavesOpening = before !== undefined && NO_LINE_END.test(before.at(-1) ?? '');
    if (last && line.length > 1 && !leavesOpening && (NO_LINE_START.test(first) || NO_LINE_END.test(last.at(-1) ?? ''))) {
      if (widthOf(last) + widthOf(atom) <= limit) carry = [line.pop()!];
      else if (last.length > 1 && displayWidth(last.at(-1)!) + widthOf(atom) <= limit) carry = [[last.pop()!]];
    }
    if (line.length > 0) flush();
    for (const c of carry) put(c);
    put(atom);
  };
  for (const atom of pieces) {
    const w = widthOf(atom);
    if (lineWidth + w <= limit) {
      put(atom);
      continue;
    }
    if (atom.length === 1 && atom[0] === ' ') {
      flush();
      continue;
    }
    if (w <= limit) {
      startLineWith(atom);
      continue;
    }
    // longer than a line: its tokens one by one, a token longer than a line cut by characters
    for (const token of atom.flatMap((t) => (displayWidth(t) > limit ? graphemes(t) : [t]))) {
      const tw = displayWidth(token);
      if (lineWidth + tw <= limit) put([token]);
      else startLineWith([token]);
    }
  }
  flush();
  return out;
}

/** A line of prose fitted to the width: wrapped where a line may break, each line passed through `paint`. */
export function fitLine(text: string, width: number, paint: (line: string) => string = (l) => l): string {
  return wrap(text, width).map((line) => paint(line)).join('\n');
}

/** `lead` then the text wrapped to the width, its later lines indented as far as the text starts. */
export function hangingLines(lead: string, text: string, width: number): string[] {
  const indent = displayWidth(lead);
  const room = width - indent;
  if (room < 10) return [lead.trimEnd(), ...wrap(text, width - 2).map((t) => `  ${t}`)];
  return wrap(text, room).map((t, k) => `${k === 0 ? lead : ' '.repeat(indent)}${t}`);
}
