// The plan opened once (its language in every answer and commit), one id allocator for new tasks
// and imports, and the field rules read from the schemas in one place.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import { allocateIds, nextId } from '../../src/core/ids.js';
import { isValidId, readPercent, readYear, YEAR_MAX, YEAR_MIN } from '../../src/core/words.js';
import { copyFixture, fixture, run, tempDir } from '../helpers.js';

const AS_OF = ['--as-of', '2020-09-30'];

function englishRepo(): { dir: string; git: (...args: string[]) => string } {
  const dir = copyFixture('edit');
  const config = join(dir, 'tasks.config.yaml');
  writeFileSync(config, `${readFileSync(config, 'utf8')}lang: en\n`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  git('init', '-q');
  git('config', 'user.name', 'clerk');
  git('config', 'user.email', 'clerk@example.org');
  git('add', '.');
  git('commit', '-qm', 'plan');
  return { dir, git };
}

describe('a plan whose settings say lang: en', () => {
  it('answers in English in every command, and writes its commit messages in English', async () => {
    const { dir, git } = englishRepo();
    const steps: Array<[string[], RegExp]> = [
      [['new', '--title', 'Sort waste', '--lead', '区长', '--unit', '区城管局', '--deadline', '2020-12-31', '--start', '2020-01-01'], /^created task 2020-004/],
      [['progress', '2020-001', 'tender done', '--percent', '40'], /^recorded progress of 2020-001/],
      [['set', '2020-002', 'title', 'Renovate old estates'], /^changed title of 2020-002/],
      [['milestone', '2020-002', 'add', 'design', '--due', '2020-10-31'], /^added a milestone to 2020-002/],
      [['milestone', '2020-002', 'done', 'design'], /^milestone "design" of 2020-002 done/],
      [['done', '2020-003'], /^marked 2020-003 done/],
      [['reopen', '2020-003'], /^reopened 2020-003/],
      [['undo'], /^undone: /i],
    ];
    for (const [argv, expected] of steps) {
      const r = await run([...AS_OF, ...argv], { cwd: dir });
      expect(r.stderr, argv.join(' ')).toBe('');
      expect(r.stdout, argv.join(' ')).toMatch(expected);
      expect(r.code, argv.join(' ')).toBe(0);
    }
    const subjects = git('log', '--format=%s').trim().split('\n');
    expect(subjects.slice(0, -1)).toEqual([
      'Undo: Reopened 2020-003: 已有进展的任务',
      'Reopened 2020-003: 已有进展的任务',
      'Done 2020-003: 已有进展的任务 (2020-09-30)',
      'Milestone 2020-002: "design" done (2020-09-30)',
      'Milestone 2020-002: added "design" (due 2020-10-31)',
      'Changed 2020-002: title 城市管理（CRLF 与 BOM） → Renovate old estates',
      'Progress 2020-001: tender done (区住建局)',
      'New 2020-004: Sort waste',
    ]);
    const show = await run([...AS_OF, 'show', '2020-001'], { cwd: dir });
    expect(show.stdout).toContain('lead official');
    const overdue = await run([...AS_OF, 'overdue'], { cwd: dir });
    expect(overdue.stdout).toMatch(/^As of 30 September 2020/);
  });

  it('words a bad --as-of in the plan\'s language too', async () => {
    const { dir } = englishRepo();
    const r = await run(['--as-of', 'someday', 'overdue'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read the date "someday" for --as-of');
  });
});

describe('importing a second notice into a plan', () => {
  const notice = (name: string, titles: string[]) => {
    const dir = tempDir();
    const path = join(dir, name);
    const lines = ['一、第一部分', ...titles.flatMap((t, i) => [`${i + 1}. ${t}`, '牵头单位：区发改委', '完成时限：6月底前'])];
    writeFileSync(path, `${lines.join('\n')}\n`);
    return path;
  };

  it('numbers its drafts after the plan\'s ids and replaces none of the first notice\'s drafts; a re-import changes nothing', async () => {
    const plan = tempDir();
    writeFileSync(join(plan, 'tasks.config.yaml'), 'title: 测试\nyear: 2020\n');
    const first = notice('甲.txt', ['推进甲项工作', '推进乙项工作', '推进丙项工作']);
    const second = notice('乙.txt', ['推进丁项工作', '推进戊项工作']);
    expect((await run(['import', 'notice', first], { cwd: plan })).code).toBe(0);
    const before = Object.fromEntries(readdirSync(join(plan, 'tasks')).map((f) => [f, readFileSync(join(plan, 'tasks', f), 'utf8')]));
    expect(Object.keys(before).sort()).toEqual(['2020-001.yaml', '2020-002.yaml', '2020-003.yaml']);

    const r = await run(['import', 'notice', second], { cwd: plan });
    expect(r.stderr).toContain('共 2 项：新写入 2，更新 0，未变 0，跳过 0');
    const after = readdirSync(join(plan, 'tasks')).sort();
    expect(after).toEqual(['2020-001.yaml', '2020-002.yaml', '2020-003.yaml', '2020-004.yaml', '2020-005.yaml']);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(join(plan, 'tasks', file), 'utf8')).toBe(text);
    expect(readFileSync(join(plan, 'tasks', '2020-004.yaml'), 'utf8')).toContain('推进丁项工作');

    const again = await run(['import', 'notice', first], { cwd: plan });
    expect(again.stderr).toContain('共 3 项：新写入 0，更新 0，未变 3，跳过 0');
    expect(readdirSync(join(plan, 'tasks')).sort()).toEqual(after);
  });

  it('hands tasks new the next id after an import, never one in use', async () => {
    expect(nextId(['2020-001', '2020-007', 'K-1'], 2020)).toBe('2020-008');
    expect(allocateIds([undefined, undefined], 2020, ['2020-001', '2020-003'])).toEqual(['2020-004', '2020-005']);
    expect(allocateIds(['2020-005', undefined], 2020, ['2020-004'])).toEqual(['2020-005', '2020-006']);
  });
});

describe('the field rules come from the schemas', () => {
  it('reads the id pattern, the year range and the percent range from the schemas', () => {
    expect(YEAR_MIN).toBe(configSchema.properties.year.minimum);
    expect(YEAR_MAX).toBe(configSchema.properties.year.maximum);
    expect(readYear('2100')).toBe(2100);
    expect(readYear(String(configSchema.properties.year.maximum + 1))).toBeUndefined();
    const pattern = new RegExp(taskSchema.properties.id.pattern);
    for (const id of ['2020-017', 'K-1', 'a.b_c', '-x', '', 'x'.repeat(65), '甲-1']) expect(isValidId(id)).toBe(pattern.test(id));
    const { minimum, maximum } = taskSchema.properties.progress.items.properties.percent;
    expect(readPercent(String(maximum))).toBe(maximum);
    expect(readPercent(String(minimum))).toBe(minimum);
    expect(readPercent(String(maximum + 1))).toBeUndefined();
  });

  it('reads percentages the same way on the command line and in a spreadsheet, refusing hex and exponents', async () => {
    for (const text of ['0x20', '1e2', '', '80%%', '-5']) expect(readPercent(text)).toBeUndefined();
    expect(readPercent('80%')).toBe(80);
    expect(readPercent('８０％')).toBe(80);
    expect(readPercent('0.8', { fractions: true })).toBe(80);
    expect(readPercent('0.8')).toBe(0.8);
    const r = await run(['-C', fixture('lights'), 'progress', 'L-01', 'x', '--percent', '0x20', '--no-commit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('完成百分比应为 0 到 100 之间的数');
  });

  it('refuses a bad --year with its limits, not "please give --year"', async () => {
    const r = await run(['init', tempDir(), '--year', '1999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--year 的值“1999”无效：应为 2000 到 2100 之间的年份');
  });
});
