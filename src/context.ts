// Context: everything a command may take from the outside world, so that tests can replace it;
// Session: what the command line settles once before any command runs.
import type { IsoDate } from './core/dates.js';
import type { Messages } from './i18n/index.js';

export interface Output {
  write(text: string): void;
  /** colour level for this stream: 0 none, 1 basic, 2 256, 3 truecolor */
  colorLevel: number;
  /** terminal width, or undefined when the stream is not a terminal */
  columns: number | undefined;
  isTTY: boolean;
  /** small writes are gathered into large ones by the output itself (stdout to a file) */
  buffered?: boolean;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  /** the real clock; the command line turns it into "today" in the plan's time zone */
  now(): Date;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  /** this process's id, written into lock files */
  pid: number;
  /** whether a process with this id is running; without it, no lock is taken over before it is stale */
  isAlive?: (pid: number) => boolean;
  /** asks a question on the terminal (only when stdin is one); undefined elsewhere */
  prompt?: (question: string) => Promise<string>;
  /**
   * Called at each step of a write (journaled, written, committed …). The crash tests have the
   * process killed at a named step; otherwise it does nothing.
   */
  checkpoint?: (step: string) => void;
  /** how this program was started, for the git hook it installs */
  self: { node: string; bin: string };
  /**
   * A full garbage collection, which the loader asks for every few thousand tasks of a very large
   * plan: V8 otherwise lets the heap grow to about twice what it holds live.
   */
  collectGarbage?: () => void;
  /** told how many task files the plan holds, to size V8's young generation (src/heap.ts) */
  planSize?: (files: number) => void;
}

/** The global flags, as parsed. */
export interface Flags {
  /** --color (true), --no-color (false), or neither */
  color: boolean | undefined;
  ascii: boolean;
  debug: boolean;
  quiet: boolean;
}

/** What every command receives besides its options and the plan. */
export interface Session {
  io: Context;
  /** the catalog in the language settled once: --lang, else the plan's, else TASKS_LANG, else Chinese */
  m: Messages;
  flags: Flags;
  /** today in the plan's time zone, from the real clock */
  today: IsoDate;
  /** the date the answer is for: --as-of, else today */
  asOf: IsoDate;
  /** --as-of was given (a report then covers the period containing it, not the last complete one) */
  asOfGiven?: boolean;
}
