// tasks overdue: the red tasks as of a date, most overdue first, optionally grouped.
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import type { ViewOptions } from '../cli/options.js';
import { emitView, judgePlan } from '../cli/output.js';
import { overdueReport } from '../reports/overdue.js';
import { overdueView } from '../render/views/overdue.js';
import type { Plan } from '../store/load.js';

export interface OverdueOptions extends ViewOptions {
  group: 'lead' | 'unit' | 'office' | undefined;
  /** exit 3 when something is red (for cron and CI) */
  check: boolean;
}

export async function runOverdue(options: OverdueOptions, plan: Plan, session: Session): Promise<number> {
  const report = overdueReport(judgePlan(plan, session), plan.tasks, plan.config.roster, options);
  const code = emitView(session, plan, options.format, overdueView, report);
  return options.check && report.tasks.length > 0 ? EXIT.CHECK : code;
}
