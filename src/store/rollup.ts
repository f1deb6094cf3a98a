// A roll-up: a plan whose settings list other plans (`plans:`), folders or git remotes fetched
// read-only, one per district or department. Their tasks join the plan's own, each carrying its
// office, with ids shown as `屯溪区/2020-017`, so that every view, report and export works across
// them. Nothing here ever writes to another office's plan: a folder is only read, a remote is
// fetched into a mirror of our own (.tasks-plans/) and read from git's objects.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { orderedNames } from '../core/roster.js';
import type { Config, PlanRef } from '../core/config.js';
import { problem, type Problem } from '../core/problems.js';
import type { LoadedTask } from '../core/task.js';
import type { Messages } from '../i18n/index.js';
import { git, gitText } from './git.js';
import { CONFIG_FILE, loadConfig, loadTasks, type Plan } from './load.js';
import { diagnostics } from './read-tasks.js';
import { readPlanFile } from './regular.js';
import { commitsBetween, countChanges, loadRevision, revision, type ChangeCount, type RepoContext } from './sync.js';

const MIRRORS = '.tasks-plans';
const MIRROR_REF = 'refs/tasks/plan';

function mirrorOf(root: string, ref: PlanRef): RepoContext {
  const name = createHash('sha1').update(ref.url ?? '').digest('hex').slice(0, 16);
  const top = join(root, MIRRORS, `${name}.git`);
  return { root: top, top, prefix: '', gitDir: top, commonDir: top };
}

export type PlanFetch = { ok: true; office: string; counts: ChangeCount } | { ok: false; office: string; url: string };

/** Fetches every remote plan into its mirror; a plan that cannot be reached keeps what was fetched before. */
export async function fetchPlans(root: string, config: Config, m: Messages): Promise<PlanFetch[]> {
  const out: PlanFetch[] = [];
  for (const ref of config.plans ?? []) {
    if (!ref.url) continue;
    const mirror = mirrorOf(root, ref);
    if (!existsSync(mirror.top)) {
      mkdirSync(join(root, MIRRORS), { recursive: true });
      // the folder ignores itself, like the cache
      writeFileSync(join(root, MIRRORS, '.gitignore'), '*\n');
      git(['init', '--bare', '--quiet', mirror.top], root);
    }
    const before = revision(mirror, MIRROR_REF);
    const url = isAbsolute(ref.url) || /^[a-z][a-z0-9+.-]*:/i.test(ref.url) ? ref.url : resolve(root, ref.url);
    const fetched = git(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', url, `+${ref.branch ? `refs/heads/${ref.branch}` : 'HEAD'}:${MIRROR_REF}`], mirror.top);
    const after = revision(mirror, MIRROR_REF);
    if (!fetched.ok || !after) {
      out.push({ ok: false, office: ref.office, url: ref.url });
      continue;
    }
    const commits = before === after ? [] : commitsBetween(mirror, before, after);
    out.push({ ok: true, office: ref.office, counts: await countChanges(mirror, commits, after, m) });
  }
  return out;
}

interface OfficePlan {
  config: Config;
  tasks: LoadedTask[];
  problems: Problem[];
  unreadable: string[];
  fileCount: number;
  /** how the plan's files are named in this plan's messages */
  show: (file: string) => string;
}

/** Where the settings list plan `index` (its path or url), so that a problem points at the entry. */
async function entryPosition(root: string, index: number, key: 'path' | 'url'): Promise<{ line: number; column: number }> {
  const read = readPlanFile(root, CONFIG_FILE);
  if (!read.ok) return { line: 1, column: 1 };
  const d = await diagnostics();
  const parsed = d.parseLocated(CONFIG_FILE, Buffer.from(read.bytes).toString('utf8').replace(/^\uFEFF/, ''));
  return parsed.ok ? d.locate(parsed.located, ['plans', index, key]) : { line: 1, column: 1 };
}

async function readOffice(root: string, ref: PlanRef, index: number, m: Messages): Promise<OfficePlan | Problem> {
  const at = async (code: 'plan_missing' | 'plan_not_fetched', params: Record<string, string>) => {
    const where = await entryPosition(root, index, code === 'plan_missing' ? 'path' : 'url');
    return { ...problem(CONFIG_FILE, where, code, params), params: { ...params, index: index + 1 } };
  };
  if (ref.path) {
    const dir = resolve(root, ref.path);
    if (!existsSync(join(dir, CONFIG_FILE)) && !existsSync(join(dir, 'tasks'))) return await at('plan_missing', { office: ref.office, path: ref.path });
    const { config, problems } = await loadConfig(dir, m);
    const loaded = await loadTasks(dir, config, m, { cache: false });
    const show = (file: string) => relative(root, join(dir, file)).split('\\').join('/');
    return { config, tasks: loaded.tasks, problems: [...problems, ...loaded.problems], unreadable: loaded.unreadable, fileCount: loaded.fileCount, show };
  }
  const mirror = mirrorOf(root, ref);
  if (!existsSync(mirror.top) || !gitText(['rev-parse', '--verify', '--quiet', MIRROR_REF], mirror.top)) return await at('plan_not_fetched', { office: ref.office, url: ref.url ?? '' });
  const loaded = await loadRevision(mirror, MIRROR_REF, m);
  const problemFiles = loaded.problems.filter((p) => p.severity === 'error').map((p) => p.file);
  return {
    config: loaded.config,
    tasks: loaded.tasks,
    problems: loaded.problems,
    unreadable: [...new Set(problemFiles.filter((f) => f !== CONFIG_FILE))],
    fileCount: loaded.tasks.length,
    show: (file) => `${ref.office}:${file}`,
  };
}

const qualify = (office: string, id: string) => `${office}/${id}`;

/**
 * The plan with the tasks of every plan it lists: own tasks under `office` (or the catalog's word
 * for one's own), each other plan's under its office, in the settings' order. A plan without
 * `plans:` is returned as it is.
 */
export async function openRollup(plan: Plan, m: Messages): Promise<Plan> {
  const refs = plan.config.plans ?? [];
  if (refs.length === 0) return plan;
  const own = plan.config.office ?? m.rollup.ownOffice;
  const tasks: LoadedTask[] = plan.tasks.map((t) => ({ task: { ...t.task, id: qualify(own, t.task.id) }, file: t.file, office: own }));
  const problems: Problem[] = [...plan.problems];
  const unreadable = [...plan.unreadable];
  let fileCount = plan.fileCount;
  const leads = [...plan.config.roster.leads];
  const units = [...plan.config.roster.units];
  const offices = plan.tasks.length > 0 ? [own] : [];
  const officeConfigs = new Map<string, Config>([[own, plan.config]]);
  for (const [i, ref] of refs.entries()) {
    offices.push(ref.office);
    const read = await readOffice(plan.root, ref, i, m);
    if ('code' in read) {
      problems.push(read);
      continue;
    }
    for (const t of read.tasks) tasks.push({ task: { ...t.task, id: qualify(ref.office, t.task.id) }, file: read.show(t.file), office: ref.office });
    problems.push(...read.problems.map((p) => ({ ...p, file: read.show(p.file) })));
    unreadable.push(...read.unreadable.map(read.show));
    fileCount += read.fileCount;
    officeConfigs.set(ref.office, read.config);
    leads.push(...read.config.roster.leads);
    units.push(...read.config.roster.units);
  }
  const roster = { leads: orderedNames([], leads), units: orderedNames([], units), offices: orderedNames([], offices) };
  return { ...plan, config: { ...plan.config, roster }, tasks, problems, unreadable, fileCount, officeConfigs };
}
