// One output file (a report, a notice) written so that a reader never sees it half done.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic, type FileData } from './write.js';

/** Whether `path` names an existing folder. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Writes `data` to `target`, creating its folder; throws when it cannot be written, leaving nothing behind. */
export function writeOutFile(target: string, data: FileData): void {
  mkdirSync(dirname(target), { recursive: true });
  writeFileAtomic(target, data);
}
