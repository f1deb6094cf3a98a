// The merge of one task file (or the settings) from its three versions: field by field through
// core/merge.ts, written as edits of ours' text (so ours' layout, comments and untouched lines
// stay), checked by the same rules as every edit. A field both sides changed differently keeps
// ours' value between conflict markers that name the field:
//
//   <<<<<<< 本方 deadline
//   deadline: 2020-10-31
//   =======
//   deadline: 2020-11-30
//   >>>>>>> 对方 deadline
//
// which `tasks resolve` reads back, as do editors that know git's markers.
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import type { Roster } from '../core/config.js';
import { crossChecks } from '../core/checks.js';
import { canonical, mergeRecords, shapeOf, type MergeConflict, type MergeOp, type MergePath, type Shape } from '../core/merge.js';
import { problem, type Problem } from '../core/problems.js';
import type { Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { CONFIG_FILE } from './load.js';
import { decode, parseFast } from './parse.js';
import { configSchema, taskSchema, validateConfig, validateTask, type Validator } from './schema.js';
import { applyToData, applyToText, type EditOp } from './yaml-edit.js';

export type FileKind = 'task' | 'config';

export function kindOf(file: string): FileKind {
  return basename(file) === CONFIG_FILE ? 'config' : 'task';
}

let shapes: Record<FileKind, Shape> | undefined;
function shapeFor(kind: FileKind): Shape {
  shapes ??= { task: shapeOf(taskSchema as never), config: shapeOf(configSchema as never, { namesAsSets: true }) };
  return shapes[kind];
}

export interface FieldSchema {
  type?: string | string[];
  format?: string;
  enum?: string[];
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
}

/** The schema of the field at `path` in a file of this kind. */
export function fieldSchema(kind: FileKind, path: MergePath): FieldSchema | undefined {
  let node: FieldSchema | undefined = (kind === 'config' ? configSchema : taskSchema) as FieldSchema;
  for (const segment of path) node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
  return node;
}

const validatorFor = (kind: FileKind): Validator => (kind === 'config' ? validateConfig : validateTask);

export type FileMerge =
  /** merged field by field and valid */
  | { outcome: 'clean'; text: string }
  /** merged, with fields both sides changed differently between markers */
  | { outcome: 'conflicts'; text: string; conflicts: ConflictBlock[] }
  /** merged field by field, but the result breaks a rule: written without markers, for a person to fix */
  | { outcome: 'invalid'; text: string; problems: Problem[] }
  /** a version could not be read as data: left to git's line-by-line merge */
  | { outcome: 'unmergeable'; problems: Problem[] };

export interface MergeInput {
  /** path relative to the plan's root, for messages */
  file: string;
  /** undefined when both sides added the file */
  base: Uint8Array | undefined;
  ours: Uint8Array;
  theirs: Uint8Array;
  roster: Roster;
  m: Messages;
}

type Parsed = { ok: true; text: string; data: Record<string, unknown> } | { ok: false; problems: Problem[] };

async function readVersion(file: string, bytes: Uint8Array, kind: FileKind): Promise<Parsed> {
  const decoded = decode(file, bytes);
  if ('problems' in decoded) return { ok: false, problems: decoded.problems };
  const fast = parseFast(decoded.text, validatorFor(kind));
  if (fast !== undefined) return { ok: true, text: decoded.text, data: JSON.parse(JSON.stringify(fast)) as Record<string, unknown> };
  // an invalid version may still be data (a rule broken by hand): merge it, and judge the result
  const { parseLocated } = await import('./diagnose.js');
  const located = parseLocated(file, decoded.text);
  if (!located.ok) return { ok: false, problems: located.problems };
  return { ok: true, text: decoded.text, data: JSON.parse(JSON.stringify(located.data)) as Record<string, unknown> };
}

/** The problems of a merged text: the schema, then this file's own cross-field rules. */
export async function checkText(kind: FileKind, file: string, text: string, roster: Roster, m: Messages): Promise<Problem[]> {
  const body = text.replace(/^\uFEFF/, '');
  const validator = validatorFor(kind);
  const data = parseFast(body, validator);
  if (data === undefined) {
    const [d, sp] = await Promise.all([import('./diagnose.js'), import('./schema-problems.js')]);
    const result = d.diagnose(file, body, validator, sp.schemaProblems(kind, validator, m));
    if (!result.ok) return result.problems;
    if (kind === 'config') return [];
    return placed(file, body, result.data as Task, roster, m);
  }
  return kind === 'config' ? [] : placed(file, body, data as Task, roster, m);
}

async function placed(file: string, text: string, task: Task, roster: Roster, m: Messages): Promise<Problem[]> {
  const findings = crossChecks([{ task, file }], roster).filter((f) => f.severity === 'error');
  if (findings.length === 0) return [];
  const d = await import('./diagnose.js');
  const located = d.parseLocated(file, text);
  return findings.map((f) => problem(file, located.ok ? d.locate(located.located, f.path, { key: f.atKey }) : { line: 1, column: 1 }, f.code, { field: m.fieldPath(f.path), ...f.params }));
}

/**
 * Applies the merge's operations to ours' text. An operation yaml-edit cannot make in place (the
 * first key of a list item removed) replaces that whole item with its merged value instead.
 */
function applyOps(text: string, ops: readonly MergeOp[], data: Record<string, unknown>): string {
  const final = applyToData(data, ops as EditOp[]);
  let out = text;
  const replaced: MergePath[] = [];
  const under = (path: MergePath, prefix: MergePath) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
  for (const op of ops) {
    if (replaced.some((p) => under(op.path, p))) continue;
    try {
      out = applyToText(out, [op as EditOp]);
    } catch (error) {
      const at = op.path.findLastIndex((s, i) => typeof s === 'number' && i < op.path.length - (op.op === 'insert' ? 0 : 1));
      if (at < 0) throw error;
      const item = op.path.slice(0, at + 1);
      const value = item.reduce<unknown>((node, s) => (node as Record<string | number, unknown>)[s], final);
      out = applyToText(out, [{ op: 'delete', path: item }, { op: 'insert', path: item.slice(0, -1), index: item.at(-1) as number, value }]);
      replaced.push(item);
    }
  }
  return out;
}

/** Merges the three versions of a file. */
export async function mergeFile(input: MergeInput): Promise<FileMerge> {
  const { file, m } = input;
  const kind = kindOf(file);
  const [base, ours, theirs] = await Promise.all([
    input.base && input.base.length > 0 ? readVersion(file, input.base, kind) : Promise.resolve(undefined),
    readVersion(file, input.ours, kind),
    readVersion(file, input.theirs, kind),
  ]);
  const unreadable = [base, ours, theirs].flatMap((v) => (v && !v.ok ? v.problems : []));
  if (!ours.ok || !theirs.ok || (base && !base.ok)) return { outcome: 'unmergeable', problems: unreadable };
  const result = mergeRecords(base?.data, ours.data, theirs.data, shapeFor(kind));
  const source = Buffer.from(input.ours).toString('utf8');
  let text: string;
  try {
    text = applyOps(source, result.ops, ours.data);
    const expected = JSON.parse(JSON.stringify(applyToData(ours.data, result.ops as EditOp[])));
    const got = JSON.parse(JSON.stringify(parseYaml(text.replace(/^\uFEFF/, ''), { uniqueKeys: false }) ?? {}));
    if (!isDeepStrictEqual(expected, got)) throw new Error('the merged text does not read back as the merged data');
  } catch (error) {
    return { outcome: 'unmergeable', problems: [problem(file, { line: 1, column: 1 }, 'merge_failed', { detail: (error as Error).message })] };
  }
  const problems = await checkText(kind, file, text, input.roster, m);
  if (result.conflicts.length === 0) return problems.length > 0 ? { outcome: 'invalid', text, problems } : { outcome: 'clean', text };
  const marked = withMarkers(text, result.conflicts, m);
  return { outcome: 'conflicts', text: marked, conflicts: conflictBlocks(marked) };
}

// ---- conflict markers

const OPEN = '<<<<<<<';
const MIDDLE = '=======';
const CLOSE = '>>>>>>>';

export function formatPath(path: MergePath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function parsePath(text: string): MergePath | undefined {
  if (!/^[A-Za-z_][\w]*(?:\[\d+\]|\.[A-Za-z_][\w]*)*$/.test(text)) return undefined;
  const out: MergePath = [];
  for (const m of text.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The lines of `a` that `b` replaces: [start, end) in a, and b's lines in their place. */
function changedLines(a: readonly string[], b: readonly string[]): { start: number; end: number; lines: string[] } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start, end: a.length - tail, lines: b.slice(start, b.length - tail) };
}

function theirsOps(conflicts: readonly MergeConflict[]): MergeOp[] {
  return conflicts.map((c) => (c.theirs === undefined ? { op: 'delete', path: c.path } : { op: 'set', path: c.path, value: c.theirs }));
}

/** Ours' text with each conflicting field between markers, theirs' version of the lines after ours'. */
function withMarkers(text: string, conflicts: readonly MergeConflict[], m: Messages): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const eol = body.includes('\r\n') ? '\r\n' : '\n';
  const data = parseYaml(body, { uniqueKeys: false }) as Record<string, unknown>;
  const lines = splitLines(body);
  const blockOf = (group: readonly MergeConflict[]) => changedLines(lines, splitLines(applyOps(body, theirsOps(group), data)));
  // conflicts whose lines touch are shown as one block
  let groups = conflicts.map((c) => [c]);
  for (let merged = true; merged; ) {
    merged = false;
    const blocks = groups.map(blockOf);
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = blocks[i]!;
        const b = blocks[j]!;
        if (a.start <= b.end && b.start <= a.end) {
          groups[i] = [...groups[i]!, ...groups[j]!];
          groups = groups.filter((_g, k) => k !== j);
          merged = true;
          break outer;
        }
      }
    }
  }
  const blocks = groups.map((group) => ({ ...blockOf(group), label: group.map((c) => formatPath(c.path)).join(' ') })).sort((a, b) => b.start - a.start);
  const out = [...lines];
  for (const block of blocks) {
    const ending = (list: string[]) => (list.length > 0 && !list.at(-1)!.endsWith('\n') ? [...list.slice(0, -1), list.at(-1)! + eol] : list);
    const ours = ending(out.slice(block.start, block.end));
    out.splice(
      block.start,
      block.end - block.start,
      `${OPEN} ${m.merge.ours} ${block.label}${eol}`,
      ...ours,
      `${MIDDLE}${eol}`,
      ...ending(block.lines),
      `${CLOSE} ${m.merge.theirs} ${block.label}${eol}`,
    );
  }
  return bom + out.join('');
}

