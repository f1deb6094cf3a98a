// Why a file could not be read: the precise parse with `yaml`, which keeps source positions, our
// own duplicate-key and alias checks, and the schema's errors turned into problems at their line
// and column. Loaded only when some file needs it, so that a clean plan never pays for `yaml`.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, withExcerpts, type Problem } from '../core/problems.js';
import { CONFLICT, isPlainObject, type ParseResult } from './parse.js';

export type PathSegment = string | number;

export interface Located {
  doc: Document;
  lineCounter: LineCounter;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const AT_START = { line: 1, column: 1 };

/** The slow path: parse precisely, then validate; the problems if anything is wrong. */
export function diagnose(
  file: string,
  text: string,
  validate: (data: unknown) => boolean,
  schemaProblems: (file: string, data: unknown, located: Located) => Problem[],
): ParseResult {
  const parsed = parseLocated(file, text);
  if (!parsed.ok) return parsed;
  if (validate(parsed.data)) return { ok: true, data: parsed.data };
  return { ok: false, problems: withHints(withExcerpts(schemaProblems(file, parsed.data, parsed.located), text)) };
}

/** An empty value that is empty only because of how it was written: `title: #1` (a comment), `title: &x` (an anchor). */
function withHints(problems: Problem[]): Problem[] {
  return problems.map((p) => {
    if (p.code !== 'wrong_type' || p.params.hint !== 'empty' || p.excerpt === undefined) return p;
    const found = /(?:^|:|-)\s+([#&].*)$/.exec(p.excerpt);
    const written = found?.[1]?.trim();
    const hint = written?.startsWith('#') ? 'comment' : written?.startsWith('&') ? 'anchor' : undefined;
    // point at what was written, not at the empty value yaml sees after it
    const column = hint ? [...p.excerpt.slice(0, found!.index + found![0].length - found![1]!.length)].length + 1 : p.column;
    return { ...p, column, params: { ...p.params, hint, value: hint ? written : undefined } };
  });
}

/** The precise parse: `yaml` with positions, our own duplicate-key and alias checks. */
export function parseLocated(file: string, text: string): { ok: true; data: unknown; located: Located } | { ok: false; problems: Problem[] } {
  const result = parseText(file, text);
  return result.ok ? result : { ok: false, problems: withExcerpts(result.problems, text) };
}

function parseText(file: string, text: string): { ok: true; data: unknown; located: Located } | { ok: false; problems: Problem[] } {
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
      if (e.code === 'MULTIPLE_DOCS') return problem(file, pos(e.pos[0]), 'multiple_documents');
      const better = explainSyntax(text, e.code, e.message, e.pos[0]);
      return problem(file, pos(better?.at ?? e.pos[0]), 'yaml_syntax', { detail: better?.detail ?? e.code, message: firstLine(e.message), ...better?.params });
    });
    // once an error is explained, yaml's follow-on errors about the same mistake only confuse
    const explained = problems.filter((p) => EXPLAINED.has(String(p.params.detail)));
    const deep = explained.find((p) => p.params.detail === 'TOO_DEEP');
    return { ok: false, problems: deep ? [deep] : dedupeByLine(explained.length > 0 ? explained : problems) };
  }
  // an unknown tag (!x 推进) is only a warning to `yaml`, which then drops the tag from the value
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag) return { ok: false, problems: [problem(file, pos(tag.pos[0]), 'yaml_syntax', { detail: 'UNKNOWN_TAG', message: firstLine(tag.message) })] };
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
  } catch (error) {
    // the alias guard throws a plain ReferenceError with no position: point at the first alias
    const alias = /(?:^|[\s[{,:-])(\*[^\s,\]}]*)/m.exec(text);
    const at = alias ? pos(alias.index + alias[0].length - alias[1]!.length) : AT_START;
    if (/Unresolved alias/i.test((error as Error).message)) return { ok: false, problems: [problem(file, at, 'yaml_syntax', { detail: 'UNRESOLVED_ALIAS', value: alias?.[1] })] };
    return { ok: false, problems: [problem(file, at, 'alias_limit')] };
  }
  if (!isPlainObject(data)) return { ok: false, problems: [problem(file, pos(doc.contents.range?.[0] ?? 0), 'not_a_mapping')] };
  return { ok: true, data, located: { doc, lineCounter } };
}

