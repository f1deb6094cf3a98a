// Returned forms as they really come back: from another plan or period, edited where they should
// not be, with percentages, dates and formulas written every which way, or not forms at all.
// Each gets a message naming the file, sheet, row and column; the other rows and forms are still read.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, fixture, run, tempDir } from '../helpers.js';
import { COL, fillForm, sendForms } from '../form-fill.js';


const BACK = ['--as-of', '2020-09-30'];

function repo(): { dir: string; git: (...args: string[]) => string } {
  const dir = copyFixture('feedback');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  git('init', '-q');
  git('config', 'user.name', '督查室');
  git('config', 'user.email', 'd@example.org');
  git('add', '.');
  git('commit', '-qm', '台账');
  return { dir, git };
}

const task = (dir: string, id: string) => load(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8')) as Record<string, any>;
const snapshot = (dir: string) => readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(join(dir, 'tasks', f), 'utf8'));
const latest = (dir: string, id: string) => task(dir, id).progress?.at(-1);

let sent: { folder: string; cleanup: () => void };
beforeAll(async () => {
  sent = await sendForms(fixture('feedback'), ['--as-of', '2020-09-22'], run);
}, 60_000);
afterAll(() => sent.cleanup());

const FGW = () => join(sent.folder, '区发改委_2020年9月下旬.xlsx');
const ZJJ = () => join(sent.folder, '区住建局_2020年9月下旬.xlsx');

async function importForms(dir: string, files: string[], extra: string[] = []) {
  return run([...BACK, 'feedback', 'import', ...files, ...extra], { cwd: dir });
}

/** Imports `file` and expects it refused whole, with nothing written. */
async function refusedWhole(dir: string, file: string, extra: string[] = []) {
  const before = snapshot(dir);
  const r = await importForms(dir, [file], extra);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(snapshot(dir)).toEqual(before);
  return r;
}

