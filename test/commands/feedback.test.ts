// The feedback round trip: forms out for a period, filled in as units would, read back into the
// ledger; completion requests reviewed with tasks done (销号) and tasks reject (退回).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, gitFixture, fixture, run, runJson } from '../helpers.js';
import { COL, fillForm, sendForms } from '../form-fill.js';


const SEND = ['--as-of', '2020-09-22'];
const BACK = ['--as-of', '2020-09-30'];
const UNITS = ['区发改委', '区财政局', '区住建局'] as const;
type Unit = (typeof UNITS)[number];

/** A copy of the feedback fixture in a fresh git repository with one commit. */
function repo(): ReturnType<typeof gitFixture> {
  return gitFixture('feedback');
}

const task = (dir: string, id: string) => load(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8')) as Record<string, any>;
const snapshot = (dir: string) => readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dir, 'tasks', f), 'utf8'));
const commits = (git: (...a: string[]) => string) => git('log', '--format=%s').trim().split('\n');

// The forms are made once, from a copy of the fixture, and filled into each test's own folder.
let sent: { folder: string; cleanup: () => void };
beforeAll(async () => {
  sent = await sendForms(fixture('feedback'), SEND, run);
}, 60_000);
afterAll(() => sent.cleanup());

const form = (unit: Unit) => join(sent.folder, `${unit}_2020年9月下旬.xlsx`);

async function importForms(dir: string, files: string[], extra: string[] = [], asOf = BACK) {
  return run([...asOf, 'feedback', 'import', ...files, ...extra], { cwd: dir });
}

describe('tasks feedback forms', () => {
  it('writes one form per unit that owes feedback, named after the unit and the period', () => {
    expect(readdirSync(sent.folder).sort()).toEqual(UNITS.map((u) => `${u}_2020年9月下旬.xlsx`).sort());
  });

  it('holds the header, the lead tasks then the co-unit tasks with what the ledger says, and empty columns to fill', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form('区发改委'));
    const ws = wb.worksheets.find((w) => w.state === 'visible')!;
    expect(ws.name).toBe('区发改委');
    expect(ws.getCell('A1').value).toBe('示范区2020年重点工作进展反馈表（2020年9月下旬）');
    expect(String(ws.getCell('A2').value)).toContain('填报单位：区发改委　　反馈周期：2020年9月下旬（9月21日至9月30日）　　报送截止：2020年9月30日');
    expect(ws.getCell('A3').value).toBe('填报日期');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      '序号', '编号', '任务', '牵头责任领导', '完成时限', '预警', '上次反馈', '工作进展', '存在问题', '下步打算', '完成百分比', '是否办结', '办结日期',
    ]);
    expect(ws.getCell('A5').value).toBe('一、牵头任务（3 项）');
    expect([6, 7, 8].map((r) => ws.getCell(r, COL.id).value)).toEqual(['F-01', 'F-02', 'F-03']);
    expect(ws.getCell('A9').value).toBe('二、配合任务（1 项，请报送本单位承担部分的进展）');
    expect(ws.getCell(10, COL.id).value).toBe('F-04');
    expect(ws.getCell(10, COL.task).value).toBe('落实减税降费政策\n牵头单位：区财政局');
    const f02 = ws.getRow(7);
    expect([f02.getCell(COL.lead).value, f02.getCell(COL.deadline).value, f02.getCell(COL.light).value]).toEqual(['区长', '2020-09-30', '黄']);
    expect(f02.getCell(COL.latest).value).toBe('2020-08-31，80%\n纲要初稿已完成。\n问题：部分指标口径待统计部门确认。\n下步：9月底前提交区政府常务会议审议。');
    expect(ws.getCell(8, COL.latest).value).toBe('（暂无反馈）');
    for (const c of [COL.progress, COL.problems, COL.next_steps, COL.percent, COL.done, COL.done_on]) expect(f02.getCell(c).value).toBeNull();
    // a co-unit does not report the task finished: that is the lead unit's to say
    expect([ws.getCell(10, COL.done).value, ws.getCell(10, COL.done_on).value]).toEqual(['—', '—']);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([['区发改委', 'visible'], ['_tasks_form', 'veryHidden']]);
  });

  it('locks what comes from the ledger, checks what is filled in, and prints on A4', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form('区发改委'));
    const ws = wb.worksheets[0]!;
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection.hashValue).toBeUndefined();
    expect(ws.getCell(7, COL.task).protection?.locked).not.toBe(false);
    for (const c of [COL.progress, COL.problems, COL.next_steps, COL.percent, COL.done, COL.done_on]) expect(ws.getCell(7, c).protection?.locked).toBe(false);
    expect(ws.getCell('C3').protection?.locked).toBe(false);
    expect(ws.getCell(10, COL.done).protection?.locked).not.toBe(false);
    expect(ws.getCell(7, COL.percent).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 100], showErrorMessage: true });
    expect(ws.getCell(7, COL.done).dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(ws.getCell(7, COL.done_on).dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual' });
    expect(ws.getCell('C3').dataValidation).toMatchObject({ type: 'date', errorStyle: 'warning' });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
    expect(ws.getCell(7, COL.task).font?.name).toBe('宋体');
  });

  it('gives the same bytes for the same plan and date', async () => {
    const plan = copyFixture('feedback');
    const out = join(plan, 'again');
    await run([...SEND, 'feedback', 'forms', '--out', out, '--unit', '发改委'], { cwd: plan });
    expect(readFileSync(join(out, '反馈表-2020-09-3', '区发改委_2020年9月下旬.xlsx')).equals(readFileSync(form('区发改委')))).toBe(true);
  });

  it('skips units with nothing open, and says which units asked for owe nothing', async () => {
    const plan = copyFixture('feedback');
    const r = await run([...SEND, 'feedback', 'forms', '--out', join(plan, 'o'), '--unit', '区城管局', '--unit', '住建'], { cwd: plan });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('区城管局 在2020年9月下旬没有需要反馈的任务，未生成反馈表');
    expect(readdirSync(join(plan, 'o', '反馈表-2020-09-3'))).toEqual(['区住建局_2020年9月下旬.xlsx']);
    const bad = await run([...SEND, 'feedback', 'forms', '--period', '2020-13-1'], { cwd: plan });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tasks: --period：没有 13 月：月份应为 1 到 12\n');
    const month = await run([...SEND, 'feedback', 'forms', '--period', '2020-09'], { cwd: plan });
    expect(month.stderr).toBe('tasks: --period：2020年9月是一个月，这里需要旬，例如 2020-09-下旬、2020-09-3 或 2020年9月下旬\n');
  });
});