const EXPLAINED = new Set(['TOO_DEEP', 'UNCLOSED_QUOTE', 'UNCLOSED_FLOW', 'COLON_IN_VALUE', 'DEEPER_INDENT', 'UNKNOWN_TAG', 'ANCHOR_IN_VALUE', 'NO_SPACE_AFTER_COLON']);

/**
 * A clearer account of a syntax error than `yaml` gives, where one is known: an unclosed quote or
 * bracket is reported where it opens (yaml notices only at the end); a ": " inside a value, or a
 * line indented too far, is named as such.
 */
function explainSyntax(text: string, code: string, message: string, offset: number): { at: number; detail: string; params?: Record<string, string> } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
  if (code === 'RESOURCE_EXHAUSTION') {
    const open = /[[{]/.exec(line);
    return { at: lineStart + (open?.index ?? 0), detail: 'TOO_DEEP' };
  }
  if (code === 'MISSING_CHAR' && /Tags and anchors must be separated/i.test(message)) {
    const mark = /(?:^|[:\-]\s+)([!&])/.exec(line);
    if (mark) return { at: lineStart + mark.index + mark[0].length - 1, detail: mark[1] === '!' ? 'UNKNOWN_TAG' : 'ANCHOR_IN_VALUE' };
  }
  const noSpace = /^(\s*[^\s:#'"[{-][^\s:]*):(?=\S)/.exec(line);
  if (noSpace && (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR')) return { at: lineStart + noSpace[0].length, detail: 'NO_SPACE_AFTER_COLON', params: { key: noSpace[1]!.trim() } };
  if (code === 'MISSING_CHAR' && /closing ['"]?quote/i.test(message)) {
    const open = unclosed(text, offset);
    if (open !== undefined) return { at: open, detail: 'UNCLOSED_QUOTE', params: { char: text[open]! } };
  }
  const flowEnd = /end with an? ([\]}])/.exec(message);
  if (flowEnd) {
    const open = unclosed(text, offset);
    if (open !== undefined) return { at: open, detail: 'UNCLOSED_FLOW', params: { char: text[open]!, close: flowEnd[1]! } };
  }
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    const rest = text.slice(offset, lineEnd).replace(/\r$/, '');
    if (/:(\s|$)/.test(rest)) return { at: offset, detail: 'COLON_IN_VALUE', params: { value: rest.trim() } };
    if (lineEnd < text.length) return { at: lineEnd + 1 + (/^[ \t]*/.exec(text.slice(lineEnd + 1))?.[0].length ?? 0), detail: 'DEEPER_INDENT' };
  }
  return undefined;
}

/** Where the quote or bracket that is still open at `upTo` was opened, scanning as YAML would. */
function unclosed(text: string, upTo: number): number | undefined {
  const brackets: number[] = [];
  let quote: { char: string; at: number } | undefined;
  const startsValue = (i: number) => /(^|[:\-[{,])\s*$/.test(text.slice(text.lastIndexOf('\n', i - 1) + 1, i));
  for (let i = 0; i < Math.min(upTo, text.length); i++) {
    const c = text[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char && quote.char === "'" && text[i + 1] === "'") i++;
      else if (c === quote.char) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
      continue;
    }
    if ((c === '"' || c === "'") && (brackets.length > 0 || startsValue(i))) quote = { char: c, at: i };
    else if ((c === '[' || c === '{') && (brackets.length > 0 || startsValue(i))) brackets.push(i);
    else if ((c === ']' || c === '}') && brackets.length > 0) brackets.pop();
  }
  return quote?.at ?? brackets.at(-1);
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

