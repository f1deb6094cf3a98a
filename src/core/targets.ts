// Quantified targets (量化指标): whether one is met on a date. A `max` target (控制在5%以内) is met
// at or below its value, any other at or above it.
import { actualOn } from './as-of.js';
import type { IsoDate } from './dates.js';
import type { Target } from './task.js';

/** Met, not met, or undefined while no actual value has been reported by the date. */
export function targetMet(target: Target, date: IsoDate): boolean | undefined {
  const actual = actualOn(target, date);
  if (actual === undefined) return undefined;
  return target.direction === 'max' ? actual <= target.target : actual >= target.target;
}
