// tasks remind: numbered 催办单 to the units that owe something, the numbers kept in the plan.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { copyFixture, gitFixture, run } from '../helpers.js';

/** The rhythm fixture in a git repository, with 2020-001 reporting and 2020-002 not. */
function repo(): ReturnType<typeof gitFixture> {
  return gitFixture('rhythm', (dir) => {
    writeFileSync(join(dir, 'tasks', '2020-001.yaml'), `${readFileSync(join(dir, 'tasks', '2020-001.yaml'), 'utf8')}progress:\n  - date: 2020-02-29\n    note: 完成设计\n    percent: 10\n`);
  });
}

describe('tasks remind', () => {
  it('sends one numbered notice to each unit that owes something, and none to the others', async () => {
    const { dir, git } = repo();
    const r = await run(['--as-of', '2020-03-01', 'remind'], { cwd: dir, columns: 160 });
    expect(r.code).toBe(0);
    const notices = r.stdout.split('────────────────────────────────────────');
    expect(notices).toHaveLength(1);
    expect(r.stdout).toContain('催办〔2020〕第1号');
    expect(r.stdout).toContain('区发改委：');
    expect(r.stdout).toContain('一、逾期未完成的任务');
    expect(r.stdout).toMatch(/2020-002 │ 编制专项规划\s*│ 2020-02-29 │\s+1 │ 尚未反馈/);
    expect(r.stdout).toContain('二、未按期报送的进展反馈');
    expect(r.stdout).toMatch(/2020-005 │ 实施就业优先战略\s*│ 2020年2月下旬/);
    expect(r.stdout.replace(/\n/g, '')).toContain('并于2020年3月10日前将办理情况书面反馈督查室');
    expect(r.stdout).not.toContain('区住建局：');
    expect(r.stderr).toContain('已出催办单1份（催办〔2020〕第1号）：区发改委2项');
    expect(readFileSync(join(dir, 'reminders.yaml'), 'utf8')).toContain('- year: 2020\n  number: 1\n  date: 2020-03-01\n  to: 区发改委\n  by: unit\n  tasks:\n    - 2020-002\n    - 2020-005\n');
    expect(git('log', '-1', '--format=%s')).toBe('催办单 1 份：催办〔2020〕第1号\n');
    expect(git('status', '--porcelain')).toBe('');
  }, 60_000);

  it('gives a notice again the number it has, and the next one a new number; a preview takes none', async () => {
    const { dir } = repo();
    await run(['--as-of', '2020-03-01', 'remind'], { cwd: dir });
    const again = await run(['--as-of', '2020-03-01', 'remind', '--format', 'docx'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(join('reminders', '2020-03-01', '催办〔2020〕第1号-区发改委.docx'));
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'reminders', '2020-03-01', '催办〔2020〕第1号-区发改委.docx')));
    const text = [...(await zip.file('word/document.xml')!.async('string')).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    expect(text).toContain('催办单');
    expect(text).toContain('催办〔2020〕第1号');
    expect(text).toContain('编制专项规划');
    const preview = await run(['--as-of', '2020-03-11', 'remind', '--dry-run'], { cwd: dir });
    expect(preview.stdout).toContain('催办〔　　〕第　　号');
    expect(preview.stderr).toContain('预览，未编号、未记录');
    const later = await run(['--as-of', '2020-03-11', 'remind', '--by', 'lead'], { cwd: dir, columns: 160 });
    expect(later.stderr).toMatch(/已出催办单\d份（催办〔2020〕第2号/);
    expect(later.stdout).toContain('区长：');
    expect(later.stdout).toContain('您牵头负责');
    const register = readFileSync(join(dir, 'reminders.yaml'), 'utf8');
    expect(register.match(/number: 1\n/g)).toHaveLength(1);
    expect(register).toContain('number: 2\n  date: 2020-03-11\n  to: 区长\n  by: lead');
  }, 60_000);

  it('writes nothing and takes no number when its folder cannot be written (exit 4)', async () => {
    const { dir } = repo();
    writeFileSync(join(dir, 'blocker'), 'x');
    const r = await run(['--as-of', '2020-03-01', 'remind', '--format', 'docx', '--out', join(dir, 'blocker')], { cwd: dir });
    expect(r.code).toBe(4);
    expect(existsSync(join(dir, 'reminders.yaml'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('says so when nobody owes anything', async () => {
    const dir = copyFixture('rhythm');
    const r = await run(['--as-of', '2020-02-11', 'remind'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('截至2020年2月11日，没有需要催办的单位。');
    expect(existsSync(join(dir, 'reminders.yaml'))).toBe(false);
  });
});
