// tasks log [--since D]: the supervision trail of the whole plan, newest first.
import { utcOffset } from '../core/dates.js';
import { toJson } from '../render/json.js';
import { sanitize } from '../render/text.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { logCommits, repoRoot } from '../store/git.js';
import { TASKS_DIR } from '../store/load.js';
import { openPlan, resolveDate } from './common.js';
import { entryJson, entryText, trail, type HistoryOptions } from './history.js';
import { paintOut } from './view.js';

export async function run(session: Session, _args: string[], opts: HistoryOptions): Promise<number> {
  const { m, ctx } = session;
  const { plan, today } = await openPlan(session);
  const top = repoRoot(plan.root);
  if (!top) throw new UserError(m.history.noRepo, EXIT.DATA);
  const since = opts.since === undefined ? undefined : resolveDate(session, opts.since, today);
  // --since is a calendar date in the plan's time zone
  const sinceArg = since ? [`--since=${since}T00:00:00${utcOffset(session.ctx.now(), plan.config.timezone)}`] : [];
  const commits = logCommits(plan.root, [...sinceArg, '--', TASKS_DIR]);
  const isTask = (path: string) => /\.ya?ml$/i.test(path) && !path.split('/').some((s) => s.startsWith('.'));
  const entries = trail(top, commits, isTask).filter((e) => e.changes.length > 0);
  if (opts.format === 'json') {
    ctx.stdout.write(toJson({ version: 1, command: 'log', since: since ?? null, entries: entries.map((e) => entryJson(e, m)) }));
    return EXIT.OK;
  }
  const paint = paintOut(session);
  ctx.stdout.write(`${paint.bold(sanitize(m.history.logHeader(since)))}\n${entries.map((e) => entryText(e, m, paint, true)).join('\n')}\n`);
  return EXIT.OK;
}
