// Files a clerk names on the command line (a notice, a workbook): read only when they are regular
// files of a sensible size, so that a device, a FIFO or a huge file can never hang a command.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { constants } from 'node:fs';

export type InputFailure = 'missing' | 'not_a_file' | 'too_large' | 'unreadable';

export class InputError extends Error {
  constructor(
    readonly kind: InputFailure,
    readonly path: string,
    readonly limit = 0,
  ) {
    super(`${kind}: ${path}`);
    this.name = 'InputError';
  }
}

/** The bytes of the file at `path`, refusing anything that is not a regular file of at most `limit` bytes. */
export function readInputFile(path: string, limit: number): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer before fstat can refuse it
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : code === 'EISDIR' ? 'not_a_file' : 'unreadable', path);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError('not_a_file', path);
    if (stats.size > limit) throw new InputError('too_large', path, limit);
    const buffer = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < stats.size) {
      const n = readSync(fd, buffer, offset, stats.size - offset, offset);
      if (n === 0) break;
      offset += n;
    }
    return buffer.subarray(0, offset);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('unreadable', path);
  } finally {
    closeSync(fd);
  }
}
