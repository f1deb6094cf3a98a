// Known failures carry a message for the clerk and an exit code; nothing else prints a stack.

export const EXIT = {
  OK: 0,
  /** some task files could not be read or have errors (the rest was still processed) */
  DATA: 1,
  USAGE: 2,
  /** `--check` found red tasks */
  CHECK: 3,
  /** an output file or folder cannot be written */
  IO: 4,
  INTERNAL: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A failure the user can act on: printed as one line, without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.USAGE,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}


export function ioError(message: string, cause?: unknown): UserError {
  return new UserError(message, EXIT.IO, { cause });
}
