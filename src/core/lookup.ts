// Lookups in tables of words keyed by what a clerk typed: only the table's own keys count, so that
// "constructor" or "__proto__" typed as a status, a light, a date or a time zone finds nothing
// instead of something from Object.prototype.

/**
 * Full-width ASCII as ASCII: what a Chinese input method types for digits and signs
 * (２０２０／９／３０, ＋１０ｄ, ８０％) read as 2020/9/30, +10d, 80%.
 */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
