// tasks summary [--by lead|unit|section]: totals per row in protocol order, and a total row.
import type { Session } from '../context.js';
import type { ViewOptions } from '../cli/options.js';
import { emitView, judgePlan } from '../cli/output.js';
import type { GroupBy } from '../reports/group.js';
import { summaryReport } from '../reports/summary.js';
import { summaryView } from '../render/views/summary.js';
import type { Plan } from '../store/load.js';

export interface SummaryOptions extends ViewOptions {
  by: GroupBy;
}

export async function runSummary(options: SummaryOptions, plan: Plan, session: Session): Promise<number> {
  return emitView(session, plan, options.format, summaryView, summaryReport(judgePlan(plan, session), plan.tasks, plan.config.roster, options));
}
