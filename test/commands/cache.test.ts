import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runJson } from '../helpers.js';

const list = async (dir: string) => (await runJson(['list', '--as-of', '2020-09-30'], { cwd: dir })).json;
const title = async (dir: string, id: string) => (await list(dir)).tasks.find((t: any) => t.id === id)?.title;
const cacheFile = (dir: string) => join(dir, '.tasks-cache', 'plan.bin');

/** Makes the cache look written long after the files, so that no entry counts as racy. */
function ageFiles(dir: string) {
  const old = new Date('2020-01-01T00:00:00Z');
  for (const id of ['L-01', 'L-02', 'L-03', 'L-04', 'L-05', 'L-06', 'L-07', 'L-08', 'L-09', 'L-10', 'L-11', 'L-12', 'L-13', 'L-14']) {
    utimesSync(join(dir, 'tasks', `${id}.yaml`), old, old);
  }
}

describe('the cache of parsed tasks', () => {
  it('is written on the first run and used on the next, in a folder that ignores itself in git', async () => {
    const dir = copyFixture('lights');
    await list(dir);
    expect(existsSync(cacheFile(dir))).toBe(true);
    expect(readFileSync(join(dir, '.tasks-cache', '.gitignore'), 'utf8')).toBe('*\n');
    const first = await list(dir);
    expect(first.tasks).toHaveLength(14);
    expect(await list(dir)).toEqual(first);
  });

  it('sees an edit of the same size made right after the cache was written', async () => {
    const dir = copyFixture('lights');
    await list(dir);
    const file = join(dir, 'tasks', 'L-08.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('按序时推进', '按时序推进'));
    expect(await title(dir, 'L-08')).toBe('按时序推进');
  });

  it('sees a same-size edit even when the mtime is put back (the ctime changes)', async () => {
    const dir = copyFixture('lights');
    ageFiles(dir);
    await list(dir);
    const file = join(dir, 'tasks', 'L-08.yaml');
    const before = statSync(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('按序时推进', '按时序推进'));
    utimesSync(file, before.atime, before.mtime);
    expect(await title(dir, 'L-08')).toBe('按时序推进');
  });

  it('reports a cached file that has since become invalid, and forgets a deleted one', async () => {
    const dir = copyFixture('lights');
    ageFiles(dir);
    await list(dir);
    writeFileSync(join(dir, 'tasks', 'L-08.yaml'), 'id: L-08\ntitle: [\n');
    rmSync(join(dir, 'tasks', 'L-09.yaml'));
    const r = await runJson(['list', '--as-of', '2020-09-30'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.json.tasks.map((t: any) => t.id)).not.toContain('L-09');
    expect(r.json.unreadable[0].file).toBe('tasks/L-08.yaml');
  });

  it('ignores a damaged cache, and works with the cache switched off', async () => {
    const dir = copyFixture('lights');
    await list(dir);
    const bytes = readFileSync(cacheFile(dir));
    writeFileSync(cacheFile(dir), bytes.subarray(0, bytes.length - 100));
    expect((await list(dir)).tasks).toHaveLength(14);
    rmSync(join(dir, '.tasks-cache'), { recursive: true });
    const off = await runJson(['list', '--as-of', '2020-09-30'], { cwd: dir, env: { TASKS_CACHE: 'off' } });
    expect(off.json.tasks).toHaveLength(14);
    expect(existsSync(cacheFile(dir))).toBe(false);
  });
});
