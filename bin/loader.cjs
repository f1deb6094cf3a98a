// Loads the built program (dist/tasks.cjs) with V8's code cache (dist/tasks.cjs.cache), which the
// build writes after a warm-up run: start-up then skips compiling most of the program, the largest
// cost of a short command. A cache from another Node version is rejected by V8 and the program is
// simply compiled as usual. CommonJS, like bin/tasks: an ES module entry costs the start-up of
// Node's ES module loader, which nothing here needs.
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundlePath = join(dist, 'tasks.cjs');
const cachePath = join(dist, 'tasks.cjs.cache');

/** The bundle's exports, and the compiled script (to make a code cache from). */
function loadBundle({ useCache = true } = {}) {
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

module.exports = { dist, bundlePath, cachePath, loadBundle };
