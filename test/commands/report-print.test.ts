// How the .xlsx report prints: the left footer stays clear of the page number in the middle of an
// A4 portrait page (LibreOffice and Excel print the footer's three parts at 10 point and let them
// run into each other).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/text.js';
import { copyFixture, run } from '../helpers.js';

async function footers(argv: string[]): Promise<Array<{ left: string; center: string; right: string }>> {
  const dir = copyFixture('rhythm');
  const r = await run([...argv, '--format', 'xlsx', '--out', join(dir, 'r.xlsx')], { cwd: dir });
  expect(r.code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(join(dir, 'r.xlsx')) as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const [, left, center, right] = /^&L(.*)&C(.*)&R(.*)$/.exec(ws.headerFooter.oddFooter ?? '') ?? [];
    return { left: left!, center: center!, right: right! };
  });
}

// about a third of the printable width of A4 portrait at 10 point, in half-width columns
const ROOM = 30;

describe('the printed footer of the .xlsx report', () => {
  it('names the issue and the period, without the period’s dates', async () => {
    const all = await footers(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3']);
    expect(all.length).toBeGreaterThan(5);
    for (const f of all) {
      expect(f).toEqual({ left: '第6期 2020年2月下旬', center: '第 &P 页，共 &N 页', right: '测试区2020年重点工作旬调度情况' });
      expect(displayWidth(f.left)).toBeLessThanOrEqual(ROOM);
    }
  });

  it('says the date instead of the issue before the period is over, and stays as short', async () => {
    const [f] = await footers(['--as-of', '2020-02-25', 'report', 'xun', '--period', '2020-02-3']);
    expect(f!.left).toBe('2020年2月下旬 截至2月25日');
    expect(displayWidth(f!.left)).toBeLessThanOrEqual(ROOM);
    const [q] = await footers(['--as-of', '2020-03-31', 'report', 'quarter', '--period', '2020-Q1']);
    expect(q!.left).toBe('第1期 2020年第一季度');
    const [en] = await footers(['--lang', 'en', '--as-of', '2020-02-25', 'report', 'xun', '--period', '2020-02-3']);
    expect(en!.left).toBe('late February 2020, as of 25 February');
    // Latin letters print narrower than half a Chinese character, and “page 1 of 13” is short
    expect(displayWidth(en!.left)).toBeLessThanOrEqual(40);
  });
});
