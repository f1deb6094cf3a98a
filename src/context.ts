// Context: everything a command may take from the outside world, so that tests can replace it.
import type { Lang, Messages } from './i18n/index.js';

export interface Output {
  write(text: string): void;
  /** colour level for this stream: 0 none, 1 basic, 2 256, 3 truecolor */
  colorLevel: number;
  /** terminal width, or undefined when the stream is not a terminal */
  columns: number | undefined;
  isTTY: boolean;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  /** the real clock; commands turn it into "today" in the plan's time zone */
  now(): Date;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  /** this process's id, written into lock files */
  pid: number;
  /** asks a question on the terminal (only when stdin is one); undefined elsewhere */
  prompt?: (question: string) => Promise<string>;
  /** how this program was started, for the git hook it installs */
  self: { node: string; bin: string };
  /**
   * A full garbage collection, which the loader asks for every few thousand tasks of a very large
   * plan: V8 otherwise lets the heap grow to about twice what it holds live.
   */
  collectGarbage?: () => void;
}

/** Options every command receives after the CLI has normalised the global flags. */
export interface GlobalOptions {
  /** plan folder given with --dir, else undefined (search upwards from cwd) */
  dir: string | undefined;
  /** raw --as-of text, resolved by each command against the plan's time zone */
  asOf: string | undefined;
  lang: Lang | undefined;
  color: boolean | undefined;
  ascii: boolean;
  debug: boolean;
  quiet: boolean;
}

export interface Session {
  ctx: Context;
  global: GlobalOptions;
  /** catalog in the language of --lang, else the config's, else Chinese */
  m: Messages;
}
