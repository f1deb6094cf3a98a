// Reading every task file of a plan, through the cache: stamp each file (on helper threads for a
// large plan, while this thread unpacks the cache), keep the cached task of each unchanged file,
// read and parse the rest (on helper threads too, when there are many), and write the cache again
// when anything differed.
import type { Problem } from '../core/problems.js';
import type { Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { isRacy, readCache, sameStamp, STAMP, writeCache, type CacheData, type ReadCache, type Stamps } from './cache.js';
import { endOf, Packer, Unpacker, type Packed } from './pack.js';
import { detach, parseFiles, type ParsedFiles } from './parse-files.js';
import { decode, parseFast } from './parse.js';
import { readFailed } from './regular.js';
import { listWithCache, stampFiles, walkTaskFiles, type CachedListing, type Listing } from './scan.js';
import { validateTask } from './schema.js';
import type { Helpers } from './workers.js';

export interface ReadOptions {
  cache: boolean;
  /** file contents to use instead of the working tree (they are not cached) */
  sources?: ReadonlyMap<string, Uint8Array> | undefined;
  /** read only `sources`, none of the working tree (a merge judging the merged files) */
  onlySources?: boolean | undefined;
  /** more files to read, outside tasks/ */
  extra?: readonly string[] | undefined;
  /** use helper threads from this many files up */
  parallelFrom: number;
}

export interface TasksRead {
  /** every file looked at, sorted */
  files: string[];
  /** per file: its task, or the problems that kept it from being read */
  outcomes: Array<{ task: Task } | { problems: Problem[] }>;
  /** how many files were read from disk rather than from the cache */
  parsed: number;
}

const STAMP_FACTOR = 10;
const RACY_REWRITE = 64;

/** The modules that explain problems; loaded only when some file has one. */
export async function diagnostics() {
  const [d, sp] = await Promise.all([import('./diagnose.js'), import('./schema-problems.js')]);
  return { ...d, schemaProblems: sp.schemaProblems };
}

export async function readTasks(root: string, m: Messages, options: ReadOptions): Promise<TasksRead> {
  const cache = options.cache ? readCache(root) : undefined;
  const cachedListing = cache && listingOf(cache);
  const listing = options.onlySources ? { files: [], dirs: [], dirStamps: new Float64Array(0) } : options.cache ? listWithCache(root, cachedListing) : walkTaskFiles(root);
  const files = withExtraFiles(listing.files, options);
  // Stamps are cheap (a few µs a file): helpers pay off only for many more files than parsing does.
  let helpers = files.length >= options.parallelFrom * STAMP_FACTOR ? await startHelpers() : undefined;
  try {
    const stamping = helpers?.stamp(root, files);
    const match = cache && matchPaths(files, cache.paths);
    // Unpacked before the stamps are known (on a large plan, while the helpers take them): almost
    // every cached task will be used.
    const candidates = cache && match && unpackCached(cache, match);
    const { stamps, errors } = stamping ? await stamping.finish() : stampFiles(root, files);

    const n = files.length;
    const tasks = new Array<Task | undefined>(n);
    const problemsOf = new Array<Problem[] | undefined>(n);
    const fromCache = new Int32Array(n).fill(-1);
    const toParse: number[] = [];
    const knownBad: number[] = [];
    let stale = 0;
    let racyCount = 0;
    const slow: Array<{ index: number; text: string }> = [];
    for (let i = 0; i < n; i++) {
      const file = files[i]!;
      const staged = options.sources?.get(file);
      if (staged) {
        const decoded = decode(file, staged);
        if ('problems' in decoded) problemsOf[i] = decoded.problems;
        else {
          const data = parseFast(decoded.text, validateTask);
          if (data === undefined) slow.push({ index: i, text: decoded.text });
          else tasks[i] = data as Task;
        }
        continue;
      }
      const error = errors.get(i);
      if (error !== undefined) {
        problemsOf[i] = [readFailed(root, file, error)];
        continue;
      }
      const j = match?.[i] ?? -1;
      const same = cache !== undefined && j >= 0 && sameStamp(stamps, i, cache.stamps, j);
      const racy = same && isRacy(cache.stamps, j, cache.writtenMs);
      const candidate = candidates?.[i];
      if (same && !racy && candidate) {
        tasks[i] = candidate;
        fromCache[i] = cache.offsets[j]!;
        continue;
      }
      toParse.push(i);
      // A file known to have problems is read again for them, and a racy one in case it changed
      // unseen; neither needs a new cache, unless racy ones are many (after a checkout): only a
      // cache written later can come to trust them.
      if (same && !racy && cache.offsets[j]! < 0) knownBad.push(i);
      else if (racy && candidate) racyCount++;
      else stale++;
    }

    if (!helpers && toParse.length >= options.parallelFrom) helpers = await startHelpers();
    const chunks = await parseAll(root, files, stamps, toParse, helpers, options.parallelFrom);
    const parsed = new Array<{ chunk: number; offset: number } | undefined>(n);
    chunks.forEach(({ chunk, first }, c) => {
      const unpacker = new Unpacker(chunk.packed);
      chunk.offsets.forEach((offset, k) => {
        if (offset < 0) return;
        const i = toParse[first + k]!;
        tasks[i] = unpacker.at(offset) as Task;
        parsed[i] = { chunk: c, offset };
      });
      for (const p of chunk.problems) problemsOf[toParse[first + p.index]!] = p.problems;
      for (const s of chunk.slow) slow.push({ index: toParse[first + s.index]!, text: s.text });
    });

    const diagnosed = new Map<number, unknown>();
    if (slow.length > 0) {
      const d = await diagnostics();
      const toProblems = d.schemaProblems('task', validateTask, m);
      for (const { index, text } of slow.sort((a, b) => a.index - b.index)) {
        const result = d.diagnose(files[index]!, text, validateTask, toProblems);
        if (result.ok) {
          tasks[index] = result.data as Task;
          if (!options.sources?.has(files[index]!)) diagnosed.set(index, result.data);
        } else problemsOf[index] = result.problems;
      }
    }

    if (options.cache) {
      // a listing walked again (a folder changed, or is racy) is written again, so that it comes to be trusted
      const unchanged = cache && cachedListing && listing.files === cachedListing.files && stale === 0 && racyCount < RACY_REWRITE &&
        knownBad.every((i) => tasks[i] === undefined) && cache.paths.length === files.length;
      if (!unchanged) {
        const packs = chunks.map(({ chunk }) => chunk.packed);
        writeCache(root, nextCache({ listing, files, stamps, errors, fromCache, packs, parsed, diagnosed, staged: options.sources, cache, match }));
      }
    }
    return {
      files,
      outcomes: Array.from(tasks, (task, i) => (task ? { task } : { problems: problemsOf[i] ?? [] })),
      parsed: toParse.length,
    };
  } finally {
    helpers?.close();
  }
}

async function startHelpers(): Promise<Helpers | undefined> {
  return (await import('./workers.js')).Helpers.start();
}

function listingOf(cache: ReadCache): CachedListing {
  return { files: cache.paths.filter((_, j) => cache.listed[j] === 1), dirs: cache.dirs, dirStamps: cache.dirStamps, writtenMs: cache.writtenMs };
}

function withExtraFiles(listed: string[], options: ReadOptions): string[] {
  const more = [...(options.sources?.keys() ?? []), ...(options.extra ?? [])].filter((f) => f !== 'tasks.config.yaml');
  if (more.length === 0) return listed;
  return [...new Set([...listed, ...more])].sort();
}

/** For each of `files`, its index in `paths` (both sorted), or -1. */
function matchPaths(files: readonly string[], paths: readonly string[]): Int32Array {
  const match = new Int32Array(files.length).fill(-1);
  let j = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    while (j < paths.length && paths[j]! < file) j++;
    if (j < paths.length && paths[j] === file) match[i] = j;
  }
  return match;
}

