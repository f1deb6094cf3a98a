// The command line: declares commands and options with commander, loads each command's module
// only when it runs, and turns every failure into a message and an exit code.
import { Command, CommanderError, Option } from 'commander';
import { displayWidth } from './render/text.js';
import type { Context, GlobalOptions, Session } from './context.js';
import { EXIT, UserError } from './errors.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { nearest } from './core/suggest.js';

type Action = (session: Session, args: string[], opts: Record<string, unknown>) => Promise<number>;
type Loader = () => Promise<{ run: Action }>;

const COMMANDS: Record<string, Loader> = {
  status: () => import('./commands/status.js'),
  validate: () => import('./commands/validate.js'),
  'import-notice': () => import('./commands/import-notice.js'),
  'import-xlsx': () => import('./commands/import-xlsx.js'),
  'hook-install': () => import('./commands/hook.js'),
  overdue: () => import('./commands/overdue.js'),
  due: () => import('./commands/due.js'),
  list: () => import('./commands/list.js'),
  show: () => import('./commands/show.js'),
  summary: () => import('./commands/summary.js'),
  export: () => import('./commands/export.js'),
  init: () => import('./commands/init.js'),
  new: () => import('./commands/new.js'),
  progress: () => import('./commands/progress.js'),
  done: () => import('./commands/done.js'),
  reopen: () => import('./commands/reopen.js'),
  set: () => import('./commands/set.js'),
  milestone: () => import('./commands/milestone.js'),
  target: () => import('./commands/target.js'),
  history: () => import('./commands/history.js'),
  log: () => import('./commands/log.js'),
  undo: () => import('./commands/undo.js'),
};

/** Language for help and early errors: --lang, else TASKS_LANG, else Chinese. */
function earlyLang(argv: readonly string[], env: Context['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value === 'en' || value === 'zh') return value;
  }
  return env.TASKS_LANG === 'en' ? 'en' : 'zh';
}

export async function runCli(argv: readonly string[], ctx: Context): Promise<number> {
  const m = messages(earlyLang(argv, ctx.env));
  const session: Session = { ctx, global: defaultGlobal(), m };
  let result: number = EXIT.OK;
  const program = buildProgram(m, session, ctx, (code) => (result = code));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return result;
  } catch (error) {
    return report(error, session, program, argv);
  }
}

function defaultGlobal(): GlobalOptions {
  return { dir: undefined, asOf: undefined, lang: undefined, color: undefined, ascii: false, debug: false, quiet: false };
}

