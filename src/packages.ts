// The heavy packages that only exports, imports and reports use, loaded on first use with require()
// (docx through its CommonJS build): a dynamic import() would need a callback that V8's code cache
// (bin/loader.cjs) cannot carry.
//
// The build bundles each of them into dist/vendor/ with V8's code cache of it (scripts/build.mjs):
// loading exceljs from its hundreds of files in node_modules costs several times as much. From
// the sources (the tests), they come from node_modules.
import { createRequire } from 'node:module';
import { defaultYoungGeneration } from './heap.js';

const load = createRequire(import.meta.url);

function vendor<T>(name: string): T {
  // its code cache was made with V8's default flags
  defaultYoungGeneration();
  const bundled = `./vendor/${name}.cjs`;
  try {
    return load(bundled) as T;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== 'MODULE_NOT_FOUND' || !e.message.includes(bundled)) throw error;
  }
  return load(name) as T;
}

export const exceljs = (): typeof import('exceljs') => vendor('exceljs');
export const iconv = (): typeof import('iconv-lite') => vendor('iconv-lite');
export const docx = (): typeof import('docx') => vendor('docx');
