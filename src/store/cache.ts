// The cache of parsed tasks behind the loader, so that a view of 100,000 tasks neither parses
// 100,000 YAML files nor deserialises 100,000 JSON objects: one file per plan, read in one go,
// holding the tasks packed (pack.ts), each file's stamp, and the folders' stamps and listing.
//
// An entry is trusted only while its file's size, mtime, ctime and inode are unchanged; like git's
// index, an entry whose file changed within two seconds before the cache was written is not
// trusted ("racy"), since a same-size edit in that window could keep the same timestamps. The
// listing of tasks/ is reused only while no folder in it has changed, by the same rule. Only
// files read without any problem are cached. A cache of another format, program version or
// schema, or of the wrong shape (cut short, sections that do not add up), is ignored and rebuilt.
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync, writevSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_HASH, VERSION } from '../generated/build-info.js';
import type { Finding } from '../core/checks.js';
import { lightFactsFit } from '../core/light-facts.js';
import type { Packed, PackedInPieces } from './pack.js';

const CACHE_DIR = '.tasks-cache';
const CACHE_FILE = 'plan.bin';
/** Files of earlier formats, removed when the cache is written. */
const OLD_FILES = ['tasks.ndjson'];
const FORMAT = 6;
/** Numbers are stored in this machine's byte order; a cache is never shared between machines. */
const ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 'le' : 'be';
export const CACHE_KEY = `tasks cache ${FORMAT} ${VERSION} ${SCHEMA_HASH} ${ENDIAN}\n`;
const RACY_MS = 2000;

/**
 * A file's stamp is STAMP numbers: size, mtime (ms), ctime (ms), inode. The size of anything but a
 * regular file is stored as -2 - size (never -1, which the helper threads use for "not taken
 * yet"), so that a reader knows from the stamp alone whether the file was regular when stamped.
 */
export const STAMP = 4;
/** Stamps of many files, possibly in memory shared with helper threads. */
export type Stamps = Float64Array<ArrayBufferLike>;

/** The first number of a stamp: the size, marked when the file is not a regular one. */
export function stampSize(stats: Stats): number {
  return stats.isFile() ? stats.size : -2 - stats.size;
}

