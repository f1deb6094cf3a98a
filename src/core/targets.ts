// Quantified targets (量化指标): whether one is met on a date. A `max` target (控制在5%以内) is met
// at or below its value, any other at or above it.
import { actualOn } from './as-of.js';
import type { IsoDate } from './dates.js';
import type { Target } from './task.js';

/** The latest value the file holds, whatever its date (what an edit or a diff compares). */
export function currentActual(target: Target): number | undefined {
  let latest: { date: string; value: number } | undefined;
  for (const entry of target.actuals ?? []) if (!latest || entry.date >= latest.date) latest = entry;
  return latest?.value ?? target.actual;
}

/** Met, not met, or undefined while no actual value has been reported by the date. */
export function targetMet(target: Target, date: IsoDate): boolean | undefined {
  const actual = actualOn(target, date);
  if (actual === undefined) return undefined;
  return target.direction === 'max' ? actual <= target.target : actual >= target.target;
}

/** Which of `names` a clerk means by `wanted`: its number (1-based), its exact name, or the names containing it. */
export function pickTargets(names: readonly string[], wanted: string): number[] {
  const text = wanted.trim();
  if (text === '') return [];
  if (/^\d+$/.test(text) && !names.includes(text)) {
    const n = Number(text) - 1;
    return n >= 0 && n < names.length ? [n] : [];
  }
  const exact = names.flatMap((name, i) => (name === text ? [i] : []));
  if (exact.length > 0) return exact;
  return names.flatMap((name, i) => (name.includes(text) ? [i] : []));
}
