// When to colour a stream: decided here, once per stream, and small enough to load before any
// command runs (the guard in cli.ts asks it before any painter is made).

/**
 * Colour level for one stream. `flag` is --color (true) / --no-color (false) / neither.
 * Order: the flag, then NO_COLOR, then FORCE_COLOR, then whether the stream is a terminal.
 */
export function colorLevel(isTTY: boolean, env: Record<string, string | undefined>, flag: boolean | undefined): number {
  if (flag === false) return 0;
  if (flag !== true) {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
      if (force === '0' || force === 'false') return 0;
      if (force === '2') return 2;
      if (force === '3') return 3;
      return 1;
    }
    if (!isTTY || env.TERM === 'dumb') return 0;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}