export function putStamp(stamps: Stamps, index: number, stats: Stats): void {
  const at = index * STAMP;
  stamps[at] = stampSize(stats);
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

interface CacheData {
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
  /** per path: where its task's light facts (core/light-facts.ts) start in `facts`, or -1 */
  factAt: Int32Array;
  facts: Int32Array;
  /** per path: its task's id, or '' */
  ids: string[];
  /** what each cached task alone was found to have (core/checks.ts taskChecker), for the roster `key` */
  checks: TaskChecks;
  /**
   * The bytes of `paths` and `ids` as the cache file held them, when these lists are the same as
   * that file's: writing them again then copies the bytes instead of encoding 100,000 names.
   */
  raw?: { paths?: Uint8Array | undefined; ids?: Uint8Array | undefined } | undefined;
}

/** What the cache is written from: the pack's words may be in pieces, written one after another. */
export type CacheToWrite = Omit<CacheData, 'packed'> & { packed: Packed | PackedInPieces };

interface TaskChecks {
  key: string;
  /** by index in `paths`; a cached task not in it had nothing found */
  found: ReadonlyMap<number, readonly Finding[]>;
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
    // a buffer of its own, at offset 0, so that the typed arrays can be views into it
    const bytes = Buffer.allocUnsafeSlow(stats.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const data = fromBytes(bytes);
    return data && { ...data, writtenMs: stats.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache; any failure (a read-only plan, a full disk) just leaves the cache as it was. */
export function writeCache(root: string, data: CacheToWrite): void {
  const dir = join(root, CACHE_DIR);
  const target = cachePath(root);
  let tmp: string | undefined;
  try {
    mkdirSync(dir, { recursive: true });
    // the folder ignores itself, so that `git add .` in a plan without a .gitignore never adds it
    writeFileSync(join(dir, '.gitignore'), '*\n');
    // a name of its own, which no other process writing at the same time can take ('wx' below)
    tmp = join(dir, `.${CACHE_FILE}.${Math.random().toString(36).slice(2)}.tmp`);
    // Written in full and synced before it replaces the old one, so that a crash leaves either
    // cache whole: a checksum instead would cost every read, the common case, rather than writes.
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      writePieces(fd, toPieces(data));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
    for (const old of OLD_FILES) rmSync(join(dir, old), { force: true });
  } catch {
    if (tmp) rmSync(tmp, { force: true });
  }
}

// The file: the key line, padded to 8 bytes; the byte length of each section; then the sections in this order, each padded to 8 bytes, so that every number array is
// read as a view into the file's bytes, without a copy. The tasks' text is UTF-16, copied as it is,
// as one text and the lengths of its strings; paths are UTF-8 (mostly ASCII, half the size) and
// joined by NUL, which no path can hold.
const SECTIONS = ['dirs', 'dirStamps', 'paths', 'listed', 'stamps', 'offsets', 'text', 'lengths', 'shapes', 'words', 'numbers', 'garbage', 'factAt', 'facts', 'ids', 'checks'] as const;
type Section = (typeof SECTIONS)[number];
const HEAD = align(Buffer.byteLength(CACHE_KEY));
const TABLE = align(4 * SECTIONS.length);

function align(n: number): number {
  return (n + 7) & ~7;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** The strings' text (UTF-16) and lengths, reusing the bytes of those the cache file held already. */
function encodeStrings({ strings, encoded }: Pick<Packed, 'strings' | 'encoded'>): { text: Buffer; lengths: Int32Array } {
  const from = encoded && encoded.count <= strings.length ? encoded.count : 0;
  const lengths = new Int32Array(strings.length);
  if (from > 0) lengths.set(encoded!.lengths.subarray(0, from));
  for (let i = from; i < strings.length; i++) lengths[i] = strings[i]!.length;
  const added = Buffer.from(strings.slice(from).join(''), 'utf16le');
  return { text: from > 0 ? Buffer.concat([encoded!.text, added]) : added, lengths };
}

/** The file as pieces in order: the sections are written from where they are, not copied into one buffer first. */
function toPieces(data: CacheToWrite): Uint8Array[] {
  const { text, lengths } = encodeStrings(data.packed);
  const words = data.packed.words;
  const sections: Record<Section, Uint8Array | Uint8Array[]> = {
    dirs: Buffer.from(data.dirs.join('\u0000'), 'utf8'),
    dirStamps: bytesOf(data.dirStamps),
    paths: data.raw?.paths ?? Buffer.from(data.paths.join('\u0000'), 'utf8'),
    listed: data.listed,
    stamps: bytesOf(data.stamps),
    offsets: bytesOf(data.offsets),
    text,
    lengths: bytesOf(lengths),
    shapes: Buffer.from(JSON.stringify(data.packed.shapes), 'utf16le'),
    words: Array.isArray(words) ? words.map(bytesOf) : bytesOf(words),
    numbers: bytesOf(data.packed.numbers),
    garbage: bytesOf(Float64Array.of(data.garbage)),
    factAt: bytesOf(data.factAt),
    facts: bytesOf(data.facts),
    ids: data.raw?.ids ?? Buffer.from(data.ids.join('\u0000'), 'utf8'),
    checks: Buffer.from(JSON.stringify({ key: data.checks.key, found: [...data.checks.found] }), 'utf8'),
  };
  const head = Buffer.alloc(HEAD + TABLE);
  head.write(CACHE_KEY, 0, 'latin1');
  const table = new Uint32Array(head.buffer, head.byteOffset + HEAD, SECTIONS.length);
  const pieces: Uint8Array[] = [head];
  SECTIONS.forEach((name, i) => {
    const parts = [sections[name]].flat();
    const length = parts.reduce((sum, part) => sum + part.length, 0);
    table[i] = length;
    pieces.push(...parts);
    if (align(length) > length) pieces.push(PADDING.subarray(0, align(length) - length));
  });
  return pieces;
}

const PADDING = new Uint8Array(8);

/** Writes every piece in order, however many bytes each call takes. */
function writePieces(fd: number, pieces: Uint8Array[]): void {
  let rest = pieces.filter((p) => p.length > 0);
  while (rest.length > 0) {
    let written = writevSync(fd, rest.slice(0, 1024));
    while (rest.length > 0 && written >= rest[0]!.length) {
      written -= rest[0]!.length;
      rest = rest.slice(1);
    }
    if (written > 0) rest[0] = rest[0]!.subarray(written);
  }
}

function fromBytes(bytes: Buffer): CacheData | undefined {
  if (bytes.length < HEAD + TABLE || bytes.toString('latin1', 0, Buffer.byteLength(CACHE_KEY)) !== CACHE_KEY || bytes.byteOffset !== 0) return undefined;
  const table = new Uint32Array(bytes.buffer, HEAD, SECTIONS.length);
  const sections = {} as Record<Section, { at: number; length: number }>;
  let at = HEAD + TABLE;
  SECTIONS.forEach((name, i) => {
    sections[name] = { at, length: table[i]! };
    at += align(table[i]!);
  });
  if (at !== bytes.length) return undefined;
  const text = (name: Section, encoding: 'utf8' | 'utf16le' = 'utf16le') => bytes.toString(encoding, sections[name].at, sections[name].at + sections[name].length);
  const view = <T>(Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, name: Section): T => {
    const { at: offset, length } = sections[name];
    if (length % Type.BYTES_PER_ELEMENT !== 0) throw new Error(`bad section ${name}`);
    return new Type(bytes.buffer as ArrayBuffer, offset, length / Type.BYTES_PER_ELEMENT);
  };
  const dirs = text('dirs', 'utf8');
  const paths = text('paths', 'utf8');
  const ids = text('ids', 'utf8');
  return checked({
    dirs: dirs === '' ? [] : dirs.split('\u0000'),
    dirStamps: view(Float64Array, 'dirStamps'),
    paths: paths === '' ? [] : paths.split('\u0000'),
    listed: view(Uint8Array, 'listed'),
    stamps: view(Float64Array, 'stamps'),
    offsets: view(Int32Array, 'offsets'),
    textBytes: bytes.subarray(sections.text.at, sections.text.at + sections.text.length),
    lengths: view(Int32Array, 'lengths'),
    shapes: JSON.parse(text('shapes')) as unknown,
    words: view(Int32Array, 'words'),
    numbers: view(Float64Array, 'numbers'),
    garbage: view(Float64Array, 'garbage')[0],
    factAt: view(Int32Array, 'factAt'),
    facts: view(Int32Array, 'facts'),
    ids: ids === '' ? [] : ids.split('\u0000'),
    checks: JSON.parse(text('checks', 'utf8')) as unknown,
    pathBytes: view(Uint8Array, 'paths'),
    idBytes: view(Uint8Array, 'ids'),
  });
}

function checked(s: {
  dirs: string[];
  dirStamps: Float64Array;
  paths: string[];
  listed: Uint8Array;
  stamps: Float64Array;
  offsets: Int32Array;
  textBytes: Buffer;
  lengths: Int32Array;
  shapes: unknown;
  words: Int32Array;
  numbers: Float64Array;
  garbage: number | undefined;
  factAt: Int32Array;
  facts: Int32Array;
  ids: string[];
  checks: unknown;
  pathBytes: Uint8Array;
  idBytes: Uint8Array;
}): CacheData | undefined {
  const n = s.paths.length;
  if (s.dirs.length * STAMP !== s.dirStamps.length || s.listed.length !== n || s.stamps.length !== n * STAMP || s.offsets.length !== n) return undefined;
  if (s.factAt.length !== n || (n > 0 && s.ids.length !== n)) return undefined;
  for (const at of s.factAt) if (at >= 0 && !lightFactsFit(s.facts, at)) return undefined;
  const checks = taskChecks(s.checks, n);
  if (!checks) return undefined;
  for (const offset of s.offsets) if (offset >= s.words.length) return undefined;
  if (!Array.isArray(s.shapes) || !s.shapes.every((keys) => Array.isArray(keys) && keys.every((k) => typeof k === 'string' && k !== '__proto__'))) {
    return undefined;
  }
  // the strings are made when first asked for (stringAt in pack.ts)
  let units = 0;
  for (let i = 0; i < s.lengths.length; i++) {
    if (s.lengths[i]! < 0) return undefined;
    units += s.lengths[i]!;
  }
  if (2 * units !== s.textBytes.length || s.garbage === undefined) return undefined;
  const strings = new Array<string | undefined>(s.lengths.length);
  return {
    dirs: s.dirs,
    dirStamps: s.dirStamps,
    paths: s.paths,
    listed: s.listed,
    stamps: s.stamps,
    offsets: s.offsets,
    packed: { strings, shapes: s.shapes as string[][], words: s.words, numbers: s.numbers, encoded: { text: s.textBytes, lengths: s.lengths, count: strings.length } },
    garbage: s.garbage,
    factAt: s.factAt,
    facts: s.facts,
    ids: n > 0 ? s.ids : [],
    checks,
    raw: { paths: s.pathBytes, ids: s.idBytes },
  };
}

function taskChecks(value: unknown, n: number): TaskChecks | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, found } = value as { key?: unknown; found?: unknown };
  if (typeof key !== 'string' || !Array.isArray(found)) return undefined;
  const map = new Map<number, readonly Finding[]>();
  for (const entry of found as unknown[]) {
    if (!Array.isArray(entry) || !Number.isInteger(entry[0]) || entry[0] < 0 || entry[0] >= n || !Array.isArray(entry[1])) return undefined;
    map.set(entry[0] as number, entry[1] as Finding[]);
  }
  return { key, found: map };
}
