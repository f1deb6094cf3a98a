import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { copyFixture, fixture, run, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

async function exportXlsx(plan: string, out: string, extra: string[] = [], now?: Date) {
  return run(['-C', plan, ...AS_OF, 'export', 'xlsx', '--out', out, ...extra], { now });
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

describe('tasks export xlsx', () => {
  it('writes one workbook per lead official and an overview into a folder named after the date', async () => {
    const out = tempDir();
    const r = await exportXlsx(fixture('lights'), out);
    expect(r.code).toBe(0);
    expect(readdirSync(join(out, '2020-09-30')).sort()).toEqual(['分管城建副区长.xlsx', '区长.xlsx', '常务副区长.xlsx', '总表.xlsx'].sort());
    expect(r.stderr).toContain('已导出 4 个文件');
  });

  it('has the title, the counts, the Chinese header and a row per task with its light in words and colour', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    const ws = (await readBook(join(out, '2020-09-30', '区长.xlsx'))).worksheets[0]!;
    expect(ws.name).toBe('区长');
    expect(ws.getCell('A1').value).toBe('测试区2020年重点工作推进情况（区长，截至2020年9月30日）');
    expect(String(ws.getCell('A2').value)).toContain('共 6 项：已完成 1 项（其中逾期完成 0 项），推进中 3 项（红灯 2 项、黄灯 1 项、绿灯 0 项）');
    expect(rowValues(ws, 3)).toEqual(['序号', '编号', '任务', '所属要点', '牵头单位', '配合单位', '完成时限', '状态', '预警', '预警原因', '逾期天数', '最新进展', '进展日期']);
    // red first, the most overdue first; then yellow; then the rest
    const ids = [4, 5, 6, 7, 8, 9].map((n) => ws.getRow(n).getCell(2).value);
    expect(ids).toEqual(['L-06', 'L-02', 'L-01', 'L-09', 'L-10', 'L-13']);
    const l06 = ws.getRow(4);
    expect(l06.getCell(9).value).toBe('红');
    expect(l06.getCell(10).value).toBe('逾期214天；未按期反馈');
    expect(l06.getCell(11).value).toBe(214);
    expect((l06.getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getRow(6).getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe('FFFFEB9C');
    expect(ws.getRow(6).getCell(10).value).toBe('今天到期');
    expect(['FFFFC7CE', 'FFFFEB9C']).not.toContain((ws.getRow(9).getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb);
    expect(ws.getRow(5).getCell(6).value).toBe('区发改委');
    expect(ws.getRow(5).getCell(10).value).toBe('逾期92天；序时进度滞后：已报60%，时间已过100%；未按期反馈');
    expect(ws.getRow(5).getCell(12).value).toBe('正在推进');
    expect(ws.getRow(5).getCell(13).value).toBe('2020-06-20');
  });

  it('is print-ready: A4 landscape, one page wide, titles repeated, footer with page numbers and date, frozen header, filter, 宋体', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    const ws = (await readBook(join(out, '2020-09-30', '常务副区长.xlsx'))).worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3' });
    expect(ws.headerFooter.oddFooter).toBe('&L截至2020年9月30日&C第 &P 页，共 &N 页&R测试区2020年重点工作');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell('C4').font?.name).toBe('宋体');
    expect(ws.getCell('C4').alignment?.wrapText).toBe(true);
    expect(ws.getRow(4).height).toBeGreaterThan(10);
    expect(ws.getColumn(3).width).toBeGreaterThan(ws.getColumn(1).width ?? 0);
  });

  it('gives the overview the whole plan and the summaries by official and by unit in roster order', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    const wb = await readBook(join(out, '2020-09-30', '总表.xlsx'));
    // the summaries first: they are what is read at the meeting
    expect(wb.worksheets.map((w) => w.name)).toEqual(['分领导汇总', '分单位汇总', '全部任务']);
    const all = wb.worksheets[2]!;
    expect(rowValues(all, 3)).toContain('牵头责任领导');
    expect(all.rowCount).toBe(3 + 14);
    const leads = wb.worksheets[0]!;
    expect([3, 4, 5, 6].map((n) => leads.getRow(n).getCell(2).value)).toEqual(['区长', '常务副区长', '分管城建副区长', '合计']);
    expect(leads.getRow(6).getCell(3).value).toBe(14);
    expect(leads.getRow(3).getCell(12).value).toBeCloseTo(0.2);
    expect(leads.getRow(3).getCell(12).numFmt).toBe('0.0%');
  });

  it('gives byte-identical files for the same tasks and date, whenever it runs', async () => {
    const a = tempDir();
    const b = tempDir();
    await exportXlsx(fixture('lights'), a, [], new Date('2021-03-01T08:00:00Z'));
    await exportXlsx(fixture('lights'), b, [], new Date('2022-07-15T23:59:00Z'));
    for (const name of readdirSync(join(a, '2020-09-30'))) {
      const hash = (dir: string) => createHash('sha256').update(readFileSync(join(dir, '2020-09-30', name))).digest('hex');
      expect(hash(b)).toBe(hash(a));
    }
  });

  it('writes a title that starts with = as text, never as a formula, and makes names safe', async () => {
    const out = tempDir();
    const r = await exportXlsx(fixture('names'), out);
    expect(r.code).toBe(0);
    const files = readdirSync(join(out, '2020-09-30')).sort();
    expect(files).toEqual(['_CON.xlsx', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十.xlsx', '张三_李四.xlsx', '总表.xlsx', '未命名.xlsx', '王五👍.xlsx'].sort());
    const ws = (await readBook(join(out, '2020-09-30', '张三_李四.xlsx'))).worksheets[0]!;
    expect(ws.name).toBe('张三_李四');
    const cell = ws.getRow(4).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://evil.invalid","点我")');
    const long = (await readBook(join(out, '2020-09-30', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十.xlsx'))).worksheets[0]!;
    expect(long.name).toHaveLength(31);
    expect(r.stderr).toContain('无任务的领导');
  });

  it('writes an empty sheet for an official with no tasks only with --include-empty', async () => {
    const out = tempDir();
    await exportXlsx(fixture('names'), out, ['--include-empty']);
    const ws = (await readBook(join(out, '2020-09-30', '无任务的领导.xlsx'))).worksheets[0]!;
    expect(ws.getRow(4).getCell(1).value).toBe('（无任务）');
  });

  it('exports per unit with --by unit into a folder of its own, with the tasks shared as a co-unit in a second block, and honours the filters of tasks list', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    await exportXlsx(fixture('lights'), out, ['--by', 'unit', '--light', 'red']);
    expect(readdirSync(out).sort()).toEqual(['2020-09-30', '2020-09-30-分单位']);
    expect(readdirSync(join(out, '2020-09-30')).sort()).toEqual(['分管城建副区长.xlsx', '区长.xlsx', '常务副区长.xlsx', '总表.xlsx'].sort());
    expect(readdirSync(join(out, '2020-09-30-分单位')).sort()).toEqual(['区住建局.xlsx', '区发改委.xlsx', '区财政局.xlsx', '总表.xlsx'].sort());
    const ws = (await readBook(join(out, '2020-09-30-分单位', '区财政局.xlsx'))).worksheets[0]!;
    expect(rowValues(ws, 3)).toContain('牵头责任领导');
    expect(ws.getRow(4).getCell(2).value).toBe('L-02');
    // L-03 is led by 区住建局 with 区财政局 as a co-unit
    expect(ws.getRow(5).getCell(1).value).toBe('区财政局为配合单位的任务（1 项）');
    expect(ws.getRow(6).getCell(2).value).toBe('L-03');
    expect(rowValues(ws, 6)).toContain('区住建局');
    expect(rowValues(ws, 6)).toContain('节点“完成招标”逾期92天');
  });

  it('names files in the plan’s language whatever --lang says, and gives an extended task its original deadline', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out, ['--lang', 'en']);
    expect(readdirSync(join(out, '2020-09-30')).sort()).toEqual(['分管城建副区长.xlsx', '区长.xlsx', '常务副区长.xlsx', '总表.xlsx'].sort());
    const ws = (await readBook(join(out, '2020-09-30', '常务副区长.xlsx'))).worksheets[0]!;
    const header = rowValues(ws, 3);
    expect(header).toContain('original deadline');
    const l14 = rowValues(ws, 8);
    expect(l14[1]).toBe('L-14');
    expect(l14[header.indexOf('deadline')]).toBe('2020-10-31');
    expect(l14[header.indexOf('original deadline')]).toBe('2020-06-30');
    expect(l14[header.indexOf('why')]).toBe('92 days overdue against the original deadline');
  });

  it('replaces the date folder as a whole on a re-run', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    writeFileSync(join(out, '2020-09-30', 'stale.txt'), 'x');
    await exportXlsx(fixture('lights'), out, ['--lead', '区长']);
    // L-02 is led by 区长 and 常务副区长 together, so it gives 常务副区长 a workbook too
    expect(readdirSync(join(out, '2020-09-30')).sort()).toEqual(['区长.xlsx', '常务副区长.xlsx', '总表.xlsx']);
    expect(readdirSync(out)).toEqual(['2020-09-30']);
  });

  it('still exports the readable tasks when a file is unreadable, lists it and exits 1', async () => {
    const plan = copyFixture('lights');
    writeFileSync(join(plan, 'tasks', 'L-99.yaml'), 'id: L-99\ntitle: [\n');
    const out = tempDir();
    const r = await exportXlsx(plan, out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('tasks/L-99.yaml:');
    expect(existsSync(join(out, '2020-09-30', '总表.xlsx'))).toBe(true);
  });

  it('says so, exits 4 and leaves the old export untouched when the folder cannot be written', async () => {
    const out = tempDir();
    await exportXlsx(fixture('lights'), out);
    const before = readdirSync(join(out, '2020-09-30')).sort();
    chmodSync(out, 0o555);
    try {
      const r = await exportXlsx(fixture('lights'), out, ['--lead', '区长']);
      if (process.getuid?.() === 0) return; // root writes anyway; the permission case needs an ordinary user
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('无法写入');
    } finally {
      chmodSync(out, 0o755);
    }
    expect(readdirSync(join(out, '2020-09-30')).sort()).toEqual(before);
  });

  it('exits 4 when the output path is a file, leaving nothing behind', async () => {
    const dir = tempDir();
    const out = join(dir, 'not-a-folder');
    writeFileSync(out, 'x');
    const r = await exportXlsx(fixture('lights'), out);
    expect(r.code).toBe(4);
    expect(readdirSync(dir)).toEqual(['not-a-folder']);
  });
});

describe('tasks export csv', () => {
  /** Parses CSV as Excel does: RFC 4180 quoting, CRLF rows. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') row.push(cell), (cell = '');
      else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
      else cell += ch;
    }
    return rows;
  }

  it('writes UTF-8 with a BOM, CRLF, quoting, and neutralised formulas, keeping numbers as numbers', async () => {
    const out = tempDir();
    const r = await run(['-C', fixture('names'), ...AS_OF, 'export', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(join(out, '2020-09-30-csv', '重点工作.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 4)).toEqual(['序号', '编号', '任务', '牵头责任领导']);
    const n1 = rows.find((r) => r[1] === 'N-1')!;
    expect(n1[2]).toBe(`'=HYPERLINK("http://evil.invalid","点我")`);
    expect(n1[12]).toBe(`'+86 0559 联系人`);
    expect(n1[11]).toBe('92');
  });

  it('writes GB18030 on request, keeping rare characters that GBK would lose', async () => {
    const plan = copyFixture('names');
    writeFileSync(join(plan, 'tasks', 'N-6.yaml'), 'id: N-6\ntitle: 生僻字䶮𠈌𬌗\nlead: CON\nunits: [区发改委]\ndeadline: 2020-12-31\nstatus: in_progress\n');
    const out = tempDir();
    await run(['-C', plan, ...AS_OF, 'export', 'csv', '--out', out, '--encoding', 'gb18030']);
    const text = new TextDecoder('gb18030').decode(readFileSync(join(out, '2020-09-30-csv', '重点工作.csv')));
    expect(text).toContain('生僻字䶮𠈌𬌗');
    const bad = await run(['-C', plan, ...AS_OF, 'export', 'csv', '--out', out, '--encoding', 'gbk']);
    expect(bad.code).toBe(2);
  });

  it('writes one file per official with --split', async () => {
    const out = tempDir();
    await run(['-C', fixture('lights'), ...AS_OF, 'export', 'csv', '--out', out, '--split']);
    expect(readdirSync(join(out, '2020-09-30-csv')).sort()).toEqual(['分管城建副区长.csv', '区长.csv', '常务副区长.csv', '重点工作.csv'].sort());
  });
});

describe('file and sheet names', () => {
  it('are made safe', async () => {
    const { safeFileName, safeSheetName } = await import('../../src/core/names.js');
    const used = new Set<string>();
    expect(safeFileName('张三/李四', used)).toBe('张三_李四');
    expect(safeFileName('..\\..\\etc\\passwd', used)).toBe('_.._etc_passwd');
    expect(safeFileName('con.txt', used)).toBe('_con.txt');
    expect(safeFileName('COM¹', used)).toBe('_COM¹');
    expect(safeFileName(' 王五. ', used)).toBe('王五');
    expect(safeFileName('赵\u202e六', used)).toBe('赵六');
    expect(safeFileName('张三_李四', used)).toBe('张三_李四(2)');
    expect(safeFileName('ZHANG', used)).toBe('ZHANG');
    expect(safeFileName('zhang', used)).toBe('zhang(2)');
    expect(Buffer.byteLength(safeFileName('一'.repeat(60), used))).toBeLessThanOrEqual(150);
    const sheets = new Set<string>();
    expect(safeSheetName('a[b]:c*?/\\', sheets)).toBe('a_b__c____');
    expect(safeSheetName('History', sheets)).toBe('History_');
    const long = safeSheetName(`${'一'.repeat(30)}𠈌`, sheets);
    expect(long).toBe('一'.repeat(30));
    expect(safeSheetName('一'.repeat(30), sheets)).toBe(`${'一'.repeat(28)}(2)`);
  });
});
