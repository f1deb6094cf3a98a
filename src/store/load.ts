// The loader: the single door to a plan's data. Every command reads through loadPlan().
//
// It reads tasks.config.yaml and every tasks/**/*.yaml (ignoring dotfiles and temp files),
// parses and validates each file, runs the cross-file checks, and returns the good tasks with
// the list of problems. One bad file never hides the others, and a file that cannot be read is
// never silently left out: it is in `problems` and in `unreadable`.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { planFindings, taskChecker, type Finding } from '../core/checks.js';
import { configChecks } from '../core/config-checks.js';
import { DEFAULT_CONFIG, withDefaults, type Config } from '../core/config.js';
import { isValidTimeZone } from '../core/dates.js';
import { problem, sortProblems, type Problem } from '../core/problems.js';
import type { LoadedTask } from '../core/task.js';
import { UserError } from '../errors.js';
import type { Messages } from '../i18n/index.js';
import { decode, parseFast } from './parse.js';
import { diagnostics, readTasks } from './read-tasks.js';
import { readPlanFile, tasksFolderProblem } from './regular.js';
import { TASKS_DIR, toPlanPath, walkTaskFiles } from './scan.js';
import { validateConfig } from './schema.js';

export { TASKS_DIR, toPlanPath };
export const CONFIG_FILE = 'tasks.config.yaml';

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
  /**
   * The light facts of `tasks` (core/light-facts.ts), as the loader found them in the cache or
   * worked them out: `at[i]` is where those of `tasks[i]` start, or -1. Valid only while the
   * plan's tasks are that same list.
   */
  lights?: { tasks: readonly LoadedTask[]; facts: Int32Array; at: Int32Array } | undefined;
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
  /** a full garbage collection, asked for once LARGE_PLAN files or more have been parsed */
  collectGarbage?: () => void;
  /** told how many task files the plan holds, as soon as that is known (src/heap.ts) */
  planSize?: (files: number) => void;
  /** parse files on helper threads from this many to parse up, and stamp them there from ten times as many (default PARALLEL_FROM) */
  parallelFrom?: number;
}

export const LARGE_PLAN = 20_000;
/** Below this many files to parse, starting helper threads costs more than it saves. */
const PARALLEL_FROM = 2_000;

/** The plan's folder: --dir, or the nearest folder upwards holding tasks.config.yaml or tasks/. */
export function findPlanRoot(cwd: string, dir: string | undefined, m: Messages): string {
  if (dir !== undefined) {
    const root = resolve(cwd, dir);
    if (existsSync(root) && !isDirectory(root)) throw new UserError(m.errors.dirNotFolder(root));
    // a folder that holds no plan would give an empty answer ("nothing overdue") that is not true
    if (!existsSync(join(root, CONFIG_FILE)) && !existsSync(join(root, TASKS_DIR))) throw new UserError(m.errors.noPlanAt(root));
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

export async function loadConfig(root: string, m: Messages, staged?: Uint8Array): Promise<{ config: Config; found: boolean; problems: Problem[] }> {
  const path = join(root, CONFIG_FILE);
  if (!staged && !existsSync(path)) return { config: DEFAULT_CONFIG, found: false, problems: [] };
  const read = staged ? { ok: true as const, bytes: staged } : readPlanFile(root, CONFIG_FILE);
  if (!read.ok) return { config: DEFAULT_CONFIG, found: true, problems: [read.problem] };
  const bytes = read.bytes;
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
  let config = withDefaults(data as Parameters<typeof withDefaults>[0]);
  const found = configChecks(config);
  if (!isValidTimeZone(config.timezone)) found.unshift({ path: ['timezone'], code: 'bad_timezone', params: { value: config.timezone } });
  if (found.length === 0) return { config, found: true, problems: [] };
  const d = await diagnostics();
  const parsed = d.parseLocated(CONFIG_FILE, decoded.text);
  // a setting in error gives way to its default, so that the views still answer
  for (const f of found) config = { ...config, [f.path[0] as keyof Config]: DEFAULT_CONFIG[f.path[0] as keyof Config] };
  return { config, found: true, problems: found.map((f) => problem(CONFIG_FILE, parsed.ok ? d.locate(parsed.located, f.path) : AT_START, f.code, f.params)) };
}

/** Every task file under tasks/, as sorted paths relative to the root, forward slashes. */
export function listTaskFiles(root: string): string[] {
  return walkTaskFiles(root).files;
}

export async function loadTasks(root: string, config: Config, m: Messages, options: LoadOptions = {}): Promise<Omit<Plan, 'root' | 'config' | 'configFound'>> {
  const read = await readTasks(root, m, {
    cache: options.cache !== false,
    sources: options.sources,
    extra: options.extra,
    onlySources: options.onlySources,
    parallelFrom: options.parallelFrom ?? PARALLEL_FROM,
    planSize: options.planSize,
    // what taskChecker finds depends on the roster's names alone
    checks: { key: JSON.stringify([config.roster.leads, config.roster.units]), check: taskChecker(config.roster) },
  });
  const tasks: LoadedTask[] = [];
  const ids: string[] = [];
  const own: Array<readonly Finding[]> = [];
  const at: number[] = [];
  const folderProblem = tasksFolderProblem(root);
  const problems: Problem[] = folderProblem ? [folderProblem] : [];
  const unreadable: string[] = folderProblem ? [folderProblem.file] : [];
  read.outcomes.forEach((outcome, i) => {
    const file = read.files[i]!;
    if ('task' in outcome) {
      tasks.push(outcome);
      ids.push(read.ids[i]!);
      own.push(read.found[i]!);
      at.push(read.factAt[i]!);
    } else {
      problems.push(...outcome.problems);
      unreadable.push(file);
    }
  });
  if (read.parsed >= LARGE_PLAN) options.collectGarbage?.();
  const found = planFindings(tasks.map((t) => t.file), ids, own);
  if (found.length > 0) {
    const d = await diagnostics();
    const texts = new Map<string, ReturnType<typeof d.parseLocated>>();
    for (const f of found) {
      let parsed = texts.get(f.file);
      if (!parsed) {
        const read = options.sources?.has(f.file) ? { ok: true as const, bytes: options.sources.get(f.file)! } : readPlanFile(root, f.file);
        const decoded = read.ok ? decode(f.file, read.bytes) : { problems: [] };
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
    lights: { tasks, facts: read.facts, at: Int32Array.from(at) },
    problems: sortProblems(only ? problems.filter((p) => only.has(p.file)) : problems),
    unreadable: only ? unreadable.filter((f) => only.has(f)) : unreadable,
    fileCount: only ? only.size : read.files.length,
  };
}

const AT_START = { line: 1, column: 1 };
