// tasks assign and tasks init's roster, on temp copies of fixture plans in real git repositories.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { gitFixture, run, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

function repo(): ReturnType<typeof gitFixture> {
  return gitFixture('edit');
}

const data = (dir: string, id: string) => parse(readFileSync(join(dir, 'tasks', `${id}.yaml`), 'utf8').replace(/^\uFEFF/, ''));

describe('tasks assign', () => {
  it('changes the lead and units of several tasks in one commit from the command line', async () => {
    const { dir, git } = repo();
    const r = await run([...AS_OF, 'assign', '2020-002', '2020-003', '--lead', '分管城建', '--unit', '区城管局', '--unit', '区财政局'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已分解 2 项任务，一次提交');
    expect(data(dir, '2020-002')).toMatchObject({ lead: '分管城建副区长', units: ['区城管局', '区财政局'] });
    expect(data(dir, '2020-003')).toMatchObject({ lead: '分管城建副区长', units: ['区城管局', '区财政局'] });
    expect(git('log', '-1', '--format=%s')).toBe('分解任务 2 项：填写牵头领导、责任单位和完成时限（命令行）\n');
    expect(git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['tasks/2020-002.yaml', 'tasks/2020-003.yaml']);
  });

  it('moves the deadline of a task already assigned only with --reason, recording it; changes nothing otherwise', async () => {
    const { dir, git } = repo();
    const before = git('rev-parse', 'HEAD');
    const refused = await run([...AS_OF, 'assign', '2020-001', '2020-003', '--deadline', '10月'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('以下已分解的任务完成时限有变化，属调整时限，须写 --reason（批准日期用 --date）：2020-001、2020-003；未作任何改动');
    expect(git('rev-parse', 'HEAD')).toBe(before);
    const dry = await run([...AS_OF, 'assign', '2020-003', '--deadline', '10月', '--reason', '同意延期', '--dry-run'], { cwd: dir });
    expect(dry.stdout).toContain('2020-003：完成时限 2020-06-30 → 2020-10-31');
    expect(git('rev-parse', 'HEAD')).toBe(before);
    const ok = await run([...AS_OF, 'assign', '2020-003', '--deadline', '10月', '--reason', '同意延期', '--date', '9月28日'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(data(dir, '2020-003').extensions).toEqual([{ date: '2020-09-28', from: '2020-06-30', to: '2020-10-31', reason: '同意延期' }]);
  });

  it('reads a workbook matched by the id column, refusing every change when one name is a near-miss', async () => {
    const { dir } = repo();
    const book = async (lead: string) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('分解表');
      for (const row of [['编号', '工作任务', '牵头责任领导', '牵头单位', '完成时限'], ['2020-002', '（名称与台账不同也按编号找到）', '区长', '区城管局', ''], ['2020-003', '已有进展的任务', lead, '区财政局', '']]) ws.addRow(row);
      const path = join(dir, '分解表.xlsx');
      await wb.xlsx.writeFile(path);
      return path;
    };
    const near = await run([...AS_OF, 'assign', '--from', await book('分管城建副区长同志')], { cwd: dir });
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('工作表“分解表”第 3 行：牵头责任领导“分管城建副区长同志”与名册中的“分管城建副区长”很接近');
    expect(data(dir, '2020-002').lead).toBe('区长');
    const ok = await run([...AS_OF, 'assign', '--from', await book('分管城建')], { cwd: dir });
    expect(ok.code).toBe(0);
    // an empty deadline cell leaves the deadline as it is
    expect(data(dir, '2020-002')).toMatchObject({ lead: '区长', units: ['区城管局'], deadline: '2020-09-30' });
    expect(data(dir, '2020-003')).toMatchObject({ lead: '分管城建副区长', units: ['区财政局'] });
  });
});

describe('tasks init', () => {
  it('asks for the roster on a terminal, in protocol order, and warns of two names that look like one', async () => {
    const dir = tempDir();
    const r = await run(['init', '--year', '2021', '--no-git'], { cwd: dir, answers: ['区长、常务副区长、分管城建副区长、分管城建', ''] });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('牵头责任领导（按排名顺序');
    expect(r.stderr).toContain('名册中“分管城建副区长”与“分管城建”很接近，是否重复？');
    const config = parse(readFileSync(join(dir, 'tasks.config.yaml'), 'utf8'));
    expect(config.roster).toEqual({ leads: ['区长', '常务副区长', '分管城建副区长', '分管城建'], units: [] });
    const scripted = tempDir();
    const quiet = await run(['init', '--year', '2021', '--no-git', '--units', '区政府办，区发改委', '--units', '区财政局'], { cwd: scripted });
    expect(quiet.stderr).toBe('');
    expect(parse(readFileSync(join(scripted, 'tasks.config.yaml'), 'utf8')).roster).toEqual({ leads: [], units: ['区政府办', '区发改委', '区财政局'] });
  });
});
