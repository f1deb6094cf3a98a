// Offline exchange on a USB stick: `git bundle` files of the plan's branch, each holding the
// commits since the last exchange. An import reads the file's header, checks that this plan has
// every commit the file builds on, fetches it into a side ref (git checks the pack's every object
// and checksum there), checks that it shares history with this plan, and only then merges it the
// way `tasks sync` does. Nothing of a bad file reaches the branch or the working folder.
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { git, gitText } from './git.js';
import { currentBranch, revision, type RepoContext } from './sync.js';
import { tempPathFor } from './write.js';

/** The tips of the last file written and the last file read: the other side has both. */
const SENT = 'refs/tasks/bundle/sent';
const RECEIVED = 'refs/tasks/bundle/received';
const INCOMING = 'refs/tasks/bundle/incoming';

interface BundleHeader {
  prerequisites: string[];
  refs: Array<{ oid: string; ref: string }>;
}

const HEADER_LIMIT = 64 * 1024;

/** The header of a bundle file (v2 or v3); undefined when the file is not one. */
function readHeader(file: string): BundleHeader | undefined {
  let text: string;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_LIMIT);
      const n = readSync(fd, buffer, 0, HEADER_LIMIT, 0);
      text = buffer.subarray(0, n).toString('latin1');
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const end = text.indexOf('\n\n');
  if (end < 0) return undefined;
  const [signature, ...lines] = text.slice(0, end).split('\n');
  if (signature !== '# v2 git bundle' && signature !== '# v3 git bundle') return undefined;
  const header: BundleHeader = { prerequisites: [], refs: [] };
  for (const line of lines) {
    if (line.startsWith('@')) continue;
    const m = /^(-?)([0-9a-f]{40,64})(?: (.*))?$/.exec(line);
    if (!m) return undefined;
    if (m[1]) header.prerequisites.push(m[2]!);
    else header.refs.push({ oid: m[2]!, ref: m[3] ?? '' });
  }
  return header.refs.length > 0 ? header : undefined;
}

export type Since = { kind: 'last' } | { kind: 'all' } | { kind: 'date'; date: string } | { kind: 'rev'; rev: string };

export type ExportOutcome =
  | { ok: true; count: number; since: string | undefined }
  | { ok: false; reason: 'detached' | 'nothing' | 'bad_since' }
  | { ok: false; reason: 'write'; detail: string };

/** Writes the branch's commits since `since` to `file`, through a temp file beside it. */
export function exportBundle(repo: RepoContext, file: string, since: Since): ExportOutcome {
  const branch = currentBranch(repo);
  const tip = revision(repo, 'HEAD');
  if (!branch || !tip) return { ok: false, reason: 'detached' };
  const exclude: string[] = [];
  let sinceText: string | undefined;
  if (since.kind === 'last') {
    for (const ref of [SENT, RECEIVED]) {
      const at = revision(repo, ref);
      if (at) exclude.push(`^${at}`);
    }
    // the date of the newest commit the other side already has
    if (exclude.length > 0) sinceText = gitText(['log', '-1', '--format=%cs', ...exclude.map((e) => e.slice(1))], repo.top);
  } else if (since.kind === 'rev') {
    const at = revision(repo, since.rev);
    if (!at) return { ok: false, reason: 'bad_since' };
    exclude.push(`^${at}`);
    sinceText = since.rev;
  } else if (since.kind === 'date') {
    exclude.push(`--since=${since.date}T00:00:00`);
    sinceText = since.date;
  }
  const count = Number(gitText(['rev-list', '--count', '--no-merges', tip, ...exclude], repo.top) ?? '0');
  const any = Number(gitText(['rev-list', '--count', tip, ...exclude], repo.top) ?? '0');
  if (any === 0) return { ok: false, reason: 'nothing' };
  const tmp = tempPathFor(file);
  // HEAD too, so that the first file can simply be cloned
  const created = git(['bundle', 'create', '--quiet', tmp, `refs/heads/${branch}`, 'HEAD', ...exclude], repo.top);
  try {
    if (!created.ok || !readHeader(tmp)) return { ok: false, reason: 'write', detail: created.stderr.trim() };
    renameSync(tmp, file);
  } catch (error) {
    return { ok: false, reason: 'write', detail: (error as Error).message };
  } finally {
    rmSync(tmp, { force: true });
  }
  git(['update-ref', SENT, tip], repo.top);
  return { ok: true, count, since: sinceText };
}

export type Received =
  | { ok: true; tip: string }
  | { ok: false; reason: 'missing' | 'not_bundle' | 'no_branch' | 'other_plan' }
  | { ok: false; reason: 'base_missing'; missing: number };

/**
 * Takes in a bundle file: checked, fetched into a side ref, checked against this plan's history.
 * The tip is then ready to merge; the side ref is removed on every failure.
 */
export function receiveBundle(repo: RepoContext, file: string): Received {
  if (!existsSync(file)) return { ok: false, reason: 'missing' };
  const header = readHeader(file);
  if (!header) return { ok: false, reason: 'not_bundle' };
  const missing = header.prerequisites.filter((oid) => !git(['cat-file', '-e', `${oid}^{commit}`], repo.top).ok);
  if (missing.length > 0) return { ok: false, reason: 'base_missing', missing: missing.length };
  const branch = currentBranch(repo);
  const heads = header.refs.filter((r) => r.ref.startsWith('refs/heads/'));
  const head = heads.find((r) => r.ref === `refs/heads/${branch}`) ?? heads[0] ?? header.refs.find((r) => r.ref === 'HEAD');
  if (!head) return { ok: false, reason: 'no_branch' };
  // git fetch skips the pack when it has the tip already: a truncated copy of a bundle taken in
  // before would pass as nothing new. verify checks the header and the base, unbundle the pack.
  if (!git(['bundle', 'verify', '--quiet', file], repo.top).ok || !git(['bundle', 'unbundle', file], repo.top).ok) return { ok: false, reason: 'not_bundle' };
  const fetched = git(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', file, `+${head.ref}:${INCOMING}`], repo.top);
  const tip = revision(repo, INCOMING);
  if (!fetched.ok || !tip) {
    git(['update-ref', '-d', INCOMING], repo.top);
    return { ok: false, reason: 'not_bundle' };
  }
  const ours = revision(repo, 'HEAD');
  if (ours && !gitText(['merge-base', ours, tip], repo.top)) {
    git(['update-ref', '-d', INCOMING], repo.top);
    return { ok: false, reason: 'other_plan' };
  }
  git(['update-ref', RECEIVED, tip], repo.top);
  git(['update-ref', '-d', INCOMING], repo.top);
  return { ok: true, tip };
}

