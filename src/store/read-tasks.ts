// Reading every task file of a plan, through the cache: stamp each file (with helper threads for
// a large plan), keep the cached task of each unchanged file (unpacked only when first asked for,
// with its id, light facts and own findings from the cache), read and parse the rest (on helper
// threads too, when there are many), and write the cache again when anything differed.
import type { Finding } from '../core/checks.js';
import { lightFactsLength, putLightFacts } from '../core/light-facts.js';
import type { Problem } from '../core/problems.js';
import type { LoadedTask, Task } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { isRacy, readCache, sameStamp, STAMP, writeCache, type CacheToWrite, type ReadCache, type Stamps } from './cache.js';
import { endOf, Packer, Unpacker, wellFormed, type Packed } from './pack.js';
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
  /** what to find in each task alone; kept in the cache under `key`, the settings it depends on */
  checks?: { key: string; check: (task: Task, file: string) => readonly Finding[] } | undefined;
  /** told how many task files the plan holds, as soon as that is known (src/heap.ts) */
  planSize?: ((files: number) => void) | undefined;
}

export interface TasksRead {
  /** every file looked at, sorted */
  files: string[];
  /**
   * per file: its task, or the problems that kept it from being read. A task from the cache is
   * unpacked the first time it is asked for, so that a view reading few fields makes few tasks.
   */
  outcomes: Array<LoadedTask | { problems: Problem[] }>;
  /** how many files were read from disk rather than from the cache */
  parsed: number;
  /** per file: its task's id, or '' */
  ids: string[];
  /** per file with a task, when `checks` was asked for: what was found in the task alone */
  found: Array<readonly Finding[] | undefined>;
  /** per file: where its task's light facts start in `facts`, or -1 (no task, or one only lightOf judges) */
  factAt: Int32Array;
  facts: Int32Array;
}

const STAMP_FACTOR = 10;
const RACY_REWRITE = 64;

/** The modules that explain problems; loaded only when some file has one. */
export async function diagnostics() {
  const [d, sp] = await Promise.all([import('./diagnose.js'), import('./schema-problems.js')]);
  return { ...d, schemaProblems: sp.schemaProblems };
}

