// Writing imported drafts into a folder of task files: new files are created, drafts nobody has
// edited since the last import are replaced, edited files are left alone unless forced.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { idFromFile } from '../core/checks.js';
import { draftSource, draftText, isUntouchedDraft, type Draft } from '../import/drafts.js';
import { makeFolders, writeFileAtomic } from './write.js';

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
 * The ids of the task files in a folder, and for the drafts among them, their source → ids (in
 * id order: one line of a notice can give several tasks).
 */
export function existingDrafts(outDir: string): { ids: string[]; sources: Map<string, string[]> } {
  const ids: string[] = [];
  const sources = new Map<string, string[]>();
  let names: string[];
  try {
    names = readdirSync(outDir).filter((n) => /\.ya?ml$/i.test(n) && !n.startsWith('.'));
  } catch {
    return { ids, sources };
  }
  for (const name of names.sort()) {
    const id = idFromFile(name);
    ids.push(id);
    try {
      const source = draftSource(readFileSync(join(outDir, name), 'utf8').slice(0, 4096));
      if (source !== undefined) sources.set(source, [...(sources.get(source) ?? []), id]);
    } catch {
      // an unreadable file is the loader's to report; it only cannot be matched here
    }
  }
  return { ids, sources };
}

/**
 * Writes the drafts into outDir (nothing on a dry run) and says what happened to each. Throws the
 * file system's error when a file cannot be written; files already written stay.
 */
export function writeDrafts(drafts: readonly Draft[], opts: { outDir: string; schemaPath: string; force: boolean; dryRun: boolean }): DraftOutcome[] {
  if (!opts.dryRun) makeFolders(opts.outDir);
  return drafts.map((draft) => {
    const content = draftText(draft, opts.schemaPath);
    const path = join(opts.outDir, `${draft.id}.yaml`);
    let state: DraftState = 'created';
    let existing: string | undefined;
    try {
      existing = readFileSync(path, 'utf8');
    } catch {
      existing = undefined;
    }
    if (existing !== undefined) {
      if (existing === content) state = 'unchanged';
      else if (opts.force || isUntouchedDraft(existing)) state = 'updated';
      else state = 'skipped';
    }
    if ((state === 'created' || state === 'updated') && !opts.dryRun) writeFileAtomic(path, content);
    return { draft, path, state };
  });
}
