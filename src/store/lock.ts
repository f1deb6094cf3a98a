// Lock files for read-modify-write: created with O_EXCL, holding the owner's pid. A lock whose
// owner has died is taken over at once; one older than STALE_MS is taken over whoever holds it.
import { closeSync, existsSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeFolders, writeFileAtomic } from './write.js';

const STALE_MS = 120_000;
// a lock file this young may not hold its owner's pid yet (created, not yet written)
const BEING_WRITTEN_MS = 1_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export class LockTimeout extends Error {
  override name = 'LockTimeout';
}

export interface LockOptions {
  timeoutMs?: number;
  nowMs: () => number;
  pid: number;
  /** whether a process with this id is running (an owner that is gone leaves a lock to take over) */
  isAlive: (pid: number) => boolean;
}

/**
 * The folder for lock files, journals and temp files, created on first use with a .gitignore of
 * its own, so that `git status` never shows what an edit leaves there.
 */
export function ensureWorkFolder(dir: string): void {
  if (!existsSync(join(dir, '.gitignore'))) {
    makeFolders(dir);
    writeFileAtomic(join(dir, '.gitignore'), '# tasks: locks and temp files of edits in progress\n*\n');
  }
}

/** Whether the lock at `path` may be taken over: its owner is gone, or it is older than STALE_MS. */
function isStale(path: string, ino: number, mtimeMs: number, options: LockOptions): boolean {
  const age = options.nowMs() - mtimeMs;
  if (age > STALE_MS) return true;
  const pid = ownerOf(path);
  if (pid === undefined) return age > BEING_WRITTEN_MS;
  return !options.isAlive(pid) && statSync(path).ino === ino;
}

/**
 * Removes the stale lock at `path`, unless another process replaced it meanwhile: it is moved
 * aside first, and put back when what was moved is not the lock judged stale.
 */
function takeOver(path: string, ino: number): void {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return; // released or taken over by someone else meanwhile
  }
  if (statSync(aside).ino !== ino) {
    try {
      linkSync(aside, path);
    } catch {
      // a third process holds the lock now; the one moved aside had just been released anyway
    }
  }
  rmSync(aside, { force: true });
}

/** Takes the lock file at `path`, waiting up to `timeoutMs` while another process holds it. */
function takeLock(path: string, options: LockOptions): void {
  ensureWorkFolder(dirname(path));
  // time waited is counted here, not read from the clock, so that a clock standing still (or set back) cannot make a wait endless
  const timeout = options.timeoutMs ?? 30_000;
  let waited = 0;
  let wait = 5;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${options.pid}\n`);
      } catch (error) {
        // a lock without its owner's pid would hold others up: remove it, and say which file failed
        closeSync(fd);
        rmSync(path, { force: true });
        (error as NodeJS.ErrnoException).path ??= path;
        throw error;
      }
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let stale = false;
      let ino = 0;
      try {
        const stats = statSync(path);
        ino = stats.ino;
        stale = isStale(path, ino, stats.mtimeMs, options);
      } catch {
        continue; // released meanwhile
      }
      if (stale) {
        takeOver(path, ino);
        continue;
      }
      if (waited > timeout) throw new LockTimeout(path);
      const pause = wait + Math.floor(Math.random() * wait);
      sleepSync(pause);
      waited += pause;
      wait = Math.min(wait * 2, 100);
    }
  }
}

function releaseLock(path: string): void {
  rmSync(path, { force: true });
}

/** Runs `fn` while holding the locks at `paths`, taken in that order and released in reverse. */
export async function withLocks<T>(paths: readonly string[], options: LockOptions, fn: () => Promise<T>): Promise<T> {
  const taken: string[] = [];
  try {
    for (const path of paths) {
      takeLock(path, options);
      taken.push(path);
    }
    return await fn();
  } finally {
    for (const path of taken.reverse()) releaseLock(path);
  }
}
