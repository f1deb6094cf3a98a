// A cache of parsed and validated tasks behind the loader, so that a view of 10,000 tasks does not
// parse 10,000 YAML files each time. Each entry is trusted only while its file's size, mtime,
// ctime and inode are unchanged; like git's index, an entry whose file changed within two seconds
// before the cache was written is not trusted ("racy"), since a same-size edit in that window
// could keep the same timestamp. Only files that were read without any problem are cached.
//
// Format: .tasks-cache/tasks.ndjson, one JSON object per line, the first line a header with a key
// that changes with the schema and the program's version. Read and written in chunks, so memory
// stays near the size of the tasks themselves.
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync, type BigIntStats } from 'node:fs';
import { join } from 'node:path';
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import type { Task } from '../core/task.js';
import { tempPathFor } from './write.js';

const CACHE_DIR = '.tasks-cache';
const CACHE_FILE = 'tasks.ndjson';
const FORMAT = 1;
const RACY_NS = 2_000_000_000n;

export interface Stamp {
  size: number;
  mtime: string;
  ctime: string;
  ino: string;
}

export interface CacheEntry extends Stamp {
  task: Task;
}

export function stampOf(stats: BigIntStats): Stamp {
  return { size: Number(stats.size), mtime: String(stats.mtimeNs), ctime: String(stats.ctimeNs), ino: String(stats.ino) };
}

function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16);
}

const CACHE_KEY = `${FORMAT}:${hash(JSON.stringify(taskSchema))}`;

export interface Cache {
  entries: Map<string, CacheEntry>;
  /** mtime of the cache file, in ns: entries of files changed since shortly before it are not trusted */
  writtenNs: bigint;
}

export function readCache(root: string): Cache {
  const empty: Cache = { entries: new Map(), writtenNs: 0n };
  const path = join(root, CACHE_DIR, CACHE_FILE);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return empty;
  }
  try {
    const writtenNs = statSync(path, { bigint: true }).mtimeNs;
    const entries = new Map<string, CacheEntry>();
    let header = true;
    let rest = '';
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.alloc(4 * 1024 * 1024);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      const text = rest + decoder.decode(buffer.subarray(0, n), { stream: n > 0 });
      const lines = text.split('\n');
      rest = n > 0 ? (lines.pop() ?? '') : '';
      for (const line of lines) {
        if (line === '') continue;
        const record = JSON.parse(line) as { key?: string; file?: string } & Partial<CacheEntry>;
        if (header) {
          if (record.key !== CACHE_KEY) return empty;
          header = false;
          continue;
        }
        if (record.file !== undefined && record.task) {
          entries.set(record.file, { size: record.size!, mtime: record.mtime!, ctime: record.ctime!, ino: record.ino!, task: record.task });
        }
      }
      if (n === 0) break;
    }
    return { entries, writtenNs };
  } catch {
    return empty;
  } finally {
    closeSync(fd);
  }
}

/** The cached task for a file, if the file is unchanged and its entry is not racy. */
export function lookup(cache: Cache, file: string, stamp: Stamp): Task | undefined {
  const entry = cache.entries.get(file);
  if (!entry || entry.size !== stamp.size || entry.mtime !== stamp.mtime || entry.ctime !== stamp.ctime || entry.ino !== stamp.ino) return undefined;
  if (BigInt(entry.mtime) >= cache.writtenNs - RACY_NS) return undefined;
  return entry.task;
}

/** Writes the cache; any failure (a read-only plan, a full disk) just leaves the cache as it was. */
export function writeCache(root: string, entries: ReadonlyMap<string, CacheEntry>): void {
  const dir = join(root, CACHE_DIR);
  const target = join(dir, CACHE_FILE);
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    // the folder ignores itself, so that `git add .` in a plan without a .gitignore never adds it
    writeFileSync(join(dir, '.gitignore'), '*\n');
    tmp = tempPathFor(target);
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      let chunk = `${JSON.stringify({ key: CACHE_KEY })}\n`;
      for (const [file, entry] of entries) {
        chunk += `${JSON.stringify({ file, size: entry.size, mtime: entry.mtime, ctime: entry.ctime, ino: entry.ino, task: entry.task })}\n`;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch {
    if (tmp) rmSync(tmp, { force: true });
  }
}
