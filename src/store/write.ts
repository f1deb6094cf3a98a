// Writes that a reader never sees half done: a temp file, fsync, rename into place, fsync of the
// folder. Temp files carry the writer's pid, so that those of a killed writer can be removed.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomTag } from './random.js';

const TEMP = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const STALE_TEMP_MS = 60 * 60 * 1000;

export interface TempPlace {
  /** the folder for the temp file (same file system as the target); the target's own by default */
  folder?: string;
  /** the writing process's id, so that a later run can tell a dead writer's temp files (0: unknown) */
  pid?: number;
}

/** Temp files start with a dot and end in .tmp, so the loader never reads them. */
export function tempPathFor(target: string, place: TempPlace = {}): string {
  return join(place.folder ?? dirname(target), `.${basename(target)}.${place.pid ?? 0}.${randomTag()}.tmp`);
}

/** What a file is written from: its text or bytes, or a writer that hands its text on in pieces. */
export type FileData = string | Uint8Array | ((emit: (piece: string) => void) => void);

function writeAll(path: string, data: FileData): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const put = (bytes: Uint8Array) => {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    };
    if (typeof data === 'function') data((piece) => put(Buffer.from(piece, 'utf8')));
    else put(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `target` with `data` in one rename. The temp file goes into `place.folder` when given
 * (it must be on the same file system; the target's own folder is used when it is not).
 */
export function writeFileAtomic(target: string, data: FileData, place: TempPlace = {}): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let tmp = tempPathFor(target, place);
  try {
    writeAll(tmp, bytes);
    try {
      renameSync(tmp, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      removeQuietly(tmp);
      tmp = tempPathFor(target, { pid: place.pid });
      writeAll(tmp, bytes);
      renameSync(tmp, target);
    }
  } catch (error) {
    removeQuietly(tmp);
    // the clerk knows the file, not our temp file beside it
    const e = error as NodeJS.ErrnoException;
    if (e.path === undefined || e.path === tmp) e.path = target;
    throw error;
  }
  syncDirectory(dirname(target));
}

/** Removes a temp file, if it can: cleaning up must never hide the error that made it necessary. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the folder itself is the problem (not a folder, read-only): the original error says so
  }
}

/** Removes the temp files in `folder` whose writer is no longer running, or that are over an hour old. */
export function removeStaleTemps(folder: string, isAlive: (pid: number) => boolean, nowMs: number): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const path = join(folder, name);
    try {
      const pid = Number(m[1]);
      if ((pid > 0 && !isAlive(pid)) || nowMs - statSync(path).mtimeMs > STALE_TEMP_MS) rmSync(path, { force: true });
    } catch {
      // removed by another process meanwhile
    }
  }
}

export function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // not supported everywhere (e.g. some network file systems); the rename has happened
  }
}

/**
 * Creates `dir` and any missing folders above it, one at a time: Node's recursive mkdir reports a
 * read-only file system as "no such file" (ENOENT), which would send the clerk looking for a typo.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let p = resolve(dir); !existsSync(p); p = dirname(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
