// Random tags for the names of temp files and writers. node:crypto is loaded on the first one: it
// is one of the larger modules of node, and a view, which writes nothing, never needs it.
import { createRequire } from 'node:module';

let randomBytes: typeof import('node:crypto').randomBytes | undefined;

/** Eight random hex digits. */
export function randomTag(): string {
  randomBytes ??= (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).randomBytes;
  return randomBytes(4).toString('hex');
}
