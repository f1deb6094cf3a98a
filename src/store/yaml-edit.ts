// Edits to a task file that change only the affected lines: comments, key order, quoting, line
// ends, a BOM and every untouched line stay byte-identical. (The `yaml` Document API re-formats
// comments, flow lists and folded blocks when it writes; see research/reliability-ecosystem.md §1.)
//
// Each operation finds its node's position with `yaml`, replaces or inserts text there, and the
// result is parsed again: it must hold exactly the data the operation means, or nothing is written.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { TASK_KEYS } from './schema.js';

type PathSegment = string | number;

export type EditOp =
  /** set a value, adding the key where the schema's key order puts it if it is missing */
  | { op: 'set'; path: PathSegment[]; value: unknown }
  /** remove a key, or a list's item when the last segment is an index */
  | { op: 'delete'; path: PathSegment[] }
  /** insert an item into a list at `index` (creating the list if missing) */
  | { op: 'insert'; path: PathSegment[]; index: number; value: unknown }
  /** remove the item at `index` from a list (the list goes when it is left empty) */
  | { op: 'remove'; path: PathSegment[]; index: number };

/** The file's layout does not allow this edit without touching other lines. */
export class EditError extends Error {}

/** The operations applied to plain data: what the edited file must read back as. */
export function applyToData(data: Record<string, unknown>, ops: readonly EditOp[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const op of ops) {
    const parent = walkData(copy, op.path.slice(0, -1), op.op !== 'delete' && op.op !== 'remove');
    const last = op.path.at(-1)!;
    if (op.op === 'remove') {
      const record = parent as Record<PathSegment, unknown>;
      const list = record[last] as unknown[];
      list.splice(op.index, 1);
      if (list.length === 0) delete record[last];
    } else if (op.op === 'set') (parent as Record<PathSegment, unknown>)[last] = structuredClone(op.value);
    else if (op.op === 'delete') {
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (parent && typeof parent === 'object') delete (parent as Record<PathSegment, unknown>)[last];
    } else {
      const record = parent as Record<PathSegment, unknown>;
      const list = (record[last] as unknown[] | undefined) ?? [];
      list.splice(op.index, 0, structuredClone(op.value));
      record[last] = list;
    }
  }
  return copy;
}

function walkData(data: unknown, path: readonly PathSegment[], create: boolean): unknown {
  let node = data as Record<PathSegment, unknown>;
  for (const segment of path) {
    if (node[segment] === undefined && create) node[segment] = {};
    node = node[segment] as Record<PathSegment, unknown>;
  }
  return node;
}

interface Text {
  body: string;
  bom: boolean;
  eol: '\n' | '\r\n';
}

function split(source: string): Text {
  const bom = source.startsWith('\uFEFF');
  const body = bom ? source.slice(1) : source;
  return { body, bom, eol: body.includes('\r\n') ? '\r\n' : '\n' };
}

/** Applies the operations to the file's text, one at a time, each on a fresh parse. */
export function applyToText(source: string, ops: readonly EditOp[]): string {
  const text = split(source);
  let body = text.body;
  for (const op of ops) body = applyOne(body, op, text.eol);
  return (text.bom ? '\uFEFF' : '') + body;
}

function parse(body: string): Document {
  const doc = parseDocument(body, { keepSourceTokens: false, uniqueKeys: false });
  if (doc.errors.length > 0) throw new EditError(doc.errors[0]!.message);
  return doc;
}

function keyOf(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** The map or list at `path`, and the pair holding it in its parent map. */
function find(doc: Document, path: readonly PathSegment[]): { node: unknown; pair?: Pair; parent?: YAMLMap | YAMLSeq } {
  let node: unknown = doc.contents;
  let pair: Pair | undefined;
  let parent: YAMLMap | YAMLSeq | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      parent = node;
      pair = node.items.find((p) => keyOf(p) === String(segment));
      node = pair?.value;
    } else if (isSeq(node)) {
      parent = node;
      pair = undefined;
      node = node.items[Number(segment)];
    } else return { node: undefined };
    if (node === undefined) return { node: undefined, pair, parent };
  }
  return { node, pair, parent };
}

