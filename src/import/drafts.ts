// Draft task files from an import (a notice, a spreadsheet ledger): their ids, their header with
// the editor modeline and a checksum, and writing them so that a re-import replaces only the
// drafts nobody has edited since (or all of them with --force).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Context } from '../context.js';
import type { Task } from '../core/task.js';
import { ioError } from '../errors.js';
import { oneLine } from '../render/text.js';
import { writeFileAtomic } from '../store/write.js';
import { modeline, taskToYaml } from '../store/yaml.js';

export interface Draft {
  id: string;
  task: Omit<Task, 'id'>;
  /** the comment line under the modeline, naming the source and carrying the checksum */
  comment: (checksum: string) => string;
}

export interface DraftMessages {
  wrote: (state: 'created' | 'updated', path: string, title: string) => string;
  cannotWrite: (path: string, detail: string) => string;
}

export interface DraftCounts {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

export interface WriteDraftsOptions {
  outDir: string;
  /** where the modeline points, relative to outDir */
  schemaPath: string;
  force: boolean;
  dryRun: boolean;
  quiet: boolean;
}

// Both catalogs' wording: a draft written in one language is still recognised after a switch.
const CHECKSUM = /(?:校验码|checksum) ([0-9a-f]{12})/;

/** The editor modeline points at the plan's schema when the drafts go into the plan, else at ../schemas. */
export function schemaPathFor(root: string | undefined, outDir: string): string {
  const insidePlan = root !== undefined && !relative(root, outDir).startsWith('..');
  return insidePlan ? relative(outDir, join(root, 'schemas', 'task.schema.json')).split(sep).join('/') : '../schemas/task.schema.json';
}

/**
 * Ids for the drafts: the ones the source gives, and `<year>-NNN` (at least three digits) for the
 * others, numbered in order and stepping over numbers the source already uses.
 */
export function draftIds(given: ReadonlyArray<string | undefined>, year: number): string[] {
  const width = Math.max(3, String(given.length).length);
  const used = new Set(given.filter((id): id is string => id !== undefined));
  let next = 1;
  return given.map((id) => {
    if (id !== undefined) return id;
    let candidate = `${year}-${String(next).padStart(width, '0')}`;
    while (used.has(candidate)) candidate = `${year}-${String(++next).padStart(width, '0')}`;
    next++;
    used.add(candidate);
    return candidate;
  });
}

/**
 * Writes the drafts into outDir: new files are created, untouched drafts replaced, edited files
 * skipped unless `force`. Prints a line per written file on stdout; returns the counts and the
 * skipped paths (relative to cwd) for the caller to report.
 */
export function writeDrafts(ctx: Context, drafts: readonly Draft[], opts: WriteDraftsOptions, words: DraftMessages): { counts: DraftCounts; skipped: string[] } {
  const counts: DraftCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  const skipped: string[] = [];
  if (!opts.dryRun) {
    try {
      mkdirSync(opts.outDir, { recursive: true });
    } catch (error) {
      throw ioError(words.cannotWrite(opts.outDir, (error as Error).message), error);
    }
  }
  for (const draft of drafts) {
    const body = taskToYaml({ id: draft.id, ...draft.task }, []);
    const checksum = createHash('sha256').update(body).digest('hex').slice(0, 12);
    const content = `${modeline(opts.schemaPath)}\n${draft.comment(checksum)}\n${body}`;
    const target = join(opts.outDir, `${draft.id}.yaml`);
    const shown = relative(ctx.cwd, target) || target;
    let state: keyof DraftCounts = 'created';
    if (existsSync(target)) {
      const existing = readFileSync(target, 'utf8');
      if (existing === content) state = 'unchanged';
      else if (opts.force || isUntouchedDraft(existing)) state = 'updated';
      else state = 'skipped';
    }
    counts[state]++;
    if (state === 'skipped') {
      skipped.push(shown);
      continue;
    }
    if (state === 'unchanged') continue;
    if (!opts.dryRun) {
      try {
        writeFileAtomic(target, content);
      } catch (error) {
        throw ioError(words.cannotWrite(target, (error as Error).message), error);
      }
    }
    if (!opts.quiet) ctx.stdout.write(`${words.wrote(state, shown, oneLine(draft.task.title))}\n`);
  }
  return { counts, skipped };
}

/** A draft nobody has edited since the import: its body still matches the checksum in its header. */
export function isUntouchedDraft(text: string): boolean {
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((l) => !l.startsWith('#'));
  const recorded = lines.slice(0, headerEnd).map((l) => CHECKSUM.exec(l)?.[1]).find(Boolean);
  if (!recorded) return false;
  const body = lines.slice(headerEnd).join('\n');
  return createHash('sha256').update(body).digest('hex').slice(0, 12) === recorded;
}