function buildProgram(m: Messages, session: Session, ctx: Context, setResult: (code: number) => void): Command {
  const h = m.help;
  const program = new Command('tasks');
  program
    .description(h.program)
    .usage(h.usage)
    .version(h.version, '-V, --version', h.opt.version)
    .helpOption('-h, --help', h.opt.help)
    .helpCommand(h.helpCommand, h.opt.help)
    .option('-C, --dir <dir>', h.opt.dir)
    .option('--as-of <date>', h.opt.asOf)
    .addOption(new Option('--lang <lang>', h.opt.lang).choices(['zh', 'en']))
    .option('--color', h.opt.color)
    .option('--no-color', h.opt.noColor)
    .option('--ascii', h.opt.ascii)
    .option('-q, --quiet', h.opt.quiet)
    .option('--debug', h.opt.debug)
    .addHelpText('after', `\n${h.examples}\n\n${m.exitCodes}`)
    .configureHelp(helpConfig(m))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .showSuggestionAfterError(false)
    .argument('[command]')
    .action(async (command: string | undefined) => {
      if (command !== undefined) {
        const names = program.commands.map((c) => c.name());
        throw new UserError(m.errors.unknownCommand(command, nearest(command, names, 1)[0]));
      }
      setResult(await invoke('status', session, program, [], {}));
    });

  const action = (name: string) =>
    async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      const opts = cmd.opts();
      const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
      setResult(await invoke(name, session, program, positional, opts));
    };

  program.command('validate').description(h.cmd.validate)
    .argument('[paths...]', h.arg.paths)
    .option('--staged', h.opt.staged)
    .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
    .action(action('validate'));

  const importCmd = program.command('import').description(h.cmd.import);
  importCmd.command('notice').description(h.cmd.importNotice)
    .argument('<file>', h.arg.noticeFile)
    .option('--year <year>', h.opt.year)
    .option('--out <dir>', h.opt.out)
    .addOption(new Option('--split <mode>', h.opt.split).choices(['auto', 'sentence']).default('auto'))
    .option('--force', h.opt.force)
    .option('--dry-run', h.opt.dryRun)
    .action(action('import-notice'));
  importCmd.command('xlsx').description(h.cmd.importXlsx)
    .argument('<file>', h.arg.xlsxFile)
    .option('--sheet <name>', h.opt.sheet)
    .option('--map <name=field>', h.opt.map, (value: string, previous: string[] = []) => [...previous, value])
    .option('--year <year>', h.opt.year)
    .option('--out <dir>', h.opt.out)
    .option('--force', h.opt.force)
    .option('--dry-run', h.opt.dryRun)
    .action(action('import-xlsx'));

  const hook = program.command('hook').description(h.cmd.hook);
  hook.command('install').description(h.cmd.hookInstall).option('--force', h.opt.forceHook).action(action('hook-install'));

  const viewOptions = (cmd: Command, extra: { group?: boolean; sort?: boolean } = {}) => {
    cmd
      .option('--lead <name>', h.opt.lead)
      .option('--unit <name>', h.opt.unit)
      .option('--lead-unit <name>', h.opt.leadUnit)
      .option('--status <status>', h.opt.status)
      .option('--light <light>', h.opt.light)
      .option('--section <text>', h.opt.section)
      .option('--point <text>', h.opt.point)
      .option('--tag <tag>', h.opt.tag)
      .option('--deadline-before <date>', h.opt.deadlineBefore)
      .option('--deadline-after <date>', h.opt.deadlineAfter)
      .option('--search <text>', h.opt.search)
      .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json', 'csv', 'ids']).default('table'));
    if (extra.group) cmd.addOption(new Option('--group <by>', h.opt.group).choices(['lead', 'unit']));
    if (extra.sort) cmd.addOption(new Option('--sort <key>', h.opt.sort).choices(['deadline', 'id', 'lead', 'light']));
    return cmd;
  };

  viewOptions(program.command('overdue').description(h.cmd.overdue), { group: true })
    .option('--check', h.opt.check)
    .action(action('overdue'));
  viewOptions(program.command('due').description(h.cmd.due), { group: true })
    .option('--within <days>', h.opt.within)
    .action(action('due'));
  viewOptions(program.command('list').description(h.cmd.list), { sort: true }).action(action('list'));
  program.command('show').description(h.cmd.show)
    .argument('<id>', h.arg.id)
    .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
    .action(action('show'));
  viewOptions(program.command('summary').description(h.cmd.summary))
    .addOption(new Option('--by <by>', h.opt.by).choices(['lead', 'unit', 'section']).default('lead'))
    .action(action('summary'));

  const exportCmd = program.command('export').description(h.cmd.export);
  const exportOptions = (cmd: Command) =>
    viewOptions(cmd)
      .addOption(new Option('--by <by>', h.opt.exportBy).choices(['lead', 'unit']).default('lead'))
      .option('--out <dir>', h.opt.exportOut)
      .option('--include-empty', h.opt.includeEmpty);
  exportOptions(exportCmd.command('xlsx').description(h.cmd.exportXlsx)).action(async (opts: Record<string, unknown>) => {
    setResult(await invoke('export', session, program, ['xlsx'], opts));
  });
  exportOptions(exportCmd.command('csv').description(h.cmd.exportCsv))
    .option('--split', h.opt.split)
    .option('--encoding <encoding>', h.opt.encoding, 'utf-8')
    .action(async (opts: Record<string, unknown>) => {
      setResult(await invoke('export', session, program, ['csv'], opts));
    });

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const noCommit = (cmd: Command) => cmd.option('--no-commit', h.opt.noCommit);
  program.command('init').description(h.cmd.init)
    .argument('[dir]', h.arg.dir)
    .option('--year <year>', h.opt.year)
    .option('--title <title>', h.opt.planTitle)
    .option('--no-git', h.opt.noGit)
    .action(action('init'));
  noCommit(program.command('new').description(h.cmd.new))
    .option('--title <text>', h.opt.title)
    .option('--lead <name>', h.opt.newLead, collect)
    .option('--unit <name>', h.opt.newUnit, collect)
    .option('--deadline <date>', h.opt.deadline)
    .option('--point <text>', h.opt.newPoint)
    .option('--section <text>', h.opt.newSection)
    .option('--detail <text>', h.opt.detail)
    .option('--tag <tag>', h.opt.newTag, collect)
    .option('--start <date>', h.opt.start)
    .option('--id <id>', h.opt.id)
    .action(action('new'));
  noCommit(program.command('progress').description(h.cmd.progress))
    .argument('<id>', h.arg.id)
    .argument('<note>', h.arg.note)
    .option('--date <date>', h.opt.progressDate)
    .option('--percent <n>', h.opt.percent)
    .option('--by <unit>', h.opt.progressBy)
    .action(action('progress'));
  noCommit(program.command('done').description(h.cmd.done))
    .argument('<id>', h.arg.id)
    .option('--on <date>', h.opt.doneOn)
    .option('--note <text>', h.opt.doneNote)
    .action(action('done'));
  noCommit(program.command('reopen').description(h.cmd.reopen)).argument('<id>', h.arg.id).action(action('reopen'));
  noCommit(program.command('set').description(h.cmd.set))
    .argument('<id>', h.arg.id)
    .argument('<field>', h.arg.field)
    .argument('<value>', h.arg.value)
    .option('--reason <text>', h.opt.reason)
    .action(action('set'));
  noCommit(program.command('milestone').description(h.cmd.milestone))
    .argument('<id>', h.arg.id)
    .argument('<action>', h.arg.milestoneAction)
    .argument('<title>', h.arg.milestoneTitle)
    .option('--due <date>', h.opt.due)
    .option('--on <date>', h.opt.doneOn)
    .action(action('milestone'));
  noCommit(program.command('target').description(h.cmd.target))
    .argument('<id>', h.arg.id)
    .argument('<name>', h.arg.targetName)
    .option('--actual <n>', h.opt.actual)
    .action(action('target'));
  program.command('history').description(h.cmd.history)
    .argument('<id>', h.arg.id)
    .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
    .action(action('history'));
  program.command('log').description(h.cmd.log)
    .option('--since <date>', h.opt.since)
    .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
    .action(action('log'));
  program.command('undo').description(h.cmd.undo).action(action('undo'));

  for (const cmd of allCommands(program)) {
    cmd
      .helpOption('-h, --help', h.opt.help)
      .exitOverride()
      .configureHelp(helpConfig(m))
      .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: () => undefined, outputError: () => undefined })
      .showSuggestionAfterError(false);
    if (cmd.commands.length > 0) {
      cmd.action(() => {
        cmd.help();
      });
    }
  }
  return program;
}

