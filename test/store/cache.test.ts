import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { VERSION } from '../../src/generated/build-info.js';
import { CACHE_KEY, cachePath, readCache } from '../../src/store/cache.js';
import { readTasks, type ReadOptions } from '../../src/store/read-tasks.js';
import { copyFixture } from '../helpers.js';

const m = messages('zh');
const options: ReadOptions = { cache: true, parallelFrom: Infinity };
const read = (dir: string, more: Partial<ReadOptions> = {}) => readTasks(dir, m, { ...options, ...more });
const ids = (r: Awaited<ReturnType<typeof readTasks>>) => r.outcomes.map((o) => ('task' in o ? o.task.id : 'problems'));

/** Makes the cache look written long after its files changed, so that no entry counts as racy. */
function age(dir: string): void {
  const later = new Date(Date.now() + 3_600_000);
  utimesSync(cachePath(dir), later, later);
}

describe('the cache behind the loader', () => {
  it('reads no task file once the cache is older than the files, and every file without it', async () => {
    const dir = copyFixture('lights');
    expect((await read(dir)).parsed).toBe(14);
    age(dir);
    const warm = await read(dir);
    expect(warm.parsed).toBe(0);
    expect(ids(warm)).toEqual(ids(await read(dir, { cache: false })));
    expect((await read(dir, { cache: false })).parsed).toBe(14);
  });

  it('reads again the files changed within two seconds before the cache was written', async () => {
    const dir = copyFixture('lights');
    await read(dir);
    expect((await read(dir)).parsed).toBe(14);
  });

  it('reads again only the file that changed, and finds a file added in a new folder', async () => {
    const dir = copyFixture('lights');
    await read(dir);
    age(dir);
    const file = join(dir, 'tasks', 'L-08.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('按序时推进', '按时序推进'));
    expect((await read(dir)).parsed).toBe(1);
    age(dir);
    mkdirSync(join(dir, 'tasks', '2021'));
    writeFileSync(join(dir, 'tasks', '2021', 'L-20.yaml'), readFileSync(file, 'utf8').replace('id: L-08', 'id: L-20'));
    const r = await read(dir);
    expect(r.parsed).toBe(1);
    expect(r.files).toContain('tasks/2021/L-20.yaml');
  });

  it('is not written again while only an invalid file is read again', async () => {
    const dir = copyFixture('lights');
    writeFileSync(join(dir, 'tasks', 'L-08.yaml'), 'id: L-08\ntitle: [\n');
    await read(dir);
    age(dir);
    const before = statSync(cachePath(dir)).mtimeMs;
    const r = await read(dir);
    expect(r.parsed).toBe(1);
    expect(r.outcomes[r.files.indexOf('tasks/L-08.yaml')]).toMatchObject({ problems: [{ code: 'yaml_syntax' }] });
    expect(statSync(cachePath(dir)).mtimeMs).toBe(before);
  });

  it('reports a FIFO and a folder named like task files on every read, without writing the cache again for them', async () => {
    const dir = copyFixture('lights');
    execFileSync('mkfifo', [join(dir, 'tasks', 'L-90.yaml')]);
    mkdirSync(join(dir, 'tasks', 'L-91.yaml'));
    const codes = (r: Awaited<ReturnType<typeof readTasks>>) =>
      r.files.flatMap((f, i) => (f.includes('L-9') ? [[f, (r.outcomes[i] as { problems: Array<{ code: string }> }).problems.map((p) => p.code)]] : []));
    const first = await read(dir);
    expect(codes(first)).toEqual([['tasks/L-90.yaml', ['not_regular']]]);
    age(dir);
    const before = statSync(cachePath(dir)).mtimeMs;
    const again = await read(dir);
    expect(codes(again)).toEqual(codes(first));
    expect(again.parsed).toBe(1);
    expect(statSync(cachePath(dir)).mtimeMs).toBe(before);
  });

  it('ignores a cache of another program version or schema, and replaces it', async () => {
    const dir = copyFixture('lights');
    await read(dir);
    const bytes = readFileSync(cachePath(dir));
    const other = Buffer.concat([Buffer.from(CACHE_KEY.replace(` ${VERSION} `, ' 0.0.0 ')), bytes.subarray(Buffer.byteLength(CACHE_KEY))]);
    writeFileSync(cachePath(dir), other);
    expect(readCache(dir)).toBeUndefined();
    expect((await read(dir)).parsed).toBe(14);
    expect(readCache(dir)).toBeDefined();
  });

  it('ignores a cache cut short or grown, or whose sections do not add up', async () => {
    const dir = copyFixture('lights');
    await read(dir);
    const bytes = readFileSync(cachePath(dir));
    const table = (Buffer.byteLength(CACHE_KEY) + 7) & ~7;
    const damaged = Buffer.from(bytes);
    damaged[table + 4] = damaged[table + 4]! ^ 0x08;
    for (const wrong of [bytes.subarray(0, bytes.length - 8), Buffer.concat([bytes, Buffer.alloc(8)]), damaged, Buffer.alloc(0)]) {
      writeFileSync(cachePath(dir), wrong);
      expect(readCache(dir)).toBeUndefined();
    }
    writeFileSync(cachePath(dir), bytes);
    expect(readCache(dir)).toBeDefined();
  });

  it('removes the cache file of the earlier format when it writes its own', async () => {
    const dir = copyFixture('lights');
    mkdirSync(join(dir, '.tasks-cache'));
    writeFileSync(join(dir, '.tasks-cache', 'tasks.ndjson'), '{"key":"1:x"}\n');
    await read(dir);
    expect(existsSync(join(dir, '.tasks-cache', 'tasks.ndjson'))).toBe(false);
  });

  it('gives the same tasks when helper threads stamp and parse the files', async () => {
    const dir = copyFixture('lights');
    const here = await read(dir, { cache: false });
    const cold = await read(dir, { parallelFrom: 1 });
    age(dir);
    const warm = await read(dir, { parallelFrom: 1 });
    expect(cold).toEqual(here);
    expect(warm.outcomes).toEqual(here.outcomes);
    expect(warm.parsed).toBe(0);
  });
});
