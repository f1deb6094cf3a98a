// tasks undo: reverts the last change a tasks command committed, with git revert (a new commit;
// history is never rewritten). Refuses when that change has been built on since.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { git, logCommits, repoRoot, trailers, type Commit } from '../store/git.js';
import { openPlan } from './common.js';

/** The newest commit made by an editing command that has not been undone yet. */
export function lastUndoable(commits: readonly Commit[]): Commit | undefined {
  const undone = new Set<string>();
  for (const c of commits) {
    const t = trailers(c.body);
    if (t['Tasks-Undo']) undone.add(t['Tasks-Undo']);
    const reverted = /This reverts commit ([0-9a-f]{40})/.exec(c.body);
    if (reverted) undone.add(reverted[1]!);
    const command = t['Tasks-Command'];
    if (!command || command === 'undo' || command === 'init') continue;
    if (undone.has(c.hash)) continue;
    return c;
  }
  return undefined;
}

export async function run(session: Session): Promise<number> {
  const { m, ctx } = session;
  const { plan } = await openPlan(session);
  const top = repoRoot(plan.root);
  if (!top) throw new UserError(m.undo.noRepo, EXIT.DATA);
  const commits = logCommits(top, ['-n', '500']);
  const target = lastUndoable(commits);
  if (!target) throw new UserError(m.undo.none, EXIT.DATA);
  const files = target.files.map((f) => f.path);
  const later = commits.slice(0, commits.indexOf(target)).filter((c) => c.files.some((f) => files.includes(f.path) || (f.oldPath !== undefined && files.includes(f.oldPath))));
  if (later.length > 0) {
    throw new UserError(m.undo.later(target.subject, files.join('、'), later.map((c) => `${c.hash.slice(0, 7)} ${c.subject}`).join('；')), EXIT.DATA);
  }
  const dirty = git(['status', '--porcelain', '--', ...files], top).stdout.toString('utf8').trim();
  if (dirty !== '') throw new UserError(m.undo.dirty(files.join('、')), EXIT.DATA);
  if (!git(['diff', '--cached', '--quiet'], top).ok) throw new UserError(m.undo.staged, EXIT.DATA);
  const revert = git(['revert', '--no-commit', target.hash], top);
  if (!revert.ok) {
    git(['revert', '--abort'], top);
    throw new UserError(m.undo.failed(revert.stderr.trim()), EXIT.IO);
  }
  const message = `${m.undo.commit(target.subject)}\n\nTasks-Command: undo\nTasks-Undo: ${target.hash}\n`;
  const commit = git(['commit', '--quiet', '--no-verify', '-F', '-'], top, message);
  if (!commit.ok) {
    git(['revert', '--abort'], top);
    throw new UserError(m.undo.failed(commit.stderr.trim()), EXIT.IO);
  }
  if (!session.global.quiet) ctx.stdout.write(`${m.undo.ok(target.subject)}\n`);
  return EXIT.OK;
}
