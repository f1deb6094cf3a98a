// Text of one YAML file → data, or problems with line and column.
//
// Two parsers, one answer. A well-formed file goes through js-yaml, which is more than twice as
// fast as `yaml` (bench/, research/perf.md) and is enough when nothing is wrong. Any file that
// fails there, or that uses anchors/aliases, is parsed again with `yaml`, which keeps source
// positions, so that every problem is reported at its line and column.
import { CORE_SCHEMA, load as fastLoad } from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type Problem, type ProblemCode } from '../core/problems.js';

export const MAX_FILE_BYTES = 1024 * 1024;

export type PathSegment = string | number;

export interface Located {
  doc: Document;
  lineCounter: LineCounter;
}

export type ParseResult = { ok: true; data: unknown } | { ok: false; problems: Problem[] };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CONFLICT = /^(?:<{7}|={7}|>{7})(?: |$)/m;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const AT_START = { line: 1, column: 1 };

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
  return { text };
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
 * Parses one file's text and checks it with `validate`. Returns the data, or every problem found.
 * `schemaProblems` turns the validator's errors into problems (it needs the located document).
 */
export function parseAndValidate(
  file: string,
  text: string,
  validate: (data: unknown) => boolean,
  schemaProblems: (file: string, data: unknown, located: Located) => Problem[],
): ParseResult {
  if (!/[&*]/.test(text) && !CONFLICT.test(text)) {
    try {
      const data = fastLoad(text, { schema: CORE_SCHEMA });
      if (isPlainObject(data) && validate(data)) return { ok: true, data };
    } catch {
      // fall through to the precise parse, which says where and why
    }
  }
  const slow = parseLocated(file, text);
  if (!slow.ok) return slow;
  const { data, located } = slow;
  if (validate(data)) return { ok: true, data };
  return { ok: false, problems: schemaProblems(file, data, located) };
}

/** The precise parse: `yaml` with positions, our own duplicate-key and alias checks. */
export function parseLocated(file: string, text: string): { ok: true; data: unknown; located: Located } | { ok: false; problems: Problem[] } {
  const conflict = CONFLICT.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    return { ok: false, problems: [problem(file, { line, column: 1 }, 'conflict_marker')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter, prettyErrors: false });
  const pos = (offset: number) => toPos(lineCounter, offset);
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const code: ProblemCode = e.code === 'MULTIPLE_DOCS' ? 'multiple_documents' : 'yaml_syntax';
      return problem(file, pos(e.pos[0]), code, { detail: e.code, message: firstLine(e.message) });
    });
    return { ok: false, problems: dedupeByLine(problems) };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, problems: [problem(file, AT_START, 'empty_file')] };
  }
  const problems: Problem[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
        if (FORBIDDEN_KEYS.has(key)) problems.push(problem(file, pos(offset), 'forbidden_key', { key }));
        const first = seen.get(key);
        if (first !== undefined) problems.push(problem(file, pos(offset), 'duplicate_key', { key, first: pos(first).line }));
        else seen.set(key, offset);
      }
    },
  });
  if (problems.length > 0) return { ok: false, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch {
    // the alias guard throws a plain ReferenceError with no position: point at the first alias
    const alias = /(?:^|[\s[{,:-])\*[^\s,\]}]/m.exec(text);
    return { ok: false, problems: [problem(file, alias ? pos(alias.index) : AT_START, 'alias_limit')] };
  }
  if (!isPlainObject(data)) return { ok: false, problems: [problem(file, pos(doc.contents.range?.[0] ?? 0), 'not_a_mapping')] };
  return { ok: true, data, located: { doc, lineCounter } };
}

/** Line and column (1-based) of the node at `path`; for `key: true`, of the key itself. */
export function locate(located: Located, path: readonly PathSegment[], options: { key?: boolean } = {}): { line: number; column: number } {
  const { node, keyNode } = walk(located, path);
  const target = (options.key ? keyNode ?? node : node) as Node | null | undefined;
  return toPos(located.lineCounter, target?.range?.[0] ?? 0);
}

/** The text of a scalar as written in the file (`017`, not the number 17). */
export function sourceAt(located: Located, path: readonly PathSegment[]): string | undefined {
  const { node } = walk(located, path);
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}

function walk(located: Located, path: readonly PathSegment[]): { node: unknown; keyNode: unknown } {
  let node: unknown = located.doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      keyNode = item;
      node = item;
    } else break;
  }
  return { node, keyNode };
}

function toPos(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function dedupeByLine(problems: Problem[]): Problem[] {
  const seen = new Set<number>();
  return problems.filter((p) => (seen.has(p.line) ? false : (seen.add(p.line), true)));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
