// A fixture plan in a fresh git repository, for the tests of edits, the audit trail and crashes.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture } from './helpers.js';

export interface Repo {
  dir: string;
  /** runs git in the plan; throws with git's message when it fails */
  git: (...args: string[]) => string;
  /** a task file's text */
  read: (id: string) => string;
}

export function repo(name = 'edit'): Repo {
  const dir = copyFixture(name);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', '督查室');
  git('config', 'user.email', 'd@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  return { dir, git, read: (id) => readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8') };
}
