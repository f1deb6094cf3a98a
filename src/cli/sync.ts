// What sync, bundle import and resolve share: what was received, counted by lead unit, and the
// conflicts still waiting for a person, worded for the clerk with the command that settles each.
import { idFromFile } from '../core/checks.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import { formatProblem } from '../i18n/index.js';
import type { Commit } from '../store/git.js';
import { CONFIG_FILE } from '../store/load.js';
import { idSeries } from '../store/share.js';
import { countChanges, type ChangeCount, type FileConflict, type Integration, type RepoContext } from '../store/sync.js';
import { note } from './output.js';

/** The commits received, counted by the lead unit of the task each touched as `rev` has it. */
export async function receivedCounts(session: Session, repo: RepoContext, commits: readonly Commit[], rev: string): Promise<ChangeCount> {
  return countChanges(repo, commits, rev, session.m);
}

/** Notes on stderr: files kept although one side deleted them, and the id letter a shared plan lacks. */
export function afterReceiving(session: Session, repo: RepoContext, kept: readonly string[]): void {
  for (const file of new Set(kept)) note(session, session.m.sync.kept(file));
  const series = idSeries(repo);
  if (series.shared && !series.code) note(session, session.m.clerk.hint);
}

/** One line per conflict on stderr, with the resolve command to type under each field. */
export function describeConflicts(session: Session, conflicts: readonly FileConflict[]): void {
  const { m } = session;
  for (const c of conflicts) {
    switch (c.kind) {
      case 'fields': {
        const id = c.file.endsWith(CONFIG_FILE) ? CONFIG_FILE : idFromFile(c.file);
        for (const entry of c.entries) {
          note(session, entry.line);
          if (entry.field) note(session, m.merge.resolveHint(id, entry.field));
        }
        break;
      }
      case 'lines':
        note(session, m.sync.lines(c.file, c.line));
        break;
      case 'invalid':
        note(session, m.sync.invalid(c.file));
        for (const p of c.problems) note(session, `  ${formatProblem(p, m)}`);
        break;
      case 'other':
        note(session, m.sync.other(c.file));
        break;
    }
  }
}

/** A merge stopped for a person: what came in, what waits, and what to type. Exit code 1. */
export async function reportStopped(session: Session, repo: RepoContext, result: Extract<Integration, { kind: 'stopped' }>, waiting: boolean): Promise<number> {
  const { m } = session;
  const counts = await receivedCounts(session, repo, result.commits, 'MERGE_HEAD');
  note(session, waiting ? m.sync.waiting : m.sync.stopped(counts));
  for (const file of new Set(result.kept)) note(session, m.sync.kept(file));
  describeConflicts(session, result.conflicts);
  if (result.problems.length > 0) {
    note(session, m.sync.problems);
    for (const p of result.problems) note(session, `  ${formatProblem(p, m)}`);
  }
  note(session, m.sync.howTo);
  return EXIT.DATA;
}
