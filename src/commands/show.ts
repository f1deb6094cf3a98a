// tasks show ID: everything about one task, its light and why.
import { idFromFile } from '../core/checks.js';
import { evaluate, settingsOf } from '../core/evaluate.js';
import { nearestIds } from '../core/suggest.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { note, renderEnv, reportProblems } from '../cli/output.js';
import { problemText } from '../render/problem.js';
import { taskReport } from '../reports/task.js';
import { renderView } from '../render/view.js';
import { taskView } from '../render/views/task.js';
import type { Plan } from '../store/load.js';

export interface ShowOptions {
  id: string;
  format: 'table' | 'json';
}

export async function runShow(options: ShowOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const wanted = options.id.trim();
  // in a roll-up, an id without its office is enough when only one office has it
  const unqualified = plan.tasks.filter((t) => t.office !== undefined && t.task.id === `${t.office}/${wanted}`);
  const found = plan.tasks.find((t) => t.task.id === wanted) ?? (unqualified.length === 1 ? unqualified[0] : undefined);
  if (!found) {
    const unreadable = plan.unreadable.find((f) => idFromFile(f) === wanted);
    if (unreadable) {
      for (const p of plan.problems.filter((p) => p.file === unreadable)) note(session, problemText(p, m));
      return EXIT.DATA;
    }
    throw new UserError(m.show.notFound(wanted, nearestIds(wanted, plan.tasks.map((t) => t.task.id))));
  }
  const [e] = evaluate([found], session.asOf, settingsOf(plan.officeConfigs?.get(found.office ?? '') ?? plan.config));
  const own = { ...plan, problems: plan.problems.filter((p) => p.file === found.file), unreadable: [] };
  session.io.stdout.write(renderView(options.format, taskView, taskReport(e!, session.asOf), renderEnv(session, own)));
  return reportProblems(session, own, { warnings: true }) > 0 ? EXIT.DATA : EXIT.OK;
}
