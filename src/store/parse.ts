// Text of one YAML file → data, the fast way.
//
// Three readers, one answer. A file in the plain layout the tool writes is read by plain-yaml.ts,
// several times faster than js-yaml and only where it reads exactly as js-yaml would; any other
// well-formed file goes through js-yaml, which is more than twice as fast as `yaml` (bench/,
// research/perf.md) and is enough when nothing is wrong. Any file that
// fails here, or that uses anchors/aliases, goes to diagnose.ts, which parses it again with
// `yaml` (loaded only then) to report every problem at its line and column.
import { CORE_SCHEMA, load as fastLoad } from 'js-yaml';
import { problem, withExcerpts, type Problem } from '../core/problems.js';
import { readPlainYaml } from './plain-yaml.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export type ParseResult = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
export const CONFLICT = /^(?:<{7}|={7}|>{7})(?: |$)/m;
const AT_START = { line: 1, column: 1 };
// What the two parsers read differently (found by the fuzz tests): document markers, directives,
// complex and empty keys, tags, tabs, a BOM inside the text, and the Unicode line breaks of YAML 1.1.
const UNUSUAL = /^[ \t]*(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%|^[ \t-]*[?:](?:[ \t\r\n]|$)|(?:^|[\s[{,:-])!|[\t\ufeff\u0085\u2028\u2029]/m;

/** Bytes → text: refuses what is not UTF-8 text; accepts a BOM and CRLF line ends. */
export function decode(file: string, bytes: Uint8Array): { text: string } | { problems: Problem[] } {
  if (bytes.length > MAX_FILE_BYTES) {
    return { problems: [problem(file, AT_START, 'too_large', { size: bytes.length, limit: MAX_FILE_BYTES })] };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problems: [problem(file, AT_START, 'utf16')] };
  }
  if (bytes.includes(0)) return { problems: [problem(file, AT_START, 'binary')] };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { problems: [problem(file, firstNonUtf8Line(bytes), 'not_utf8')] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // the two parsers disagree on a carriage return without a line feed (one breaks the line, one does not)
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) return { problems: withExcerpts([problem(file, positionOf(text, loneCr.index), 'lone_cr')], text) };
  return { text };
}

/** Line and column (1-based) of `offset`, counting CRLF, CR and LF each as one line break. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = before.match(/\r\n|\r|\n/g) ?? [];
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line: breaks.length + 1, column: offset - lastBreak };
}

function firstNonUtf8Line(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (bytes[i]! >= 0x80) {
      let end = i;
      while (end < bytes.length && bytes[end] !== 0x0a) end++;
      try {
        UTF8.decode(bytes.subarray(lineStart, end));
        i = end - 1;
      } catch {
        return { line, column: 1 };
      }
    }
  }
  return AT_START;
}

/**
 * The fast path: the data when the file is well-formed YAML and passes `validate`, else undefined
 * (the caller then asks diagnose.ts why). Files with anchors or aliases always take the slow path,
 * which limits how far aliases may expand.
 */
export function parseFast(text: string, validate: (data: unknown) => boolean): unknown {
  if (/[&*]/.test(text) || CONFLICT.test(text) || UNUSUAL.test(text)) return undefined;
  try {
    const data = readPlainYaml(text) ?? fastLoad(text, { schema: CORE_SCHEMA });
    return isPlainObject(data) && validate(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
