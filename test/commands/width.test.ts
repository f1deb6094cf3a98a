// Every view of the bundled plan fits the terminal it is printed on, in box and ASCII borders.
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { run } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];
const VIEWS = [[], ['overdue'], ['overdue', '--group', 'lead'], ['due'], ['list'], ['summary'], ['summary', '--by', 'unit'], ['summary', '--by', 'section'], ['show', '2020-046']];

const widest = (text: string) => Math.max(...text.split('\n').map(displayWidth));

describe('views fit the terminal', () => {
  it.each([80, 60])('at %i columns, every line of every view fits, with box and ASCII borders', async (columns) => {
    for (const view of VIEWS) {
      for (const ascii of [[], ['--ascii']]) {
        const r = await run([...AS_OF, ...ascii, ...view], { columns });
        expect(r.code, view.join(' ')).toBe(0);
        expect(widest(r.stdout), `${view.join(' ')} ${ascii.join('')}`).toBeLessThanOrEqual(columns);
        if (ascii.length > 0) expect(r.stdout).not.toMatch(/[│┌┐└┘├┤┬┴┼─]/);
      }
    }
  });

  it('tasks summary at 80 columns keeps every official on one line, with all eleven columns', async () => {
    const r = await run([...AS_OF, 'summary'], { columns: 80 });
    const lines = r.stdout.split('\n');
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    for (const name of ['区长', '常务副区长', '分管工业副区长', '分管城建副区长', '分管农业副区长', '分管社会事业副区长', '分管政法副区长']) {
      expect(lines.some((l) => (l.startsWith(`│${name} `) || l.startsWith(`│${name}│`)) && /\d+\.\d%│$/.test(l))).toBe(true);
    }
    expect(lines.find((l) => l.startsWith('│合计'))).toMatch(/│\s+141│\s+33│\s+6│\s+107│\s+12│\s+16│\s+79│\s+0│\s+1│ 23\.6%│$/);
  });

  it('never breaks the status line inside a count, nor a cell inside a date or a bracketed phrase that fits', async () => {
    const home = await run([...AS_OF], { columns: 80 });
    const counts = home.stdout.split('\n').slice(1, 3).join('\n');
    expect(counts).toContain('取消 1');
    expect(counts).toMatch(/红灯 12 · 黄灯 16/);
    const overdue = await run([...AS_OF, 'overdue'], { columns: 80 });
    expect(overdue.stdout).toContain('（应于2020-06-30）');
    expect(overdue.stdout).not.toMatch(/（应于\s*│/);
    const list = await run([...AS_OF, 'list'], { columns: 80 });
    expect(list.stdout).toContain('（2020-09-30）；');
    expect(list.stdout).not.toMatch(/到期（\s*│/);
  });

  it('stacks the rows below the width a table needs', async () => {
    const r = await run([...AS_OF, 'overdue'], { columns: 50 });
    expect(widest(r.stdout)).toBeLessThanOrEqual(50);
    expect(r.stdout).toContain('2020-011  加快推进与浙江清华长三角研究院合作');
    expect(r.stdout).toContain('  牵头领导：分管工业副区长  牵头单位：区科技局');
  });
});
