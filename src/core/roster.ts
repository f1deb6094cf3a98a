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

const PUNCTUATION = /[\s（）()【】[\]·・、，,.。:：;；"“”'‘’]/g;

/** A name without spaces, brackets and punctuation, in lower case: 区住建局（人防办） and 区住建局(人防办) are one. */
function bare(name: string): string {
  return name.replace(PUNCTUATION, '').toLowerCase();
}

/**
 * The names `name` is very likely a slip for: the same name up to spaces and punctuation, one
 * containing the other (分管城建 / 分管城建副区长, 住建局 / 区住建局), or the same but for the last
 * character (区住建委 / 区住建局). Two names that differ inside (区民政局 / 区财政局) are not.
 */
export function nearMisses(name: string, names: readonly string[]): string[] {
  const b = bare(name);
  if (b === '') return [];
  return names.filter((other) => {
    if (other === name) return false;
    const o = bare(other);
    if (o === b) return true;
    // a part of three characters or more (区长 is a post of its own, not a slip for 常务副区长)
    if (Math.min([...o].length, [...b].length) >= 3 && (o.includes(b) || b.includes(o))) return true;
    const x = [...o];
    const y = [...b];
    return x.length === y.length && x.length >= 3 && x.slice(0, -1).join('') === y.slice(0, -1).join('');
  });
}

export type NameResolution =
  | { ok: true; name: string; known: boolean }
  | { ok: false; reason: 'ambiguous' | 'near'; candidates: string[] };

/**
 * What a clerk typed for an official or a unit, against the names known: a known name (exact, or
 * the only one it starts with or is part of); refused when it fits several, or when it is a
 * near-miss of one (so that 分管城建 never becomes a second official beside 分管城建副区长); else a
 * new name, taken as written.
 */
export function resolveName(input: string, names: readonly string[]): NameResolution {
  const text = input.trim();
  const match = matchName(text, names);
  if (match.ok) return { ok: true, name: match.name, known: true };
  if (match.reason === 'ambiguous') return { ok: false, reason: 'ambiguous', candidates: match.candidates };
  const near = nearMisses(text, names);
  if (near.length > 0) return { ok: false, reason: 'near', candidates: near };
  return { ok: true, name: text, known: false };
}

/** Pairs of names in one list that are near-misses of each other: [earlier, later]. */
export function nearDuplicates(names: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  names.forEach((name, i) => {
    for (const other of nearMisses(name, names.slice(0, i))) out.push([other, name]);
  });
  return out;
}

// Posts in protocol order: the head of the government, the executive deputy, the other deputies.
const PROTOCOL: readonly RegExp[] = [
  /^(?:区|市|县|州|旗|镇|乡)?(?:委)?书记$/,
  /^(?:区|市|县|州|旗|镇|乡)长$|^(?:区|市|县|州|旗)政府(?:主要负责人|主要领导)$/,
  /^常务副/,
  /副(?:区|市|县|州|旗|镇|乡)长$|^分管/,
];

/** The place of a post in protocol order (区长 0 … 副区长 3), or undefined for a name that is not a known post. */
export function protocolRank(name: string): number | undefined {
  const i = PROTOCOL.findIndex((re) => re.test(name.trim()));
  return i < 0 ? undefined : i;
}

/**
 * The roster after adding `fresh` names to `listed`: each known post goes after the last post of
 * the same or a higher rank, else before the first of a lower one (区长 before 常务副区长, whatever
 * the order met); other names go at the end in the order given. The names already listed keep
 * their order.
 */
export function insertInProtocolOrder(listed: readonly string[], fresh: readonly string[]): string[] {
  const out = [...listed];
  const ranked = fresh.map((name, i) => ({ name, i, rank: protocolRank(name) }));
  ranked.sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99) || a.i - b.i);
  for (const { name, rank } of ranked) {
    if (out.includes(name)) continue;
    if (rank === undefined) {
      out.push(name);
      continue;
    }
    const ranks = out.map(protocolRank);
    const sameOrHigher = ranks.findLastIndex((r) => r !== undefined && r <= rank);
    const lower = ranks.findIndex((r) => r !== undefined && r > rank);
    out.splice(sameOrHigher >= 0 ? sameOrHigher + 1 : lower >= 0 ? lower : out.length, 0, name);
  }
  return out;
}
