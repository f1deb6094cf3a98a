// A reader for the plain block YAML that task files are written in (store/yaml.ts writes them so,
// and clerks' hand edits mostly keep to it): block mappings with identifier keys, block sequences,
// plain scalars on one line, quoted scalars on one line, | and |- blocks, [] and {}, comments.
//
// It answers for a file only when it is sure to read it exactly as js-yaml's core schema does,
// and otherwise gives up (undefined), so that the caller asks js-yaml: anything rarer (a folded or
// multi-line scalar, a flow collection, a float, a hex number, an escape it does not know, a
// duplicate key …) goes there. It reads a task file several times faster than js-yaml, which is
// most of the work of a first load of a large plan. The property test in test/unit/plain-yaml.test.ts
// checks that whatever it answers equals js-yaml's answer.

/** js-yaml refuses a text holding any of these (its own pattern): so does this reader, by giving up. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const KEY = /^([A-Za-z_][A-Za-z0-9_]*):(?: |$)/;
const INT = /^(?:0|-?[1-9][0-9]{0,14})$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** A decimal fraction, read the same by Number() as by js-yaml's parseFloat(). */
const DECIMAL = /^-?[0-9]{1,15}\.[0-9]{1,15}$/;
/** What a plain item of a flow sequence may not hold. */
const FLOW_UNSAFE = /[[\]{}#'":]/;
/** Characters that can make up a YAML number (of any base, with exponent, underscores, .inf and .nan). */
const NUMBERISH = /^[-+.0-9a-zA-Z_:]*$/;
/** A sign inside the text that is not an exponent's: no number has one there. */
const INNER_SIGN = /[^eE][-+]/;
/** What a plain scalar may not start with (YAML's indicators), and what it may not hold. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

class GiveUp {}
const GIVE_UP = new GiveUp();

interface Line {
  /** spaces before the content */
  indent: number;
  /** the content, without the indentation and without a trailing \r */
  text: string;
  /** the whole line, without a trailing \r */
  raw: string;
}

/** The data of `text`, or undefined when this reader cannot be sure of it. */
export function readPlainYaml(text: string): unknown {
  // tabs, and a carriage return alone (a line break to js-yaml), are left to it
  if (NON_PRINTABLE.test(text) || text.includes('\t') || /\r(?!\n)/.test(text)) return undefined;
  try {
    const reader = new Reader(text);
    const first = reader.peek();
    if (!first || first.indent !== 0) return undefined;
    const data = reader.mapping(0);
    if (reader.peek()) return undefined;
    return data;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class Reader {
  private readonly lines: Line[];
  private at = 0;

  constructor(text: string) {
    const raws = text.split('\n');
    this.lines = raws.map((raw) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      let indent = 0;
      while (line.charCodeAt(indent) === 32) indent++;
      return { indent, text: line.slice(indent), raw: line };
    });
  }

  /** The next line that is neither blank nor a comment, without taking it. */
  peek(): Line | undefined {
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.text !== '' && line.text.charCodeAt(0) !== 35 /* # */) return line;
      this.at++;
    }
    return undefined;
  }

  mapping(indent: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) throw GIVE_UP;
      const key = KEY.exec(line.text);
      if (!key) throw GIVE_UP;
      const name = key[1]!;
      if (name === '__proto__' || Object.hasOwn(out, name)) throw GIVE_UP;
      this.at++;
      out[name] = this.valueAfter(line.text.slice(key[0].length), indent);
    }
    return out;
  }

  /** The value after `key:` on a line indented by `indent`: on the same line, or the block below it. */
  private valueAfter(rest: string, indent: number): unknown {
    const value = withoutComment(rest);
    if (value === '') {
      const next = this.peek();
      if (!next) return null;
      const dash = isDash(next.text);
      if (next.indent > indent) return dash ? this.sequence(next.indent) : this.mapping(next.indent);
      if (next.indent === indent && dash) return this.sequence(indent);
      return null;
    }
    if (value === '|' || value === '|-') return this.literal(indent, value === '|-');
    return scalar(value);
  }

  private sequence(indent: number): unknown[] {
    const out: unknown[] = [];
    for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) throw GIVE_UP;
      if (!isDash(line.text)) break;
      let column = 1;
      while (line.text.charCodeAt(column) === 32) column++;
      const item = line.text.slice(column);
      if (item === '' || isDash(item)) throw GIVE_UP;
      if (KEY.test(item)) {
        // `- key: value`: a mapping whose keys stand where this one does
        line.indent += column;
        line.text = item;
        out.push(this.mapping(line.indent));
      } else {
        this.at++;
        const value = withoutComment(item);
        if (value === '|' || value === '|-') throw GIVE_UP;
        out.push(scalar(value));
      }
    }
    return out;
  }

  /** A literal block (| or |-) under a key indented by `indent`. */
  private literal(indent: number, strip: boolean): string {
    const start = this.at;
    let block = -1;
    const content: string[] = [];
    let end = start;
    for (let i = start; i < this.lines.length; i++) {
      const line = this.lines[i]!;
      if (line.text === '') {
        // a line of spaces only, longer than the block's indentation, would keep its extra spaces
        if (block === -1 || line.raw.length > block) throw GIVE_UP;
        content.push('');
        continue;
      }
      if (block === -1) {
        if (line.indent <= indent) break;
        block = line.indent;
      } else if (line.indent < block) break;
      content.push(line.raw.slice(block));
      end = i + 1;
    }
    if (block === -1) throw GIVE_UP;
    this.at = end;
    // trailing empty lines are not part of the text; clip keeps one line break, strip none
    content.length = end - start;
    return content.join('\n') + (strip ? '' : '\n');
  }
}

