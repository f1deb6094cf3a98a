// The command line: parses argv (src/cli/program.ts), opens the plan and settles the language
// once, reads each command's options into typed values (src/cli/options.ts), runs the command's
// module (loaded only when it runs), and turns every failure into a message and an exit code.
import { isAbsolute, relative, resolve } from 'node:path';
import { CommanderError, type Command } from 'commander';
import { DEFAULT_CONFIG } from './core/config.js';
import { todayIn } from './core/dates.js';
import { nearest } from './core/suggest.js';
import type { Context, Flags, Output, Session } from './context.js';
import { EXIT, UserError } from './errors.js';
import { messages, type Lang, type Messages } from './i18n/index.js';
import { colorLevel } from './render/color-level.js';
import { sanitize, terminalSafe } from './render/text.js';
import { daysOption, groupOption, list, numberOption, percentOption, periodOption, readDate, readPastDate, sortOption, text, unitsOption, viewOptions, yearOption, type Raw } from './cli/options.js';
import { allCommands, buildProgram, commandNamed } from './cli/program.js';
import { ioFailure } from './store/io-error.js';
import type { LoadOptions, Plan } from './store/load.js';

export type { Context };

type Need = 'plan' | 'optional' | 'none';

interface Spec {
  /** whether the command works on a plan, may work without one, or makes one */
  need: Need;
  /** read the plans the settings list (`plans:`) too, as one roll-up with an office per task */
  rollup?: boolean;
  /**
   * a view over the plan's lights, which reads the plan and keeps little of its own: V8's young
   * generation may stay small for it (src/heap.ts). Reports and exports keep much more, and a small
   * young generation slowed them (a Word report at 10,000 tasks: 20% more CPU).
   */
  view?: boolean;
  /** which files to load, for commands that do not want the whole plan */
  load?: (args: string[], raw: Raw, root: string, io: Context, m: Messages) => Promise<LoadOptions>;
  run: (args: string[], raw: Raw, plan: Plan | undefined, session: Session, load: LoadOptions) => Promise<number>;
}

const commit = (raw: Raw) => ({ commit: raw.commit !== false });
const abs = (session: Session, path: unknown) => (typeof path === 'string' ? resolve(session.io.cwd, path) : undefined);
const need = (plan: Plan | undefined) => plan!;

