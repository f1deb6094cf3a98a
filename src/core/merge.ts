// The three-way merge of one record (a task, the settings) field by field, decided by the shape
// of each field in the JSON Schema, so that fields added to the schema later merge sensibly
// without a change here:
//
//   - a list of objects with a `date` is a log (progress, extensions, status changes, completion
//     requests, a target's actuals): the entries of both sides are kept, ordered by date, an entry
//     both sides added exactly alike once; an entry changed on one side takes that change;
//   - any other list of objects is keyed by its first required field (milestones by title,
//     targets by name): items merge by key, field by field;
//   - a nested object merges field by field;
//   - everything else (a scalar, a list of names such as units, tags, lead) is one value: a value
//     changed on one side takes that side, changed differently on both sides is a conflict.
//
// The result is a list of operations on ours, so that the file keeps ours' layout and only the
// nodes that changed are touched, and the conflicts, which keep ours' value until a person decides.

type Json = unknown;
export type MergePath = Array<string | number>;

/** Edits of the merged record, in the order they must be applied (see store/yaml-edit.ts). */
export type MergeOp =
  | { op: 'set'; path: MergePath; value: Json }
  | { op: 'delete'; path: MergePath }
  | { op: 'insert'; path: MergePath; index: number; value: Json };

export interface MergeConflict {
  /** where in the merged record, with list indexes as they are in the merged record */
  path: MergePath;
  base: Json;
  ours: Json;
  theirs: Json;
}

export interface MergeResult {
  ops: MergeOp[];
  conflicts: MergeConflict[];
}

export type Shape =
  | { kind: 'value' }
  | { kind: 'record'; fields: Record<string, Shape> }
  /** entries with a date: a union ordered by `order` */
  | { kind: 'log'; item: Shape; order: string }
  /** items identified by `key`; new items placed by `order` when it is set */
  | { kind: 'keyed'; item: Shape; key: string; order: string | undefined }
  /** a list of names merged as an ordered set (the roster of the settings) */
  | { kind: 'set' };

interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  format?: string;
}

/**
 * The merge shape of a schema node. `namesAsSets` merges lists of strings as ordered sets (the
 * settings' roster) rather than as one value (a task's units, whose order says who leads).
 */
export function shapeOf(schema: SchemaNode, options: { namesAsSets?: boolean } = {}): Shape {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 1 && types[0] === 'object' && schema.properties) {
    const fields: Record<string, Shape> = {};
    for (const [key, node] of Object.entries(schema.properties)) fields[key] = shapeOf(node, options);
    return { kind: 'record', fields };
  }
  if (types.length === 1 && types[0] === 'array' && schema.items) {
    const item = schema.items;
    if (item.type === 'object' && item.properties) {
      const itemShape = shapeOf(item, options);
      const dateField = Object.entries(item.properties).find(([, node]) => node.format === 'date')?.[0];
      if (item.properties.date?.format === 'date') return { kind: 'log', item: itemShape, order: 'date' };
      const key = item.required?.[0];
      if (key) return { kind: 'keyed', item: itemShape, key, order: dateField };
    }
    if (item.type === 'string' && options.namesAsSets) return { kind: 'set' };
  }
  return { kind: 'value' };
}

/** JSON with sorted keys: equal data, equal text. */
export function canonical(value: Json): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}

const same = (a: Json, b: Json) => canonical(a) === canonical(b);
const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges `theirs` into `ours` against their common `base` (undefined when both sides added the record). */
export function mergeRecords(base: Json, ours: Json, theirs: Json, shape: Shape): MergeResult {
  const out: MergeResult = { ops: [], conflicts: [] };
  mergeAt([], base, ours, theirs, shape, out);
  return out;
}

function mergeAt(path: MergePath, base: Json, ours: Json, theirs: Json, shape: Shape, out: MergeResult): void {
  if (same(ours, theirs)) return;
  if (shape.kind === 'record' && isRecord(ours) && isRecord(theirs) && (base === undefined || isRecord(base))) {
    mergeFields(path, base as Record<string, Json> | undefined, ours, theirs, shape.fields, out);
    return;
  }
  if (shape.kind !== 'value' && shape.kind !== 'record' && Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
    const b = (base as Json[] | undefined) ?? [];
    if (shape.kind === 'set') mergeSet(path, b, ours, theirs, out);
    else if (shape.kind === 'keyed' && uniqueKeys(shape.key, b, ours, theirs)) mergeKeyed(path, b, ours, theirs, shape, out);
    else mergeLog(path, b, ours, theirs, shape.kind === 'log' ? shape : { item: shape.item, order: shape.order ?? '' }, out);
    return;
  }
  mergeValue(path, base, ours, theirs, out);
}

function mergeValue(path: MergePath, base: Json, ours: Json, theirs: Json, out: MergeResult): void {
  if (same(ours, theirs) || same(base, theirs)) return;
  if (same(base, ours)) {
    out.ops.push(theirs === undefined ? { op: 'delete', path } : { op: 'set', path, value: theirs });
    return;
  }
  out.conflicts.push({ path, base, ours, theirs });
}

