// The file side of merges: the merge driver git runs for a task file (read the three versions,
// merge, write ours' file), and `tasks resolve`, which settles one conflict block of a file in a
// merge in progress and, when the last is settled, finishes the merge.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { idFromFile } from '../core/checks.js';
import type { Config } from '../core/config.js';
import { supersededExtensions, type MergePath } from '../core/merge.js';
import type { IsoDate } from '../core/dates.js';
import { parse as parseYaml } from 'yaml';
import type { Problem } from '../core/problems.js';
import { messages, type Lang, type Messages } from '../i18n/index.js';
import { git } from './git.js';
import { CONFIG_FILE, findPlanRoot, listTaskFiles, loadConfig } from './load.js';
import { checkText, conflictBlocks, formatPath, kindOf, mergeFile, replaceBlocks, type ConflictBlock, type FileMerge } from './merge.js';
import { finishMerge, mergeInProgress, repoContext, type MergeState, type RepoContext } from './sync.js';
import { writeFileAtomic } from './write.js';
import { applyToText, type EditOp } from './yaml-edit.js';

export interface DriverFiles {
  base: string;
  ours: string;
  theirs: string;
  /** the file's path relative to the repository's top (git's %P) */
  path: string;
  /** where git runs the driver: the repository's top */
  cwd: string;
}

export interface DriverRun {
  /** the file relative to the plan's root */
  file: string;
  m: Messages;
  result: FileMerge;
}

/**
 * Merges the file git hands over and writes the result over ours' version: the field-by-field
 * merge, or, when that is impossible, git's own line-by-line merge.
 */
export async function runDriver(files: DriverFiles, fallbackLang: Lang): Promise<DriverRun> {
  const full = join(files.cwd, files.path);
  let m = messages(fallbackLang);
  let root = dirname(full);
  let config: Config | undefined;
  try {
    root = findPlanRoot(dirname(full), undefined, m);
    const loaded = await loadConfig(root, m);
    config = loaded.config;
    if (loaded.found) m = messages(config.lang);
  } catch {
    // a file outside any plan still merges, with the default settings
  }
  const file = relative(root, full).split('\\').join('/');
  let result: FileMerge;
  try {
    result = await mergeFile({
      file,
      base: readFileSync(files.base),
      ours: readFileSync(files.ours),
      theirs: readFileSync(files.theirs),
      roster: config?.roster ?? { leads: [], units: [] },
      m,
    });
  } catch (error) {
    result = { outcome: 'unmergeable', problems: [{ file, line: 1, column: 1, severity: 'error', code: 'merge_failed', params: { detail: (error as Error).message } }] };
  }
  if (result.outcome === 'unmergeable') {
    git(['merge-file', '-L', m.merge.ours, '-L', 'base', '-L', m.merge.theirs, files.ours, files.base, files.theirs], files.cwd);
  } else writeFileSync(files.ours, result.text);
  return { file, m, result };
}

// ---- tasks resolve

/** The plan file a clerk means: a task's id, or the settings. */
export function conflictFile(root: string, id: string): string | undefined {
  if (id === CONFIG_FILE) return CONFIG_FILE;
  return listTaskFiles(root).find((f) => idFromFile(f) === id);
}

/** A side, or a value typed by the clerk and read for the field it lands in (may throw a UserError). */
export type Choice = { side: 'ours' | 'theirs' } | { read: (path: MergePath) => unknown };

export type ResolveOutcome =
  | { ok: true; file: string; text: string; remaining: number; paths: MergePath[]; merge: ({ finished: true } | ({ finished: false } & MergeState)) | undefined }
  | { ok: false; reason: 'no_conflict' }
  | { ok: false; reason: 'unknown_field'; fields: string[] }
  | { ok: false; reason: 'ambiguous'; fields: string[] }
  | { ok: false; reason: 'by_hand'; line: number }
  | { ok: false; reason: 'group'; fields: string[] }
  | { ok: false; reason: 'not_in_place' }
  | { ok: false; reason: 'invalid'; problems: Problem[] };

/** Which blocks `field` means: all, a path as the markers write it, or a field's name in either language. */
function pick(blocks: readonly ConflictBlock[], field: string, m: Messages): { blocks: ConflictBlock[] } | { error: ResolveOutcome } {
  const wanted = field.trim();
  if (['all', '全部', '*'].includes(wanted)) return { blocks: [...blocks] };
  const named = blocks.filter((b) => b.paths.length > 0);
  const exact = named.filter((b) => b.paths.some((p) => formatPath(p) === wanted));
  const byName = (b: ConflictBlock) =>
    b.paths.some((p) => {
      const name = p.filter((s): s is string => typeof s === 'string').at(-1) ?? '';
      return name === wanted || m.fields[name] === wanted;
    });
  const found = exact.length > 0 ? exact : named.filter(byName);
  const all = named.flatMap((b) => b.paths.map(formatPath));
  if (found.length === 0) {
    const hand = blocks.find((b) => b.paths.length === 0);
    return { error: hand ? { ok: false, reason: 'by_hand', line: hand.line } : { ok: false, reason: 'unknown_field', fields: all } };
  }
  if (found.length > 1) return { error: { ok: false, reason: 'ambiguous', fields: found.flatMap((b) => b.paths.map(formatPath)) } };
  return { blocks: found };
}

