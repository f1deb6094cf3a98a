// A long table is written in pieces of whole lines, each made terminal-safe alone: the bytes are
// those of the whole text made safe at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInPieces } from '../../src/cli/output.js';
import { terminalSafe } from '../../src/render/text.js';
import { clerkLine, runs, seed } from '../fuzz.js';

// what a line of a table may hold: a clerk's text, our colours, and what must never reach a terminal
const hostile = fc.constantFrom('\u001b[31m', '\u001b[0m', '\u001b[1;31m', '\u001b]0;title\u0007', '\u001b[2J', '\u200d', '👨‍👩‍👧', '\u202e', '\u0000', '\r', '\u009b31m');
const line = fc.array(fc.oneof({ weight: 3, arbitrary: clerkLine }, { weight: 1, arbitrary: hostile }), { maxLength: 8 }).map((parts) => `${parts.join('')}\n`);

describe('writeInPieces', () => {
  it('writes the bytes terminalSafe gives of the whole text, in pieces that end a line', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 3000 }), fc.boolean(), (lines, repeat, colour) => {
        // enough lines, now and then, to need several pieces
        const all = repeat > 2000 ? Array.from({ length: 60 }, () => lines).flat() : lines;
        const written: string[] = [];
        writeInPieces((text) => written.push(text), (write) => all.forEach((text) => write(text)), (text) => terminalSafe(text, colour));
        expect(written.join('')).toBe(terminalSafe(all.join(''), colour));
        for (const piece of written) expect(piece.endsWith('\n')).toBe(true);
      }),
      { numRuns: runs(300), seed: seed() },
    );
  });

  it('holds no more than one piece of a long table at a time', () => {
    const row = `│ 2020-000011 │ 稳妥实施统计改革 │ 区长 │ ${'x'.repeat(40)} │\n`;
    const written: string[] = [];
    writeInPieces((text) => written.push(text), (write) => {
      for (let i = 0; i < 20_000; i++) write(row);
    });
    expect(written.length).toBeGreaterThan(10);
    expect(Math.max(...written.map((p) => p.length))).toBeLessThan((1 << 16) + row.length);
    expect(written.join('')).toBe(row.repeat(20_000));
  });
});
