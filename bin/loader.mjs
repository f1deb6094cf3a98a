// Loads the built program (dist/tasks.cjs) with V8's code cache (dist/tasks.cjs.cache), which the
// build writes after a warm-up run: start-up then skips compiling most of the program, the largest
// cost of a short command. A cache from another Node version is rejected by V8 and the program is
// simply compiled as usual.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
export const bundlePath = join(dist, 'tasks.cjs');
export const cachePath = join(dist, 'tasks.cjs.cache');

/** The bundle's exports, and the compiled script (to make a code cache from). */
export function loadBundle({ useCache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dist);
  return { exports: module.exports, script };
}
