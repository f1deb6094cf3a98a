// Edits that move a light carry their date, so that views of earlier days never change.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, ROOT, run, runJson, tempDir } from '../helpers.js';

function gitRepo(dir: string): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  git('config', 'user.name', '督查室 李四');
  git('config', 'user.email', 'lisi@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
}

/** The bundled plan in a fresh repository. */
function bundledPlan(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'tasks'), join(dir, 'tasks'), { recursive: true });
  cpSync(join(ROOT, 'tasks.config.yaml'), join(dir, 'tasks.config.yaml'));
  gitRepo(dir);
  return dir;
}

const data = (dir: string, id: string) => load(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8').replace(/^\uFEFF/, '')) as Record<string, any>;

describe('views of a past date after later edits', () => {
  it('keeps 2020-011 red on 31 July after its deadline is extended on 15 October', async () => {
    const dir = bundledPlan();
    const before = await runJson(['overdue', '--as-of', '2020-07-31'], { cwd: dir });
    const red = before.json.tasks.map((t: { id: string }) => t.id);
    expect(red).toContain('2020-011');
    const set = await run(['set', '2020-011', 'deadline', '2020-12-31', '--reason', '区政府专题会议同意延期', '--as-of', '2020-10-15'], { cwd: dir });
    expect(set.code).toBe(0);
    const after = await runJson(['overdue', '--as-of', '2020-07-31'], { cwd: dir });
    expect(after.json.tasks.map((t: { id: string }) => t.id)).toEqual(red);
    const task = after.json.tasks.find((t: { id: string }) => t.id === '2020-011');
    expect(task).toMatchObject({ deadline: '2020-06-30', days_overdue: 31, light: 'red' });
    const october = await runJson(['show', '2020-011', '--as-of', '2020-10-15'], { cwd: dir });
    expect(october.json.task).toMatchObject({ deadline: '2020-12-31', light: 'green', original_days_overdue: 107 });
  }, 30_000);

  it('dates a suspension and a reopening, and requires a reason to suspend or cancel', async () => {
    const dir = copyFixture('edit');
    gitRepo(dir);
    const noReason = await run(['--as-of', '2020-08-01', 'set', '2020-001', 'status', '暂缓'], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const suspend = await run(['--as-of', '2020-08-01', 'set', '2020-001', 'status', '暂缓', '--reason', '规划调整'], { cwd: dir });
    expect(suspend.code).toBe(0);
    expect(data(dir, '2020-001').status_changes).toEqual([{ date: '2020-08-01', from: 'in_progress', to: 'suspended', reason: '规划调整' }]);
    const july = await runJson(['show', '2020-001', '--as-of', '2020-07-31'], { cwd: dir });
    expect(july.json.task.light).not.toBe('suspended');
    const august = await runJson(['show', '2020-001', '--as-of', '2020-08-02'], { cwd: dir });
    expect(august.json.task.light).toBe('suspended');

    expect((await run(['--as-of', '2020-09-25', 'done', '2020-003'], { cwd: dir })).code).toBe(0);
    const early = await run(['--as-of', '2020-09-20', 'reopen', '2020-003'], { cwd: dir });
    expect(early.code).toBe(2);
    const reopen = await run(['--as-of', '2020-10-08', 'reopen', '2020-003', '--reason', '验收未通过，退回整改'], { cwd: dir });
    expect(reopen.code).toBe(0);
    const t = data(dir, '2020-003');
    expect(t.done_on).toBeUndefined();
    expect(t.status_changes).toEqual([{ date: '2020-10-08', from: 'done', to: 'in_progress', reason: '验收未通过，退回整改', done_on: '2020-09-25' }]);
    const between = await runJson(['show', '2020-003', '--as-of', '2020-10-01'], { cwd: dir });
    expect(between.json.task).toMatchObject({ light: 'done_late', done_on: '2020-09-25' });
  }, 30_000);

  it('dates a milestone added once the work has started, not one planned before the start', async () => {
    const dir = copyFixture('edit');
    gitRepo(dir);
    expect((await run(['--as-of', '2020-07-15', 'milestone', '2020-001', 'add', '主体完工', '--due', '2020-06-30'], { cwd: dir })).code).toBe(0);
    expect(data(dir, '2020-001').milestones).toContainEqual({ title: '主体完工', due: '2020-06-30', added: '2020-07-15' });
    const before = await runJson(['show', '2020-001', '--as-of', '2020-07-14'], { cwd: dir });
    expect(before.json.task.overdue_milestones.map((ms: { title: string }) => ms.title)).not.toContain('主体完工');
    const after = await runJson(['show', '2020-001', '--as-of', '2020-07-15'], { cwd: dir });
    expect(after.json.task.overdue_milestones.map((ms: { title: string }) => ms.title)).toContain('主体完工');
    expect((await run(['--as-of', '2020-01-01', 'milestone', '2020-002', 'add', '完成方案', '--due', '2020-03-31'], { cwd: dir })).code).toBe(0);
    expect(data(dir, '2020-002').milestones).toContainEqual({ title: '完成方案', due: '2020-03-31' });
  }, 30_000);
});
