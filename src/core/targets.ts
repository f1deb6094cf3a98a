// Quantified targets (量化指标): whether one is met. A `max` target (控制在5%以内) is met at or
// below its value, any other at or above it.
import type { Target } from './task.js';

/** Met, not met, or undefined while no actual value has been reported. */
export function targetMet(target: Target): boolean | undefined {
  if (target.actual === undefined) return undefined;
  return target.direction === 'max' ? target.actual <= target.target : target.actual >= target.target;
}