describe('a form that is not this one', () => {
  it('from another plan', async () => {
    const other = copyFixture('feedback');
    writeFileSync(join(other, 'tasks.config.yaml'), readFileSync(join(other, 'tasks.config.yaml'), 'utf8').replace('示范区', '另一区'));
    await run(['--as-of', '2020-09-22', 'feedback', 'forms', '--out', join(other, 'o')], { cwd: other });
    const { dir } = repo();
    const r = await refusedWhole(dir, join(other, 'o', '反馈表-2020-09-3', '区发改委_2020年9月下旬.xlsx'));
    expect(r.stderr).toBe('区发改委_2020年9月下旬.xlsx：是“另一区2020年重点工作（2020）”的反馈表，不是本台账（示范区2020年重点工作（2020））的；此表未导入\n');
  });

  it('from another period than the one asked for, or from a period not yet begun', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => f.answer('F-01', { progress: '进展' }), join(dir, 'a.xlsx'));
    const r = await refusedWhole(dir, file, ['--period', '2020-09-2']);
    expect(r.stderr).toBe('a.xlsx：是2020年9月下旬的反馈表，不是 --period 指定的2020年9月中旬；此表未导入\n');
    const early = await run(['--as-of', '2020-09-20', 'feedback', 'import', file], { cwd: dir });
    expect(early.code).toBe(1);
    expect(early.stderr).toBe('a.xlsx：是2020年9月下旬的反馈表，该周期在 2020-09-20 还没有开始；此表未导入\n');
  });

  it('whose unit was changed in the header, or whose unit has no tasks any more', async () => {
    const { dir, git } = repo();
    const edited = await fillForm(ZJJ(), (f) => {
      f.ws.getCell('A2').value = String(f.ws.getCell('A2').value).replace('区住建局', '区城管局');
      f.answer('F-06', { progress: '进展' });
    }, join(dir, 'b.xlsx'));
    const r = await refusedWhole(dir, edited);
    expect(r.stderr).toBe('b.xlsx 工作表“区住建局”：表头的填报单位、反馈周期或报送截止被改动过；请用督查室发出的原表填写；此表未导入\n');
    for (const id of ['F-03', 'F-06', 'F-07']) {
      const path = join(dir, 'tasks', `${id}.yaml`);
      writeFileSync(path, readFileSync(path, 'utf8').replace('区住建局', '区建设局'));
    }
    git('commit', '-qam', '单位更名');
    const renamed = await fillForm(ZJJ(), (f) => f.answer('F-06', { progress: '进展' }), join(dir, 'c.xlsx'));
    expect((await refusedWhole(dir, renamed)).stderr).toBe('c.xlsx：是“区住建局”的反馈表，但台账中已没有这个单位的任务；此表未导入\n');
  });

  it('whose hidden identification was edited, or that was never a form', async () => {
    const { dir } = repo();
    const tampered = await fillForm(FGW(), (f) => {
      f.wb.getWorksheet('_tasks_form')!.getCell('B5').value = '区财政局';
      f.answer('F-01', { progress: '进展' });
    }, join(dir, 't.xlsx'));
    expect((await refusedWhole(dir, tampered)).stderr).toBe('t.xlsx：反馈表的识别信息被改动过，无法确认是哪个单位、哪一期的反馈；请用督查室发出的原表填写后重新发送；此表未导入\n');
    const plain = await fillForm(FGW(), (f) => {
      f.wb.removeWorksheet(f.wb.getWorksheet('_tasks_form')!.id);
    }, join(dir, 'p.xlsx'));
    expect((await refusedWhole(dir, plain)).stderr).toBe('p.xlsx：不是由 tasks feedback forms 生成的反馈表（找不到反馈表的识别信息）。请用督查室发出的反馈表填写；此表未导入\n');
  });

  it('whose columns were inserted or renamed', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.ws.spliceColumns(8, 0, ['备注']);
    }, join(dir, 'h.xlsx'));
    expect((await refusedWhole(dir, file)).stderr).toBe(
      'h.xlsx 工作表“区发改委”第 4 行：第 H 列的表头应为“工作进展”，现为“”：表格的列被增删或改动过，无法确定各列内容；请用原表填写；此表未导入\n',
    );
  });
});

