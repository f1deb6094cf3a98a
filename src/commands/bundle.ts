// tasks bundle export [--since LAST] FILE and tasks bundle import FILE: the plan's changes on a USB
// stick, for networks no remote can be reached from (政务内网). An export holds the commits since
// the last exchange; an import is checked before anything changes, then merged like a sync.
import { parseDateInput } from '../core/dates.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { say } from '../cli/output.js';
import { afterReceiving, receivedCounts, reportStopped } from '../cli/sync.js';
import { exportBundle, receiveBundle, type Since } from '../store/bundle.js';
import type { Plan } from '../store/load.js';
import { configureDriver } from '../store/share.js';
import { commitsBetween, hasIdentity, integrate, mergeInProgress, mergeState, repoContext, uncommitted, withPlanLock, type RepoContext } from '../store/sync.js';
import { commitMessage } from '../store/trailers.js';

export interface BundleExportOptions {
  /** absolute path of the file to write */
  file: string;
  /** 'all', a date, or a commit; the last exchange when not given */
  since: string | undefined;
}

export interface BundleImportOptions {
  file: string;
}

function repoOf(plan: Plan, session: Session): RepoContext {
  const repo = repoContext(plan.root);
  if (!repo) throw new UserError(session.m.sync.noRepo, EXIT.USAGE);
  return repo;
}

function readSince(session: Session, value: string | undefined): Since {
  if (value === undefined) return { kind: 'last' };
  const text = value.trim();
  if (['all', '全部'].includes(text)) return { kind: 'all' };
  const date = parseDateInput(text, session.asOf);
  return date ? { kind: 'date', date } : { kind: 'rev', rev: text };
}

export async function runBundleExport(options: BundleExportOptions, plan: Plan, session: Session): Promise<number> {
  const { m } = session;
  const repo = repoOf(plan, session);
  const outcome = exportBundle(repo, options.file, readSince(session, options.since));
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'detached':
        throw new UserError(m.sync.detached, EXIT.USAGE);
      case 'bad_since':
        throw new UserError(m.bundle.badSince(options.since ?? ''));
      case 'nothing':
        say(session, m.bundle.nothingNew);
        return EXIT.OK;
      case 'write':
        throw new UserError(m.bundle.cannotWrite(options.file), EXIT.IO, { cause: new Error(outcome.detail) });
    }
  }
  say(session, m.bundle.exported(outcome.count, options.file, outcome.since));
  return EXIT.OK;
}

export async function runBundleImport(options: BundleImportOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io } = session;
  const repo = repoOf(plan, session);
  if (!hasIdentity(repo.root)) throw new UserError(m.sync.noIdentity, EXIT.USAGE);
  const lockOptions = { nowMs: () => io.now().getTime(), pid: io.pid, isAlive: io.isAlive ?? (() => true) };
  if (mergeInProgress(repo)) {
    const state = await mergeState(repo, m);
    return reportStopped(session, repo, { kind: 'stopped', ...state, commits: [], kept: [] }, true);
  }
  const dirty = uncommitted(repo);
  if (dirty.length > 0) throw new UserError(m.sync.dirty(dirty), EXIT.DATA);
  configureDriver(repo, io.self, m.syncHelp.cmd.mergeDriver);
  const received = receiveBundle(repo, options.file);
  if (!received.ok) {
    switch (received.reason) {
      case 'missing':
        throw new UserError(m.bundle.missing(options.file), EXIT.USAGE);
      case 'not_bundle':
        throw new UserError(m.bundle.notBundle(options.file), EXIT.DATA);
      case 'no_branch':
        throw new UserError(m.bundle.noBranch(options.file), EXIT.DATA);
      case 'other_plan':
        throw new UserError(m.bundle.otherPlan(options.file), EXIT.DATA);
      case 'base_missing':
        throw new UserError(m.bundle.baseMissing(options.file, received.missing), EXIT.DATA);
    }
  }
  const tip = received.tip;
  const result = await withPlanLock(repo, lockOptions, () =>
    integrate(repo, tip, { m, message: commitMessage(m.sync.mergeMessage(options.file, commitsBetween(repo, 'HEAD', tip).length), { command: 'bundle' }), ...lockOptions }),
  );
  switch (result.kind) {
    case 'up_to_date':
      say(session, m.bundle.nothingToImport(options.file));
      return EXIT.OK;
    case 'unrelated':
      throw new UserError(m.bundle.otherPlan(options.file), EXIT.DATA);
    case 'moved':
      throw new UserError(m.sync.moved, EXIT.IO);
    case 'stopped':
      return reportStopped(session, repo, result, false);
    default:
      say(session, m.sync.received(await receivedCounts(session, repo, result.commits, 'HEAD')));
      afterReceiving(session, repo, result.kept);
      return EXIT.OK;
  }
}
