// tasks dashboard [--out FILE.html] [filters of tasks list]: the leadership dashboard as one
// self-contained web page, written beside the exports as exports/<as-of>-dashboard.html.
import { relative, resolve } from 'node:path';
import { settingsOf } from '../core/evaluate.js';
import type { Filter } from '../core/filter.js';
import type { Session } from '../context.js';
import { EXIT, ioError } from '../errors.js';
import { ioReason, judgePlan, planFacts, reportProblems, say } from '../cli/output.js';
import { refuseBrokenRules } from '../cli/report-options.js';
import { dashboardReport } from '../reports/dashboard.js';
import { renderDashboard } from '../render/dashboard/page.js';
import type { Plan } from '../store/load.js';
import { isFolder, writeOutFile } from '../store/out-file.js';

export interface DashboardOptions {
  filter: Filter;
  /** a file, or a folder to put the file in, absolute; the plan's exports/ when absent */
  out: string | undefined;
}

export async function runDashboard(options: DashboardOptions, plan: Plan, session: Session): Promise<number> {
  const { m, asOf } = session;
  refuseBrokenRules(plan, session);
  const { config } = plan;
  const data = dashboardReport(
    judgePlan(plan, session),
    plan.tasks,
    { asOf, filter: options.filter, unreadable: plan.unreadable.length, facts: planFacts(plan) },
    { title: config.title || m.dashboard.untitled, year: config.year, roster: config.roster, light: settingsOf(config), feedback: config.feedback },
  );
  const html = renderDashboard(data, m);

  // beside exports/<as-of>/, not in it: tasks export replaces that folder whole
  const name = `${asOf}-dashboard.html`;
  const out = options.out ?? resolve(plan.root, 'exports');
  const target = options.out === undefined || isFolder(out) || /[\\/]$/.test(out) ? resolve(out, name) : out;
  try {
    writeOutFile(target, html);
  } catch (error) {
    throw ioError(m.exports.cannotWrite(target, ioReason(session, error)), error);
  }
  say(session, relative(session.io.cwd, target) || target);
  return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
}