describe('rows that were changed', () => {
  it('an edited id or an edited locked cell refuses that row; the others are read', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-02', { progress: '进展二' });
      f.answer('F-03', { progress: '进展三' });
      f.ws.getCell(f.rowOf('F-01'), COL.id).value = 'F-09';
      f.ws.getCell(f.rowOf('F-02'), COL.deadline).value = '2020-12-31';
    }, join(dir, 'e.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('e.xlsx 工作表“区发改委”第 6 行“编号”：编号被改为“F-09”，无法确定是哪项任务；此行未导入');
    expect(r.stderr).toContain('e.xlsx 工作表“区发改委”第 7 行“完成时限”：是台账内容，已被改动；已锁定的栏目请勿修改，请用原表填写；此行未导入');
    expect(r.stdout).toContain('读取 3 行（另有 1 行未填），写入 1 项，未变 0 项，拒收 2 行');
    expect(latest(dir, 'F-03').note).toBe('进展三');
    expect(latest(dir, 'F-01').note).not.toBe('进展一');
  });

  it('rows deleted, reordered or added: read by id, the missing ones named, the new ones refused', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-03', { progress: '进展三' });
      f.answer('F-04', { progress: '配合进展' });
      // F-01 and F-03 change places, F-02's row goes, and a row of the unit's own is added
      const swap = (a: number, b: number) => {
        for (let c = 1; c <= 13; c++) {
          const va = f.ws.getCell(a, c).value;
          f.ws.getCell(a, c).value = f.ws.getCell(b, c).value;
          f.ws.getCell(b, c).value = va;
        }
      };
      swap(6, 8);
      f.deleteRow(7);
      const last = f.ws.rowCount + 1;
      f.ws.getCell(last, COL.id).value = 'F-99';
      f.ws.getCell(last, COL.progress).value = '自行增加的工作';
    }, join(dir, 'r.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('r.xlsx 工作表“区发改委”第 6 行“编号”：编号 F-03 的行原在第 8 行，已按编号读取');
    expect(r.stderr).toContain('r.xlsx 工作表“区发改委”第 7 行“编号”：编号 F-01 的行原在第 6 行，已按编号读取');
    expect(r.stderr).toContain('r.xlsx 工作表“区发改委”第 7 行：编号 F-02（编制“十四五”规划纲要）的行被删除，未读取');
    expect(r.stderr).toMatch(/r\.xlsx 工作表“区发改委”第 1\d 行“编号”：是反馈表中原来没有的行（编号 F-99）；新增任务请另行报督查室；此行未导入/);
    expect(latest(dir, 'F-01').note).toBe('进展一');
    expect(latest(dir, 'F-03').note).toBe('进展三');
    expect(latest(dir, 'F-04')).toMatchObject({ note: '配合进展', by: '区发改委' });
    expect(r.stderr).not.toContain('F-04（');
  });

  it('merged cells refuse the rows they cover', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '两项合并填写' });
      f.ws.mergeCells('H6:H7');
      f.answer('F-03', { progress: '进展三' });
    }, join(dir, 'm.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('m.xlsx 工作表“区发改委”第 6 行：单元格 H6:H7 被合并，无法分清各项任务的内容；请取消合并，每项任务分别填写；此行未导入');
    expect(r.stderr).toContain('m.xlsx 工作表“区发改委”第 7 行：单元格 H6:H7 被合并');
    expect(latest(dir, 'F-03').note).toBe('进展三');
    expect(task(dir, 'F-01').progress).toHaveLength(1);
  });

  it('extra sheets are named and left unread; a renamed form sheet is still read', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.wb.addWorksheet('说明').getCell('A1').value = '本单位联系人：张三';
    }, join(dir, 's.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('s.xlsx 工作表“说明”：工作表“说明”不属于反馈表，未读取');
    expect(latest(dir, 'F-01').note).toBe('进展一');
    const renamed = await fillForm(FGW(), (f) => {
      f.answer('F-03', { progress: '进展三' });
      f.ws.name = '反馈';
    }, join(dir, 's1.xlsx'));
    const rn = await importForms(dir, [renamed]);
    expect(rn.code).toBe(0);
    expect(rn.stderr).toContain('s1.xlsx 工作表“反馈”：反馈表的工作表由“区发改委”改名为“反馈”，已照常读取');
    expect(latest(dir, 'F-03').note).toBe('进展三');
    const two = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.ws.name = '反馈';
      f.wb.addWorksheet('另一表').getCell('A1').value = 'x';
    }, join(dir, 's2.xlsx'));
    expect((await refusedWhole(dir, two)).stderr).toContain('找不到反馈表的工作表“区发改委”（可能被删除或改名，且文件中有多个工作表）；此表未导入');
  });

  it('a task removed from the plan, or no longer the unit’s, since the form went out', async () => {
    const { dir, git } = repo();
    git('rm', '-q', 'tasks/F-02.yaml');
    const path = join(dir, 'tasks', 'F-03.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('units: [区发改委, 区住建局]', 'units: [区住建局]'));
    git('commit', '-qam', '调整');
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-02', { progress: '进展二' });
      f.answer('F-03', { progress: '进展三' });
    }, join(dir, 'g.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('g.xlsx 工作表“区发改委”第 7 行：编号 F-02 的任务已不在台账中；此行未导入');
    expect(r.stderr).toContain('g.xlsx 工作表“区发改委”第 8 行：区发改委 已不是任务 F-03 的责任单位；此行未导入');
    expect(latest(dir, 'F-01').note).toBe('进展一');
  });

  it('a task file with hand edits not yet committed refuses its row, and the form’s other rows are written', async () => {
    const { dir, git } = repo();
    const path = join(dir, 'tasks', 'F-01.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}# 手工修改中\n`);
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-03', { progress: '进展三' });
    }, join(dir, 'd.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('d.xlsx 工作表“区发改委”第 6 行：任务文件未能修改：tasks/F-01.yaml 有尚未提交的手工修改');
    expect(readFileSync(path, 'utf8')).toContain('# 手工修改中');
    expect(latest(dir, 'F-03').note).toBe('进展三');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim()).toBe('tasks/F-03.yaml');
    expect(git('log', '-1', '--format=%B').trim()).toBe('反馈 2020年9月下旬：区发改委 1 项\n\nF-03 进展\n\nTasks-Command: feedback');
  });
});