/** The lines of `block` once its field is set to `value`, worked out on the text with every block at ours' side. */
function linesWithValue(text: string, blocks: readonly ConflictBlock[], block: ConflictBlock, value: unknown): string[] | undefined {
  const path = block.paths[0]!;
  const sideLines = block.ours.length > 0 ? block.ours : block.theirs;
  const scratch = replaceBlocks(text, (b) => (b === block || b.start === block.start ? sideLines : b.ours));
  let offset = 0;
  for (const b of blocks) {
    if (b.start >= block.start) break;
    offset += b.end - b.start - b.ours.length;
  }
  const at = block.start - offset;
  const before = scratch.replace(/^\uFEFF/, '').match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let changed: string;
  try {
    changed = applyToText(scratch, [{ op: 'set', path, value }]);
  } catch {
    return undefined;
  }
  const after = changed.replace(/^\uFEFF/, '').match(/[^\n]*\n|[^\n]+$/g) ?? [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let tail = 0;
  while (tail < before.length - start && tail < after.length - start && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  const end = before.length - tail;
  if (start < at || end > at + sideLines.length) return undefined;
  return [...sideLines.slice(0, start - at), ...after.slice(start, after.length - tail), ...sideLines.slice(end - at)];
}

/**
 * Settles the conflicts `field` names in the file by `choice`, writes the file and, once it has
 * no conflicts left and passes the rules, marks it resolved; a merge in progress with nothing
 * left to settle is then finished.
 */
export async function resolveConflict(root: string, file: string, field: string, choice: Choice, config: Config, m: Messages, today: IsoDate): Promise<ResolveOutcome> {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const blocks = conflictBlocks(text);
  if (blocks.length === 0) return { ok: false, reason: 'no_conflict' };
  const picked = pick(blocks, field, m);
  if ('error' in picked) return picked.error;
  const chosen = new Set(picked.blocks);
  if ('read' in choice && (picked.blocks.length !== 1 || picked.blocks[0]!.paths.length !== 1)) {
    return { ok: false, reason: 'group', fields: picked.blocks.flatMap((b) => b.paths.map(formatPath)) };
  }
  if ('side' in choice && picked.blocks.some((b) => b.paths.length === 0) && !['all', '全部', '*'].includes(field.trim())) {
    return { ok: false, reason: 'by_hand', line: picked.blocks[0]!.line };
  }
  let replacement: string[] | undefined;
  if ('read' in choice) {
    const block = picked.blocks[0]!;
    replacement = linesWithValue(text, blocks, block, choice.read(block.paths[0]!));
    if (!replacement) return { ok: false, reason: 'not_in_place' };
  }
  let next = replaceBlocks(text, (b) => {
    const block = blocks.find((x) => x.start === b.start)!;
    if (![...chosen].some((c) => c.start === block.start)) return block.raw;
    if (replacement) return replacement;
    return 'side' in choice && choice.side === 'theirs' ? block.theirs : block.ours;
  });
  const remaining = conflictBlocks(next).length;
  if (remaining === 0 && kindOf(file) === 'task') {
    const typed = 'read' in choice && picked.blocks.some((b) => b.paths.some((p) => formatPath(p) === 'deadline'));
    next = settleExtensions(next, typed ? { today, reason: m.resolve.extensionReason } : undefined);
  }
  if (remaining === 0) {
    const problems = await checkText(kindOf(file), file, next, config.roster, m);
    if (problems.length > 0) return { ok: false, reason: 'invalid', problems };
  }
  writeFileAtomic(path, next);
  const repo = repoContext(root);
  let merge: Extract<ResolveOutcome, { ok: true }>['merge'];
  if (remaining === 0 && repo) {
    git(['add', '--', `${repo.prefix}${file}`], repo.top);
    merge = await finishIfDone(repo, m);
  }
  return { ok: true, file, text: next, remaining, paths: picked.blocks.flatMap((b) => b.paths), merge };
}

type Extension = { date: IsoDate; from: IsoDate; to: IsoDate; reason?: string; kind?: string };

/**
 * Once a task's deadline is settled, the deadline changes both sides recorded that did not take
 * effect go: the history then shows only the approval in force. A deadline typed by the clerk,
 * which no record reaches, replaces the competing records with one that says so.
 */
function settleExtensions(text: string, typed: { today: IsoDate; reason: (moves: string) => string } | undefined): string {
  let data: { deadline?: unknown; extensions?: unknown };
  try {
    data = (parseYaml(text.replace(/^\uFEFF/, '')) ?? {}) as typeof data;
  } catch {
    return text;
  }
  const list = data.extensions;
  if (typeof data.deadline !== 'string' || !Array.isArray(list) || !list.every((x) => x && typeof x.from === 'string' && typeof x.to === 'string')) return text;
  const extensions = list as Extension[];
  const deadline = data.deadline;
  let drop = supersededExtensions(extensions, deadline);
  const ops: EditOp[] = [];
  if (typed && !extensions.some((x) => x.to === deadline)) {
    const last = extensions.at(-1);
    const competing = last ? extensions.flatMap((x, i) => (x.from === last.from ? [i] : [])) : [];
    if (competing.length >= 2) {
      drop = competing;
      const from = last!.from;
      const record = { date: typed.today, from, to: deadline, reason: typed.reason(competing.map((i) => extensions[i]!.to).join('、')), ...(deadline < from ? { kind: 'advance' } : {}) };
      ops.push({ op: 'insert', path: ['extensions'], index: competing.at(-1)! + 1, value: record });
    }
  }
  if (drop.length === 0) return text;
  for (const i of [...drop].sort((a, b) => b - a)) ops.push({ op: 'remove', path: ['extensions'], index: i });
  // the insert, placed after the records it replaces, goes first so that removals do not shift it
  try {
    return applyToText(text, ops);
  } catch {
    return text;
  }
}

async function finishIfDone(repo: RepoContext, m: Messages): Promise<Extract<ResolveOutcome, { ok: true }>['merge']> {
  if (!mergeInProgress(repo)) return undefined;
  const done = await finishMerge(repo, m);
  return done.ok ? { finished: true } : { finished: false, conflicts: done.conflicts, problems: done.problems };
}