const COMMANDS: Record<string, Spec> = {
  status: { need: 'plan', rollup: true, view: true, run: async (_a, _r, plan, s) => (await import('./commands/status.js')).runStatus({}, need(plan), s) },
  overdue: {
    need: 'plan', rollup: true, view: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/overdue.js')).runOverdue({ ...viewOptions(raw, need(plan), s), group: groupOption(raw), check: raw.check === true }, need(plan), s),
  },
  due: {
    need: 'plan',
    rollup: true,
    view: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/due.js')).runDue(
        { ...viewOptions(raw, need(plan), s), group: groupOption(raw), within: raw.within === undefined ? undefined : daysOption(s.m, '--within', raw.within, 0) },
        need(plan),
        s,
      ),
  },
  list: {
    need: 'plan', rollup: true, view: true,
    run: async (_a, raw, plan, s) => (await import('./commands/list.js')).runList({ ...viewOptions(raw, need(plan), s), sort: sortOption(raw) }, need(plan), s),
  },
  summary: {
    need: 'plan', rollup: true, view: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/summary.js')).runSummary({ ...viewOptions(raw, need(plan), s), by: (text(raw.group) ?? text(raw.by) ?? 'lead') as 'lead' | 'office' }, need(plan), s),
  },
  show: {
    need: 'plan', rollup: true,
    run: async ([id], raw, plan, s) => (await import('./commands/show.js')).runShow({ id: id ?? '', format: raw.format === 'json' ? 'json' : 'table' }, need(plan), s),
  },
  export: {
    need: 'plan', rollup: true,
    run: async ([kind], raw, plan, s) => {
      const encoding = (text(raw.encoding) ?? 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8');
      if (kind === 'csv' && encoding !== 'utf-8' && encoding !== 'gb18030') throw new UserError(s.m.exports.badEncoding(text(raw.encoding) ?? ''));
      const options = {
        ...viewOptions(raw, need(plan), s),
        kind: kind === 'csv' ? ('csv' as const) : ('xlsx' as const),
        by: raw.by === 'unit' ? ('unit' as const) : raw.by === 'office' ? ('office' as const) : ('lead' as const),
        out: abs(s, raw.out),
        includeEmpty: raw.includeEmpty === true,
        split: raw.split === true,
        encoding: encoding as 'utf-8' | 'gb18030',
      };
      return (await import('./commands/export.js')).runExport(options, need(plan), s);
    },
  },
  validate: {
    need: 'plan',
    load: async (paths, raw, root, io, m) => {
      const { pathSelection, stagedSelection } = await import('./store/select.js');
      if (raw.staged === true) return stagedSelection(root);
      if (paths.length === 0) return {};
      const selection = pathSelection(root, io.cwd, paths);
      if ('missing' in selection) throw new UserError(m.validate.noFiles(selection.missing));
      return selection;
    },
    run: async (_paths, raw, plan, s, load) =>
      (await import('./commands/validate.js')).runValidate({ format: raw.format === 'json' ? 'json' : 'table', only: load.only }, need(plan), s),
  },
  history: {
    need: 'plan',
    run: async ([id], raw, plan, s) => (await import('./commands/history.js')).runHistory({ id: id ?? '', format: raw.format === 'json' ? 'json' : 'table' }, need(plan), s),
  },
  log: {
    need: 'plan',
    run: async (_a, raw, plan, s) =>
      (await import('./commands/log.js')).runLog(
        { since: typeof raw.since === 'string' ? readDate(s.m, '--since', raw.since, s.today) : undefined, format: raw.format === 'json' ? 'json' : 'table' },
        need(plan),
        s,
      ),
  },
  undo: { need: 'plan', run: async (_a, _r, plan, s) => (await import('./commands/undo.js')).runUndo({}, need(plan), s) },
  sync: {
    need: 'plan',
    run: async ([remote], raw, plan, s) =>
      (await import('./commands/sync.js')).runSync({ remote: text(remote), abort: raw.abort === true, clerk: text(raw.clerk) }, need(plan), s),
  },
  resolve: {
    need: 'plan',
    run: async ([id, field, choice], _raw, plan, s) =>
      (await import('./commands/resolve.js')).runResolve({ id: id ?? '', field: field ?? '', choice: choice ?? '' }, need(plan), s),
  },
  'bundle-export': {
    need: 'plan',
    run: async ([file], raw, plan, s) =>
      (await import('./commands/bundle.js')).runBundleExport({ file: resolve(s.io.cwd, file ?? ''), since: text(raw.since) }, need(plan), s),
  },
  'bundle-import': {
    need: 'plan',
    run: async ([file], _raw, plan, s) => (await import('./commands/bundle.js')).runBundleImport({ file: resolve(s.io.cwd, file ?? '') }, need(plan), s),
  },
  'hook-server': {
    need: 'none',
    run: async ([dir], raw, _plan, s) => (await import('./commands/hook.js')).runHookServer({ dir: resolve(s.io.cwd, dir ?? '.'), force: raw.force === true }, undefined, s),
  },
  'merge-driver': {
    need: 'none',
    run: async ([base, ours, theirs, path], _raw, _plan, s) =>
      (await import('./commands/merge-driver.js')).runMergeDriver({ base: base ?? '', ours: ours ?? '', theirs: theirs ?? '', path: path ?? '' }, undefined, s),
  },
  'hook-install': { need: 'plan', run: async (_a, raw, plan, s) => (await import('./commands/hook.js')).runHookInstall({ force: raw.force === true }, need(plan), s) },
  init: {
    need: 'none',
    run: async ([dir], raw, _plan, s) =>
      (await import('./commands/init.js')).runInit(
        {
          dir: resolve(s.io.cwd, dir ?? text(raw.dir) ?? '.'),
          year: yearOption(s.m, '--year', raw.year),
          title: text(raw.title),
          git: raw.git !== false,
          leads: list(raw.leads),
          units: list(raw.units),
        },
        undefined,
        s,
      ),
  },
  'import-notice': {
    need: 'optional',
    run: async ([file], raw, plan, s) =>
      (await import('./commands/import-notice.js')).runImportNotice(
        {
          file: resolve(s.io.cwd, file ?? ''),
          year: yearOption(s.m, '--year', raw.year),
          out: abs(s, raw.out),
          split: raw.split === 'sentence' ? 'sentence' : 'auto',
          force: raw.force === true,
          dryRun: raw.dryRun === true,
          commit: raw.commit !== false,
        },
        plan,
        s,
      ),
  },
  'import-xlsx': {
    need: 'optional',
    run: async ([file], raw, plan, s) => {
      if (!file) throw new UserError(s.m.importXlsx.needFile);
      const options = {
        file: resolve(s.io.cwd, file),
        sheet: text(raw.sheet),
        map: list(raw.map),
        year: yearOption(s.m, '--year', raw.year),
        out: abs(s, raw.out),
        force: raw.force === true,
        dryRun: raw.dryRun === true,
        commit: raw.commit !== false,
      };
      return (await import('./commands/import-xlsx.js')).runImportXlsx(options, plan, s);
    },
  },
  new: {
    need: 'plan',
    run: async (_a, raw, plan, s) =>
      (await import('./commands/new.js')).runNew(
        {
          ...commit(raw),
          title: text(raw.title),
          lead: list(raw.lead),
          unit: list(raw.unit),
          deadline: text(raw.deadline),
          point: text(raw.point),
          section: text(raw.section),
          detail: text(raw.detail),
          tag: list(raw.tag),
          id: text(raw.id),
          start: typeof raw.start === 'string' ? readDate(s.m, '--start', raw.start, s.asOf) : undefined,
        },
        need(plan),
        s,
      ),
  },
  progress: {
    need: 'plan',
    run: async ([id, note], raw, plan, s) =>
      (await import('./commands/progress.js')).runProgress(
        {
          ...commit(raw),
          id: id ?? '',
          note: note ?? '',
          date: readPastDate(s, '--date', raw.date),
          percent: percentOption(s.m, raw.percent),
          by: text(raw.by),
          problems: text(raw.problems),
          next: text(raw.next),
          period: text(raw.period),
        },
        need(plan),
        s,
      ),
  },
  done: {
    need: 'plan',
    run: async ([id], raw, plan, s) =>
      (await import('./commands/done.js')).runDone(
        { ...commit(raw), id: id ?? '', on: raw.on === undefined ? undefined : readPastDate(s, '--on', raw.on), note: text(raw.note), force: raw.force === true },
        need(plan),
        s,
      ),
  },
  reject: {
    need: 'plan',
    run: async ([id], raw, plan, s) => (await import('./commands/reject.js')).runReject({ ...commit(raw), id: id ?? '', reason: text(raw.reason) }, need(plan), s),
  },
  'feedback-forms': {
    need: 'plan',
    run: async (_a, raw, plan, s) =>
      (await import('./commands/feedback-forms.js')).runFeedbackForms(
        { period: periodOption(s, raw.period, need(plan)), units: unitsOption(raw.unit, need(plan), s), out: abs(s, raw.out) },
        need(plan),
        s,
      ),
  },
  'feedback-import': {
    need: 'plan',
    run: async (files, raw, plan, s) =>
      (await import('./commands/feedback-import.js')).runFeedbackImport(
        { ...commit(raw), files: files.map((f) => resolve(s.io.cwd, f)), period: periodOption(s, raw.period, need(plan)), dryRun: raw.dryRun === true },
        need(plan),
        s,
      ),
  },
  'feedback-status': {
    need: 'plan', rollup: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/feedback-status.js')).runFeedbackStatus(
        { period: periodOption(s, raw.period, need(plan)), check: raw.check === true, format: raw.format === 'json' ? 'json' : 'table' },
        need(plan),
        s,
      ),
  },
  reopen: { need: 'plan', run: async ([id], raw, plan, s) => (await import('./commands/reopen.js')).runReopen({ ...commit(raw), id: id ?? '', reason: text(raw.reason) }, need(plan), s) },
  set: {
    need: 'plan',
    run: async ([id, field, value], raw, plan, s) =>
      (await import('./commands/set.js')).runSet(
        { ...commit(raw), id: id ?? '', field: field ?? '', value: value ?? '', reason: text(raw.reason), approved: readPastDate(s, '--date', raw.date) },
        need(plan),
        s,
      ),
  },
  milestone: {
    need: 'plan',
    run: async ([id, action, which], raw, plan, s) =>
      (await import('./commands/milestone.js')).runMilestone(
        { ...commit(raw), id: id ?? '', action: action ?? '', which: which ?? '', due: text(raw.due), on: action === 'done' ? readPastDate(s, '--on', raw.on) : s.asOf },
        need(plan),
        s,
      ),
  },
  report: {
    need: 'plan', rollup: true,
    run: async ([kindText], raw, plan, s) => {
      const { reportKind, reportPeriod } = await import('./cli/report-options.js');
      const kind = reportKind(s, kindText);
      const { period, asOf } = reportPeriod(s, need(plan), kind, text(raw.period));
      const format = (text(raw.format) ?? 'text') as 'text';
      return (await import('./commands/report.js')).runReport({ period, asOf, rank: raw.rank === true, format, out: abs(s, raw.out) }, need(plan), s);
    },
  },
  remind: {
    need: 'plan', rollup: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/remind.js')).runRemind(
        { by: raw.by === 'lead' ? 'lead' : 'unit', format: (text(raw.format) ?? 'text') as 'text', out: abs(s, raw.out), dryRun: raw.dryRun === true },
        need(plan),
        s,
      ),
  },
  assign: {
    need: 'plan',
    run: async (ids, raw, plan, s) =>
      (await import('./commands/assign.js')).runAssign(
        {
          ...commit(raw),
          ids,
          lead: list(raw.lead),
          unit: list(raw.unit),
          deadline: text(raw.deadline),
          from: abs(s, raw.from),
          sheet: text(raw.sheet),
          reason: text(raw.reason),
          approved: readPastDate(s, '--date', raw.date),
          dryRun: raw.dryRun === true,
        },
        need(plan),
        s,
      ),
  },
  dashboard: {
    need: 'plan', rollup: true, view: true,
    run: async (_a, raw, plan, s) =>
      (await import('./commands/dashboard.js')).runDashboard({ filter: viewOptions(raw, need(plan), s).filter, out: abs(s, raw.out) }, need(plan), s),
  },
  target: {
    need: 'plan',
    run: async ([id, action, ...args], raw, plan, s) =>
      (await import('./commands/target.js')).runTarget(
        {
          ...commit(raw),
          id: id ?? '',
          action: action ?? '',
          args,
          actual: typeof raw.actual === 'string' ? numberOption(s.m, raw.actual) : undefined,
          value: typeof raw.target === 'string' ? numberOption(s.m, raw.target) : undefined,
          unit: text(raw.unit),
          max: raw.max === true,
          date: readPastDate(s, '--date', raw.date),
          note: text(raw.note),
        },
        need(plan),
        s,
      ),
  },
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