describe('a plan in a sub-folder of its repository', () => {
  it('tells the files with hand edits from the clean ones there too', async () => {
    const top = tempDir();
    const dir = join(top, '台账');
    cpSync(fixture('feedback'), dir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: top, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    git('init', '-q');
    git('config', 'user.name', '督查室');
    git('config', 'user.email', 'd@example.org');
    git('add', '.');
    git('commit', '-qm', '台账');
    const path = join(dir, 'tasks', 'F-03.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}# 手工修改中\n`);
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-03', { progress: '进展三' });
    }, join(top, 'sub.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('第 8 行：任务文件未能修改：tasks/F-03.yaml 有尚未提交的手工修改');
    expect(latest(dir, 'F-01').note).toBe('进展一');
    expect(git('-c', 'core.quotePath=false', 'show', '--name-only', '--format=', 'HEAD').trim()).toBe('台账/tasks/F-01.yaml');
  });
});

describe('a commit that cannot be made', () => {
  it('leaves every file of the form as it was (git is asked before anything is written)', async () => {
    const { dir, git } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '进展一' });
      f.answer('F-03', { progress: '进展三' });
    }, join(dir, 'x.xlsx'));
    const before = snapshot(dir);
    writeFileSync(join(dir, '.git', 'index.lock'), '');
    const r = await importForms(dir, [file]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/\ntasks: git 的锁文件 .*index\.lock 存在：.*已取消，文件未改动。.*\n$/);
    expect(snapshot(dir)).toEqual(before);
    rmSync(join(dir, '.git', 'index.lock'));
    expect(git('status', '--porcelain', '--', 'tasks')).toBe('');
    expect(git('log', '--format=%s').trim()).toBe('台账');
  });
});

