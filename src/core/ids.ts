// The one id allocator, used by `tasks new` and both importers: `<year>-NNN`, numbered after the
// highest number the plan already uses, so that an id once in the plan is never handed out again.
//
// A plan kept on several computers gives each computer its own series, a letter or three after the
// year (`2020-B001`): two clerks creating tasks at the same time, on clones or exchanging bundles
// with no network, can then never hand out the same id, with no renumbering afterwards.

/** A computer's id series: one to three capital letters. */
export const SERIES = /^[A-Z]{1,3}$/;

function numberIn(id: string, prefix: string): number | undefined {
  if (!id.startsWith(prefix)) return undefined;
  const digits = id.slice(prefix.length);
  return /^\d+$/.test(digits) ? Number(digits) : undefined;
}

/**
 * Ids for a list of new tasks: where `given` has an id it is kept; the others get
 * `<year>-<series>NNN` (at least three digits), counting up from one past the highest number of
 * that series in `taken` (the plan's ids) and stepping over any id in `taken` or `given`.
 */
export function allocateIds(given: ReadonlyArray<string | undefined>, year: number, taken: Iterable<string> = [], series = ''): string[] {
  const prefix = `${year}-${series}`;
  const used = new Set<string>(taken);
  let highest = 0;
  let widest = 3;
  for (const id of used) {
    const n = numberIn(id, prefix);
    if (n === undefined) continue;
    highest = Math.max(highest, n);
    widest = Math.max(widest, id.length - prefix.length);
  }
  for (const id of given) if (id !== undefined) used.add(id);
  const missing = given.filter((id) => id === undefined).length;
  const width = Math.max(widest, String(highest + missing).length);
  let next = highest;
  return given.map((id) => {
    if (id !== undefined) return id;
    let candidate: string;
    do candidate = `${prefix}${String(++next).padStart(width, '0')}`;
    while (used.has(candidate));
    used.add(candidate);
    return candidate;
  });
}

/** The next id of the year (and series) for one new task. */
export function nextId(taken: Iterable<string>, year: number, series = ''): string {
  return allocateIds([undefined], year, taken, series)[0]!;
}