interface State {
  m: Messages;
  debug: boolean;
  code: number;
  /** --color / --no-color once parsed */
  color: boolean | undefined;
}

/**
 * The streams every command writes to, behind the last guard before a terminal: stderr always,
 * stdout when it is a terminal (data piped to a file or program is left as it is).
 */
function guardStreams(ctx: Context, state: State): Context {
  const guard = (stream: Output, always: boolean): Output => ({
    ...stream,
    write: (text) => stream.write(always || stream.isTTY ? terminalSafe(text, colorLevel(stream.isTTY, ctx.env, state.color) > 0) : text),
  });
  return { ...ctx, stdout: guard(ctx.stdout, false), stderr: guard(ctx.stderr, true) };
}

export async function runCli(argv: readonly string[], ctx: Context): Promise<number> {
  const state: State = { m: messages(earlyLang(argv, ctx.env)), debug: argv.includes('--debug'), code: EXIT.OK, color: undefined };
  const io = guardStreams(ctx, state);
  const program: Command = buildProgram(
    state.m,
    io,
    async (name, args, raw) => {
      state.code = await dispatch(name, args, raw, program, io, state);
    },
    commandNamed(argv),
  );
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return state.code;
  } catch (error) {
    return report(error, state.m, state.debug, program, io);
  }
}

