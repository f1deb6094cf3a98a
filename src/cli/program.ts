// The command line's shape: every command, argument and option, declared with commander, with
// help in the catalog's language. Parsing hands each command's name, arguments and raw options
// to `dispatch` (src/cli.ts), which opens the plan and reads the options into typed values.
import { EventEmitter } from 'node:events';
import { Command, Option } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { nearest } from '../core/suggest.js';
import { displayWidth } from '../render/text.js';

export type Dispatch = (name: string, args: string[], opts: Record<string, unknown>) => Promise<void>;

// An argument starting with a dash is an option only when it looks like one (-q, --as-of,
// --as-of=…); "- 完成招标" or "-5%" is text a clerk typed, not an unknown option.
const OPTION_SHAPED = /^--?[A-Za-z][\w-]*(?:=[\s\S]*)?$/;
const NEGATIVE_NUMBER = /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/;
// argv can never hold a NUL byte, so it marks such text safely while commander sorts the arguments
const TEXT_MARK = '\u0000';

const isText = (arg: string) => arg.length > 1 && arg.startsWith('-') && arg !== '--' && !OPTION_SHAPED.test(arg) && !NEGATIVE_NUMBER.test(arg);
const unmark = (arg: unknown) => (typeof arg === 'string' && arg.startsWith(TEXT_MARK) ? arg.slice(1) : arg);

class ClerkCommand extends Command {
  override createCommand(name?: string): Command {
    return new ClerkCommand(name);
  }

  override parseOptions(args: string[]): { operands: string[]; unknown: string[] } {
    const { operands, unknown } = super.parseOptions(args.map((a) => (isText(a) ? TEXT_MARK + a : a)));
    return { operands: operands.map((a) => unmark(a) as string), unknown: unknown.map((a) => unmark(a) as string) };
  }

  // commander hands option values over as events (a Command is an EventEmitter)
  emit(event: string | symbol, ...args: unknown[]): boolean {
    return EventEmitter.prototype.emit.call(this, event, ...args.map(unmark));
  }
}

// The program's own options, which may come before the command's name.
const GLOBAL_WITH_VALUE = new Set(['-C', '--dir', '--as-of', '--lang']);
const GLOBAL_FLAGS = new Set(['--color', '--no-color', '--ascii', '-q', '--quiet', '--debug']);
const GLOBAL_JOINED = /^--(?:dir|as-of|lang)=/;

/**
 * The command the arguments name: their first word that is neither one of the program's own
 * options nor its value. Empty when there is none, as for the greeting (`tasks`, `tasks --as-of
 * 2020-09-30`). Undefined when another option comes first (--help, --version, a short option with
 * its value joined) or an option lacks its value: the program then declares every command.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(arg)) {
      if (++i === argv.length) return undefined;
    } else if (!GLOBAL_FLAGS.has(arg) && !GLOBAL_JOINED.test(arg)) return arg.startsWith('-') ? undefined : arg;
  }
  return '';
}

/**
 * The program, its commands declared. `only`, the command the arguments name (commandNamed), when
 * given and known, is declared alone; none when it is empty (the greeting); else all are, for
 * help and suggestions.
 */
