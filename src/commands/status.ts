// tasks (no command): one screen of status as of today, the way git status greets you.
import type { Session } from '../context.js';
import { emitView, judgePlan } from '../cli/output.js';
import { statusReport } from '../reports/status.js';
import { statusView } from '../render/views/status.js';
import type { Plan } from '../store/load.js';

export async function runStatus(_options: Record<string, never>, plan: Plan, session: Session): Promise<number> {
  const report = statusReport(judgePlan(plan, session), { title: plan.config.title, asOf: session.asOf, today: session.today });
  return emitView(session, plan, 'table', statusView, report);
}
