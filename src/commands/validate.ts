// tasks validate [paths...] [--staged]: check the task files and list every problem. The command
// line opens the plan with just the files asked for (or the staged versions).
import { nameChecks } from '../core/checks.js';
import { countBySeverity, sortProblems } from '../core/problems.js';
import type { Session } from '../context.js';
import { EXIT } from '../errors.js';
import { renderEnv } from '../cli/output.js';
import { renderView } from '../render/view.js';
import { validateView } from '../render/views/validate.js';
import { placeFindings } from '../store/findings.js';
import { CONFIG_FILE, type Plan } from '../store/load.js';

export interface ValidateOptions {
  format: 'table' | 'json';
  /** the files checked, when not the whole plan */
  only: readonly string[] | undefined;
}

export async function runValidate(options: ValidateOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io } = session;
  const tasks = options.only ? options.only.filter((f) => f !== CONFIG_FILE).length : plan.fileCount;
  if (options.format === 'table' && !plan.configFound && !session.flags.quiet) io.stderr.write(`${m.config.missing}\n`);
  // one official or unit written two ways: only validate looks for these, as they need the whole plan
  const names = await placeFindings(plan.root, nameChecks(plan.config.roster, plan.tasks, CONFIG_FILE, m.names), m);
  const only = options.only ? new Set(options.only) : undefined;
  const problems = sortProblems([...plan.problems, ...names.filter((p) => !only || only.has(p.file))]);
  io.stdout.write(renderView(options.format, validateView, { tasks, problems, quiet: session.flags.quiet }, renderEnv(session, plan)));
  return countBySeverity(problems).errors > 0 ? EXIT.DATA : EXIT.OK;
}
