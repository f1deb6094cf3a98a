// Committing what an import or a batch of edits wrote, in one commit: whether a commit can follow
// (a repository, an identity, no hand edits in the files about to be written), and the commit.
import { isAbsolute, relative } from 'node:path';
import { commitPaths, fileState, hasIdentity, repoRoot } from './git.js';

export type CommitCheck =
  | { ok: true; versioned: boolean }
  | { ok: false; reason: 'no_identity' }
  | { ok: false; reason: 'dirty'; files: string[] };

/** Paths relative to `root`, or undefined for one outside it. */
export function inside(root: string, path: string): string | undefined {
  const rel = relative(root, path).split('\\').join('/');
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

/**
 * Whether the files at `paths` (relative to `root`) can be written and committed: not in a
 * repository (nothing to commit), or a repository with an identity whose files at those paths
 * have no uncommitted changes made by hand (new and untracked files are fine).
 */
export function checkCommit(root: string, paths: readonly string[]): CommitCheck {
  if (!repoRoot(root)) return { ok: true, versioned: false };
  if (!hasIdentity(root)) return { ok: false, reason: 'no_identity' };
  const dirty = paths.filter((p) => fileState(root, p) === 'changed');
  return dirty.length > 0 ? { ok: false, reason: 'dirty', files: dirty } : { ok: true, versioned: true };
}

/** One commit of exactly `paths`; the error text of git when it failed. */
export function commitFiles(root: string, paths: readonly string[], message: string): { ok: true } | { ok: false; detail: string } {
  const r = commitPaths(root, paths, message);
  return r.ok ? { ok: true } : { ok: false, detail: r.stderr.trim() };
}
