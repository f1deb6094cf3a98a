// What both importers do with their drafts: give each an id (the one its source had in an earlier
// import, else a fresh one the plan has never used), write them, and say what happened.
import { relative } from 'node:path';
import { allocateIds } from '../core/ids.js';
import type { Task } from '../core/task.js';
import type { Session } from '../context.js';
import type { Draft } from '../import/drafts.js';
import { oneLine } from '../render/text.js';
import { existingDrafts, schemaPathFor, writeDrafts, type DraftState } from '../store/drafts.js';
import type { Plan } from '../store/load.js';
import { InputError, readInputFile } from '../store/input.js';
import { idSeries } from '../store/share.js';
import { repoContext } from '../store/sync.js';
import { EXIT, ioError, UserError } from '../errors.js';

export interface SourcedDraft {
  /** the id the source gives, if any */
  id: string | undefined;
  task: Omit<Task, 'id'>;
  source: string;
  comment: (checksum: string) => string;
}

export interface DraftWords {
  wrote: (state: 'created' | 'updated', path: string, title: string) => string;
  skipped: (path: string) => string;
  cannotWrite: (path: string, detail: string) => string;
}

export type DraftCounts = Record<DraftState, number>;

const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** The bytes of a file to import, or a message saying why it cannot be read. */
export function readImportFile(session: Session, path: string): Buffer {
  try {
    return readInputFile(path, MAX_INPUT_BYTES);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const e = session.m.errors;
    const message =
      error.kind === 'missing' ? e.inputMissing(path) : error.kind === 'not_a_file' ? e.inputNotAFile(path) : error.kind === 'too_large' ? e.inputTooLarge(path, error.limit) : e.inputUnreadable(path);
    throw new UserError(message, EXIT.DATA, { cause: error });
  }
}

/**
 * Writes the drafts into outDir: a draft from a source place an earlier import already drafted
 * keeps that draft's id; the others get ids never used in the plan or the folder.
 */
export function writeImported(
  session: Session,
  plan: Plan | undefined,
  drafts: readonly SourcedDraft[],
  options: { outDir: string; year: number; force: boolean; dryRun: boolean },
  words: DraftWords,
): { counts: DraftCounts; total: number } {
  const { io } = session;
  const existing = existingDrafts(options.outDir);
  const taken = [...(plan?.tasks.map((t) => t.task.id) ?? []), ...existing.ids];
  // the drafts of one source place take that place's earlier ids in order
  const given = drafts.map((d) => d.id ?? existing.sources.get(d.source)?.shift());
  const ids = allocateIds(given, options.year, taken, plan ? idSeries(repoContext(plan.root)).code : undefined);
  const placed: Draft[] = drafts.map((d, i) => ({ id: ids[i]!, task: d.task, source: d.source, comment: d.comment }));
  let outcomes;
  try {
    outcomes = writeDrafts(placed, { outDir: options.outDir, schemaPath: schemaPathFor(plan?.root, options.outDir), force: options.force, dryRun: options.dryRun });
  } catch (error) {
    throw ioError(words.cannotWrite(options.outDir, (error as Error).message), error);
  }
  const counts: DraftCounts = { created: 0, updated: 0, unchanged: 0, skipped: 0 };
  for (const o of outcomes) {
    counts[o.state]++;
    const shown = relative(io.cwd, o.path) || o.path;
    if (o.state === 'skipped') io.stderr.write(`${words.skipped(shown)}\n`);
    else if ((o.state === 'created' || o.state === 'updated') && !session.flags.quiet) io.stdout.write(`${words.wrote(o.state, shown, oneLine(o.draft.task.title))}\n`);
  }
  return { counts, total: drafts.length };
}
