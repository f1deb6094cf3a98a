import { join } from 'node:path';
// What commands write: views in the chosen format on stdout, problems and notes on stderr, with
// colour only where that stream is a terminal and the flags and environment allow it.
import { evaluate, judge, lightsOf, settingsOf, type Evaluated, type Lights } from '../core/evaluate.js';
import { countBySeverity } from '../core/problems.js';
import type { Session } from '../context.js';
import { EXIT, ioError, type UserError } from '../errors.js';
import { problemMessage } from '../i18n/index.js';
import { problemText } from '../render/problem.js';
import { colorLevel, painter, type Paint } from '../render/color.js';
import { sanitize, terminalSafe } from '../render/text.js';
import { jsonDocument, renderView, writeJson, type Format, type RenderEnv, type ViewRenderer } from '../render/view.js';
import { NotAFolder, replaceFolder, type OutFile } from '../store/folder.js';
import { ioFailure } from '../store/io-error.js';
import { LARGE_PLAN, type Plan } from '../store/load.js';

/** Colour functions for stdout, following --color/--no-color, NO_COLOR and the terminal. */
export function paintOut(session: Session): Paint {
  return painter(colorLevel(session.io.stdout.isTTY, session.io.env, session.flags.color));
}

function paintErr(session: Session): Paint {
  return painter(colorLevel(session.io.stderr.isTTY, session.io.env, session.flags.color));
}

/**
 * Width to fit tables into: the terminal's; when stdout is piped (tasks list | head) but stderr
 * still shows on the terminal, that terminal's; else COLUMNS, else 120.
 */
function tableWidth(session: Session): number {
  const fromEnv = Number(session.io.env.COLUMNS);
  return session.io.stdout.columns ?? session.io.stderr.columns ?? (Number.isInteger(fromEnv) && fromEnv > 20 ? fromEnv : 120);
}

export function renderEnv(session: Session, plan: Plan): RenderEnv {
  return {
    m: session.m,
    asOf: session.asOf,
    width: tableWidth(session),
    ascii: session.flags.ascii || plan.config.table_border === 'ascii',
    paint: paintOut(session),
    unreadable: plan.problems
      .filter((p) => p.severity === 'error')
      .map((p) => ({ file: p.file, line: p.line, column: p.column, message: problemMessage(p, session.m) })),
  };
}

/** Every task of the plan with its light as of the session's date. */
export function evaluatePlan(plan: Plan, session: Session, asOf = session.asOf): Evaluated[] {
  const configs = plan.officeConfigs;
  const evaluated = configs
    ? plan.tasks.map((t) => evaluate([t], asOf, settingsOf(configs.get(t.office ?? '') ?? plan.config))[0]!)
    : evaluate(plan.tasks, asOf, settingsOf(plan.config));
  if (evaluated.length >= LARGE_PLAN) session.io.collectGarbage?.();
  return evaluated;
}

/**
 * The plan's lights as of a date, for views that count them: judged from the tasks' light facts
 * when the loader has them for these very tasks, else from every task evaluated in full (a
 * roll-up judges each office's tasks by that office's settings).
 */
export function judgePlan(plan: Plan, session: Session, asOf = session.asOf): Lights {
  const facts = planFacts(plan);
  return facts ? judge(plan.tasks, facts, asOf, settingsOf(plan.config)) : lightsOf(evaluatePlan(plan, session, asOf));
}

/** The light facts of the plan's tasks, one entry per task, while they are the very tasks the loader gave and judged by one plan's settings. */
export function planFacts(plan: Plan): { facts: Int32Array; at: Int32Array } | undefined {
  const lights = plan.lights;
  return plan.officeConfigs || !lights || lights.tasks !== plan.tasks ? undefined : lights;
}

/** Characters of a long table written at a time. */
const PIECE = 1 << 16;

/**
 * Writes what `produce` makes in pieces of about PIECE characters, each passed through `finish`
 * on its own (terminalSafe for a terminal: the same bytes as of the whole text, as long as
 * `produce` parts its text between lines, where no sequence of ours is cut), without ever
 * holding the whole text.
 */
