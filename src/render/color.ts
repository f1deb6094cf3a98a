// When to colour: decided here, per stream, instead of by chalk (chalk 5 ignores NO_COLOR).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Light } from '../core/light.js';

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

export function painter(level: number): ChalkInstance {
  return new Chalk({ level: level as 0 | 1 | 2 | 3 });
}

export type Paint = ChalkInstance;

/** The colour of a light's word: red and yellow bold, green plain green, the closed states dim. */
export function paintLight(paint: Paint, light: Light, text: string): string {
  switch (light) {
    case 'red':
      return paint.red.bold(text);
    case 'yellow':
      return paint.yellow.bold(text);
    case 'green':
      return paint.green(text);
    case 'done_late':
      return paint.magenta(text);
    default:
      return paint.dim(text);
  }
}
