// Which task files a clerk means by the paths given to `tasks validate`, and the staged ones.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { stagedFiles } from './git.js';
import { CONFIG_FILE, listTaskFiles, TASKS_DIR, toPlanPath, type LoadOptions } from './load.js';

function isPlanFile(name: string): boolean {
  return name === CONFIG_FILE || (name.startsWith(`${TASKS_DIR}/`) && /\.ya?ml$/i.test(name) && !name.split('/').some((s) => s.startsWith('.')));
}

/** Load options for the staged versions of the plan's files (for the pre-commit hook). */
export function stagedSelection(root: string): LoadOptions {
  const sources = new Map([...stagedFiles(root)].filter(([name]) => isPlanFile(name)));
  return { only: [...sources.keys()], sources };
}

/**
 * Load options for the given paths (files or folders, relative to `cwd`), or the first path
 * that does not exist.
 */
export function pathSelection(root: string, cwd: string, paths: readonly string[]): LoadOptions | { missing: string } {
  const all = listTaskFiles(root);
  const chosen = new Set<string>();
  for (const p of paths) {
    const full = resolve(cwd, p);
    if (!existsSync(full)) return { missing: p };
    const rel = toPlanPath(root, full);
    if (statSync(full).isDirectory()) {
      const prefix = rel === '' ? '' : `${rel}/`;
      for (const f of all) if (f.startsWith(prefix)) chosen.add(f);
      if (rel === '') chosen.add(CONFIG_FILE);
    } else chosen.add(rel);
  }
  const only = [...chosen];
  const known = new Set(all);
  return { only, extra: only.filter((f) => f !== CONFIG_FILE && !known.has(f)) };
}