export async function readTasks(root: string, m: Messages, options: ReadOptions): Promise<TasksRead> {
  const stored = options.cache ? readCache(root) : undefined;
  // a cache damaged inside its tasks is dropped now, not when a task is first asked for
  const cache = stored && wellFormed(stored.packed, stored.offsets) ? stored : undefined;
  const cachedListing = cache && listingOf(cache);
  // Stamps are cheap (a few µs a file): helpers pay off only for many more files than parsing does.
  const manyFiles = (count: number) => count >= options.parallelFrom * STAMP_FACTOR;
  // The files the cache lists are the likely ones: the helpers start on their stamps while this
  // thread looks whether a folder changed, and lists it again if one did (after any edit that
  // renames a file into place, 100 ms or more at 100,000 files).
  const likely = cachedListing && !options.onlySources ? withExtraFiles(cachedListing.files, options) : undefined;
  if (likely) options.planSize?.(likely.length);
  let helpers = likely && manyFiles(likely.length) ? await startHelpers() : undefined;
  try {
    const early = likely && helpers?.stamp(root, likely);
    const listing = options.onlySources ? { files: [], dirs: [], dirStamps: new Float64Array(0) } : options.cache ? listWithCache(root, cachedListing) : walkTaskFiles(root);
    const files = withExtraFiles(listing.files, options);
    if (!likely) options.planSize?.(files.length);
    if (!helpers && manyFiles(files.length)) helpers = await startHelpers();
    const stamping = early ? undefined : helpers?.stamp(root, files);
    const match = cache && matchPaths(files, cache.paths);
    const { stamps, errors } = early ? restamp(root, files, likely!, await early.finish()) : stamping ? await stamping.finish() : stampFiles(root, files);

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
      const cached = cache !== undefined && j >= 0 ? cache.offsets[j]! : -1;
      if (same && !racy && cached >= 0) {
        fromCache[i] = cached;
        continue;
      }
      toParse.push(i);
      // A file known to have problems is read again for them, and a racy one in case it changed
      // unseen; neither needs a new cache, unless racy ones are many (after a checkout): only a
      // cache written later can come to trust them.
      if (same && !racy && cached < 0) knownBad.push(i);
      else if (racy && cached >= 0) racyCount++;
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

    const unpacker = cache && new Unpacker(cache.packed);
    const outcomes = Array.from(files, (file, i): TasksRead['outcomes'][number] => {
      const task = tasks[i];
      if (task) return { task, file };
      return fromCache[i]! >= 0 ? cachedTask(file, unpacker!, fromCache[i]!) : { problems: problemsOf[i] ?? [] };
    });
    const derived = derive(files, outcomes, fromCache, cache, match, options.checks);

    if (options.cache) {
      // a listing walked again (a folder changed, or is racy) is written again, so that it comes to be trusted
      const unchanged = cache && cachedListing && listing.files === cachedListing.files && stale === 0 && racyCount < RACY_REWRITE &&
        knownBad.every((i) => tasks[i] === undefined) && cache.paths.length === files.length && derived.checksKept;
      if (!unchanged) {
        const packs = chunks.map(({ chunk }) => chunk.packed);
        writeCache(root, nextCache({ listing, files, stamps, errors, fromCache, packs, parsed, diagnosed, staged: options.sources, cache, match, derived, checksKey: options.checks?.key ?? '' }));
      }
    }
    return { files, outcomes, parsed: toParse.length, ids: derived.ids, found: derived.found, factAt: derived.factAt, facts: derived.facts };
  } finally {
    helpers?.close();
  }
}

/**
 * The stamps of `files` from those taken of the `likely` files: the same when the listing is, else
 * each file's own, and those of files not among the likely ones taken now.
 */