describe('cells written every which way', () => {
  it('percentages: 80% and a percent cell are read, 八成 is read with a note, 0.8 and 120 refuse their rows', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '一', percent: '80%' });
      f.answer('F-02', { progress: '二', percent: 0.8 });
      const cell = f.ws.getCell(f.rowOf('F-02'), COL.percent);
      cell.style = { ...cell.style, numFmt: '0%' };
      f.answer('F-03', { progress: '三', percent: 0.8 });
      f.answer('F-04', { progress: '四', percent: 120 });
    }, join(dir, 'pc.xlsx'));
    const r = await importForms(dir, [file]);
    expect(latest(dir, 'F-01').percent).toBe(80);
    expect(latest(dir, 'F-02').percent).toBe(80);
    expect(r.stderr).toContain('pc.xlsx 工作表“区发改委”第 8 行“完成百分比”：“0.8”是 80% 还是 0.8%？请填 0 到 100 的数字，例如 80；此行未导入');
    expect(r.stderr).toContain('pc.xlsx 工作表“区发改委”第 10 行“完成百分比”：“120”超出 0 到 100；此行未导入');
    const words = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: '一', percent: '七成五' });
      f.answer('F-02', { progress: '二', percent: '过半' });
    }, join(dir, 'pw.xlsx'));
    const w = await importForms(dir, [words]);
    expect(w.stderr).toContain('pw.xlsx 工作表“区发改委”第 6 行“完成百分比”：“七成五”按 75% 记录');
    expect(w.stderr).toContain('pw.xlsx 工作表“区发改委”第 7 行“完成百分比”：“过半”无法识别，应为 0 到 100 的数字，例如 80；此行未导入');
    expect(latest(dir, 'F-01').percent).toBe(75);
  });

  it('dates: an Excel date number, 2020.9.28, a completion date after the report, and 办结日期 without 是', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.date('44102');
      f.answer('F-01', { progress: '一', done: '否', done_on: '2020.9.20' });
      f.answer('F-02', { progress: '二', done: '是', done_on: '2020-10-08' });
      f.answer('F-03', { progress: '三', done_on: '44100' });
    }, join(dir, 'dt.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('dt.xlsx 工作表“区发改委”第 3 行“填报日期”：“44102”是 Excel 的日期序号，按 2020-09-28 记录');
    expect(r.stderr).toContain('dt.xlsx 工作表“区发改委”第 6 行“办结日期”：“是否办结”为“否”，办结日期 2020-09-20 未记录');
    expect(r.stderr).toContain('dt.xlsx 工作表“区发改委”第 7 行“办结日期”：2020-10-08 晚于填报日期 2020-09-28，尚未发生的办结不能申请销号；此行未导入');
    expect(r.stderr).toContain('dt.xlsx 工作表“区发改委”第 8 行“办结日期”：填了办结日期 2020-09-26，但“是否办结”没有选“是”；请确认是否已办结；此行未导入');
    expect(latest(dir, 'F-01')).toMatchObject({ date: '2020-09-28', note: '一' });
    expect(task(dir, 'F-01').completion_requests).toBeUndefined();
  });

  it('a report date before the period, after today, or unreadable refuses the form', async () => {
    const { dir } = repo();
    for (const [value, message] of [
      ['2020-09-10', '2020-09-10 早于本期开始（2020-09-21），请核对'],
      ['2020-10-08', '2020-10-08 晚于今天（2020-09-30），请核对'],
      ['下周一', '“下周一”无法识别（可写 2020-09-28、2020年9月28日、9月28日）'],
    ] as const) {
      const file = await fillForm(FGW(), (f) => {
        f.date(value);
        f.answer('F-01', { progress: '一' });
      }, join(dir, 'bd.xlsx'));
      expect((await refusedWhole(dir, file)).stderr).toBe(`bd.xlsx 工作表“区发改委”第 3 行“填报日期”：${message}；此表未导入\n`);
    }
  });

  it('a formula counts by the value it shows, never evaluated; one without a value refuses its row', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: { formula: 'CONCATENATE("完成","投资")', result: '完成投资' }, percent: { formula: '1+1', result: 75 } });
      f.answer('F-02', { progress: '二', percent: { formula: 'A1*100' } });
      f.answer('F-03', { progress: '=HYPERLINK("http://evil.invalid","点我")' });
    }, join(dir, 'fx.xlsx'));
    const r = await importForms(dir, [file]);
    expect(latest(dir, 'F-01')).toMatchObject({ note: '完成投资', percent: 75 });
    expect(r.stderr).toContain('fx.xlsx 工作表“区发改委”第 6 行“完成百分比”：是公式，按其显示的值“75”读取（公式不会被计算）');
    expect(r.stderr).toContain('fx.xlsx 工作表“区发改委”第 6 行“工作进展”：是公式，按其显示的值“完成投资”读取（公式不会被计算）');
    expect(r.stderr).toContain('fx.xlsx 工作表“区发改委”第 7 行“完成百分比”：是没有计算结果的公式；请填写数值或文字；此行未导入');
    // text that looks like a formula is kept as the text it is
    expect(latest(dir, 'F-03').note).toBe('=HYPERLINK("http://evil.invalid","点我")');
  });

  it('a 2,000-character note with line breaks is kept whole, without control characters', async () => {
    const { dir } = repo();
    const long = Array.from({ length: 40 }, (_, i) => `第${i + 1}项：${'推进重点项目建设，'.repeat(5)}`).join('\r\n');
    const file = await fillForm(FGW(), (f) => {
      f.answer('F-01', { progress: `${long}\u0007`, problems: '问题一\n问题二', next_steps: '下步' });
      f.answer('F-02', { progress: '空', done: '可以' });
    }, join(dir, 'long.xlsx'));
    const r = await importForms(dir, [file]);
    expect(long.length).toBeGreaterThan(2000);
    expect(latest(dir, 'F-01')).toMatchObject({ note: long.replace(/\r\n/g, '\n'), problems: '问题一\n问题二' });
    expect(readFileSync(join(dir, 'tasks', 'F-01.yaml'), 'utf8')).toContain('    note: |-\n      第1项：');
    expect(r.stderr).toContain('long.xlsx 工作表“区发改委”第 7 行“是否办结”：“可以”无法识别，请填“是”或“否”；此行未导入');
  });

  it('a row with a percentage but no progress is refused', async () => {
    const { dir } = repo();
    const file = await fillForm(FGW(), (f) => f.answer('F-01', { percent: 90, problems: '无' }), join(dir, 'np.xlsx'));
    const r = await importForms(dir, [file]);
    expect(r.stderr).toContain('np.xlsx 工作表“区发改委”第 6 行“工作进展”：为空，但本行填写了其他栏目；请补充工作进展；此行未导入');
  });
});

