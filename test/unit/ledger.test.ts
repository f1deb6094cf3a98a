import { describe, expect, it } from 'vitest';
import { exportVocabulary, parseStatus, parseTargetText, readDate, resolveDeadline, statusWords, titleOf, unitsOf } from '../../src/import/ledger-cells.js';
import {
  classifyHeader, headerAliases, fillMerged, findHeader, normalizeHeader, yearInTitle, type CellRange, type Field, type LedgerSheet,
} from '../../src/import/ledger-header.js';
import { readLedger } from '../../src/import/ledger-rows.js';
import { messages } from '../../src/i18n/index.js';

const vocabularies = [exportVocabulary(messages('zh')), exportVocabulary(messages('en'))];

/** A sheet as xlsx-read gives it: merged cells filled with their top-left text. */
function sheet(rows: string[][], merges: CellRange[] = [], name = '台账'): LedgerSheet {
  return { name, rows: fillMerged(rows, merges), merges };
}

/** Merges across a whole row of `width` columns. */
const across = (row: number, width: number): CellRange => ({ top: row, left: 1, bottom: row, right: width });
const down = (column: number, top: number, bottom: number): CellRange => ({ top, left: column, bottom, right: column });

function read(s: LedgerSheet, year = 2020, map?: Map<string, Field>) {
  const header = findHeader(s, { vocabularies, map });
  if (!header) throw new Error('no header');
  return { header, ...readLedger(s, header, year, { vocabularies }) };
}

describe('column names', () => {
  const aliases = headerAliases({ vocabularies });
  it.each<[string, Field | undefined]>([
    ['序号', 'no'], ['序 号', 'no'], ['工作任务', 'task'], ['重点任务', 'task'], ['任务内容', 'task'], ['主要任务', 'task'], ['任务', 'task'],
    ['牵头责任领导', 'lead'], ['牵头责任\n领导', 'lead'], ['责任领导', 'lead'], ['分管领导', 'lead'], ['牵头领导', 'lead'], ['分管区领导', 'lead'],
    ['区级责任领导', 'lead'], ['牵头单位', 'lead_unit'], ['牵头单位：', 'lead_unit'], ['责任单位', 'units'], ['配合单位', 'units'], ['协办单位', 'units'],
    ['完成时限', 'deadline'], ['时间节点', 'deadline'], ['完成时间', 'deadline'], ['计划完成时限', 'deadline'], ['所属要点', 'point'],
    ['工作要点', 'point'], ['所属部分', 'section'], ['编号', 'id'], ['状态', 'status'], ['最新进展', 'progress'], ['进展日期', 'progress_date'],
    ['指标（目标/实际）', 'targets'], ['指标(目标/实际)', 'targets'], ['预警', 'ignore'], ['逾期天数', 'ignore'], ['实际完成时间', 'done_on'],
    ['lead official', 'lead'], ['co-units', 'units'], ['reported', 'progress_date'],
    ['备注', undefined], ['领导批示', undefined], ['屯溪区2020年重点工作任务分解表', undefined], ['', undefined],
  ])('%j is %s', (name, field) => expect(classifyHeader(name, aliases)).toBe(field));

  it('compares names without spaces, line breaks, bracket width or a trailing colon', () => {
    expect(normalizeHeader(' 牵头\n单位： ')).toBe('牵头单位');
    expect(normalizeHeader('指标(目标/实际)')).toBe('指标（目标/实际）');
  });

  it('lets --map name any other column, and overrides a known name', () => {
    const map = new Map<string, Field>([['工作措施', 'detail'], ['完成时间', 'done_on']]);
    expect(classifyHeader('工作措施', new Map(), map)).toBe('detail');
    expect(classifyHeader('完成时间', new Map(), map)).toBe('done_on');
  });
});

