// Writing a whole folder so that a reader never sees it half done: every file goes into a hidden
// temp folder beside the target, which then replaces the target in one rename.
import { closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { makeFolders, syncDirectory, writeFileAtomic } from './write.js';
import { randomTag } from './random.js';

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

export interface Writer {
  nowMs: number;
  /** this process's id, in the temp folders' names */
  pid: number;
  isAlive: (pid: number) => boolean;
  /** called at each step, for the crash tests */
  checkpoint?: (step: string) => void;
}

/**
 * Replaces `parent/name` with a folder holding exactly `files`. On any failure the old folder is
 * left as it was and no temp folder remains. What a killed run left is settled first: its old
 * folder put back if the new one never took its place, its temp folders removed.
 */
export function replaceFolder(parent: string, name: string, files: readonly OutFile[], writer: Writer): string {
  const target = join(parent, name);
  makeFolders(parent);
  if (existsSync(target) && !lstatSync(target).isDirectory()) throw new NotAFolder(target);
  settleInterrupted(parent, name, writer);
  const id = `${writer.pid}-${randomTag()}`;
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
    writer.checkpoint?.('export-written');
    try {
      renameSync(target, old);
      movedOld = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    writer.checkpoint?.('export-old-aside');
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

/**
 * What an interrupted run left beside the target: a temp folder of a run no longer going (or over
 * an hour old) is removed; an old folder moved aside is put back when nothing took its place, and
 * removed when something did.
 */
function settleInterrupted(parent: string, name: string, writer: Writer): void {
  const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old)-(?:(\\d+)-)?[0-9a-f]{8}$`);
  for (const entry of readdirSync(parent)) {
    const m = leftover.exec(entry);
    if (!m) continue;
    const path = join(parent, entry);
    try {
      const pid = Number(m[2] ?? 0);
      const gone = (pid > 0 && pid !== writer.pid && !writer.isAlive(pid)) || writer.nowMs - statSync(path).mtimeMs > STALE_MS;
      if (!gone) continue;
      if (m[1] === 'old' && !existsSync(join(parent, name))) renameSync(path, join(parent, name));
      else rmSync(path, { recursive: true, force: true });
    } catch {
      // another run may be settling it at the same moment
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
