// The plan's own files besides the tasks: a new plan's settings, schemas and ignore file, the git
// pre-commit hook, and the roster in tasks.config.yaml that imports add names to.
import { chmodSync, existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { Document, isMap, isScalar, isSeq, parseDocument, stringify } from 'yaml';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import { commitPaths, git, gitText, hasIdentity, repoRoot } from './git.js';
import { ATTRIBUTES_FILE, newAttributes } from './share.js';
import { CONFIG_FILE, TASKS_DIR } from './load.js';
import { insertInProtocolOrder } from '../core/roster.js';
import { commitMessage } from './trailers.js';
import { makeFolders, writeFileAtomic } from './write.js';

const GITIGNORE = ['# tasks: caches, locks, temp files and the mirrors of the plans a roll-up reads', '.tasks-cache/', 'tasks/.locks/', '.tasks-plans/', '*.tmp', ''].join('\n');
const HOOK_MARK = '# tasks pre-commit hook';

export interface ConfigWords {
  head: string;
  title: string;
  year: string;
  lang: string;
  timezone: string;
  warning: string;
  tolerance: string;
  roster: string;
}

/** A new plan's tasks.config.yaml, with a comment above each setting. */
export function configText(words: ConfigWords, settings: { title: string; year: number; lang: string; leads?: readonly string[]; units?: readonly string[] }): string {
  const v = (value: unknown) => stringify(value, { lineWidth: 0 }).trimEnd();
  const list = (names: readonly string[] | undefined) => (names && names.length > 0 ? names.map((n) => `    - ${v(n)}`) : []);
  return [
    '# yaml-language-server: $schema=schemas/config.schema.json',
    words.head,
    words.title,
    `title: ${v(settings.title)}`,
    words.year,
    `year: ${settings.year}`,
    words.lang,
    `lang: ${settings.lang}`,
    words.timezone,
    'timezone: Asia/Shanghai',
    words.warning,
    'warning_days: 10',
    words.tolerance,
    'behind_tolerance: 10',
    words.roster,
    'roster:',
    settings.leads?.length ? '  leads:' : '  leads: []',
    ...list(settings.leads),
    settings.units?.length ? '  units:' : '  units: []',
    ...list(settings.units),
    '',
  ].join('\n');
}

export function planExistsIn(dir: string): boolean {
  return existsSync(join(dir, CONFIG_FILE)) || existsSync(join(dir, TASKS_DIR));
}

/** The files of a new plan: settings, an empty tasks/ folder, the schemas, editor settings and .gitignore. */
export function newPlanFiles(configYaml: string, dir: string): Record<string, string> {
  const files: Record<string, string> = {
    [CONFIG_FILE]: configYaml,
    [`${TASKS_DIR}/.gitkeep`]: '',
    'schemas/task.schema.json': `${JSON.stringify(taskSchema, null, 2)}\n`,
    'schemas/config.schema.json': `${JSON.stringify(configSchema, null, 2)}\n`,
    '.vscode/settings.json': `${JSON.stringify({ 'yaml.schemas': { './schemas/task.schema.json': 'tasks/**/*.yaml', './schemas/config.schema.json': CONFIG_FILE } }, null, 2)}\n`,
  };
  if (!existsSync(join(dir, '.gitignore'))) files['.gitignore'] = GITIGNORE;
  if (!existsSync(join(dir, ATTRIBUTES_FILE))) files[ATTRIBUTES_FILE] = newAttributes();
  return files;
}

/** Writes new files, refusing to replace any. */
export function writeNewFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [name, text] of Object.entries(files)) {
    makeFolders(dirname(join(dir, name)));
    writeFileSync(join(dir, name), text, { flag: 'wx' });
  }
}

export interface InitRepository {
  /** a repository was created here */
  created: boolean;
  /** the plan is in a repository (new or existing) */
  versioned: boolean;
  /** the plan's files were committed */
  committed: boolean;
}

/** git init when the folder is not in a repository yet, the hook, then one commit of `paths`. */
export function initRepository(dir: string, paths: readonly string[], summary: string, hook: HookProgram): InitRepository {
  let created = false;
  if (!repoRoot(dir)) created = git(['init', '--quiet'], dir).ok;
  if (!repoRoot(dir)) return { created, versioned: false, committed: false };
  installHook(dir, hook, false);
  const committed = hasIdentity(dir) && commitPaths(dir, paths, commitMessage(summary, { command: 'init' })).ok;
  return { created, versioned: true, committed };
}

export interface HookProgram {
  node: string;
  bin: string;
}

/** The hook script: the same node and tasks that installed it, else `tasks` on PATH. */
function hookScript(program: HookProgram, planDir: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  let bin = program.bin;
  try {
    bin = realpathSync(bin);
  } catch {
    // a path that cannot be resolved is written as given; the hook then falls back to PATH
  }
  return [
    '#!/bin/sh',
    `${HOOK_MARK} (tasks hook install): checks the staged task files before each commit.`,
    '# To commit anyway in an emergency: git commit --no-verify',
    `cd "$(git rev-parse --show-toplevel)" || exit 1`,
    `if [ -f ${q(bin)} ]; then exec ${q(program.node)} ${q(bin)} validate --staged --dir ${q(planDir)}; fi`,
    `exec tasks validate --staged --dir ${q(planDir)}`,
    '',
  ].join('\n');
}

