// tasks init [DIR] --year 2021 --title "…" [--leads "区长、常务副区长…"] [--units "…"]: a new plan
// with its settings (the roster in protocol order, asked for on a terminal when not given),
// schemas, .gitignore, git repository and pre-commit hook, committed as its first change.
import { nearDuplicates } from '../core/roster.js';
import { splitNames } from '../core/words.js';
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
  /** --leads and --units as typed: names in protocol order, separated by 、 or commas */
  leads: string[];
  units: string[];
}

export async function runInit(options: InitOptions, _plan: undefined, session: Session): Promise<number> {
  const { m, io } = session;
  const { dir } = options;
  if (planExistsIn(dir)) throw new UserError(m.init.exists(dir), EXIT.USAGE);
  if (options.year === undefined) throw new UserError(m.init.needYear);
  const title = options.title?.trim() || m.init.defaultTitle(options.year);
  // On a terminal, ask for the roster when it is not given; scripts never wait for input.
  const ask = async (given: string[], question: string) =>
    given.length > 0 || !io.prompt ? given.flatMap(splitNames) : splitNames((await io.prompt(question)) ?? '');
  const leads = [...new Set(await ask(options.leads, m.initRoster.askLeads))];
  const units = [...new Set(await ask(options.units, m.initRoster.askUnits))];
  for (const [a, b] of [...nearDuplicates(leads), ...nearDuplicates(units)]) io.stderr.write(`${m.initRoster.nearInList(a, b)}\n`);
  const files = newPlanFiles(configText(m.init.configComments, { title, year: options.year, lang: m.lang, leads, units }), dir);
  writeNewFiles(dir, files);
  const out: string[] = [m.init.created(dir), ...(leads.length + units.length > 0 ? [m.initRoster.filled(leads.length, units.length)] : [])];
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
