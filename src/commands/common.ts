// What most commands do first: find the plan, settle the language and "today", load the tasks,
// and tell the clerk on stderr about files that could not be read.
import type { Config } from '../core/config.js';
import { parseDateInput, todayIn, type IsoDate } from '../core/dates.js';
import { countBySeverity } from '../core/problems.js';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { formatProblem, messages } from '../i18n/index.js';
import { colorLevel, painter } from '../render/color.js';
import { sanitize } from '../render/text.js';
import { CONFIG_FILE, findPlanRoot, loadConfig, loadTasks, type LoadOptions, type Plan } from '../store/load.js';

export interface Opened {
  plan: Plan;
  /** the date the answer is for: --as-of, else today in the plan's time zone */
  asOf: IsoDate;
  /** today in the plan's time zone, from the real clock */
  today: IsoDate;
}

/** Finds and loads the plan; the catalog switches to the config's language unless --lang was given. */
export async function openPlan(session: Session, options: LoadOptions = {}): Promise<Opened> {
  const root = findPlanRoot(session.ctx.cwd, session.global.dir, session.m);
  const stagedConfig = options.sources?.get(CONFIG_FILE);
  let { config, found, problems } = await loadConfig(root, session.m, stagedConfig);
  if (!session.global.lang && config.lang !== session.m.lang) {
    session.m = messages(config.lang);
    if (problems.length > 0) ({ config, found, problems } = await loadConfig(root, session.m, stagedConfig));
  }
  const loaded = await loadTasks(root, config, session.m, { cache: session.ctx.env.TASKS_CACHE !== 'off', collectGarbage: session.ctx.collectGarbage, ...options });
  const plan: Plan = { root, config, configFound: found, ...loaded, problems: [...problems, ...loaded.problems] };
  const today = todayIn(session.ctx.now(), config.timezone);
  return { plan, today, asOf: resolveDate(session, session.global.asOf, today) };
}

/**
 * The plan around the current folder, if there is one, for commands that can also work without
 * (the importers); the catalog switches to its language unless --lang was given.
 */
export async function findPlanIfAny(session: Session): Promise<{ root: string | undefined; config: Config | undefined }> {
  let root: string | undefined;
  try {
    root = findPlanRoot(session.ctx.cwd, session.global.dir, session.m);
  } catch {
    return { root: undefined, config: undefined };
  }
  const { config } = await loadConfig(root, session.m);
  if (!session.global.lang && config.lang !== session.m.lang) session.m = messages(config.lang);
  return { root, config };
}

export function resolveDate(session: Session, input: string | undefined, today: IsoDate): IsoDate {
  if (input === undefined) return today;
  const date = parseDateInput(input, today);
  if (!date) throw new UserError(session.m.errors.badAsOf(input));
  return date;
}

/**
 * Lists the problems on stderr: errors always, warnings only when asked (views mention how many
 * there are instead). Says once when the config is missing. Returns the number of errors.
 */
export function reportProblems(session: Session, plan: Plan, options: { warnings: boolean; unreadableNote?: string }): number {
  const { m, ctx } = session;
  const err = painter(colorLevel(ctx.stderr.isTTY, ctx.env, session.global.color));
  if (!plan.configFound && !session.global.quiet) ctx.stderr.write(`${err.dim(m.config.missing)}\n`);
  for (const p of plan.problems) {
    if (p.severity === 'warning' && !options.warnings) continue;
    const line = sanitize(formatProblem(p, m));
    ctx.stderr.write(`${p.severity === 'error' ? err.red(line) : err.yellow(line)}\n`);
  }
  const { errors, warnings } = countBySeverity(plan.problems);
  if (!options.warnings && warnings > 0 && !session.global.quiet) ctx.stderr.write(`${err.dim(m.views.warningsHidden(warnings))}\n`);
  if (!options.warnings && plan.unreadable.length > 0) ctx.stderr.write(`${err.red(options.unreadableNote ?? m.views.unreadable(plan.unreadable.length))}\n`);
  return errors;
}
