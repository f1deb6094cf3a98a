// tasks history ID: the supervision trail (督办留痕) of one task, from git: per commit the date,
// the author and the fields that changed.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { paintOut, renderEnv } from '../cli/output.js';
import { trailReport } from '../reports/trail.js';
import { renderView } from '../render/view.js';
import { trailView } from '../render/views/trail.js';
import { taskRevisions } from '../store/history.js';
import type { Plan } from '../store/load.js';

export interface HistoryOptions {
  id: string;
  format: 'table' | 'json';
}

export async function runHistory(options: HistoryOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const wanted = options.id.trim();
  const file = plan.tasks.find((t) => t.task.id === wanted)?.file ?? plan.unreadable.find((f) => f.endsWith(`/${wanted}.yaml`)) ?? `tasks/${wanted}.yaml`;
  const revisions = taskRevisions(plan.root, file);
  if (!revisions) throw new UserError(m.history.noRepo, EXIT.DATA);
  const entries = trailReport(revisions);
  if (entries.length === 0 && options.format !== 'json') throw new UserError(m.history.none(wanted), EXIT.DATA);
  const title = plan.tasks.find((t) => t.task.id === wanted)?.task.title ?? '';
  const env = { ...renderEnv(session, plan), paint: paintOut(session) };
  session.io.stdout.write(renderView(options.format, trailView, { command: 'history', id: wanted, title, entries }, env));
  return EXIT.OK;
}
