// Loads the built program (dist/tasks.cjs) with V8's code cache (dist/tasks.cjs.cache), which the
// build writes after a warm-up run: start-up then skips compiling most of the program, the largest
// cost of a short command. A cache from another Node version is rejected by V8 and the program is
// simply compiled as usual. CommonJS, like bin/tasks: an ES module entry costs the start-up of
// Node's ES module loader, which nothing here needs.
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const bundlePath = join(dist, 'tasks.cjs');
const cachePath = `${bundlePath}.cache`;
/** Every script loaded here, by path: the build makes their code caches from them after a warm-up. */
const scripts = new Map();
/**
 * What CommonJS puts around a module. The build writes it into the files loaded here
 * (scripts/build.mjs), so that the source is not copied once more to add it: that copy of the
 * bundle was about 240 pages of memory touched at every start (a fresh page costs about 14 µs on
 * the benchmark's machine). A file without it is wrapped here, as before.
 */
const HEAD = '(function (exports, require, module, __filename, __dirname) {';
const TAIL = '\n})';

/**
 * Runs a CommonJS file with V8's code cache of it (the file's path with `.cache` added) and
 * returns its module. The packages the build bundles into dist/vendor/ load through here too.
 */
function loadScript(path, { useCache = true } = {}) {
  const text = sourceOf(readFileSync(path));
  const source = text.startsWith(HEAD) ? text : `${HEAD}${text}${TAIL}`;
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(`${path}.cache`);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new vm.Script(source, {
    filename: path,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path));
  scripts.set(path, script);
  return module;
}

/**
 * A script's text. The build writes the program's files in ASCII (scripts/build.mjs), and ASCII
 * bytes are taken as they are: Node's reading as UTF-8 touched about 200 more pages of memory
 * for the bundle (its buffer grows as it reads), 1.5 ms at every start.
 */
function sourceOf(bytes) {
  return isAscii(bytes) ? bytes.latin1Slice() : bytes.utf8Slice();
}

/** The bundle's exports, and the compiled script (to make a code cache from). */
function loadBundle({ useCache = true } = {}) {
  const module = loadScript(bundlePath, { useCache });
  return { exports: module.exports, script: scripts.get(bundlePath) };
}

let more;

/**
 * The commands other than the daily views (dist/more.cjs, with its code cache), loaded the first
 * time one of them runs; they take the bundle's own modules from it (scripts/build.mjs).
 */
function loadMore() {
  more ??= loadScript(join(dist, 'more.cjs')).exports.modules;
  return more;
}

module.exports = { dist, bundlePath, cachePath, loadBundle, loadMore, loadScript, scripts, HEAD, TAIL };
