import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/render/csv.js';
import { fitWidths, renderTable, type Column } from '../../src/render/table.js';
import { displayWidth, sanitize, terminalSafe, truncate } from '../../src/render/text.js';
import { wrap, wrapParts } from '../../src/render/wrap.js';

describe('sanitize', () => {
  it.each([
    ['红\u001b[31m色\u001b[0m', '红\\x1b[31m色\\x1b[0m'],
    ['\u001b]0;被改标题\u0007任务', '\\x1b]0;被改标题\\x07任务'],
    ['\u001b]52;c;aGVsbG8=\u0007', '\\x1b]52;c;aGVsbG8=\\x07'],
    ['\u001b]8;;http://x.invalid\u001b\\链接\u001b]8;;\u001b\\', '\\x1b]8;;http://x.invalid\\x1b\\链接\\x1b]8;;\\x1b\\'],
    ['进度\r伪造', '进度\\x0d伪造'],
    ['赵\u202e六', '赵\\u202e六'],
    ['清\u001b[2J屏\u0007', '清\\x1b[2J屏\\x07'],
    ['2020\u200b-003', '2020\\u200b-003'],
    ['\u009b31m', '\\u009b31m'],
    ['第一行\n第二行\t完', '第一行\n第二行\t完'],
    ['家庭👨\u200d👩\u200d👧 🇨🇳 ⚠️', '家庭👨\u200d👩\u200d👧 🇨🇳 ⚠️'],
    ['孤\ud800字', '孤\\ud800字'],
  ])('%j → %j', (input, output) => expect(sanitize(input)).toBe(output));
});

describe('terminalSafe', () => {
  it('keeps our own colours only when colour is on, and never conceal', () => {
    expect(terminalSafe('\u001b[31m红\u001b[39m', true)).toBe('\u001b[31m红\u001b[39m');
    expect(terminalSafe('\u001b[31m红\u001b[39m', false)).toBe('\\x1b[31m红\\x1b[39m');
    expect(terminalSafe('\u001b[8m藏\u001b[2J', true)).toBe('\\x1b[8m藏\\x1b[2J');
    expect(terminalSafe('\u001b[1m\u001b]0;标题\u0007\u001b[22m', true)).toBe('\u001b[1m\\x1b]0;标题\\x07\u001b[22m');
  });
});

describe('wrap', () => {
  it('wraps Chinese by display width without losing a character', () => {
    const lines = wrap('推进老旧小区改造工程建设', 10);
    expect(lines).toEqual(['推进老旧小', '区改造工程', '建设']);
    expect(lines.join('')).toBe('推进老旧小区改造工程建设');
  });

  it('keeps dates and numbers whole, and closing punctuation off the start of a line', () => {
    expect(wrap('完成时限2020-06-30逾期', 12)).toEqual(['完成时限', '2020-06-30逾', '期']);
    expect(wrap('推进改造，完成', 8)).toEqual(['推进改', '造，完成']);
  });

  it('keeps a number with its measure word: 92天, 12 项, 1—4月', () => {
    expect(wrap('已逾期92天以上', 8)).toEqual(['已逾期', '92天以上']);
    expect(wrap('共有逾期 12 项', 10)).toEqual(['共有逾期', '12 项']);
    expect(wrap('完成投资1—4月累计', 10)).toEqual(['完成投资', '1—4月累计']);
  });

  it('keeps a bracketed phrase on one line when it fits, with the punctuation after it', () => {
    expect(wrap('今天到期（2020-09-30）；序时进度滞后：已报85%', 16)).toEqual(['今天到期', '（2020-09-30）；', '序时进度滞后：已', '报85%']);
    const lines = wrap('└ 节点“楚沅生物项目投产”逾期92天（应于2020-06-30）', 20);
    expect(lines).toContain('“楚沅生物项目投产”逾');
    expect(lines.at(-1)).toBe('（应于2020-06-30）');
  });

  it('never ends a line with opening punctuation, even inside a phrase too long for a line', () => {
    for (const width of [12, 14, 16, 20]) {
      const lines = wrap('楚沅生物项目投产（应于2020-06-30，逾期92天，已督办两次）', width);
      expect(lines.join('')).toBe('楚沅生物项目投产（应于2020-06-30，逾期92天，已督办两次）');
      for (const line of lines) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        expect(line).not.toMatch(/[（“《]$/);
        expect(line).not.toMatch(/^[，。）”》]/);
      }
      expect(lines.some((l) => l.includes('2020-06-30'))).toBe(true);
      expect(lines.some((l) => l.includes('92天'))).toBe(true);
    }
  });

  it('never splits an emoji or a surrogate pair', () => {
    const lines = wrap('𠈌𠈌👍🏽测试', 4);
    expect(lines.join('')).toBe('𠈌𠈌👍🏽测试');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(4);
  });

  it('breaks a line of parts only between parts', () => {
    const parts = ['共 141 项：红灯 12', '黄灯 16', '绿灯 77', '已完成 33（其中逾期完成 6）', '暂缓 2', '取消 1'];
    const lines = wrapParts(parts, ' · ', 80);
    expect(lines).toEqual(['共 141 项：红灯 12 · 黄灯 16 · 绿灯 77 · 已完成 33（其中逾期完成 6） · 暂缓 2 ·', '取消 1']);
    for (const width of [20, 30, 40, 60]) {
      for (const line of wrapParts(parts, ' · ', width)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(wrapParts(parts, ' · ', width).join(' ')).toContain('取消 1');
    }
  });

  it('truncates with three dots', () => {
    expect(truncate('一二三四五六', 8)).toBe('一二...');
    expect(truncate('短', 8)).toBe('短');
  });
});

