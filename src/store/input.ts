// Files a clerk names on the command line (a notice, a workbook) and the plan's own files: read
// only when they are regular files of a sensible size, so that a device, a FIFO or a huge file
// can never hang a command or fill the memory.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';

export type InputFailure = 'missing' | 'not_a_file' | 'too_large' | 'unreadable';

/** What a path that is not a regular file is: a folder, a device, a FIFO, a socket. */
export type SpecialKind = 'directory' | 'device' | 'fifo' | 'socket' | 'other';

export class InputError extends Error {
  constructor(
    readonly kind: InputFailure,
    readonly path: string,
    readonly limit = 0,
    /** for not_a_file, what it is instead; for unreadable, the system's error code */
    readonly detail = '',
  ) {
    super(`${kind}: ${path}`);
    this.name = 'InputError';
  }
}

interface TypeStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}

/** What a non-regular file is, or undefined for a regular file. */
function specialKind(stats: TypeStats): SpecialKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'directory';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

function failure(path: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError('missing', path, 0, code);
  if (code === 'EISDIR') return new InputError('not_a_file', path, 0, 'directory');
  return new InputError('unreadable', path, 0, code);
}

/**
 * The bytes of the file at `path`, refusing anything that is not a regular file of at most
 * `limit` bytes. A device or FIFO is recognised before it is opened (and again once open, in case
 * it was swapped meanwhile); at most `limit` bytes are ever read, even from a file that grows.
 */
export function readInputFile(path: string, limit: number, { statted = false }: { statted?: boolean } = {}): Buffer {
  // `statted`: the caller has just found it a regular file (a task file's stamp); the check after
  // opening still catches one swapped since, and a plan of 100,000 files is spared as many calls
  if (!statted) {
    let kind: SpecialKind | undefined;
    try {
      kind = specialKind(statSync(path));
    } catch (error) {
      throw failure(path, error);
    }
    if (kind) throw new InputError('not_a_file', path, 0, kind);
  }
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO swapped in after the check must not wait for a writer before fstat refuses it
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw failure(path, error);
  }
  try {
    const stats = fstatSync(fd);
    const swapped = specialKind(stats);
    if (swapped) throw new InputError('not_a_file', path, 0, swapped);
    if (stats.size > limit) throw new InputError('too_large', path, limit, String(stats.size));
    // filled by the reads below; a file cut short meanwhile is returned only as far as it was read
    const buffer = Buffer.allocUnsafe(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      const n = readSync(fd, buffer, offset, stats.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw failure(path, error);
  } finally {
    closeSync(fd);
  }
}