async function dispatch(name: string, args: string[], raw: Raw, program: Command, io: Context, state: State): Promise<number> {
  const g = program.opts();
  const flags: Flags = { color: g.color as boolean | undefined, ascii: g.ascii === true, debug: g.debug === true, quiet: g.quiet === true };
  state.debug ||= flags.debug;
  state.color = flags.color;
  const lang = g.lang as Lang | undefined;
  if (lang) state.m = messages(lang);
  const spec = COMMANDS[name];
  if (!spec) throw new Error(`no module for command ${name}`);

  let plan: Plan | undefined;
  let load: LoadOptions = {};
  if (spec.need !== 'none') {
    const { findPlanRoot } = await import('./store/load.js');
    const { openPlan } = await import('./store/plan.js');
    let root: string | undefined;
    try {
      root = findPlanRoot(io.cwd, g.dir as string | undefined, state.m);
    } catch (error) {
      if (spec.need === 'plan') throw error;
    }
    if (root !== undefined) {
      load = (await spec.load?.(args, raw, root, io, state.m)) ?? {};
      const opened = await openPlan(
        {
          cwd: io.cwd,
          dir: g.dir as string | undefined,
          lang,
          fallbackLang: earlyLang([], io.env),
          rollup: spec.rollup === true,
          load: { cache: io.env.TASKS_CACHE !== 'off', collectGarbage: io.collectGarbage, planSize: spec.view ? io.planSize : undefined, ...load },
        },
        state.m,
      );
      plan = opened.plan;
      state.m = opened.m;
    }
  }
  const today = todayIn(io.now(), plan?.config.timezone ?? DEFAULT_CONFIG.timezone);
  // 9月30日 in a plan of 2020 is 30 September 2020, whatever year it is now
  const asOf = typeof g.asOf === 'string' ? readDate(state.m, '--as-of', g.asOf, today, plan?.config.year) : today;
  return spec.run(args, raw, plan, { io, m: state.m, flags, today, asOf, asOfGiven: typeof g.asOf === 'string' }, load);
}

