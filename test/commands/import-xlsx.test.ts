import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allocateIds as draftIds } from '../../src/core/ids.js';
import { isUntouchedDraft } from '../../src/import/drafts.js';
import { cellText } from '../../src/import/xlsx-read.js';
import { copyFixture, ROOT, run, tempDir, type Run } from '../helpers.js';

// ---- running the command ------------------------------------------------------------------

interface Global {
  cwd?: string;
  dir?: string;
  lang?: 'zh' | 'en';
  quiet?: boolean;
}

/** `tasks [-C dir] [--lang] [--quiet] import xlsx ARGS…`, in this process. */
async function importXlsx(args: string[], g: Global = {}): Promise<Run> {
  const globals = [...(g.dir ? ['-C', g.dir] : []), ...(g.lang ? ['--lang', g.lang] : []), ...(g.quiet ? ['--quiet'] : [])];
  return run([...globals, 'import', 'xlsx', ...args], { cwd: g.cwd });
}

// ---- building workbooks -------------------------------------------------------------------

type Cell = ExcelJS.CellValue;

async function saveBook(path: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

function addRows(ws: ExcelJS.Worksheet, rows: Cell[][]): void {
  for (const r of rows) ws.addRow(r);
}

const readTask = (dir: string, id: string) => parse(readFileSync(join(dir, `${id}.yaml`), 'utf8'));
const taskFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);

/**
 * A ledger as offices keep them: a title and a date row above the header, a multi-line header
 * cell, part rows merged across, 所属要点 and the lead official merged down, numbering in every
 * style, units separated every way, phrase deadlines, a date cell, a formula, rich text, a
 * row without task text and one with a deadline nobody can read, and a note under the table.
 */
async function messyLedger(dir: string): Promise<string> {
  return saveBook(join(dir, '责任清单.xlsx'), (wb) => {
    wb.addWorksheet('填表说明').addRow(['请各单位于每月25日前报送进展。']);
    const ws = wb.addWorksheet('任务分解表');
    addRows(ws, [
      ['屯溪区2020年重点工作任务分解表'],
      ['（截至2020年9月30日）'],
      [],
      ['序号', '所属要点', '工作任务', '牵头责任\n领导', '牵头单位', '责任单位', '完成时限', '备注'],
      ['一、深化改革创新，高质量加快动能转换'],
      ['1', '（一）巩固重点改革成果', '持续做好机构改革“后半篇文章”，加快政府职能转变和职责优化。', '常务副区长', '区委编办', '区财政局、区人社局', '2020年12月底前', ''],
      ['2.', null, '深化“放管服”改革，\n推进“一网通办”“最多跑一次”。', null, '区数据资源局', '区政务服务中心，区司法局;区市场监管局；区发改委', '6月底', ''],
      ['（三）', null, '实施事业单位公车改革', null, '', '区机关事务中心\n区财政局', '三季度末', ''],
      ['二', '', '深化投资拉动', '', '', '', '', ''],
      ['一、', '（四）实施双百工程', '实施省亿元以上项目18个，市级重点项目27个。', '区长、常务副区长', '区发改委', '区财政局,区统计局', new Date(Date.UTC(2020, 5, 30)), ''],
      ['5、', null, { formula: 'CONCATENATE("推进","重点项目","建设")', result: '推进重点项目建设' }, '分管城建副区长', '区住建局', '区城管局 区自然资源局', '长期坚持', ''],
      ['6', null, { richText: [{ text: '开展' }, { font: { bold: true }, text: '营商环境' }, { text: '提升行动' }] }, '区长', '', '区发改委（牵头）、区市场监管局', '上半年', ''],
      ['7', null, '', '区长', '区发改委', '', '年底前', ''],
      ['8', null, '建设智慧城市平台', '区长', '区数据资源局', '', '待定', ''],
      ['9', null, '持续推进城市更新', '分管城建副区长', '区住建局', '区财政局', '持续推进', ''],
      ['10', null, '开展重点工作季度调度', '常务副区长', '区政府办', '', '每季度', ''],
      ['11', null, '常态化开展安全生产检查', '常务副区长', '区应急局', '', '常态化', ''],
      [],
      ['注：完成时限以区政府文件为准。'],
    ]);
    ws.mergeCells('A1:H1');
    ws.mergeCells('A2:H2');
    ws.mergeCells('A5:H5');
    ws.mergeCells('B6:B8'); // 所属要点 over the rows of its tasks
    ws.mergeCells('D6:D8'); // 牵头责任领导 likewise
    ws.mergeCells('B10:B17');
    ws.mergeCells('A20:H20');
    ws.getCell('G10').numFmt = 'yyyy"年"m"月"d"日"';
  });
}

