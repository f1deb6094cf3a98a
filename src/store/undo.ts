// Undoing the last change a tasks command committed: git revert as a new commit, never a rewrite
// of history, and only when nothing has been built on that change since.
import { git, logCommits, repoRoot, type Commit } from './git.js';
import { commitMessage, readTrailers } from './trailers.js';

export type UndoOutcome =
  | { ok: true; subject: string }
  | { ok: false; reason: 'no_repo' | 'none' | 'staged' }
  | { ok: false; reason: 'later'; subject: string; files: string[]; later: string[] }
  | { ok: false; reason: 'dirty'; files: string[] }
  | { ok: false; reason: 'failed'; detail: string };

/** The newest commit made by an editing command that has not been undone yet. */
function lastUndoable(commits: readonly Commit[]): Commit | undefined {
  const undone = new Set<string>();
  for (const c of commits) {
    const t = readTrailers(c.body);
    if (t.undo) undone.add(t.undo);
    if (!t.command || t.command === 'undo' || t.command === 'init') continue;
    if (undone.has(c.hash)) continue;
    return c;
  }
  return undefined;
}

/** Reverts the last undoable change with a commit whose summary `summaryOf` words. */
export function undoLast(root: string, summaryOf: (subject: string) => string): UndoOutcome {
  const top = repoRoot(root);
  if (!top) return { ok: false, reason: 'no_repo' };
  const commits = logCommits(top, ['-n', '500']);
  const target = lastUndoable(commits);
  if (!target) return { ok: false, reason: 'none' };
  const files = target.files.map((f) => f.path);
  const later = commits
    .slice(0, commits.indexOf(target))
    .filter((c) => c.files.some((f) => files.includes(f.path) || (f.oldPath !== undefined && files.includes(f.oldPath))));
  if (later.length > 0) return { ok: false, reason: 'later', subject: target.subject, files, later: later.map((c) => `${c.hash.slice(0, 7)} ${c.subject}`) };
  if (git(['status', '--porcelain', '--', ...files], top).stdout.toString('utf8').trim() !== '') return { ok: false, reason: 'dirty', files };
  if (!git(['diff', '--cached', '--quiet'], top).ok) return { ok: false, reason: 'staged' };
  const revert = git(['revert', '--no-commit', target.hash], top);
  if (!revert.ok) {
    git(['revert', '--abort'], top);
    return { ok: false, reason: 'failed', detail: revert.stderr.trim() };
  }
  const commit = git(['commit', '--quiet', '--no-verify', '-F', '-'], top, commitMessage(summaryOf(target.subject), { command: 'undo', undo: target.hash }));
  if (!commit.ok) {
    git(['revert', '--abort'], top);
    return { ok: false, reason: 'failed', detail: commit.stderr.trim() };
  }
  return { ok: true, subject: target.subject };
}
