// tasks due [--within N]: open tasks and milestones due between the date and N days later.
import type { Session } from '../context.js';
import type { ViewOptions } from '../cli/options.js';
import { emitView, judgePlan } from '../cli/output.js';
import { dueReport } from '../reports/due.js';
import { dueView } from '../render/views/due.js';
import type { Plan } from '../store/load.js';

export interface DueOptions extends ViewOptions {
  group: 'lead' | 'unit' | 'office' | undefined;
  /** days ahead; the plan's warning window when not given */
  within: number | undefined;
}

export async function runDue(options: DueOptions, plan: Plan, session: Session): Promise<number> {
  const within = options.within ?? plan.config.warning_days;
  const report = dueReport(judgePlan(plan, session), plan.tasks, plan.config.roster, session.asOf, { ...options, within });
  return emitView(session, plan, options.format, dueView, report);
}
