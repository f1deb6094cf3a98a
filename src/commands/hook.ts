// tasks hook install: the git pre-commit hook that runs `tasks validate --staged`, and the merge
// driver that merges task files field by field (.gitattributes and this clone's git config).
// tasks hook server DIR: the pre-receive check of a server repository.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import type { Plan } from '../store/load.js';
import { installHook } from '../store/plan-files.js';
import { installDriver, installServerHook } from '../store/share.js';
import { repoContext } from '../store/sync.js';

export interface HookOptions {
  force: boolean;
}

export interface ServerHookOptions {
  /** the server repository's folder, absolute */
  dir: string;
  force: boolean;
}

export async function runHookInstall(options: HookOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const outcome = installHook(plan.root, session.io.self, options.force);
  if (!outcome.ok) throw new UserError(outcome.reason === 'not_repo' ? m.hook.notRepo(plan.root) : m.hook.exists(outcome.path));
  if (!session.flags.quiet) session.io.stderr.write(`${m.hook.installed(outcome.path)}\n`);
  const repo = repoContext(plan.root);
  if (repo) {
    installDriver(repo, session.io.self, { name: m.syncHelp.cmd.mergeDriver, commit: m.share.attributesCommit });
    if (!session.flags.quiet) session.io.stderr.write(`${m.share.driver}\n`);
  }
  return EXIT.OK;
}

export async function runHookServer(options: ServerHookOptions, _plan: undefined, session: Session): Promise<number> {
  const { m } = session;
  const outcome = installServerHook(options.dir, session.io.self, options.force);
  if (!outcome.ok) throw new UserError(outcome.reason === 'not_repo' ? m.share.serverNotRepo(options.dir) : m.share.serverExists(outcome.path));
  if (!session.flags.quiet) session.io.stderr.write(`${m.share.serverInstalled(outcome.path)}\n`);
  return EXIT.OK;
}
