// A 催办单 gives, for every item it names, the latest feedback, and for missing feedback how many
// days it is overdue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run } from '../helpers.js';

/** 2020-001 (区住建局, a milestone due 31 March) reported on 5 March with problems and next steps, and not since. */
function plan(): string {
  const dir = copyFixture('rhythm');
  const file = join(dir, 'tasks', '2020-001.yaml');
  writeFileSync(file, `${readFileSync(file, 'utf8')}progress:\n  - date: 2020-03-05\n    note: 完成设计\n    percent: 10\n    problems: 招标文件待审\n    next_steps: 3月底前挂网\n`);
  return dir;
}

const FEEDBACK = '03-05 10% 完成设计<br>存在问题：招标文件待审<br>下步打算：3月底前挂网';

describe('tasks remind: what each item says', () => {
  it('gives the days a missing report is overdue, and the latest feedback on items due soon', async () => {
    const r = await run(['--as-of', '2020-03-25', 'remind', '--dry-run', '--format', 'md'], { cwd: plan() });
    expect(r.code).toBe(0);
    const notice = r.stdout.slice(r.stdout.indexOf('区住建局：'));
    // due by 20 March, five days before the notice
    expect(notice).toContain(`| 1 | 2020-001 | 推进老旧小区改造 | 2020年3月中旬 | 2020-03-20 | 5 | ${FEEDBACK} |`);
    expect(notice).toContain(`| 1 | 2020-001 | 节点 | 推进老旧小区改造：完成招标 | 2020-03-31 | 6 | ${FEEDBACK} |`);
    expect(r.stdout).toContain('| 2 | 2020-005 | 实施就业优先战略 | 2020年3月中旬 | 2020-03-20 | 5 | 尚未反馈 |');
    expect(r.stdout).toMatch(/\| 序号 \| 编号 \| 任务 \| 反馈周期 \| 应报日期 \| 逾期天数 \| 上次反馈 \|/);
    expect(r.stdout).toMatch(/\| 序号 \| 编号 \| 类型 \| 任务或节点 \| 到期日 \| 剩余天数 \| 最新进展 \|/);
  });
});
