// Feedback with substance: 进展情况, 存在问题 and 下步打算, recorded and shown everywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run, runJson } from '../helpers.js';

describe('tasks progress --problems --next', () => {
  it('records the three parts and shows them in show, its JSON and the CSV export', async () => {
    const dir = copyFixture('edit');
    const r = await run(
      ['--as-of', '2020-09-30', 'progress', '2020-001', '完成12个小区改造', '--percent', '60', '--problems', '部分居民对加装电梯意见不一', '--next', '10月底前完成剩余小区招标'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'tasks', '2020-001.yaml'), 'utf8');
    expect(text).toContain('    problems: 部分居民对加装电梯意见不一\n    next_steps: 10月底前完成剩余小区招标\n');
    const show = await run(['--as-of', '2020-09-30', 'show', '2020-001'], { cwd: dir, columns: 200 });
    expect(show.stdout).toContain('存在问题：部分居民对加装电梯意见不一');
    expect(show.stdout).toContain('下步打算：10月底前完成剩余小区招标');
    const json = await runJson(['--as-of', '2020-09-30', 'show', '2020-001'], { cwd: dir });
    expect(json.json.task.latest_progress).toMatchObject({ problems: '部分居民对加装电梯意见不一', next_steps: '10月底前完成剩余小区招标' });
    const csv = await run(['--as-of', '2020-09-30', 'export', 'csv', '--out', join(dir, 'out')], { cwd: dir });
    expect(csv.code).toBe(0);
    const exported = readFileSync(join(dir, 'out', '2020-09-30-csv', '重点工作.csv'), 'utf8');
    expect(exported).toContain('完成12个小区改造\n存在问题：部分居民对加装电梯意见不一\n下步打算：10月底前完成剩余小区招标');
  }, 30_000);
});