describe('finding the header row', () => {
  it('skips title, date and blank rows above it', () => {
    const s = sheet([['某区2021年重点工作任务清单'], ['填报日期：2021年3月1日'], [], ['序号', '重点任务', '责任单位', '完成时限'], ['1', '甲', '乙', '年底前']], [across(1, 4), across(2, 4)]);
    const header = findHeader(s, { vocabularies })!;
    expect(header).toMatchObject({ row: 4, dataStart: 5, ownExport: false });
    expect(header.columns.map((c) => c.field)).toEqual(['no', 'task', 'units', 'deadline']);
    expect(yearInTitle(s, header)).toBe(2021);
  });

  it.each([
    ['no task column', [['序号', '责任单位', '完成时限']]],
    ['a task column alone', [['工作任务']]],
    ['nothing', [[]]],
    ['the header below row 20', [...Array.from({ length: 20 }, () => ['说明']), ['序号', '工作任务', '责任单位']]],
  ])('finds none with %s', (_what, rows) => expect(findHeader(sheet(rows as string[][]), { vocabularies })).toBeUndefined());

  it('reads a two-row header: 责任单位 split into 牵头 and 配合, 工作任务 merged down over both rows', () => {
    const s = sheet(
      [['序号', '工作任务', '责任领导', '责任单位', '', '完成时限'], ['', '', '', '牵头', '配合', ''], ['1', '甲任务', '区长', '区发改委', '区财政局、区统计局', '6月底']],
      [down(1, 1, 2), down(2, 1, 2), down(3, 1, 2), { top: 1, left: 4, bottom: 1, right: 5 }, down(6, 1, 2)],
    );
    const { header, drafts } = read(s);
    expect(header).toMatchObject({ row: 1, dataStart: 3 });
    expect(header.columns.map((c) => c.field)).toEqual(['no', 'task', 'lead', 'lead_unit', 'units', 'deadline']);
    expect(drafts[0]!.task.units).toEqual(['区发改委', '区财政局', '区统计局']);
  });

  it('reads a two-row header whose upper row only groups the columns (责任分工 over 牵头领导 | 牵头单位 | 配合单位)', () => {
    const s = sheet(
      [['序号', '工作任务', '责任分工', '', '', '完成时限'], ['', '', '牵头领导', '牵头单位', '配合单位', ''], ['1', '甲任务', '区长', '区发改委', '区财政局', '6月底']],
      [down(1, 1, 2), down(2, 1, 2), { top: 1, left: 3, bottom: 1, right: 5 }, down(6, 1, 2)],
    );
    const { header, drafts } = read(s);
    expect(header.row).toBe(2);
    expect(drafts[0]!.task).toMatchObject({ lead: '区长', units: ['区发改委', '区财政局'] });
  });

  it('takes a 编号 column of 1, 2, 3 for numbering, and one of real ids for ids', () => {
    const numbered = findHeader(sheet([['编号', '工作任务', '责任单位'], ['1', '甲', '乙'], ['2.', '丙', '丁']]), { vocabularies })!;
    expect(numbered.columns[0]!.field).toBe('no');
    const ids = findHeader(sheet([['编号', '工作任务', '责任单位'], ['2020-001', '甲', '乙']]), { vocabularies })!;
    expect(ids.columns[0]!.field).toBe('id');
  });

  it('makes a second text column the detail: 任务名称 beside 任务内容', () => {
    const { drafts } = read(sheet([['任务名称', '任务内容', '责任单位'], ['老旧小区改造', '完成老旧小区改造27个，惠及居民3000户。', '区住建局']]));
    expect(drafts[0]!.task).toMatchObject({ title: '老旧小区改造', detail: '完成老旧小区改造27个，惠及居民3000户。' });
  });

  it('recognises our own export in either language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const c = messages(lang).exports.col;
      const header = findHeader(sheet([[c.no, c.id, c.title, c.lead, c.deadline, c.light]]), { vocabularies })!;
      expect(header.ownExport).toBe(true);
      expect(header.columns.map((x) => x.field)).toEqual(['no', 'id', 'task', 'lead', 'deadline', 'ignore']);
    }
  });

  it('reports the --map names the header lacks', () => {
    const header = findHeader(sheet([['序号', '工作任务', '类别']]), { map: new Map<string, Field>([['类别', 'tags'], ['分类', 'tags']]) })!;
    expect(header.columns[2]!.field).toBe('tags');
    expect(header.mapUnused).toEqual(['分类']);
  });
});