describe('the round trip', () => {
  it('reads three units’ forms into the ledger, shows 待销号 until 销号 or 退回, and changes nothing when read again', async () => {
    const { dir, git } = repo();
    // one unit answers every row
    const fgw = await fillForm(form('区发改委'), (f) => {
      f.date('2020-09-28');
      f.answer('F-01', { progress: '1—9月完成投资82亿元。', problems: '两个项目用地报批滞后。', next_steps: '协调自然资源部门加快报批。', percent: 78 });
      f.answer('F-02', { progress: '纲要经区政府常务会议审议通过。', percent: 100, done: '是', done_on: new Date(Date.UTC(2020, 8, 27)) });
      f.answer('F-03', { progress: '试点方案已印发。', percent: 20 });
      f.answer('F-04', { progress: '配合开展政策宣传3场。' });
    }, join(dir, '区发改委.xlsx'));
    // one answers part of its rows and reports a task finished
    const czj = await fillForm(form('区财政局'), (f) => {
      f.date('9月29日');
      f.answer('F-04', { progress: '全年减税降费任务已完成，累计2.6亿元。', percent: 100, done: '是', done_on: '2020.9.25' });
      f.answer('F-01', { progress: '拨付项目资金3.2亿元。' });
    }, join(dir, '区财政局.xlsx'));
    // one makes mistakes
    const zjj = await fillForm(form('区住建局'), (f) => {
      f.answer('F-06', { progress: '已开工22个。', percent: 0.8 });
      f.answer('F-07', { progress: '完成主体工程。', percent: '八成' });
      f.answer('F-03', { progress: '配合完成房屋安全排查。' });
      const last = f.ws.rowCount + 1;
      f.ws.getCell(last, COL.task).value = '新增：城市绿化提升';
      f.ws.getCell(last, COL.progress).value = '完成绿化5万平方米。';
    }, join(dir, '区住建局.xlsx'));

    const r = await importForms(dir, [fgw, czj, zjj]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      '区发改委.xlsx：区发改委 2020年9月下旬，读取 4 行，写入 4 项，未变 0 项，拒收 0 行，办结申请 1 项',
      '区财政局.xlsx：区财政局 2020年9月下旬，读取 2 行（另有 2 行未填），写入 2 项，未变 0 项，拒收 0 行，办结申请 1 项',
      '区住建局.xlsx：区住建局 2020年9月下旬，读取 4 行，写入 2 项，未变 0 项，拒收 2 行，办结申请 0 项',
      '',
    ]);
    expect(r.stderr).toContain('区财政局.xlsx 工作表“区财政局”第 3 行“填报日期”：“9月29日”没有写年份，按 2020-09-29 记录');
    // no date given: the form's earliest reply-by date (its co-unit row's), and the clerk is told it may have been late
    expect(r.stderr).toContain('区住建局.xlsx 工作表“区住建局”第 3 行“填报日期”：未填写，按报送截止日 2020-09-28 记录；本次导入（2020-09-30）已过截止日');
    // each answer is judged against its own reply-by date: 区财政局's co-unit answer on F-01 was due on the 28th, its own tasks on the 30th
    expect(r.stderr).toContain('区财政局.xlsx 工作表“区财政局”第 9 行“编号”：任务 F-01 的反馈 2020-09-29 晚于其报送截止（2020-09-28），记为逾期反馈');
    expect(r.stderr).not.toContain('任务 F-04 的反馈');
    expect(r.stderr).toContain('区住建局.xlsx 工作表“区住建局”第 6 行“完成百分比”：“0.8”是 80% 还是 0.8%？请填 0 到 100 的数字，例如 80；此行未导入');
    expect(r.stderr).toContain('区住建局.xlsx 工作表“区住建局”第 7 行“完成百分比”：“八成”按 80% 记录');
    expect(r.stderr).toContain('区住建局.xlsx 工作表“区住建局”第 10 行“编号”：是反馈表中原来没有的行；新增任务请另行报督查室；此行未导入');

    // the ledger, entry by entry
    expect(task(dir, 'F-01').progress).toEqual([
      { date: '2020-09-10', note: '1—8月区级重点项目完成投资74.6亿元。', percent: 70, by: '区发改委' },
      { date: '2020-09-28', note: '1—9月完成投资82亿元。', percent: 78, by: '区发改委', problems: '两个项目用地报批滞后。', next_steps: '协调自然资源部门加快报批。', period: '2020-09-3' },
      { date: '2020-09-29', note: '拨付项目资金3.2亿元。', by: '区财政局', period: '2020-09-3' },
    ]);
    expect(task(dir, 'F-02').progress.at(-1)).toEqual({ date: '2020-09-28', note: '纲要经区政府常务会议审议通过。', percent: 100, by: '区发改委', period: '2020-09-3' });
    expect(task(dir, 'F-02').completion_requests).toEqual([{ date: '2020-09-28', by: '区发改委', done_on: '2020-09-27', period: '2020-09-3' }]);
    expect(task(dir, 'F-02').status).toBe('in_progress');
    expect(task(dir, 'F-03')).toMatchObject({
      status: 'in_progress',
      progress: [
        { date: '2020-09-28', note: '试点方案已印发。', percent: 20, by: '区发改委', period: '2020-09-3' },
        { date: '2020-09-28', note: '配合完成房屋安全排查。', by: '区住建局', period: '2020-09-3' },
      ],
    });
    expect(task(dir, 'F-04').progress.slice(1)).toEqual([
      { date: '2020-09-28', note: '配合开展政策宣传3场。', by: '区发改委', period: '2020-09-3' },
      { date: '2020-09-29', note: '全年减税降费任务已完成，累计2.6亿元。', percent: 100, by: '区财政局', period: '2020-09-3' },
    ]);
    expect(task(dir, 'F-04').completion_requests).toEqual([{ date: '2020-09-29', by: '区财政局', done_on: '2020-09-25', period: '2020-09-3' }]);
    expect(task(dir, 'F-05').progress).toHaveLength(1);
    expect(task(dir, 'F-06').progress).toHaveLength(1);
    expect(task(dir, 'F-07').progress).toEqual([{ date: '2020-09-28', note: '完成主体工程。', percent: 80, by: '区住建局', period: '2020-09-3' }]);

    // one commit per form, each with exactly its tasks
    expect(commits(git)).toEqual(['反馈 2020年9月下旬：区住建局 2 项', '反馈 2020年9月下旬：区财政局 2 项', '反馈 2020年9月下旬：区发改委 4 项', '台账']);
    expect(git('show', '--name-only', '--format=%b', 'HEAD~2').trim().split('\n')).toEqual([
      'F-01 进展', 'F-02 进展、办结申请', 'F-03 进展', 'F-04 进展', '', 'Tasks-Command: feedback', '', '', 'tasks/F-01.yaml', 'tasks/F-02.yaml', 'tasks/F-03.yaml', 'tasks/F-04.yaml',
    ]);
    expect(git('status', '--porcelain', '--', 'tasks')).toBe('');

    // 待销号 in the views, their JSON and the status of the period
    const list = await runJson([...BACK, 'list'], { cwd: dir });
    const f04 = list.json.tasks.find((t: any) => t.id === 'F-04');
    expect(f04.awaiting_review).toEqual({ date: '2020-09-29', by: '区财政局', done_on: '2020-09-25', period: '2020-09-3' });
    expect(list.json.tasks.find((t: any) => t.id === 'F-01').awaiting_review).toBeNull();
    const table = await run([...BACK, 'list', '--unit', '财政'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(table.stdout).toContain('绿 待销号');
    expect(table.stdout).toContain('待销号（区财政局 2020-09-29 报称 2020-09-25 办结）');
    expect((await run([...BACK, 'show', 'F-04'], { cwd: dir })).stdout).toContain('  · 待销号（区财政局 2020-09-29 报称 2020-09-25 办结）');
    expect((await run([...BACK], { cwd: dir })).stdout).toContain('待销号 2 项');
    expect((await run([...BACK, 'list', '--format', 'csv', '--unit', '区财政局'], { cwd: dir })).stdout).toContain(',推进中（待销号）,绿,');
    const exported = await run([...BACK, 'export', 'xlsx', '--by', 'unit', '--out', join(dir, 'exports')], { cwd: dir });
    expect(exported.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'exports', '2020-09-30-分单位', '区财政局.xlsx'));
    const sheet = book.worksheets[0]!;
    const f04row = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(2).value === 'F-04')!;
    expect((f04row.values as unknown[]).slice(1)).toContain('推进中（待销号）');
    // as of a day before the request, nothing waited
    expect((await runJson(['--as-of', '2020-09-28', 'show', 'F-04'], { cwd: dir })).json.task.awaiting_review).toBeNull();
    const status = await run([...BACK, 'feedback', 'status'], { cwd: dir });
    // judged per answer: 区财政局 answered its co-unit row F-01 a day late and left F-05 and F-06 empty
    expect(status.stdout).toContain('应报 3 个单位 11 项：按期 7 项，逾期 1 项，未报 3 项；有未报任务的单位 2 个');
    expect(status.stdout).toMatch(/区财政局 │ 有未报 │ +2\/4 │ F-01（2020-09-29，逾期 1 天） │ F-05 F-06/);
    expect(status.stdout).toContain('待销号 2 项');
    expect(status.stdout).toContain('F-04 落实减税降费政策（区财政局 2020-09-29 报称 2020-09-25 办结）');

    // the same forms again change nothing
    const before = snapshot(dir);
    const again = await importForms(dir, [fgw, czj, zjj]);
    // the requests the forms made are there already: none is made, nor counted, again
    expect(again.stdout.split('\n')).toEqual([
      '区发改委.xlsx：区发改委 2020年9月下旬，读取 4 行，写入 0 项，未变 4 项，拒收 0 行，办结申请 0 项',
      '区财政局.xlsx：区财政局 2020年9月下旬，读取 2 行（另有 2 行未填），写入 0 项，未变 2 项，拒收 0 行，办结申请 0 项',
      '区住建局.xlsx：区住建局 2020年9月下旬，读取 4 行，写入 0 项，未变 2 项，拒收 2 行，办结申请 0 项',
      '',
    ]);
    expect(snapshot(dir)).toEqual(before);
    expect(commits(git)).toHaveLength(4);

    // 销号 accepts the request, with the completion date the unit reported
    const done = await run([...BACK, 'done', 'F-04'], { cwd: dir });
    expect(done.code).toBe(0);
    expect(done.stdout).toBe('已销号：F-04（区财政局 2020-09-29 报称 2020-09-25 办结，审核同意）\n');
    expect(task(dir, 'F-04')).toMatchObject({ status: 'done', done_on: '2020-09-25', completion_requests: [{ decision: 'accepted', decided: '2020-09-30' }] });
    expect(commits(git)[0]).toBe('销号 F-04：落实减税降费政策（2020-09-25 办结）');

    // 退回 sends the other back, with its reason
    const noReason = await run([...BACK, 'reject', 'F-02'], { cwd: dir });
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('退回须写明原因');
    const rejected = await run([...BACK, 'reject', 'F-02', '--reason', '审议意见尚未落实'], { cwd: dir });
    expect(rejected.stdout).toBe('已退回 F-02 的办结申请：审议意见尚未落实\n');
    expect(task(dir, 'F-02')).toMatchObject({ status: 'in_progress', completion_requests: [{ decision: 'rejected', decided: '2020-09-30', reason: '审议意见尚未落实' }] });
    expect(commits(git)[0]).toBe('退回 F-02：编制“十四五”规划纲要（审议意见尚未落实）');
    expect((await runJson([...BACK, 'show', 'F-02'], { cwd: dir })).json.task.awaiting_review).toBeNull();
    expect((await run([...BACK, 'show', 'F-02'], { cwd: dir })).stdout).toContain('区发改委 2020-09-28 报称 2020-09-27 办结，已退回（2020-09-30）：审议意见尚未落实');
    const trail = (await run([...BACK, 'history', 'F-02'], { cwd: dir })).stdout;
    expect(trail).toContain('    退回：区发改委 2020-09-28 的办结申请，2020-09-30 审核；原因：审议意见尚未落实');
    expect(trail).toContain('    办结申请：区发改委 2020-09-28 报称 2020-09-27 办结，待销号');
    expect((await run([...BACK, 'history', 'F-04'], { cwd: dir })).stdout).toContain('    销号：同意区财政局 2020-09-29 的办结申请（2020-09-25 办结），2020-09-30 审核');
    const twice = await run([...BACK, 'reject', 'F-02', '--reason', 'x'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('任务 F-02 没有待审核的办结申请');

    // and after the review, the same forms still change nothing: a decided request is not made again
    const after = snapshot(dir);
    const third = await importForms(dir, [fgw, czj, zjj]);
    expect(snapshot(dir)).toEqual(after);
    // 是否办结 = 是 on a task the ledger already holds as done is said, not silently dropped
    expect(third.stderr).toContain('区财政局.xlsx 工作表“区财政局”第 6 行“是否办结”：任务 F-04 在台账中已办结（2020-09-25），“是否办结”为“是”不再作为办结申请；进展照常记录');
    expect(third.stdout).toContain('区财政局.xlsx：区财政局 2020年9月下旬，读取 2 行（另有 2 行未填），写入 0 项，未变 2 项，拒收 0 行，办结申请 0 项');
    expect(commits(git)).toHaveLength(6);
  }, 60_000);

  it('takes a corrected second return of the same period in place of the first, keeping both in the history', async () => {
    const { dir, git } = repo();
    const first = await fillForm(form('区发改委'), (f) => {
      f.date('2020-09-27');
      f.answer('F-01', { progress: '完成投资80亿元。', percent: 75 });
      f.answer('F-03', { progress: '方案起草中。' });
    }, join(dir, '第一次.xlsx'));
    const second = await fillForm(form('区发改委'), (f) => {
      f.date('2020-09-28');
      f.answer('F-01', { progress: '完成投资82亿元（更正）。', percent: 78 });
      f.answer('F-02', { progress: '纲要已报审。' });
    }, join(dir, '第二次.xlsx'));
    await importForms(dir, [first]);
    const r = await importForms(dir, [second]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('第二次.xlsx：区发改委 2020年9月下旬，读取 2 行（另有 2 行未填），写入 2 项，未变 0 项，删除 1 项（更正表中已为空），拒收 0 行');
    const f01 = task(dir, 'F-01').progress.filter((p: any) => p.period === '2020-09-3');
    expect(f01).toEqual([{ date: '2020-09-28', note: '完成投资82亿元（更正）。', percent: 78, by: '区发改委', period: '2020-09-3' }]);
    expect(task(dir, 'F-03').progress).toBeUndefined();
    expect(git('show', '--format=%b', '--stat', 'HEAD')).toContain('F-01 更正');
    expect(git('show', '--format=%b', 'HEAD')).toContain('F-03 删除（更正表中为空）');
    expect(git('log', '-p', '--format=', '--', 'tasks/F-01.yaml')).toContain('+    note: 完成投资80亿元。');
    const history = await run([...BACK, 'history', 'F-01'], { cwd: dir });
    expect(history.stdout).toContain('完成投资82亿元（更正）');
  }, 30_000);

  it('says when a form is empty, and writes nothing for it', async () => {
    const { dir, git } = repo();
    const empty = await fillForm(form('区财政局'), (f) => f.date('2020-09-28'), join(dir, '空表.xlsx'));
    const r = await importForms(dir, [empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('空表.xlsx 工作表“区财政局”：没有填写任何内容，未写入台账；请填报单位填写后重新发送；此表未导入');
    expect(commits(git)).toHaveLength(1);
  });

  it('checks everything and writes nothing with --dry-run', async () => {
    const { dir, git } = repo();
    const file = await fillForm(form('区发改委'), (f) => f.answer('F-01', { progress: '进展' }), join(dir, 'a.xlsx'));
    const before = snapshot(dir);
    const r = await importForms(dir, [file, '--dry-run']);
    expect(r.stdout).toContain('（试运行，未写入）a.xlsx：区发改委 2020年9月下旬，读取 1 行（另有 3 行未填），写入 1 项');
    expect(snapshot(dir)).toEqual(before);
    expect(commits(git)).toHaveLength(1);
  });
});

describe('in English', () => {
  it('writes the form, reads it back and reports in English', async () => {
    const { dir, git } = repo();
    const made = await run(['--lang', 'en', ...SEND, 'feedback', 'forms', '--unit', '住建', '--out', join(dir, 'o')], { cwd: dir });
    expect(made.stderr).toBe('Wrote 1 feedback form for late September 2020 in o/feedback-2020-09-3\n');
    const file = join(dir, 'o', 'feedback-2020-09-3', '区住建局_2020-09-3.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('示范区2020年重点工作: feedback form (late September 2020)');
    const filled = await fillForm(file, (f) => {
      f.date('2020-09-28');
      f.answer('F-07', { progress: 'Foundations done.', percent: 40, done: 'No' });
      f.answer('F-06', { progress: 'All 27 estates finished.', done: 'Yes', done_on: '2020-09-26' });
    });
    const r = await run(['--lang', 'en', ...BACK, 'feedback', 'import', filled], { cwd: dir });
    expect(r.stdout).toBe('区住建局_2020-09-3.xlsx: 区住建局, late September 2020: 2 rows read (1 left empty), 2 written, 0 unchanged, 0 rows refused, 1 completion report\n');
    expect(git('log', '-1', '--format=%s')).toBe('Feedback late September 2020: 区住建局, 2 tasks\n');
    const status = await run(['--lang', 'en', '--as-of', '2020-10-01', 'feedback', 'status'], { cwd: dir });
    expect(status.stdout).toContain('3 units owe 11 answers: 2 on time, 0 late, 9 missing; 3 units with answers missing');
    expect(status.stdout).toContain('1 task awaiting review (accept: tasks done ID; send back: tasks reject ID --reason …):');
    const accepted = await run(['--lang', 'en', ...BACK, 'done', 'F-06', '--on', '2020-09-27'], { cwd: dir });
    expect(accepted.stdout).toBe('Accepted: F-06 (区住建局 reported on 2020-09-28 it was finished on 2020-09-26); recorded as finished on 2020-09-27\n');
  });
});

describe('tasks feedback status', () => {
  it('judges every answer a unit owes against its own reply-by date, says which came late and which are missing, and exits 3 with --check', async () => {
    const { dir } = repo();
    const late = await fillForm(form('区财政局'), (f) => {
      f.date('2020-10-03');
      f.answer('F-05', { progress: '债务化解方案已报批。', percent: 70 });
    }, join(dir, 'late.xlsx'));
    // on time for the tasks it leads (due the 30th), a day late for the one it helps with (due the 28th)
    const ontime = await fillForm(form('区发改委'), (f) => {
      f.date(new Date(Date.UTC(2020, 8, 29)));
      f.answer('F-01', { progress: '按计划推进。' });
      f.answer('F-02', { progress: '纲要待审议。' });
      f.answer('F-03', { progress: '方案起草中。' });
      f.answer('F-04', { progress: '配合开展政策宣传。' });
    }, join(dir, 'ontime.xlsx'));
    const imported = await importForms(dir, [late, ontime], [], ['--as-of', '2020-10-05']);
    expect(imported.stderr).toContain('late.xlsx 工作表“区财政局”第 7 行“编号”：任务 F-05 的反馈 2020-10-03 晚于其报送截止（2020-09-30），记为逾期反馈');
    expect(imported.stderr).toContain('ontime.xlsx 工作表“区发改委”第 10 行“编号”：任务 F-04 的反馈 2020-09-29 晚于其报送截止（2020-09-28），记为逾期反馈');
    expect(imported.stderr).not.toContain('任务 F-01 的反馈');
    const r = await run(['--as-of', '2020-10-05', 'feedback', 'status', '--check'], { cwd: dir, env: { COLUMNS: '160' } });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('2020年9月下旬反馈情况（报送截止 2020-09-30，配合单位 2020-09-28，截至 2020-10-05）');
    expect(r.stdout).toContain('应报 3 个单位 11 项：按期 3 项，逾期 2 项，未报 6 项；有未报任务的单位 2 个');
    expect(r.stdout).toMatch(/区发改委 │ 有逾期 │ +4\/4 │ F-04（2020-09-29，逾期 1 天） │/);
    expect(r.stderr).toContain('2 个单位有任务未报送反馈');
    const json = await runJson(['--as-of', '2020-10-05', 'feedback', 'status', '--period', '2020年9月下旬'], { cwd: dir });
    expect(json.code).toBe(0);
    expect(json.json.period).toEqual({ kind: 'xun', key: '2020-09-3', start: '2020-09-21', end: '2020-09-30', label: '2020年9月下旬' });
    expect(json.json.reply_by).toBe('2020-09-30');
    expect(json.json.co_units_reply_by).toBe('2020-09-28');
    expect(json.json.units.map((u: any) => [u.unit, u.state, u.on_time, u.late.map((l: any) => [l.id, l.tier, l.answered_on, l.days_late]), u.missing])).toEqual([
      ['区发改委', 'late', ['F-01', 'F-02', 'F-03'], [['F-04', 'co', '2020-09-29', 1]], []],
      ['区财政局', 'missing', [], [['F-05', 'lead', '2020-10-03', 3]], ['F-01', 'F-04', 'F-06']],
      ['区住建局', 'missing', [], [], ['F-03', 'F-06', 'F-07']],
    ]);
    expect(json.json.counts).toEqual({ units: 3, units_missing: 2, owed: 11, on_time: 3, late: 2, missing: 6, pending: 0 });
    // before the reply-by dates nothing is missing yet
    const early = await runJson(['--as-of', '2020-09-25', 'feedback', 'status', '--period', '2020-09-3', '--check'], { cwd: dir });
    expect(early.code).toBe(0);
    expect(early.json.counts).toEqual({ units: 3, units_missing: 0, owed: 11, on_time: 0, late: 0, missing: 0, pending: 11 });
  }, 30_000);
});