function mergeFields(path: MergePath, base: Record<string, Json> | undefined, ours: Record<string, Json>, theirs: Record<string, Json>, fields: Record<string, Shape>, out: MergeResult): void {
  const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !(k in ours))];
  for (const key of keys) {
    const b = base?.[key];
    const o = ours[key];
    const t = theirs[key];
    const shape = fields[key] ?? { kind: 'value' };
    // a field that only one side has, or that one side removed, is a value, whatever its shape
    if (o === undefined || t === undefined) mergeValue([...path, key], b, o, t, out);
    else mergeAt([...path, key], b, o, t, shape, out);
  }
}

/** A list as it becomes: ours' items that stay (by their index in ours) and new ones, in order. */
type Slot = { from: 'ours'; index: number; value: Json } | { from: 'new'; value: Json };

/** Emits the operations that turn ours' list into `slots`, then each slot's own merge at its final index. */
function emitList(path: MergePath, oursLength: number, slots: readonly Slot[], inner: ReadonlyArray<(index: number) => void>, out: MergeResult): void {
  const kept = new Set(slots.flatMap((s) => (s.from === 'ours' ? [s.index] : [])));
  for (let i = oursLength - 1; i >= 0; i--) if (!kept.has(i)) out.ops.push({ op: 'delete', path: [...path, i] });
  slots.forEach((slot, index) => {
    if (slot.from === 'new') out.ops.push({ op: 'insert', path, index, value: slot.value });
  });
  slots.forEach((_slot, index) => inner[index]?.(index));
}

/** Where an item ordered by `order` goes: after every item of that value or earlier. */
function orderIndex(slots: readonly Slot[], value: Json, order: string | undefined): number {
  const key = order && isRecord(value) ? value[order] : undefined;
  if (typeof key !== 'string') return slots.length;
  let index = slots.length;
  while (index > 0) {
    const previous = slots[index - 1]!.value;
    const at = isRecord(previous) ? previous[order!] : undefined;
    if (typeof at === 'string' && at > key) index--;
    else break;
  }
  return index;
}

interface SideChanges {
  /** base index → the side's index, for entries the side kept exactly */
  kept: Map<number, number>;
  /** base index → the side's index, for entries the side changed (paired by their order value) */
  changed: Map<number, number>;
  /** the side's indexes of entries it added */
  added: number[];
}

/** How a side changed a log against the base: exact matches, then changes paired by date, then additions. */
function changesOf(base: readonly Json[], side: readonly Json[], order: string): SideChanges {
  const kept = new Map<number, number>();
  const changed = new Map<number, number>();
  const free = new Set(side.keys());
  const byText = new Map<string, number[]>();
  side.forEach((entry, i) => {
    const text = canonical(entry);
    byText.set(text, [...(byText.get(text) ?? []), i]);
  });
  const unmatched: number[] = [];
  base.forEach((entry, b) => {
    const candidates = byText.get(canonical(entry));
    const i = candidates?.shift();
    if (i === undefined) unmatched.push(b);
    else {
      kept.set(b, i);
      free.delete(i);
    }
  });
  for (const b of unmatched) {
    const entry = base[b];
    const key = isRecord(entry) ? entry[order] : undefined;
    if (key === undefined) continue;
    const i = [...free].find((s) => {
      const candidate = side[s];
      return isRecord(candidate) && candidate[order] === key;
    });
    if (i !== undefined) {
      changed.set(b, i);
      free.delete(i);
    }
  }
  return { kept, changed, added: [...free].sort((a, b) => a - b) };
}

function mergeLog(path: MergePath, base: readonly Json[], ours: readonly Json[], theirs: readonly Json[], shape: { item: Shape; order: string }, out: MergeResult): void {
  const o = changesOf(base, ours, shape.order);
  const t = changesOf(base, theirs, shape.order);
  const oursOf = new Map<number, number>();
  for (const [b, i] of [...o.kept, ...o.changed]) oursOf.set(i, b);
  const slots: Slot[] = ours.map((value, index) => ({ from: 'ours', index, value }));
  const inner = new Map<Slot, (index: number) => void>();

  base.forEach((entry, b) => {
    const oi = o.kept.get(b) ?? o.changed.get(b);
    const ti = t.kept.get(b) ?? t.changed.get(b);
    if (oi !== undefined) {
      const slot = slots[oi]!;
      if (ti === undefined) {
        // removed by theirs: gone, unless ours changed it (nothing a side added to is lost)
        if (o.kept.has(b)) slots.splice(slots.indexOf(slot), 1);
      } else if (t.changed.has(b)) {
        inner.set(slot, (index) => mergeAt([...path, index], entry, ours[oi], theirs[ti], shape.item, out));
      }
    } else if (ti !== undefined && t.changed.has(b)) {
      // removed by ours, changed by theirs: theirs' version comes back
      slots.splice(orderIndex(slots, theirs[ti], shape.order), 0, { from: 'new', value: theirs[ti] });
    }
  });
  // what theirs added, unless an entry exactly like it is already there as often as theirs has it
  const count = (list: readonly Json[], text: string) => list.filter((e) => canonical(e) === text).length;
  for (const i of t.added) {
    const entry = theirs[i];
    const text = canonical(entry);
    if (count(slots.map((s) => s.value), text) >= count(theirs, text)) continue;
    slots.splice(orderIndex(slots, entry, shape.order), 0, { from: 'new', value: entry });
  }
  emitList(path, ours.length, slots, slots.map((s) => inner.get(s) ?? (() => undefined)), out);
}