function report(error: unknown, m: Messages, debug: boolean, program: Command, io: Context): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
    if (error.code === 'commander.executeSubCommandAsync') return EXIT.OK;
    io.stderr.write(`tasks: ${sanitize(commanderMessage(error, m, program))}\n`);
    return EXIT.USAGE;
  }
  if (error instanceof UserError) {
    io.stderr.write(`tasks: ${sanitize(error.message)}\n`);
    if (debug && error.cause) io.stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const failure = ioFailure(error);
  if (failure) {
    const shown = (path: string) => {
      const rel = relative(io.cwd, path);
      return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
    };
    io.stderr.write(`tasks: ${sanitize(m.io.failed({ ...failure, path: failure.path && shown(failure.path), culprit: failure.culprit && shown(failure.culprit) }))}\n`);
    if (debug) io.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.IO;
  }
  const e = error as Error;
  io.stderr.write(debug ? `${e?.stack ?? String(error)}\n` : `tasks: ${sanitize(e?.message ?? String(error))}\n`);
  io.stderr.write(`${m.errors.internal}\n`);
  return EXIT.INTERNAL;
}

/**
 * The argument of a declared command that an unknown option names (`--note` for progress's
 * `<note>`, `--id` for `<id>`): what it is, from its description, and the command's usage.
 */
function argumentNamed(program: Command, option: string): { what: string; usage: string } | undefined {
  const name = option.replace(/^-+/, '').split('=')[0] ?? '';
  const pathOf = (c: Command): string => (c.parent?.parent ? `${pathOf(c.parent)} ${c.name()}` : c.name());
  for (const command of allCommands(program)) {
    const argument = command.registeredArguments.find((a) => a.name() === name);
    if (!argument) continue;
    // the description up to its first explanation: 字段：title、deadline… → 字段
    const what = argument.description.split(/[：:（(；;]/)[0]!.trim() || name;
    return { what, usage: `tasks ${pathOf(command)} ${command.usage()}` };
  }
  return undefined;
}

/** commander's own messages are English; say the same thing from our catalog. */
function commanderMessage(error: CommanderError, m: Messages, program: Command): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption': {
      const asArgument = argumentNamed(program, quoted);
      if (asArgument) return m.errors.argumentAsOption(quoted, asArgument.what, asArgument.usage);
      const known = allCommands(program).flatMap((c) => c.options.map((o) => o.long ?? '')).concat(program.options.map((o) => o.long ?? ''));
      // compared without their dashes, which would make every long option look close to every other
      const bare = (option: string) => option.replace(/^-+/, '');
      const match = nearest(bare(quoted), known.filter(Boolean).map(bare), 1)[0];
      return m.errors.unknownOption(quoted, match === undefined ? undefined : `--${match}`);
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