/** The cached task of each file that has one; undefined for all when the cache turns out damaged. */
function unpackCached(cache: ReadCache, match: Int32Array): Array<Task | undefined> | undefined {
  const unpacker = new Unpacker(cache.packed);
  const tasks = new Array<Task | undefined>(match.length);
  try {
    for (let i = 0; i < match.length; i++) {
      const j = match[i]!;
      const offset = j < 0 ? -1 : cache.offsets[j]!;
      if (offset >= 0) tasks[i] = unpacker.at(offset) as Task;
    }
  } catch {
    return undefined;
  }
  return tasks;
}

async function parseAll(root: string, files: readonly string[], stamps: Stamps, toParse: readonly number[], helpers: Helpers | undefined, parallelFrom: number) {
  if (toParse.length === 0) return [];
  const names = toParse.map((i) => files[i]!);
  const sizes = Float64Array.from(toParse, (i) => stamps[i * STAMP]!);
  const chunks = helpers && toParse.length >= parallelFrom ? await helpers.parse(root, names, sizes) : [detach(parseFiles(root, names, sizes))];
  let first = 0;
  return chunks.map((chunk: ParsedFiles) => {
    const at = first;
    first += chunk.offsets.length;
    return { chunk, first: at };
  });
}

interface Next {
  listing: Listing;
  files: readonly string[];
  stamps: Stamps;
  errors: ReadonlyMap<number, string>;
  fromCache: Int32Array;
  /** the packs parsed this time, and where each file's task is in them */
  packs: readonly Packed[];
  parsed: ReadonlyArray<{ chunk: number; offset: number } | undefined>;
  diagnosed: ReadonlyMap<number, unknown>;
  staged: ReadonlyMap<string, Uint8Array> | undefined;
  cache: ReadCache | undefined;
  match: Int32Array | undefined;
}