function restamp(root: string, files: readonly string[], likely: readonly string[], taken: { stamps: Stamps; errors: Map<number, string> }): { stamps: Stamps; errors: Map<number, string> } {
  if (files === likely || sameList(files, likely)) return taken;
  const at = new Map(likely.map((file, j) => [file, j]));
  const stamps = new Float64Array(files.length * STAMP);
  const errors = new Map<number, string>();
  for (let i = 0; i < files.length; i++) {
    const j = at.get(files[i]!);
    if (j === undefined) {
      for (const [index, code] of stampFiles(root, files, i, i + 1, stamps).errors) errors.set(index, code);
      continue;
    }
    stamps.set(taken.stamps.subarray(j * STAMP, (j + 1) * STAMP), i * STAMP);
    const code = taken.errors.get(j);
    if (code !== undefined) errors.set(i, code);
  }
  return { stamps, errors };
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

/** A task of the cache, unpacked the first time it is asked for. */
function cachedTask(file: string, unpacker: Unpacker, offset: number): LoadedTask {
  let task: Task | undefined;
  // the keys in the order of a task read from its file, { task, file }
  return {
    get task() {
      return (task ??= unpacker.at(offset) as Task);
    },
    file,
  };
}

interface Derived {
  ids: string[];
  found: Array<readonly Finding[] | undefined>;
  factAt: Int32Array;
  facts: Int32Array;
  /** whether every task's findings came from the cache, under the same key */
  checksKept: boolean;
}

/**
 * What the views and the checks need of each task without the whole of it: its id, what was
 * found in it alone, and its light facts; from the cache for a task read from it, else worked out
 * (which makes the task).
 */
function derive(files: readonly string[], outcomes: TasksRead['outcomes'], fromCache: Int32Array, cache: ReadCache | undefined, match: Int32Array | undefined, checks: ReadOptions['checks']): Derived {
  const n = files.length;
  const ids = new Array<string>(n).fill('');
  const found = new Array<readonly Finding[] | undefined>(n);
  const factAt = new Int32Array(n).fill(-1);
  const sameKey = cache !== undefined && checks !== undefined && cache.checks.key === checks.key;
  let checksKept = true;
  // The cached tasks keep their facts where the cache has them and new ones go after, as the
  // tasks' words do, until the facts no task uses any more are as many as those in use.
  let live = 0;
  if (cache) for (let i = 0; i < n; i++) if (fromCache[i]! >= 0 && cache.factAt[match![i]!]! >= 0) live += lightFactsLength(cache.facts, cache.factAt[match![i]!]!);
  const base = cache && cache.facts.length <= 2 * live + 1024 ? cache.facts : undefined;
  const added: number[] = [];
  const from = base?.length ?? 0;
  for (let i = 0; i < n; i++) {
    const outcome = outcomes[i]!;
    if (!('task' in outcome)) continue;
    if (fromCache[i]! >= 0) {
      const j = match![i]!;
      ids[i] = cache!.ids[j]!;
      if (checks) {
        if (sameKey) found[i] = cache!.checks.found.get(j) ?? NOTHING;
        else {
          found[i] = checks.check(outcome.task, files[i]!);
          checksKept = false;
        }
      }
      const at = cache!.factAt[j]!;
      if (at < 0) continue;
      if (base) factAt[i] = at;
      else {
        factAt[i] = from + added.length;
        const end = at + lightFactsLength(cache!.facts, at);
        for (let k = at; k < end; k++) added.push(cache!.facts[k]!);
      }
      continue;
    }
    const task = outcome.task;
    ids[i] = task.id;
    if (checks) found[i] = checks.check(task, files[i]!);
    checksKept = false;
    const at = from + added.length;
    if (putLightFacts(task, added)) factAt[i] = at;
  }
  let facts: Int32Array = base ?? new Int32Array(0);
  if (added.length > 0 || !base) {
    facts = new Int32Array(from + added.length);
    if (base) facts.set(base);
    facts.set(added, from);
  }
  return { ids, found, factAt, facts, checksKept };
}

const NOTHING: readonly Finding[] = Object.freeze([]);

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
  derived: Derived;
  checksKey: string;
}

/**
 * The cache to write: unchanged tasks keep their place in the old pack and the packs parsed this
 * time go after them, until more than half of the pack is tasks no file has any more; then it is
 * packed afresh.
 */
function nextCache({ listing, files, stamps, errors, fromCache, packs, parsed, diagnosed, staged, cache, match, derived, checksKey }: Next): CacheToWrite {
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
    for (let k = i * STAMP; k < (i + 1) * STAMP; k++) kept[k] = stamps[k]!;
    const ref = parsed[i];
    if (fromCache[i]! >= 0) offsets[i] = extend ? fromCache[i]! : packer.copy(cache!.packed, fromCache[i]!);
    else if (ref) offsets[i] = bases[ref.chunk]! + ref.offset;
    else if (diagnosed.has(i)) offsets[i] = packer.add(diagnosed.get(i));
  }
  const factAt = derived.factAt.map((at, i) => (offsets[i]! >= 0 ? at : -1));
  const found = new Map<number, readonly Finding[]>();
  derived.found.forEach((f, i) => {
    if (f && f.length > 0 && offsets[i]! >= 0) found.set(i, f);
  });
  return {
    dirs: listing.dirs, dirStamps: listing.dirStamps, paths: [...files], listed, stamps: kept, offsets, packed: packer.finishInPieces(), garbage,
    factAt, facts: derived.facts, ids: derived.ids, checks: { key: checksKey, found },
    raw: cache && { paths: sameList(files, cache.paths) ? cache.raw?.paths : undefined, ids: sameList(derived.ids, cache.ids) ? cache.raw?.ids : undefined },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