const lineStart = (body: string, pos: number) => body.lastIndexOf('\n', pos - 1) + 1;
const lineEnd = (body: string, pos: number) => {
  const i = body.indexOf('\n', pos);
  return i === -1 ? body.length : i + 1;
};

/** End of a node's value, extended to the end of its last line (including the newline). */
function valueLineEnd(body: string, node: Node | null | undefined, fallback: number): number {
  const end = node?.range?.[1] ?? fallback;
  if (end > 0 && body[end - 1] === '\n') return end;
  return lineEnd(body, Math.max(0, end - 1) || end);
}

function indentOf(body: string, pos: number): number {
  return pos - lineStart(body, pos);
}

/** Whether block lists in this file indent their dashes under the key (`units:\n  - a`). */
function indentsLists(doc: Document, body: string): boolean {
  let found: boolean | undefined;
  const visit = (node: unknown, keyColumn: number) => {
    if (found !== undefined) return;
    if (isMap(node)) for (const p of node.items) visit(p.value, indentOf(body, (p.key as Node).range![0]));
    else if (isSeq(node) && !node.flow && node.items.length > 0) {
      const first = node.items[0] as Node;
      found = indentOf(body, first.range![0]) - 2 > keyColumn;
    }
  };
  visit(doc.contents, 0);
  return found ?? true;
}

/** `key: value` (or `- value`) lines for a new value, indented to `column`. */
function render(key: string | undefined, value: unknown, column: number, indentSeq: boolean, eol: string, flow = false): string {
  const pad = ' '.repeat(column);
  const yamlText = flow
    ? `${key}: ${stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd()}\n`
    : stringify(key === undefined ? [value] : { [key]: value }, { lineWidth: 0, indentSeq, blockQuote: 'literal', flowCollectionPadding: false });
  return yamlText
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join(eol) + eol;
}

