// The plan's own files read through one gate: only regular files of at most MAX_FILE_BYTES. A
// symlink in tasks/ to /dev/zero, a FIFO or a folder named like a task file becomes a problem at
// its path; it is never read.
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { problem, type Problem } from '../core/problems.js';
import { InputError, readInputFile, type SpecialKind } from './input.js';
import { MAX_FILE_BYTES } from './parse.js';

const AT_START = { line: 1, column: 1 };

/** Where a symlink points, for the message; undefined for anything else. */
function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/** The problem of a plan file that is not a regular file (`kind`), at `file` relative to `root`. */
function notRegular(root: string, file: string, kind: SpecialKind): Problem {
  return problem(file, AT_START, 'not_regular', { kind, target: linkTarget(join(root, file)) });
}

/** The problem of a plan file whose path could not even be looked at (a broken or looping symlink, no permission); `errno` is the system's code. */
export function readFailed(root: string, file: string, errno: string): Problem {
  return problem(file, AT_START, 'read_failed', { errno, target: linkTarget(join(root, file)) });
}

export type FileRead = { ok: true; bytes: Buffer } | { ok: false; problem: Problem };

/** The bytes of the plan file `file` (relative to `root`), or the problem that kept it from being read. */
export function readPlanFile(root: string, file: string, options: { statted?: boolean } = {}): FileRead {
  try {
    return { ok: true, bytes: readInputFile(join(root, file), MAX_FILE_BYTES, options) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    switch (error.kind) {
      case 'not_a_file':
        return { ok: false, problem: notRegular(root, file, error.detail as SpecialKind) };
      case 'too_large':
        return { ok: false, problem: problem(file, AT_START, 'too_large', { size: Number(error.detail), limit: MAX_FILE_BYTES }) };
      default:
        return { ok: false, problem: problem(file, AT_START, 'read_failed', { errno: error.detail || 'EIO', target: linkTarget(join(root, file)) }) };
    }
  }
}

/** A problem when the plan's tasks/ is there but is not a folder (it is a file, a device …). */
export function tasksFolderProblem(root: string): Problem | undefined {
  try {
    const kind = statSync(join(root, 'tasks')).isDirectory() ? undefined : 'file';
    return kind ? problem('tasks', AT_START, 'tasks_not_folder') : undefined;
  } catch {
    return undefined;
  }
}
