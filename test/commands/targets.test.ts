// tasks target ID add|rename|remove|set on a temp copy of a fixture plan in a real git repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { gitFixture, run, runJson } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

function repo(): ReturnType<typeof gitFixture> {
  return gitFixture('edit');
}

const data = (dir: string, id: string) => load(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8').replace(/^\uFEFF/, '')) as Record<string, any>;

describe('tasks target', () => {
  it('adds a target to a task that has none, then reports dated actual values', async () => {
    const { dir, git } = repo();
    const add = await run([...AS_OF, 'target', '2020-003', 'add', '完成改造', '--target', '20', '--unit', '个'], { cwd: dir });
    expect(add.code).toBe(0);
    expect(add.stdout).toBe('已为 2020-003 增加指标：完成改造（目标 20个）\n');
    expect(git('log', '-1', '--format=%s')).toBe('指标 2020-003：增加“完成改造”（目标 20个）\n');
    const set = await run([...AS_OF, 'target', '2020-003', 'set', '改造', '--actual', '12', '--date', '9月20日', '--note', '区住建局报'], { cwd: dir });
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('实际值：（空） → 12个（2020-09-20 报送）');
    // the short form, a report dated earlier than the last goes before it
    expect((await run([...AS_OF, 'target', '2020-003', '改造', '--actual', '8', '--date', '2020-08-31'], { cwd: dir })).code).toBe(0);
    expect(data(dir, '2020-003').targets).toEqual([
      { name: '完成改造', target: 20, unit: '个', actuals: [{ date: '2020-08-31', value: 8 }, { date: '2020-09-20', value: 12, note: '区住建局报' }] },
    ]);
    const show = await runJson([...AS_OF, 'show', '2020-003'], { cwd: dir });
    expect(show.json.task.record.targets[0].actuals).toHaveLength(2);
    const text = await run([...AS_OF, 'show', '2020-003'], { cwd: dir });
    expect(text.stdout).toContain('目标 ≥20个，实际 12个');
    expect(git('log', '-1', '--format=%s')).toBe('指标 2020-003：完成改造 实际 8个（2020-08-31）\n');
  });

  it('keeps names unique, renames and removes', async () => {
    const { dir } = repo();
    const again = await run([...AS_OF, 'target', '2020-001', 'add', '完成老旧小区改造', '--target', '30'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有指标“完成老旧小区改造”');
    expect((await run([...AS_OF, 'target', '2020-001', 'add', '控制投诉率', '--target', '5', '--unit', '%', '--max'], { cwd: dir })).code).toBe(0);
    const clash = await run([...AS_OF, 'target', '2020-001', 'rename', '投诉', '完成老旧小区改造'], { cwd: dir });
    expect(clash.code).toBe(2);
    const rename = await run([...AS_OF, 'target', '2020-001', 'rename', '投诉', '群众投诉率'], { cwd: dir });
    expect(rename.code).toBe(0);
    expect(data(dir, '2020-001').targets[1]).toEqual({ name: '群众投诉率', target: 5, unit: '%', direction: 'max' });
    expect((await run([...AS_OF, 'target', '2020-001', 'remove', '2'], { cwd: dir })).code).toBe(0);
    expect(data(dir, '2020-001').targets.map((t: any) => t.name)).toEqual(['完成老旧小区改造']);
    const missing = await run([...AS_OF, 'target', '2020-001', 'remove', '绿化'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('现有指标：完成老旧小区改造');
    const bad = await run([...AS_OF, 'target', '2020-001', 'grow', 'x'], { cwd: dir });
    expect(bad.stderr).toContain('可用：add（增加指标）、rename（改名）、remove（删除）、set（报实际值）');
  });

  it('refuses a name several targets share, listing them by number, and pairs them rightly in the log', async () => {
    const { dir, git } = repo();
    const file = join(dir, 'tasks', '2020-003.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}targets:\n  - name: 年度计划投资\n    target: 24.3\n    unit: 亿元\n  - name: 年度计划投资\n    target: 43.4\n    unit: 亿元\n  - name: 年度计划投资\n    target: 101\n    unit: 亿元\n`);
    git('commit', '-qam', '旧草稿');
    const validate = await run([...AS_OF, 'validate'], { cwd: dir });
    expect(validate.stdout).toContain('第 2 个量化指标的名称“年度计划投资”与第 1 个相同');
    const ambiguous = await run([...AS_OF, 'target', '2020-003', '年度计划投资', '--actual', '25.6'], { cwd: dir });
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('1. 年度计划投资；2. 年度计划投资；3. 年度计划投资');
    expect((await run([...AS_OF, 'target', '2020-003', '2', '--actual', '45.1'], { cwd: dir })).code).toBe(0);
    expect(data(dir, '2020-003').targets.map((t: any) => t.actuals?.[0]?.value)).toEqual([undefined, 45.1, undefined]);
    expect((await run([...AS_OF, 'target', '2020-003', 'rename', '3', '区级重点项目年度计划投资'], { cwd: dir })).code).toBe(0);
    const log = await runJson([...AS_OF, 'log'], { cwd: dir });
    expect(log.json.entries[0].changes.map((c: any) => c.text)).toEqual(['量化指标：+1 条（区级重点项目年度计划投资）', '量化指标：-1 条']);
    expect(log.json.entries[1].changes.map((c: any) => c.text)).toEqual(['指标“年度计划投资”实际值：（空） → 45.1亿元']);
  });
});
