// tasks sync [REMOTE] [--abort] [--clerk CODE]: fetch the others' changes, merge them field by
// field, check the result, and send ours, in one command that leaves nothing half done: on a
// conflict that needs a person it stops in git's merge state and says what to do.
import { SERIES } from '../core/ids.js';
import type { Session } from '../context.js';
import { EXIT, UserError } from '../errors.js';
import { note, say } from '../cli/output.js';
import { afterReceiving, receivedCounts, reportStopped } from '../cli/sync.js';
import { planYear } from '../cli/options.js';
import type { Plan } from '../store/load.js';
import { configureDriver, seriesOwner, setSeries } from '../store/share.js';
import {
  abortMerge, addOrigin, checkOutgoing, remoteAddress, commitsBetween, currentBranch, fetchBranch, finishMerge, hasIdentity, incomingOfMerge, integrate,
  isAncestor, mergeInProgress, pushBranch, remoteNames, remoteUrl, repoContext, revision, uncommitted, upstreamOf, withPlanLock,
  type Integration, type RepoContext,
} from '../store/sync.js';
import type { Commit } from '../store/git.js';
import { commitMessage } from '../store/trailers.js';
import { formatProblem } from '../i18n/index.js';
import { fetchPlans } from '../store/rollup.js';

export interface SyncOptions {
  /** an address or a remote's name; the branch's upstream when not given */
  remote: string | undefined;
  abort: boolean;
  clerk: string | undefined;
}

const ATTEMPTS = 3;

export async function runSync(options: SyncOptions, plan: Plan, session: Session): Promise<number> {
  const { m, io } = session;
  const rollup = await syncPlans(session, plan);
  const repo = repoContext(plan.root);
  if (!repo) {
    if (rollup) return EXIT.OK;
    throw new UserError(m.sync.noRepo, EXIT.USAGE);
  }
  const lockOptions = { nowMs: () => io.now().getTime(), pid: io.pid, isAlive: io.isAlive ?? (() => true) };

  if (options.clerk !== undefined) setClerk(session, plan, repo, options.clerk);
  if (options.abort) {
    if (!mergeInProgress(repo)) {
      say(session, m.sync.nothingToAbort);
      return EXIT.OK;
    }
    await withPlanLock(repo, lockOptions, async () => void abortMerge(repo));
    say(session, m.sync.aborted);
    return EXIT.OK;
  }
  configureDriver(repo, io.self, m.syncHelp.cmd.mergeDriver);

  const branch = currentBranch(repo);
  if (!branch) throw new UserError(m.sync.detached, EXIT.USAGE);
  if (options.remote !== undefined && !remoteNames(repo).includes(options.remote)) {
    const existing = remoteUrl(repo, 'origin');
    const address = remoteAddress(options.remote, io.cwd);
    if (existing !== undefined && existing !== address) throw new UserError(m.sync.remoteExists(existing), EXIT.USAGE);
    if (existing === undefined) {
      addOrigin(repo, address);
      note(session, m.sync.addedRemote(address));
    }
  }
  const upstream = options.remote !== undefined && remoteNames(repo).includes(options.remote)
    ? { remote: options.remote, branch, configured: false }
    : upstreamOf(repo, branch);
  if (!upstream) {
    if (rollup || options.clerk !== undefined) return EXIT.OK;
    throw new UserError(m.sync.noRemote, EXIT.USAGE);
  }
  if (!hasIdentity(repo.root)) throw new UserError(m.sync.noIdentity, EXIT.USAGE);
  const { remote } = upstream;
  const from = `${remote}/${upstream.branch}`;

  const received: Commit[] = [];
  const kept: string[] = [];
  if (mergeInProgress(repo)) {
    // the last sync stopped for a person: finish it once everything is settled
    const incoming = incomingOfMerge(repo);
    const done = await withPlanLock(repo, lockOptions, () => finishMerge(repo, m));
    if (!done.ok) return reportStopped(session, repo, { kind: 'stopped', conflicts: done.conflicts, problems: done.problems, commits: incoming, kept: [] }, true);
    received.push(...incoming);
  } else {
    const dirty = uncommitted(repo);
    if (dirty.length > 0) throw new UserError(m.sync.dirty(dirty), EXIT.DATA);
  }

  for (let attempt = 1; ; attempt++) {
    const fetched = fetchBranch(repo, remote, upstream.branch);
    if (!fetched.ok) throw new UserError(m.sync.unreachable(remote, remoteUrl(repo, remote) ?? remote), EXIT.IO, { cause: new Error(fetched.detail) });
    if (fetched.tip) {
      const tip = fetched.tip;
      const result: Integration = await withPlanLock(repo, lockOptions, () =>
        integrate(repo, tip, { m, message: commitMessage(m.sync.mergeMessage(from, commitsBetween(repo, 'HEAD', tip).length), { command: 'sync' }), ...lockOptions }),
      );
      switch (result.kind) {
        case 'unrelated':
          throw new UserError(m.sync.unrelated(remote), EXIT.DATA);
        case 'moved':
          throw new UserError(m.sync.moved, EXIT.IO);
        case 'stopped':
          return reportStopped(session, repo, { ...result, commits: [...received, ...result.commits] }, false);
        case 'up_to_date':
          break;
        default:
          received.push(...result.commits);
          kept.push(...result.kept);
      }
    }
    const head = revision(repo, 'HEAD');
    const sent = head ? commitsBetween(repo, fetched.tip, head) : [];
    if (!head || (fetched.tip !== undefined && isAncestor(repo, head, fetched.tip))) {
      await report(session, repo, received, 0, kept);
      return EXIT.OK;
    }
    // a merge was checked already; commits sent as they are get the same check
    const invalid = await checkOutgoing(repo, fetched.tip, head, m);
    if (invalid.length > 0) {
      await report(session, repo, received, undefined, kept);
      note(session, m.sync.outgoingInvalid);
      for (const p of invalid) note(session, `  ${formatProblem(p, m)}`);
      note(session, m.sync.notSent);
      return EXIT.DATA;
    }
    const pushed = pushBranch(repo, remote, upstream.branch, !upstream.configured);
    if (pushed.ok) {
      await report(session, repo, received, sent.length, kept);
      return EXIT.OK;
    }
    if (pushed.reason === 'behind' && attempt < ATTEMPTS) continue;
    await report(session, repo, received, undefined, kept);
    if (pushed.reason === 'refused') {
      note(session, m.sync.refused(remote));
      for (const line of pushed.remoteLines) note(session, `  ${line}`);
      note(session, m.sync.notSent);
    } else note(session, m.sync.failed(remote));
    return EXIT.IO;
  }
}

