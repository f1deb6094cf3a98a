// tasks history ID: the supervision trail (督办留痕) of one task, from git: per commit the date,
// the author and the fields that changed.
import { diffTasks, type FieldChange } from '../core/history.js';
import type { Task } from '../core/task.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { changeText } from '../render/history.js';
import { toJson } from '../render/json.js';
import { sanitize } from '../render/text.js';
import { logCommits, readRevisions, repoRoot, trailers, type Commit } from '../store/git.js';
import { decode, parseFast } from '../store/parse.js';
import { openPlan } from './common.js';
import { paintOut } from './view.js';

export interface HistoryOptions {
  format?: 'table' | 'json';
  since?: string;
}

export interface TrailEntry {
  commit: Commit;
  /** the task file this entry is about, relative to the repository's top */
  path: string;
  id: string;
  changes: FieldChange[];
}

function taskOf(bytes: Buffer | undefined): Task | undefined {
  if (!bytes) return undefined;
  const decoded = decode('', bytes);
  if ('problems' in decoded) return undefined;
  return parseFast(decoded.text, () => true) as Task | undefined;
}

/** For each commit and each task file it touched, the task before and after, and what changed. */
export function trail(top: string, commits: readonly Commit[], isTaskFile: (path: string) => boolean): TrailEntry[] {
  const pairs = commits.flatMap((commit) =>
    commit.files.filter((f) => isTaskFile(f.path) || (f.oldPath !== undefined && isTaskFile(f.oldPath))).map((f) => ({ commit, file: f })),
  );
  const specs = pairs.flatMap(({ commit, file }) => [
    commit.parents[0] && !file.status.startsWith('A') ? `${commit.parents[0]}:${file.oldPath ?? file.path}` : `${'0'.repeat(40)}:missing`,
    file.status.startsWith('D') ? `${'0'.repeat(40)}:missing` : `${commit.hash}:${file.path}`,
  ]);
  const contents = readRevisions(top, specs);
  return pairs.map(({ commit, file }, i) => {
    const before = taskOf(contents[2 * i]);
    const after = taskOf(contents[2 * i + 1]);
    const id = after?.id ?? before?.id ?? file.path.replace(/^.*\//, '').replace(/\.ya?ml$/i, '');
    return { commit, path: file.path, id, changes: diffTasks(before, after) };
  });
}

export function entryJson(e: TrailEntry, m: Messages) {
  const t = trailers(e.commit.body);
  return {
    commit: e.commit.hash,
    date: e.commit.date,
    author: e.commit.author,
    email: e.commit.email,
    subject: e.commit.subject,
    command: t['Tasks-Command'] ?? null,
    id: e.id,
    file: e.path,
    changes: e.changes.map((c) => ({ ...c, text: changeText(c, m) })),
  };
}

export function entryText(e: TrailEntry, m: Messages, paint: ReturnType<typeof paintOut>, withId: boolean): string {
  const when = e.commit.date.slice(0, 16).replace('T', ' ');
  const head = `${paint.bold(when)}  ${e.commit.author}${withId ? `  ${e.id}` : ''}  ${paint.dim(e.commit.subject)}`;
  const lines = e.changes.map((c) => `    ${changeText(c, m)}`);
  return sanitize([head, ...lines].join('\n'));
}

export async function run(session: Session, [id]: string[], opts: HistoryOptions): Promise<number> {
  const { m, ctx } = session;
  const { plan } = await openPlan(session);
  const top = repoRoot(plan.root);
  if (!top) throw new UserError(m.history.noRepo, EXIT.DATA);
  const wanted = (id ?? '').trim();
  const file = plan.tasks.find((t) => t.task.id === wanted)?.file ?? plan.unreadable.find((f) => f.endsWith(`/${wanted}.yaml`)) ?? `tasks/${wanted}.yaml`;
  const commits = logCommits(plan.root, ['--follow', '--', file]);
  const entries = trail(top, commits, () => true).filter((e) => e.changes.length > 0);
  if (opts.format === 'json') {
    ctx.stdout.write(toJson({ version: 1, command: 'history', id: wanted, entries: entries.map((e) => entryJson(e, m)) }));
    return EXIT.OK;
  }
  if (entries.length === 0) throw new UserError(m.history.none(wanted), EXIT.DATA);
  const paint = paintOut(session);
  const title = plan.tasks.find((t) => t.task.id === wanted)?.task.title ?? '';
  ctx.stdout.write(`${paint.bold(sanitize(m.history.header(wanted, title)))}\n${entries.map((e) => entryText(e, m, paint, false)).join('\n')}\n`);
  return EXIT.OK;
}
