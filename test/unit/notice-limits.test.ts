// Notices beyond the sizes and wordings of the bundled one: past 999 tasks, ordinals, decimals.
import { describe, expect, it } from 'vitest';
import { parseNotice, parseTargets } from '../../src/import/notice.js';

describe('a notice numbered past 999', () => {
  it('keeps every task: 1000. is a task of its own, not more text of task 999', () => {
    const lines: string[] = [];
    for (let i = 1; i <= 2000; i++) lines.push(`${i}. 推进重点工作事项${i}。`, '牵头单位：区发改委');
    const result = parseNotice(lines.join('\n'), 2020);
    expect(result.drafts).toHaveLength(2000);
    expect(result.drafts[999]!.task.title).toBe('推进重点工作事项1000');
    expect(result.drafts[998]!.task.detail).toBe('推进重点工作事项999。');
  });

  it('does not start a task at a wrapped line that begins with a decimal', () => {
    const result = parseNotice('1. 完成固定资产投资，总额达到\n3.5亿元。\n牵头单位：区发改委', 2020);
    expect(result.drafts).toHaveLength(1);
    expect(result.drafts[0]!.task.detail).toBe('完成固定资产投资，总额达到3.5亿元。');
  });
});

describe('ordinals are not goals', () => {
  it('reads 新建学校3所 as a goal, and 第999项 and 第 3 个 as counting', () => {
    expect(parseTargets('完成第999项任务，新建学校3所')).toEqual([{ name: '新建学校', target: 3, unit: '所' }]);
    expect(parseTargets('开展第 3 个专项行动')).toEqual([]);
    expect(parseTargets('第1000项')).toEqual([]);
  });
});
