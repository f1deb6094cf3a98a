// A compact form of plain data (what a YAML file parses into) for the cache: every distinct string
// is kept once, every object shape (its keys, in order) once, and the rest is a stream of 32-bit
// words. Unpacking then makes only the final objects, and tasks that share a lead, a unit or a
// date share one string, which keeps both the time spent collecting garbage and the heap small.
//
// A word is a tag in its low 3 bits and a payload in the other 29.

const STRING = 0;
const UINT = 1;
const NUMBER = 2;
const BOOLEAN = 3;
const NULL = 4;
const ARRAY = 5;
const OBJECT = 6;
const MAX_PAYLOAD = 2 ** 28;
const MAKER_FROM = 256;

export interface Packed {
  /**
   * The distinct strings, each once. A pack read from the cache file leaves a string out until it
   * is first asked for (see stringAt), then made from `encoded`.
   */
  strings: Array<string | undefined>;
  /** the key lists of objects, each distinct list once */
  shapes: string[][];
  words: Int32Array;
  /** numbers that are not small non-negative integers */
  numbers: Float64Array;
  /**
   * The first `count` strings as the cache file holds them (UTF-16 and their lengths), when the
   * pack was read from it or goes on from one that was: writing the cache again then copies those
   * bytes instead of encoding 100,000 strings afresh.
   */
  encoded?: Encoded | undefined;
}

/** Strings as the cache file holds them: UTF-16 one after another, with their lengths. */
interface Encoded {
  text: Buffer;
  lengths: Int32Array;
  count: number;
  /** where each string starts in `text`, in UTF-16 units; made when a string is first asked for */
  starts?: Int32Array;
}

/**
 * The pack's string at `index`. Those of a pack read from the cache file are made from its bytes
 * the first time they are asked for: a view reads a few of a plan's strings, and making them all
 * at every start cost a large plan's reading most of its time in garbage collection.
 */
export function stringAt(packed: Packed, index: number): string {
  return packed.strings[index] ?? (packed.strings[index] = decode(packed.encoded!, index));
}

function decode(encoded: Encoded, index: number): string {
  let starts = encoded.starts;
  if (!starts) {
    starts = new Int32Array(encoded.count + 1);
    for (let i = 0; i < encoded.count; i++) starts[i + 1] = starts[i]! + encoded.lengths[i]!;
    encoded.starts = starts;
  }
  return encoded.text.toString('utf16le', 2 * starts[index]!, 2 * starts[index + 1]!);
}

/** A pack whose words are in pieces, in order (the cache writes them one after another). */
export type PackedInPieces = Omit<Packed, 'words'> & { words: Int32Array[] };

export class Packer {
  private readonly stringIndex = new Map<string, number>();
  private readonly shapeIndex = new Map<string, number>();
  private readonly strings: Array<string | undefined>;
  private readonly shapes: string[][];
  /** the base's words, which stay where they are: the words added go after them, into `words` */
  private readonly head: Int32Array;
  private words: Int32Array;
  /** all words, the head's included */
  private length: number;
  private readonly numbers: number[];
  private readonly encoded: Packed['encoded'];

  /**
   * A new pack, or one that goes on from `base` (whose offsets stay valid). Strings added after
   * `base` are kept once among themselves; looking up all of base's strings would cost more than
   * the few repeats save.
   */
  constructor(base?: Packed) {
    this.strings = base ? [...base.strings] : [];
    this.shapes = base ? [...base.shapes] : [];
    this.shapes.forEach((keys, i) => this.shapeIndex.set(signatureOf(keys), i));
    // the base's words are not copied: at 100,000 tasks that copy alone took 40 ms of each cache written
    this.head = base?.words ?? new Int32Array(0);
    this.words = new Int32Array(1024);
    this.length = this.head.length;
    this.numbers = base ? Array.from(base.numbers) : [];
    this.encoded = base?.encoded;
  }

  /** Appends a value; returns the offset of its first word, or -1 when it is not plain data. */
  add(value: unknown): number {
    const start = this.length;
    if (this.put(value)) return start;
    this.length = start;
    return -1;
  }

  /** Copies one value out of another pack (same result as add(unpack(...)), without making the objects). */
  copy(from: Packed, offset: number): number {
    const start = this.length;
    this.copyValue(from, offset);
    return start;
  }

