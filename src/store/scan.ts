// Finding the task files and taking their stamps: the part of every load that touches each file.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isRacy, putStamp, sameStamp, STAMP, stampSize, type Stamps } from './cache.js';

export const TASKS_DIR = 'tasks';
const YAML_FILE = /\.ya?ml$/i;

export interface Listing {
  /** every task file under tasks/, as sorted paths relative to the root, forward slashes */
  files: string[];
  /** the folders walked (tasks/ first) and their stamps, taken before each was read */
  dirs: string[];
  dirStamps: Float64Array;
}

export interface CachedListing extends Listing {
  writtenMs: number;
}

export function toPlanPath(root: string, full: string): string {
  return relative(root, full).split(sep).join('/');
}

/** Walks tasks/, ignoring dotfiles and temp files. */
export function walkTaskFiles(root: string): Listing {
  const files: string[] = [];
  const dirs: string[] = [];
  const stamps: number[] = [];
  // paths are built as they are found: path.relative() for each of 100,000 files costs more than the walk
  const walk = (dir: string, path: string) => {
    let entries;
    try {
      const stats = statSync(dir);
      entries = readdirSync(dir, { withFileTypes: true });
      dirs.push(path);
      stamps.push(stampSize(stats), stats.mtimeMs, stats.ctimeMs, stats.ino);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // tasks/ missing, or a file where the folder should be (loadTasks reports that)
      if (code === 'ENOENT' || (code === 'ENOTDIR' && path === TASKS_DIR)) return;
      throw error;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name.endsWith('.tmp')) continue;
      if (entry.isDirectory()) walk(join(dir, name), `${path}/${name}`);
      // FIFOs, devices and sockets named like task files are listed too, to be reported, never read
      else if (YAML_FILE.test(name)) files.push(`${path}/${name}`);
    }
  };
  walk(join(root, TASKS_DIR), TASKS_DIR);
  return { files: files.sort(), dirs, dirStamps: Float64Array.from(stamps) };
}

/**
 * The listing of tasks/: the cached one while no folder in it has changed since (a file added,
 * removed or renamed changes its folder's mtime), else a fresh walk.
 */
export function listWithCache(root: string, cached: CachedListing | undefined): Listing {
  if (!cached || cached.dirs.length === 0) return walkTaskFiles(root);
  const now = new Float64Array(STAMP);
  for (let i = 0; i < cached.dirs.length; i++) {
    try {
      putStamp(now, 0, statSync(join(root, cached.dirs[i]!)));
    } catch {
      return walkTaskFiles(root);
    }
    if (!sameStamp(now, 0, cached.dirStamps, i) || isRacy(cached.dirStamps, i, cached.writtenMs)) return walkTaskFiles(root);
  }
  return { files: cached.files, dirs: cached.dirs, dirStamps: cached.dirStamps };
}

/**
 * The full path of a plan's file, as path.join gives it: for a file the listing found (normalised,
 * under tasks/) by adding its name to the root's, since normalising 100,000 paths again took a
 * tenth of the stamps' time; a path that climbs out of the plan (../) still goes through join.
 */
function planFiles(root: string): (file: string) => string {
  const base = root.endsWith(sep) ? root : root + sep;
  return (file) => (file.startsWith('..') ? join(root, file) : base + file);
}

/** The stamps of `files` (NaN where a file cannot be stat'ed), and the error codes of those. */
export function stampFiles(
  root: string,
  files: readonly string[],
  from = 0,
  to = files.length,
  into: Stamps = new Float64Array(files.length * STAMP),
): { stamps: Stamps; errors: Map<number, string> } {
  const errors = new Map<number, string>();
  const full = planFiles(root);
  for (let i = from; i < to; i++) {
    try {
      putStamp(into, i, statSync(full(files[i]!)));
    } catch (error) {
      into.fill(Number.NaN, i * STAMP, (i + 1) * STAMP);
      // the system's code (ENOENT for a dangling symlink, ELOOP …): the message is worded from it
      errors.set(i, (error as NodeJS.ErrnoException).code ?? 'EIO');
    }
  }
  return { stamps: into, errors };
}