const MESSY_TASKS = [
  {
    id: '2020-001', title: '持续做好机构改革“后半篇文章”', detail: '持续做好机构改革“后半篇文章”，加快政府职能转变和职责优化。',
    section: '一、深化改革创新，高质量加快动能转换', point: '（一）巩固重点改革成果', lead: '常务副区长', units: ['区委编办', '区财政局', '区人社局'],
    deadline: '2020-12-31', deadline_text: '2020年12月底前', status: 'not_started',
  },
  {
    id: '2020-002', title: '深化“放管服”改革', detail: '深化“放管服”改革，\n推进“一网通办”“最多跑一次”。',
    section: '一、深化改革创新，高质量加快动能转换', point: '（一）巩固重点改革成果', lead: '常务副区长',
    units: ['区数据资源局', '区政务服务中心', '区司法局', '区市场监管局', '区发改委'], deadline: '2020-06-30', deadline_text: '6月底', status: 'not_started',
  },
  {
    id: '2020-003', title: '实施事业单位公车改革', detail: '实施事业单位公车改革', section: '一、深化改革创新，高质量加快动能转换', point: '（一）巩固重点改革成果',
    lead: '常务副区长', units: ['区机关事务中心', '区财政局'], deadline: '2020-09-30', deadline_text: '三季度末', status: 'not_started',
  },
  {
    id: '2020-004', title: '实施省亿元以上项目18个', detail: '实施省亿元以上项目18个，市级重点项目27个。', section: '二、深化投资拉动', point: '（四）实施双百工程',
    lead: ['区长', '常务副区长'], units: ['区发改委', '区财政局', '区统计局'], deadline: '2020-06-30', status: 'not_started',
  },
  {
    id: '2020-005', title: '推进重点项目建设', detail: '推进重点项目建设', section: '二、深化投资拉动', point: '（四）实施双百工程', lead: '分管城建副区长',
    units: ['区住建局', '区城管局', '区自然资源局'], deadline: '2020-12-31', deadline_text: '长期坚持', status: 'not_started',
  },
  {
    id: '2020-006', title: '开展营商环境提升行动', detail: '开展营商环境提升行动', section: '二、深化投资拉动', point: '（四）实施双百工程', lead: '区长',
    units: ['区发改委', '区市场监管局'], deadline: '2020-06-30', deadline_text: '上半年', status: 'not_started',
  },
  {
    id: '2020-007', title: '持续推进城市更新', detail: '持续推进城市更新', section: '二、深化投资拉动', point: '（四）实施双百工程', lead: '分管城建副区长',
    units: ['区住建局', '区财政局'], deadline: '2020-12-31', deadline_text: '持续推进', status: 'not_started',
  },
  {
    id: '2020-008', title: '开展重点工作季度调度', detail: '开展重点工作季度调度', section: '二、深化投资拉动', point: '（四）实施双百工程', lead: '常务副区长',
    units: ['区政府办'], deadline: '2020-12-31', deadline_text: '每季度', status: 'not_started',
  },
  {
    id: '2020-009', title: '常态化开展安全生产检查', detail: '常态化开展安全生产检查', section: '二、深化投资拉动', point: '（四）实施双百工程', lead: '常务副区长',
    units: ['区应急局'], deadline: '2020-12-31', deadline_text: '常态化', status: 'not_started',
  },
];

