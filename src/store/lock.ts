// Lock files for read-modify-write: created with O_EXCL, holding the owner's pid. A lock whose
// owner is gone, or that is older than STALE_MS, is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const STALE_MS = 120_000;
// a lock whose owner has died is taken over once it is this old (a live edit holds it for well under a second)
const DEAD_OWNER_MS = 5_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function ownerAlive(path: string, isAlive: (pid: number) => boolean): boolean {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isAlive(pid);
  } catch {
    return false;
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

/** Takes the lock file at `path`, waiting up to `timeoutMs` while another process holds it. */
function takeLock(path: string, options: LockOptions): void {
  mkdirSync(dirname(path), { recursive: true });
  const deadline = options.nowMs() + (options.timeoutMs ?? 30_000);
  let wait = 5;
  for (;;) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, `${options.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let stale = false;
      try {
        const age = options.nowMs() - statSync(path).mtimeMs;
        stale = (age > DEAD_OWNER_MS && !ownerAlive(path, options.isAlive)) || age > STALE_MS;
      } catch {
        continue; // released meanwhile
      }
      if (stale) {
        rmSync(path, { force: true });
        continue;
      }
      if (options.nowMs() > deadline) throw new LockTimeout(path);
      sleep(wait + Math.floor(Math.random() * wait));
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