function keyOf(item: Json, key: string): string | undefined {
  if (!isRecord(item)) return undefined;
  const value = item[key];
  return value === undefined ? undefined : canonical(value);
}

function uniqueKeys(key: string, ...lists: ReadonlyArray<readonly Json[]>): boolean {
  return lists.every((list) => {
    const keys = list.map((item) => keyOf(item, key));
    return keys.every((k) => k !== undefined) && new Set(keys).size === keys.length;
  });
}

function mergeKeyed(path: MergePath, base: readonly Json[], ours: readonly Json[], theirs: readonly Json[], shape: { item: Shape; key: string; order: string | undefined }, out: MergeResult): void {
  const index = (list: readonly Json[]) => new Map(list.map((item, i) => [keyOf(item, shape.key)!, i]));
  const inBase = index(base);
  const inOurs = index(ours);
  const inTheirs = index(theirs);
  const slots: Slot[] = ours.map((value, i) => ({ from: 'ours', index: i, value }));
  const inner = new Map<Slot, (i: number) => void>();
  ours.forEach((item, oi) => {
    const key = keyOf(item, shape.key)!;
    const bi = inBase.get(key);
    const ti = inTheirs.get(key);
    const slot = slots[oi]!;
    if (ti === undefined) {
      // removed by theirs: gone unless ours changed it since the base
      if (bi !== undefined && same(base[bi], item)) slots.splice(slots.indexOf(slot), 1);
      return;
    }
    inner.set(slot, (i) => mergeAt([...path, i], bi === undefined ? undefined : base[bi], item, theirs[ti], shape.item, out));
  });
  let previousKey: string | undefined;
  theirs.forEach((item) => {
    const key = keyOf(item, shape.key)!;
    const bi = inBase.get(key);
    const wanted = !inOurs.has(key) && (bi === undefined || !same(base[bi], item));
    if (wanted) {
      // after the item theirs has before it, or where its date puts it
      const after = previousKey === undefined ? -1 : slots.findIndex((s) => keyOf(s.value, shape.key) === previousKey);
      const at = shape.order ? orderIndex(slots, item, shape.order) : after + 1;
      slots.splice(at, 0, { from: 'new', value: item });
    }
    if (slots.some((s) => keyOf(s.value, shape.key) === key)) previousKey = key;
  });
  emitList(path, ours.length, slots, slots.map((s) => inner.get(s) ?? (() => undefined)), out);
}

/** Names: ours' order, theirs' removals applied, theirs' additions after the name theirs has before them. */
function mergeSet(path: MergePath, base: readonly Json[], ours: readonly Json[], theirs: readonly Json[], out: MergeResult): void {
  const text = (list: readonly Json[]) => new Set(list.map(canonical));
  const inBase = text(base);
  const inOurs = text(ours);
  const inTheirs = text(theirs);
  const slots: Slot[] = ours.map((value, index) => ({ from: 'ours', index, value }));
  for (const slot of [...slots]) {
    const t = canonical(slot.value);
    if (inBase.has(t) && !inTheirs.has(t)) slots.splice(slots.indexOf(slot), 1);
  }
  let previous: string | undefined;
  for (const name of theirs) {
    const t = canonical(name);
    if (!inOurs.has(t) && !inBase.has(t)) {
      const after = previous === undefined ? -1 : slots.findIndex((s) => canonical(s.value) === previous);
      slots.splice(after + 1, 0, { from: 'new', value: name });
    }
    if (slots.some((s) => canonical(s.value) === t)) previous = t;
  }
  emitList(path, ours.length, slots, [], out);
}

interface DeadlineChange {
  from: string;
  to: string;
}

/**
 * The extension records the deadline in force did not come from: walking back from the deadline
 * through each record's `from`, a record off that chain that moved the same deadline elsewhere
 * (two clerks extending one task differently, merged) never took effect.
 */
export function supersededExtensions(extensions: readonly DeadlineChange[], deadline: string): number[] {
  const chain = new Set<number>();
  let at = deadline;
  for (let i = extensions.length - 1; i >= 0; i--) {
    if (extensions[i]!.to === at) {
      chain.add(i);
      at = extensions[i]!.from;
    }
  }
  const fromsOnChain = new Set([...chain].map((i) => extensions[i]!.from));
  return extensions.flatMap((x, i) => (!chain.has(i) && fromsOnChain.has(x.from) ? [i] : []));
}
