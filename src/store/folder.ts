// Writing a whole folder so that a reader never sees it half done: every file goes into a hidden
// temp folder beside the target, which then replaces the target in one rename.
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { makeFolders, syncDirectory, writeFileAtomic } from './write.js';

export interface OutFile {
  name: string;
  data: Uint8Array;
}

const STALE_MS = 60 * 60 * 1000;

/** What stands at the target's place is not a folder (a file of the date's name): never replaced. */
export class NotAFolder extends Error {
  constructor(readonly path: string) {
    super(`not a folder: ${path}`);
    this.name = 'NotAFolder';
  }
}

/**
 * Replaces `parent/name` with a folder holding exactly `files`. On any failure the old folder is
 * left as it was and no temp folder remains. `nowMs` is used to remove temp folders that an
 * interrupted run left more than an hour ago.
 */
export function replaceFolder(parent: string, name: string, files: readonly OutFile[], nowMs: number): string {
  const target = join(parent, name);
  makeFolders(parent);
  if (existsSync(target) && !lstatSync(target).isDirectory()) throw new NotAFolder(target);
  removeStale(parent, name, nowMs);
  const id = randomBytes(4).toString('hex');
  const tmp = join(parent, `.${name}.tmp-${id}`);
  const old = join(parent, `.${name}.old-${id}`);
  mkdirSync(tmp);
  let movedOld = false;
  try {
    for (const file of files) {
      const path = resolve(tmp, file.name);
      // names are sanitised by the caller; this is the last guard against leaving the folder
      if (!path.startsWith(tmp + sep)) throw new Error(`unsafe file name: ${file.name}`);
      const fd = openSync(path, 'wx', 0o644);
      try {
        let offset = 0;
        while (offset < file.data.length) offset += writeSync(fd, file.data, offset, file.data.length - offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    syncDirectory(tmp);
    try {
      renameSync(target, old);
      movedOld = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    renameSync(tmp, target);
    syncDirectory(parent);
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (movedOld) {
      try {
        renameSync(old, target);
      } catch {
        // the old folder stays under its hidden name; nothing is lost
      }
    }
    throw error;
  }
  if (movedOld) rmSync(old, { recursive: true, force: true });
  return target;
}

function removeStale(parent: string, name: string, nowMs: number): void {
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(`.${name}.tmp-`) && !entry.startsWith(`.${name}.old-`)) continue;
    const path = join(parent, entry);
    try {
      if (nowMs - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another run may be removing it at the same moment
    }
  }
}

/** Writes `files` into `parent/name` (made if missing), each atomically, leaving other files there alone. */
export function writeIntoFolder(parent: string, name: string, files: readonly OutFile[]): string {
  const target = join(parent, name);
  makeFolders(target);
  for (const file of files) {
    const path = resolve(target, file.name);
    if (!path.startsWith(target + sep)) throw new Error(`unsafe file name: ${file.name}`);
    writeFileAtomic(path, file.data);
  }
  return target;
}
