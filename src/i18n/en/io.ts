// File system and git failures: every system error code said as a sentence to act on.
import type { io as zh } from '../zh/io.js';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name exists',
  ELOOP: 'symbolic links go round in a circle',
  ENAMETOOLONG: 'the name or path is too long',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'the file is in use by another program',
  ETXTBSY: 'the file is in use by another program',
  EIO: 'input/output error (the disk or network storage may be failing)',
  EXDEV: 'cannot move across disks',
};

const FIXES: Record<string, string> = {
  ENOSPC: 'free some disk space and try again',
  EDQUOT: 'free some space or ask for a larger quota, then try again',
  EROFS: 'check how the disk is mounted (read-only?), or use a writable folder',
  EACCES: 'check the owner and permissions of the file and folder (ls -l), or run as a user who may write there',
  EPERM: 'check the owner and permissions of the file and folder (ls -l), or run as a user who may write there',
  ENOENT: 'check the path',
  ENAMETOOLONG: 'use a shorter path',
  EMFILE: 'close some programs and try again',
  ENFILE: 'close some programs and try again',
  EBUSY: 'close the program using it (Excel, say) and try again',
  ETXTBSY: 'close the program using it and try again',
  EIO: 'check the disk and try again',
};

const KINDS: Record<string, string> = { directory: 'a folder', device: 'a device', fifo: 'a FIFO (named pipe)', socket: 'a socket', other: 'a special file' };

export const io: ReturnType<typeof zh> = {
  io: {
    reason: (code) => REASONS[code] ?? `system error ${code}`,
    kind: (kind) => KINDS[kind] ?? KINDS.other!,
    failed: ({ code, path, writing, culprit }) => {
      if (culprit !== undefined) return `${culprit} should be a folder but is a file${culprit === path ? '' : `, so ${path} cannot be ${writing ? 'written' : 'read'}`}; delete or rename ${culprit} and try again`;
      const what = `cannot ${writing ? 'write' : 'read'}${path === undefined ? '' : ` ${path}`}`;
      const fix = FIXES[code];
      return `${what}: ${REASONS[code] ?? `system error ${code}`}${writing ? '; nothing was changed' : ''}${fix ? `; ${fix}` : ''}`;
    },
  },
};