/** Help in the catalog's language: Chinese headings, widths measured for Chinese, no English annotations. */
function helpConfig(m: Messages) {
  const titles: Record<string, string> = m.help.titles;
  return {
    displayWidth,
    showGlobalOptions: true,
    sortSubcommands: false,
    styleTitle: (title: string) => titles[title] ?? title,
    optionDescription: (option: Option) => option.description,
  };
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

async function invoke(name: string, session: Session, program: Command, args: string[], opts: Record<string, unknown>): Promise<number> {
  const g = program.opts();
  session.global = {
    dir: g.dir as string | undefined,
    asOf: g.asOf as string | undefined,
    lang: g.lang as Lang | undefined,
    color: g.color as boolean | undefined,
    ascii: g.ascii === true,
    debug: g.debug === true,
    quiet: g.quiet === true,
  };
  if (session.global.lang) session.m = messages(session.global.lang);
  const loader = COMMANDS[name];
  if (!loader) throw new Error(`no module for command ${name}`);
  const module = await loader();
  return module.run(session, args, opts);
}

function report(error: unknown, session: Session, program: Command, argv: readonly string[]): number {
  const { m, ctx } = session;
  const debug = session.global.debug || argv.includes('--debug');
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
    if (error.code === 'commander.executeSubCommandAsync') return EXIT.OK;
    ctx.stderr.write(`tasks: ${commanderMessage(error, m, program)}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof UserError) {
    ctx.stderr.write(`tasks: ${error.message}\n`);
    if (debug && error.cause) ctx.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const e = error as Error;
  ctx.stderr.write(debug ? `${e?.stack ?? String(error)}\n` : `tasks: ${e?.message ?? String(error)}\n`);
  ctx.stderr.write(`${m.errors.internal}\n`);
  return EXIT.INTERNAL;
}

/** commander's own messages are English; say the same thing from our catalog. */
function commanderMessage(error: CommanderError, m: Messages, program: Command): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const known = allCommands(program).flatMap((c) => c.options.map((o) => o.long ?? '')).concat(program.options.map((o) => o.long ?? ''));
      return m.errors.unknownOption(quoted, nearest(quoted, known.filter(Boolean), 1)[0]);
    }
    case 'commander.unknownCommand': {
      const names = allCommands(program).map((c) => c.name());
      return m.errors.unknownCommand(quoted, nearest(quoted, names, 1)[0]);
    }
    case 'commander.missingArgument':
      return m.errors.missingArgument(quoted);
    case 'commander.optionMissingArgument':
      return m.errors.optionMissingValue(quoted);
    case 'commander.excessArguments':
      return m.errors.tooManyArguments(quoted);
    case 'commander.invalidArgument': {
      const value = /argument '([^']*)'/.exec(error.message)?.[1] ?? '';
      const allowed = /Allowed choices are (.*)\./.exec(error.message)?.[1]?.split(', ') ?? [];
      return m.errors.invalidChoice(quoted, value, allowed);
    }
    default:
      return m.errors.usage(error.message.replace(/^error: /, ''));
  }
}