/**
 * The cache to write: unchanged tasks keep their place in the old pack and the packs parsed this
 * time go after them, until more than half of the pack is tasks no file has any more; then it is
 * packed afresh.
 */
function nextCache({ listing, files, stamps, errors, fromCache, packs, parsed, diagnosed, staged, cache, match }: Next): CacheData {
  const n = files.length;
  let garbage = 0;
  if (cache && match) {
    const kept = new Uint8Array(cache.paths.length);
    for (let i = 0; i < n; i++) if (fromCache[i]! >= 0) kept[match[i]!] = 1;
    garbage = cache.garbage;
    cache.offsets.forEach((offset, j) => {
      if (offset >= 0 && kept[j] === 0) garbage += endOf(cache.packed, offset) - offset;
    });
  }
  const extend = cache !== undefined && garbage * 2 <= cache.packed.words.length;
  const packer = extend ? new Packer(cache.packed) : new Packer();
  if (!extend) garbage = 0;
  const bases = packs.map((pack) => packer.append(pack));
  const offsets = new Int32Array(n).fill(-1);
  const listed = new Uint8Array(n);
  const kept = new Float64Array(n * STAMP).fill(Number.NaN);
  let l = 0;
  for (let i = 0; i < n; i++) {
    const file = files[i]!;
    if (listing.files[l] === file) {
      listed[i] = 1;
      l++;
    }
    if (staged?.has(file) || errors.has(i)) continue;
    kept.set(stamps.subarray(i * STAMP, (i + 1) * STAMP), i * STAMP);
    const ref = parsed[i];
    if (fromCache[i]! >= 0) offsets[i] = extend ? fromCache[i]! : packer.copy(cache!.packed, fromCache[i]!);
    else if (ref) offsets[i] = bases[ref.chunk]! + ref.offset;
    else if (diagnosed.has(i)) offsets[i] = packer.add(diagnosed.get(i));
  }
  return { dirs: listing.dirs, dirStamps: listing.dirStamps, paths: [...files], listed, stamps: kept, offsets, packed: packer.finish(), garbage };
}
