import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOf, Packer, Unpacker, wellFormed } from '../../src/store/pack.js';

describe('the packed form of parsed data', () => {
  it('is well formed as packed, and not once a word is cut off or names what the pack does not hold', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"')), { minLength: 1 }), fc.nat(), (values, pick) => {
        const packer = new Packer();
        const offsets = values.map((v) => packer.add(v));
        const packed = packer.finish();
        expect(wellFormed(packed, offsets)).toBe(true);
        // the last value cut short by one word
        expect(wellFormed({ ...packed, words: packed.words.subarray(0, packed.words.length - 1) }, offsets)).toBe(false);
        // a word naming a string past the last one, or with a tag no value has
        const words = Int32Array.from(packed.words);
        const at = pick % words.length;
        words[at] = (packed.strings.length << 3) | 0;
        expect(wellFormed({ ...packed, words }, offsets)).toBe(false);
        words[at] = 7;
        expect(wellFormed({ ...packed, words }, offsets)).toBe(false);
      }),
    );
  });

  it('gives back any JSON value, with its keys in order', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue().filter((v) => !JSON.stringify(v).includes('"__proto__"'))), (values) => {
        const packer = new Packer();
        const offsets = values.map((v) => packer.add(v));
        const packed = packer.finish();
        const unpacker = new Unpacker(packed);
        offsets.forEach((offset, i) => {
          expect(JSON.stringify(unpacker.at(offset))).toBe(JSON.stringify(values[i]));
          expect(endOf(packed, offset)).toBe(offsets[i + 1] ?? packed.words.length);
        });
      }),
    );
  });

  it('keeps numbers that are not small integers exactly, and each string and shape once', () => {
    const packer = new Packer();
    const value = { a: -0, b: Number.NaN, c: 2 ** 40, d: 0.1, e: -7, f: 2 ** 28, g: 2 ** 28 - 1, h: [true, false, null] };
    const first = packer.add(value);
    const second = packer.add({ a: '区长', b: '区长', c: [{ a: '区长' }] });
    const packed = packer.finish();
    const unpacker = new Unpacker(packed);
    const back = unpacker.at(first) as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(back).toEqual(value);
    expect(unpacker.at(second)).toEqual({ a: '区长', b: '区长', c: [{ a: '区长' }] });
    expect(packed.strings.filter((s) => s === '区长')).toHaveLength(1);
    expect(packed.shapes.filter((keys) => keys.join() === 'a')).toHaveLength(1);
  });

  it('builds the same objects once a shape is common enough to get a function of its own', () => {
    const packer = new Packer();
    const values = Array.from({ length: 600 }, (_, i) => ({ id: `T-${i}`, 'a b': [i, { "it's": `"${i}"` }], '': null }));
    const offsets = values.map((v) => packer.add(v));
    const unpacker = new Unpacker(packer.finish());
    const back = offsets.map((offset) => unpacker.at(offset));
    expect(back).toEqual(values);
    expect(Object.keys(back[599]!)).toEqual(['id', 'a b', '']);
  });

  it('refuses what is not plain data, leaving nothing behind', () => {
    const packer = new Packer();
    expect(packer.add({ a: 1 })).toBe(0);
    for (const bad of [{ a: undefined }, { a: () => 1 }, JSON.parse('{"__proto__": {"x": 1}}'), new Date(0), { a: [1n] }]) {
      expect(packer.add(bad)).toBe(-1);
    }
    expect(packer.finish().words).toHaveLength(2);
  });

  it('goes on from an earlier pack, whose offsets stay valid, and copies between packs', () => {
    const base = new Packer();
    const a = base.add({ id: 'A', lead: '区长' });
    const first = base.finish();
    const more = new Packer(first);
    const b = more.add({ id: 'B', lead: '常务副区长' });
    const c = more.copy(first, a);
    const next = more.finish();
    const unpacker = new Unpacker(next);
    expect(unpacker.at(a)).toEqual({ id: 'A', lead: '区长' });
    expect(unpacker.at(b)).toEqual({ id: 'B', lead: '常务副区长' });
    expect(unpacker.at(c)).toEqual({ id: 'A', lead: '区长' });
    expect(next.shapes).toHaveLength(1);
    // in pieces, the base's words are the base's own array, and the words added follow them
    const pieces = more.finishInPieces();
    expect(pieces.words).toHaveLength(2);
    expect(pieces.words[0]).toBe(first.words);
    expect([...pieces.words[0]!, ...pieces.words[1]!]).toEqual([...next.words]);
    expect(new Packer().finishInPieces().words).toHaveLength(1);
  });

  it('appends whole packs, moving their strings, numbers and shapes along', () => {
    const one = new Packer();
    const a = one.add({ id: 'A', n: 0.5, tags: ['改革'] });
    const two = new Packer();
    two.add({ other: 'shape' });
    const b = two.add({ id: 'B', n: -1, tags: [] });
    const both = new Packer();
    const bases = [one.finish(), two.finish()].map((pack) => both.append(pack));
    const unpacker = new Unpacker(both.finish());
    expect(unpacker.at(bases[0]! + a)).toEqual({ id: 'A', n: 0.5, tags: ['改革'] });
    expect(unpacker.at(bases[1]! + b)).toEqual({ id: 'B', n: -1, tags: [] });
  });
});