describe('tables', () => {
  it('shrinks the wrapping columns to fit the terminal', () => {
    const widths = fitWidths(
      [{ header: '编号' }, { header: '任务', wrap: true, min: 10 }, { header: '进展', wrap: true, min: 10 }],
      [['2020-001', '一'.repeat(40), '二'.repeat(40)]],
      80,
    );
    expect(widths.reduce((a, b) => a + b, 0) + 3 * 3 + 1).toBeLessThanOrEqual(80);
    expect(widths[0]).toBe(8);
  });

  const columns: Column[] = [
    { header: '编号' }, { header: '任务', wrap: true, min: 10, max: 40 }, { header: '牵头领导', wrap: true, min: 6 },
    { header: '完成时限' }, { header: '其中逾期完成', align: 'right' }, { header: '原因', wrap: true, min: 10 },
  ];
  const rows = [
    ['2020-046', '加快双桦汽配、楚沅生物等项目建成投产\n节点“楚沅生物项目投产”逾期92天（应于2020-06-30）', '分管工业副区长', '2020-06-30', '4', '今天到期（2020-09-30）；序时进度滞后：已报85%，时间已过100%'],
    ['2020-001', '持续做好机构改革“后半篇文章”', '常务副区长', '2020-12-31', '0', '按序时推进'],
  ];

  // every character of the headers and cells, counted, leaving out borders, rules and spaces
  const chars = (text: string) =>
    [...text.split('\n').filter((l) => !/^[─┌┐└┘├┤┬┴┼+-]+$/.test(l)).join('').replace(/[\s│|]/g, '')].sort().join('');

  it.each([140, 100, 80, 72, 60, 40, 24])('fits %i columns, in box and ASCII borders, losing no text', (width) => {
    for (const ascii of [false, true]) {
      const text = renderTable(columns, rows, { width, ascii });
      for (const line of text.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      const given = chars([...columns.map((c) => c.header), ...rows.flat()].join(''));
      if (text.startsWith(ascii ? '+' : '┌')) expect(chars(text)).toEqual(given);
      else {
        // stacked: every character of every cell is there, the headers serve as labels
        const left = [...chars(text)];
        const missing = [...chars(rows.flat().join(''))].filter((ch) => {
          const at = left.indexOf(ch);
          if (at >= 0) left.splice(at, 1);
          return at < 0;
        });
        expect(missing).toEqual([]);
      }
      expect(text).toContain('2020-06-30');
      if (ascii) expect(text).not.toMatch(/[│┌─]/);
    }
  });

  it('wraps headers and drops the padding before it stacks the rows', () => {
    const wide = renderTable(columns, rows, { width: 140, ascii: false });
    expect(wide.split('\n')[1]).toContain('│ 其中逾期完成 │');
    const narrow = renderTable(columns, rows, { width: 72, ascii: false });
    expect(narrow).toContain('其中逾');
    expect(narrow.startsWith('┌')).toBe(true);
    const stacked = renderTable(columns, rows, { width: 40, ascii: false });
    expect(stacked.split('\n')).toContain('  牵头领导：分管工业副区长');
    expect(stacked.split('\n')[1]).toMatch(/^2020-046  加快双桦汽配/);
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and keeps numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '含逗号,和"引号"', -5, '-5', '@SUM(1)', '第一行\n第二行', '生僻字𠈌']])).toBe(
      `"'=HYPERLINK(""x"")","含逗号,和""引号""",-5,'-5,'@SUM(1),"第一行\n第二行",生僻字𠈌\r\n`,
    );
  });
});
