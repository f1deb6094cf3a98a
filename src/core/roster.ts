// Names of officials and units: protocol order (the roster's, never pinyin) and prefix matching.
import type { Roster } from './config.js';
import { nearest } from './suggest.js';
import { leadsOf, leadUnitOf, type Task } from './task.js';

/**
 * The names in protocol order: the roster's order first, then names the roster lacks in the
 * order the tasks first use them.
 */
export function orderedNames(listed: readonly string[], used: Iterable<string>): string[] {
  const out = [...listed];
  const seen = new Set(out);
  for (const name of used) {
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

export function leadNames(roster: Roster, tasks: readonly Task[]): string[] {
  return orderedNames(roster.leads, tasks.flatMap(leadsOf));
}

export function unitNames(roster: Roster, tasks: readonly Task[]): string[] {
  return orderedNames(roster.units, tasks.flatMap((t) => t.units));
}

export function leadUnitNames(roster: Roster, tasks: readonly Task[]): string[] {
  return orderedNames(roster.units, tasks.map(leadUnitOf));
}

/** A function giving each name its place in protocol order. */
export function rankIn(names: readonly string[]): (name: string) => number {
  const index = new Map(names.map((n, i) => [n, i]));
  return (name) => index.get(name) ?? names.length;
}

export type NameMatch = { ok: true; name: string } | { ok: false; reason: 'ambiguous' | 'unknown'; candidates: string[] };

/**
 * What a clerk typed (`常务`, `住建`) → one name: an exact name, else the only name starting with
 * it, else the only name containing it. Otherwise the candidates to choose from.
 */
export function matchName(input: string, names: readonly string[]): NameMatch {
  const text = input.trim();
  if (names.includes(text)) return { ok: true, name: text };
  const lower = text.toLowerCase();
  const prefixed = names.filter((n) => n.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return { ok: true, name: prefixed[0]! };
  if (prefixed.length > 1) return { ok: false, reason: 'ambiguous', candidates: prefixed };
  const containing = names.filter((n) => n.toLowerCase().includes(lower));
  if (containing.length === 1) return { ok: true, name: containing[0]! };
  if (containing.length > 1) return { ok: false, reason: 'ambiguous', candidates: containing };
  return { ok: false, reason: 'unknown', candidates: nearest(text, names, 5) };
}
