// tasks list: every task that passes the filters, with its light and why.
import type { Session } from '../context.js';
import type { ViewOptions } from '../cli/options.js';
import { emitView, judgePlan } from '../cli/output.js';
import type { SortKey } from '../core/sort.js';
import { listReport } from '../reports/list.js';
import { listView } from '../render/views/list.js';
import type { Plan } from '../store/load.js';

export interface ListOptions extends ViewOptions {
  sort: SortKey | undefined;
}

export async function runList(options: ListOptions, plan: Plan, session: Session): Promise<number> {
  return emitView(session, plan, options.format, listView, listReport(judgePlan(plan, session), plan.tasks, plan.config.roster, options));
}
