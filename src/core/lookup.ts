// Lookups in tables of words keyed by what a clerk typed: only the table's own keys count, so that
// "constructor" or "__proto__" typed as a status, a light, a date or a time zone finds nothing
// instead of something from Object.prototype.

export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