/** Sets this computer's id series, refusing one another computer already uses. */
function setClerk(session: Session, plan: Plan, repo: RepoContext, value: string): void {
  const { m } = session;
  const code = value.trim().toUpperCase();
  if (!SERIES.test(code)) throw new UserError(m.clerk.bad(value));
  const year = planYear(session, plan);
  const owner = seriesOwner(repo, year, code, plan.tasks.map((t) => t.file));
  if (owner) throw new UserError(m.clerk.taken(code, owner));
  setSeries(repo, code);
  note(session, m.clerk.set(code, `${year}-${code}001`));
}

/** The summary line on stdout, then the notes on stderr. */
async function report(session: Session, repo: RepoContext, received: readonly Commit[], sent: number | undefined, kept: readonly string[]): Promise<void> {
  say(session, session.m.sync.summary(await receivedCounts(session, repo, received, 'HEAD'), sent));
  afterReceiving(session, repo, kept);
}

/** Fetches the plans a roll-up reads from remotes; says how each went. True when the plan is a roll-up. */
async function syncPlans(session: Session, plan: Plan): Promise<boolean> {
  if (!plan.config.plans?.some((p) => p.url)) return Boolean(plan.config.plans?.length);
  for (const outcome of await fetchPlans(plan.root, plan.config, session.m)) {
    if (outcome.ok) say(session, session.m.sync.plans(outcome.office, outcome.counts));
    else note(session, session.m.sync.planFailed(outcome.office, outcome.url));
  }
  return true;
}
