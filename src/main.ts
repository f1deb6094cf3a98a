// The only module that touches `process`: argv, env, cwd, the clock, the streams, the exit code.
// bin/tasks loads the bundle built from this file and calls main().
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { runCli } from './cli.js';
import type { Context, Output } from './context.js';

export { runCli };

function output(stream: NodeJS.WriteStream): Output {
  return {
    write: (text) => void stream.write(text),
    colorLevel: 0,
    columns: stream.isTTY ? stream.columns : undefined,
    isTTY: stream.isTTY === true,
  };
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
  // A reader that stops early (tasks list | head) closes the pipe: that is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const ctx: Context = {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdout: output(process.stdout),
    stderr: output(process.stderr),
    stdinIsTTY: process.stdin.isTTY === true,
    pid: process.pid,
    isAlive,
    prompt: process.stdin.isTTY ? ask : undefined,
    self: { node: process.execPath, bin: process.argv[1] ?? '' },
    collectGarbage,
    checkpoint: process.env.TASKS_CRASH_AT ? crashAt(process.env.TASKS_CRASH_AT) : undefined,
  };
  try {
    process.exitCode = await runCli(process.argv.slice(2), ctx);
  } finally {
    reader?.close();
  }
}
