// The period report prints the latest feedback — date, percent, 进展, 存在问题, 下步打算 — beside
// the tasks it names as late, due or unreported, in every format and in its JSON.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyFixture, run, runJson } from '../helpers.js';

/** 2020-002 (due 2020-02-29) reports on 5 March with problems and next steps; 2020-001 (a milestone due 31 March) reported on 20 February. */
function plan(): string {
  const dir = copyFixture('rhythm');
  const add = (id: string, lines: string) => writeFileSync(join(dir, 'tasks', `${id}.yaml`), readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8') + lines);
  add('2020-001', 'progress:\n  - date: 2020-02-20\n    note: 完成摸底\n    percent: 5\n    by: 区住建局\n    problems: 部分居民意见不一\n    next_steps: 入户做工作\n');
  add('2020-002', 'progress:\n  - date: 2020-03-05\n    note: 征求意见稿已送审\n    percent: 80\n    by: 区发改委\n    problems: 资金未到位\n    next_steps: 3月底前提请常务会议审议\n');
  return dir;
}

const ARGS = ['--as-of', '2020-03-21', 'report', 'xun', '--period', '2020-03-2'];
const RED_CELL = '03-05 80% 征求意见稿已送审\n存在问题：资金未到位\n下步打算：3月底前提请常务会议审议';
const DUE_CELL = '02-20 5% 完成摸底\n存在问题：部分居民意见不一\n下步打算：入户做工作';

describe('the latest feedback in the period report', () => {
  it('carries date, note, percent, problems and next steps on the JSON items', async () => {
    const { code, json } = await runJson([...ARGS, '--format', 'json'], { cwd: plan() });
    expect(code).toBe(0);
    const latest = { date: '2020-03-05', note: '征求意见稿已送审', percent: 80, by: '区发改委', problems: '资金未到位', next_steps: '3月底前提请常务会议审议' };
    expect(json.still_red).toEqual([expect.objectContaining({ id: '2020-002', latest_feedback: latest })]);
    expect(json.due_next.items).toContainEqual(expect.objectContaining({ id: '2020-001', kind: 'milestone', latest_feedback: expect.objectContaining({ date: '2020-02-20', problems: '部分居民意见不一' }) }));
    // a unit that has never reported says so with null, not by leaving the key out
    expect(json.feedback.missing.find((j: { id: string }) => j.id === '2020-003')).toMatchObject({ latest_feedback: null });
    expect(json.feedback.missing.find((j: { id: string }) => j.id === '2020-001')).toMatchObject({ latest_feedback: { date: '2020-02-20', next_steps: '入户做工作' } });
  });

  it('prints it in one cell, 存在问题 and 下步打算 on lines of their own, in text and Markdown', async () => {
    const dir = plan();
    const text = await run(ARGS, { cwd: dir, columns: 300 });
    expect(text.code).toBe(0);
    const still = text.stdout.slice(text.stdout.indexOf('持续逾期任务'));
    const lines = still.split('\n');
    const row = lines.findIndex((l) => l.includes('2020-002'));
    expect(lines[row]).toContain('03-05 80% 征求意见稿已送审');
    expect(lines[row + 1]).toContain('存在问题：资金未到位');
    expect(lines[row + 2]).toContain('下步打算：3月底前提请常务会议审议');
    const due = text.stdout.slice(text.stdout.indexOf('到期的任务和节点'));
    expect(due.split('\n').find((l) => l.includes('2020-001'))).toContain('02-20 5% 完成摸底');

    const md = await run([...ARGS, '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('03-05 80% 征求意见稿已送审<br>存在问题：资金未到位<br>下步打算：3月底前提请常务会议审议');
    expect(md.stdout).toContain('02-20 5% 完成摸底<br>存在问题：部分居民意见不一<br>下步打算：入户做工作');
  });

  it('writes it into the .docx as lines of one cell and into the .xlsx as one wrapped cell', async () => {
    const dir = plan();
    expect((await run([...ARGS, '--format', 'docx', '--out', join(dir, 'r.docx')], { cwd: dir })).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(join(dir, 'r.docx')))).file('word/document.xml')!.async('string');
    const cells = [...xml.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => t[1] ?? '\n').join(''));
    expect(cells).toContain(RED_CELL);
    expect(cells).toContain(DUE_CELL);

    expect((await run([...ARGS, '--format', 'xlsx', '--out', join(dir, 'r.xlsx')], { cwd: dir })).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, 'r.xlsx')) as unknown as ArrayBuffer);
    const found: Array<{ sheet: string; wrap: boolean | undefined }> = [];
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.value === RED_CELL || cell.value === DUE_CELL) found.push({ sheet: ws.name, wrap: cell.alignment?.wrapText });
      }));
    }
    // still red, due next, unreported (and late) and 欠进度: each sheet that names the tasks
    expect([...new Set(found.map((f) => f.sheet))]).toEqual(['逾期情况', '下一旬到期事项', '进展反馈情况', '进度分类情况']);
    expect(found.every((f) => f.wrap === true)).toBe(true);
  });
});
