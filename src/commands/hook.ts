// tasks hook install: a git pre-commit hook that runs `tasks validate --staged`.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import type { Plan } from '../store/load.js';
import { installHook } from '../store/plan-files.js';

export interface HookOptions {
  force: boolean;
}

export async function runHookInstall(options: HookOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const outcome = installHook(plan.root, session.io.self, options.force);
  if (!outcome.ok) throw new UserError(outcome.reason === 'not_repo' ? m.hook.notRepo(plan.root) : m.hook.exists(outcome.path));
  if (!session.flags.quiet) session.io.stderr.write(`${m.hook.installed(outcome.path)}\n`);
  return EXIT.OK;
}
