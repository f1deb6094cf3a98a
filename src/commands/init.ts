// tasks init [DIR] --year 2021 --title "…": a new plan with its settings, schemas, .gitignore,
// git repository and pre-commit hook.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { stringify } from 'yaml';
import { commitPaths, git, hasIdentity, repoRoot } from '../store/git.js';
import { CONFIG_FILE, TASKS_DIR } from '../store/load.js';
import { installHook } from './hook.js';

export interface InitOptions {
  year?: string;
  title?: string;
  git?: boolean;
}

export const GITIGNORE = ['# tasks: caches, locks and temp files', '.tasks-cache/', 'tasks/.locks/', '*.tmp', ''].join('\n');

export function configText(session: Session, title: string, year: number): string {
  const c = session.m.init.configComments;
  const v = (value: unknown) => stringify(value, { lineWidth: 0 }).trimEnd();
  return [
    '# yaml-language-server: $schema=schemas/config.schema.json',
    c.head,
    c.title,
    `title: ${v(title)}`,
    c.year,
    `year: ${year}`,
    c.lang,
    `lang: ${session.m.lang}`,
    c.timezone,
    'timezone: Asia/Shanghai',
    c.warning,
    'warning_days: 10',
    c.tolerance,
    'behind_tolerance: 10',
    c.roster,
    'roster:',
    '  leads: []',
    '  units: []',
    '',
  ].join('\n');
}

export async function run(session: Session, [dirArg]: string[], opts: InitOptions): Promise<number> {
  const { m, ctx } = session;
  const dir = resolve(ctx.cwd, dirArg ?? session.global.dir ?? '.');
  if (existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, TASKS_DIR))) throw new UserError(m.init.exists(dir), EXIT.USAGE);
  const year = Number(opts.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UserError(m.init.needYear);
  const title = opts.title?.trim() || `${year}年重点工作`;

  const files: Record<string, string> = {
    [CONFIG_FILE]: configText(session, title, year),
    [`${TASKS_DIR}/.gitkeep`]: '',
    'schemas/task.schema.json': `${JSON.stringify(taskSchema, null, 2)}\n`,
    'schemas/config.schema.json': `${JSON.stringify(configSchema, null, 2)}\n`,
    '.vscode/settings.json': `${JSON.stringify({ 'yaml.schemas': { './schemas/task.schema.json': 'tasks/**/*.yaml', './schemas/config.schema.json': CONFIG_FILE } }, null, 2)}\n`,
  };
  if (!existsSync(join(dir, '.gitignore'))) files['.gitignore'] = GITIGNORE;
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text, { flag: 'wx' });
  }
  const out: string[] = [m.init.created(dir)];
  if (opts.git !== false) {
    if (!repoRoot(dir)) {
      const r = git(['init', '--quiet'], dir);
      if (r.ok) out.push(m.init.gitInit);
    }
    if (repoRoot(dir)) {
      installHook({ ...session, global: { ...session.global, quiet: true } }, dir, false);
      if (hasIdentity(dir)) {
        const message = `初始化台账：${title}\n\nTasks-Command: init\n`;
        if (commitPaths(dir, Object.keys(files), message).ok) out.push(m.init.committed);
      }
    }
  }
  if (!session.global.quiet) ctx.stdout.write(`${[...out, '', m.init.next].join('\n')}\n`);
  return EXIT.OK;
}