export interface ConflictBlock {
  /** line of the `<<<<<<<` marker, 1-based */
  line: number;
  /** the fields the block is about; empty for git's own line-by-line markers */
  paths: MergePath[];
  ours: string[];
  theirs: string[];
  /** index of the first and one past the last line of the block, 0-based */
  start: number;
  end: number;
  /** the block's lines, markers included */
  raw: string[];
}

/** The conflict blocks of a text, ours' and theirs' lines of each. */
export function conflictBlocks(text: string): ConflictBlock[] {
  const lines = splitLines(text.replace(/^\uFEFF/, ''));
  const out: ConflictBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith(`${OPEN} `) && lines[i]!.trimEnd() !== OPEN) continue;
    const middle = lines.findIndex((l, k) => k > i && l.trimEnd() === MIDDLE);
    const close = lines.findIndex((l, k) => k > middle && (l.startsWith(`${CLOSE} `) || l.trimEnd() === CLOSE));
    if (middle < 0 || close < 0) break;
    // git's diff3 style adds a `|||||||` base section after ours'
    const baseAt = lines.findIndex((l, k) => k > i && k < middle && l.startsWith('|||||||'));
    const tokens = lines[i]!.trim().split(/\s+/).slice(2);
    const paths = tokens.map(parsePath);
    out.push({
      line: i + 1,
      paths: paths.every((p) => p !== undefined) ? (paths as MergePath[]) : [],
      ours: lines.slice(i + 1, baseAt >= 0 ? baseAt : middle),
      theirs: lines.slice(middle + 1, close),
      start: i,
      end: close + 1,
      raw: lines.slice(i, close + 1),
    });
    i = close;
  }
  return out;
}