describe('deadlines as written', () => {
  it.each<[string, string | undefined, string | undefined]>([
    ['2020年12月底前', '2020-12-31', '2020年12月底前'],
    ['6月底', '2020-06-30', '6月底'],
    ['6月底前', '2020-06-30', '6月底前'],
    ['年底前', '2020-12-31', '年底前'],
    ['三季度末', '2020-09-30', '三季度末'],
    ['上半年', '2020-06-30', '上半年'],
    ['长期坚持', '2020-12-31', '长期坚持'],
    ['持续推进', '2020-12-31', '持续推进'],
    ['每季度', '2020-12-31', '每季度'],
    ['常态化', '2020-12-31', '常态化'],
    ['9月30日', '2020-09-30', '9月30日'],
    ['2021年3月底', '2021-03-31', '2021年3月底'],
    ['10月', '2020-10-31', '10月'],
    ['9.30', '2020-09-30', '9.30'],
    ['6月底前完成主体工程', '2020-06-30', '6月底前完成主体工程'],
    ['2020-06-30', '2020-06-30', undefined],
    ['2020年6月30日', '2020-06-30', undefined],
    ['2020/6/30', '2020-06-30', undefined],
    ['44012', '2020-06-30', undefined],
    ['2020-10-31（原2020-06-30，已延期）', '2020-10-31', undefined],
    ['2020-10-31 (was 2020-06-30, extended)', '2020-10-31', undefined],
    ['2020-10-31（经区长办公会同意）', '2020-10-31', '2020-10-31（经区长办公会同意）'],
    ['待定', undefined, undefined],
    ['视情况而定', undefined, undefined],
    ['2020-02-30', undefined, undefined],
  ])('%j → %s', (cell, date, text) => {
    const resolved = resolveDeadline(cell, 2020, vocabularies);
    expect(resolved?.date).toBe(date);
    expect(resolved?.text).toBe(text);
  });

  it('reads steps: the last is the deadline, the earlier ones milestones', () => {
    expect(resolveDeadline('6月底前完成方案编制；\n9月底前完成招标\n年底前全面建成', 2020)).toEqual({
      date: '2020-12-31',
      text: '6月底前完成方案编制；\n9月底前完成招标\n年底前全面建成',
      milestones: [{ title: '完成方案编制', due: '2020-06-30' }, { title: '完成招标', due: '2020-09-30' }],
    });
  });

  it.each<[string, string | undefined]>([
    ['2020-09-20', '2020-09-20'], ['2020年9月20日', '2020-09-20'], ['9月20日', '2020-09-20'], ['20200920', '2020-09-20'],
    ['44094', '2020-09-20'], ['9.20', '2020-09-20'], ['9月20', '2020-09-20'], ['9月', '2020-09-30'], ['长期', undefined], ['不详', undefined],
  ])('a progress date %j → %s', (cell, date) => expect(readDate(cell, 2020)).toBe(date));
});

describe('statuses, targets, units and titles', () => {
  const table = statusWords(vocabularies);

  it.each([
    ['已完成', 'done'], ['推进中', 'in_progress'], ['未启动', 'not_started'], ['暂缓', 'suspended'], ['已取消', 'cancelled'],
    ['in progress', 'in_progress'], ['In_Progress', 'in_progress'], ['done', 'done'], ['not started', 'not_started'], ['已完成（6月20日）', 'done'],
    ['逾期完成', 'done'], ['正在推进', 'in_progress'], ['已办结', 'done'], ['暂停', 'suspended'], ['???', undefined],
  ])('status %j → %s', (text, status) => expect(parseStatus(text, table)).toBe(status));

  it.each([
    ['实施省亿元以上项目：目标18个，实际12个', { name: '实施省亿元以上项目', target: 18, unit: '个', actual: 12 }],
    ['调查失业率：目标≤5%，实际3.2%', { name: '调查失业率', target: 5, unit: '%', actual: 3.2, direction: 'max' }],
    ['研发投入强度：目标1.3%，实际未报', { name: '研发投入强度', target: 1.3, unit: '%' }],
    ['新增市场主体：目标3000，实际2800', { name: '新增市场主体', target: 3000, actual: 2800 }],
    ['unemployment: target ≤5%, actual 4%', { name: 'unemployment', target: 5, unit: '%', actual: 4, direction: 'max' }],
    ['patents: target 30件, actual not reported', { name: 'patents', target: 30, unit: '件' }],
    ['新增就业3000人', undefined],
  ])('our export\'s target %j', (text, target) => expect(parseTargetText(text, vocabularies)).toEqual(target));

  it.each<[string[], string[], string[]]>([
    [['区发改委'], ['区财政局、区统计局'], ['区发改委', '区财政局', '区统计局']],
    [[], ['区财政局，区统计局;区审计局；区人社局,区民政局\n区教育局'], ['区财政局', '区统计局', '区审计局', '区人社局', '区民政局', '区教育局']],
    [[], ['区财政局 区统计局'], ['区财政局', '区统计局']],
    [[], ['区财政局、区发改委（牵头）'], ['区发改委', '区财政局']],
    [[], ['区发改委牵头，区财政局、区统计局配合'], ['区发改委', '区财政局', '区统计局']],
    [['区发改委'], ['区发改委、区财政局'], ['区发改委', '区财政局']],
  ])('units %j + %j → %j', (lead, others, units) => expect(unitsOf(lead, others)).toEqual(units));

  it.each([
    ['持续做好机构改革“后半篇文章”，加快政府职能转变。', '持续做好机构改革“后半篇文章”'],
    ['1.加快推进5G基站建设，年内新建200个。', '加快推进5G基站建设'],
    ['推进\n重点项目建设，确保完成投资。', '推进重点项目建设'],
    ['统筹三项工作：\n1.完成方案\n2.组织实施', '统筹三项工作'],
    ['完成1.5万亩高标准农田建设。', '完成1.5万亩高标准农田建设'],
  ])('title of %j is %j', (text, title) => expect(titleOf(text)).toBe(title));
});

