// visible() skips text that holds nothing to show by a quick scan; that scan must never miss a
// character the full rule would write out.
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { visible } from '../../src/core/visible.js';
import { stripHidden } from '../../src/render/text.js';

// the rule as documented in src/core/visible.ts, as the oracle
const HIDDEN =
  /^(?:[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufffb]|[\u{e0000}-\u{e007f}]|\p{Cs})$/u;

describe('visible', () => {
  it('writes out every hidden character of the first plane, alone and inside Chinese text, and keeps every other one', () => {
    let hidden = 0;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const expected = HIDDEN.test(ch);
      if (expected) hidden++;
      expect(visible(ch) !== ch, `U+${c.toString(16)}`).toBe(expected);
      expect(visible(`进度${ch}完成`) !== `进度${ch}完成`, `U+${c.toString(16)} inside text`).toBe(expected);
    }
    // the C0 and C1 controls but tab and newline, and the surrogates, at least
    expect(hidden).toBeGreaterThan(30 + 33 + 2048);
  });

  it('keeps emoji and writes out tag characters outside a flag', () => {
    expect(visible('完成👍')).toBe('完成👍');
    expect(visible('a\u{e0041}b')).toBe('a\\u{e0041}b');
  });
});

describe('stripHidden', () => {
  // the rule as documented in src/render/text.ts, without the quick scan, as the oracle
  const full = (text: string) => stripVTControlCharacters(text.replace(/\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');

  it('removes what the full rule removes from every character of the first plane, alone and inside text and escape sequences', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `进度${ch}完成`, `\u001b[31m${ch}`, `${ch}[2J清屏`, `\u001b]0;${ch}\u0007标题`]) {
        expect(stripHidden(text), `U+${c.toString(16)} in ${JSON.stringify(text)}`).toBe(full(text));
      }
    }
    expect(stripHidden('已完成\n第二行\t制表')).toBe('已完成\n第二行\t制表');
    expect(stripHidden('红\u001b[31m字\u202e反')).toBe('红字反');
  });
});
