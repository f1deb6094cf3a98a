// tasks dashboard on small plans: where the page goes, that it is the same page every time, and
// the bad inputs a clerk may give it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, run, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];
const page = (dir: string) => readFileSync(join(dir, 'exports', '2020-09-30-dashboard.html'), 'utf8');
const figure = (html: string, key: string) => /data-headline="([a-z_]+)" data-value="([\d.]+)"/g.exec(html.slice(html.indexOf(`data-headline="${key}"`)))?.[2];

describe('tasks dashboard', () => {
  it('writes exports/<as-of>-dashboard.html and prints its path', async () => {
    const dir = copyFixture('dashboard-plan');
    const r = await run([...AS_OF, 'dashboard'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: 'exports/2020-09-30-dashboard.html\n', stderr: '' });
    const html = page(dir);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain('<title>看板测试区2020年重点工作推进情况（截至2020年9月30日）</title>');
    expect(figure(html, 'total')).toBe('7');
    expect(figure(html, 'red')).toBe('2');
    expect(figure(html, 'on_time_rate')).toBe('75');
    expect(html).toContain('<div class="round">9月下旬各单位反馈</div>');
    expect(html).toContain('2020-001');
    expect(html).toContain('全年目标已基本完成，申请销号');
  });

  it('gives the same bytes for the same tasks and --as-of, whenever and wherever it runs', async () => {
    const dir = copyFixture('dashboard-plan');
    await run([...AS_OF, 'dashboard'], { cwd: dir });
    const first = page(dir);
    const later = await run([...AS_OF, 'dashboard', '--out', 'again.html'], { cwd: dir, now: new Date('2021-03-01T01:00:00Z'), env: { TZ: 'America/New_York' } });
    expect(later.code).toBe(0);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toBe(first);
    // another date, another page
    await run(['--as-of', '2020-09-29', 'dashboard'], { cwd: dir });
    expect(readFileSync(join(dir, 'exports', '2020-09-29-dashboard.html'), 'utf8')).not.toBe(first);
  });

  it('lives beside the export of the same date: neither run removes the other’s file', async () => {
    const dir = copyFixture('dashboard-plan');
    expect((await run([...AS_OF, 'dashboard'], { cwd: dir })).code).toBe(0);
    expect((await run([...AS_OF, 'export', 'csv', '--quiet'], { cwd: dir })).code).toBe(0);
    expect((await run([...AS_OF, 'dashboard'], { cwd: dir })).code).toBe(0);
    expect(readdirSync(join(dir, 'exports')).sort()).toEqual(['2020-09-30-csv', '2020-09-30-dashboard.html']);
    expect(readdirSync(join(dir, 'exports', '2020-09-30-csv'))).toEqual(['重点工作.csv']);
  });

  it('writes to --out as a file or into a folder, and says nothing with --quiet', async () => {
    const dir = copyFixture('dashboard-plan');
    mkdirSync(join(dir, '发给领导'));
    const folder = await run([...AS_OF, 'dashboard', '--out', '发给领导'], { cwd: dir });
    expect(folder).toMatchObject({ code: 0, stdout: '发给领导/2020-09-30-dashboard.html\n' });
    const file = await run([...AS_OF, '-q', 'dashboard', '--out', 'sub/看板.html'], { cwd: dir });
    expect(file).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'sub', '看板.html'), 'utf8')).toBe(readFileSync(join(dir, '发给领导', '2020-09-30-dashboard.html'), 'utf8'));
  });

  it('takes the filters of tasks list and says on the page what they left', async () => {
    const dir = copyFixture('dashboard-plan');
    const r = await run([...AS_OF, 'dashboard', '--lead', '区长', '--light', '红'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = page(dir);
    expect(html).toContain('<p class="scope">本页只含符合条件的 2 项任务（全部 7 项）：牵头领导：区长；灯色：红灯</p>');
    expect(figure(html, 'total')).toBe('2');
    expect(html).not.toContain('2020-003');
  });

  it('refuses an unknown name or option with exit code 2, writing nothing', async () => {
    const dir = copyFixture('dashboard-plan');
    const name = await run([...AS_OF, 'dashboard', '--lead', '市长'], { cwd: dir });
    expect(name.code).toBe(2);
    expect(name.stderr).toContain('没有名为“市长”的牵头责任领导');
    const option = await run([...AS_OF, 'dashboard', '--format', 'json'], { cwd: dir });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--format');
    const date = await run(['--as-of', '2020-13-01', 'dashboard'], { cwd: dir });
    expect(date.code).toBe(2);
    expect(readdirSync(dir)).not.toContain('exports');
  });

  it('says in a sentence why --out cannot be written, with exit code 4', async () => {
    const dir = copyFixture('dashboard-plan');
    writeFileSync(join(dir, '文件'), 'x');
    const r = await run([...AS_OF, 'dashboard', '--out', '文件/看板.html'], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tasks: 无法写入 .*文件\/看板\.html：.*文件 应是文件夹，但现在是一个文件.*。原有文件未被改动/);
    expect(r.stderr).not.toMatch(/ENOTDIR|EEXIST|at .*\.ts:\d+/);
  });

  it('makes a page of an empty plan, and of a plan with a file it cannot read (exit code 1)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tasks.config.yaml'), 'title: 空台账\nyear: 2021\n');
    mkdirSync(join(dir, 'tasks'));
    const empty = await run(['--as-of', '2021-01-05', 'dashboard'], { cwd: dir });
    expect(empty.code).toBe(0);
    const html = readFileSync(join(dir, 'exports', '2021-01-05-dashboard.html'), 'utf8');
    expect(html).toContain('台账中还没有任务。');
    writeFileSync(join(dir, 'tasks', '2021-001.yaml'), 'id: 2021-001\ntitle: [未闭合\n');
    const broken = await run(['--as-of', '2021-01-05', 'dashboard'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('tasks/2021-001.yaml:2:');
    expect(readFileSync(join(dir, 'exports', '2021-01-05-dashboard.html'), 'utf8')).toContain('有 1 个任务文件无法读取');
  });

  it('escapes a hostile title and unit, and speaks English with --lang en', async () => {
    const dir = copyFixture('dashboard-plan');
    const file = join(dir, 'tasks', '2020-001.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 建成城市书房', 'title: "</svg><script>alert(1)</script>书房"'));
    const r = await run([...AS_OF, '--lang', 'en', 'dashboard'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = page(dir);
    expect(html).toMatch(/<html lang="en">/);
    expect(html).toContain('<div class="round">reports for Sep late</div>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;书房');
  });

  it('refuses rules that contradict each other, naming their line and column, and writes no page', async () => {
    const dir = copyFixture('dashboard-plan');
    const config = join(dir, 'tasks.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('  cycle: xun\n', '  cycle: half\n  due_day: 25\n  co_units_due_day: 26\n'));
    const r = await run([...AS_OF, 'dashboard'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks.config.yaml 中的规则有误');
    expect(r.stderr).toMatch(/tasks\.config\.yaml:10:21: 错误: 配合单位的报送日（\d{4}-\d\d-26）不早于牵头单位的报送日（\d{4}-\d\d-25）/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).not.toContain('exports');
  });
});
