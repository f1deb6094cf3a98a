// The heavy packages that only exports, imports and reports use, loaded on first use with require()
// (docx through its CommonJS build): a dynamic import() would need a callback that V8's code cache
// (bin/loader.mjs) cannot carry.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export const exceljs = (): typeof import('exceljs') => load('exceljs') as typeof import('exceljs');
export const jszip = (): typeof import('jszip') => load('jszip') as typeof import('jszip');
export const iconv = (): typeof import('iconv-lite') => load('iconv-lite') as typeof import('iconv-lite');
export const docx = (): typeof import('docx') => load('docx') as typeof import('docx');