  /** Appends every value of another pack as it is; returns the offset its words start at, to add to its offsets. */
  append(other: Packed): number {
    const start = this.length;
    const numberBase = this.numbers.length;
    const strings = Array.from({ length: other.strings.length }, (_, i) => this.string(stringAt(other, i)));
    const shapes = other.shapes.map((keys) => this.shape(keys));
    for (const number of other.numbers) this.numbers.push(number);
    for (const word of other.words) {
      const payload = word >>> 3;
      switch (word & 7) {
        case STRING:
          this.push((strings[payload]! << 3) | STRING);
          break;
        case NUMBER:
          this.push(((payload + numberBase) << 3) | NUMBER);
          break;
        case OBJECT:
          this.push((shapes[payload]! << 3) | OBJECT);
          break;
        default:
          this.push(word);
      }
    }
    return start;
  }

  /** The pack; its words are a view of the packer's when it has no base, else the base's and the added ones copied together. */
  finish(): Packed {
    const { words, ...rest } = this.finishInPieces();
    if (words.length === 1) return { ...rest, words: words[0]! };
    const all = new Int32Array(this.length);
    all.set(words[0]!);
    all.set(words[1]!, words[0]!.length);
    return { ...rest, words: all };
  }

  /** The pack with its words in pieces, in order, each where it is: the base's, then the added ones. */
  finishInPieces(): PackedInPieces {
    const added = this.words.subarray(0, this.length - this.head.length);
    return {
      strings: this.strings,
      shapes: this.shapes,
      words: this.head.length > 0 ? [this.head, added] : [added],
      numbers: Float64Array.from(this.numbers),
      encoded: this.encoded,
    };
  }

  get size(): number {
    return this.length;
  }

  private push(word: number): void {
    const at = this.length - this.head.length;
    if (at === this.words.length) {
      const bigger = new Int32Array(this.words.length * 2);
      bigger.set(this.words);
      this.words = bigger;
    }
    this.words[at] = word;
    this.length++;
  }

  private string(text: string): number {
    let index = this.stringIndex.get(text);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(text);
      this.stringIndex.set(text, index);
    }
    return index;
  }

  private shape(keys: string[]): number {
    const signature = signatureOf(keys);
    let index = this.shapeIndex.get(signature);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIndex.set(signature, index);
    }
    return index;
  }

  private put(value: unknown): boolean {
    switch (typeof value) {
      case 'string':
        this.push((this.string(value) << 3) | STRING);
        return true;
      case 'number':
        if (Number.isInteger(value) && value >= 0 && value < MAX_PAYLOAD && !Object.is(value, -0)) this.push((value << 3) | UINT);
        else {
          this.push((this.numbers.length << 3) | NUMBER);
          this.numbers.push(value);
        }
        return true;
      case 'boolean':
        this.push(((value ? 1 : 0) << 3) | BOOLEAN);
        return true;
      case 'object': {
        if (value === null) {
          this.push(NULL);
          return true;
        }
        if (Array.isArray(value)) {
          if (value.length >= MAX_PAYLOAD) return false;
          this.push((value.length << 3) | ARRAY);
          for (const item of value) if (!this.put(item)) return false;
          return true;
        }
        if (Object.getPrototypeOf(value) !== Object.prototype) return false;
        const keys = Object.keys(value);
        // unpacking assigns keys, and `__proto__` would set the prototype instead of a key
        if (keys.includes('__proto__')) return false;
        this.push((this.shape(keys) << 3) | OBJECT);
        for (const key of keys) if (!this.put((value as Record<string, unknown>)[key])) return false;
        return true;
      }
      default:
        return false;
    }
  }

  private copyValue(from: Packed, offset: number): number {
    const word = from.words[offset]!;
    const payload = word >>> 3;
    switch (word & 7) {
      case STRING:
        this.push((this.string(stringAt(from, payload)) << 3) | STRING);
        return offset + 1;
      case NUMBER:
        this.push((this.numbers.length << 3) | NUMBER);
        this.numbers.push(from.numbers[payload]!);
        return offset + 1;
      case ARRAY: {
        this.push(word);
        let next = offset + 1;
        for (let i = 0; i < payload; i++) next = this.copyValue(from, next);
        return next;
      }
      case OBJECT: {
        const keys = from.shapes[payload]!;
        this.push((this.shape(keys) << 3) | OBJECT);
        let next = offset + 1;
        for (let i = 0; i < keys.length; i++) next = this.copyValue(from, next);
        return next;
      }
      default:
        this.push(word);
        return offset + 1;
    }
  }
}

