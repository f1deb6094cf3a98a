import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/render/csv.js';
import { fitWidths } from '../../src/render/table.js';
import { displayWidth, sanitize, terminalSafe, truncate, wrap } from '../../src/render/text.js';

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

  it('never splits an emoji or a surrogate pair', () => {
    const lines = wrap('𠈌𠈌👍🏽测试', 4);
    expect(lines.join('')).toBe('𠈌𠈌👍🏽测试');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(4);
  });

  it('truncates with three dots', () => {
    expect(truncate('一二三四五六', 8)).toBe('一二...');
    expect(truncate('短', 8)).toBe('短');
  });
});

describe('fitWidths', () => {
  it('shrinks the wrapping columns to fit the terminal', () => {
    const widths = fitWidths(
      [{ header: '编号' }, { header: '任务', wrap: true, min: 10 }, { header: '进展', wrap: true, min: 10 }],
      [['2020-001', '一'.repeat(40), '二'.repeat(40)]],
      80,
    );
    expect(widths.reduce((a, b) => a + b, 0) + 3 * 3 + 1).toBeLessThanOrEqual(80);
    expect(widths[0]).toBe(8);
  });
});

describe('CSV', () => {
  it('quotes, neutralises formulas and keeps numbers', () => {
    expect(toCsv([['=HYPERLINK("x")', '含逗号,和"引号"', -5, '-5', '@SUM(1)', '第一行\n第二行', '生僻字𠈌']])).toBe(
      `"'=HYPERLINK(""x"")","含逗号,和""引号""",-5,'-5,'@SUM(1),"第一行\n第二行",生僻字𠈌\r\n`,
    );
  });
});