export type HookOutcome = { ok: true; path: string } | { ok: false; reason: 'not_repo' } | { ok: false; reason: 'exists'; path: string };

/** Installs the pre-commit hook of the plan at `root`; another program's hook is kept unless `force`. */
export function installHook(root: string, program: HookProgram, force: boolean): HookOutcome {
  const top = gitText(['rev-parse', '--show-toplevel'], root);
  const hooksDir = gitText(['rev-parse', '--git-path', 'hooks'], root);
  if (!top || !hooksDir) return { ok: false, reason: 'not_repo' };
  const dir = isAbsolute(hooksDir) ? hooksDir : join(root, hooksDir);
  const path = join(dir, 'pre-commit');
  if (existsSync(path) && !readFileSync(path, 'utf8').includes(HOOK_MARK) && !force) return { ok: false, reason: 'exists', path };
  makeFolders(dirname(path));
  writeFileSync(path, hookScript(program, relative(top, root) || '.'));
  chmodSync(path, 0o755);
  return { ok: true, path };
}

export type RosterOutcome =
  | { added: { leads: string[]; units: string[] } }
  | { refused: 'unreadable'; detail: string }
  | { refused: 'invalid' | 'not_a_list' };

/**
 * Adds the officials and units not yet in the roster of tasks.config.yaml, keeping the file's own
 * order, comments and layout: officials whose post is known go to their place in protocol order
 * (区长 before 常务副区长 before 副区长, whatever the order met), other names at the end in the
 * order given. Creates the file when there is none. Gives
 * what was (or, on a dry run, would be) added, or why the file was left alone. Throws when the
 * file cannot be written.
 */
export function addToRoster(root: string, leads: readonly string[], units: readonly string[], dryRun: boolean): RosterOutcome {
  const outcome = rosterWithNames(root, leads, units);
  if ('refused' in outcome) return outcome;
  if (!dryRun && outcome.text !== undefined) writeFileAtomic(join(root, CONFIG_FILE), outcome.text);
  return { added: outcome.added };
}

/**
 * The settings with `leads` and `units` added to the roster (officials in protocol order): the
 * new text, or none when every name is listed already, and the bytes it replaces.
 */
export function rosterWithNames(
  root: string,
  leads: readonly string[],
  units: readonly string[],
): { added: { leads: string[]; units: string[] }; text: string | undefined; before: Uint8Array | undefined } | Exclude<RosterOutcome, { added: unknown }> {
  const path = join(root, CONFIG_FILE);
  const exists = existsSync(path);
  let doc: Document;
  let before: Buffer | undefined;
  if (exists) {
    let text: string;
    try {
      before = readFileSync(path);
      text = before.toString('utf8');
    } catch (error) {
      return { refused: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? '' };
    }
    doc = parseDocument(text);
    if (doc.errors.length > 0) return { refused: 'invalid' };
  } else doc = new Document({});
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) doc.contents = doc.createNode({});
  if (!isMap(doc.contents)) return { refused: 'not_a_list' };
  const roster = doc.get('roster', true);
  if (roster === undefined || roster === null || (isScalar(roster) && roster.value === null)) doc.set('roster', doc.createNode({}));
  else if (!isMap(roster)) return { refused: 'not_a_list' };

  const added = { leads: [] as string[], units: [] as string[] };
  for (const key of ['leads', 'units'] as const) {
    const names = [...new Set((key === 'leads' ? leads : units).filter((n) => n.trim() !== ''))];
    const node = doc.getIn(['roster', key], true);
    const empty = node === undefined || node === null || (isScalar(node) && node.value === null);
    if (!empty && !isSeq(node)) return { refused: 'not_a_list' };
    const listed = new Set(isSeq(node) ? node.items.map((item) => String(isScalar(item) ? item.value : item)) : []);
    const fresh = names.filter((n) => !listed.has(n));
    if (fresh.length === 0) continue;
    const order = key === 'leads' ? insertInProtocolOrder([...listed], fresh) : [...listed, ...fresh];
    added[key] = order.filter((n) => !listed.has(n));
    if (isSeq(node)) order.forEach((name, i) => listed.has(name) || node.items.splice(i, 0, doc.createNode(name)));
    else doc.setIn(['roster', key], doc.createNode(order));
  }
  if (added.leads.length === 0 && added.units.length === 0) return { added, text: undefined, before };
  // a new file starts with the editor modeline, as task files do
  const modeline = exists ? '' : '# yaml-language-server: $schema=schemas/config.schema.json\n';
  return { added, text: modeline + doc.toString({ lineWidth: 0, flowCollectionPadding: false }), before };
}