export function buildProgram(m: Messages, ctx: Context, dispatch: Dispatch, only?: string): Command {
  const h = m.help;
  const program = new ClerkCommand('tasks');
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
      await dispatch('status', [], {});
    });

  const action = (name: string) =>
    async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      const opts = cmd.opts();
      const positional = args.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
      await dispatch(name, positional, opts);
    };

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const filterOptions = (cmd: Command) =>
    cmd
      .option('--office <name>', h.opt.office, collect)
      .option('--lead <name>', h.opt.lead, collect)
      .option('--unit <name>', h.opt.unit, collect)
      .option('--lead-unit <name>', h.opt.leadUnit, collect)
      .option('--status <status>', h.opt.status, collect)
      .option('--light <light>', h.opt.light, collect)
      .option('--section <text>', h.opt.section, collect)
      .option('--point <text>', h.opt.point, collect)
      .option('--tag <tag>', h.opt.tag, collect)
      .option('--deadline-before <date>', h.opt.deadlineBefore)
      .option('--deadline-after <date>', h.opt.deadlineAfter)
      .option('--search <text>', h.opt.search, collect);
  const viewOptions = (cmd: Command, extra: { group?: boolean; sort?: boolean } = {}) => {
    filterOptions(cmd).addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json', 'csv', 'ids']).default('table'));
    if (extra.group) cmd.addOption(new Option('--group <by>', h.opt.group).choices(['lead', 'unit', 'office']));
    if (extra.sort) cmd.addOption(new Option('--sort <key>', h.opt.sort).choices(['deadline', 'id', 'lead', 'light']));
    return cmd;
  };
  const noCommit = (cmd: Command) => cmd.option('--no-commit', h.opt.noCommit);
  const exportOptions = (cmd: Command) =>
    viewOptions(cmd)
      .addOption(new Option('--by <by>', h.opt.exportBy).choices(['lead', 'unit', 'office']).default('lead'))
      .option('--out <dir>', h.opt.exportOut)
      .option('--include-empty', h.opt.includeEmpty);

  // Each top-level command and what it holds. Declaring all of them costs over 10 ms of every
  // start; a command line that names its command declares that one alone.
  const declare: Record<string, () => void> = {
    validate: () => {
      program.command('validate').description(h.cmd.validate)
        .argument('[paths...]', h.arg.paths)
        .option('--staged', h.opt.staged)
        .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
        .action(action('validate'));
    },
    import: () => {
      const importCmd = program.command('import').description(h.cmd.import);
      importCmd.command('notice').description(h.cmd.importNotice)
        .argument('<file>', h.arg.noticeFile)
        .option('--year <year>', h.opt.year)
        .option('--out <dir>', h.opt.out)
        .addOption(new Option('--split <mode>', h.opt.split).choices(['auto', 'sentence']).default('auto'))
        .option('--force', h.opt.force)
        .option('--dry-run', h.opt.dryRun)
        .option('--no-commit', h.opt.noCommit)
        .action(action('import-notice'));
      importCmd.command('xlsx').description(h.cmd.importXlsx)
        .argument('<file>', h.arg.xlsxFile)
        .option('--sheet <name>', h.opt.sheet)
        .option('--map <name=field>', h.opt.map, (value: string, previous: string[] = []) => [...previous, value])
        .option('--year <year>', h.opt.year)
        .option('--out <dir>', h.opt.out)
        .option('--force', h.opt.force)
        .option('--dry-run', h.opt.dryRun)
        .option('--no-commit', h.opt.noCommit)
        .action(action('import-xlsx'));
    },
    hook: () => {
      const sh = m.syncHelp;
      const hook = program.command('hook').description(h.cmd.hook);
      hook.command('install').description(h.cmd.hookInstall).option('--force', h.opt.forceHook).action(action('hook-install'));
      hook.command('server').description(sh.cmd.hookServer).argument('<repo>', sh.arg.hub).option('--force', h.opt.forceHook).action(action('hook-server'));
    },
    overdue: () => {
      viewOptions(program.command('overdue').description(h.cmd.overdue), { group: true })
        .option('--check', h.opt.check)
        .action(action('overdue'));
    },
    due: () => {
      viewOptions(program.command('due').description(h.cmd.due), { group: true })
        .option('--within <days>', h.opt.within)
        .action(action('due'));
    },
    list: () => {
      viewOptions(program.command('list').description(h.cmd.list), { sort: true }).action(action('list'));
    },
    show: () => {
      program.command('show').description(h.cmd.show)
        .argument('<id>', h.arg.id)
        .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
        .action(action('show'));
    },
    summary: () => {
      viewOptions(program.command('summary').description(h.cmd.summary))
        .addOption(new Option('--by <by>', h.opt.by).choices(['lead', 'unit', 'section', 'office']).default('lead'))
        // overdue and due group with --group: the same word works here, unlisted
        .addOption(new Option('--group <by>').choices(['lead', 'unit', 'section', 'office']).hideHelp())
        .action(action('summary'));
    },
    export: () => {
      const exportCmd = program.command('export').description(h.cmd.export);
      exportOptions(exportCmd.command('xlsx').description(h.cmd.exportXlsx)).action(async (opts: Record<string, unknown>) => {
        await dispatch('export', ['xlsx'], opts);
      });
      exportOptions(exportCmd.command('csv').description(h.cmd.exportCsv))
        .option('--split', h.opt.split)
        .option('--encoding <encoding>', h.opt.encoding, 'utf-8')
        .action(async (opts: Record<string, unknown>) => {
          await dispatch('export', ['csv'], opts);
        });
    },
    dashboard: () => {
      filterOptions(program.command('dashboard').description(m.dashboardHelp.cmd))
        .option('--out <file>', m.dashboardHelp.out)
        .action(action('dashboard'));
    },
    init: () => {
      program.command('init').description(h.cmd.init)
        .argument('[dir]', h.arg.dir)
        .option('--year <year>', h.opt.year)
        .option('--title <title>', h.opt.planTitle)
        .option('--leads <names>', h.opt.rosterLeads, collect)
        .option('--units <names>', h.opt.rosterUnits, collect)
        .option('--no-git', h.opt.noGit)
        .action(action('init'));
    },
    new: () => {
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
    },
    progress: () => {
      noCommit(program.command('progress').description(h.cmd.progress))
        .argument('<id>', h.arg.id)
        .argument('<note>', h.arg.note)
        .option('--date <date>', h.opt.progressDate)
        .option('--percent <n>', h.opt.percent)
        .option('--by <unit>', h.opt.progressBy)
        .option('--problems <text>', h.opt.problems)
        .option('--next <text>', h.opt.nextSteps)
        .option('--period <period>', h.opt.progressPeriod)
        .action(action('progress'));
    },
    done: () => {
      noCommit(program.command('done').description(h.cmd.done))
        .argument('<id>', h.arg.id)
        .option('--on <date>', h.opt.doneOn)
        .option('--note <text>', h.opt.doneNote)
        .option('--force', h.opt.forceDone)
        .action(action('done'));
    },
    reopen: () => {
      noCommit(program.command('reopen').description(h.cmd.reopen)).argument('<id>', h.arg.id).option('--reason <text>', h.opt.reopenReason).action(action('reopen'));
    },
    set: () => {
      noCommit(program.command('set').description(h.cmd.set))
        .argument('<id>', h.arg.id)
        .argument('<field>', h.arg.field)
        .argument('<value>', h.arg.value)
        .option('--reason <text>', h.opt.reason)
        .option('--date <date>', h.opt.approvedOn)
        .action(action('set'));
    },
    assign: () => {
      noCommit(program.command('assign').description(h.cmd.assign))
        .argument('[ids...]', h.arg.assignIds)
        .option('--from <file>', h.opt.assignFrom)
        .option('--sheet <name>', h.opt.sheet)
        .option('--lead <name>', h.opt.newLead, collect)
        .option('--unit <name>', h.opt.newUnit, collect)
        .option('--deadline <date>', h.opt.deadline)
        .option('--reason <text>', h.opt.reason)
        .option('--date <date>', h.opt.approvedOn)
        .option('--dry-run', h.opt.dryRun)
        .action(action('assign'));
    },
    milestone: () => {
      noCommit(program.command('milestone').description(h.cmd.milestone))
        .argument('<id>', h.arg.id)
        .argument('<action>', h.arg.milestoneAction)
        .argument('<title>', h.arg.milestoneTitle)
        .option('--due <date>', h.opt.due)
        .option('--on <date>', h.opt.doneOn)
        .action(action('milestone'));
    },
    target: () => {
      noCommit(program.command('target').description(h.cmd.target))
        .argument('<id>', h.arg.id)
        .argument('<action>', h.arg.targetAction)
        .argument('[names...]', h.arg.targetName)
        .option('--actual <n>', h.opt.actual)
        .option('--date <date>', h.opt.reportedOn)
        .option('--note <text>', h.opt.actualNote)
        .option('--target <n>', h.opt.targetValue)
        .option('--unit <unit>', h.opt.targetUnit)
        .option('--max', h.opt.targetMax)
        .action(action('target'));
    },
    feedback: () => {
      const fh = m.feedbackHelp;
      const feedbackCmd = program.command('feedback').description(fh.feedback);
      feedbackCmd.command('forms').description(fh.forms)
        .option('--period <period>', fh.period)
        .option('--unit <name>', fh.unit, collect)
        .option('--out <dir>', fh.out)
        .action(action('feedback-forms'));
      noCommit(feedbackCmd.command('import').description(fh.import))
        .argument('<files...>', fh.files)
        .option('--period <period>', fh.importPeriod)
        .option('--dry-run', fh.dryRun)
        .action(action('feedback-import'));
      feedbackCmd.command('status').description(fh.status)
        .option('--period <period>', fh.statusPeriod)
        .option('--check', fh.check)
        .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
        .action(action('feedback-status'));
    },
    reject: () => {
      const fh = m.feedbackHelp;
      noCommit(program.command('reject').description(fh.reject))
        .argument('<id>', h.arg.id)
        .option('--reason <text>', fh.reason)
        .action(action('reject'));
    },
    report: () => {
      program.command('report').description(h.cmd.report)
        .argument('<period>', h.arg.reportKind)
        .option('--period <period>', h.opt.reportPeriod)
        .option('--rank', h.opt.rank)
        .addOption(new Option('--format <format>', h.opt.reportFormat).choices(['text', 'md', 'json', 'xlsx', 'docx']).default('text'))
        .option('--out <path>', h.opt.reportOut)
        .action(action('report'));
    },
    remind: () => {
      noCommit(program.command('remind').description(h.cmd.remind))
        .addOption(new Option('--by <by>', h.opt.remindBy).choices(['unit', 'lead']).default('unit'))
        .addOption(new Option('--format <format>', h.opt.remindFormat).choices(['text', 'md', 'docx']).default('text'))
        .option('--out <dir>', h.opt.remindOut)
        .option('--dry-run', h.opt.dryRun2)
        .action(action('remind'));
    },
    history: () => {
      program.command('history').description(h.cmd.history)
        .argument('<id>', h.arg.id)
        .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
        .action(action('history'));
    },
    log: () => {
      program.command('log').description(h.cmd.log)
        .option('--since <date>', h.opt.since)
        .addOption(new Option('--format <format>', h.opt.format).choices(['table', 'json']).default('table'))
        .action(action('log'));
    },
    undo: () => {
      program.command('undo').description(h.cmd.undo).action(action('undo'));
    },
    sync: () => {
      const sh = m.syncHelp;
      program.command('sync').description(sh.cmd.sync)
        .argument('[remote]', sh.arg.remote)
        .option('--abort', sh.opt.abort)
        .option('--clerk <letters>', sh.opt.clerk)
        .action(action('sync'));
    },
    resolve: () => {
      const sh = m.syncHelp;
      program.command('resolve').description(sh.cmd.resolve)
        .argument('<id>', h.arg.id)
        .argument('<field>', sh.arg.field)
        .argument('<choice>', sh.arg.choice)
        .action(action('resolve'));
    },
    bundle: () => {
      const sh = m.syncHelp;
      const bundle = program.command('bundle').description(sh.cmd.bundle);
      bundle.command('export').description(sh.cmd.bundleExport)
        .argument('<file>', sh.arg.bundleFile)
        .option('--since <when>', sh.opt.since)
        .action(action('bundle-export'));
      bundle.command('import').description(sh.cmd.bundleImport).argument('<file>', sh.arg.bundleFile).action(action('bundle-import'));
    },
    'merge-driver': () => {
      const sh = m.syncHelp;
      program.command('merge-driver', { hidden: true }).description(sh.cmd.mergeDriver)
        .argument('<base>').argument('<ours>').argument('<theirs>').argument('<path>')
        .action(action('merge-driver'));
    },
  };
  // the greeting (no command named) needs none
  if (only !== '') for (const [name, declareIt] of Object.entries(declare)) if (only === undefined || !Object.hasOwn(declare, only) || name === only) declareIt();

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

export function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

