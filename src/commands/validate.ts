// tasks validate [paths...] [--staged]: check the task files and list every problem.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { countBySeverity } from '../core/problems.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { formatProblem, problemMessage } from '../i18n/index.js';
import { colorLevel, painter } from '../render/color.js';
import { sanitize } from '../render/text.js';
import { toJson } from '../render/json.js';
import { stagedFiles } from '../store/git.js';
import { CONFIG_FILE, findPlanRoot, listTaskFiles, toPlanPath, TASKS_DIR } from '../store/load.js';
import { openPlan } from './common.js';

export interface ValidateOptions {
  staged?: boolean;
  format?: 'table' | 'json';
}

export async function run(session: Session, paths: string[], opts: ValidateOptions): Promise<number> {
  const { ctx } = session;
  const root = findPlanRoot(ctx.cwd, session.global.dir, session.m);
  let only: string[] | undefined;
  let sources: Map<string, Buffer> | undefined;
  let extra: string[] | undefined;
  if (opts.staged) {
    sources = new Map([...stagedFiles(root)].filter(([name]) => isPlanFile(name)));
    only = [...sources.keys()];
  } else if (paths.length > 0) {
    only = selectFiles(session, root, paths);
    const known = new Set(listTaskFiles(root));
    extra = only.filter((f) => f !== CONFIG_FILE && !known.has(f));
  }
  const { plan } = await openPlan(session, { only, sources, extra });
  const { m } = session;
  const { errors, warnings } = countBySeverity(plan.problems);
  const taskCount = only ? only.filter((f) => f !== CONFIG_FILE).length : plan.fileCount;
  if (opts.format === 'json') {
    const problems = plan.problems.map((p) => ({
      file: p.file, line: p.line, column: p.column, severity: p.severity, code: p.code, message: problemMessage(p, m),
    }));
    ctx.stdout.write(toJson({ version: 1, command: 'validate', tasks: taskCount, errors, warnings, problems }));
    return errors > 0 ? EXIT.DATA : EXIT.OK;
  }
  const out = painter(colorLevel(ctx.stdout.isTTY, ctx.env, session.global.color));
  if (!plan.configFound && !session.global.quiet) ctx.stderr.write(`${m.config.missing}\n`);
  for (const p of plan.problems) {
    const line = sanitize(formatProblem(p, m));
    ctx.stdout.write(`${p.severity === 'error' ? out.red(line) : out.yellow(line)}\n`);
  }
  if (!(session.global.quiet && errors === 0)) ctx.stdout.write(`${m.validate.summary(taskCount, errors, warnings)}\n`);
  return errors > 0 ? EXIT.DATA : EXIT.OK;
}

function isPlanFile(name: string): boolean {
  return name === CONFIG_FILE || (name.startsWith(`${TASKS_DIR}/`) && /\.ya?ml$/i.test(name) && !name.split('/').some((s) => s.startsWith('.')));
}

/** The given paths (files or folders) as plan paths; a path that does not exist is a usage error. */
function selectFiles(session: Session, root: string, paths: string[]): string[] {
  const all = listTaskFiles(root);
  const chosen = new Set<string>();
  for (const p of paths) {
    const full = resolve(session.ctx.cwd, p);
    if (!existsSync(full)) throw new UserError(session.m.validate.noFiles(p));
    const rel = toPlanPath(root, full);
    if (statSync(full).isDirectory()) {
      const prefix = rel === '' ? '' : `${rel}/`;
      for (const f of all) if (f.startsWith(prefix)) chosen.add(f);
      if (rel === '') chosen.add(CONFIG_FILE);
    } else chosen.add(rel);
  }
  return [...chosen];
}
