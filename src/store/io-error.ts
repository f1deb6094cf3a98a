// The facts behind a failed file operation, for a sentence the clerk can act on: which system
// error, on which path, while reading or writing, and, when part of the path is a file where a
// folder should be (tasks/.locks as a file), which part.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface IoFailure {
  /** the system's error code: ENOSPC, EROFS, EACCES … */
  code: string;
  path: string | undefined;
  writing: boolean;
  /** the part of the path that is a file but should be a folder */
  culprit: string | undefined;
}

const READS = new Set(['read', 'scandir', 'stat', 'lstat', 'fstat', 'readlink', 'access', 'opendir', 'realpath']);

/** The first existing part of `path` (from the top) that is not a folder, if any. */
function fileInTheWay(path: string): string | undefined {
  const parts: string[] = [];
  for (let p = path; dirname(p) !== p; p = dirname(p)) parts.unshift(p);
  for (const p of parts) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The failure an error from the file system describes, or undefined for any other error. */
export function ioFailure(error: unknown): IoFailure | undefined {
  const e = error as NodeJS.ErrnoException;
  if (!(e instanceof Error) || typeof e.code !== 'string' || !/^E[A-Z0-9]+$/.test(e.code) || typeof e.syscall !== 'string') return undefined;
  const path = typeof e.path === 'string' ? e.path : undefined;
  const writing = !READS.has(e.syscall) || ['ENOSPC', 'EROFS', 'EDQUOT'].includes(e.code);
  const culprit = path && (e.code === 'ENOTDIR' || e.code === 'EEXIST') ? fileInTheWay(e.code === 'EEXIST' ? `${path}/x` : path) : undefined;
  return { code: e.code, path, writing, culprit };
}
