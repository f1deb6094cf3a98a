// tasks log [--since D]: the supervision trail of the whole plan, newest first.
import { utcOffset, type IsoDate } from '../core/dates.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { renderEnv } from '../cli/output.js';
import { trailReport } from '../reports/trail.js';
import { renderView } from '../render/view.js';
import { trailView } from '../render/views/trail.js';
import { planRevisions } from '../store/history.js';
import { TASKS_DIR, type Plan } from '../store/load.js';

export interface LogOptions {
  since: IsoDate | undefined;
  format: 'table' | 'json';
}

export async function runLog(options: LogOptions, plan: Plan, session: Session): Promise<number> {
  // --since is a calendar date in the plan's time zone
  const since = options.since ? `${options.since}T00:00:00${utcOffset(session.io.now(), plan.config.timezone)}` : undefined;
  const revisions = planRevisions(plan.root, TASKS_DIR, since);
  if (!revisions) throw new UserError(session.m.history.noRepo, EXIT.DATA);
  const page = { command: 'log' as const, ...(options.since ? { since: options.since } : {}), entries: trailReport(revisions) };
  session.io.stdout.write(renderView(options.format, trailView, page, renderEnv(session, plan)));
  return EXIT.OK;
}
