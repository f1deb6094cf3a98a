// Filters on the bundled plan: one filter given twice keeps either value, different filters must all hold.
import { describe, expect, it } from 'vitest';
import { run, runJson } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];
const ids = (json: any): string[] => json.tasks.map((t: any) => t.id);

describe('repeated filters', () => {
  it('--light 红 --light 黄 keeps red and yellow tasks: 28, not the 16 of the last value alone', async () => {
    const both = await runJson([...AS_OF, 'list', '--light', '红', '--light', '黄']);
    const red = await runJson([...AS_OF, 'list', '--light', '红']);
    const yellow = await runJson([...AS_OF, 'list', '--light', '黄']);
    expect(red.json.count).toBe(12);
    expect(yellow.json.count).toBe(16);
    expect(both.json.count).toBe(28);
    expect(new Set(ids(both.json))).toEqual(new Set([...ids(red.json), ...ids(yellow.json)]));
  });

  it('--lead 城建 --lead 农业 keeps the tasks of either official', async () => {
    const both = await runJson([...AS_OF, 'list', '--lead', '城建', '--lead', '农业']);
    const a = await runJson([...AS_OF, 'list', '--lead', '城建']);
    const b = await runJson([...AS_OF, 'list', '--lead', '农业']);
    expect(a.json.count).toBeGreaterThan(0);
    expect(b.json.count).toBeGreaterThan(0);
    expect(new Set(ids(both.json))).toEqual(new Set([...ids(a.json), ...ids(b.json)]));
    for (const t of both.json.tasks) expect(t.lead.some((n: string) => n === '分管城建副区长' || n === '分管农业副区长')).toBe(true);
  });

  it('different filters must all hold: either official, and red or yellow', async () => {
    const r = await runJson([...AS_OF, 'list', '--lead', '城建', '--lead', '农业', '--light', '红', '--light', '黄']);
    expect(r.json.count).toBeGreaterThan(0);
    for (const t of r.json.tasks) {
      expect(['red', 'yellow']).toContain(t.light);
      expect(t.lead.some((n: string) => n === '分管城建副区长' || n === '分管农业副区长')).toBe(true);
    }
    const all = await runJson([...AS_OF, 'list', '--light', '红', '--light', '黄']);
    const expected = all.json.tasks.filter((t: any) => t.lead.includes('分管城建副区长') || t.lead.includes('分管农业副区长')).map((t: any) => t.id);
    expect(ids(r.json)).toEqual(expected);
  });

  it('says so in --help, in both languages', async () => {
    const zh = await run(['list', '--help']);
    expect(zh.stdout).toContain('同一条件写多次为“或”，不同条件同时满足（“且”）');
    expect(zh.stdout).toContain('按灯色筛选：red/红、yellow/黄、green/绿；写多次为“或”');
    const top = await run(['--help']);
    expect(top.stdout).toContain('同一条件写多次为“或”（红或黄），不同条件为“且”');
    const en = await run(['list', '--help', '--lang', 'en']);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain('one filter given twice keeps either value, different filters must all hold');
  });
});
