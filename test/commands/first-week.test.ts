// A clerk's first week on a fresh plan, as a new clerk would go about it: a plan with its roster,
// the notice imported, leads and units assigned from the responsibility table, a week of
// feedback, extensions and targets, and the officials' workbooks — each step checking what used
// to trap a clerk in the first week.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { displayWidth } from '../../src/render/text.js';
import { fixture, ROOT, run, tempDir } from '../helpers.js';

const NOTICE = join(ROOT, 'seeds', 'tunxi-2020-key-work-notice.txt');
const TABLE = join(fixture('firstweek'), '责任分解表.csv');

/** Noon in Beijing on a day of September 2020. */
const day = (d: number) => new Date(Date.UTC(2020, 8, d, 4));

describe('a clerk’s first week', () => {
  it('goes from an empty folder to the officials’ workbooks without a trap', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    git('init', '-q');
    git('config', 'user.name', '督查室 王五');
    git('config', 'user.email', 'wangwu@example.org');
    const tasks = (args: string[], d: number, options: { columns?: number; answers?: string[] } = {}) => run(args, { cwd: dir, now: day(d), ...options });
    const task = (id: string) => parse(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8'));
    const subjects = () => git('log', '--format=%s').trim().split('\n');
    const clean = () => expect(git('status', '--porcelain')).toBe('');

    // Monday: a plan with its roster in protocol order, and the notice imported and committed
    const init = await tasks(['init', '--year', '2020', '--title', '屯溪区2020年重点工作', '--leads', '区长、常务副区长、分管工业副区长、分管城建副区长', '--units', '区政府办,区发改委,区财政局,区住建局'], 21);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('名册：牵头责任领导 4 位，责任单位 4 个');
    expect(parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).roster).toEqual({
      leads: ['区长', '常务副区长', '分管工业副区长', '分管城建副区长'], units: ['区政府办', '区发改委', '区财政局', '区住建局'],
    });
    const imported = await tasks(['import', 'notice', NOTICE], 21);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('已提交到 git（141 个文件，一次提交）');
    expect(subjects()).toEqual(['导入通知 tunxi-2020-key-work-notice.txt：新建 141 项、更新 0 项任务', '初始化台账：屯溪区2020年重点工作']);
    clean();
    // the log gives the import one entry, not 141
    expect((await tasks(['log'], 21, { columns: 200 })).stdout).toContain('2020-001 至 2020-141（141 项）  导入通知 tunxi-2020-key-work-notice.txt');
    // the investment targets of 2020-017 each have a name of their own
    expect(task('2020-017').targets.map((t: any) => t.name)).toEqual([
      '实施省亿元以上项目', '实施市级重点项目', '实施区级重点项目', '省亿元以上项目年度计划投资', '市级重点项目年度计划投资', '区级重点项目年度计划投资', '实施项目', '实现投资',
    ]);
    // a near-miss of a roster name is refused, not added as a second official
    const near = await tasks(['new', '--title', '推进老旧小区改造', '--lead', '分管城建副区长同志', '--unit', '区住建局', '--deadline', '年底前'], 21);
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('与名册中的“分管城建副区长”很接近');
    const created = await tasks(['new', '--title', '推进老旧小区改造', '--lead', '分管城建', '--unit', '区住建局', '--deadline', '年底前'], 21);
    expect(created.code).toBe(0);
    expect(task('2020-142')).toMatchObject({ lead: '分管城建副区长', units: ['区住建局'] });

    // Tuesday: leads, units and deadlines from the responsibility table, in one commit
    const assigned = await tasks(['assign', '--from', TABLE], 22);
    expect(assigned.code).toBe(0);
    expect(assigned.stdout).toContain('已分解 8 项任务，一次提交');
    expect(assigned.stderr).toContain('第 11 行：没有找到与“一项通知里没有的工作”对应的任务');
    expect(subjects()[0]).toBe('分解任务 8 项：填写牵头领导、责任单位和完成时限（责任分解表.csv）');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toHaveLength(9);
    clean();
    // 分管工业 in the table is the roster's 分管工业副区长; a draft's first deadline is no 延期
    expect(task('2020-003')).toMatchObject({ lead: '分管工业副区长', units: ['区市场监管局'], deadline: '2020-06-30', deadline_text: '6月底' });
    expect(task('2020-003').extensions).toBeUndefined();
    expect(task('2020-001')).toMatchObject({ deadline: '2020-09-30', units: ['区委编办', '区财政局'] });
    expect(task('2020-094')).toMatchObject({ deadline: '2020-10-31', deadline_text: '10月' });
    const roster = parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).roster;
    expect(roster.units.slice(4)).toEqual(['区委编办', '区市场监管局', '区科技局', '区统计局', '九龙园区管委会', '区城管局', '区公安分局', '区生态环境分局']);
    const validate = await tasks(['validate'], 22);
    expect(validate.stdout).toContain('142 个任务，0 个错误，0 个警告');

    // Wednesday: feedback, dated the way clerks write dates; a milestone added late
    expect((await tasks(['progress', '2020-017', '1—8月完成投资74.6亿元', '--percent', '60', '--date', '昨天', '--by', '区发改'], 23)).code).toBe(0);
    expect(task('2020-017').progress).toEqual([{ date: '2020-09-22', note: '1—8月完成投资74.6亿元', percent: 60, by: '区发改委' }]);
    expect((await tasks(['progress', '2020-080', '道路管网改造过半', '--percent', '40', '--date', '9.23'], 23)).code).toBe(0);
    expect((await tasks(['milestone', '2020-080', 'add', '路基工程完成', '--due', '8月底'], 23)).code).toBe(0);
    const both = await run(['--as-of', '9月23日', 'list', '--light', '红', '--light', '黄', '--format', 'json'], { cwd: dir, now: new Date('2026-03-01T04:00:00Z') });
    expect(both.code).toBe(0);
    const lights = new Set(JSON.parse(both.stdout).tasks.map((t: any) => t.light));
    expect(lights).toEqual(new Set(['red', 'yellow']));
    expect(JSON.parse(both.stdout).as_of).toBe('2020-09-23');

    // Thursday: an extension, one moved earlier, one into next year
    const extended = await tasks(['set', '2020-011', 'deadline', '2020-12-31', '--reason', '区长办公会同意延期', '--date', '9.24'], 24);
    expect(extended.stdout).toContain('已将 2020-011 的完成时限延期：2020-06-30 → 2020-12-31（2020-09-24 批准');
    const advanced = await tasks(['set', '2020-094', 'deadline', '2020-10-10', '--reason', '区政府常务会议要求提前', '--date', '上旬末'], 24);
    expect(advanced.code).toBe(0);
    expect(task('2020-094').extensions).toEqual([{ date: '2020-09-10', from: '2020-10-31', to: '2020-10-10', reason: '区政府常务会议要求提前', kind: 'advance' }]);
    expect(subjects()[0]).toBe('提前 2020-094：完成时限 2020-10-31 → 2020-10-10（区政府常务会议要求提前）');
    expect((await tasks(['set', '2020-046', 'deadline', '2021-03-31', '--reason', '设备进场推迟'], 24)).code).toBe(0);
    const show = await tasks(['show', '2020-011'], 24);
    expect(show.stdout).toContain('按原时限（2020-06-30）逾期86天；按现时限（2020-12-31）未逾期');
    // the schedule runs from the start of 2020 to the new deadline, not from 1 January 2021
    const later = await run(['--as-of', '2021-01-15', 'show', '2020-046', '--format', 'json'], { cwd: dir, now: day(24) });
    expect(JSON.parse(later.stdout).task.elapsed_percent).toBe(84);

    // Friday: a target added to a task that had none of that name, actual values dated
    expect((await tasks(['target', '2020-080', 'add', '改造道路', '--target', '12', '--unit', '条'], 25)).code).toBe(0);
    expect((await tasks(['target', '2020-080', 'set', '道路', '--actual', '5', '--date', '9月25日'], 25)).code).toBe(0);
    expect(task('2020-080').targets.at(-1)).toEqual({ name: '改造道路', target: 12, unit: '条', actuals: [{ date: '2020-09-25', value: 5 }] });
    const ambiguous = await tasks(['target', '2020-017', '年度计划投资', '--actual', '25.6'], 25);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('4. 省亿元以上项目年度计划投资；5. 市级重点项目年度计划投资；6. 区级重点项目年度计划投资');
    expect((await tasks(['target', '2020-017', '省亿元以上项目年度计划投资', '--actual', '13.1'], 25)).code).toBe(0);
    const log = await run(['log', '--since', '9月25日', '--format', 'json'], { cwd: dir, now: day(25) });
    expect(JSON.parse(log.stdout).entries[0].changes.map((c: any) => c.text)).toEqual(['指标“省亿元以上项目年度计划投资”实际值：（空） → 13.1亿元']);
    // closing a task with an open milestone needs a yes on the terminal, or --force
    const notYet = await tasks(['done', '2020-080'], 25, { answers: ['n'] });
    expect(notYet.stderr).toContain('2020-080 还有节点未完成：“路基工程完成”');
    expect(task('2020-080').status).toBe('in_progress');
    clean();

    // the next Wednesday: the views fit the terminal, and the officials get their workbooks
    const summary = await tasks(['summary'], 30, { columns: 80 });
    for (const line of summary.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    expect(summary.stdout).toContain('│分管城建副区长');
    const status = await tasks([], 30, { columns: 80 });
    for (const line of status.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const out = join(dir, 'exports');
    expect((await tasks(['export', 'xlsx', '--lang', 'en'], 30)).code).toBe(0);
    expect((await tasks(['export', 'xlsx', '--by', 'unit'], 30)).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2020-09-30', '2020-09-30-分单位']);
    expect(readdirSync(join(out, '2020-09-30'))).toContain('总表.xlsx');
    // the drafts still 待定 are in the overview, not in a workbook of their own
    expect(readdirSync(join(out, '2020-09-30'))).not.toContain('待定.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, '2020-09-30', '分管城建副区长.xlsx'));
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const rows = [4, 5, 6, 7].map((n) => (ws.getRow(n).values as unknown[]).slice(1));
    const col = (name: string) => header.indexOf(name);
    // red first, the most overdue first; then yellow, the nearest deadline first. 2020-142, added
    // on Monday the 21st, starts that day: nine days in, not started yet is not behind schedule
    expect(rows.map((r) => [r[col('id')], r[col('light')]])).toEqual([['2020-085', 'red'], ['2020-080', 'red'], ['2020-094', 'yellow'], ['2020-142', 'green']]);
    expect(ws.rowCount).toBe(7);
    const road = rows.find((r) => r[col('id')] === '2020-080')!;
    expect(road[col('why')]).toBe('milestone "路基工程完成" 30 days overdue; behind schedule: 40% reported, 75% of the time gone; feedback overdue');
    const unitBook = new ExcelJS.Workbook();
    await unitBook.xlsx.readFile(join(out, '2020-09-30-分单位', '区城管局.xlsx'));
    const unitSheet = unitBook.worksheets[0]!;
    const texts: string[] = [];
    unitSheet.eachRow((row) => texts.push(String(row.getCell(1).value)));
    expect(texts).toContain('区城管局为配合单位的任务（1 项）');
    const overview = new ExcelJS.Workbook();
    await overview.xlsx.readFile(join(out, '2020-09-30-分单位', '总表.xlsx'));
    expect(overview.worksheets.map((w) => w.name)).toEqual(['分领导汇总', '分单位汇总', '全部任务']);
  }, 180_000);
});