/** The text with each block replaced by the side `choose` picks for it. */
export function replaceBlocks(text: string, choose: (block: ConflictBlock, index: number) => string[]): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const lines = splitLines(text.slice(bom.length));
  const blocks = conflictBlocks(text);
  for (let k = blocks.length - 1; k >= 0; k--) {
    const block = blocks[k]!;
    lines.splice(block.start, block.end - block.start, ...choose(block, k));
  }
  return bom + lines.join('');
}

/** The value a side's lines give the field at `path` (undefined when the side has no such lines). */
function sideValue(lines: readonly string[], path: MergePath): unknown {
  if (lines.length === 0) return undefined;
  const first = lines[0]!;
  const dash = /^(\s*)- /.exec(first);
  const adjusted = dash ? [first.replace(/^(\s*)- /, '$1  '), ...lines.slice(1)] : [...lines];
  const indent = Math.min(...adjusted.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  try {
    const data = parseYaml(adjusted.map((l) => l.slice(indent)).join(''));
    const key = path.at(-1);
    if (data && typeof data === 'object' && !Array.isArray(data) && typeof key === 'string') return (data as Record<string, unknown>)[key];
    return data ?? undefined;
  } catch {
    return undefined;
  }
}

/** A value as the conflict line shows it. */
export function showValue(value: unknown, m: Messages): string {
  if (value === undefined || value === null || value === '') return m.merge.none;
  if (Array.isArray(value)) return value.map((v) => showValue(v, m)).join('、');
  if (typeof value === 'object') return canonical(value);
  return String(value).replace(/\s+/g, ' ');
}

/** What a clerk calls the field at `path`: 完成时限, 节点目标“完成招标”的应完成日期 (in the settings, 台账名称). */
export function fieldLabel(path: MergePath, data: unknown, m: Messages, kind: FileKind = 'task'): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const next = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    if (typeof segment === 'number') {
      const item = next as Record<string, unknown> | undefined;
      const name = item?.title ?? item?.name ?? item?.office ?? item?.date;
      parts[parts.length - 1] = m.merge.item(parts.at(-1) ?? '', typeof name === 'string' ? name : undefined, segment + 1);
    } else parts.push((kind === 'config' ? m.merge.settings[segment] : undefined) ?? m.fields[segment] ?? segment);
    node = next;
  }
  return m.merge.join(parts);
}

/** The data a marked text would have if ours' side were taken everywhere. */
export function oursData(text: string): unknown {
  try {
    return parseYaml(replaceBlocks(text, (b) => b.ours).replace(/^\uFEFF/, ''), { uniqueKeys: false });
  } catch {
    return undefined;
  }
}

/** One line per conflict block: `path:line: 完成时限：本方 2020-10-31，对方 2020-11-30`. */
export function describeBlocks(file: string, text: string, m: Messages): string[] {
  const data = oursData(text);
  const kind = kindOf(file);
  return conflictBlocks(text).map((block) => {
    if (block.paths.length !== 1) {
      const fields = block.paths.map((p) => fieldLabel(p, data, m, kind));
      return m.merge.lines(file, block.line, fields);
    }
    const path = block.paths[0]!;
    return m.merge.conflict(file, block.line, fieldLabel(path, data, m, kind), showValue(sideValue(block.ours, path), m), showValue(sideValue(block.theirs, path), m));
  });
}
