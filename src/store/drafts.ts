// Writing imported drafts into a folder of task files: new files are created, drafts nobody has
// edited since the last import are read again, edited files are left alone unless forced; a task
// read again never loses what its source does not carry.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { idFromFile } from '../core/checks.js';
import { isDeepStrictEqual } from 'node:util';
import { parseDocument } from 'yaml';
import type { Task } from '../core/task.js';
import { draftSource, draftText, isUntouchedDraft, type Draft } from '../import/drafts.js';
import { mergeTask, type MergeContext } from '../import/merge.js';
import { parseFast } from './parse.js';
import { validateTask } from './schema.js';
import { makeFolders, writeFileAtomic } from './write.js';
import { applyToText, type EditOp } from './yaml-edit.js';

export type DraftState = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface DraftOutcome {
  draft: Draft;
  /** the file's path */
  path: string;
  state: DraftState;
}

/** The modeline points at the plan's schema when the drafts go into the plan, else at ../schemas. */
export function schemaPathFor(root: string | undefined, outDir: string): string {
  const insidePlan = root !== undefined && !relative(root, outDir).startsWith('..');
  return insidePlan ? relative(outDir, join(root, 'schemas', 'task.schema.json')).split(sep).join('/') : '../schemas/task.schema.json';
}

/**
 * The task files in a folder: their ids, their titles, and for the drafts among them, their
 * source → ids (in id order: one line of a notice can give several tasks).
 */
export function existingDrafts(outDir: string): { ids: string[]; sources: Map<string, string[]>; titles: Map<string, string> } {
  const ids: string[] = [];
  const sources = new Map<string, string[]>();
  const titles = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(outDir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'));
  } catch {
    return { ids, sources, titles };
  }
  for (const name of names.sort()) {
    const id = idFromFile(name);
    ids.push(id);
    try {
      const text = readFileSync(join(outDir, name), 'utf8');
      const source = draftSource(text.slice(0, 4096));
      if (source !== undefined) sources.set(source, [...(sources.get(source) ?? []), id]);
      const task = readTask(text);
      if (task) titles.set(id, task.title);
    } catch {
      // an unreadable file is the loader's to report; it only cannot be matched here
    }
  }
  return { ids, sources, titles };
}

/** A task file's data, or undefined when it is not a valid task. */
function readTask(text: string): Task | undefined {
  const body = text.replace(/^\uFEFF/, '');
  let data = parseFast(body, validateTask);
  if (data === undefined) {
    try {
      const doc = parseDocument(body);
      data = doc.errors.length === 0 && validateTask(doc.toJS()) ? doc.toJS() : undefined;
    } catch {
      data = undefined;
    }
  }
  return data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as Task);
}

/** The top-level fields that differ, as edits that change only their lines. */
function changedFields(before: Task, after: Task): EditOp[] {
  const ops: EditOp[] = [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])] as Array<keyof Task>;
  for (const key of keys) {
    if (isDeepStrictEqual(before[key], after[key])) continue;
    ops.push(after[key] === undefined ? { op: 'delete', path: [key] } : { op: 'set', path: [key], value: after[key] });
  }
  return ops;
}

export interface WriteOptions {
  outDir: string;
  schemaPath: string;
  force: boolean;
  dryRun: boolean;
  /** how a draft read again is merged into the task its file already holds */
  merge: MergeContext;
}

/**
 * Writes the drafts into outDir (nothing on a dry run) and says what happened to each. A draft
 * whose file exists is merged into it, never replacing it (src/import/merge.ts): into a draft
 * nobody has edited, which is written again as a draft; into an edited file only with `force`,
 * changing only the fields the source gives differently, so the clerk's other lines and comments
 * stay. Throws the file system's error when a file cannot be written; files already written stay.
 */
export function writeDrafts(drafts: readonly Draft[], opts: WriteOptions): DraftOutcome[] {
  if (!opts.dryRun) makeFolders(opts.outDir);
  return drafts.map((draft) => {
    const content = draftText(draft, opts.schemaPath);
    const path = join(opts.outDir, `${draft.id}.yaml`);
    let existing: string | undefined;
    try {
      existing = readFileSync(path, 'utf8');
    } catch {
      existing = undefined;
    }
    let state: DraftState = 'created';
    let text = content;
    if (existing !== undefined) {
      const untouched = isUntouchedDraft(existing);
      const current = readTask(existing);
      if (existing === content) state = 'unchanged';
      else if ((!untouched && !opts.force) || current === undefined) state = 'skipped';
      else {
        const { id, ...merged } = mergeTask(current, { task: draft.task, defaults: draft.defaults ?? [] }, opts.merge);
        const ops = changedFields(current, { id, ...merged });
        text = untouched ? draftText({ ...draft, id, task: merged }, opts.schemaPath) : ops.length > 0 ? applyToText(existing, ops) : existing;
        state = text === existing ? 'unchanged' : readTask(text) ? 'updated' : 'skipped';
      }
    }
    if ((state === 'created' || state === 'updated') && !opts.dryRun) writeFileAtomic(path, text);
    return { draft, path, state };
  });
}
