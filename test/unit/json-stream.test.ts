// The JSON written in pieces is the JSON of JSON.stringify(value, null, 2), and no piece cuts a string.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJson, writeJson } from '../../src/render/json.js';
import { runs, seed } from '../fuzz.js';

function pieces(value: unknown, buffered = false): string[] {
  const out: string[] = [];
  writeJson(value, (piece) => out.push(piece), { buffered });
  return out;
}

const odd = fc.constantFrom(undefined, () => 1, Symbol('s'), Number.NaN, Number.POSITIVE_INFINITY, -0, new Date(Date.UTC(2020, 8, 30)), { toJSON: () => 'x' }, { toJSON: () => undefined });
const value = fc.letrec((tie) => ({
  value: fc.oneof({ weight: 5, arbitrary: fc.jsonValue() }, { weight: 1, arbitrary: odd }, { weight: 2, arbitrary: tie('list') }, { weight: 2, arbitrary: tie('record') }),
  list: fc.array(tie('value'), { maxLength: 5 }),
  record: fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
})).value;

describe('JSON in pieces', () => {
  it('is JSON.stringify(value, null, 2), whatever the value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(pieces(v).join('')).toBe(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? 'undefined\n' : toJson(v));
      }),
      { numRuns: runs(2000), seed: seed() },
    );
  });

  it('is JSON.stringify(value, null, 2) too where long arrays (written element by element) nest among short ones', () => {
    const long = fc.array(value, { minLength: 65, maxLength: 70 });
    const nested = fc.record({ a: value, rows: long, deep: fc.record({ groups: fc.array(fc.record({ name: fc.string(), items: long }), { maxLength: 2 }), odd }) });
    fc.assert(
      fc.property(fc.oneof(nested, fc.array(nested, { maxLength: 2 })), (v) => {
        expect(pieces(v).join('')).toBe(toJson(v));
        // to an output that gathers its writes, every part goes at once: the same text
        expect(pieces(v, true).join('')).toBe(toJson(v));
      }),
      { numRuns: runs(50), seed: seed() },
    );
  });

  it('hands a large document on in pieces, each ending between two values', () => {
    const report = { tasks: Array.from({ length: 20_000 }, (_, i) => ({ id: `2020-${i}`, note: `进展👍 ${'字'.repeat(i % 50)}`, skip: undefined })) };
    const out = pieces(report);
    expect(out.length).toBeGreaterThan(10);
    expect(out.join('')).toBe(toJson(report));
    for (const piece of out.slice(0, -1)) {
      expect(piece.length).toBeLessThan(70_000);
      // each piece ends after a complete value, never inside a string or between the halves of an emoji
      expect(/[\]}"\d]$|: (?:null|true|false)$|null$|true$|false$/.test(piece), piece.slice(-40)).toBe(true);
      expect(piece.charCodeAt(piece.length - 1) >= 0xd800 && piece.charCodeAt(piece.length - 1) <= 0xdbff).toBe(false);
    }
  });
});
