// tasks init [DIR] --year 2021 --title "…": a new plan with its settings, schemas, .gitignore,
// git repository and pre-commit hook, committed as its first change.
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { configText, initRepository, newPlanFiles, planExistsIn, writeNewFiles } from '../store/plan-files.js';
import { configureDriver } from '../store/share.js';
import { repoContext } from '../store/sync.js';

export interface InitOptions {
  /** the folder of the new plan, absolute */
  dir: string;
  year: number | undefined;
  title: string | undefined;
  /** false with --no-git */
  git: boolean;
}

export async function runInit(options: InitOptions, _plan: undefined, session: Session): Promise<number> {
  const { m, io } = session;
  const { dir } = options;
  if (planExistsIn(dir)) throw new UserError(m.init.exists(dir), EXIT.USAGE);
  if (options.year === undefined) throw new UserError(m.init.needYear);
  const title = options.title?.trim() || m.init.defaultTitle(options.year);
  const files = newPlanFiles(configText(m.init.configComments, { title, year: options.year, lang: m.lang }), dir);
  writeNewFiles(dir, files);
  const out: string[] = [m.init.created(dir)];
  if (options.git) {
    const repo = initRepository(dir, Object.keys(files), m.init.commit(title), io.self);
    const context = repo.versioned ? repoContext(dir) : undefined;
    if (context) configureDriver(context, io.self, m.syncHelp.cmd.mergeDriver);
    if (repo.created) out.push(m.init.gitInit);
    if (repo.committed) out.push(m.init.committed);
  }
  if (!session.flags.quiet) io.stdout.write(`${[...out, '', m.init.next].join('\n')}\n`);
  return EXIT.OK;
}
