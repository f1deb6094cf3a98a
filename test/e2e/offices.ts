// Test helpers for plans kept on several computers: a bare hub repository, clones of it with their
// own clerk and id letter, and reading a clone's tasks back as data.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { fixture, run, tempDir, type Run } from '../helpers.js';

export interface Clone {
  dir: string;
  git: (...args: string[]) => string;
  /** `tasks …` in this clone, in this process, as of 2020-09-30 unless the arguments say */
  tasks: (...args: string[]) => Promise<Run>;
}

export function gitIn(dir: string): (...args: string[]) => string {
  return (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
}

function cloneOf(dir: string, name: string): Clone {
  const git = gitIn(dir);
  git('config', 'user.name', name);
  git('config', 'user.email', `${name}@example.org`);
  return { dir, git, tasks: (...args: string[]) => run(args.includes('--as-of') ? args : ['--as-of', '2020-09-30', ...args], { cwd: dir }) };
}

export interface Office {
  root: string;
  hub: string;
  /** a new clone of the hub, with its own git user and (when given) id letter */
  clone: (name: string, letter?: string) => Clone;
}

/** A bare hub holding one commit of the fixture plan on branch main. */
export function office(name = 'edit'): Office {
  const root = tempDir();
  const hub = join(root, 'hub.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', hub]);
  const seed = join(root, 'seed');
  cpSync(fixture(name), seed, { recursive: true });
  const git = gitIn(seed);
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', '督查室');
  git('config', 'user.email', 'office@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  git('push', '-q', hub, 'main');
  return {
    root,
    hub,
    clone: (clerk, letter) => {
      const dir = join(root, clerk);
      execFileSync('git', ['clone', '-q', hub, dir]);
      const c = cloneOf(dir, clerk);
      // what `tasks sync --clerk` sets (tested on its own), set directly to keep the tests quick
      if (letter) c.git('config', 'tasks.clerk', letter);
      return c;
    },
  };
}

/** A git repository of its own (no hub) with the fixture plan committed. */
export function plainRepo(name = 'edit', clerk = '督查室'): Clone {
  const dir = tempDir();
  cpSync(fixture(name), dir, { recursive: true });
  const c = cloneOf((execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir }), dir), clerk);
  c.git('add', '.');
  c.git('commit', '-qm', '台账');
  return c;
}

export type TaskData = Record<string, any>;

export function readTask(dir: string, id: string): TaskData {
  return load(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8').replace(/^\uFEFF/, '')) as TaskData;
}

export function taskIds(dir: string): string[] {
  return readdirSync(join(dir, 'tasks'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** Every progress note of every task in the clone, as `id: note`. */
export function allNotes(dir: string): string[] {
  return taskIds(dir).flatMap((id) => (readTask(dir, id).progress ?? []).map((p: TaskData) => `${id}: ${p.note}`));
}