/** One text per list of keys; the count tells [] from [''], which join alike. */
function signatureOf(keys: readonly string[]): string {
  return `${keys.length}\u0000${keys.join('\u0000')}`;
}

type Next = () => unknown;

/**
 * Reads values back out of a pack, in any order. A shape used often gets a function that builds
 * its objects with one literal, and short arrays are literals too: V8 then sees where they are
 * made and, as nearly all of them live on, soon allocates them in the old generation directly
 * instead of copying them there through each minor collection. Compiling that function costs
 * more than a few hundred objects would save, so a shape gets one only from its MAKER_FROM-th use.
 */
export class Unpacker {
  private position = 0;
  private readonly makers: Array<((next: Next) => unknown) | undefined> = [];
  private readonly uses: Uint32Array;
  private readonly next: Next;

  constructor(private readonly packed: Packed) {
    this.next = () => this.value();
    this.uses = new Uint32Array(packed.shapes.length);
  }

  at(offset: number): unknown {
    this.position = offset;
    return this.value();
  }

  private value(): unknown {
    const word = this.packed.words[this.position++]!;
    const payload = word >>> 3;
    switch (word & 7) {
      case STRING:
        return stringAt(this.packed, payload);
      case UINT:
        return payload;
      case NUMBER:
        return this.packed.numbers[payload];
      case BOOLEAN:
        return payload === 1;
      case NULL:
        return null;
      case ARRAY:
        return this.array(payload);
      case OBJECT:
        return this.object(payload);
      default:
        throw new Error(`bad word ${word} at ${this.position - 1}`);
    }
  }

  private object(shape: number): unknown {
    const made = this.makers[shape];
    if (made) return made(this.next);
    const keys = this.packed.shapes[shape]!;
    if (++this.uses[shape]! >= MAKER_FROM) this.makers[shape] = maker(keys);
    const object: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) object[keys[i]!] = this.value();
    return object;
  }

  private array(length: number): unknown[] {
    switch (length) {
      case 0:
        return [];
      case 1:
        return [this.value()];
      case 2: {
        const first = this.value();
        return [first, this.value()];
      }
      case 3: {
        const first = this.value();
        const second = this.value();
        return [first, second, this.value()];
      }
      default: {
        const array = new Array<unknown>(length);
        for (let i = 0; i < length; i++) array[i] = this.value();
        return array;
      }
    }
  }
}

/** A function that builds an object of these keys from the next values, in order. */
function maker(keys: readonly string[]): (next: Next) => unknown {
  // a literal's `__proto__` key would set the prototype; the packer never writes one
  if (keys.includes('__proto__')) throw new Error('__proto__ in a packed shape');
  // JSON.stringify quotes each key, so that no key can be read as code
  return new Function('next', `return {${keys.map((key) => `${JSON.stringify(key)}: next()`).join(', ')}};`) as (next: Next) => unknown;
}

/** The offset just past the value at `offset`. */
export function endOf(packed: Packed, offset: number): number {
  const word = packed.words[offset]!;
  const payload = word >>> 3;
  const tag = word & 7;
  const count = tag === ARRAY ? payload : tag === OBJECT ? packed.shapes[payload]!.length : 0;
  let next = offset + 1;
  for (let i = 0; i < count; i++) next = endOf(packed, next);
  return next;
}

/**
 * Whether each value at `offsets` (those not negative) reads back whole: no word runs off the
 * pack or names a string, shape or number it does not hold. A cache damaged in any such way is
 * then dropped at once, before any of its tasks is read.
 */
export function wellFormed(packed: Packed, offsets: ArrayLike<number>): boolean {
  const { words, strings, shapes, numbers } = packed;
  for (let k = 0; k < offsets.length; k++) {
    let at = offsets[k]!;
    if (at < 0) continue;
    // the words of a value are in order, each array or object followed by its items: a count of
    // the values still to read walks it without recursion
    let pending = 1;
    while (pending > 0) {
      if (at >= words.length) return false;
      const word = words[at++]!;
      const payload = word >>> 3;
      pending--;
      switch (word & 7) {
        case STRING:
          if (payload >= strings.length) return false;
          break;
        case NUMBER:
          if (payload >= numbers.length) return false;
          break;
        case UINT:
        case BOOLEAN:
        case NULL:
          break;
        case ARRAY:
          pending += payload;
          break;
        case OBJECT:
          if (payload >= shapes.length) return false;
          pending += shapes[payload]!.length;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}
