// Editing commands on a temp copy of a fixture plan inside a real git repository.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, gitFixture, run, runJson, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

/** A copy of the fixture in a fresh git repository with one commit. */
function repo(name = 'edit'): ReturnType<typeof gitFixture> {
  return gitFixture(name);
}

const read = (dir: string, id: string) => readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8');
const data = (dir: string, id: string) => load(read(dir, id).replace(/^\uFEFF/, '')) as Record<string, any>;

/** Lines of `before` that are no longer in `after`: the untouched ones must all still be there. */
function lost(before: string, after: string): string[] {
  const kept = new Set(after.split('\n'));
  return before.split('\n').filter((line) => !kept.has(line));
}

describe('tasks progress', () => {
  it('appends an entry, keeps every other line byte for byte, and commits only that file', async () => {
    const { dir, git } = repo();
    const before = read(dir, '2020-001');
    writeFileSync(join(dir, 'notes.txt'), '另一个正在编辑的文件');
    git('add', 'notes.txt');
    const r = await run([...AS_OF, 'progress', '2020-001', '完成招标', '--percent', '45', '--date', '2020-06-28', '--by', '区住建'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('已记录 2020-001 的进展（2020-06-28）：完成招标\n');
    const after = read(dir, '2020-001');
    expect(lost(before, after)).toEqual([]);
    expect(after).toContain('    by: 区住建局\n  - date: 2020-06-28\n    note: 完成招标\n    percent: 45\n    by: 区住建局\ntags: [民生工程]');
    expect(git('log', '-1', '--format=%s%n%an')).toBe('进展 2020-001：完成招标（区住建局）\n督查室 李四\n');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('tasks/2020-001.yaml');
    expect(git('diff', '--cached', '--name-only').trim()).toBe('notes.txt');
  });

  it('keeps CRLF and the BOM, and starts a task that was not started', async () => {
    const { dir } = repo();
    const before = read(dir, '2020-002');
    const r = await run([...AS_OF, 'progress', '2020-002', '已启动', '--percent', '10'], { cwd: dir });
    expect(r.stdout).toContain('状态由“未启动”改为“推进中”');
    const after = read(dir, '2020-002');
    expect(after.startsWith('\uFEFF')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lost(before, after)).toEqual(['status: not_started\r']);
    expect(data(dir, '2020-002')).toMatchObject({ status: 'in_progress', progress: [{ date: '2020-09-30', note: '已启动', percent: 10, by: '区城管局' }] });
  });

  it('refuses a percentage over 100 and a date after --as-of, changing nothing', async () => {
    const { dir } = repo();
    const before = read(dir, '2020-001');
    const pct = await run([...AS_OF, 'progress', '2020-001', 'x', '--percent', '120'], { cwd: dir });
    expect(pct.code).toBe(2);
    expect(pct.stderr).toContain('0 到 100');
    const future = await run([...AS_OF, 'progress', '2020-001', 'x', '--date', '2020-10-08'], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('晚于今天（2020-09-30）');
    expect(read(dir, '2020-001')).toBe(before);
  });

  it('reads a date and a percentage typed with full-width digits, as a Chinese input method gives them', async () => {
    const { dir } = repo();
    const r = await run([...AS_OF, 'progress', '2020-001', '完成招标', '--date', '２０２０－０９－２８', '--percent', '６０％'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(data(dir, '2020-001').progress.at(-1)).toMatchObject({ date: '2020-09-28', percent: 60, note: '完成招标' });
  });

  it('records the period a late report answers, typed without its year (9月中旬), as its key', async () => {
    const { dir } = repo();
    const r = await run([...AS_OF, 'progress', '2020-001', '补报中旬进展', '--period', '9月中旬'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(data(dir, '2020-001').progress.at(-1)).toMatchObject({ period: '2020-09-2', note: '补报中旬进展' });
  });

  it('suggests the nearest ids for an unknown one', async () => {
    const { dir } = repo();
    const r = await run([...AS_OF, 'progress', '2020-01', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否是：2020-001');
  });

  it('refuses when the file has uncommitted changes by hand, leaving them alone', async () => {
    const { dir, git } = repo();
    const edited = read(dir, '2020-001').replace('已完成方案', '已完成方案（手工修改中）');
    writeFileSync(join(dir, 'tasks', '2020-001.yaml'), edited);
    const r = await run([...AS_OF, 'progress', '2020-001', '完成招标'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('有尚未提交的手工修改');
    expect(read(dir, '2020-001')).toBe(edited);
    expect(git('log', '--oneline').trim().split('\n')).toHaveLength(1);
  });

  it('works outside a git repository, saying the change is not recorded', async () => {
    const dir = copyFixture('edit');
    const r = await run([...AS_OF, 'progress', '2020-003', '已完成', '--percent', '100'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('不在 git 仓库中');
    expect(data(dir, '2020-003').progress).toHaveLength(2);
  });
});

describe('tasks done, reopen, set, milestone, target', () => {
  it('marks a task done, and refuses a completion date before its last progress report', async () => {
    const { dir } = repo();
    const bad = await run([...AS_OF, 'done', '2020-003', '--on', '2020-09-10'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('tasks/2020-003.yaml:9:11: 错误: 进展反馈第 1 项的日期（progress[0].date）为 2020-09-20，晚于完成日期');
    expect(data(dir, '2020-003').status).toBe('in_progress');
    const ok = await run([...AS_OF, 'done', '2020-003', '--on', '2020-09-25', '--note', '全部完成'], { cwd: dir });
    expect(ok.stdout).toBe('已将 2020-003 标记为完成（2020-09-25），比完成时限晚 87 天（逾期完成）\n');
    expect(data(dir, '2020-003')).toMatchObject({ status: 'done', done_on: '2020-09-25' });
    const again = await run([...AS_OF, 'done', '2020-003'], { cwd: dir });
    expect(again.code).toBe(2);
    const reopen = await run([...AS_OF, 'reopen', '2020-003'], { cwd: dir });
    expect(reopen.code).toBe(0);
    expect(data(dir, '2020-003').done_on).toBeUndefined();
  });

  it('moves a deadline only with a reason, keeping the original as an extension', async () => {
    const { dir, git } = repo();
    const before = read(dir, '2020-001');
    const noReason = await run([...AS_OF, 'set', '2020-001', 'deadline', '2021-03-31'], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
    const r = await run([...AS_OF, 'set', '2020-001', '完成时限', '尽快', '--reason', 'x'], { cwd: dir });
    expect(r.code).toBe(2);
    const ok = await run([...AS_OF, 'set', '2020-001', 'deadline', '2021-03-31', '--reason', '区长办公会同意延期'], { cwd: dir });
    expect(ok.code).toBe(0);
    const task = data(dir, '2020-001');
    expect(task.deadline).toBe('2021-03-31');
    expect(task.deadline_text).toBeUndefined();
    expect(task.extensions).toEqual([{ date: '2020-09-30', from: '2020-12-31', to: '2021-03-31', reason: '区长办公会同意延期' }]);
    expect(lost(before, read(dir, '2020-001'))).toEqual(['deadline: 2020-12-31', 'deadline_text: 年底前']);
    expect(git('log', '-1', '--format=%s')).toBe('延期 2020-001：完成时限 2020-12-31 → 2021-03-31（区长办公会同意延期）\n');
  });

  it('records an earlier deadline as an advance, not a 延期, approved on --date', async () => {
    const { dir, git } = repo();
    const r = await run([...AS_OF, 'set', '2020-001', 'deadline', '10月', '--reason', '区政府常务会议要求提前', '--date', '9月28日'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已将 2020-001 的完成时限提前：2020-12-31 → 2020-10-31（2020-09-28 批准');
    const task = data(dir, '2020-001');
    expect(task).toMatchObject({ deadline: '2020-10-31', deadline_text: '10月' });
    expect(task.extensions).toEqual([{ date: '2020-09-28', from: '2020-12-31', to: '2020-10-31', reason: '区政府常务会议要求提前', kind: 'advance' }]);
    expect(git('log', '-1', '--format=%s')).toBe('提前 2020-001：完成时限 2020-12-31 → 2020-10-31（区政府常务会议要求提前）\n');
    const history = await runJson([...AS_OF, 'history', '2020-001'], { cwd: dir });
    expect(history.json.entries[0].changes[0].text).toBe('完成时限：2020-12-31 → 2020-10-31（提前：区政府常务会议要求提前）');
    const future = await run([...AS_OF, 'set', '2020-001', 'deadline', '2020-11-30', '--reason', 'x', '--date', '2020-10-08'], { cwd: dir });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('晚于今天');
  });

  it('sets a draft’s first deadline without a reason and without a 延期', async () => {
    const { dir, git } = repo();
    const draft = read(dir, '2020-001').replace('lead: 分管城建副区长', 'lead: 待定');
    writeFileSync(join(dir, 'tasks', '2020-001.yaml'), draft);
    git('commit', '-qam', '草稿');
    const r = await run([...AS_OF, 'set', '2020-001', 'deadline', '6月底'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('草稿首次确定，不记为延期');
    const task = data(dir, '2020-001');
    expect(task).toMatchObject({ deadline: '2020-06-30', deadline_text: '6月底' });
    expect(task.extensions).toBeUndefined();
    expect(git('log', '-1', '--format=%s')).toBe('确定时限 2020-001：完成时限 2020-12-31 → 2020-06-30\n');
  });

  it('refuses an unknown field, suggesting the nearest', async () => {
    const { dir } = repo();
    const r = await run([...AS_OF, 'set', '2020-001', 'deadlin', '2020-10-01'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('是否想改“deadline”');
  });

  it('refuses a value the schema rejects, leaving the file unchanged', async () => {
    const { dir } = repo();
    const before = read(dir, '2020-001');
    const r = await run([...AS_OF, 'set', '2020-001', 'title', ''], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不能为空');
    expect(read(dir, '2020-001')).toBe(before);
  });

  it('changes lead and units in the file’s own style', async () => {
    const { dir } = repo();
    await run([...AS_OF, 'set', '2020-001', 'units', '区住建局、区城管局'], { cwd: dir });
    expect(read(dir, '2020-001')).toContain('units: [区住建局, 区城管局]\n');
    await run([...AS_OF, 'set', '2020-001', 'lead', '区长，分管城建副区长'], { cwd: dir });
    expect(data(dir, '2020-001').lead).toEqual(['区长', '分管城建副区长']);
  });

  it('closes a task with an open milestone or a target not met only with --force, and says so in the commit', async () => {
    const { dir, git } = repo();
    const before = read(dir, '2020-001');
    const refused = await run([...AS_OF, 'done', '2020-001'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('2020-001 还有节点未完成：“完成招标”、“开工建设”，指标未达标：“完成老旧小区改造”；确认已办结的，请加 --force');
    expect(read(dir, '2020-001')).toBe(before);
    const no = await run([...AS_OF, 'done', '2020-001'], { cwd: dir, answers: ['n'] });
    expect(no.stderr).toContain('仍要标记完成吗？(y/N) 已取消，未作改动');
    expect(read(dir, '2020-001')).toBe(before);
    const forced = await run([...AS_OF, 'done', '2020-001', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(data(dir, '2020-001')).toMatchObject({ status: 'done', done_on: '2020-09-30' });
    expect(git('log', '-1', '--format=%s')).toBe('完成 2020-001：推进老旧小区改造，完成 27 个小区（2020-09-30）；办结时节点未完成：“完成招标”、“开工建设”，指标未达标：“完成老旧小区改造”\n');
  });

  it('refuses a lead that fits several officials or is a near-miss of one, changing nothing', async () => {
    const { dir } = repo();
    const before = read(dir, '2020-001');
    const near = await run([...AS_OF, 'set', '2020-001', 'lead', '分管城建副区长同志'], { cwd: dir });
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('牵头责任领导“分管城建副区长同志”与名册中的“分管城建副区长”很接近');
    const several = await run([...AS_OF, 'set', '2020-001', 'units', '区'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('责任单位“区”不唯一，可能是：区住建局、区财政局、区城管局');
    expect(read(dir, '2020-001')).toBe(before);
  });

  it('validate warns of two roster names that are one official written two ways', async () => {
    const { dir } = repo();
    const config = join(dir, 'tasks.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('leads: [区长, 分管城建副区长]', 'leads: [区长, 分管城建副区长, 分管城建]'));
    const r = await run([...AS_OF, 'validate'], { cwd: dir });
    expect(r.stdout).toContain('tasks.config.yaml:4:24: 警告: 牵头责任领导“分管城建”与名册中的“分管城建副区长”很接近，是否是同一个？');
  });

  it('adds and completes milestones, and updates a target', async () => {
    const { dir } = repo();
    const before = read(dir, '2020-001');
    expect((await run([...AS_OF, 'milestone', '2020-001', 'done', '招标', '--on', '2020-06-28'], { cwd: dir })).code).toBe(0);
    expect((await run([...AS_OF, 'milestone', '2020-001', 'add', '主体完工', '--due', '10月底'], { cwd: dir })).code).toBe(0);
    expect((await run([...AS_OF, 'target', '2020-001', '老旧小区', '--actual', '20'], { cwd: dir })).code).toBe(0);
    const task = data(dir, '2020-001');
    expect(task.milestones).toEqual([
      { title: '完成招标', due: '2020-06-30', done_on: '2020-06-28' },
      { title: '开工建设', due: '2020-08-31' },
      { title: '主体完工', due: '2020-10-31', added: '2020-09-30' },
    ]);
    expect(task.targets[0]).toEqual({ name: '完成老旧小区改造', target: 27, unit: '个', actual: 12, actuals: [{ date: '2020-09-30', value: 20 }] });
    expect(lost(before, read(dir, '2020-001'))).toEqual([]);
    const unknown = await run([...AS_OF, 'milestone', '2020-001', 'done', '验收'], { cwd: dir });
    expect(unknown.stderr).toContain('现有节点：1. 完成招标');
    const several = await run([...AS_OF, 'milestone', '2020-001', 'done', '工'], { cwd: dir });
    expect(several.stderr).toContain('“工”对应多个节点：开工建设；主体完工');
  });
});

describe('tasks new', () => {
  it('numbers the task, resolves the deadline phrase and commits the file', async () => {
    const { dir, git } = repo();
    const r = await run([...AS_OF, 'new', '--title', '推进垃圾分类', '--lead', '分管城建', '--unit', '区城管局', '--unit', '区住建局', '--deadline', '三季度末', '--tag', '民生工程'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('完成时限“三季度末”理解为 2020-09-30');
    expect(r.stdout).toBe('已新建任务 2020-004（tasks/2020-004.yaml）：推进垃圾分类\n');
    const text = read(dir, '2020-004');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/task.schema.json');
    expect(load(text)).toEqual({
      id: '2020-004', title: '推进垃圾分类', lead: '分管城建副区长', units: ['区城管局', '区住建局'], deadline: '2020-09-30',
      deadline_text: '三季度末', start: '2020-09-30', status: 'not_started', tags: ['民生工程'],
    });
    expect(git('log', '-1', '--format=%s')).toBe('新建 2020-004：推进垃圾分类\n');
  });

  it('starts a task added during its year on that day, so that it owes nothing for the periods before', async () => {
    const { dir } = repo();
    const r = await run(['--as-of', '2020-10-12', 'new', '--title', '新交办任务', '--lead', '区长', '--unit', '区住建局', '--deadline', '年底前'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('开始日期记为 2020-10-12（新建当天），应报反馈和序时进度从这天算起；如应从年初算起，加 --start 2020-01-01');
    expect(data(dir, '2020-004').start).toBe('2020-10-12');
    // green on the day after: no feedback was owed for 9月下旬 or 10月上旬, before it was assigned
    const { json } = await runJson(['--as-of', '2020-10-13', 'list', '--format', 'json'], { cwd: dir });
    expect(json.tasks.find((t: any) => t.id === '2020-004')).toMatchObject({ light: 'green' });
    // --start is kept as given, without the note; a task entered after its deadline starts with its year
    const given = await run(['--as-of', '2020-10-12', 'new', '--title', '年初任务', '--lead', '区长', '--unit', '区住建局', '--deadline', '年底前', '--start', '2020-01-01'], { cwd: dir });
    expect(given.stderr).not.toContain('开始日期记为');
    expect(data(dir, '2020-005').start).toBe('2020-01-01');
    const late = await run(['--as-of', '2020-10-12', 'new', '--title', '补录任务', '--lead', '区长', '--unit', '区住建局', '--deadline', '6月底'], { cwd: dir });
    expect(late.code).toBe(0);
    expect(data(dir, '2020-006').start).toBeUndefined();
  });

  it('refuses a near-miss of a roster name, notes a new one, and lists what is missing without prompting', async () => {
    const { dir } = repo();
    const r = await run([...AS_OF, 'new', '--title', 'x', '--lead', '区长', '--unit', '区住建委', '--deadline', '年底前'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('责任单位“区住建委”与名册中的“区住建局”很接近');
    const fresh = await run([...AS_OF, 'new', '--title', 'x', '--lead', '区长', '--unit', '区档案馆', '--deadline', '年底前'], { cwd: dir });
    expect(fresh.code).toBe(0);
    expect(fresh.stderr).toContain('“区档案馆”不在名册的责任单位中');
    const missing = await run([...AS_OF, 'new', '--title', 'x'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--lead、--unit、--deadline');
    const bad = await run([...AS_OF, 'new', '--title', 'x', '--lead', '区长', '--unit', '区住建局', '--deadline', '尽快'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('6月底、年底前、三季度末');
  });
});

describe('tasks history, log and undo', () => {
  it('tells a task’s story field by field, and the plan’s newest first', async () => {
    const { dir } = repo();
    await run([...AS_OF, 'progress', '2020-001', '完成招标', '--percent', '45', '--date', '2020-06-28'], { cwd: dir });
    await run([...AS_OF, 'set', '2020-001', 'deadline', '2021-03-31', '--reason', '区长办公会同意延期'], { cwd: dir });
    await run([...AS_OF, 'done', '2020-002'], { cwd: dir });
    const { json } = await runJson([...AS_OF, 'history', '2020-001'], { cwd: dir });
    expect(json.entries.map((e: any) => e.changes.map((c: any) => c.text))).toEqual([
      ['完成时限：2020-12-31 → 2021-03-31（延期：区长办公会同意延期）', '完成时限（原文）：删除（原为 年底前）'],
      ['进展反馈：+1 条（2020-06-28 完成招标）'],
      ['新建'],
    ]);
    expect(json.entries[0]).toMatchObject({ author: '督查室 李四', command: 'set' });
    const table = await run([...AS_OF, 'history', '2020-001'], { cwd: dir });
    expect(table.stdout).toContain('督查室 李四  延期 2020-001：完成时限 2020-12-31 → 2021-03-31（区长办公会同意延期）');
    const log = await runJson([...AS_OF, 'log'], { cwd: dir });
    expect(log.json.entries.slice(0, 3).map((e: any) => e.id)).toEqual(['2020-002', '2020-001', '2020-001']);
    expect(log.json.entries[0].changes.map((c: any) => c.text)).toEqual(['状态：未启动 → 已完成', '完成日期：2020-09-30']);
  });

  it('undoes the last change with a revert, one step at a time, and refuses when a later commit touched the file', async () => {
    const { dir, git } = repo();
    await run([...AS_OF, 'progress', '2020-001', '完成招标'], { cwd: dir });
    await run([...AS_OF, 'progress', '2020-003', '接近完成'], { cwd: dir });
    const first = await run(['undo'], { cwd: dir });
    expect(first.stdout).toContain('已撤销：进展 2020-003：接近完成');
    expect(data(dir, '2020-003').progress).toHaveLength(1);
    const second = await run(['undo'], { cwd: dir });
    expect(second.stdout).toContain('已撤销：进展 2020-001：完成招标');
    expect(git('log', '--format=%s').trim().split('\n')).toEqual([
      '撤销：进展 2020-001：完成招标（区住建局）', '撤销：进展 2020-003：接近完成（区财政局）', '进展 2020-003：接近完成（区财政局）',
      '进展 2020-001：完成招标（区住建局）', '台账',
    ]);
    expect((await run(['undo'], { cwd: dir })).stderr).toContain('没有可撤销的');
    await run([...AS_OF, 'progress', '2020-001', '又一条'], { cwd: dir });
    writeFileSync(join(dir, 'tasks', '2020-001.yaml'), read(dir, '2020-001').replace('又一条', '又一条（手工改）'));
    git('commit', '-qam', '手工修改');
    const refused = await run(['undo'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('手工修改');
  });
});

describe('tasks init', () => {
  it('creates a plan, a repository with the hook, and commits it; refuses to overwrite', async () => {
    const dir = tempDir();
    const r = await run(['init', dir, '--year', '2021', '--title', '某某区2021年重点工作'], { env: { GIT_AUTHOR_NAME: 'a', GIT_AUTHOR_EMAIL: 'a@b.c', GIT_COMMITTER_NAME: 'a', GIT_COMMITTER_EMAIL: 'a@b.c' } });
    expect(r.code).toBe(0);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    expect(git('ls-files').trim().split('\n').sort()).toEqual(['.gitattributes', '.gitignore', '.vscode/settings.json', 'schemas/config.schema.json', 'schemas/task.schema.json', 'tasks.config.yaml', 'tasks/.gitkeep']);
    expect(readFileSync(join(dir, '.git', 'hooks', 'pre-commit'), 'utf8')).toContain('validate --staged');
    expect(load(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8'))).toMatchObject({ title: '某某区2021年重点工作', year: 2021, roster: { leads: [], units: [] } });
    expect((await run(['-C', dir, 'validate'])).code).toBe(0);
    const again = await run(['init', dir, '--year', '2021']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有台账');
  });
});