function applyOne(body: string, op: EditOp, eol: string): string {
  const doc = parse(body);
  const indentSeq = indentsLists(doc, body);
  const key = op.path.at(-1)!;
  const parentPath = op.path.slice(0, -1);
  const { node: parentNode } = find(doc, parentPath);

  if (op.op === 'remove') {
    const { node: list, pair } = find(doc, op.path);
    if (!isSeq(list) || op.index >= list.items.length) throw new EditError(`no item ${op.index} at ${op.path.join('.')}`);
    if (list.items.length === 1) return applyOne(body, { op: 'delete', path: op.path }, eol);
    if (list.flow) {
      const values = (list.toJSON() as unknown[]).slice();
      values.splice(op.index, 1);
      return replacePair(body, pair!, render(String(key), values, indentOf(body, (pair!.key as Node).range![0]), indentSeq, eol, true));
    }
    const item = list.items[op.index] as Node;
    const start = lineStart(body, item.range![0]);
    // the item's own lines only: a comment above the next item stays with that item
    const next = list.items[op.index + 1] as Node | undefined;
    const end = Math.min(valueLineEnd(body, item, body.length), next ? lineStart(body, next.range![0]) : body.length);
    return body.slice(0, start) + body.slice(end);
  }

  if (op.op === 'insert') {
    const { node: list, pair } = find(doc, op.path);
    if (!isSeq(list)) return applyOne(body, { op: 'set', path: op.path, value: [op.value] }, eol);
    if (list.flow) {
      const values = (list.toJSON() as unknown[]).slice();
      values.splice(op.index, 0, op.value);
      return replacePair(body, pair!, render(String(key), values, indentOf(body, (pair!.key as Node).range![0]), indentSeq, eol, true));
    }
    const first = list.items[0] as Node;
    const column = indentOf(body, first.range![0]) - 2;
    const at = op.index < list.items.length ? lineStart(body, (list.items[op.index] as Node).range![0]) : valueLineEnd(body, list, body.length);
    const prefix = at === body.length && body.length > 0 && !body.endsWith('\n') ? eol : '';
    return body.slice(0, at) + prefix + render(undefined, op.value, column, indentSeq, eol) + body.slice(at);
  }

  if (op.op === 'delete' && isSeq(parentNode) && typeof key === 'number') return removeItem(body, doc, op.path, eol, indentSeq);
  if (!isMap(parentNode)) {
    if (op.op === 'delete') return body;
    throw new EditError(`no mapping at ${parentPath.join('.')}`);
  }
  const pair = parentNode.items.find((p) => keyOf(p) === String(key));

  if (op.op === 'delete') {
    if (!pair) return body;
    const start = lineStart(body, (pair.key as Node).range![0]);
    // a key inside a list item (`- title: x`) cannot lose its line without losing the dash
    if (body.slice(start, (pair.key as Node).range![0]).includes('-')) throw new EditError('cannot delete the first key of a list item');
    return body.slice(0, start) + body.slice(valueLineEnd(body, pair.value as Node, body.length));
  }

  // set
  if (pair) {
    const value = pair.value as Node | null;
    const simple = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
    if (isScalar(value) && simple(op.value) && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED') {
      const rendered = stringify(op.value, { lineWidth: 0 }).replace(/\n$/, '');
      if (!rendered.includes('\n')) return body.slice(0, value.range![0]) + rendered + body.slice(value.range![1]);
    }
    const column = indentOf(body, (pair.key as Node).range![0]);
    const flow = isSeq(value) && value.flow && Array.isArray(op.value);
    return replacePair(body, pair, render(String(key), op.value, column, indentSeq, eol, flow));
  }
  // a new key: after the nearest existing key that comes before it in the schema's order
  const column = parentNode.items.length > 0 ? indentOf(body, (parentNode.items[0]!.key as Node).range![0]) : 0;
  const order = parentPath.length === 0 ? TASK_KEYS : [];
  const rank = order.indexOf(String(key));
  let after: Pair | undefined;
  for (const p of parentNode.items) {
    const r = order.indexOf(keyOf(p));
    if (rank === -1 || (r !== -1 && r < rank)) after = p;
  }
  after ??= rank === -1 ? parentNode.items.at(-1) : undefined;
  const at = after ? valueLineEnd(body, after.value as Node, body.length) : parentNode.items.length > 0 ? lineStart(body, (parentNode.items[0]!.key as Node).range![0]) : body.length;
  const prefix = at === body.length && body.length > 0 && !body.endsWith('\n') ? eol : '';
  return body.slice(0, at) + prefix + render(String(key), op.value, column, indentSeq, eol) + body.slice(at);
}

/** Removes a list's item: its lines in a block list, or the value from a flow list. */
function removeItem(body: string, doc: Document, path: readonly PathSegment[], eol: string, indentSeq: boolean): string {
  const { node: list, pair } = find(doc, path.slice(0, -1));
  const index = path.at(-1) as number;
  if (!isSeq(list) || index >= list.items.length) return body;
  if (list.flow || list.items.length === 1) {
    // the last item of a block list goes with its lines, leaving `key: []` rather than an empty key
    if (!pair) throw new EditError('a list outside a mapping');
    const values = (list.toJSON() as unknown[]).filter((_v, i) => i !== index);
    return replacePair(body, pair, render(keyOf(pair), values, indentOf(body, (pair.key as Node).range![0]), indentSeq, eol, true));
  }
  const item = list.items[index] as Node;
  const start = lineStart(body, item.range![0]);
  // the item's dash must stand alone before it on its line, or the line holds more than the item
  if (body.slice(start, item.range![0]).replace(/-/, '').trim() !== '') throw new EditError('a list item that does not start its line');
  return body.slice(0, start) + body.slice(valueLineEnd(body, item, body.length));
}

function replacePair(body: string, pair: Pair, lines: string): string {
  const keyStart = (pair.key as Node).range![0];
  const start = lineStart(body, keyStart);
  const lead = body.slice(start, keyStart);
  // keep whatever stands before the key on its line (a list item's `- `)
  const text = lead.trim() === '' ? lines : lead + lines.trimStart();
  return body.slice(0, start) + text + body.slice(valueLineEnd(body, pair.value as Node, body.length));
}
