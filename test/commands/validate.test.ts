import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconvFreeGbk } from './gbk.js';
import { run, runJson, tempDir } from '../helpers.js';

const GOOD = 'id: T-1\ntitle: 好任务\nlead: 区长\nunits: [区发改委]\ndeadline: 2020-06-30\nstatus: in_progress\n';

/** A plan in a temp folder with the given task files (name → text or bytes). */
function plan(files: Record<string, string | Buffer>, config?: string): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'tasks'));
  if (config !== undefined) writeFileSync(join(dir, 'tasks.config.yaml'), config);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'tasks', name), content);
  return dir;
}

async function problems(files: Record<string, string | Buffer>, config?: string) {
  const dir = plan({ 'T-1.yaml': GOOD, ...files }, config);
  const r = await runJson(['validate'], { cwd: dir });
  return { code: r.code, json: r.json, problems: r.json.problems as Array<{ file: string; line: number; column: number; code: string; message: string; severity: string }> };
}

describe('tasks validate on bad input', () => {
  it('passes a good plan with a one-line summary', async () => {
    const dir = plan({ 'T-1.yaml': GOOD }, 'title: 测试\n');
    const r = await run(['validate'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 个任务，0 个错误，0 个警告\n');
  });

  it('reports malformed YAML at its line and still checks the other files', async () => {
    const r = await problems({ 'T-2.yaml': 'id: T-2\ntitle: [未闭合\nlead: 区长\n' });
    expect(r.code).toBe(1);
    expect(r.json.tasks).toBe(2);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ file: 'tasks/T-2.yaml', code: 'yaml_syntax', severity: 'error' });
    expect(r.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('names wrong types and suggests quotes for 017', async () => {
    const r = await problems({ '017.yaml': GOOD.replace('id: T-1', 'id: 017') });
    expect(r.problems.find((p) => p.code === 'wrong_type')).toMatchObject({ line: 1, column: 5, message: expect.stringContaining('"017"') });
  });

  it('points at an unknown key and says what was meant', async () => {
    const r = await problems({ 'T-2.yaml': GOOD.replace('T-1', 'T-2') + 'deadlin: 2020-01-01\n' });
    expect(r.problems[0]).toMatchObject({ line: 7, column: 1, code: 'unknown_key', message: expect.stringContaining('是否想写“deadline”') });
  });

  it('rejects an impossible date', async () => {
    const r = await problems({ 'T-2.yaml': GOOD.replace('T-1', 'T-2').replace('2020-06-30', '2020-02-30') });
    expect(r.problems[0]).toMatchObject({ line: 5, column: 11, code: 'invalid_date' });
  });

  it('rejects an empty file', async () => {
    const r = await problems({ 'T-2.yaml': '' });
    expect(r.problems[0]).toMatchObject({ code: 'empty_file', line: 1 });
  });

  it('accepts a UTF-8 BOM and CRLF line ends', async () => {
    const dir = plan({ 'T-1.yaml': '\uFEFF' + GOOD.replace(/\n/g, '\r\n') });
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('says a GBK file is not UTF-8, without printing mojibake', async () => {
    const r = await problems({ 'T-2.yaml': iconvFreeGbk });
    expect(r.problems[0]).toMatchObject({ code: 'not_utf8', line: 2 });
    expect(r.problems[0]!.message).toContain('GBK');
  });

  it('refuses an alias bomb', async () => {
    const bomb = ['id: T-2', 'a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    const r = await problems({ 'T-2.yaml': bomb });
    expect(r.problems[0]).toMatchObject({ code: 'alias_limit', line: 3 });
  });

  it('refuses __proto__ keys at any depth', async () => {
    const r = await problems({ 'T-2.yaml': GOOD.replace('T-1', 'T-2') + 'progress:\n  - date: 2020-01-01\n    note: x\n    __proto__: {polluted: 1}\n' });
    expect(r.problems.map((p) => p.code)).toContain('forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports duplicate keys with both lines', async () => {
    const r = await problems({ 'T-2.yaml': GOOD.replace('T-1', 'T-2') + 'title: 又一个标题\n' });
    expect(r.problems[0]).toMatchObject({ code: 'duplicate_key', line: 7, message: expect.stringContaining('第 2 行') });
  });

  it('refuses a 50 MB file by its size, before parsing', async () => {
    const r = await problems({ 'T-2.yaml': Buffer.alloc(50 * 1024 * 1024, 0x61) });
    expect(r.problems[0]).toMatchObject({ code: 'too_large', line: 1 });
  });

  it('finds unresolved conflict markers', async () => {
    const r = await problems({ 'T-2.yaml': 'id: T-2\n<<<<<<< HEAD\ntitle: a\n=======\ntitle: b\n>>>>>>> other\n' });
    expect(r.problems[0]).toMatchObject({ code: 'conflict_marker', line: 2 });
  });

  it('checks across files: duplicate ids, ids that do not match the file, done_on rules, dates after done_on', async () => {
    const r = await problems({
      'T-2.yaml': GOOD,
      'T-3.yaml': GOOD.replace('T-1', 'T-3').replace('in_progress', 'done'),
      'T-4.yaml': GOOD.replace('T-1', 'T-4') + 'done_on: 2020-05-01\n',
      'T-5.yaml': GOOD.replace('T-1', 'T-5').replace('in_progress', 'done') + 'done_on: 2020-05-01\nprogress:\n  - date: 2020-05-10\n    note: 晚于完成日期\n',
    });
    expect(r.problems.find((p) => p.code === 'date_after_done')!.message).toBe('进展反馈第 1 项的日期（progress[0].date）为 2020-05-10，晚于完成日期 done_on（2020-05-01）；请核对日期');
    const codes = r.problems.map((p) => `${p.file}:${p.code}`);
    expect(codes).toEqual(expect.arrayContaining([
      'tasks/T-1.yaml:duplicate_id', 'tasks/T-2.yaml:duplicate_id', 'tasks/T-2.yaml:id_mismatch',
      'tasks/T-3.yaml:done_on_required', 'tasks/T-4.yaml:done_on_forbidden', 'tasks/T-5.yaml:date_after_done',
    ]));
  });

  it('warns when the recorded extensions do not end at the deadline in force, as after two clerks extended one task differently', async () => {
    const ext = (to: string, reason: string) => `  - date: 2020-06-20\n    from: 2020-06-30\n    to: ${to}\n    reason: ${reason}\n`;
    const task = (id: string, deadline: string, records: string) => GOOD.replace('T-1', id).replace('2020-06-30', deadline) + `extensions:\n${records}`;
    const r = await problems({
      'T-2.yaml': task('T-2', '2020-10-31', ext('2020-10-31', '甲') + ext('2020-11-30', '乙')),
      'T-3.yaml': task('T-3', '2020-12-31', ext('2020-10-31', '甲')),
      'T-4.yaml': task('T-4', '2020-11-30', ext('2020-11-30', '乙')),
    });
    expect(r.code).toBe(0);
    const chain = r.problems.filter((p) => p.code === 'extension_chain');
    expect(chain.map((p) => [p.file, p.severity, p.line])).toEqual([['tasks/T-2.yaml', 'warning', 14], ['tasks/T-3.yaml', 'warning', 10]]);
    expect(chain[0]!.message).toContain('延期记录与现行完成时限 2020-10-31 对不上');
  });

  it('warns about names not in the roster, suggesting the nearest', async () => {
    const r = await problems({ 'T-2.yaml': GOOD.replace('T-1', 'T-2').replace('区发改委', '区发改局') }, 'roster:\n  leads: [区长]\n  units: [区发改委]\n');
    expect(r.code).toBe(0);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', code: 'unknown_unit', line: 4, message: expect.stringContaining('是否是“区发改委”') });
  });

  it('reports an invalid config and goes on with the defaults', async () => {
    const r = await problems({}, 'warning_days: 十天\nlang: fr\n');
    expect(r.code).toBe(1);
    expect(r.problems.map((p) => [p.file, p.code, p.line])).toEqual([['tasks.config.yaml', 'wrong_type', 1], ['tasks.config.yaml', 'bad_enum', 2]]);
  });

  it('checks only the given files, and speaks English when asked', async () => {
    const dir = plan({ 'T-1.yaml': GOOD, 'T-2.yaml': 'id: [' });
    const r = await run(['validate', 'tasks/T-1.yaml', '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 task, 0 errors, 0 warnings\n');
    const all = await run(['validate', '--lang', 'en'], { cwd: dir });
    expect(all.stdout).toMatch(/^tasks\/T-2\.yaml:1:\d+: error: YAML syntax error/);
  });

  it('is a usage error to name a file that does not exist', async () => {
    const dir = plan({ 'T-1.yaml': GOOD });
    const r = await run(['validate', 'tasks/nope.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml');
  });
});
