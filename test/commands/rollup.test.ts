// A city's roll-up of three district plans: two folders and one git remote fetched read-only.
// Every view works across them with the office of each task; each district's counts are what the
// district sees in its own plan.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, run, runJson, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

/** 屯溪区 and 黄山区 as folders, 徽州区 as a git repository the city reads by its address. */
function city(): { root: string; dir: string; remote: string } {
  const root = tempDir();
  cpSync(fixture('lights'), join(root, '屯溪区'), { recursive: true });
  cpSync(fixture('edit'), join(root, '黄山区'), { recursive: true });
  const remote = join(root, '徽州区');
  cpSync(fixture('names'), remote, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: remote, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.name=徽州区', '-c', 'user.email=h@example.org', 'commit', '-qm', '台账');
  const dir = join(root, '市督查室');
  mkdirSync(join(dir, 'tasks'), { recursive: true });
  writeFileSync(
    join(dir, 'tasks.config.yaml'),
    [
      'title: 黄山市重点工作',
      'year: 2020',
      'office: 市督查室',
      'plans:',
      '  - office: 屯溪区',
      '    path: ../屯溪区',
      '  - office: 黄山区',
      '    path: ../黄山区',
      '  - office: 徽州区',
      `    url: ${remote}`,
      '',
    ].join('\n'),
  );
  return { root, dir, remote };
}

const own = async (root: string, office: string) => (await runJson([...AS_OF, '--dir', join(root, office), 'summary'])).json.total;

describe('a roll-up of several plans', () => {
  it('counts each office as the office itself does, and says which plan is not fetched yet', async () => {
    const { root, dir } = city();
    const before = await run([...AS_OF, 'summary', '--by', 'office'], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('还没有获取徽州区的台账');
    // at the plan's entry in the settings, not at their first line
    expect(before.stderr).toMatch(/tasks\.config\.yaml:10:10: 错误: 还没有获取徽州区的台账/);

    const fetched = await run([...AS_OF, 'sync'], { cwd: dir });
    expect(fetched.code).toBe(0);
    expect(fetched.stdout).toBe('徽州区：收到 1 项修改（区发改委 1）\n');

    const { code, json } = await runJson([...AS_OF, 'summary', '--by', 'office'], { cwd: dir });
    expect(code).toBe(0);
    expect(json.rows.map((r: { name: string }) => r.name)).toEqual(['屯溪区', '黄山区', '徽州区']);
    for (const [i, office] of ['屯溪区', '黄山区', '徽州区'].entries()) {
      const theirs = await own(root, office);
      expect({ ...json.rows[i], name: '' }).toEqual({ ...theirs, name: '' });
    }
    const total = json.rows.reduce((n: number, r: { total: number }) => n + r.total, 0);
    expect(total).toBe(['屯溪区', '黄山区', '徽州区'].reduce((n, office) => n + readdirSync(join(root, office, 'tasks')).length, 0));
    expect(json.total.total).toBe(total);
  });

  it('shows ids as 屯溪区/L-01 with an office column, filters and groups by office, and refuses edits of another office’s task', async () => {
    const { dir } = city();
    await run([...AS_OF, 'sync'], { cwd: dir });
    const list = await run([...AS_OF, 'list', '--office', '黄山'], { cwd: dir, columns: 160 });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('所属台账');
    expect(list.stdout).toContain('黄山区/2020-001');
    expect(list.stdout).not.toContain('屯溪区/');

    const ids = await run([...AS_OF, 'list', '--format', 'ids'], { cwd: dir });
    expect(ids.stdout.split('\n')[0]).toBe('屯溪区/L-01');
    expect(ids.stdout).toContain('\n徽州区/N-1\n');

    const csv = await run([...AS_OF, 'overdue', '--format', 'csv', '--office', '屯溪区'], { cwd: dir });
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^\uFEFF所属台账,编号,/);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/^屯溪区,屯溪区\/L-/);

    const grouped = await runJson([...AS_OF, 'overdue', '--group', 'office'], { cwd: dir });
    expect(grouped.json.groups.map((g: { name: string }) => g.name)).toEqual(['屯溪区', '黄山区', '徽州区'].filter((o) => grouped.json.groups.some((g: { name: string }) => g.name === o)));
    expect(grouped.json.tasks[0].office).toBeDefined();

    const show = await runJson([...AS_OF, 'show', '徽州区/N-1'], { cwd: dir });
    expect(show.json.task).toMatchObject({ id: '徽州区/N-1', office: '徽州区' });
    expect((await run([...AS_OF, 'show', 'N-1'], { cwd: dir })).code).toBe(0);

    const edit = await run([...AS_OF, 'progress', '屯溪区/L-01', '城市的意见'], { cwd: dir });
    expect(edit.code).toBe(2);
    expect(edit.stderr).toBe('tasks: 屯溪区/L-01 是屯溪区台账中的任务，只能在屯溪区的台账中修改\n');

    const bad = await run([...AS_OF, 'list', '--office', '歙县'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('没有名为“歙县”的所属台账');
  });

  it('changes nothing for a single plan: no office column, no office in JSON, --office refused', async () => {
    const list = await runJson([...AS_OF, '--dir', fixture('lights'), 'list']);
    expect(list.json.tasks[0]).not.toHaveProperty('office');
    const table = await run([...AS_OF, '--dir', fixture('lights'), 'list']);
    expect(table.stdout).not.toContain('所属台账');
    const office = await run([...AS_OF, '--dir', fixture('lights'), 'list', '--office', '屯溪区']);
    expect(office.code).toBe(2);
    expect(office.stderr).toContain('--office 只能用于汇总多个台账');
  });

  it('exports a workbook per office, and the overview’s office sheet', async () => {
    const { dir } = city();
    await run([...AS_OF, 'sync'], { cwd: dir });
    const out = tempDir();
    const r = await run([...AS_OF, 'export', 'csv', '--by', 'office', '--split', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, '2020-09-30-csv')).sort()).toEqual(['屯溪区.csv', '徽州区.csv', '重点工作.csv', '黄山区.csv'].sort());
    const all = readFileSync(join(out, '2020-09-30-csv', '重点工作.csv'), 'utf8');
    expect(all.split('\r\n')[0]).toMatch(/^\uFEFF序号,所属台账,编号,/);
    const one = readFileSync(join(out, '2020-09-30-csv', '黄山区.csv'), 'utf8');
    expect(one.split('\r\n')[0]).not.toContain('所属台账');
  });

  it('reports, reminds, checks feedback and draws the dashboard across the offices, though the city has no task of its own', async () => {
    const { root, dir } = city();
    await run([...AS_OF, 'sync'], { cwd: dir });
    const offices = ['屯溪区', '黄山区', '徽州区'];
    const totals = await Promise.all(offices.map(async (office) => (await own(root, office)).total as number));
    const total = totals.reduce((a, b) => a + b, 0);

    const report = await runJson([...AS_OF, 'report', 'xun', '--format', 'json'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.json.headline.total.value).toBe(total);
    expect(report.json.still_red.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['屯溪区/L-06', '徽州区/N-1', '黄山区/2020-003']));
    const text = await run([...AS_OF, 'report', 'xun'], { cwd: dir, columns: 200 });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`截至9月30日，${total}项重点工作`);

    const remind = await run([...AS_OF, 'remind', '--dry-run'], { cwd: dir, columns: 200 });
    expect(remind.code).toBe(0);
    expect(remind.stdout).toContain('屯溪区/L-06');
    expect(remind.stdout).toContain('徽州区/N-1');
    expect(remind.stdout).toContain('黄山区/2020-003');

    const status = await runJson([...AS_OF, 'feedback', 'status'], { cwd: dir });
    expect(status.code).toBe(0);
    const owed = JSON.stringify(status.json);
    for (const id of ['屯溪区/L-01', '徽州区/N-1', '黄山区/2020-001']) expect(owed).toContain(id);

    const out = join(tempDir(), 'city.html');
    const dashboard = await run([...AS_OF, 'dashboard', '--out', out], { cwd: dir });
    expect(dashboard.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('屯溪区/L-06');
    expect(html).toContain('黄山区/2020-003');
    const districts = await run([...AS_OF, 'dashboard', '--office', '黄山区', '--out', out], { cwd: dir });
    expect(districts.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('屯溪区/L-06');
  });

  it('points at the entry of a plan that is missing or not fetched', async () => {
    const { root, dir } = city();
    rmSync(join(root, '黄山区'), { recursive: true });
    const r = await run([...AS_OF, 'list'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks.config.yaml:8:11: 错误: 汇总的第 2 个台账（黄山区）的目录 ../黄山区 不存在或不是台账');
    expect(r.stderr).toMatch(/tasks\.config\.yaml:10:10: 错误: 还没有获取徽州区的台账/);
  });
});
