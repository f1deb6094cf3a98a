// Why a file could not be read: the precise parse with `yaml`, which keeps source positions, our
// own duplicate-key and alias checks, and the schema's errors turned into problems at their line
// and column. Loaded only when some file needs it, so that a clean plan never pays for `yaml`.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { problem, type Problem, type ProblemCode } from '../core/problems.js';
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
  return { ok: false, problems: schemaProblems(file, parsed.data, parsed.located) };
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

