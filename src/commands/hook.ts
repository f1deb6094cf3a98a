// tasks hook install: a git pre-commit hook that runs `tasks validate --staged`.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Session } from '../context.js';
import { UserError } from '../errors.js';
import { findPlanRoot } from '../store/load.js';
import { gitText } from '../store/git.js';

export const HOOK_MARK = '# tasks pre-commit hook';

export interface HookOptions {
  force?: boolean;
}

/** The hook script: the same node and tasks that installed it, else `tasks` on PATH. */
export function hookScript(node: string, bin: string, planDir: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return [
    '#!/bin/sh',
    `${HOOK_MARK} (tasks hook install): checks the staged task files before each commit.`,
    '# To commit anyway in an emergency: git commit --no-verify',
    `cd "$(git rev-parse --show-toplevel)" || exit 1`,
    `if [ -f ${q(bin)} ]; then exec ${q(node)} ${q(bin)} validate --staged --dir ${q(planDir)}; fi`,
    `exec tasks validate --staged --dir ${q(planDir)}`,
    '',
  ].join('\n');
}

export async function run(session: Session, _args: string[], opts: HookOptions): Promise<number> {
  const { m, ctx } = session;
  const root = findPlanRoot(ctx.cwd, session.global.dir, m);
  installHook(session, root, opts.force === true);
  return 0;
}

export function installHook(session: Session, root: string, force: boolean): string {
  const { m, ctx } = session;
  const top = gitText(['rev-parse', '--show-toplevel'], root);
  const hooksDir = gitText(['rev-parse', '--git-path', 'hooks'], root);
  if (!top || !hooksDir) throw new UserError(m.hook.notRepo(root));
  const dir = isAbsolute(hooksDir) ? hooksDir : join(root, hooksDir);
  const path = join(dir, 'pre-commit');
  if (existsSync(path) && !readFileSync(path, 'utf8').includes(HOOK_MARK) && !force) throw new UserError(m.hook.exists(path));
  mkdirSync(dirname(path), { recursive: true });
  const planDir = relative(top, root) || '.';
  writeFileSync(path, hookScript(ctx.self.node, ctx.self.bin, planDir));
  chmodSync(path, 0o755);
  if (!session.global.quiet) ctx.stderr.write(`${m.hook.installed(path)}\n`);
  return path;
}
