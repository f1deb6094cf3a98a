// tasks report on small plans: its forms read back, and the bad inputs a clerk may give it.
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyFixture, ROOT, run, runJson, tempDir } from '../helpers.js';

/** The rhythm fixture with a few reports, so that every section has something to say. */
function plan(): string {
  const dir = copyFixture('rhythm');
  const add = (id: string, lines: string) => writeFileSync(join(dir, 'tasks', `${id}.yaml`), readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8') + lines);
  add('2020-001', 'progress:\n  - date: 2020-02-20\n    note: 完成摸底\n    percent: 5\n    by: 区住建局\n    problems: 部分居民意见不一\n    next_steps: 入户做工作\n');
  add('2020-005', 'progress:\n  - date: 2020-02-28\n    note: 制定方案\n    percent: 10\n    by: 区发改局\n');
  return dir;
}

describe('tasks report', () => {
  it('writes the 旬 report as text with the office’s numbered parts and tables', async () => {
    const r = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-下旬'], { cwd: plan(), columns: 160 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('测试区2020年重点工作旬调度情况');
    expect(r.stdout).toContain('2020年2月下旬（2月21日—2月29日）');
    expect(r.stdout).toMatch(/截至2月29日，5项重点工作已完成0项（其中逾期完成0项），推进中5项；完成率0\.0%/);
    for (const heading of ['一、主要指标', '二、本旬完成情况', '三、逾期情况', '（一）本旬新增逾期', '四、本旬延期审批情况', '五、下一旬到期事项', '六、进展反馈情况', '七、进度分类情况', '八、量化指标完成情况', '九、分牵头领导情况', '十、分牵头单位情况']) {
      expect(r.stdout).toContain(heading);
    }
    expect(r.stdout).toContain('表9　未反馈事项');
  });

  it('counts a report by a unit the roster does not know for the lead unit, and validate points at it', async () => {
    const dir = plan();
    const { json } = await runJson(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3'], { cwd: dir });
    expect(json.feedback.missing.map((j: { id: string }) => j.id)).toEqual(['2020-002', '2020-001']);
    const v = await run(['validate'], { cwd: dir });
    expect(v.stdout + v.stderr).toMatch(/tasks\/2020-005\.yaml:\d+:\d+: 警告: 责任单位“区发改局”不在名册.*是否是“区发改委”/);
  });

  it('says plainly when the plan holds no feedback at all', async () => {
    const r = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3'], { cwd: copyFixture('rhythm'), columns: 160 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('台账中还没有任何进展反馈，应报的3次全部未报');
    expect(r.stdout).not.toContain('未反馈事项');
    const { json } = await runJson(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3'], { cwd: copyFixture('rhythm') });
    expect(json.feedback).toMatchObject({ due: 3, none_at_all: true });
  });

  it.each([
    ['month', '2020-13', '没有 13 月'],
    ['quarter', '2020-Q5', '一年只有四个季度'],
    ['xun', '2020-09-4', '一个月只有三旬'],
    ['month', '2019-12', '不在台账年度（2020年）内'],
    ['xun', '2020-01-1', '还没有任务开始（最早的任务从2020年2月11日开始）'],
    ['quarter', '2020-09', '这里需要季度'],
  ])('refuses a %s report for %s', async (kind, period, message) => {
    const r = await run(['--as-of', '2020-12-31', 'report', kind, '--period', period], { cwd: copyFixture('rhythm') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('takes 2020-02-下旬 as the 旬 ending on the 29th, and the last complete period by default', async () => {
    const { json } = await runJson(['--as-of', '2020-03-05', 'report', 'xun', '--period', '2020-02-下旬'], { cwd: copyFixture('rhythm') });
    expect(json.period).toEqual({ kind: 'xun', key: '2020-02-3', start: '2020-02-21', end: '2020-02-29', label: '2020年2月下旬' });
    const last = await runJson(['report', 'month'], { cwd: copyFixture('rhythm'), now: new Date('2020-04-15T04:00:00Z') });
    expect(last.json.period.key).toBe('2020-03');
    expect(last.json.as_of).toBe('2020-03-31');
    const early = await run(['--as-of', '2020-03-05', 'report', 'month', '--period', '2020-04'], { cwd: copyFixture('rhythm') });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('尚未开始');
  });

  it('takes a period typed without its year (2月下旬, 一季度, Q1) in the plan\'s year, even on a clock of another year', async () => {
    const now = new Date('2026-11-30T04:00:00Z');
    const xun = await runJson(['--as-of', '2020-03-05', 'report', 'xun', '--period', '2月下旬'], { cwd: copyFixture('rhythm'), now });
    expect(xun.json.period.key).toBe('2020-02-3');
    const quarter = await runJson(['--as-of', '2020-04-05', 'report', 'quarter', '--period', '一季度'], { cwd: copyFixture('rhythm'), now });
    expect(quarter.json.period.key).toBe('2020-Q1');
    const status = await run(['--as-of', '2020-03-05', 'feedback', 'status', '--period', '2月下旬'], { cwd: copyFixture('rhythm'), now });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('2020年2月下旬');
    // a kind that does not fit is still refused, with an example of the kind asked for
    const wrong = await run(['--as-of', '2020-03-05', 'report', 'month', '--period', 'Q1'], { cwd: copyFixture('rhythm'), now });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('这里需要月');
  });

  it('refuses to report on rules that contradict each other, naming their line and column', async () => {
    const dir = copyFixture('rhythm');
    writeFileSync(join(dir, 'tasks.config.yaml'), `${readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')}feedback:\n  cycle: half\n  due_day: 25\n  co_units_due_day: 26\n`);
    const r = await run(['--as-of', '2020-12-31', 'report', 'half', '--period', '2020-H1'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks.config.yaml 中的规则有误');
    expect(r.stderr).toContain('tasks.config.yaml:12:21: 错误: 配合单位的报送日（2020-06-26）不早于牵头单位的报送日（2020-06-25）');
    expect(r.stdout).toBe('');
  });

  it('writes .docx and .xlsx that read back with the title, the parts and one sheet per part', async () => {
    const dir = plan();
    const docx = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'docx', '--rank'], { cwd: dir });
    expect(docx.code).toBe(0);
    expect(docx.stdout.trim()).toBe(join('reports', '2020年2月下旬旬调度情况.docx'));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'reports', '2020年2月下旬旬调度情况.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('测试区2020年重点工作旬调度情况');
    expect(text).toContain('一、主要指标');
    expect(text).toContain('十一、通报与考核');
    expect(text).toContain('表1　主要指标对比');
    expect(xml.match(/<w:tbl>/g)!.length).toBeGreaterThanOrEqual(15);

    const xlsx = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'xlsx', '--out', join(dir, 'out.xlsx')], { cwd: dir });
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'out.xlsx')) as unknown as ArrayBuffer);
    expect(book.worksheets.map((ws) => ws.name)).toEqual([
      '概况', '主要指标', '本旬完成情况', '逾期情况', '本旬延期审批情况', '下一旬到期事项', '进展反馈情况', '进度分类情况', '量化指标完成情况', '分牵头领导情况', '分牵头单位情况',
    ]);
    expect(book.getWorksheet('概况')!.getCell('A1').value).toBe('测试区2020年重点工作旬调度情况');
    const figures = book.getWorksheet('主要指标')!;
    const rows = figures.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    expect(rows).toContainEqual(['指标', '本旬', '上旬', '变化']);
    expect(rows).toContainEqual(['任务总数', '5', '5', '—']);
  });

  it('gives the same .docx bytes for the same report, and Markdown with its tables', async () => {
    const dir = plan();
    const a = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'docx', '--out', join(dir, 'a.docx')], { cwd: dir });
    const b = await run(['--as-of', '2020-04-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'docx', '--out', join(dir, 'b.docx')], { cwd: dir });
    expect(a.code + b.code).toBe(0);
    expect(readFileSync(join(dir, 'a.docx')).equals(readFileSync(join(dir, 'b.docx')))).toBe(true);
    const md = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('# 测试区2020年重点工作旬调度情况');
    expect(md.stdout).toContain('| 任务总数 | 5 | 5 | — |');
  });

  it('leaves nothing behind when the output cannot be written (exit 4)', async () => {
    const dir = plan();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const r = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'docx', '--out', join(dir, 'blocker', 'r.docx')], { cwd: dir });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('blocker');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked');
      cpSync(join(ROOT, 'test', 'fixtures', 'rhythm', 'tasks'), join(locked, 'x'), { recursive: true });
      chmodSync(locked, 0o500);
      const denied = await run(['--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3', '--format', 'xlsx', '--out', locked], { cwd: dir });
      chmodSync(locked, 0o700);
      expect(denied.code).toBe(4);
      expect(readdirSync(locked)).toEqual(['x']);
    }
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });

  it('speaks English with --lang en', async () => {
    const r = await run(['--lang', 'en', '--as-of', '2020-03-01', 'report', 'xun', '--period', '2020-02-3'], { cwd: plan(), columns: 160 });
    expect(r.stdout).toContain('测试区2020年重点工作: 旬 dispatch');
    expect(r.stdout).toContain('1. Main figures');
    const bad = await run(['--lang', 'en', 'report', 'fortnight'], { cwd: plan() });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown report period "fortnight"');
  });

  it('is empty-handed but clear for a plan with no tasks', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tasks.config.yaml'), 'title: 空台账\nyear: 2020\n');
    const r = await run(['--as-of', '2020-03-01', 'report', 'xun'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('台账中还没有任务');
  });
});

describe('the feedback forms follow the plan’s rules', () => {
  it('asks for September’s report by the 28th under "monthly by the 28th"', async () => {
    const dir = copyFixture('rhythm');
    writeFileSync(join(dir, 'tasks.config.yaml'), `${readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')}feedback:\n  cycle: month\n  due_day: 28\n`);
    const { json } = await runJson(['--as-of', '2020-09-29', 'feedback', 'status'], { cwd: dir });
    expect(json.period).toMatchObject({ kind: 'month', key: '2020-09' });
    expect(json.reply_by).toBe('2020-09-28');
    const typed = await run(['--as-of', '2020-09-29', 'feedback', 'status', '--period', '2020-09-3'], { cwd: dir });
    expect(typed.code).toBe(2);
  });
});
