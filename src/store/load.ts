// The loader: the single door to a plan's data. Every command reads through loadPlan().
//
// It reads tasks.config.yaml and every tasks/**/*.yaml (ignoring dotfiles and temp files),
// parses and validates each file, runs the cross-file checks, and returns the good tasks with
// the list of problems. One bad file never hides the others, and a file that cannot be read is
// never silently left out: it is in `problems` and in `unreadable`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { crossChecks } from '../core/checks.js';
import { DEFAULT_CONFIG, withDefaults, type Config } from '../core/config.js';
import { isValidTimeZone } from '../core/dates.js';
import { problem, sortProblems, type Problem } from '../core/problems.js';
import type { LoadedTask, Task } from '../core/task.js';
import { UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { decode, MAX_FILE_BYTES, parseFast } from './parse.js';
import { validateConfig, validateTask } from './schema.js';
import { lookup, readCache, stampOf, writeCache, type CacheEntry, type Stamp } from './cache.js';

export const CONFIG_FILE = 'tasks.config.yaml';
export const TASKS_DIR = 'tasks';

export interface Plan {
  /** absolute path of the plan's folder */
  root: string;
  config: Config;
  /** false when there is no tasks.config.yaml and the defaults are used */
  configFound: boolean;
  tasks: LoadedTask[];
  /** every problem found, sorted by file and line */
  problems: Problem[];
  /** files that could not be read into a task (their problems are in `problems`) */
  unreadable: string[];
  /** number of task files looked at */
  fileCount: number;
  /** in a roll-up, each office's own settings, by which its tasks' lights are judged */
  officeConfigs?: ReadonlyMap<string, Config>;
}

export interface LoadOptions {
  /** report problems only for these files (paths relative to the root); all files are still read for the cross-file checks */
  only?: readonly string[];
  /** file contents to use instead of the working tree (e.g. the staged versions) */
  sources?: ReadonlyMap<string, Uint8Array>;
  /** read only the files in `sources`, not the working folder (a plan as a commit has it) */
  onlySources?: boolean;
  /** more files to read, outside tasks/ (paths relative to the root) */
  extra?: readonly string[];
  /** use and update the cache of parsed tasks (default true) */
  cache?: boolean;
  /** a full garbage collection, asked for every GC_EVERY files of a plan of LARGE_PLAN files or more */
  collectGarbage?: () => void;
}

export const LARGE_PLAN = 20_000;
const GC_EVERY = 25_000;

/** The plan's folder: --dir, or the nearest folder upwards holding tasks.config.yaml or tasks/. */
export function findPlanRoot(cwd: string, dir: string | undefined, m: Messages): string {
  if (dir !== undefined) {
    const root = resolve(cwd, dir);
    if (!existsSync(root)) throw new UserError(m.errors.noPlan(root));
    return root;
  }
  let current = resolve(cwd);
  for (;;) {
    if (existsSync(join(current, CONFIG_FILE)) || isDirectory(join(current, TASKS_DIR))) return current;
    const parent = dirname(current);
    if (parent === current) throw new UserError(m.errors.noPlan(resolve(cwd)));
    current = parent;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The modules that explain problems; loaded only when some file has one. */
async function diagnostics() {
  const [d, sp] = await Promise.all([import('./diagnose.js'), import('./schema-problems.js')]);
  return { ...d, schemaProblems: sp.schemaProblems };
}

export async function loadConfig(root: string, m: Messages, staged?: Uint8Array): Promise<{ config: Config; found: boolean; problems: Problem[] }> {
  const path = join(root, CONFIG_FILE);
  let bytes: Uint8Array;
  try {
    bytes = staged ?? readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG, found: false, problems: [] };
    return { config: DEFAULT_CONFIG, found: true, problems: [problem(CONFIG_FILE, AT_START, 'read_failed', { detail: String((error as Error).message) })] };
  }
  const decoded = decode(CONFIG_FILE, bytes);
  if ('problems' in decoded) return { config: DEFAULT_CONFIG, found: true, problems: decoded.problems };
  if (decoded.text.trim() === '') return { config: DEFAULT_CONFIG, found: true, problems: [] };
  let data = parseFast(decoded.text, validateConfig);
  if (data === undefined) {
    const d = await diagnostics();
    const result = d.diagnose(CONFIG_FILE, decoded.text, validateConfig, d.schemaProblems('config', validateConfig, m));
    if (!result.ok) return { config: DEFAULT_CONFIG, found: true, problems: result.problems };
    data = result.data;
  }
  const config = withDefaults(data as Partial<Config>);
  if (!isValidTimeZone(config.timezone)) {
    const d = await diagnostics();
    const parsed = d.parseLocated(CONFIG_FILE, decoded.text);
    const pos = parsed.ok ? d.locate(parsed.located, ['timezone']) : AT_START;
    return { config: { ...config, timezone: DEFAULT_CONFIG.timezone }, found: true, problems: [problem(CONFIG_FILE, pos, 'bad_timezone', { value: config.timezone })] };
  }
  return { config, found: true, problems: [] };
}

/** Every task file under tasks/, as sorted paths relative to the root, forward slashes. */
export function listTaskFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.endsWith('.tmp')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/i.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) out.push(toPlanPath(root, full));
    }
  };
  walk(join(root, TASKS_DIR));
  return out.sort();
}