export function writeInPieces(
  out: (text: string) => void,
  produce: (write: (text: string) => void) => void,
  finish: (text: string) => string = (text) => text,
  options: { buffered?: boolean | undefined } = {},
): void {
  // an output that gathers writes itself takes each text as it comes: joining them first would only copy them once more
  if (options.buffered) return produce((text) => out(finish(text)));
  let pieces: string[] = [];
  let size = 0;
  const flush = () => {
    out(finish(pieces.join('')));
    pieces = [];
    size = 0;
  };
  produce((text) => {
    pieces.push(text);
    size += text.length;
    if (size >= PIECE) flush();
  });
  if (size > 0) flush();
}

/**
 * Writes a view in the chosen format, then the unreadable files on stderr. Returns the exit code:
 * 1 when some task files could not be read, else 0.
 */
export function emitView<R>(session: Session, plan: Plan, format: Format, view: ViewRenderer<R>, report: R): number {
  const env = renderEnv(session, plan);
  if (format === 'json') {
    // written as it is made: the JSON of 100,000 tasks is too large to make as one string
    writeJson(jsonDocument(view, report, env), (piece) => session.io.stdout.write(piece), { buffered: session.io.stdout.buffered });
  } else if (format === 'table' && view.tableTo) {
    const colour = env.paint.level > 0;
    const out = session.io.stdout;
    writeInPieces((text) => out.write(text), (write) => view.tableTo!(report, env, write), (text) => terminalSafe(text, colour), { buffered: out.buffered });
  } else {
    const text = renderView(format, view, report, env);
    // a table is for people even when piped (less -R, a mail): nothing in it may steer a terminal
    session.io.stdout.write(format === 'table' ? terminalSafe(text, env.paint.level > 0) : text);
  }
  return reportProblems(session, plan, { warnings: false }) > 0 ? EXIT.DATA : EXIT.OK;
}

/**
 * Lists the problems on stderr: errors always, warnings only when asked (views mention how many
 * there are instead). Says once when the config is missing. Returns the number of errors.
 */
export function reportProblems(session: Session, plan: Plan, options: { warnings: boolean; unreadableNote?: string }): number {
  const { m, io } = session;
  const err = paintErr(session);
  if (!plan.configFound && !session.flags.quiet) io.stderr.write(`${err.dim(m.config.missing)}\n`);
  for (const p of plan.problems) {
    if (p.severity === 'warning' && !options.warnings) continue;
    const [line, ...excerpt] = problemText(p, m).split('\n');
    io.stderr.write(`${[p.severity === 'error' ? err.red(line!) : err.yellow(line!), ...excerpt].join('\n')}\n`);
  }
  const { errors, warnings } = countBySeverity(plan.problems);
  if (!options.warnings && warnings > 0 && !session.flags.quiet) io.stderr.write(`${err.dim(m.views.warningsHidden(warnings))}\n`);
  if (!options.warnings && plan.unreadable.length > 0) io.stderr.write(`${err.red(options.unreadableNote ?? m.views.unreadable(plan.unreadable.length))}\n`);
  return errors;
}

/** Why a file operation failed, in the catalog's words (the system's code: ENOSPC → 磁盘已满). */
export function ioReason(session: Session, error: unknown): string {
  const failure = ioFailure(error);
  if (!failure) return (error as Error).message;
  return failure.culprit ? session.m.io.failed({ ...failure, path: failure.culprit }) : session.m.io.reason(failure.code);
}

/**
 * Replaces `parent/name` with a folder of exactly `files` (exports, forms, reminders), settling what
 * a killed run left; a failure is a sentence naming the folder, with exit code 4.
 */
export function replaceOutFolder(session: Session, parent: string, name: string, files: readonly OutFile[]): string {
  const { io } = session;
  try {
    return replaceFolder(parent, name, files, { nowMs: io.now().getTime(), pid: io.pid, isAlive: io.isAlive ?? (() => true), checkpoint: io.checkpoint });
  } catch (error) {
    throw outFolderError(session, error, join(parent, name));
  }
}

/** The error to throw when writing an output folder failed. */
export function outFolderError(session: Session, error: unknown, folder: string): UserError {
  if (error instanceof NotAFolder) return ioError(session.m.exports.fileInTheWay(error.path), error);
  return ioError(session.m.exports.cannotWrite(folder, ioReason(session, error)), error);
}

/** A confirmation on stdout, unless --quiet. */
export function say(session: Session, text: string): void {
  if (!session.flags.quiet) session.io.stdout.write(`${sanitize(text)}\n`);
}

/** A note on stderr (always: notes say something the clerk must know). */
export function note(session: Session, text: string): void {
  session.io.stderr.write(`${sanitize(text)}\n`);
}
