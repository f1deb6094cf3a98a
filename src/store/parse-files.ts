// Reading and parsing task files on the fast path, on this thread or on another (load-worker.ts):
// the tasks come back packed, which is both the cache's form and cheap to pass between threads.
import { problem, type Problem } from '../core/problems.js';
import { Packer, type Packed } from './pack.js';
import { decode, MAX_FILE_BYTES, parseFast } from './parse.js';
import { readPlanFile } from './regular.js';
import { validateTask } from './schema.js';

export interface ParsedFiles {
  packed: Packed;
  /** per file: the offset of its task in `packed`, or -1 */
  offsets: Int32Array;
  /** files that cannot be read as text, with their problems */
  problems: Array<{ index: number; problems: Problem[] }>;
  /** files whose text the fast path refused: diagnose.ts says why, or reads them after all */
  slow: Array<{ index: number; text: string }>;
}

const AT_START = { line: 1, column: 1 };

/**
 * Reads and parses files[from] to files[to - 1]; `sizes[i]` is the size files[i]'s stamp gave.
 * Indices in the result count from `from`.
 */
export function parseFiles(root: string, files: readonly string[], sizes: ArrayLike<number>, from = 0, to = files.length): ParsedFiles {
  const packer = new Packer();
  const offsets = new Int32Array(to - from).fill(-1);
  const problems: ParsedFiles['problems'] = [];
  const slow: ParsedFiles['slow'] = [];
  for (let i = from; i < to; i++) {
    const k = i - from;
    const file = files[i]!;
    const size = sizes[i]!;
    if (size > MAX_FILE_BYTES) {
      problems.push({ index: k, problems: [problem(file, AT_START, 'too_large', { size, limit: MAX_FILE_BYTES })] });
      continue;
    }
    // only a regular file is opened, and at most MAX_FILE_BYTES read: a FIFO or /dev/zero never hangs a load
    // a size of 0 or more: a regular file when its stamp was taken (cache.ts)
    const read = readPlanFile(root, file, { statted: size >= 0 });
    if (!read.ok) {
      problems.push({ index: k, problems: [read.problem] });
      continue;
    }
    const outcome = parseBytes(file, read.bytes, packer);
    if (typeof outcome === 'number') offsets[k] = outcome;
    else if ('text' in outcome) slow.push({ index: k, text: outcome.text });
    else problems.push({ index: k, problems: outcome.problems });
  }
  return { packed: packer.finish(), offsets, problems, slow };
}

/** One file's bytes: the offset of its task in the packer, or its problems, or its text for the slow path. */
function parseBytes(file: string, bytes: Uint8Array, packer: Packer): number | { problems: Problem[] } | { text: string } {
  const decoded = decode(file, bytes);
  if ('problems' in decoded) return decoded;
  const data = parseFast(decoded.text, validateTask);
  if (data === undefined) return { text: decoded.text };
  const offset = packer.add(data);
  return offset >= 0 ? offset : { text: decoded.text };
}

/**
 * Copies the strings parsed on this thread: the parser's strings are slices of each file's text
 * and would keep every text alive (a helper's results are copies already, made on the way here).
 */
export function detach(parsed: ParsedFiles): ParsedFiles {
  return { ...parsed, packed: { ...parsed.packed, strings: structuredClone(parsed.packed.strings) } };
}
