// The Chinese catalog makes each file's messages when one of them is first read; the names it
// reads them by must be exactly those each file makes.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en/index.js';
import { PARTS, zh } from '../../src/i18n/zh/index.js';

describe('the Chinese catalog, made in parts', () => {
  it('lists every name each file makes, and each name once', () => {
    const seen = new Set<string>();
    for (const { make, keys } of PARTS) {
      expect([...keys].sort()).toEqual(Object.keys(make()).sort());
      for (const key of keys) {
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(en).sort());
  });

  it('reads the messages the files make, the same object each time', () => {
    expect(zh.views).toBe(zh.views);
    expect(zh.location('tasks/a.yaml', 3, 1)).toBe('tasks/a.yaml:3:1');
    expect(Object.keys(zh)).toEqual(PARTS.flatMap((p) => p.keys));
    expect(JSON.stringify(zh.severity)).toBe(JSON.stringify(PARTS[0]!.make()['severity' as keyof object]));
  });
});
