// JSON output: one document, two-space indent, dates as YYYY-MM-DD strings.
//
// A report of 100,000 tasks is half a gigabyte of JSON: made as one string it takes several times
// that in memory and comes near the longest string V8 can make. writeJson() writes the same
// text as JSON.stringify(value, null, 2) in pieces of about CHUNK characters, each ending between
// two values, so that it can go to a file or a pipe as it is made.
const CHUNK = 1 << 16;

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes the text of toJson(value) through `emit`, in pieces of about CHUNK characters, as it is
 * made; a piece never ends inside a string.
 */
export function writeJson(value: unknown, emit: (piece: string) => void, options: { buffered?: boolean | undefined } = {}): void {
  // an output that gathers writes itself (stdout to a file) takes every part as it is made: joined
  // into pieces first, the parts were copied once more, into strings made flat only to be encoded
  const out: Out = { text: '', emit, each: options.buffered === true };
  if (write(value, '', out) === undefined) out.text += 'undefined';
  out.text += '\n';
  emit(out.text);
}

interface Out {
  text: string;
  emit: (piece: string) => void;
  /** hand every part on at once */
  each: boolean;
}

/**
 * Appends the JSON of `value` at `indent`, handing full pieces on; returns undefined when the
 * value has no JSON (undefined, a function, a symbol), which JSON.stringify leaves out.
 */
function write(value: unknown, indent: string, out: Out): true | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null || typeof value !== 'object' || !holdsLong(value, DEPTH)) {
    // made at once by JSON.stringify, several times faster than piece by piece; its lines indented
    // to where it stands (a newline in JSON text is never inside a string, which escapes it)
    const text = JSON.stringify(value, null, 2) as string | undefined;
    if (text === undefined) return undefined;
    out.text += indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return true;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += '[]';
      return true;
    }
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      out.text += `${i === 0 ? '' : ','}\n${inner}`;
      if (!write(value[i], inner, out)) out.text += 'null';
      flush(out);
    }
    out.text += `\n${indent}]`;
    return true;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // a key whose value has no JSON is left out (such a value is never an object: nothing was handed on)
    const mark = out.text.length;
    out.text += `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    if (write(item, inner, out)) first = false;
    else out.text = out.text.slice(0, mark);
    flush(out);
  }
  out.text += first ? '{}' : `\n${indent}}`;
  return true;
}

/** Arrays longer than this are written element by element, so that no one piece grows large. */
const LONG = 64;
/** How deep a value is looked into for such an array; a deeper value is written piece by piece. */
const DEPTH = 6;

/**
 * Whether the value holds an array longer than LONG within `depth` levels (or is deeper, or has a
 * toJSON, which could make anything): such a value is written piece by piece.
 */
function holdsLong(value: object, depth: number): boolean {
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function' || depth === 0) return true;
  const items = Array.isArray(value) ? value : Object.values(value);
  if (Array.isArray(value) && value.length > LONG) return true;
  for (const item of items) if (item !== null && typeof item === 'object' && holdsLong(item as object, depth - 1)) return true;
  return false;
}

function flush(out: Out): void {
  if (out.text.length < (out.each ? 1 : CHUNK)) return;
  out.emit(out.text);
  out.text = '';
}