describe('files that are not forms', () => {
  const ole = (stream: string) => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return Buffer.concat([header, Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(512)]);
  };

  it('.xls, .et, .csv, password-protected, corrupt and missing files are refused with what to do, and a good form beside them is still read', async () => {
    const { dir, git } = repo();
    const files: Array<[string, Buffer | string]> = [
      ['旧表.xls', ole('Workbook')],
      ['金山.et', ole('Workbook')],
      ['导出.csv', '编号,工作进展\nF-01,进展\n'],
      ['加密.xlsx', ole('EncryptionInfo')],
      ['损坏.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)])],
    ];
    for (const [name, data] of files) writeFileSync(join(dir, name), data);
    const good = await fillForm(FGW(), (f) => f.answer('F-01', { progress: '进展一' }), join(dir, 'good.xlsx'));
    const r = await importForms(dir, [...files.map(([n]) => join(dir, n)), join(dir, '没有.xlsx'), good]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('旧表.xls：是旧版 Excel 文件（.xls），不能直接读取。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入，或由信息员运行 `soffice --headless --convert-to xlsx 旧表.xls`；此表未导入');
    expect(lines[1]).toBe('金山.et：是 WPS 表格文件（.et），不能直接读取。请用 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入；此表未导入');
    expect(lines[2]).toBe('导出.csv：是 CSV 文本，不是反馈表。请让填报单位在发出的 .xlsx 反馈表中填写后原样返回；此表未导入');
    expect(lines[3]).toMatch(/^加密\.xlsx：设有打开密码（文件已加密），无法读取。请填报单位去掉密码后重新发送/);
    expect(lines[4]).toMatch(/^损坏\.xlsx：不是有效的 Excel 工作簿，或文件已损坏（.+）。请填报单位用 Excel 或 WPS 打开后另存为 \.xlsx 重新发送；此表未导入$/);
    expect(lines[5]).toBe(`没有.xlsx：找不到文件 ${join(dir, '没有.xlsx')}；此表未导入`);
    expect(r.stdout).toContain('good.xlsx：区发改委 2020年9月下旬，读取 1 行');
    expect(latest(dir, 'F-01').note).toBe('进展一');
    expect(git('log', '--format=%s', '-1')).toBe('反馈 2020年9月下旬：区发改委 1 项\n');
  });
});
