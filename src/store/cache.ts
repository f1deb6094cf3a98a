// The cache of parsed tasks behind the loader, so that a view of 100,000 tasks neither parses
// 100,000 YAML files nor deserialises 100,000 JSON objects: one file per plan, read in one go,
// holding the tasks packed (pack.ts), each file's stamp, and the folders' stamps and listing.
//
// An entry is trusted only while its file's size, mtime, ctime and inode are unchanged; like git's
// index, an entry whose file changed within two seconds before the cache was written is not
// trusted ("racy"), since a same-size edit in that window could keep the same timestamps. The
// listing of tasks/ is reused only while no folder in it has changed, by the same rule. Only
// files read without any problem are cached. A cache of another format, program version or
// schema, or one that is damaged, is ignored and rebuilt.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { SCHEMA_HASH, VERSION } from '../generated/build-info.js';
import type { Packed } from './pack.js';
import { tempPathFor } from './write.js';

export const CACHE_DIR = '.tasks-cache';
const CACHE_FILE = 'plan.bin';
/** Files of earlier formats, removed when the cache is written. */
const OLD_FILES = ['tasks.ndjson'];
const FORMAT = 2;
export const CACHE_KEY = `tasks cache ${FORMAT} ${VERSION} ${SCHEMA_HASH}\n`;
export const RACY_MS = 2000;

/** A file's stamp is STAMP numbers: size, mtime (ms), ctime (ms), inode. */
export const STAMP = 4;
/** Stamps of many files, possibly in memory shared with helper threads. */
export type Stamps = Float64Array<ArrayBufferLike>;

export function putStamp(stamps: Stamps, index: number, stats: Stats): void {
  const at = index * STAMP;
  stamps[at] = stats.size;
  stamps[at + 1] = stats.mtimeMs;
  stamps[at + 2] = stats.ctimeMs;
  stamps[at + 3] = stats.ino;
}

export function sameStamp(a: Stamps, i: number, b: Stamps, j: number): boolean {
  const x = i * STAMP;
  const y = j * STAMP;
  return a[x] === b[y] && a[x + 1] === b[y + 1] && a[x + 2] === b[y + 2] && a[x + 3] === b[y + 3];
}

/** True when the stamp at `index` may hide an edit made right after it was taken. */
export function isRacy(stamps: Stamps, index: number, writtenMs: number): boolean {
  const at = index * STAMP;
  return Math.max(stamps[at + 1]!, stamps[at + 2]!) >= writtenMs - RACY_MS;
}

export interface CacheData {
  /** folders under tasks/ (tasks/ first), with their stamps: the listing is reused while none changed */
  dirs: string[];
  dirStamps: Float64Array;
  /** sorted paths: every file the listing found under tasks/, and the cached files outside it */
  paths: string[];
  /** 1 where the path is part of the listing of tasks/ */
  listed: Uint8Array;
  stamps: Float64Array;
  /** the offset of the file's task in `packed`, or -1 when the file is not cached */
  offsets: Int32Array;
  packed: Packed;
  /** words of `packed` that no offset points into any more, to know when to pack afresh */
  garbage: number;
}

export interface ReadCache extends CacheData {
  /** when the cache was written (the file's mtime, in ms) */
  writtenMs: number;
}

export function cachePath(root: string): string {
  return join(root, CACHE_DIR, CACHE_FILE);
}

