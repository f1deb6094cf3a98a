// Preloaded with `node --require` by the e2e tests: reports on stderr which npm packages the
// process loaded (from node_modules or from the build's dist/vendor/), so that a test can prove a
// command never loads exceljs.
const Module = require('node:module');
const loaded = new Set();
const original = Module._load;
Module._load = function load(request, ...rest) {
  if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/')) loaded.add(request.split('/')[0]);
  // a package the build bundled into dist/vendor/ (src/packages.ts)
  const vendored = /(?:^|\/)vendor\/([^/]+)\.cjs$/.exec(request);
  if (vendored) loaded.add(vendored[1]);
  // a part the build keeps beside the bundle, read when first needed (scripts/build.mjs)
  const apart = /^\.\/(js-yaml|i18n-en|yaml|validate-task)\.cjs$/.exec(request);
  if (apart) loaded.add(`dist:${apart[1]}`);
  return original.call(this, request, ...rest);
};
process.on('exit', () => process.stderr.write(`\nLOADED:${[...loaded].sort().join(',')}\n`));
