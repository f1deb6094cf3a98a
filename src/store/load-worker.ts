// A helper thread of the loader (workers.ts), built to dist/load-worker.cjs: it takes chunks of a
// job from a counter shared with the other threads until none are left, and posts each result.
import { parentPort } from 'node:worker_threads';
import { parseFiles } from './parse-files.js';
import { stampFiles } from './scan.js';
import type { ChunkMessage, JobMessage } from './workers.js';

parentPort?.on('message', (job: JobMessage) => {
  const files = job.files.split('\u0000');
  const errors: Array<[number, string]> = [];
  for (;;) {
    const chunk = Atomics.add(job.counter, 0, 1);
    const from = chunk * job.chunkSize;
    if (from >= job.count) break;
    const to = Math.min(from + job.chunkSize, job.count);
    if (job.kind === 'stamp') {
      for (const [index, message] of stampFiles(job.root, files, from, to, job.stamps).errors) errors.push([index, message]);
      continue;
    }
    const result = parseFiles(job.root, files, job.sizes, from, to);
    const message: ChunkMessage = { chunk, result };
    parentPort!.postMessage(message, [result.packed.words.buffer, result.packed.numbers.buffer, result.offsets.buffer] as ArrayBuffer[]);
  }
  const done: ChunkMessage = { done: true, errors };
  parentPort!.postMessage(done);
});