describe('tasks import xlsx on a messy ledger', () => {
  it('reads every task with its fields, reports the rows it cannot read, and writes valid drafts', async () => {
    const dir = tempDir();
    const book = await messyLedger(dir);
    const r = await importXlsx([book], { cwd: dir });
    expect(r.code).toBe(1);
    const out = join(dir, 'tasks');
    expect(taskFiles(out)).toEqual(MESSY_TASKS.map((t) => `${t.id}.yaml`));
    for (const expected of MESSY_TASKS) expect(readTask(out, expected.id)).toEqual(expected);
    expect(r.stdout.split('\n')[0]).toBe('写入 tasks/2020-001.yaml  持续做好机构改革“后半篇文章”');
    expect(r.stdout.trim().split('\n')).toHaveLength(9);
    expect(r.stderr).toContain(
      '工作表“任务分解表”第 4 行为表头：序号→序号、所属要点→所属要点、工作任务→任务（名称和内容）、牵头责任领导→牵头责任领导、牵头单位→牵头单位、责任单位→责任单位、完成时限→完成时限；未导入的列：备注',
    );
    expect(r.stderr).toContain('工作表“任务分解表”第 13 行：没有任务内容（任务列为空）；此行未导入');
    expect(r.stderr).toContain('工作表“任务分解表”第 14 行：完成时限“待定”无法识别');
    expect(r.stderr).toContain('共 9 项：新写入 9，更新 0，未变 0，跳过 0');
    expect(r.stderr).toContain('识别出 2 个部分、2 个要点、9 项任务；2 行未能导入');
    expect(r.stderr).not.toContain('注：');

    const draft = readFileSync(join(out, '2020-004.yaml'), 'utf8').split('\n');
    expect(draft[0]).toBe('# yaml-language-server: $schema=../schemas/task.schema.json');
    expect(draft[1]).toMatch(/^# 草稿：由 tasks import xlsx 从 责任清单\.xlsx 工作表“任务分解表”第 10 行生成（校验码 [0-9a-f]{12}；修改后重新导入不会覆盖）$/);

    const config = parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8'));
    // in protocol order, whatever the order the sheet names them in
    expect(config.roster.leads).toEqual(['区长', '常务副区长', '分管城建副区长']);
    expect(config.roster.units.slice(0, 4)).toEqual(['区委编办', '区财政局', '区人社局', '区数据资源局']);
    expect(config.roster.units).toHaveLength(15);

    const check = await run(['-C', dir, 'validate']);
    expect(check.stdout).toContain('9 个任务，0 个错误');
  });

  it('picks the sheet asked for, and lists the sheets when there is no such one', async () => {
    const dir = tempDir();
    const book = await messyLedger(dir);
    const picked = await importXlsx([book, '--sheet', '任务分解表', '--dry-run'], { cwd: dir });
    expect(picked.stderr).toContain('共 9 项');
    const wrong = await importXlsx([book, '--sheet', '任务表'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('tasks: 责任清单.xlsx 中没有名为“任务表”的工作表；现有工作表：“填表说明”、“任务分解表”\n');
    const notes = await importXlsx([book, '--sheet', '填表说明'], { cwd: dir });
    expect(notes.code).toBe(1);
    expect(notes.stderr).toContain('没有找到可识别的表头');
    expect(existsSync(join(dir, 'tasks'))).toBe(false);
  });

  it('reads every kind of cell: hyperlinks, percent and date formats, date formulas, numbers; and takes --map and the year from --year', async () => {
    const dir = tempDir();
    const book = await saveBook(join(dir, '台账.xlsx'), (wb) => {
      const ws = wb.addWorksheet('台账');
      addRows(ws, [
        ['重点工作推进情况'],
        ['序号', '任务', '分管领导', '责任单位', '时间节点', '状态', '进展', '进展日期', '完成进度', '类别'],
        [1, '推进数字政府建设', '区长', { text: '区数据资源局', hyperlink: 'https://example.invalid/unit' }, { formula: 'DATE(2021,6,30)', result: new Date(Date.UTC(2021, 5, 30)) }, 'in progress', '平台已上线', new Date(Date.UTC(2021, 4, 20)), 0.6, '数字化、重点项目'],
        [2, '完成老旧小区改造', '区长', '区住建局', '6月底前完成方案；年底前全面完工', '已完成', '全部完工', '2021年11月5日', '100%', ''],
      ]);
      ws.getCell('I3').numFmt = '0%';
      ws.getCell('H3').numFmt = 'yyyy-mm-dd';
    });
    const noYear = await importXlsx([book], { cwd: dir });
    expect(noYear.code).toBe(2);
    expect(noYear.stderr).toContain('请用 --year 指定年度');
    expect(existsSync(join(dir, 'tasks'))).toBe(false);

    const r = await importXlsx([book, '--year', '2021', '--map', '类别=tags', '--map', '附注=detail'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--map 指定的列“附注”不在表头中，未使用');
    const out = join(dir, 'tasks');
    expect(readTask(out, '2021-001')).toEqual({
      id: '2021-001', title: '推进数字政府建设', detail: '推进数字政府建设', lead: '区长', units: ['区数据资源局'], deadline: '2021-06-30', status: 'in_progress',
      progress: [{ date: '2021-05-20', note: '平台已上线', percent: 60 }], tags: ['数字化', '重点项目'],
    });
    expect(readTask(out, '2021-002')).toEqual({
      id: '2021-002', title: '完成老旧小区改造', detail: '完成老旧小区改造', lead: '区长', units: ['区住建局'], deadline: '2021-12-31',
      deadline_text: '6月底前完成方案；年底前全面完工', status: 'done', done_on: '2021-11-05', milestones: [{ title: '完成方案', due: '2021-06-30' }],
      progress: [{ date: '2021-11-05', note: '全部完工', percent: 100 }],
    });
  });

  it('takes the year from the plan before the title, and --year before both', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2019\n');
    const book = await messyLedger(dir);
    await importXlsx([book, '--dry-run'], { cwd: dir });
    const planYear = await importXlsx([book], { cwd: dir });
    expect(planYear.stdout).toContain('tasks/2019-001.yaml');
    expect(readTask(join(dir, 'tasks'), '2019-002').deadline).toBe('2019-06-30');
    const given = await importXlsx([book, '--year', '2022', '--out', join(dir, 'other')], { cwd: dir });
    expect(given.stdout).toContain('2022-001.yaml');
    expect(readTask(join(dir, 'other'), '2022-002').deadline).toBe('2022-06-30');
    const bad = await importXlsx([book, '--year', '二〇二〇'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--year 的值“二〇二〇”无效');
  });
});

describe('re-importing', () => {
  async function ledger(dir: string, deadline: string): Promise<string> {
    return saveBook(join(dir, '台账.xlsx'), (wb) => {
      addRows(wb.addWorksheet('台账'), [
        ['2020年重点任务'],
        ['编号', '重点任务', '牵头单位', '完成时限'],
        ['K-1', '甲任务', '区发改委', deadline],
        ['K-2', '乙任务', '区财政局', deadline],
        ['K-3', '丙任务', '区住建局', deadline],
      ]);
    });
  }

  it('keeps the ids the sheet gives, replaces untouched drafts, skips edited ones unless --force, and writes nothing on a dry run', async () => {
    const dir = tempDir();
    const out = join(dir, 'tasks');
    await importXlsx([await ledger(dir, '6月底')], { cwd: dir });
    expect(taskFiles(out)).toEqual(['K-1.yaml', 'K-2.yaml', 'K-3.yaml']);
    const edited = readFileSync(join(out, 'K-2.yaml'), 'utf8').replace('lead: 待定', 'lead: 区长');
    writeFileSync(join(out, 'K-2.yaml'), edited);

    const book = await ledger(dir, '9月底');
    const before = taskFiles(out).map((f) => readFileSync(join(out, f), 'utf8'));
    const dry = await importXlsx([book, '--dry-run'], { cwd: dir });
    expect(dry.stderr).toContain('（试运行，未写文件）共 3 项：新写入 0，更新 2，未变 0，跳过 1');
    expect(taskFiles(out).map((f) => readFileSync(join(out, f), 'utf8'))).toEqual(before);

    const again = await importXlsx([book], { cwd: dir });
    expect(again.stderr).toContain('跳过 tasks/K-2.yaml：该文件已被修改（加 --force 可把表格中的内容并入其中；表格中没有的节点、进展、标签等照旧保留）');
    expect(again.stderr).toContain('共 3 项：新写入 0，更新 2，未变 0，跳过 1');
    expect(readTask(out, 'K-1').deadline).toBe('2020-09-30');
    expect(readFileSync(join(out, 'K-2.yaml'), 'utf8')).toBe(edited);

    const same = await importXlsx([book], { cwd: dir });
    expect(same.stderr).toContain('未变 2，跳过 1');
    const forced = await importXlsx([book, '--force'], { cwd: dir });
    expect(forced.stderr).toContain('更新 1，未变 2，跳过 0');
    // merged: the sheet's 待定 never replaces an official, and its later deadline is recorded as moved by the import
    expect(readTask(out, 'K-2')).toMatchObject({
      lead: '区长', deadline: '2020-09-30', extensions: [{ date: '2020-09-30', from: '2020-06-30', to: '2020-09-30', reason: '据 台账.xlsx 导入' }],
    });
  });

  it('finds each task again by its title when the sheet has no ids, so a row inserted above shifts nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'tasks');
    const book = (rows: string[]) =>
      saveBook(join(dir, '分解表.xlsx'), (wb) => addRows(wb.addWorksheet('分解表'), [['序号', '工作任务', '牵头单位', '完成时限'], ...rows.map((t, i) => [i + 1, t, '区发改委', '年底前'])]));
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2020\n');
    await importXlsx([await book(['推进甲项目建设', '推进乙项目建设', '推进丙项目建设', '推进丁项目建设'])], { cwd: dir });
    const titles = () => Object.fromEntries(taskFiles(out).map((f) => [f.replace('.yaml', ''), readTask(out, f.replace('.yaml', '')).title]));
    const first = titles();
    expect(first).toEqual({ '2020-001': '推进甲项目建设', '2020-002': '推进乙项目建设', '2020-003': '推进丙项目建设', '2020-004': '推进丁项目建设' });
    // the clerk adds a milestone to 乙 by hand, and the office inserts a row into the ledger
    writeFileSync(join(out, '2020-002.yaml'), `${readFileSync(join(out, '2020-002.yaml'), 'utf8')}milestones:\n  - title: 完成立项\n    due: 2020-05-31\n`);
    const inserted = await book(['推进甲项目建设', '推进新项目建设', '推进乙项目建设', '推进丙项目建设', '推进丁项目建设']);
    const again = await importXlsx([inserted], { cwd: dir });
    // 丙 and 丁 are only told they now come from a lower row
    expect(again.stderr).toContain('共 5 项：新写入 1，更新 2，未变 1，跳过 1');
    expect(titles()).toEqual({ ...first, '2020-005': '推进新项目建设' });
    const forced = await importXlsx([inserted, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(titles()).toEqual({ ...first, '2020-005': '推进新项目建设' });
    expect(readTask(out, '2020-002').milestones).toEqual([{ title: '完成立项', due: '2020-05-31' }]);
  });

  it('merges an edited export back with --force, losing nothing the sheet does not carry', async () => {
    const plan = copyFixture('lights');
    const file = join(plan, 'tasks', 'L-03.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 节点逾期的项目', 'title: 节点逾期的项目\ndetail: 完成招标并开工。\nsection: 一、深化改革创新') +
      '  - date: 2020-09-25\n    note: 开标\n    percent: 85\ntags: [重点项目]\n');
    const before = readFileSync(file, 'utf8');
    const exported = tempDir();
    // an export of a day when L-13 was not yet done
    expect((await run(['-C', plan, '--as-of', '2020-05-31', 'export', 'xlsx', '--out', exported])).code).toBe(0);
    const overview = join(exported, '2020-05-31', '总表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(overview);
    const ws = wb.getWorksheet('全部任务')!;
    const header = ws.getRow(3).values as Cell[];
    const idColumn = header.indexOf('编号');
    const titleColumn = header.indexOf('任务');
    ws.eachRow((row) => {
      if (row.getCell(idColumn).value === 'L-03') row.getCell(titleColumn).value = '节点逾期的重点项目';
    });
    await wb.xlsx.writeFile(overview);

    const r = await importXlsx([overview, '--force'], { cwd: plan });
    expect(r.code).toBe(0);
    const l03 = readTask(join(plan, 'tasks'), 'L-03');
    expect(l03).toMatchObject({ title: '节点逾期的重点项目', detail: '完成招标并开工。', section: '一、深化改革创新', tags: ['重点项目'], status: 'in_progress' });
    expect(l03.milestones).toEqual([{ title: '完成方案编制', due: '2020-03-31', done_on: '2020-03-28' }, { title: '完成招标', due: '2020-06-30' }]);
    expect(l03.progress.map((p: any) => p.date)).toEqual(['2020-09-20', '2020-09-25']);
    // only the title's line changed
    expect(readFileSync(file, 'utf8')).toBe(before.replace('title: 节点逾期的项目', 'title: 节点逾期的重点项目'));
    expect(readTask(join(plan, 'tasks'), 'L-13')).toMatchObject({ status: 'done', done_on: '2020-06-30' });
    const check = await run(['-C', plan, 'validate']);
    expect(check.stdout).toContain('0 个错误');
  });

  it('recognises its own drafts in English too', async () => {
    const dir = tempDir();
    await importXlsx([await ledger(dir, '6月底')], { cwd: dir, lang: 'en' });
    const again = await importXlsx([await ledger(dir, '9月底')], { cwd: dir, lang: 'en' });
    expect(again.stderr).toContain('3 tasks: 0 new, 3 updated, 0 unchanged, 0 skipped');
  });
});

describe('in a git repository', () => {
  it('commits the drafts and the roster in one commit saying what and from where', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    git('init', '-q');
    git('config', 'user.name', '督查室 李四');
    git('config', 'user.email', 'lisi@example.org');
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2020\nroster:\n  leads: [区长, 分管城建副区长]\n  units: []\n');
    git('add', '.');
    git('commit', '-qm', '台账');
    const r = await importXlsx([await messyLedger(dir)], { cwd: dir });
    expect(r.stderr).toContain('已提交到 git（10 个文件，一次提交）');
    expect(git('log', '-1', '--format=%s%n%b')).toContain('导入台账 责任清单.xlsx（工作表“任务分解表”）：新建 9 项、更新 0 项任务，名册增加领导 1 位、单位 15 个\nTasks-Command: import');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n')).toContain('tasks.config.yaml');
    expect(git('status', '--porcelain', '--', 'tasks', 'tasks.config.yaml')).toBe('');
    // 常务副区长 goes before the deputy already listed
    expect(parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).roster.leads).toEqual(['区长', '常务副区长', '分管城建副区长']);
  });

  it('refuses to write over a hand edit not yet committed, and commits nothing with --no-commit', async () => {
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    git('init', '-q');
    git('config', 'user.name', '督查室 李四');
    git('config', 'user.email', 'lisi@example.org');
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2020\n');
    git('add', '.');
    git('commit', '-qm', '台账');
    const book = await messyLedger(dir);
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2020\n# 手工修改，尚未提交\n');
    const refused = await importXlsx([book], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('这些文件有尚未提交的手工修改，导入不会覆盖或一起提交它们：tasks.config.yaml');
    expect(taskFiles(join(dir, 'tasks'))).toEqual([]);
    const loose = await importXlsx([book, '--no-commit'], { cwd: dir });
    expect(loose.code).toBe(1);
    expect(taskFiles(join(dir, 'tasks'))).toHaveLength(9);
    expect(git('log', '--format=%s').trim()).toBe('台账');
  });

  it('reads a near-miss of a roster name as that name, and leaves a name close to several out of the roster', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tasks.config.yaml'), 'year: 2020\nroster:\n  leads: [区长, 分管城建副区长, 分管农业副区长]\n  units: [区住建局, 区财政局]\n');
    const book = await saveBook(join(dir, '分解表.xlsx'), (wb) =>
      addRows(wb.addWorksheet('分解表'), [
        ['序号', '工作任务', '牵头责任领导', '牵头单位', '完成时限'],
        [1, '推进甲项目建设', '分管城建副区长同志', '住建局', '年底前'],
        [2, '推进乙项目建设', '分管', '区财政局', '年底前'],
      ]));
    const r = await importXlsx([book], { cwd: dir });
    expect(r.stderr).toContain('牵头责任领导“分管城建副区长同志”按名册认定为“分管城建副区长”');
    expect(r.stderr).toContain('责任单位“住建局”按名册认定为“区住建局”');
    expect(r.stderr).toContain('注意：牵头责任领导“分管”与“分管城建副区长”、“分管农业副区长”很接近，未加入名册');
    expect(readTask(join(dir, 'tasks'), '2020-001')).toMatchObject({ lead: '分管城建副区长', units: ['区住建局'] });
    expect(parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).roster).toEqual({ leads: ['区长', '分管城建副区长', '分管农业副区长'], units: ['区住建局', '区财政局'] });
  });
});

describe('the roster', () => {
  it('appends the officials and units met after those listed, in the order met, keeping the file; a dry run changes nothing', async () => {
    const dir = tempDir();
    const original = [
      '# yaml-language-server: $schema=schemas/config.schema.json',
      'title: 屯溪区2020年重点工作',
      'year: 2020',
      '# 按公文排序',
      'roster:',
      '  leads: [区长, 常务副区长]',
      '  units:',
      '    - 区发改委 # 牵头最多',
      '    - 区财政局',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'tasks.config.yaml'), original);
    const book = await messyLedger(dir);
    const dry = await importXlsx([book, '--dry-run'], { cwd: dir });
    expect(dry.stderr).toContain('（试运行）将在名册（tasks.config.yaml）中新增牵头责任领导 1 位：分管城建副区长；责任单位 13 个：区委编办、区人社局');
    expect(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).toBe(original);

    await importXlsx([book], { cwd: dir });
    const text = readFileSync(join(dir, 'tasks.config.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 9)).toEqual([...original.split('\n').slice(0, 5), '  leads: [区长, 常务副区长, 分管城建副区长]', '  units:', '    - 区发改委 # 牵头最多', '    - 区财政局']);
    const roster = parse(text).roster;
    expect(roster.units).toEqual([
      '区发改委', '区财政局', '区委编办', '区人社局', '区数据资源局', '区政务服务中心', '区司法局', '区市场监管局', '区机关事务中心', '区统计局',
      '区住建局', '区城管局', '区自然资源局', '区政府办', '区应急局',
    ]);
    const again = await importXlsx([book], { cwd: dir });
    expect(again.stderr).not.toContain('名册');
    expect(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8')).toBe(text);
  });
});

describe('the round trip: tasks export xlsx, then tasks import xlsx of 总表.xlsx', () => {
  /** The lights fixture, with targets, points and a title with a comma, which the export carries too. */
  function richerPlan(): string {
    const plan = copyFixture('lights');
    const edit = (id: string, change: (text: string) => string) => writeFileSync(join(plan, 'tasks', `${id}.yaml`), change(readFileSync(join(plan, 'tasks', `${id}.yaml`), 'utf8')));
    edit('L-04', (t) => `${t}point: （四）实施双百工程\ntargets:\n  - name: 实施省亿元以上项目\n    target: 18\n    unit: 个\n    actual: 12\n  - name: 调查失业率\n    target: 5\n    unit: '%'\n    direction: max\n`);
    edit('L-08', (t) => t.replace('title: 按序时推进', 'title: 实施老旧小区改造27个，惠及居民3000户') + 'targets:\n  - name: 研发投入强度\n    target: 1.3\n    unit: \'%\'\n    actual: 1.25\n');
    edit('L-12', (t) => `${t}point: （一）巩固重点改革成果\ntargets:\n  - name: 新增市场主体\n    target: 3000\n`);
    return plan;
  }

  async function roundTrip(lang: 'zh' | 'en') {
    const plan = richerPlan();
    const exported = tempDir();
    const e = await run(['-C', plan, '--as-of', '2020-09-30', '--lang', lang, 'export', 'xlsx', '--out', exported]);
    expect(e.code).toBe(0);
    // file names are in the plan's language (Chinese here) whatever --lang says
    const overview = join(exported, '2020-09-30', '总表.xlsx');
    const empty = tempDir();
    const r = await importXlsx([overview], { cwd: empty, dir: empty, lang });
    const listed = JSON.parse((await run(['-C', plan, '--as-of', '2020-09-30', 'list', '--format', 'json'])).stdout).tasks as any[];
    return { plan, empty, r, listed };
  }

  it.each(['zh', 'en'] as const)('gives back every field the export carries (%s)', async (lang) => {
    const { plan, empty, r, listed } = await roundTrip(lang);
    expect(r.code).toBe(0);
    const out = join(empty, 'tasks');
    expect(taskFiles(out)).toEqual(listed.map((t) => `${t.id}.yaml`));
    for (const t of listed) {
      const source = readTask(join(plan, 'tasks'), t.id);
      const back = readTask(out, t.id);
      expect(back.title).toBe(t.title);
      expect(back.point).toBe(t.point ?? undefined);
      expect([back.lead].flat()).toEqual(t.lead);
      expect(back.units).toEqual(t.units);
      expect(back.deadline).toBe(t.deadline);
      expect(back.status).toBe(t.status_as_of);
      expect(back.progress).toEqual(t.latest_progress ? [{ date: t.latest_progress.date, note: t.latest_progress.note }] : undefined);
      expect(back.targets).toEqual(source.targets);
    }
    // the extended deadline of L-14 is read as its new date, and the title with a comma stays whole
    expect(readTask(out, 'L-14').deadline).toBe('2020-10-31');
    expect(readTask(out, 'L-08').title).toBe('实施老旧小区改造27个，惠及居民3000户');
    const check = await run(['-C', empty, 'validate']);
    expect(check.stdout).toContain('14 个任务，0 个错误');
  });

  it('says what it did', async () => {
    const { r } = await roundTrip('zh');
    expect(r.stderr.split('\n')[0]).toBe(
      '工作表“全部任务”第 3 行为表头：序号→序号、编号→编号、任务→任务（名称和内容）、牵头责任领导→牵头责任领导、所属要点→所属要点、牵头单位→牵头单位、配合单位→责任单位、完成时限→完成时限、状态→状态、最新进展→最新进展、进展日期→进展日期、指标（目标/实际）→指标；未导入的列：原时限、预警、预警原因、逾期天数',
    );
    expect(r.stderr).toContain('共 14 项：新写入 14，更新 0，未变 0，跳过 0');
    expect(r.stderr).toContain('名册（tasks.config.yaml）中新增牵头责任领导 3 位：区长、常务副区长、分管城建副区长；责任单位 4 个：区发改委、区财政局、区住建局、区城管局');
  });
});

describe('bad input: a clear message, the documented exit code, and no file changed', () => {
  function oleFile(streamName: string): Buffer {
    const header = Buffer.alloc(512);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
    return Buffer.concat([header, Buffer.from(streamName, 'utf16le'), Buffer.alloc(512)]);
  }

  async function refused(name: string, content: Buffer | string | undefined, args: string[] = []) {
    const plan = copyFixture('lights');
    if (content !== undefined) writeFileSync(join(plan, name), content);
    const snapshot = () => [readFileSync(join(plan, 'tasks.config.yaml'), 'utf8'), ...taskFiles(join(plan, 'tasks'))];
    const before = snapshot();
    const r = await importXlsx([join(plan, name), ...args], { dir: plan });
    expect(snapshot()).toEqual(before);
    return r;
  }

  it('an old .xls file', async () => {
    const r = await refused('台账.xls', oleFile('Workbook'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'tasks: 台账.xls 是旧版 Excel 文件（.xls），不能直接导入。请用 Excel 或 WPS 打开后“另存为”Excel 工作簿（.xlsx）再导入，或由信息员运行 `soffice --headless --convert-to xlsx 台账.xls`\n',
    );
  });

  it('an .xls that is really a web page, as some systems save them', async () => {
    const r = await refused('导出 数据.xls', '<html><table><tr><td>序号</td></tr></table></html>');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('是旧版 Excel 文件（.xls）');
    expect(r.stderr).toContain('soffice --headless --convert-to xlsx "导出 数据.xls"');
  });

  it('a password-protected workbook', async () => {
    const r = await refused('台账.xlsx', oleFile('EncryptionInfo'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks: 台账.xlsx 设有打开密码（文件已加密），无法读取。请用 Excel 或 WPS 打开，去掉密码后另存为 .xlsx 再导入');
  });

  it.each([
    ['not a spreadsheet at all', '序号,工作任务\n1,甲\n', 'not a zip package'],
    ['a damaged zip', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), ''],
    ['an empty file', '', 'empty file'],
  ])('a corrupt file: %s', async (_what, content, detail) => {
    const r = await refused('台账.xlsx', typeof content === 'string' ? Buffer.from(content) : content);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tasks: 台账\.xlsx 不是有效的 Excel 工作簿（\.xlsx），或文件已损坏（.*）。请用 Excel 或 WPS 打开后另存为 \.xlsx 再导入\n$/);
    expect(r.stderr).toContain(detail);
  });

  it('a workbook whose sheets are empty', async () => {
    const dir = tempDir();
    const book = await saveBook(join(dir, '空表.xlsx'), (wb) => {
      wb.addWorksheet('Sheet1');
      wb.addWorksheet('Sheet2');
    });
    const r = await refused('空表.xlsx', readFileSync(book));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('tasks: 空表.xlsx 中的工作表都是空的，没有可导入的内容\n');
    const one = await refused('空表.xlsx', readFileSync(book), ['--sheet', 'Sheet2']);
    expect(one.stderr).toBe('tasks: 空表.xlsx 的工作表“Sheet2”是空的，没有可导入的内容\n');
  });

  it('a sheet with no header it knows, listing the names it looks for', async () => {
    const dir = tempDir();
    const book = await saveBook(join(dir, '通讯录.xlsx'), (wb) => addRows(wb.addWorksheet('通讯录'), [['姓名', '单位', '电话'], ['张三', '区发改委', '1234567']]));
    const r = await refused('通讯录.xlsx', readFileSync(book));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'tasks: 在 通讯录.xlsx 的工作表“通讯录”的前 20 行中没有找到可识别的表头。表头应有任务列（“工作任务”、“重点任务”、“任务内容”、“主要任务”、“任务”之一），' +
        '以及“序号”、“牵头责任领导”、“牵头单位”、“责任单位”、“完成时限”等列中的至少一列；列名不同时，请用 --map 列名=字段 指定，例如 --map 工作措施=task\n',
    );
    const mapped = await importXlsx([book, '--map', '姓名=task', '--map', '单位=units', '--year', '2020', '--dry-run'], { cwd: dir });
    expect(mapped.stderr).toContain('第 1 行为表头');
  });

  it('a header with no task rows under it', async () => {
    const dir = tempDir();
    const book = await saveBook(join(dir, '模板.xlsx'), (wb) => addRows(wb.addWorksheet('模板'), [['序号', '工作任务', '责任单位', '完成时限'], ['1'], ['2'], ['3']]));
    const r = await refused('模板.xlsx', readFileSync(book), ['--year', '2020']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks: 模板.xlsx 的工作表“模板”在表头（第 1 行）以下没有可导入的任务');
  });

  it('a missing file', async () => {
    const r = await refused('没有这个文件.xlsx', undefined);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tasks: 找不到文件 .*没有这个文件\.xlsx\n$/);
  });

  it('a bad --map', async () => {
    const r = await refused('没有这个文件.xlsx', undefined, ['--map', '类别']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--map 的值“类别”无效：应写成 列名=字段，字段可选：task、title、detail');
    const unknown = await refused('没有这个文件.xlsx', undefined, ['--map', '类别=kind']);
    expect(unknown.code).toBe(2);
  });

  it('says it in English with --lang en', async () => {
    const r = await refused('台账.xls', oleFile('Workbook'));
    expect(r.stderr).toContain('请用 Excel 或 WPS');
    const plan = copyFixture('lights');
    writeFileSync(join(plan, '台账.xls'), oleFile('Workbook'));
    const en = await importXlsx([join(plan, '台账.xls')], { dir: plan, lang: 'en' });
    expect(en.stderr).toContain('is an old-format Excel file (.xls)');
  });
});

describe('--quiet', () => {
  it('prints nothing when every row is read', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'tasks'));
    const book = await saveBook(join(dir, '台账.xlsx'), (wb) => addRows(wb.addWorksheet('台账'), [['2020年'], ['序号', '工作任务', '责任单位', '完成时限'], ['1', '甲任务', '区发改委', '年底前']]));
    const r = await importXlsx([book], { cwd: dir, quiet: true });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(taskFiles(join(dir, 'tasks'))).toEqual(['2020-001.yaml']);
  });
});

describe('draft files', () => {
  it('numbers drafts <year>-NNN in order, keeping the ids the sheet gives and stepping over them', () => {
    expect(draftIds([undefined, undefined, undefined], 2020)).toEqual(['2020-001', '2020-002', '2020-003']);
    expect(draftIds([undefined, '2020-002', undefined, 'K-1'], 2020)).toEqual(['2020-001', '2020-002', '2020-003', 'K-1']);
    expect(draftIds(['2020-001', undefined], 2020)).toEqual(['2020-001', '2020-002']);
    expect(draftIds(Array.from({ length: 1200 }, () => undefined), 2020)[0]).toBe('2020-0001');
  });

  it('knows a draft nobody edited by its checksum, in either language', () => {
    const body = 'id: K-1\ntitle: 甲\n';
    const sum = createHash('sha256').update(body).digest('hex').slice(0, 12);
    expect(isUntouchedDraft(`# yaml-language-server: $schema=x\n# 草稿（校验码 ${sum}）\n${body}`)).toBe(true);
    expect(isUntouchedDraft(`# x\n# Draft (checksum ${sum})\n${body}`)).toBe(true);
    expect(isUntouchedDraft(`# x\n# 草稿（校验码 ${sum}）\n${body.replace('甲', '乙')}`)).toBe(false);
    expect(isUntouchedDraft(body)).toBe(false);
  });
});

describe('cell values as exceljs gives them', () => {
  it.each<[string, ExcelJS.CellValue, string | undefined, string]>([
    ['a string with Excel\'s line ends', '甲\r\n乙_x000D_', undefined, '甲\n乙'],
    ['a number', 12, undefined, '12'],
    ['a number with float noise', 0.1 + 0.2, undefined, '0.3'],
    ['a percent', 0.605, '0.0%', '60.5%'],
    ['a date at UTC midnight', new Date(Date.UTC(2020, 5, 30)), 'yyyy-mm-dd', '2020-06-30'],
    ['a date late in the UTC day', new Date(Date.UTC(2020, 5, 30, 23, 0)), 'yyyy-mm-dd hh:mm', '2020-06-30'],
    ['rich text', { richText: [{ text: '开展' }, { text: '营商环境\r\n' }, { text: '行动' }] }, undefined, '开展营商环境\n行动'],
    ['a formula with its cached result', { formula: 'A1&B1', result: '推进项目' }, undefined, '推进项目'],
    ['a date formula', { formula: 'DATE(2020,6,30)', result: new Date(Date.UTC(2020, 5, 30)) }, undefined, '2020-06-30'],
    ['a formula never calculated', { formula: 'A1' } as ExcelJS.CellValue, undefined, ''],
    ['a formula in error', { formula: '1/0', result: { error: '#DIV/0!' } }, undefined, ''],
    ['a hyperlink', { text: '区发改委', hyperlink: 'https://example.invalid' }, undefined, '区发改委'],
    ['a hyperlink with rich text', { text: { richText: [{ text: '区' }, { text: '财政局' }] }, hyperlink: 'x' } as unknown as ExcelJS.CellValue, undefined, '区财政局'],
    ['a boolean', true, undefined, 'TRUE'],
    ['nothing', null, undefined, ''],
  ])('%s', (_what, value, numFmt, text) => expect(cellText(value, numFmt)).toBe(text));
});

describe('reading back the plan’s own workbooks', () => {
  it('changes nothing, even with --force and a workbook of an earlier date', async () => {
    const dir = tempDir();
    for (const part of ['tasks', 'tasks.config.yaml', 'schemas']) execFileSync('cp', ['-r', join(ROOT, part), dir]);
    const files = () => Object.fromEntries(readdirSync(join(dir, 'tasks')).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(join(dir, 'tasks', f), 'utf8')]));
    const before = files();
    for (const date of ['2020-12-31', '2020-09-30']) {
      expect((await run(['--as-of', date, 'export', 'xlsx', '--out', join(dir, 'out')], { cwd: dir })).code).toBe(0);
      const back = await run(['--as-of', '2020-12-31', 'import', 'xlsx', join(dir, 'out', date, '总表.xlsx'), '--sheet', '全部任务', '--force', '--no-commit'], { cwd: dir });
      expect(back.stderr).toContain('共 141 项：新写入 0，更新 0，未变 141，跳过 0');
    }
    // feedback keeps its 存在问题 and 下步打算 apart; suspended tasks stay suspended; no target value twice
    expect(files()).toEqual(before);
  }, 60_000);
});
