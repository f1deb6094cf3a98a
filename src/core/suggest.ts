// "Did you mean …?": the nearest candidates to a mistyped word.

/** Levenshtein distance over code points, so that one Chinese character counts as one edit. */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/**
 * The candidates closest to `word`, best first: those containing it or contained in it, then
 * those within an edit distance of about a third of the word's length.
 */
export function nearest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = word.toLowerCase();
  const scored: Array<{ c: string; score: number }> = [];
  for (const c of new Set(candidates)) {
    const lc = c.toLowerCase();
    if (lc === w) continue;
    const d = editDistance(w, lc);
    const budget = Math.max(1, Math.ceil(Math.max([...w].length, [...lc].length) / 3));
    const contains = w.length >= 2 && (lc.includes(w) || w.includes(lc));
    if (d <= budget || contains) scored.push({ c, score: contains ? d - 100 : d });
  }
  scored.sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.c);
}

/** Ids closest to a mistyped one: the same id up to leading zeros (2020-17 → 2020-017) first. */
export function nearestIds(id: string, ids: readonly string[], limit = 5): string[] {
  const numbersOnly = (s: string) => s.replace(/\d+/g, (d) => String(Number(d)));
  const same = ids.filter((c) => c !== id && numbersOnly(c) === numbersOnly(id));
  return [...new Set([...same, ...nearest(id, ids, limit)])].slice(0, limit);
}
