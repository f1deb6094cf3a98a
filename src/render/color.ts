// When to colour: decided here, per stream, instead of by chalk (chalk 5 ignores NO_COLOR).
import { Chalk, type ChalkInstance } from 'chalk';
import type { Light } from '../core/light.js';

export { colorLevel } from './color-level.js';

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
