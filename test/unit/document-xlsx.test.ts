// The report document as workbook sheets, written by the export writer and read back with
// exceljs cell by cell.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/i18n/index.js';
import { paragraph, section, table, type ReportDocument } from '../../src/render/document.js';
import { documentSheets, sheetName } from '../../src/render/document-xlsx.js';
import { writeWorkbook } from '../../src/render/xlsx.js';
import { xunReport } from '../fixtures/documents/xun-report.js';

const zh = messages('zh');

describe('the document as workbook sheets', async () => {
  const sheets = documentSheets(xunReport, zh);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await writeWorkbook(sheets, xunReport.date, 'tasks')) as unknown as ArrayBuffer);
  const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
  const find = (ws: ExcelJS.Worksheet, text: string) => {
    for (let n = 1; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === text) return n;
    throw new Error(`no row starting with ${text}`);
  };

  it('gives one sheet per top-level section, and one for what stands before them', () => {
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['概况', '总体情况', '本旬完成情况', '逾期未完成情况', '反馈情况', '下一旬到期事项']);
    expect(sheets.map((s) => s.orientation)).toEqual(['portrait', 'portrait', 'portrait', 'landscape', 'portrait', 'portrait']);
    for (const s of sheets) {
      expect(s.footerLeft).toBe('第27期  （2020年9月21日—9月30日）');
      expect(s.footerRight).toBe('屯溪区2020年重点工作旬调度情况');
    }
  });

  it('puts the headline under the document title on the first sheet', () => {
    const ws = book.getWorksheet('概况')!;
    expect(ws.getCell('A1').value).toBe('屯溪区2020年重点工作旬调度情况');
    expect(ws.getCell('A2').value).toBe('第27期　（2020年9月21日—9月30日）');
    expect(String(ws.getCell('A3').value)).toMatch(/^截至9月30日，全区141项重点工作已完成62项/);
    expect(ws.rowCount).toBe(3);
  });

  it('writes a section’s text as lines above its tables, each table with its caption and header', () => {
    const ws = book.getWorksheet('总体情况')!;
    expect(ws.getCell('A1').value).toBe('一、总体情况');
    expect(ws.getCell('A2').value).toBe('一是完成进度稳步提升。本旬新完成8项，其中提前完成2项，按期完成5项，逾期完成1项。');
    expect(ws.getCell('A4').value).toBe('表1　主要指标');
    expect(ws.getCell('A4').font.bold).toBe(true);
    expect(values(ws, 5)).toEqual(['指标', '本旬', '上旬', '变化']);
    expect(values(ws, 6)).toEqual(['任务总数', 141, 141, '—']);
    expect(values(ws, 10)).toEqual(['红灯', 32, 30, '增加2项']);
    expect((ws.getCell('A10').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell('B11').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFEB9C');
    const caption = find(ws, '表2　完成率');
    expect(ws.getCell(`A${caption}`).font.bold).toBe(true);
    expect(values(ws, caption + 1)).toEqual(['口径', '本旬', '上旬', '序时进度']);
    expect(values(ws, caption + 2)).toEqual(['全部任务', 0.44, 0.397, 0.749]);
    expect(ws.getCell(`B${caption + 2}`).numFmt).toBe('0.0%');
    // the first table's header is the one frozen and filtered
    expect(ws.autoFilter).toBe('A5:D5');
  });

  it('spreads an empty table’s text across it, and keeps every row of a long table', () => {
    const ws = book.getWorksheet('逾期未完成情况')!;
    expect(ws.getCell('A2').value).toBe('（一）新增红灯');
    const empty = find(ws, '本旬无新增红灯任务');
    expect(ws.getCell(`E${empty}`).isMerged).toBe(true);
    expect(values(ws, empty - 1)).toEqual(['序号', '编号', '任务', '牵头单位', '逾期天数']);
    const header = find(ws, '表5　逾期未完成任务') + 1;
    expect(values(ws, header)).toEqual(['序号', '编号', '任务', '牵头单位', '完成时限', '逾期天数', '最新进展']);
    expect(values(ws, header + 1).slice(0, 6)).toEqual([1, '2020-002', '持续深化“放管服”“互联网+政务服务”和“一网一门一次”改革', '区数据资源局', '2020-06-30', 92]);
    expect(ws.getRow(header + 32).getCell(2).value).toBe('2020-121');
    expect(ws.getCell(`A${header + 34}`).value).toBe('注：逾期90天以上的任务以红色底纹标出。逾期天数按完成时限次日起算，截至9月30日。');
  });

  it('writes the total row bold with its numbers and shares', () => {
    const ws = book.getWorksheet('反馈情况')!;
    const total = find(ws, '合计');
    expect(values(ws, total)).toEqual(['合计', 40, 35, 2, 3, 0.875]);
    expect(ws.getCell(`B${total}`).font.bold).toBe(true);
    expect(ws.getCell(`F${total}`).numFmt).toBe('0.0%');
    expect(find(ws, '区住建局：2020-041、2020-052未报送；')).toBeGreaterThan(1);
  });

  it('gives a sheet of text only its lines, without a table', () => {
    const ws = book.getWorksheet('下一旬到期事项')!;
    expect(ws.getCell('A1').value).toBe('五、下一旬到期事项');
    expect(ws.getCell('A2').value).toBe('10月上旬到期的任务1项、节点2个，请相关单位抓紧推进。');
    expect(ws.rowCount).toBe(2);
    expect(ws.autoFilter).toBeFalsy();
  });

  it('makes sheet names Excel accepts: no []:*?/\\, at most 31 characters, unique', () => {
    const used = new Set<string>();
    expect(sheetName('一/二:三[四]*?\\', used)).toBe('一 二 三 四');
    const long = '很长'.repeat(20);
    expect(sheetName(long, used)).toBe(long.slice(0, 31));
    expect(sheetName(long, used)).toBe(`${long.slice(0, 28)}(2)`);
    expect(sheetName('', used)).toBe('Sheet');
    const doc: ReportDocument = { title: 'T', subtitle: [], date: '2020-09-30', blocks: [section('同名', paragraph('a')), section('同名', paragraph('b'))] };
    expect(documentSheets(doc, zh).map((s) => s.name)).toEqual(['同名', '同名(2)']);
  });

  it('cleans task text of escape sequences, bidi overrides and controls', () => {
    const doc: ReportDocument = {
      title: 'T',
      subtitle: [],
      date: '2020-09-30',
      blocks: [section('甲', paragraph('红\u001b[31m色\u202e反'), table({ caption: '表\u0007', columns: [{ header: '列', width: 6 }], rows: [{ cells: ['转\u202e向'] }] }))],
    };
    const [sheet] = documentSheets(doc, zh);
    expect(sheet!.lines).toEqual([{ text: '红色反' }, { text: '表1　表', bold: true }]);
    expect(sheet!.rows).toEqual([{ values: ['转向'] }]);
  });

  it('formats numbers and shares to the column’s decimals', async () => {
    const doc: ReportDocument = {
      title: 'T',
      subtitle: [],
      date: '2020-09-30',
      blocks: [section('甲', table({
        caption: '表',
        columns: [{ header: '分', width: 6, kind: 'number', decimals: 1 }, { header: '数', width: 6, kind: 'number' }, { header: '率', width: 6, kind: 'percent', decimals: 0 }],
        rows: [{ cells: [92.5, 3, 0.5] }],
      }))],
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbook(documentSheets(doc, zh), doc.date, 'tasks')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(values(ws, 4)).toEqual([92.5, 3, 0.5]);
    expect([ws.getCell('A4').numFmt, ws.getCell('B4').numFmt, ws.getCell('C4').numFmt]).toEqual(['0.0', '0', '0%']);
  });
});