function isDash(text: string): boolean {
  return text.charCodeAt(0) === 45 /* - */ && (text.length === 1 || text.charCodeAt(1) === 32);
}

/** The text before a comment (` #` or a leading `#`), without the spaces around it. */
function withoutComment(text: string): string {
  let value = text.trimStart();
  if (value.charCodeAt(0) === 35 /* # */) return '';
  const quote = value.charCodeAt(0);
  // a quoted scalar may hold ' #'; its end is found by scalar() below
  if (quote === 34 || quote === 39) return value.trimEnd();
  const hash = value.indexOf(' #');
  if (hash >= 0) value = value.slice(0, hash);
  return value.trimEnd();
}

/** A scalar written on one line (its comment removed). */
function scalar(value: string): unknown {
  if (value === '') throw GIVE_UP;
  const first = value.charCodeAt(0);
  if (first === 34 /* " */) return doubleQuoted(value);
  if (first === 39 /* ' */) return singleQuoted(value);
  if (value === '[]') return [];
  if (value === '{}') return {};
  if (first === 91 /* [ */) return flowSequence(value);
  if (INDICATOR.test(value) && !(first === 45 && value.length > 1 && value.charCodeAt(1) !== 32)) throw GIVE_UP;
  if (value.includes(': ') || value.endsWith(':')) throw GIVE_UP;
  switch (value) {
    case 'null': case 'Null': case 'NULL': case '~':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
  }
  if (INT.test(value) || DECIMAL.test(value)) return Number(value);
  if (DATE.test(value)) return value;
  // whatever else could be a number (1.5, 0x1F, 1e3, .inf, +5, 007, 1_000) is left to js-yaml
  if (first <= 57 /* 9 */ && (first >= 48 || first === 43 || first === 45 || first === 46) && NUMBERISH.test(value) && !INNER_SIGN.test(value)) throw GIVE_UP;
  return value;
}

/** `[a, b]` of plain items on one line. */
function flowSequence(value: string): unknown[] {
  if (!value.endsWith(']')) throw GIVE_UP;
  return value.slice(1, -1).split(',').map((item) => {
    const text = item.trim();
    if (text === '' || FLOW_UNSAFE.test(text)) throw GIVE_UP;
    return scalar(text);
  });
}

/** A double-quoted scalar that ends on its line, with the escapes this reader knows. */
function doubleQuoted(value: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const next = value.slice(i).search(/["\\]/);
    if (next < 0) throw GIVE_UP;
    out += value.slice(i, i + next);
    i += next;
    if (value.charCodeAt(i) === 34) break;
    const escape = value[i + 1];
    const simple = escape === undefined ? undefined : SIMPLE_ESCAPES.get(escape);
    if (simple !== undefined) {
      out += simple;
      i += 2;
      continue;
    }
    const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : 0;
    const hex = value.slice(i + 2, i + 2 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) throw GIVE_UP;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw GIVE_UP;
    out += code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
    i += 2 + digits;
  }
  afterQuote(value, i);
  return out;
}

const SIMPLE_ESCAPES = new Map<string, string>([
  ['\\', '\\'], ['"', '"'], ['/', '/'], ['n', '\n'], ['t', '\t'], ['r', '\r'], ['0', '\0'], ['a', '\x07'], ['b', '\b'], ['e', '\x1b'], ['f', '\f'], ['v', '\v'],
]);

function singleQuoted(value: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const next = value.indexOf("'", i);
    if (next < 0) throw GIVE_UP;
    out += value.slice(i, next);
    if (value.charCodeAt(next + 1) === 39) {
      out += "'";
      i = next + 2;
      continue;
    }
    i = next;
    break;
  }
  afterQuote(value, i);
  return out;
}

/** After a closing quote at `i`, only spaces, or a comment after a space, may follow. */
function afterQuote(value: string, i: number): void {
  const rest = value.slice(i + 1);
  if (rest.trim() !== '' && !/^\s+#/.test(rest)) throw GIVE_UP;
}
