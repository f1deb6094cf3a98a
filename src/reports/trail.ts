// The supervision trail (督办留痕): per commit that touched a task, who changed what and when.
import { diffTasks, type FieldChange } from '../core/history.js';
import type { Commit } from '../store/git.js';
import type { Revision } from '../store/history.js';
import { readTrailers } from '../store/trailers.js';

export interface TrailEntry {
  commit: Commit;
  /** the task file, relative to the repository's top */
  path: string;
  id: string;
  /** the editing command that made the commit, from its trailer */
  command: string | undefined;
  changes: FieldChange[];
}

/** The entries that changed something, newest first. */
export function trailReport(revisions: readonly Revision[]): TrailEntry[] {
  return revisions
    .map((r) => ({ commit: r.commit, path: r.path, id: r.id, command: readTrailers(r.commit.body).command, changes: diffTasks(r.before, r.after) }))
    .filter((e) => e.changes.length > 0);
}
