// The schema validators' errors as problems that point at the offending key or value and say how
// to fix it. Loaded only when some file fails validation.
import type { ErrorObject } from 'ajv';
import { nearest } from '../core/suggest.js';
import { readStatus } from '../core/words.js';
import { problem, type Problem, type ProblemParams } from '../core/problems.js';
import type { Messages } from '../i18n/index.js';
import { locate, sourceAt, type Located, type PathSegment } from './diagnose.js';
import { configSchema, taskSchema, type Validator } from './schema.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: string[];
  type?: string | string[];
  minimum?: number;
  maximum?: number;
}

function schemaAt(root: SchemaNode, path: readonly PathSegment[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    node = typeof segment === 'number' ? node.items : node.properties?.[segment];
  }
  return node;
}

function pathOf(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v: unknown = data;
  for (const s of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, s) ? (v as Record<string | number, unknown>)[s] : undefined;
  }
  return v;
}

/** A value as a message may quote it: text as it is, anything else as JSON ({"a":1}, not [object Object]). */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

/** Problems for the errors that `validator` left after validating `data`. */
export function schemaProblems(
  kind: 'task' | 'config',
  validator: Validator,
  m: Messages,
): (file: string, data: unknown, located: Located) => Problem[] {
  const root = (kind === 'task' ? taskSchema : configSchema) as SchemaNode;
  return (file, data, located) => {
    const out: Problem[] = [];
    const seen = new Set<string>();
    for (const error of validator.errors ?? []) {
      const mapped = mapError(error, root, data, m);
      if (!mapped) continue;
      if (mapped.params.hint === 'quote') mapped.params.value = sourceAt(located, mapped.path) ?? mapped.params.value;
      const pos = locate(located, mapped.path, { key: mapped.atKey });
      const key = `${pos.line}:${pos.column}:${mapped.code}:${mapped.params.key ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(problem(file, pos, mapped.code, mapped.params));
    }
    return out.sort((a, b) => a.line - b.line || a.column - b.column);
  };
}

interface Mapped {
  code: Problem['code'];
  params: ProblemParams;
  path: PathSegment[];
  atKey?: boolean;
}

function mapError(error: ErrorObject, root: SchemaNode, data: unknown, m: Messages): Mapped | undefined {
  const path = pathOf(error.instancePath);
  const field = m.fieldPath(path);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
    case 'const':
      return undefined;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(schemaAt(root, path)?.properties ?? {});
      const suggestion = nearest(key, allowed, 1)[0];
      return {
        code: ['__proto__', 'constructor', 'prototype'].includes(key) ? 'forbidden_key' : 'unknown_key',
        params: { key, suggestion, allowed: allowed.join(', '), where: path.length ? field : undefined },
        path: [...path, key],
        atKey: true,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      if (key === 'done_on' && error.schemaPath.includes('/then')) return { code: 'done_on_required', params: {}, path: ['status'] };
      return { code: 'missing_key', params: { key, field: m.fieldPath([...path, key]) }, path, atKey: path.length > 0 };
    }
    case 'not':
      if (error.schemaPath.startsWith('#/else')) {
        // without a status (or with one that is not a word) the status's own problem says what to fix
        const status = valueAt(data, ['status']);
        if (typeof status !== 'string') return undefined;
        return { code: 'done_on_forbidden', params: { status }, path: ['done_on'], atKey: true };
      }
      return { code: 'schema_other', params: { field, detail: error.keyword }, path };
    case 'type': {
      const expected = String(params.type).split(',').join('|');
      const actual = typeName(value);
      const quote = expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean');
      // .inf and .nan are numbers to YAML but not to the schema: say what they are, not "number"
      const special = typeof value === 'number' && !Number.isFinite(value) ? (Number.isNaN(value) ? 'nan' : 'infinity') : undefined;
      return {
        code: 'wrong_type',
        params: {
          field,
          expected: m.types[expected] ?? expected,
          actual: m.types[special ?? actual] ?? actual,
          hint: quote ? 'quote' : value === null ? 'empty' : undefined,
          value: quote ? String(value) : undefined,
        },
        path,
      };
    }
    case 'format':
      return { code: 'invalid_date', params: { field, value: shown(value) }, path };
    case 'enum': {
      const allowed = (params.allowedValues as string[]) ?? [];
      // a value that is not even text (status: {a: 1}) has its type error already
      if (typeof value !== 'string' && allowed.every((a) => typeof a === 'string')) return undefined;
      const text = shown(value);
      const fromWord = path.at(-1) === 'status' ? readStatus(text) : undefined;
      const suggestion = fromWord ?? nearest(text, allowed, 1)[0];
      return { code: 'bad_enum', params: { field, value: text, allowed: m.describeAllowed(allowed), suggestion }, path };
    }
    case 'minLength':
    case 'minItems':
      return { code: 'empty_value', params: { field }, path };
    case 'pattern':
      return { code: 'bad_id', params: { field, value: shown(value) }, path };
    case 'minimum':
    case 'maximum': {
      const node = schemaAt(root, path);
      return { code: 'out_of_range', params: { field, value: shown(value), limit: `${node?.minimum ?? ''}–${node?.maximum ?? ''}` }, path };
    }
    case 'uniqueItems':
      return { code: 'duplicate_item', params: { field }, path };
    case 'maxLength':
    case 'maxItems':
      return { code: 'too_long', params: { field, length: typeof value === 'string' ? [...value].length : Array.isArray(value) ? value.length : '', limit: String(params.limit) }, path };
    default:
      // the keyword only: ajv's own message is English
      return { code: 'schema_other', params: { field, detail: error.keyword }, path };
  }
}