describe('reading the rows', () => {
  const HEAD = ['序号', '工作任务', '牵头责任领导', '牵头单位', '责任单位', '完成时限'];

  it('gives merged-down officials and points to every row they cover, and reads headings between the rows', () => {
    const s = sheet(
      [
        ['序号', '所属要点', '工作任务', '牵头责任领导', '责任单位', '完成时限'],
        ['一、深化改革'],
        ['1', '（一）巩固改革成果', '甲任务', '常务副区长', '区委编办', '6月底'],
        ['2', '', '乙任务', '', '区财政局', '年底前'],
        ['二', '', '扩大投资', '', '', ''],
        ['（一）', '', '实施双百工程', '', '', ''],
        ['3', '', '丙任务', '区长', '区发改委', '三季度末'],
      ],
      [across(2, 6), down(2, 3, 4), down(4, 3, 4)],
    );
    const { drafts, problems, sections, points } = read(s);
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.row, d.task.section, d.task.point, d.task.lead])).toEqual([
      [3, '一、深化改革', '（一）巩固改革成果', '常务副区长'],
      [4, '一、深化改革', '（一）巩固改革成果', '常务副区长'],
      [7, '二、扩大投资', '（一）实施双百工程', '区长'],
    ]);
    expect([sections, points]).toEqual([2, 2]);
  });

  it.each([
    ['merged across the row', [['一、深化改革']], [across(2, 6)], { section: '一、深化改革' }],
    ['numbered in the task column alone', [['', '（二）实施双百工程', '', '', '', '']], [], { point: '（二）实施双百工程' }],
    ['a Chinese number in 序号', [['三', '民生保障', '', '', '', '']], [], { section: '三、民生保障' }],
    ['（一） in 序号', [['（一）', '教育', '', '', '', '']], [], { point: '（一）教育' }],
    ['half-width brackets', [['(二)', '卫生', '', '', '', '']], [], { point: '（二）卫生' }],
  ] as const)('takes a heading %s', (_how, heading, merges, expected) => {
    const s = sheet([HEAD, ...(heading as unknown as string[][]), ['1', '甲任务', '区长', '区发改委', '', '年底前']], merges as unknown as CellRange[]);
    expect(read(s).drafts[0]!.task).toMatchObject(expected);
  });

  it('takes a task numbered 一、 with units and a deadline as a task, not a heading', () => {
    const { drafts } = read(sheet([HEAD, ['一、', '甲任务', '区长', '区发改委', '', '年底前']]));
    expect(drafts).toHaveLength(1);
    expect(drafts[0]!.task.section).toBeUndefined();
  });

  it('reads a task whose text is merged down over several rows as one task', () => {
    const s = sheet(
      [HEAD, ['1', '实施老旧小区改造', '分管城建副区长', '区住建局', '区财政局', '6月底'], ['', '', '', '', '区城管局', '年底前'], ['2', '乙任务', '区长', '区发改委', '', '年底前']],
      [down(1, 2, 3), down(2, 2, 3), down(3, 2, 3), down(4, 2, 3)],
    );
    const { drafts } = read(s);
    expect(drafts.map((d) => d.row)).toEqual([2, 4]);
    expect(drafts[0]!.task).toMatchObject({ units: ['区住建局', '区财政局', '区城管局'], deadline: '2020-12-31', deadline_text: '6月底；年底前' });
  });

  it('leaves out blank rows, repeated headers, a 栏次 row, numbering-only rows and notes, and reports rows it cannot read', () => {
    const s = sheet([
      HEAD,
      ['1', '2', '3', '4', '5', '6'],
      ['1', '甲任务', '区长', '区发改委', '', '年底前'],
      [],
      HEAD,
      ['2', '', '区长', '区发改委', '', '年底前'],
      ['3', '乙任务', '区长', '区发改委', '', '待定'],
      ['4', '', '', '', '', ''],
      ['5', '丙任务', '', '', '', ''],
      ['注：本表由区政府办汇总。'],
      ['填表人：张三', '', '联系电话：1234567'],
    ]);
    const { drafts, problems, unassigned } = read(s);
    expect(drafts.map((d) => [d.row, d.task.title])).toEqual([[3, '甲任务'], [9, '丙任务']]);
    expect(problems).toEqual([
      { row: 6, severity: 'error', code: 'no_task_text', text: '' },
      { row: 7, severity: 'error', code: 'bad_deadline', text: '待定' },
      { row: 9, severity: 'warning', code: 'no_deadline', text: '2020-12-31' },
    ]);
    expect(drafts[1]!.task).toMatchObject({ lead: '待定', units: ['待定'], deadline: '2020-12-31' });
    expect(unassigned).toBe(1);
  });

  it('reads status, progress, completion, targets, ids and tags, and says what it assumed', () => {
    const s = sheet([
      ['填报日期：2020年9月30日'],
      ['编号', '工作任务', '责任单位', '完成时限', '状态', '最新进展', '完成进度', '量化指标', '标签'],
      ['A-1', '甲任务', '区发改委', '年底前', '推进中', '已完成方案', '60%', '实施项目：目标18个，实际12个', '民生工程、重点项目'],
      ['A-1', '乙任务', '区发改委', '6月底', '已完成', '', '', '新增就业3000人以上', ''],
      ['甲 1', '丙任务', '区发改委', '年底前', '正常', '', '0.5', '', ''],
      ['', '丁任务', '区发改委', '年底前', '', '', '', '好好干', ''],
    ]);
    const { drafts, problems, progressDateFromTitle } = read(s);
    expect(drafts.map((d) => d.id)).toEqual(['A-1', undefined, undefined, undefined]);
    expect(drafts[0]!.task).toMatchObject({
      status: 'in_progress',
      progress: [{ date: '2020-09-30', note: '已完成方案', percent: 60 }],
      targets: [{ name: '实施项目', target: 18, unit: '个', actual: 12 }],
      tags: ['民生工程', '重点项目'],
    });
    expect(drafts[1]!.task).toMatchObject({ status: 'done', done_on: '2020-06-30', targets: [{ name: '新增就业', target: 3000, unit: '人' }] });
    expect(drafts[2]!.task.status).toBe('not_started');
    expect(drafts[3]!.task.status).toBe('not_started');
    expect(progressDateFromTitle).toBe('2020-09-30');
    expect(problems).toEqual([
      { row: 4, severity: 'warning', code: 'done_without_date', text: '2020-06-30' },
      { row: 4, severity: 'warning', code: 'duplicate_id', text: 'A-1' },
      { row: 5, severity: 'warning', code: 'bad_status', text: '正常', status: 'not_started' },
      { row: 5, severity: 'warning', code: 'bad_id', text: '甲 1' },
      { row: 6, severity: 'warning', code: 'bad_target', text: '好好干' },
    ]);
  });

  it('does not date progress with nothing: no date column and no date in the title', () => {
    const { drafts, problems } = read(sheet([['工作任务', '责任单位', '最新进展'], ['甲任务', '区发改委', '正在推进']]));
    expect(drafts[0]!.task.progress).toBeUndefined();
    expect(problems).toEqual([{ row: 2, severity: 'warning', code: 'progress_without_date', text: '正在推进' }]);
  });

  it('keeps our export\'s titles word for word, and names the official of a per-official workbook by its sheet', () => {
    const c = messages('zh').exports.col;
    const s = sheet(
      [[c.no, c.id, c.title, c.point, c.leadUnit, c.coUnits, c.deadline, c.status, c.light], ['1', 'X-1', '实施项目18个，市级项目27个', '（一）要点', '区发改委', '区财政局', '2020-06-30', '推进中', '红']],
      [],
      '常务副区长',
    );
    const { drafts } = read(s);
    expect(drafts[0]!.task).toEqual({
      title: '实施项目18个，市级项目27个', point: '（一）要点', lead: '常务副区长', units: ['区发改委', '区财政局'], deadline: '2020-06-30', status: 'in_progress',
    });
  });
});

describe('merged cells', () => {
  it('fills every cell of a range with its top-left text and squares the rows', () => {
    expect(fillMerged([['a', '', 'b'], ['', ''], ['c']], [{ top: 1, left: 1, bottom: 2, right: 2 }])).toEqual([
      ['a', 'a', 'b'],
      ['a', 'a', ''],
      ['c', '', ''],
    ]);
  });
});
