// A task's revisions from git: for each commit and each task file it touched, the task before and
// after. What changed between them is worked out by reports/trail.ts.
import type { Task } from '../core/task.js';
import { idFromFile } from '../core/checks.js';
import { logCommits, readRevisions, repoRoot, type Commit } from './git.js';
import { decode, parseFast } from './parse.js';

export interface Revision {
  commit: Commit;
  /** the task file, relative to the repository's top */
  path: string;
  id: string;
  before: Task | undefined;
  after: Task | undefined;
}

function taskOf(bytes: Buffer | undefined): Task | undefined {
  if (!bytes) return undefined;
  const decoded = decode('', bytes);
  if ('problems' in decoded) return undefined;
  return parseFast(decoded.text, () => true) as Task | undefined;
}

const NONE = `${'0'.repeat(40)}:missing`;

function revisions(top: string, commits: readonly Commit[], isTaskFile: (path: string) => boolean): Revision[] {
  const pairs = commits.flatMap((commit) =>
    commit.files.filter((f) => isTaskFile(f.path) || (f.oldPath !== undefined && isTaskFile(f.oldPath))).map((file) => ({ commit, file })),
  );
  const specs = pairs.flatMap(({ commit, file }) => [
    commit.parents[0] && !file.status.startsWith('A') ? `${commit.parents[0]}:${file.oldPath ?? file.path}` : NONE,
    file.status.startsWith('D') ? NONE : `${commit.hash}:${file.path}`,
  ]);
  const contents = readRevisions(top, specs);
  return pairs.map(({ commit, file }, i) => {
    const before = taskOf(contents[2 * i]);
    const after = taskOf(contents[2 * i + 1]);
    return { commit, path: file.path, id: after?.id ?? before?.id ?? idFromFile(file.path), before, after };
  });
}

/** The revisions of one task file, newest first (following renames); undefined outside a repository. */
export function taskRevisions(root: string, file: string): Revision[] | undefined {
  const top = repoRoot(root);
  if (!top) return undefined;
  return revisions(top, logCommits(root, ['--follow', '--', file]), () => true);
}

/** The revisions of every task file under `dir` since a time (git's --since form), newest first. */
export function planRevisions(root: string, dir: string, since: string | undefined): Revision[] | undefined {
  const top = repoRoot(root);
  if (!top) return undefined;
  const isTask = (path: string) => /\.ya?ml$/i.test(path) && !path.split('/').some((s) => s.startsWith('.'));
  return revisions(top, logCommits(root, [...(since ? [`--since=${since}`] : []), '--', dir]), isTask);
}