/** The cache, or undefined when there is none or it cannot be used. */
export function readCache(root: string): ReadCache | undefined {
  let fd: number;
  try {
    fd = openSync(cachePath(root), 'r');
  } catch {
    return undefined;
  }
  try {
    const stats = fstatSync(fd);
    const bytes = Buffer.allocUnsafeSlow(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const key = Buffer.from(CACHE_KEY);
    if (bytes.length < key.length + 4 || !bytes.subarray(0, key.length).equals(key)) return undefined;
    const payload = bytes.subarray(key.length + 4);
    if (bytes.readUInt32LE(key.length) !== crc32(payload)) return undefined;
    const data = fromStored(v8.deserialize(payload));
    return data && { ...data, writtenMs: stats.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache; any failure (a read-only plan, a full disk) just leaves the cache as it was. */
export function writeCache(root: string, data: CacheData): void {
  const dir = join(root, CACHE_DIR);
  const target = cachePath(root);
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    // the folder ignores itself, so that `git add .` in a plan without a .gitignore never adds it
    writeFileSync(join(dir, '.gitignore'), '*\n');
    tmp = tempPathFor(target);
    // No fsync, which costs more than the checksum: a cache lost in a crash is rebuilt, and a torn
    // one fails its checksum.
    const payload = v8.serialize(toStored(data));
    const check = Buffer.alloc(4);
    check.writeUInt32LE(crc32(payload));
    writeFileSync(tmp, Buffer.concat([Buffer.from(CACHE_KEY), check, payload]), { flag: 'wx', mode: 0o644 });
    renameSync(tmp, target);
    for (const old of OLD_FILES) rmSync(join(dir, old), { force: true });
  } catch {
    if (tmp) rmSync(tmp, { force: true });
  }
}

/** Forgets the cache (the next load reads every file). */
export function removeCache(root: string): void {
  rmSync(cachePath(root), { force: true });
}

// Stored form: the many strings as one text and their lengths, which V8 reads back with two
// copies instead of one allocation per string; paths joined by NUL, which no path can hold.
interface Stored {
  dirs: string;
  dirStamps: Float64Array;
  paths: string;
  listed: Uint8Array;
  stamps: Float64Array;
  offsets: Int32Array;
  text: string;
  lengths: Int32Array;
  shapes: string;
  words: Int32Array;
  numbers: Float64Array;
  garbage: number;
}

function toStored(data: CacheData): Stored {
  const { strings } = data.packed;
  const lengths = new Int32Array(strings.length);
  for (let i = 0; i < strings.length; i++) lengths[i] = strings[i]!.length;
  return {
    dirs: data.dirs.join('\u0000'),
    dirStamps: data.dirStamps,
    paths: data.paths.join('\u0000'),
    listed: data.listed,
    stamps: data.stamps,
    offsets: data.offsets,
    text: strings.join(''),
    lengths,
    shapes: JSON.stringify(data.packed.shapes),
    words: data.packed.words,
    numbers: data.packed.numbers,
    garbage: data.garbage,
  };
}

function fromStored(value: unknown): CacheData | undefined {
  const s = value as Stored;
  if (
    typeof s !== 'object' || s === null ||
    typeof s.dirs !== 'string' || typeof s.paths !== 'string' || typeof s.text !== 'string' || typeof s.shapes !== 'string' ||
    !(s.dirStamps instanceof Float64Array) || !(s.listed instanceof Uint8Array) || !(s.stamps instanceof Float64Array) ||
    !(s.offsets instanceof Int32Array) || !(s.lengths instanceof Int32Array) || !(s.words instanceof Int32Array) ||
    !(s.numbers instanceof Float64Array) || typeof s.garbage !== 'number'
  ) {
    return undefined;
  }
  const dirs = s.dirs === '' ? [] : s.dirs.split('\u0000');
  const paths = s.paths === '' ? [] : s.paths.split('\u0000');
  const n = paths.length;
  if (dirs.length * STAMP !== s.dirStamps.length || s.listed.length !== n || s.stamps.length !== n * STAMP || s.offsets.length !== n) return undefined;
  for (const offset of s.offsets) if (offset >= s.words.length) return undefined;
  const strings = new Array<string>(s.lengths.length);
  let at = 0;
  for (let i = 0; i < strings.length; i++) {
    const end = at + s.lengths[i]!;
    strings[i] = s.text.slice(at, end);
    at = end;
  }
  if (at !== s.text.length) return undefined;
  const shapes = JSON.parse(s.shapes) as unknown;
  if (!Array.isArray(shapes) || !shapes.every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === 'string'))) return undefined;
  return {
    dirs,
    dirStamps: s.dirStamps,
    paths,
    listed: s.listed,
    stamps: s.stamps,
    offsets: s.offsets,
    packed: { strings, shapes: shapes as string[][], words: s.words, numbers: s.numbers },
    garbage: s.garbage,
  };
}
