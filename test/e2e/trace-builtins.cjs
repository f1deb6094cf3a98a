// Preloaded with `node --require` by the e2e tests: writes the names of the built-in modules the
// process loaded into the file named by TASKS_TRACE_BUILTINS, with fs alone (writing to stderr
// would itself load Node's streams).
const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.TASKS_TRACE_BUILTINS, process.moduleLoadList.map((m) => m.replace(/^NativeModule /, '')).join('\n')));
