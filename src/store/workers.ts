// Helper threads for large plans: they take the stamps of the task files, or read and parse them,
// alongside this thread. Imported only for a large plan, with node:worker_threads. The work is cut into chunks that every thread takes from one shared
// counter, so that no thread waits while another still has a queue, and a chunk that a helper
// never finished (a thread that died) is simply done here afterwards.
//
// A thread pool package (piscina, tinypool) would queue tasks by message, one round trip per
// chunk, for jobs that live a few seconds at most; the shared counter needs no round trips.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { STAMP, type Stamps } from './cache.js';
import { detach, parseFiles, type ParsedFiles } from './parse-files.js';
import { stampFiles } from './scan.js';

interface JobBase {
  root: string;
  /** the files, joined by NUL: one string is much cheaper to pass than many */
  files: string;
  count: number;
  chunkSize: number;
  /** the next chunk to take, shared by all threads */
  counter: Int32Array;
}

export type JobMessage = (JobBase & { kind: 'stamp'; stamps: Stamps }) | (JobBase & { kind: 'parse'; sizes: Stamps });
export type ChunkMessage = { chunk: number; result: ParsedFiles } | { done: true; errors: Array<[number, string]> };

const STAMP_CHUNK = 2048;
const PARSE_CHUNK = 256;
const MAX_HELPERS = 7;

/** The worker script: next to the bundle, or the built one when running from the sources (tests). */
function workerEntry(): string | undefined {
  for (const candidate of ['./load-worker.cjs', '../../dist/load-worker.cjs']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** How many helpers this machine can use alongside this thread. */
export function helperCount(): number {
  return Math.min(availableParallelism() - 1, MAX_HELPERS);
}

export class Helpers {
  private readonly alive = new Set<Worker>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      this.alive.add(worker);
      worker.on('exit', () => this.alive.delete(worker));
      // a helper that fails is noticed by its job (its chunks are done here); this only keeps it from throwing
      worker.on('error', () => undefined);
    }
  }

  /** Starts `count` helper threads, or returns undefined when there are none to start. */
  static start(count = helperCount()): Helpers | undefined {
    const entry = count > 0 ? workerEntry() : undefined;
    if (!entry) return undefined;
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < count; i++) workers.push(new Worker(entry));
    } catch {
      for (const worker of workers) void worker.terminate();
      return undefined;
    }
    return new Helpers(workers);
  }

  /**
   * Takes the stamps of `files` on the helpers, starting now; finish() takes part on this thread
   * and returns them all, with the error of each file that could not be stat'ed.
   */
  stamp(root: string, files: readonly string[]): { finish(): Promise<{ stamps: Stamps; errors: Map<number, string> }> } {
    const stamps = new Float64Array(new SharedArrayBuffer(files.length * STAMP * Float64Array.BYTES_PER_ELEMENT));
    // a size of -1 marks a stamp not yet taken
    for (let i = 0; i < files.length; i++) stamps[i * STAMP] = -1;
    const job = this.post({ kind: 'stamp', root, files: files.join('\u0000'), count: files.length, chunkSize: STAMP_CHUNK, counter: counter(), stamps });
    return {
      finish: async () => {
        const errors = new Map<number, string>();
        for (let from = job.take(); from < files.length; from = job.take()) {
          for (const [index, message] of stampFiles(root, files, from, Math.min(from + STAMP_CHUNK, files.length), stamps).errors) errors.set(index, message);
        }
        for (const { errors: theirs } of await job.done) for (const [index, message] of theirs) errors.set(index, message);
        for (let i = 0; i < files.length; i++) {
          if (stamps[i * STAMP] === -1) for (const [index, message] of stampFiles(root, files, i, i + 1, stamps).errors) errors.set(index, message);
        }
        return { stamps, errors };
      },
    };
  }

  /** Reads and parses `files` (sizes from their stamps) on the helpers and on this thread; the results in order. */
  async parse(root: string, files: readonly string[], sizes: Float64Array): Promise<ParsedFiles[]> {
    const shared = new Float64Array(new SharedArrayBuffer(sizes.byteLength));
    shared.set(sizes);
    const job = this.post({ kind: 'parse', root, files: files.join('\u0000'), count: files.length, chunkSize: PARSE_CHUNK, counter: counter(), sizes: shared });
    const results: Array<ParsedFiles | undefined> = [];
    const here = (from: number) => detach(parseFiles(root, files, sizes, from, Math.min(from + PARSE_CHUNK, files.length)));
    for (let from = job.take(); from < files.length; from = job.take()) results[from / PARSE_CHUNK] = here(from);
    for (const { chunks } of await job.done) for (const { chunk, result } of chunks) results[chunk] = result;
    const all: ParsedFiles[] = [];
    for (let chunk = 0; chunk * PARSE_CHUNK < files.length; chunk++) all.push(results[chunk] ?? here(chunk * PARSE_CHUNK));
    return all;
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private post(message: JobMessage) {
    const done = [...this.alive].map(
      (worker) =>
        new Promise<{ chunks: Array<{ chunk: number; result: ParsedFiles }>; errors: Array<[number, string]> }>((resolve) => {
          const chunks: Array<{ chunk: number; result: ParsedFiles }> = [];
          const finish = (errors: Array<[number, string]>) => {
            worker.off('message', onMessage);
            worker.off('exit', onExit);
            resolve({ chunks, errors });
          };
          const onMessage = (reply: ChunkMessage) => ('done' in reply ? finish(reply.errors) : chunks.push(reply));
          const onExit = () => finish([]);
          worker.on('message', onMessage);
          worker.on('exit', onExit);
          worker.postMessage(message);
        }),
    );
    return {
      /** the first file of the next chunk this thread takes */
      take: () => Atomics.add(message.counter, 0, 1) * message.chunkSize,
      done: Promise.all(done),
    };
  }
}

function counter(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

