// V8's young generation, sized for the plan at hand, for the views over its lights (src/cli.ts
// `view`). Reading a plan keeps most of what it allocates, so V8 doubles the young generation from
// 2 × 1 MiB up to 2 × 16 MiB on a plan of a few thousand tasks; each page of it is memory touched
// for the first time, which costs about 14 µs a page on the benchmark's machine. Kept at its first
// size, `tasks overdue` at 10,000 tasks takes 9% less time (500 → 454 ms), the dashboard 15% and
// summary 9% less. From about 30,000 tasks on, the many more collections of a small young
// generation cost more than the pages (100,000 tasks: 5% slower), below a few thousand there is
// nothing to gain and node:v8 costs about 4 ms to load, and reports and exports, which keep much
// more of what they make, were slower with it.
//
// V8 reads --semi-space-growth-factor each time it would grow the space, so it works when set at
// run time; --max-semi-space-size is read only at start-up, which a #! line cannot pass. A flag
// that differs from its default also makes V8 reject a code cache made without it: the packages
// of exports (src/packages.ts) load with the default restored, as their caches were made.
import { createRequire } from 'node:module';

const FROM = 2_000;
const UNTIL = 30_000;

let small = false;

function setGrowthFactor(factor: number): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString(`--semi-space-growth-factor=${factor}`);
}

/** Keeps the young generation at its first size for a plan of `files` task files that gains from it. */
export function sizeYoungGeneration(files: number): void {
  if (small || files < FROM || files >= UNTIL) return;
  setGrowthFactor(1);
  small = true;
}

/** V8's own sizing again (its default factor, 2), before a package with a code cache loads. */
export function defaultYoungGeneration(): void {
  if (!small) return;
  setGrowthFactor(2);
  small = false;
}