export function toPlanPath(root: string, full: string): string {
  return relative(root, full).split(sep).join('/');
}

export async function loadTasks(root: string, config: Config, m: Messages, options: LoadOptions = {}): Promise<Omit<Plan, 'root' | 'config' | 'configFound'>> {
  const files = new Set(options.onlySources ? [] : listTaskFiles(root));
  for (const path of options.sources?.keys() ?? []) if (path !== CONFIG_FILE) files.add(path);
  for (const path of options.extra ?? []) files.add(path);
  const collect = files.size >= LARGE_PLAN ? options.collectGarbage : undefined;
  const tasks: LoadedTask[] = [];
  const problems: Problem[] = [];
  const unreadable: string[] = [];
  const slow: Array<{ file: string; text: string; stamp: Stamp | undefined }> = [];
  const cache = options.cache === false ? undefined : readCache(root);
  collect?.();
  const nextCache = new Map<string, CacheEntry>();
  let cacheChanged = false;
  let parsedCount = 0;
  for (const file of [...files].sort()) {
    const staged = options.sources?.get(file);
    let stamp: Stamp | undefined;
    let bytes: Uint8Array | undefined = staged;
    if (!staged) {
      const full = join(root, file);
      try {
        stamp = stampOf(statSync(full, { bigint: true }));
      } catch (error) {
        problems.push(problem(file, AT_START, 'read_failed', { detail: (error as Error).message }));
        unreadable.push(file);
        continue;
      }
      const cached = cache ? lookup(cache, file, stamp) : undefined;
      if (cached) {
        tasks.push({ task: cached, file });
        nextCache.set(file, { ...stamp, task: cached });
        continue;
      }
      cacheChanged = true;
      if (collect && ++parsedCount % GC_EVERY === 0) collect();
      if (stamp.size > MAX_FILE_BYTES) {
        problems.push(problem(file, AT_START, 'too_large', { size: stamp.size, limit: MAX_FILE_BYTES }));
        unreadable.push(file);
        continue;
      }
      try {
        bytes = readFileSync(full);
      } catch (error) {
        problems.push(problem(file, AT_START, 'read_failed', { detail: (error as Error).message }));
        unreadable.push(file);
        continue;
      }
    }
    const decoded = decode(file, bytes!);
    if ('problems' in decoded) {
      problems.push(...decoded.problems);
      unreadable.push(file);
      continue;
    }
    // A copy through JSON: js-yaml's strings are slices that would keep each file's whole text alive.
    const parsed = parseFast(decoded.text, validateTask);
    const data = parsed === undefined ? undefined : JSON.parse(JSON.stringify(parsed));
    if (data === undefined) slow.push({ file, text: decoded.text, stamp });
    else {
      tasks.push({ task: data as Task, file });
      if (stamp) nextCache.set(file, { ...stamp, task: data as Task });
    }
  }
  if (slow.length > 0) {
    const d = await diagnostics();
    const toProblems = d.schemaProblems('task', validateTask, m);
    for (const { file, text, stamp } of slow) {
      const result = d.diagnose(file, text, validateTask, toProblems);
      if (result.ok) {
        tasks.push({ task: result.data as Task, file });
        if (stamp) nextCache.set(file, { ...stamp, task: result.data as Task });
      } else {
        problems.push(...result.problems);
        unreadable.push(file);
      }
    }
    tasks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }
  if (cache && (cacheChanged || nextCache.size !== cache.entries.size)) writeCache(root, nextCache);
  collect?.();
  const found = crossChecks(tasks, config.roster);
  if (found.length > 0) {
    const d = await diagnostics();
    const texts = new Map<string, ReturnType<typeof d.parseLocated>>();
    for (const f of found) {
      let parsed = texts.get(f.file);
      if (!parsed) {
        const bytes = options.sources?.get(f.file) ?? readFileSync(join(root, f.file));
        const decoded = decode(f.file, bytes);
        parsed = 'text' in decoded ? d.parseLocated(f.file, decoded.text) : { ok: false, problems: [] };
        texts.set(f.file, parsed);
      }
      const pos = parsed.ok ? d.locate(parsed.located, f.path, { key: f.atKey }) : AT_START;
      problems.push(problem(f.file, pos, f.code, { field: m.fieldPath(f.path), ...f.params }, f.severity));
    }
  }
  const only = options.only ? new Set(options.only) : undefined;
  return {
    tasks,
    problems: sortProblems(only ? problems.filter((p) => only.has(p.file)) : problems),
    unreadable: only ? unreadable.filter((f) => only.has(f)) : unreadable,
    fileCount: only ? only.size : files.size,
  };
}

const AT_START = { line: 1, column: 1 };
