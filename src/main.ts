// The only module that touches `process`: argv, env, cwd, the clock, the streams, the exit code.
// bin/tasks loads the bundle built from this file and calls main().
import { fstatSync, statSync, writeSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { runCli } from './cli.js';
import type { Context, Output } from './context.js';
import { sizeYoungGeneration } from './heap.js';

export { runCli };

/**
 * One of the standard outputs, opened as a Node stream only when something is written to it and
 * it is a terminal or a pipe. A file or /dev/null is written to directly, as Node's own stream for
 * a file does. Node's streams, and the tty module that tells a terminal, load about 25 modules
 * (net among them): about 10 ms on every start whose output goes to a file, or that writes nothing
 * to stderr.
 *
 * stdout to a file is gathered in a buffer of its own, written out when full, before anything goes
 * to stderr (so that `> log 2>&1` keeps the order) and at exit: a long table is then encoded line
 * by line into the same memory, instead of into a new string and a new buffer for every piece.
 */
function output(fd: 1 | 2, stream: () => NodeJS.WriteStream, before?: () => void): Output & { flush(): void; idle(): boolean } {
  const { direct, tty } = standard(fd);
  let write: ((text: string) => void) | undefined;
  let opened: NodeJS.WriteStream | undefined;
  let flush = () => undefined as void;
  const open = (): ((text: string) => void) => {
    if (direct && fd === 1) {
      const buffered = bufferedWriter(fd);
      flush = buffered.flush;
      process.on('exit', flush);
      return buffered.write;
    }
    if (direct) return (text) => writeAll(fd, Buffer.from(text, 'utf8'));
    opened = stream();
    // A reader that stops early (tasks list | head) closes the pipe: that is not an error.
    opened.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
    return (text) => void opened!.write(text);
  };
  return {
    write: (text) => {
      before?.();
      (write ??= open())(text);
    },
    flush: () => flush(),
    idle: () => opened === undefined || opened.writableLength === 0,
    colorLevel: 0,
    columns: tty ? stream().columns : undefined,
    isTTY: tty,
    buffered: direct && fd === 1,
  };
}

// a piece of 64 K characters (json.ts, cli/output.ts) fits whole, as UTF-8
const BUFFER = 256 * 1024;

function bufferedWriter(fd: number): { write(text: string): void; flush(): void } {
  const buffer = Buffer.allocUnsafe(BUFFER);
  let used = 0;
  const flush = () => {
    writeAll(fd, buffer.subarray(0, used));
    used = 0;
  };
  return {
    write: (text) => {
      // a UTF-16 unit is at most 3 bytes of UTF-8
      if (text.length * 3 > BUFFER - used) {
        flush();
        if (text.length * 3 > BUFFER) return writeAll(fd, Buffer.from(text, 'utf8'));
      }
      used += buffer.write(text, used, 'utf8');
    },
    flush,
  };
}

/**
 * What a standard file descriptor is open on: a file or /dev/null (written to directly), a pipe or
 * socket (never a terminal), or another device, which only the tty module can tell.
 */
function standard(fd: number): { direct: boolean; tty: boolean } {
  let stat: Stats;
  try {
    stat = fstatSync(fd);
  } catch {
    return { direct: false, tty: false };
  }
  if (stat.isFile()) return { direct: true, tty: false };
  if (stat.isFIFO() || stat.isSocket()) return { direct: false, tty: false };
  if (stat.isCharacterDevice() && stat.rdev === devNull()) return { direct: true, tty: false };
  const { isatty } = createRequire(import.meta.url)('node:tty') as typeof import('node:tty');
  return { direct: false, tty: isatty(fd) };
}

function devNull(): number | undefined {
  try {
    return statSync('/dev/null').rdev;
  } catch {
    return undefined;
  }
}

/** Writes all of the bytes to a file descriptor open on a file (where a write is never short but by a full disk). */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let reader: import('node:readline/promises').Interface | undefined;

/**
 * One answer from the terminal. One reader serves every question, so that lines typed (or pasted)
 * ahead are kept for the next one; Ctrl+D answers with nothing, as an empty line does.
 */
async function ask(question: string): Promise<string> {
  if (!reader) {
    // required, not imported: bin/loader.cjs runs the bundle as a script, where import() has no loader
    const { createInterface } = createRequire(import.meta.url)('node:readline/promises') as typeof import('node:readline/promises');
    const opened = createInterface({ input: process.stdin, output: process.stderr });
    // Ctrl+D closes it; the next question opens another (a terminal can still be read)
    opened.on('close', () => {
      if (reader === opened) reader = undefined;
    });
    reader = opened;
  }
  try {
    return (await reader.question(question)).trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ABORT_ERR' || code === 'ERR_USE_AFTER_CLOSE') return '';
    throw error;
  }
}

let gc: (() => void) | undefined;

/** A full garbage collection; `gc` is exposed at run time, since bin/tasks cannot pass node flags. */
function collectGarbage(): void {
  if (!gc) {
    // node:v8 is loaded only here: most runs never need it, and it costs a few ms to load
    const v8 = createRequire(import.meta.url)('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

/** For the crash tests: the process dies at the named step, as if the power went. */
function crashAt(step: string): (reached: string) => void {
  return (reached) => {
    if (reached === step) process.kill(process.pid, 'SIGKILL');
  };
}

export async function main(): Promise<void> {
  const stdinIsTTY = standard(0).tty;
  const stdout = output(1, () => process.stdout);
  const stderr = output(2, () => process.stderr, stdout.flush);
  const ctx: Context = {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdout,
    stderr,
    stdinIsTTY,
    pid: process.pid,
    isAlive,
    prompt: stdinIsTTY ? ask : undefined,
    self: { node: process.execPath, bin: process.argv[1] ?? '' },
    collectGarbage,
    planSize: sizeYoungGeneration,
    checkpoint: process.env.TASKS_CRASH_AT ? crashAt(process.env.TASKS_CRASH_AT) : undefined,
  };
  try {
    process.exitCode = await runCli(process.argv.slice(2), ctx);
  } finally {
    reader?.close();
  }
  // Everything a command does is awaited by the time it answers. Leaving now skips taking the
  // runtime down piece by piece (about 4 ms on the benchmark's machine); the 'exit' handlers
  // still write out what stdout holds. Output still on its way through a stream (a pipe where
  // writes are not synchronous) is left to finish as usual.
  if (stdout.idle() && stderr.idle()) process.exit();
}
