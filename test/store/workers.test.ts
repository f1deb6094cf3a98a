// The helper thread itself (dist/load-worker.cjs, built by npm test before the tests run): the
// loader's own thread usually takes every chunk of a small plan before a helper has started.
import { statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { STAMP } from '../../src/store/cache.js';
import { Unpacker } from '../../src/store/pack.js';
import { parseFiles } from '../../src/store/parse-files.js';
import { listTaskFiles } from '../../src/store/load.js';
import { stampFiles } from '../../src/store/scan.js';
import type { ChunkMessage, JobMessage } from '../../src/store/workers.js';
import { copyFixture, ROOT } from '../helpers.js';

function runJob(job: JobMessage): Promise<ChunkMessage[]> {
  const worker = new Worker(join(ROOT, 'dist', 'load-worker.cjs'));
  const replies: ChunkMessage[] = [];
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (reply: ChunkMessage) => {
      replies.push(reply);
      if ('done' in reply) void worker.terminate().then(() => resolve(replies));
    });
    worker.postMessage(job);
  });
}

const counter = () => new Int32Array(new SharedArrayBuffer(4));

describe('a helper thread of the loader', () => {
  it('takes the stamps of every file, chunk by chunk, into shared memory', async () => {
    const dir = copyFixture('lights');
    const files = [...listTaskFiles(dir), 'tasks/missing.yaml'];
    const stamps = new Float64Array(new SharedArrayBuffer(files.length * STAMP * 8));
    const replies = await runJob({ kind: 'stamp', root: dir, files: files.join('\u0000'), count: files.length, chunkSize: 4, counter: counter(), stamps });
    expect(replies).toEqual([{ done: true, errors: [[14, expect.stringContaining('ENOENT')]] }]);
    const here = stampFiles(dir, files);
    expect([...stamps.subarray(0, 14 * STAMP)]).toEqual([...here.stamps.subarray(0, 14 * STAMP)]);
  });

  it('stamps the same files whether the root ends in a separator or not, and a path out of the plan as join() names it', () => {
    const dir = copyFixture('lights');
    const files = [...listTaskFiles(dir).slice(0, 3), `../${basename(dir)}/tasks.config.yaml`, 'tasks/missing.yaml'];
    const plain = stampFiles(dir, files);
    const slashed = stampFiles(`${dir}${sep}`, files);
    const joined = files.map((f) => statSync(join(dir, f), { throwIfNoEntry: false }));
    expect([...slashed.stamps]).toEqual([...plain.stamps]);
    expect(joined.slice(0, 4).map((s) => s!.ino)).toEqual([0, 1, 2, 3].map((i) => plain.stamps[i * STAMP + 3]));
    expect([...plain.errors]).toEqual([[4, 'ENOENT']]);
  });

  it('parses chunks of files into the same packed tasks and problems as this thread', async () => {
    const dir = copyFixture('lights');
    const files = listTaskFiles(dir);
    const sizes = Float64Array.from(files, (_, i) => stampFiles(dir, files).stamps[i * STAMP]!);
    const shared = new Float64Array(new SharedArrayBuffer(sizes.byteLength));
    shared.set(sizes);
    const replies = await runJob({ kind: 'parse', root: dir, files: files.join('\u0000'), count: files.length, chunkSize: 5, counter: counter(), sizes: shared });
    expect(replies.at(-1)).toEqual({ done: true, errors: [] });
    const chunks = replies.flatMap((r) => ('chunk' in r ? [r] : []));
    expect(chunks.map((c) => c.chunk)).toEqual([0, 1, 2]);
    for (const { chunk, result } of chunks) {
      const here = parseFiles(dir, files, sizes, chunk * 5, Math.min(chunk * 5 + 5, files.length));
      const tasks = (r: typeof here) => [...r.offsets].map((offset) => (offset < 0 ? undefined : new Unpacker(r.packed).at(offset)));
      expect(tasks(result)).toEqual(tasks(here));
      expect(result.problems).toEqual(here.problems);
      expect(result.slow).toEqual(here.slow);
    }
  });
});
